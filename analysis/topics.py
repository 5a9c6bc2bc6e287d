"""NMF topics learnt from articles, the number of topics chosen by stability under subsampling.

For each candidate k a reference model is fitted to every article (NNDSVD start, so no random
start), then one model to each of N_SEEDS x N_RUNS random subsamples of SUBSAMPLE of the articles,
as in Greene, O'Callaghan & Cunningham (2014, "How many topics? Stability analysis for topic
models"). The stability of k is how well a subsample's model sorts its articles into the same
topics as the reference: the adjusted Rand index of the two models' dominant topics over the
subsample's articles (stability of an NMF grouping as in Brunet et al. 2004, by subsampling as in
Ben-Hur et al. 2002; the index is corrected for chance). A k that splits a theme in two, or merges
two, sorts the articles differently from sample to sample. Greene et al.'s own measure, the
agreement of the top TOP_TERMS terms (average Jaccard over the ranking depths, topics matched one
to one), is reported beside it and per topic; it does not choose k, because terms of nearly equal
weight swap places from sample to sample whatever k is (on 1,000 BBC articles in five categories it
was highest at k = 2, against 5 for the index). Stability favours few topics (two broad topics
come back from almost any sample), so the rule is the largest k whose mean stability is within
TOLERANCE of the best. The table reports the stability under each base seed (mean, lowest,
highest) and how many base seeds would choose each k on their own.

Articles, not paragraphs, are the unit topics are learnt from: a paragraph has too few words to
show which words go together (on 500 BBC articles in five categories, paragraph models from random
starts chose k = 3 and, at k = 5, sorted paragraphs into the categories with an adjusted Rand index
of 0.37, against 0.72 for the article model applied to the same paragraphs). Every paragraph then
gets its topic shares from the article model. Large corpora fit on a reproducible sample of
MAX_FIT_ARTICLES articles over the terms of at least TOPIC_MIN_DF of its articles (at most
MAX_TOPIC_TERMS terms: the rarer ones left out).
"""

import warnings
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.metrics import adjusted_rand_score
from sklearn.utils.extmath import randomized_svd
from threadpoolctl import threadpool_limits

from analysis.config import SEED
from analysis.corpus import Corpus, per_corpus
from analysis.parallel import in_background, run_partitions, workers
from analysis.stats import SENTENCES, summarise_columns
from analysis.vocabulary import sentence_term_counts, sum_rows

NOTEBOOK = "02-terms-and-topics"
MAX_TOPICS = 8
PARAGRAPHS = "paragraphs"  # the prevalence rows resampled where an outlet has one article
N_RUNS = 5  # subsamples per candidate number of topics and base seed
N_SEEDS = 3  # base seeds, each drawing its own N_RUNS subsamples
SEED_STEP = 1000  # base seed b draws its subsamples from SEED + b * SEED_STEP + run
SUBSAMPLE = 0.8  # share of the articles in each subsample (Greene et al. 2014)
TOLERANCE = 0.05  # a k whose stability is this close to the best one's is as stable
# Models are fitted on a reproducible sample of this many articles: every fit costs about in
# proportion to them. At 1,500, topic_model on 2,000 generated articles takes 40 s of CPU (the
# paragraph models it replaces took 20 s); on every BBC article a sample of 1,000 chose k = 5 only
# at the edge of the tolerance (base seeds chose 3, 3, 6), samples of 1,500 and 2,000 chose it
# with all three base seeds.
MAX_FIT_ARTICLES = 1500
# A fit stops when its projected gradient has fallen to this share of the first one's. scikit-learn's
# default 1e-4 runs about half as many iterations again for topics of the same stability (measured
# when topics were fitted on paragraphs: within 0.001 on 5,000 BBC paragraphs, k 2 to 8).
FIT_TOL = 1e-3
MAX_ITER = 1000
TOPIC_MIN_DF = 2  # a topic is a pattern shared by articles: terms of a single article are left out
# At most this many terms enter the models: the rarest are left out (a fit's cost grows with the
# terms). Measured with benchmarks/topics_k.py on every BBC article (25,267 terms in two or more of
# the 1,500 fitted): k = 5 chosen by every base seed with 25,267, 15,000 or 10,000 terms; adjusted
# Rand index of the categories 0.880, 0.880, 0.876 (articles) and 0.747, 0.743, 0.733 (paragraphs);
# 18, 15 and 10 s. On 1,500 of 10,000 generated articles (67,683 terms) the fits took 56 s of CPU
# before and 31 s with 10,000 terms.
MAX_TOPIC_TERMS = 10_000
TOP_TERMS = 10  # terms per topic shown, and the depth to which top terms are compared
CARD_TERMS = 6  # terms per topic in the chart
N_PASSAGES = 3
PARALLEL_NNZ = 200_000  # an article matrix with this many entries fits its models in parallel
MIN_SHARE = 0.01  # a passage represents a topic only if at least this share of it is the topic
# Terms are ranked by their weights rounded to this many decimals of the topic's largest weight:
# terms of equal weight (say, words of one article only) come out of NMF 1e-15 apart, in an order
# that differs between CPUs' BLAS kernels; rounded, they tie and go in column order on any CPU.
RANK_DECIMALS = 9


