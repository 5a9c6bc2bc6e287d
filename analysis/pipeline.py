"""The registry of analysis stages: which tables and figures each one contributes."""

import importlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis.corpus import Corpus, stored
from analysis.errors import CorpusWarning
from analysis.export import write_csv
from analysis.plotting import save_figure

# Each stage module defines TABLES (name -> function of the corpus returning a DataFrame) and
# FIGURES (a list of FigureSpec). Each table has one owner: two stages naming the same table is an
# error (the sentences table, with its tone columns, belongs to analysis.sentiment).
STAGES = (
    "analysis.overview",
    "analysis.terms",
    "analysis.keyness",
    "analysis.similarity",
    "analysis.topics",
    "analysis.sentiment",
    "analysis.framing",
    "analysis.findings",
)


@dataclass(frozen=True)
class FigureSpec:
    """A figure of a notebook: how to draw it from the corpus, and its alt text."""

    notebook: str
    name: str
    make: Callable[[Corpus], tuple[Figure, pd.DataFrame]]
    alt: Callable[[pd.DataFrame], str]

    @property
    def stem(self) -> str:
        return f"{self.notebook}-{self.name}"


def stage_modules() -> list:
    """The imported stage modules, in order."""
    return [importlib.import_module(name) for name in STAGES]


def all_tables() -> dict[str, Callable[[Corpus], pd.DataFrame]]:
    """Every table any stage contributes, by file stem; a name two stages give is an error."""
    tables, owners = {}, {}
    for module in stage_modules():
        for name, make in module.TABLES.items():
            if name in owners:
                raise ValueError(f"table {name!r} is made by both {owners[name]} and "
                                 f"{module.__name__}: give it one owner")
            tables[name], owners[name] = make, module.__name__
    return tables


def all_figures() -> list[FigureSpec]:
    """Every figure of every stage."""
    return [spec for module in stage_modules() for spec in module.FIGURES]


# Tables a person fills in by hand: a filled-in copy is never overwritten (columns starting "coder_").
HAND_CODED = ("frame_validation",)
CODER_PREFIX = "coder_"


def has_hand_coding(path: Path) -> bool:
    """Whether a CSV file exists with anything filled into a coder_ column."""
    if not path.is_file():
        return False
    try:
        sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError):
        return True  # unreadable as a table: keep it rather than guess
    coder = [c for c in sheet.columns if c.startswith(CODER_PREFIX)]
    return bool(coder) and bool((sheet[coder].apply(lambda c: c.str.strip()) != "").any().any())


def write_tables(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Write every table as CSV into `out_dir`; a hand-coded sheet gets its new version beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in all_tables().items():
        path = out_dir / f"{name}.csv"
        if name in HAND_CODED and has_hand_coding(path):
            path = out_dir / f"{name}.new.csv"
            warnings.warn(f"{out_dir / name}.csv has hand coding: kept; the new sheet is "
                          f"{path.name}", CorpusWarning, stacklevel=2)
        write_csv(stored(corpus, f"table.{name}", lambda make=make: make(corpus)), path)
        paths.append(path)
    return paths


def render_figure(spec: FigureSpec, corpus: Corpus, out_dir: Path) -> tuple[Figure, pd.DataFrame]:
    """Draw one figure and save it (PNG, SVG, CSV); return the figure and its data."""
    fig, data = spec.make(corpus)
    save_figure(fig, spec.stem, data, out_dir)
    return fig, data


def render_figures(corpus: Corpus, out_dir: Path) -> list[Path]:
    """Re-render every figure into `out_dir`; return the PNG paths."""
    for spec in all_figures():
        render_figure(spec, corpus, out_dir)
    return [out_dir / f"{spec.stem}.png" for spec in all_figures()]
