"""Figures of notebook 02: key terms per group against the rest, and pairwise keyness."""

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.keyness import (
    NOTEBOOK,
    OVER,
    TOP_TERMS,
    compute_pairwise_counts,
    keyness_table,
    top_key_terms,
)
from analysis.plots import FigureSpec
from analysis.plotting import (
    CELL_DETAIL_MAX,
    CELL_TEXT_MAX,
    grid_labels,
    legend_outside,
    new_axes,
    outlet_colors,
    per_group,
)


def plot_key_terms(top: pd.DataFrame, colors: dict[str, str], ax=None):
    """Log Ratio (light) and LRC (dark) of each outlet's top over-used terms (right of zero) and
    under-used terms (left), as quanteda's textplot_keyness; hatched: not significant."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.8 + 0.22 * max(len(top), 1)))
    y = np.arange(len(top))
    palette = [colors[o] for o in top["outlet"]]
    hatch = ["" if k else "//" for k in top.get("key", pd.Series(True, index=top.index))]
    ax.barh(y, top["log_ratio"], color=palette, alpha=0.35, height=0.8, hatch=hatch,
            label="Log Ratio")
    ax.barh(y, top["lrc"], color=palette, height=0.8, label="LRC (conservative)")
    for i, row in enumerate(top.itertuples()):
        ax.text(row.log_ratio, i, f" {row.count_target} vs {row.count_reference} ",
                va="center", ha="left" if row.log_ratio >= 0 else "right")
    ax.set_yticks(y, [f"{t} ({o})" for t, o in zip(top["term"], top["outlet"], strict=True)])
    ax.invert_yaxis()
    reach = max(top["log_ratio"].abs().max() if len(top) else 1, 1) * 1.4
    ax.set_xlim(-reach if (top["log_ratio"] < 0).any() else 0, reach)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("log2 relative frequency, outlet / rest (right: over-used, left: under-used)")
    shown = top.groupby(["outlet", "direction"]).size().max() if len(top) else 0
    ax.set_title(f"Up to {shown} over- and {shown} under-used terms of each outlet against the rest "
                 "(labels: count in outlet vs rest; hatched: not significant; all in keyness.csv)")
    legend_outside(ax)
    return fig


def plot_pairwise(pairwise: pd.DataFrame, outlets: list[str], ax=None):
    """Heat map: how many terms the row outlet significantly over-uses against the column outlet."""
    fig, ax = new_axes(ax, figsize=(7.0, 2.5 + 0.6 * min(len(outlets), CELL_TEXT_MAX)
                                    + 0.2 * max(len(outlets) - CELL_TEXT_MAX, 0)))
    grid = pairwise.pivot(index="outlet", columns="reference", values="n_key_terms").reindex(
        index=outlets, columns=outlets)
    values = grid.to_numpy(dtype=float)
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=max(np.nanmax(values, initial=0), 1),
                      aspect="auto")
    top = pairwise.set_index(["outlet", "reference"])["top_term"]
    for i, row in enumerate(outlets):
        for j, column in enumerate(outlets):
            if row != column and len(outlets) <= CELL_TEXT_MAX:
                term = top[(row, column)]
                detail = isinstance(term, str) and len(outlets) <= CELL_DETAIL_MAX
                label = f"{int(grid.iloc[i, j])}" + (f"\n{term}" if detail else "")
                dark = values[i, j] > 0.6 * image.norm.vmax
                ax.text(j, i, label, ha="center", va="center",
                        color="white" if dark else "black")
    grid_labels(ax, outlets)
    ax.set_xlabel("reference outlet")
    ax.set_ylabel("outlet")
    ax.set_title("Key terms of each outlet against another")
    fig.colorbar(image, ax=ax, label="key terms (FDR < 5 %, LRC > 0)", shrink=0.8, fraction=0.04,
                 pad=0.02)
    return fig


def _key_terms(corpus: Corpus):
    top = top_key_terms(keyness_table(corpus), n=max(1, per_group(len(corpus.outlets), TOP_TERMS) // 2),
                        direction=None)
    return plot_key_terms(top, outlet_colors(corpus.outlets)), top


def _pairwise(corpus: Corpus):
    data = compute_pairwise_counts(keyness_table(corpus), corpus.outlets)
    return plot_pairwise(data, corpus.outlets), data


def _key_terms_alt(top: pd.DataFrame) -> str:
    if top.empty:
        return "Bar chart of key terms per outlet; no term reaches the minimum frequency."
    over = top[top["direction"] == OVER]
    return ("Bar chart of the Log Ratio and LRC of each outlet's most over-used and under-used "
            "terms; strongest over-used: " + "; ".join(
                f"{r.outlet}: {r.term} ({r.count_target} vs {r.count_reference}"
                f"{'' if r.key else ', not significant'})"
                for r in over.groupby("outlet", sort=False).head(1).itertuples()))


def _pairwise_alt(data: pd.DataFrame) -> str:
    most = data.sort_values("n_key_terms", ascending=False, kind="stable").head(1)
    return ("Heat map of the number of terms each outlet significantly over-uses against each "
            "other outlet; largest: " + "; ".join(
                f"{r.outlet} against {r.reference}, {r.n_key_terms} terms" for r in most.itertuples()))


FIGURES = [
    FigureSpec(NOTEBOOK, "keyness", _key_terms, _key_terms_alt),
    FigureSpec(NOTEBOOK, "pairwise", _pairwise, _pairwise_alt),
]
