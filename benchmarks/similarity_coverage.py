"""Coverage of the similarity intervals: how often they contain the true cosine.

Usage: python benchmarks/similarity_coverage.py [n_articles=100] [reps=60] [n_boot=1000]
Population: the BBC business and tech articles (TF-IDF rows of the whole two-category corpus);
true similarity: the cosine of the two categories' mean rows. Each repetition draws n_articles
of each category with replacement, and checks whether the 95 % interval contains the truth: the
basic interval of the unbiased cosine (analysis.similarity), and, on the plain cosine, the
percentile interval and the percentile interval moved by the bias of the draws (the former
method). Also prints the mean plain and unbiased estimates.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from analysis import load_corpus
from analysis.config import shared_corpora
from analysis.similarity import basic_interval, cosine_matrix, similarity_draws, unbiased_cosines
from analysis.stats import percentile_interval
from analysis.terms import document_terms

BBC = shared_corpora("bbc-2095") / "news"


def main() -> None:
    n, reps, n_boot = (int(a) for a in (sys.argv[1:] + ["100", "60", "1000"][len(sys.argv) - 1:]))
    folder = Path(tempfile.mkdtemp(prefix="bbc-coverage-"))
    try:
        for category in ("business", "tech"):
            shutil.copytree(BBC / category, folder / category)
        corpus = load_corpus(folder)
        tfidf = document_terms(corpus).tfidf()
    finally:
        shutil.rmtree(folder)
    outlets = corpus.documents["outlet"].to_numpy()
    rows = [tfidf[np.flatnonzero(outlets == o)] for o in corpus.outlets]
    truth = cosine_matrix(np.vstack([np.asarray(x.mean(axis=0)) for x in rows]))[0, 1]
    rng = np.random.default_rng(1)
    hits = {"basic, unbiased cosine": 0, "percentile, plain cosine": 0,
            "percentile moved by the bias, plain cosine": 0}
    estimates = []
    for _ in range(reps):
        sample = [x[rng.integers(0, x.shape[0], n)] for x in rows]
        means = np.vstack([np.asarray(x.mean(axis=0)) for x in sample])
        point = cosine_matrix(means)[0, 1]
        squares = np.array([[x.multiply(x).sum() / n for x in sample]])
        unbiased = unbiased_cosines(means[np.newaxis], squares, np.array([n, n], float))[0, 0, 1]
        estimates.append((point, unbiased))
        draws = similarity_draws(sample, n_boot, rng, [True, True])[:, 0, 1]
        plain = _plain_draws(sample, n_boot, rng)
        low, high = percentile_interval(plain)
        shift = plain.mean() - point
        for name, (a, b) in {"basic, unbiased cosine": basic_interval(unbiased, point, draws),
                             "percentile, plain cosine": (low, high),
                             "percentile moved by the bias, plain cosine": (low - shift,
                                                                            high - shift)}.items():
            hits[name] += a <= truth <= b
    plain_mean, unbiased_mean = np.mean(estimates, axis=0)
    print(f"true cosine {truth:.3f}; {n} articles a category, {reps} repetitions, {n_boot} "
          f"resamples; mean estimate: plain {plain_mean:.3f}, unbiased {unbiased_mean:.3f}")
    for name, count in hits.items():
        print(f"  {name}: coverage {count / reps:.2f}")


def _plain_draws(sample, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Plain cosines of `n_boot` resamples of the articles of both samples."""
    out = []
    for _ in range(n_boot):
        means = [np.asarray(x[rng.integers(0, x.shape[0], x.shape[0])].mean(axis=0)) for x in sample]
        out.append(cosine_matrix(np.vstack(means))[0, 1])
    return np.array(out)


if __name__ == "__main__":
    main()