def _matched(similarity: np.ndarray) -> np.ndarray:
    """Each row's similarity to its column under the one-to-one matching of highest total."""
    rows, cols = linear_sum_assignment(-similarity)
    return similarity[rows, cols][np.argsort(rows)]


def top_terms(h: np.ndarray, n: int = TOP_TERMS) -> list[np.ndarray]:
    """The columns of each topic's `n` highest weights, highest first (ties, to RANK_DECIMALS of
    the topic's largest weight, by column)."""
    largest = h.max(axis=1, keepdims=True)
    relative = np.divide(h, largest, out=np.zeros(h.shape), where=largest > 0).round(RANK_DECIMALS)
    return [_top_columns(topic, n) for topic in relative]


def _top_columns(values: np.ndarray, n: int) -> np.ndarray:
    """np.argsort(-values, kind="stable")[:n], sorting only the values at least the n-th largest."""
    if len(values) <= n:
        return np.argsort(-values, kind="stable")
    candidates = np.flatnonzero(values >= np.partition(values, -n)[-n])  # ties at the n-th kept
    return candidates[np.argsort(-values[candidates], kind="stable")][:n]


def average_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Mean Jaccard similarity of two rankings' first d items over every depth d (1 = same order)."""
    depths = range(1, min(len(a), len(b)) + 1)
    return float(np.mean([len(set(a[:d]) & set(b[:d])) / len(set(a[:d]) | set(b[:d]))
                          for d in depths])) if depths else np.nan


def matched_agreement(h1: np.ndarray, h2: np.ndarray, n: int = TOP_TERMS) -> np.ndarray:
    """Top-term agreement (average Jaccard) of each topic in `h1` with its partner in `h2`."""
    ranked = [top_terms(h, n) for h in (h1, h2)]
    return _matched(np.array([[average_jaccard(a, b) for b in ranked[1]] for a in ranked[0]]))


def subsample_rows(n_units: int, seed: int, share: float = SUBSAMPLE) -> np.ndarray:
    """A reproducible random `share` of the rows (rounded up, in order)."""
    size = int(np.ceil(share * n_units))
    return np.sort(np.random.default_rng(seed).choice(n_units, size, replace=False))


@dataclass(frozen=True)
class Fit:
    """One NMF model, the rows it was fitted on and each row's dominant (highest-weight) topic."""

    model: NMF
    rows: np.ndarray
    dominant: np.ndarray


