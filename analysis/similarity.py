"""Cosine similarity between outlets on TF-IDF, with intervals from resampling sentences."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

from analysis.config import N_BOOTSTRAP, SEED
from analysis.corpus import Corpus, per_corpus
from analysis.pipeline import FigureSpec
from analysis.plotting import (
    CELL_DETAIL_MAX,
    CELL_TEXT_MAX,
    GRID_LABEL,
    MAX_WIDTH,
    MIN_FONT,
    grid_labels,
    shorten,
)
from analysis.stats import group_rng, percentile_interval
from analysis.terms import DocumentTerms, document_terms, outlet_averaging, outlet_profiles
from analysis.vocabulary import sentence_term_counts

NOTEBOOK = "02-terms-and-topics"


def cosine_matrix(profiles: np.ndarray) -> np.ndarray:
    """Cosine similarity between the rows (0 where a row is all zeros)."""
    norms = np.linalg.norm(profiles, axis=1, keepdims=True)
    unit = np.divide(profiles, norms, out=np.zeros_like(profiles), where=norms > 0)
    return unit @ unit.T


def resample_within(groups: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """How often each row is drawn when every group's rows are resampled with replacement."""
    order = np.argsort(groups, kind="stable")
    sizes = np.bincount(groups)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    slot_group = groups[order]
    picks = order[starts[slot_group] + (rng.random(len(groups)) * sizes[slot_group]).astype(int)]
    return np.bincount(picks, minlength=len(groups))


def similarity_draws(corpus: Corpus, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Outlet x outlet cosine similarities of `n_boot` corpora with sentences resampled per document."""
    model: DocumentTerms = document_terms(corpus)
    sentences = sentence_term_counts(corpus)[0][:, model.columns]
    doc_of = pd.Index(corpus.documents["doc_id"]).get_indexer(corpus.sentences["doc_id"])
    averaging = outlet_averaging(corpus.documents["outlet"], corpus.outlets)
    weights = sparse.csr_matrix((np.ones(len(doc_of)), (doc_of, np.arange(len(doc_of)))),
                                shape=(len(corpus.documents), len(doc_of)))
    draws = np.empty((n_boot, len(corpus.outlets), len(corpus.outlets)))
    for i in range(n_boot):
        weights.data = resample_within(doc_of, rng)[weights.indices].astype(float)
        draws[i] = cosine_matrix((averaging @ model.tfidf(weights @ sentences)).toarray())
    return draws


def centred_interval(point: float, draws: np.ndarray) -> tuple[float, float, float]:
    """Percentile interval of the draws moved so that their mean is `point`; and that shift."""
    shift = float(np.mean(draws) - point)
    low, high = percentile_interval(draws)
    return float(np.clip(low - shift, 0, 1)), float(np.clip(high - shift, 0, 1)), shift


def compute_similarity(corpus: Corpus, n_boot: int = N_BOOTSTRAP, seed: int = SEED) -> pd.DataFrame:
    """Every ordered outlet pair: cosine of the mean TF-IDF vectors with a bootstrap interval.

    A resample repeats some sentences and leaves out others; that noise lowers every cosine, so
    the draws sit below the estimate (column `shift`, mean of the draws minus the estimate). The
    interval is their percentile interval moved by that shift: it shows how much the similarity
    depends on which sentences were written, centred on the estimate.
    """
    model = document_terms(corpus)
    point = cosine_matrix(outlet_profiles(model.tfidf(), corpus.documents["outlet"], corpus.outlets))
    if len(corpus.outlets) < 2:  # one group: its similarity with itself cannot vary
        n_boot, draws = 0, point[np.newaxis]
    else:
        draws = similarity_draws(corpus, n_boot, group_rng(seed, "similarity"))
    rows = [(a, b, point[i, j], *centred_interval(point[i, j], draws[:, i, j]), n_boot)
            for i, a in enumerate(corpus.outlets) for j, b in enumerate(corpus.outlets)]
    return pd.DataFrame(rows, columns=["outlet_a", "outlet_b", "cosine", "low", "high", "shift",
                                       "n_boot"])


similarity_table = per_corpus(compute_similarity)


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
            interval = f"\n[{row.low:.2f}, {row.high:.2f}]" if len(outlets) <= CELL_DETAIL_MAX else ""
            ax.text(j, i, f"{row.cosine:.2f}{interval}", ha="center", va="center",
                    color="white" if dark else "black")
    grid_labels(ax, outlets)
    ax.set_title("Cosine similarity (TF-IDF)" + (" [95 % interval]" if len(outlets) <= CELL_DETAIL_MAX
                                                 else ""))
    fig.colorbar(image, ax=ax, shrink=0.7, fraction=0.04, pad=0.02)
    return fig


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
    dendrogram(linkage(squareform(distance, checks=False), method="average"), labels=leaves,
               orientation="right", ax=ax, color_threshold=0, above_threshold_color="#555555",
               leaf_font_size=MIN_FONT)
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
    return (f"Heat map and dendrogram of cosine similarity between outlets; most similar: "
            f"{top.outlet_a} and {top.outlet_b} ({top.cosine:.2f}, 95% interval {top.low:.2f} "
            f"to {top.high:.2f}).")


TABLES = {"similarity": similarity_table}

FIGURES = [FigureSpec(NOTEBOOK, "similarity", _similarity, _similarity_alt)]
