"""Cosine similarity between outlets on TF-IDF, with basic bootstrap intervals over articles.

`cosine` is the cosine of two outlets' mean TF-IDF vectors. It is biased low: noise in a mean
vector adds to its length, not to its overlap with the other mean (on 100 BBC articles a group, by
more than its sampling spread, so percentile intervals miss it and BCa is undefined). The dot
product of two outlets' means is unbiased; a mean's squared length is not, and is replaced by its
unbiased estimate, the mean product of two different articles, (n |mean|^2 - mean |row|^2) / (n-1):
`cosine_unbiased`. Its interval is the basic bootstrap interval over articles (a stratified
bootstrap, each outlet's articles resampled, all pairs from one set of draws drawn as
scipy.stats.bootstrap draws them): the resampled values scatter around the resampled population's
own cosine, the plain `cosine`, as the estimate scatters around the true one (Davison & Hinkley
1997, 5.2). No ad-hoc shift. benchmarks/similarity_coverage.py measures it: 40 samples of 100
BBC business and tech articles, mean unbiased cosine 0.443 against a true 0.448 (plain: 0.319),
95 % intervals containing the truth 35 times of 40 (0.88; the former shifted interval 0). A pair gets
no interval (NaN) unless both outlets have at least MIN_UNITS articles: an outlet of one article
has no article-to-article variation to resample; with fewer than two such outlets nothing is
resampled (n_boot 0). The resamples are drawn as article weights and only sums over articles enter
(similarity_draws): no loop per resample, and on corpora of up to some thousand articles a cost
that does not grow with the vocabulary or the number of outlets.
"""

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.config import N_BOOTSTRAP, SEED
from analysis.corpus import Corpus, per_corpus
from analysis.stats import LEVEL, MIN_UNITS, group_rng
from analysis.terms import document_terms, outlet_profiles

NOTEBOOK = "02-terms-and-topics"
_CHUNK = 10_000_000  # profile values (resamples x outlets x terms) held in memory at once
_WEIGHTS = 10_000_000  # article weights (resamples x articles) drawn at once
GRAM_MAX = 25_000_000  # an article Gram matrix up to this many entries (200 MB) is held whole
# Per multiply-add, the Gram path runs about this many times faster than outlet profiles
# (benchmarks/scale.py articles, 8 groups, 2,000 resamples: 2,000 articles, Gram 8e9 products in
# 0.56 s against profiles 1.1e10 in 8.6 s; 10,000 articles, 2e11 in 18.7 s against 9.2e9 in
# 11.5 s); it is taken while articles^2 <= GRAM_EFFICIENCY * outlets^2 * terms.
GRAM_EFFICIENCY = 10


def cosine_matrix(profiles: np.ndarray) -> np.ndarray:
    """Cosine similarity between the rows (0 where a row is all zeros)."""
    norms = np.linalg.norm(profiles, axis=1, keepdims=True)
    unit = np.divide(profiles, norms, out=np.zeros_like(profiles), where=norms > 0)
    return unit @ unit.T