def nndsvd_start(u: np.ndarray, s: np.ndarray, vt: np.ndarray, k: int, eps: float = 1e-6):
    """NNDSVD starting W and H of k topics (Boutsidis & Gallopoulos 2008, as scikit-learn's
    init="nndsvd") from a truncated SVD of at least k components, computed once for every k."""
    w, h = np.zeros((u.shape[0], k)), np.zeros((k, vt.shape[1]))
    w[:, 0], h[0] = np.sqrt(s[0]) * np.abs(u[:, 0]), np.sqrt(s[0]) * np.abs(vt[0])
    for j in range(1, k):
        parts = [(np.maximum(u[:, j], 0), np.maximum(vt[j], 0)),
                 (np.maximum(-u[:, j], 0), np.maximum(-vt[j], 0))]
        x, y = max(parts, key=lambda p: np.linalg.norm(p[0]) * np.linalg.norm(p[1]))
        x_norm, y_norm = np.linalg.norm(x), np.linalg.norm(y)
        scale = np.sqrt(s[j] * x_norm * y_norm)
        w[:, j], h[j] = scale * x / x_norm, scale * y / y_norm
    w[w < eps], h[h < eps] = 0, 0
    return w, h


def _fit(job: tuple[sparse.spmatrix, list[int], np.ndarray]) -> list[Fit]:
    """NMF models of (matrix, ks, rows), one per k, from NNDSVD starts on one SVD of the rows
    (a random start where k exceeds the rows or terms). One SVD serves every k: with one per k
    (scikit-learn's init="nndsvd") the SVDs took 41 % of the fitting time on 2,000 generated
    articles. One BLAS thread: with two (on 2 cores) the fits of 10,000 generated articles took
    17.3 s and 29.3 s of CPU, with one 14.7 s of both, and left the other core to the other stages."""
    with threadpool_limits(limits=1):
        x, ks, rows = job
        x = x[rows]
        rank = min(max(ks), *x.shape)
        u, s, vt = randomized_svd(x, rank, random_state=SEED)
        fits = []
        for k in ks:
            model = NMF(k, init="custom" if k <= rank else "random", random_state=SEED,
                        max_iter=MAX_ITER, tol=FIT_TOL)
            start = dict(zip("WH", nndsvd_start(u, s, vt, k), strict=True)) if k <= rank else {}
            # an exact fit has an error of 0; a fit that stops at MAX_ITER (a tiny corpus, a k above
            # its rows) is used as it stands: the stability across subsamples says whether it holds
            with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                w = model.fit_transform(x, **start)
            fits.append(Fit(model, rows, w.argmax(axis=1)))
        return fits


def run_seeds(n_runs: int, seed: int, n_seeds: int) -> list[int]:
    """The subsample seeds of every base seed, base seed after base seed."""
    return [seed + base * SEED_STEP + run for base in range(n_seeds) for run in range(n_runs)]


def fit_runs(x: sparse.spmatrix, ks: list[int], n_runs: int = N_RUNS, seed: int = SEED,
             n_seeds: int = 1, here: bool = False) -> dict[int, list[Fit]]:
    """Per k the reference fit (all rows) and then one fit per subsample, base seed after base
    seed; on a large matrix the fits run in parallel (same models), unless `here`."""
    samples = [np.arange(x.shape[0])] + [subsample_rows(x.shape[0], s)
                                         for s in run_seeds(n_runs, seed, n_seeds)]
    jobs = [(x, ks, rows) for rows in samples]
    fits = [_fit(job) for job in jobs] if here or x.nnz < PARALLEL_NNZ else \
        run_partitions(_fit, jobs, list)
    return {k: [by_sample[i] for by_sample in fits] for i, k in enumerate(ks)}


def run_stability(reference: Fit, runs: list[Fit]) -> float:
    """Mean adjusted Rand index of the runs' dominant topics and the reference's on the same rows."""
    scores = [adjusted_rand_score(reference.dominant[run.rows], run.dominant) for run in runs]
    return float(np.mean(scores)) if scores else np.nan


def term_agreement(reference: Fit, runs: list[Fit]) -> float:
    """Mean top-term agreement of the runs' topics with the reference's (1 = the same top terms)."""
    scores = [matched_agreement(reference.model.components_, run.model.components_).mean()
              for run in runs]
    return float(np.mean(scores)) if scores else np.nan


