"""NMF topics on paragraphs, the number of topics chosen by stability across random starts.

Stability of k is the mean matched cosine between the topics of NMF runs from different random
starts. One base seed's handful of runs gives a noisy estimate (the chosen k moved with the base
seed), so every k is fitted from N_SEEDS base seeds of N_RUNS runs each: the table reports the
stability under each base seed (mean, lowest, highest), which k each base seed would choose and
how many choose the k chosen from the mean. Stability favours few topics (two broad topics are
found the same way from almost any start), so the rule is not the most stable k but the largest
k whose mean stability is within TOLERANCE of the best. Large corpora fit on a reproducible
sample of MAX_FIT_PARAGRAPHS paragraphs over the terms of at least TOPIC_MIN_DF of its paragraphs
(at 10,000 generated articles 29,000 of 137,000 terms: fits three times faster); every paragraph
then gets its shares from that model.
"""

from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfTransformer

from analysis.config import SEED
from analysis.corpus import Corpus, per_corpus
from analysis.parallel import run_partitions
from analysis.stats import summarise_mean
from analysis.vocabulary import sentence_term_counts, sum_rows

NOTEBOOK = "02-terms-and-topics"
MAX_TOPICS = 8
N_RUNS = 5  # NMF fits per candidate number of topics and base seed, each from another random start
N_SEEDS = 3  # base seeds, each with its own N_RUNS random starts
SEED_STEP = 1000  # base seed b starts its runs at SEED + b * SEED_STEP
TOLERANCE = 0.05  # a k whose stability is this close to the best one's is as stable
MAX_FIT_PARAGRAPHS = 5000  # models are fitted on a reproducible sample of this many paragraphs
# A fit stops when its projected gradient has fallen to this share of the first one's. scikit-learn's
# default 1e-4 runs about half as many iterations again for topics of the same stability (within
# 0.001 on 5,000 BBC paragraphs, k 2 to 8; to four decimals on 1,000 articles of benchmarks/scale.py).
FIT_TOL = 1e-3
MAX_ITER = 1000
TOPIC_MIN_DF = 2  # a topic is a pattern shared by passages: terms of a single paragraph are left out
TOP_TERMS = 10
CARD_TERMS = 6  # terms per topic in the chart
N_PASSAGES = 3
PARALLEL_NNZ = 200_000  # a paragraph matrix with this many entries fits its models in parallel
MIN_SHARE = 0.01  # a passage represents a topic only if at least this share of it is the topic


def matched_similarity(h1: np.ndarray, h2: np.ndarray) -> np.ndarray:
    """Cosine of each topic in `h1` with its partner in `h2` under the best one-to-one matching."""
    unit = [h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-12) for h in (h1, h2)]
    cosine = unit[0] @ unit[1].T
    rows, cols = linear_sum_assignment(-cosine)
    return cosine[rows, cols][np.argsort(rows)]


def fit_runs(x: sparse.spmatrix, k: int, n_runs: int = N_RUNS, seed: int = SEED) -> list[NMF]:
    """`n_runs` NMF models with k topics, each from a random start of its own seed."""
    return [_fit((x, k, seed + run)) for run in range(n_runs)]


def _fit(job: tuple[sparse.spmatrix, int, int]) -> NMF:
    """One NMF model of (matrix, k, seed)."""
    x, k, seed = job
    with np.errstate(invalid="ignore"):  # an exact fit (one paragraph) has an error of sqrt(-0.0)
        return NMF(k, init="random", random_state=seed, max_iter=MAX_ITER, tol=FIT_TOL).fit(x)


def run_seeds(n_runs: int, seed: int, n_seeds: int) -> list[int]:
    """The random starts of every base seed, base seed after base seed."""
    return [seed + base * SEED_STEP + run for base in range(n_seeds) for run in range(n_runs)]


def _fit_all(x: sparse.spmatrix, ks: list[int], n_runs: int, seed: int,
             n_seeds: int = 1) -> dict[int, list[NMF]]:
    """fit_runs for every k and base seed; on a large matrix the fits run in parallel (same models)."""
    starts = run_seeds(n_runs, seed, n_seeds)
    n_runs = len(starts)
    jobs = [(x, k, start) for k in ks for start in starts]
    if x.nnz < PARALLEL_NNZ:
        models = [_fit(job) for job in jobs]
    else:
        models = run_partitions(_fit, jobs, list)
    return {k: models[i * n_runs:(i + 1) * n_runs] for i, k in enumerate(ks)}


def run_stability(runs: list[NMF]) -> float:
    """Mean matched topic similarity over every pair of runs (1 = the same topics every time)."""
    pairs = [matched_similarity(a.components_, b.components_).mean()
             for a, b in combinations(runs, 2)]
    return float(np.mean(pairs)) if pairs else np.nan


