"""The figure of notebook 05: every headline measure per group, side by side."""


import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from analysis.corpus import Corpus
from analysis.findings import (
    NOTEBOOK,
    compute_measures,
)
from analysis.plots import FigureSpec
from analysis.plotting import MIN_FONT, new_axes, outlet_colors
from analysis.stats import resampled


def plot_overview(measures: pd.DataFrame, colors: dict[str, str]):
    """Small multiples: one panel per measure, outlets as rows, point estimates with intervals."""
    panels = list(dict.fromkeys(measures["measure"]))
    outlets = list(dict.fromkeys(measures["outlet"]))
    columns = 2
    rows = int(np.ceil(len(panels) / columns))
    fig, _ = new_axes(figsize=(9.0, 0.6 + rows * (0.4 + 0.28 * len(outlets))))
    fig.clear()
    axes = fig.subplots(rows, columns, sharey=True, squeeze=False).ravel()
    for ax, panel in zip(axes, panels, strict=False):
        data = measures[measures["measure"] == panel].set_index("outlet").reindex(outlets)
        y = np.arange(len(outlets))
        for i, outlet in enumerate(outlets):
            row = data.loc[outlet]
            if pd.notna(row["low"]):
                ax.plot([row["low"], row["high"]], [i, i], color=colors[outlet], linewidth=2)
            ax.plot(row["value"], i, "o", color=colors[outlet], markersize=6)
        ax.set_yticks(y, outlets)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.set_title(panel, fontsize=MIN_FONT, loc="left")
        ax.tick_params(labelsize=7)
        ax.grid(axis="x", color="#dddddd", linewidth=0.5)
        ax.xaxis.set_major_locator(MaxNLocator(4))  # narrow panels at many groups: few ticks
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    fig.suptitle(f"The outlets side by side (95% intervals: {resampled(measures['unit'])})",
                 x=0.01, ha="left", fontsize=10, fontweight="bold")
    return fig


def _overview(corpus: Corpus):
    data = compute_measures(corpus)
    return plot_overview(data, outlet_colors(corpus.outlets)), data


def _overview_alt(data: pd.DataFrame) -> str:
    panels = list(dict.fromkeys(data["measure"]))
    return (f"Small multiples, {len(panels)} panels, each outlet's value with its interval: "
            + "; ".join(panels))


FIGURES = [FigureSpec(NOTEBOOK, "overview", _overview, _overview_alt)]