def umass_coherence(h: np.ndarray, occurs: sparse.spmatrix, n_top: int = TOP_TERMS) -> float:
    """Mean UMass coherence of the topics' top terms over the units they occur in (a proxy)."""
    occurs = sparse.csc_matrix(occurs > 0, dtype=np.int64)
    scores = []
    for top in top_terms(h, n_top):
        together = (occurs[:, top].T @ occurs[:, top]).toarray()
        pairs = [np.log((together[i, j] + 1) / together[j, j]) for i in range(len(top))
                 for j in range(i)]
        scores.append(np.mean(pairs) if pairs else np.nan)
    return float(np.nanmean(scores)) if not np.all(np.isnan(scores)) else np.nan


def candidate_ks(n_units: int, n_terms: int, max_topics: int = MAX_TOPICS) -> list[int]:
    """Numbers of topics worth trying: 2 up to max_topics, fewer than the units and the terms."""
    return list(range(2, min(max_topics, n_units - 1, n_terms) + 1)) or [1]


def choose_k(ks: pd.Series, stability: pd.Series, tolerance: float = TOLERANCE) -> int:
    """The largest k whose stability is within `tolerance` of the best (an undefined one counts 1)."""
    stability = stability.round(3).fillna(1).to_numpy()
    return int(ks.to_numpy()[stability >= stability.max() - tolerance].max())


def stability_by_k(x: sparse.spmatrix, ks: list[int], n_runs: int = N_RUNS, seed: int = SEED,
                   n_seeds: int = N_SEEDS, here: bool = False):
    """Per k: stability under each base seed (mean, min, max), top-term agreement, coherence of
    the reference model, how many base seeds would choose this k, the chosen k; and per k the
    reference fit followed by the fits of every subsample (fitted in this process if `here`)."""
    rows, fits = [], fit_runs(x, ks, n_runs, seed, n_seeds, here)
    for k in ks:
        reference, runs = fits[k][0], fits[k][1:]
        per_seed = [run_stability(reference, runs[b * n_runs:(b + 1) * n_runs])
                    for b in range(n_seeds)]
        rows.append((k, np.mean(per_seed), term_agreement(reference, runs),
                     umass_coherence(reference.model.components_, x), n_runs * n_seeds,
                     np.min(per_seed), np.max(per_seed), *per_seed))
    seed_columns = [f"stability_seed_{b + 1}" for b in range(n_seeds)]
    table = pd.DataFrame(rows, columns=["k", "stability", "term_agreement", "coherence", "n_runs",
                                        "stability_min", "stability_max", *seed_columns])
    picks = [choose_k(table["k"], table[c]) for c in seed_columns]
    table = table.drop(columns=seed_columns)
    table["n_seeds_choosing"] = [picks.count(k) for k in table["k"]]
    table["n_seeds"] = n_seeds
    table["chosen"] = table["k"] == choose_k(table["k"], table["stability"])
    return table, fits


@dataclass(frozen=True)
class TopicModel:
    """The chosen NMF model: topic shares per paragraph, term weights, stability per k and topic."""

    stability: pd.DataFrame
    shares: pd.DataFrame  # one row a paragraph: paragraph_id, doc_id, outlet, one column a topic
    weights: pd.DataFrame  # topic x term
    topic_stability: np.ndarray


def shared_terms(matrix: sparse.spmatrix, limit: int = MAX_TOPIC_TERMS) -> np.ndarray:
    """The columns with entries in at least TOPIC_MIN_DF rows, or in more rows where that leaves
    more than `limit` columns (the smallest such number of rows); all if fewer than two are."""
    df = (matrix > 0).sum(axis=0).A1
    least = TOPIC_MIN_DF
    if (df >= least).sum() > limit:  # the (limit+1)-th largest count, plus one
        least = max(least, int(np.sort(df)[::-1][limit]) + 1)
    columns = np.flatnonzero(df >= least)
    return columns if len(columns) >= 2 else np.arange(matrix.shape[1])


