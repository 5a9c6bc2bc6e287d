"""Cosine similarity between outlets on TF-IDF, with basic bootstrap intervals over articles.

The estimate is the cosine of two outlets' mean TF-IDF vectors. It is biased low: noise in a mean
vector adds to its length, not to its overlap with the other mean. Resampling the articles of
every outlet (a stratified bootstrap, all pairs from one set of draws) shows that bias: the draws
sit below the estimate (column `bias`, mean of the draws minus the estimate), on 100 BBC articles a
group by more than their spread, so a percentile interval misses the estimate and BCa is undefined
(every draw below it). The interval is therefore the basic (reverse-percentile) bootstrap interval,
2 x estimate - the upper and lower percentiles of the draws (scipy.stats.bootstrap's method="basic",
with the same draws: checked in the tests): the draws' distance from the estimate stands for the
estimate's distance from the true similarity, so the interval sits around the bias-corrected
estimate `cosine_corrected` (2 x estimate - mean of the draws; Efron & Tibshirani 1993, 10.6).
No ad-hoc shift. A pair gets no interval (NaN) unless both outlets have at least MIN_UNITS
articles: an outlet of one article has no article-to-article variation to resample.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import dendrogram, linkage
from scipy.spatial.distance import squareform

from analysis.config import N_BOOTSTRAP, SEED
from analysis.corpus import Corpus, per_corpus
from analysis.pipeline import FigureSpec
from analysis.stats import LEVEL, MIN_UNITS, group_rng
from analysis.terms import document_terms, outlet_profiles

NOTEBOOK = "02-terms-and-topics"
_CHUNK = 10_000_000  # profile values (resamples x outlets x terms) held in memory at once


def cosine_matrix(profiles: np.ndarray) -> np.ndarray:
    """Cosine similarity between the rows (0 where a row is all zeros)."""
    norms = np.linalg.norm(profiles, axis=1, keepdims=True)
    unit = np.divide(profiles, norms, out=np.zeros_like(profiles), where=norms > 0)
    return unit @ unit.T


def _cosines(profiles: np.ndarray) -> np.ndarray:
    """Cosine matrices of a stack of profile matrices (resample x outlet x term)."""
    dots = np.einsum("rkv,rlv->rkl", profiles, profiles)
    norms = np.sqrt(np.einsum("rkk->rk", dots))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.nan_to_num(dots / (norms[:, :, None] * norms[:, None, :]))


def similarity_draws(rows: list[sparse.csr_matrix], n_boot: int, rng: np.random.Generator,
                     resampled: list[bool]) -> np.ndarray:
    """Outlet x outlet cosines of `n_boot` resamples of the articles (`rows`, one matrix per outlet)
    of every outlet marked `resampled` (the others keep their mean), drawn as scipy.stats.bootstrap
    draws them: per batch, per outlet, rng.integers(0, n, (batch, n))."""
    k, n_terms = len(rows), rows[0].shape[1]
    means = [np.asarray(x.mean(axis=0)).ravel() for x in rows]
    batch = max(1, _CHUNK // max(k * n_terms, 1))
    draws = []
    for done in range(0, n_boot, batch):
        size = min(batch, n_boot - done)
        profiles = np.empty((size, k, n_terms))
        for j, x in enumerate(rows):
            if not resampled[j]:
                profiles[:, j] = means[j]
                continue
            n = x.shape[0]
            picks = rng.integers(0, n, (size, n))
            weights = np.bincount((picks + n * np.arange(size)[:, None]).ravel(),
                                  minlength=size * n).reshape(size, n)
            profiles[:, j] = (x.T @ weights.T).T / n
        draws.append(_cosines(profiles))
    return np.concatenate(draws)


def basic_interval(point: float, draws: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """Basic bootstrap interval: 2 x point - the (1 + level) / 2 and (1 - level) / 2 quantiles."""
    tail = (1 - level) / 2
    low, high = np.quantile(draws, [1 - tail, tail])
    return float(2 * point - low), float(2 * point - high)


def compute_similarity(corpus: Corpus, n_boot: int = N_BOOTSTRAP, seed: int = SEED) -> pd.DataFrame:
    """Every ordered outlet pair: cosine of the mean TF-IDF vectors with a basic bootstrap interval
    over articles, the bias of the draws, the bias-corrected cosine and each outlet's articles."""
    model = document_terms(corpus)
    tfidf, outlets = model.tfidf(), corpus.documents["outlet"].to_numpy()
    point = cosine_matrix(outlet_profiles(tfidf, corpus.documents["outlet"], corpus.outlets))
    rows = [tfidf[np.flatnonzero(outlets == o)] for o in corpus.outlets]
    sizes = [x.shape[0] for x in rows]
    resampled = [n >= MIN_UNITS for n in sizes]
    n_boot = n_boot if sum(resampled) >= 2 else 0
    draws = similarity_draws(rows, n_boot, group_rng(seed, "similarity"), resampled) if n_boot \
        else None
    table = []
    for i, a in enumerate(corpus.outlets):
        for j, b in enumerate(corpus.outlets):
            low = high = bias = np.nan
            if i == j:
                low, high, bias = point[i, i], point[i, i], 0.0
            elif draws is not None and resampled[i] and resampled[j]:
                low, high = np.clip(basic_interval(point[i, j], draws[:, i, j]), 0, 1)
                bias = float(draws[:, i, j].mean() - point[i, j])
            table.append((a, b, point[i, j], low, high, bias, point[i, j] - bias, n_boot, sizes[i],
                          sizes[j]))
    return pd.DataFrame(table, columns=["outlet_a", "outlet_b", "cosine", "low", "high", "bias",
                                        "cosine_corrected", "n_boot", "n_articles_a",
                                        "n_articles_b"])


