"""Figures of notebook 02: group x group similarity heat map and its dendrogram."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

from analysis.corpus import Corpus
from analysis.plots import FigureSpec
from analysis.plotting import (
    CELL_DETAIL_MAX,
    CELL_TEXT_MAX,
    GRID_LABEL,
    MAX_WIDTH,
    MIN_FONT,
    grid_labels,
    shorten,
)
from analysis.similarity import (
    NOTEBOOK,
    similarity_table,
)


def plot_similarity(similarity: pd.DataFrame, ax=None):
    """Heat map of outlet x outlet cosine similarity, each cell with its bootstrap interval."""
    outlets = list(dict.fromkeys(similarity["outlet_a"]))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(6, 5), layout="constrained")
    grid = similarity.pivot(index="outlet_a", columns="outlet_b", values="cosine").reindex(
        index=outlets, columns=outlets)
    values = grid.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, np.nan)  # an outlet with itself is 1 by definition
    low, high = (np.nanmin(values), np.nanmax(values)) if len(outlets) > 1 else (0.0, 1.0)
    low, high = (low - 0.01, high + 0.01) if high - low < 0.02 else (low, high)
    image = ax.imshow(values, cmap="viridis", vmin=low, vmax=high,  # the colours span the data
                      aspect="auto")
    for row in similarity.itertuples():
        i, j = outlets.index(row.outlet_a), outlets.index(row.outlet_b)
        if i != j and len(outlets) <= CELL_TEXT_MAX:
            dark = row.cosine < low + 0.6 * (high - low)
            detail = len(outlets) <= CELL_DETAIL_MAX and not np.isnan(row.low)
            interval = f"\n[{row.low:.2f}, {row.high:.2f}]" if detail else ""
            ax.text(j, i, f"{row.cosine:.2f}{interval}", ha="center", va="center",
                    color="white" if dark else "black")
    grid_labels(ax, outlets)
    ax.set_title("Cosine similarity (TF-IDF)" + (" [95 % interval of the unbiased cosine]"
                                                 if len(outlets) <= CELL_DETAIL_MAX else ""))
    fig.colorbar(image, ax=ax, shrink=0.7, fraction=0.04, pad=0.02)
    return fig


ZERO_SPAN = 0.05  # x range of a dendrogram whose outlets are all alike (every distance 0)


def plot_dendrogram(similarity: pd.DataFrame, ax=None):
    """Average-linkage clustering of the outlets on 1 - cosine similarity."""
    outlets = list(dict.fromkeys(similarity["outlet_a"]))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(4, 3), layout="constrained")
    ax.set_title("Outlets clustered by vocabulary")
    if len(outlets) < 2:
        ax.text(0.5, 0.5, "one outlet: nothing to cluster", ha="center", transform=ax.transAxes)
        return fig
    grid = similarity.pivot(index="outlet_a", columns="outlet_b", values="cosine").reindex(
        index=outlets, columns=outlets).to_numpy(dtype=float)
    distance = np.clip(1 - grid, 0, None)
    np.fill_diagonal(distance, 0)
    leaves = [shorten(o, GRID_LABEL) for o in outlets]  # as short as the heat map's labels
    with warnings.catch_warnings():  # outlets all alike (every distance 0): equal x limits
        warnings.filterwarnings("ignore", "Attempting to set identical", UserWarning)
        dendrogram(linkage(squareform(distance, checks=False), method="average"), labels=leaves,
                   orientation="right", ax=ax, color_threshold=0, above_threshold_color="#555555",
                   leaf_font_size=MIN_FONT)
    if not distance.max() > 0:
        ax.set_xlim(ZERO_SPAN, 0)  # the root on the left, as scipy draws it
    ax.set_xlabel("1 - cosine similarity")
    return fig


def _similarity(corpus: Corpus):
    data = similarity_table(corpus)
    n = data["outlet_a"].nunique()
    if n <= CELL_TEXT_MAX:
        fig, (left, right) = plt.subplots(1, 2, figsize=(MAX_WIDTH, 4.5), width_ratios=[3, 2],
                                          layout="constrained")
    else:  # one above the other, each tall enough for a label per outlet
        fig, (left, right) = plt.subplots(2, 1, figsize=(7.0, 3.0 + 0.55 * n),
                                          height_ratios=[3, 2], layout="constrained")
    plot_similarity(data, ax=left)
    plot_dendrogram(data, ax=right)
    return fig, data


def _similarity_alt(data: pd.DataFrame) -> str:
    pairs = data[data["outlet_a"] < data["outlet_b"]].sort_values("cosine", ascending=False)
    if pairs.empty:
        return "Heat map of cosine similarity between outlets; the corpus has a single outlet."
    top = pairs.iloc[0]
    interval = ("no interval: too few articles" if np.isnan(top.low) else
                f"unbiased {top.cosine_unbiased:.2f}, 95% interval {top.low:.2f} to "
                f"{top.high:.2f}")
    return (f"Heat map and dendrogram of cosine similarity between outlets; most similar: "
            f"{top.outlet_a} and {top.outlet_b} ({top.cosine:.2f}, {interval}).")


FIGURES = [FigureSpec(NOTEBOOK, "similarity", _similarity, _similarity_alt)]
