"""Coverage of the similarity intervals: how often they contain the true cosine.

Usage: python benchmarks/similarity_coverage.py [n_articles=100] [reps=60] [n_boot=1000]
Population: the BBC business and tech articles (TF-IDF rows of the whole two-category corpus);
true similarity: the cosine of the two categories' mean rows. Each repetition draws n_articles
of each category with replacement, and checks whether the 95 % interval contains the truth for
the basic interval (analysis.similarity), the percentile interval, and the percentile interval
moved by the bias of the draws (the former method).
"""

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

from analysis import load_corpus
from analysis.similarity import basic_interval, cosine_matrix, similarity_draws
from analysis.stats import percentile_interval
from analysis.terms import document_terms

BBC = Path("/work/shared/corpora/bbc-2095/news")


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
    hits = {"basic": 0, "percentile": 0, "percentile moved by the bias": 0}
    for _ in range(reps):
        sample = [x[rng.integers(0, x.shape[0], n)] for x in rows]
        point = cosine_matrix(np.vstack([np.asarray(x.mean(axis=0)) for x in sample]))[0, 1]
        draws = similarity_draws(sample, n_boot, rng, [True, True])[:, 0, 1]
        low, high = percentile_interval(draws)
        shift = draws.mean() - point
        for name, (a, b) in {"basic": basic_interval(point, draws), "percentile": (low, high),
                             "percentile moved by the bias": (low - shift, high - shift)}.items():
            hits[name] += a <= truth <= b
    print(f"true cosine {truth:.3f}; {n} articles a category, {reps} repetitions, {n_boot} resamples")
    for name, count in hits.items():
        print(f"  {name}: coverage {count / reps:.2f}")


if __name__ == "__main__":
    main()