similarity_table = per_corpus(compute_similarity)


def plot_similarity(similarity: pd.DataFrame, ax=None):
    """Heat map of outlet x outlet cosine similarity, each cell with its bootstrap interval."""
    outlets = list(dict.fromkeys(similarity["outlet_a"]))
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(6, 5), layout="constrained")
    grid = similarity.pivot(index="outlet_a", columns="outlet_b", values="cosine").reindex(
        index=outlets, columns=outlets)
    values = grid.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, np.nan)  # an outlet with itself is 1 by definition
    image = ax.imshow(values, cmap="viridis", vmin=0, vmax=1)
    for row in similarity.itertuples():
        i, j = outlets.index(row.outlet_a), outlets.index(row.outlet_b)
        if i != j:
            interval = "" if np.isnan(row.low) else f"\n[{row.low:.2f}, {row.high:.2f}]"
            ax.text(j, i, f"{row.cosine:.2f}{interval}", ha="center",
                    va="center", fontsize=7, color="white" if row.cosine < 0.6 else "black")
    ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right", fontsize=7)
    ax.set_yticks(range(len(outlets)), outlets, fontsize=7)
    ax.set_title("Cosine similarity (TF-IDF) [95 % interval of the bias-corrected cosine]",
                 fontsize=9)
    fig.colorbar(image, ax=ax, shrink=0.7)
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
    dendrogram(linkage(squareform(distance, checks=False), method="average"), labels=outlets,
               orientation="right", ax=ax, color_threshold=0, above_threshold_color="#555555",
               leaf_font_size=7)
    ax.set_xlabel("1 - cosine similarity")
    return fig


def _similarity(corpus: Corpus):
    data = similarity_table(corpus)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.5), width_ratios=[3, 2],
                                      layout="constrained")
    plot_similarity(data, ax=left)
    plot_dendrogram(data, ax=right)
    return fig, data


def _similarity_alt(data: pd.DataFrame) -> str:
    pairs = data[data["outlet_a"] < data["outlet_b"]].sort_values("cosine", ascending=False)
    if pairs.empty:
        return "Heat map of cosine similarity between outlets; the corpus has a single outlet."
    top = pairs.iloc[0]
    interval = ("no interval: too few articles" if np.isnan(top.low) else
                f"bias-corrected {top.cosine_corrected:.2f}, 95% interval {top.low:.2f} to "
                f"{top.high:.2f}")
    return (f"Heat map and dendrogram of cosine similarity between outlets; most similar: "
            f"{top.outlet_a} and {top.outlet_b} ({top.cosine:.2f}, {interval}).")


TABLES = {"similarity": similarity_table}

FIGURES = [FigureSpec(NOTEBOOK, "similarity", _similarity, _similarity_alt)]
