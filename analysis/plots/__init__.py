"""The figure registry: every figure declared as data (notebook, name, how it is drawn, alt text).

One module per stage (analysis.plots.<stage>) draws that stage's tables and lists its FIGURES;
the measure modules (analysis.<stage>) compute the tables and import no matplotlib.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class FigureSpec:
    """A figure of a notebook: how to draw it from the corpus (figure and the data plotted), and
    its alt text from that data."""

    notebook: str
    name: str
    make: Callable  # Corpus -> (matplotlib Figure, DataFrame of the data plotted)
    alt: Callable[[pd.DataFrame], str]

    @property
    def stem(self) -> str:
        return f"{self.notebook}-{self.name}"


def stage_figures() -> dict[str, list[FigureSpec]]:
    """Each stage's figures, in the pipeline's stage order (analysis.pipeline.STAGES: every stage
    has its module here); a stem two figures share is an error."""
    from analysis.pipeline import STAGES, stage_name  # imported here: the pipeline imports this module

    by_stage, seen = {}, set()
    for stage in (stage_name(importlib.import_module(name)) for name in STAGES):
        specs = list(importlib.import_module(f"analysis.plots.{stage}").FIGURES)
        for spec in specs:
            if spec.stem in seen:
                raise ValueError(f"figure {spec.stem!r} is declared twice: give it one name")
            seen.add(spec.stem)
        by_stage[stage] = specs
    return by_stage


def all_figures() -> list[FigureSpec]:
    """Every figure of every stage."""
    return [spec for specs in stage_figures().values() for spec in specs]