def unbiased_cosines(profiles: np.ndarray, square_norms: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Cosines of a stack of outlet mean profiles (resample x outlet x term) with each squared
    length replaced by its unbiased estimate (see dot_cosines)."""
    return dot_cosines(np.matmul(profiles, profiles.transpose(0, 2, 1)), square_norms, sizes)


def dot_cosines(dots: np.ndarray, square_norms: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Cosines from dot products of outlet mean profiles (resample x outlet x outlet) with each
    squared length replaced by its unbiased estimate (n |mean|^2 - mean |row|^2) / (n - 1) (the
    mean product of two different articles); `square_norms` (resample x outlet) is the mean
    squared length of the articles, `sizes` the articles per outlet. NaN where an estimate is not
    positive or a group has one article (0 / 0, which rounding turns into any tiny number)."""
    sizes = np.asarray(sizes)
    with np.errstate(invalid="ignore", divide="ignore"):
        lengths = (sizes * np.einsum("rkk->rk", dots) - square_norms) / (sizes - 1)
        lengths = np.sqrt(np.where((lengths > 0) & (sizes > 1), lengths, np.nan))
        return dots / (lengths[:, :, None] * lengths[:, None, :])


def resample_weights(sizes: list[int], n_boot: int, rng: np.random.Generator,
                     resampled: list[bool]):
    """Batches of article weights (resample x article, outlets side by side): how often each
    article is drawn, per batch and outlet rng.integers(0, n, (batch, n)) as scipy.stats.bootstrap
    draws; an outlet not `resampled` keeps weight 1. The batches depend only on the sizes."""
    batch = max(1, _WEIGHTS // max(sum(sizes), 1))
    for done in range(0, n_boot, batch):
        size = min(batch, n_boot - done)
        blocks = []
        for n, drawn in zip(sizes, resampled, strict=True):
            if drawn:
                picks = rng.integers(0, n, (size, n)) + n * np.arange(size)[:, None]
                blocks.append(np.bincount(picks.ravel(), minlength=size * n).reshape(size, n))
            else:
                blocks.append(np.ones((size, n)))
        yield np.hstack(blocks).astype(float)


def _gram_dots(x, weights: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Resample x outlet x outlet sums of weighted article products from the article Gram matrix:
    `x` is that matrix (dense, articles x articles) or the articles (sparse), whose Gram rows are
    then computed one outlet at a time; outlets side by side from `starts`."""
    dots = np.empty((weights.shape[0], len(starts), len(starts)))
    bounds = np.r_[starts, weights.shape[1]]
    for k in range(len(starts)):  # outlet k with itself and every later outlet; the rest mirrored
        block, rest = slice(bounds[k], bounds[k + 1]), slice(bounds[k], None)
        gram = x[block, rest] if isinstance(x, np.ndarray) else (x[block] @ x[rest].T).toarray()
        dots[:, k, k:] = np.add.reduceat((weights[:, block] @ gram) * weights[:, rest],
                                         starts[k:] - starts[k], axis=1)
        dots[:, k + 1:, k] = dots[:, k, k + 1:]
    return dots


def _profile_dots(x: sparse.csr_matrix, weights: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Resample x outlet x outlet dot products of weighted outlet sums of the articles `x`
    (articles x terms), a few resamples at a time: each outlet's sums as a dense term x resample
    block (its transposed articles in CSR times the weights, no transposed copy), the dot
    products of each pair of blocks column by column."""
    n_groups, bounds = len(starts), np.r_[starts, weights.shape[1]]
    terms = [x[bounds[k]:bounds[k + 1]].T.tocsr() for k in range(n_groups)]
    step = max(1, _CHUNK // max(n_groups * x.shape[1], 1))
    dots = np.empty((weights.shape[0], n_groups, n_groups))
    for first in range(0, weights.shape[0], step):
        w = weights[first:first + step]
        sums = [terms[k] @ np.ascontiguousarray(w[:, bounds[k]:bounds[k + 1]].T)
                for k in range(n_groups)]
        for k in range(n_groups):
            for j in range(k, n_groups):
                dots[first:first + step, k, j] = dots[first:first + step, j, k] = \
                    np.einsum("tr,tr->r", sums[k], sums[j])
    return dots


def similarity_draws(rows: list[sparse.csr_matrix], n_boot: int, rng: np.random.Generator,
                     resampled: list[bool]) -> np.ndarray:
    """Outlet x outlet unbiased cosines of `n_boot` resamples of the articles (`rows`, one matrix
    per outlet) of every outlet marked `resampled` (the others keep their mean), drawn as
    scipy.stats.bootstrap draws them (resample_weights). Only sums over articles enter: the
    outlets' weighted sums and the articles' squared lengths. With few articles the dot products
    come from the article Gram matrix (cost resamples x articles^2, whatever the vocabulary and
    the number of outlets), else from dense outlet profiles (resamples x outlets^2 x terms)."""
    sizes = np.array([x.shape[0] for x in rows], dtype=float)
    x = sparse.vstack(rows).tocsr()
    squares = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    starts = np.r_[0, np.cumsum(sizes[:-1])].astype(int)
    n, groups = x.shape[0], len(rows)
    gram = n * n <= GRAM_EFFICIENCY * groups * groups * x.shape[1]
    if gram and n * n <= GRAM_MAX:
        x = (x @ x.T).toarray()
    draws = []
    for weights in resample_weights([r.shape[0] for r in rows], n_boot, rng, resampled):
        dots = (_gram_dots if gram else _profile_dots)(x, weights, starts) / np.outer(sizes, sizes)
        square_norms = np.add.reduceat(weights * squares, starts, axis=1) / sizes
        draws.append(dot_cosines(dots, square_norms, sizes))
    return np.concatenate(draws) if draws else np.empty((0, groups, groups))


def basic_interval(estimate: float, plug_in: float, draws: np.ndarray,
                   level: float = LEVEL) -> tuple[float, float]:
    """Basic bootstrap interval of an estimate whose resampled values `draws` scatter around the
    resampled population's own value `plug_in` (Davison & Hinkley 1997, 5.2): the estimate minus
    the upper and lower quantiles of draws - plug_in."""
    tail = (1 - level) / 2
    high, low = np.nanquantile(draws, [1 - tail, tail]) - plug_in
    return float(estimate - high), float(estimate - low)


def compute_similarity(corpus: Corpus, n_boot: int = N_BOOTSTRAP, seed: int = SEED) -> pd.DataFrame:
    """Every ordered outlet pair: cosine of the mean TF-IDF vectors, its unbiased-length version
    with a basic bootstrap interval over articles, and each outlet's articles."""
    model = document_terms(corpus)
    tfidf, outlets = model.tfidf(), corpus.documents["outlet"].to_numpy()
    point = cosine_matrix(outlet_profiles(tfidf, corpus.documents["outlet"], corpus.outlets))
    rows = [tfidf[np.flatnonzero(outlets == o)] for o in corpus.outlets]
    sizes = [x.shape[0] for x in rows]
    resampled = [n >= MIN_UNITS for n in sizes]
    n_boot = n_boot if sum(resampled) >= 2 else 0
    unbiased = similarity_draws(rows, 1, np.random.default_rng(0), [False] * len(rows))[0]
    draws = similarity_draws(rows, n_boot, group_rng(seed, "similarity"), resampled) if n_boot \
        else None
    table = []
    for i, a in enumerate(corpus.outlets):
        for j, b in enumerate(corpus.outlets):
            low = high = np.nan
            if i == j:
                low = high = point[i, i]
            elif draws is not None and resampled[i] and resampled[j]:
                low, high = np.clip(basic_interval(unbiased[i, j], point[i, j], draws[:, i, j]),
                                    0, 1)
            table.append((a, b, point[i, j], low, high, unbiased[i, j] if i != j else point[i, i],
                          n_boot, sizes[i], sizes[j]))
    return pd.DataFrame(table, columns=["outlet_a", "outlet_b", "cosine", "low", "high",
                                        "cosine_unbiased", "n_boot", "n_articles_a",
                                        "n_articles_b"])


similarity_table = per_corpus(compute_similarity)


TABLES = {"similarity": similarity_table}