def umass_coherence(h: np.ndarray, occurs: sparse.spmatrix, n_top: int = TOP_TERMS) -> float:
    """Mean UMass coherence of the topics' top terms over the units they occur in (a proxy)."""
    occurs = sparse.csc_matrix(occurs > 0, dtype=np.int64)
    scores = []
    for topic in h:
        top = np.argsort(-topic, kind="stable")[:n_top]
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
                   n_seeds: int = N_SEEDS):
    """Per k: stability under each base seed (mean, min, max), coherence of the best run, how
    many base seeds would choose this k, the chosen k; and the runs of each k (all base seeds)."""
    rows, fits = [], _fit_all(x, ks, n_runs, seed, n_seeds)
    for k in ks:
        runs = fits[k]
        best = min(runs, key=lambda m: m.reconstruction_err_)
        per_seed = [run_stability(runs[b * n_runs:(b + 1) * n_runs]) for b in range(n_seeds)]
        rows.append((k, np.mean(per_seed), umass_coherence(best.components_, x), n_runs * n_seeds,
                     np.min(per_seed), np.max(per_seed), *per_seed))
    seed_columns = [f"stability_seed_{b + 1}" for b in range(n_seeds)]
    table = pd.DataFrame(rows, columns=["k", "stability", "coherence", "n_runs", "stability_min",
                                        "stability_max", *seed_columns])
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


def shared_terms(matrix: sparse.spmatrix) -> np.ndarray:
    """The columns with entries in at least TOPIC_MIN_DF rows (all if fewer than two are)."""
    columns = np.flatnonzero((matrix > 0).sum(axis=0).A1 >= TOPIC_MIN_DF)
    return columns if len(columns) >= 2 else np.arange(matrix.shape[1])


def paragraph_matrix(corpus: Corpus) -> tuple[sparse.csr_matrix, np.ndarray]:
    """TF-IDF of the paragraphs (corpus.paragraphs order) over terms in at least TOPIC_MIN_DF."""
    counts, terms = sentence_term_counts(corpus)
    key = corpus.sentences["doc_id"] + "/" + corpus.sentences["paragraph_index"].astype(str)
    by_paragraph, keys = sum_rows(counts, key)
    wanted = corpus.paragraphs["doc_id"] + "/" + corpus.paragraphs["paragraph_index"].astype(str)
    by_paragraph = by_paragraph[keys.get_indexer(wanted)]
    columns = shared_terms(by_paragraph)
    matrix = by_paragraph[:, columns]
    return TfidfTransformer(sublinear_tf=True).fit_transform(matrix).tocsr(), terms[columns]


def fit_sample(n_units: int, limit: int = MAX_FIT_PARAGRAPHS, seed: int = SEED) -> np.ndarray:
    """The rows the models are fitted on: all, or a reproducible sample of `limit` (in order)."""
    if n_units <= limit:
        return np.arange(n_units)
    return np.sort(np.random.default_rng(seed).choice(n_units, limit, replace=False))


@per_corpus
def topic_model(corpus: Corpus) -> TopicModel:
    """Fit NMF for each candidate k (on a sample of a large corpus, over the terms shared by its
    paragraphs), keep the chosen k's best run."""
    x, terms = paragraph_matrix(corpus)
    sample = x[fit_sample(x.shape[0])]
    columns = shared_terms(sample)  # a term of one sampled paragraph is no shared pattern
    x, terms, sample = x[:, columns], terms[columns], sample[:, columns]
    stability, fits = stability_by_k(sample, candidate_ks(*sample.shape))
    runs = fits[int(stability.loc[stability["chosen"], "k"].iloc[0])]
    best = min(range(len(runs)), key=lambda r: runs[r].reconstruction_err_)
    h = runs[best].components_
    w = runs[best].transform(x)
    per_topic = np.mean([matched_similarity(h, runs[r].components_) for r in range(len(runs))
                         if r != best] or [np.full(len(h), np.nan)], axis=0)
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
    """Stability across random starts and UMass coherence for every candidate number of topics."""
    return topic_model(corpus).stability


def compute_topic_terms(corpus: Corpus, n: int = TOP_TERMS) -> pd.DataFrame:
    """The top `n` terms of each topic with their NMF weights."""
    weights = topic_model(corpus).weights
    rows = [(topic, rank + 1, term, weight)
            for topic, row in weights.iterrows()
            for rank, (term, weight) in enumerate(row[row > 0].sort_values(
                ascending=False, kind="stable").head(n).items())]
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
    """Topic cards: label, top terms, stability across runs, overall share, representative passages."""
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


def compute_topic_prevalence(corpus: Corpus) -> pd.DataFrame:
    """Mean topic share of each outlet's paragraphs, with a bootstrap interval over articles."""
    long = shares_long(topic_model(corpus).shares)
    return summarise_mean(long, "share", by=["outlet", "topic"])


TABLES = {
    "topics": compute_topics,
    "topic_prevalence": compute_topic_prevalence,
    "topic_stability": compute_topic_stability,
}