def unit_counts(corpus: Corpus) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
    """Term counts of the articles and of the paragraphs (corpus.paragraphs order), and the terms."""
    counts, terms = sentence_term_counts(corpus)
    by_article, _ = sum_rows(counts, corpus.sentences["doc_id"])
    key = corpus.sentences["doc_id"] + "/" + corpus.sentences["paragraph_index"].astype(str)
    by_paragraph, keys = sum_rows(counts, key)
    wanted = corpus.paragraphs["doc_id"] + "/" + corpus.paragraphs["paragraph_index"].astype(str)
    return by_article, by_paragraph[keys.get_indexer(wanted)], terms


def fit_sample(n_units: int, limit: int = MAX_FIT_ARTICLES, seed: int = SEED) -> np.ndarray:
    """The rows the models are fitted on: all, or a reproducible sample of `limit` (in order)."""
    if n_units <= limit:
        return np.arange(n_units)
    return np.sort(np.random.default_rng(seed).choice(n_units, limit, replace=False))


def topic_matrices(corpus: Corpus) -> tuple[sparse.csr_matrix, sparse.csr_matrix, np.ndarray]:
    """TF-IDF of the fitted articles (a sample of a large corpus) and of every paragraph, over
    the terms of at least TOPIC_MIN_DF fitted articles, weighted as in the articles."""
    articles, paragraphs, terms = unit_counts(corpus)
    articles = articles[fit_sample(articles.shape[0])]
    columns = shared_terms(articles)
    tfidf = TfidfTransformer(sublinear_tf=True).fit(articles[:, columns])
    return (tfidf.transform(articles[:, columns]).tocsr(),
            tfidf.transform(paragraphs[:, columns]).tocsr(), terms[columns])


_fitting: dict[int, tuple[Corpus, tuple, Future]] = {}  # fits started by start(), by id(corpus)


def start(corpus: Corpus) -> bool:
    """Begin fitting the corpus's topic models in a worker process, one fit after another, while
    the other stages run (the fits are the longest serial work of `tables` and `figures`:
    33.6 of 89.6 s on 2,000 generated articles); topic_model takes them when it needs them.
    Nothing (False) when the model is stored, the matrix is small or there is one worker."""
    if corpus.store is not None and corpus.store.has(topic_model.stored_as) or \
            id(corpus) in _fitting or workers() == 1:
        return id(corpus) in _fitting
    matrices = topic_matrices(corpus)
    if matrices[0].nnz < PARALLEL_NNZ:
        return False
    job = in_background(stability_by_k, matrices[0], candidate_ks(*matrices[0].shape),
                        N_RUNS, SEED, N_SEEDS, True)
    _fitting[id(corpus)] = (corpus, matrices, job)
    return True


@per_corpus
def topic_model(corpus: Corpus) -> TopicModel:
    """Fit NMF to the articles for each candidate k (or take the fits start() began), keep the
    chosen k's reference model and give every paragraph its topic shares from it."""
    started = _fitting.pop(id(corpus), None)
    if started is not None and started[0] is corpus:
        (x, paragraphs, terms), (stability, fits) = started[1], started[2].result()
    else:
        x, paragraphs, terms = topic_matrices(corpus)
        stability, fits = stability_by_k(x, candidate_ks(*x.shape))
    reference, *runs = fits[int(stability.loc[stability["chosen"], "k"].iloc[0])]
    h = reference.model.components_
    with warnings.catch_warnings():  # as in _fit: shares at MAX_ITER are used as they stand
        warnings.simplefilter("ignore", ConvergenceWarning)
        w = reference.model.transform(paragraphs)
    per_topic = np.mean([matched_agreement(h, run.model.components_) for run in runs]
                        or [np.full(len(h), np.nan)], axis=0)
    totals = w.sum(axis=1, keepdims=True)
    share = np.divide(w, totals, out=np.full_like(w, np.nan), where=totals > 0).round(6)
    order = np.argsort(-np.nanmean(share, axis=0), kind="stable")  # topic 1 is the most common
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    shares = corpus.paragraphs[["paragraph_id", "doc_id"]].reset_index(drop=True)
    shares.insert(2, "outlet", shares["doc_id"].map(outlets).astype(str))
    shares = shares.join(pd.DataFrame(share[:, order], columns=range(1, len(order) + 1)))
    weights = pd.DataFrame(h[order], index=range(1, len(order) + 1), columns=terms)
    return TopicModel(stability, shares, weights, per_topic[order])


def compute_topic_stability(corpus: Corpus) -> pd.DataFrame:
    """Stability under subsampling and UMass coherence for every candidate number of topics."""
    return topic_model(corpus).stability


def compute_topic_terms(corpus: Corpus, n: int = TOP_TERMS) -> pd.DataFrame:
    """The top `n` terms of each topic with their NMF weights."""
    weights = topic_model(corpus).weights
    h = weights.to_numpy()
    rows = [(topic, rank + 1, weights.columns[col], h[i, col])
            for i, (topic, top) in enumerate(zip(weights.index, top_terms(h, n), strict=True))
            for rank, col in enumerate(top[h[i, top] > 0])]
    return pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])


def compute_topic_passages(corpus: Corpus, n: int = N_PASSAGES) -> pd.DataFrame:
    """The `n` paragraphs most given to each topic (highest share), with their text."""
    model = topic_model(corpus)
    long = shares_long(model.shares).dropna(subset=["share"])
    top = long[long["share"] >= MIN_SHARE].sort_values(["topic", "share", "paragraph_id"],
                                              ascending=[True, False, True]).groupby("topic").head(n)
    top.insert(1, "rank", top.groupby("topic").cumcount() + 1)
    text = corpus.paragraphs.set_index("paragraph_id")["text"]
    return top.assign(text=top["paragraph_id"].map(text)).reset_index(drop=True)


def shares_long(shares: pd.DataFrame) -> pd.DataFrame:
    """One row a paragraph and topic: paragraph_id, doc_id, outlet, topic, share."""
    return shares.melt(id_vars=["paragraph_id", "doc_id", "outlet"], var_name="topic",
                       value_name="share").astype({"topic": int})


def compute_topics(corpus: Corpus) -> pd.DataFrame:
    """Topic cards: label, top terms, stability under subsampling, share, representative passages."""
    model = topic_model(corpus)
    terms = compute_topic_terms(corpus)
    passages = compute_topic_passages(corpus).groupby("topic")["paragraph_id"].agg("; ".join)
    dominant = model.shares.drop(columns=["paragraph_id", "doc_id", "outlet"]).dropna()
    n_dominant = dominant.idxmax(axis=1).value_counts()
    topics = model.weights.index
    return pd.DataFrame({
        "topic": topics,
        "label": [" / ".join(terms.loc[terms["topic"] == t, "term"].head(3)) for t in topics],
        "top_terms": ["; ".join(terms.loc[terms["topic"] == t, "term"]) for t in topics],
        "stability": model.topic_stability,
        "share": [model.shares[t].mean() for t in topics],
        "n_paragraphs_dominant": n_dominant.reindex(topics, fill_value=0).to_numpy(),
        "passages": passages.reindex(topics).fillna("").to_numpy(),
    })


@per_corpus
def compute_topic_prevalence(corpus: Corpus) -> pd.DataFrame:
    """Mean topic share of each outlet's paragraphs, with a bootstrap interval over articles;
    topic by topic (the order of summarising shares_long)."""
    shares = topic_model(corpus).shares
    summary = summarise_columns(shares.drop(columns=["paragraph_id", "doc_id", "outlet"]),
                                shares[["outlet"]], "topic", clusters=shares["doc_id"].to_numpy())
    summary["unit"] = summary["unit"].replace(SENTENCES, PARAGRAPHS)  # its rows are paragraphs
    return summary.sort_values("topic", kind="stable", ignore_index=True)


START = start  # the pipeline calls it before any stage runs
TABLES = {
    "topics": compute_topics,
    "topic_prevalence": compute_topic_prevalence,
    "topic_stability": compute_topic_stability,
}
