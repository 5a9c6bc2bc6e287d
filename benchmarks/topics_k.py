"""Which number of topics each base seed chooses on BBC articles in five categories.

Usage: python benchmarks/topics_k.py [per_category=100|all] [seeds=4]
Builds a corpus of the first `per_category` articles (by file name) of each of the five BBC
categories (/work/shared/corpora/bbc-2095/news/<category>/; `all`: every article), runs the topic
model's choice of k (stability_by_k: a reference fit and N_SEEDS base seeds of N_RUNS subsamples
per k) `seeds` times from different seeds, and prints each run's table (mean stability, its range
over the base seeds, how many base seeds would choose each k), the stability under each base
seed, the chosen k and the adjusted Rand index of the categories against each article's and
each paragraph's dominant topic in the chosen reference model.
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score

from analysis import load_corpus
from analysis.config import SEED, shared_corpora
from analysis.topics import (
    N_RUNS,
    N_SEEDS,
    candidate_ks,
    fit_sample,
    run_stability,
    stability_by_k,
    topic_matrices,
)

BBC = shared_corpora("bbc-2095") / "news"


def bbc_sample(per_category: int | None) -> Path:
    """A temporary corpus folder: one subfolder (= outlet) per category."""
    folder = Path(tempfile.mkdtemp(prefix="bbc-topics-"))
    for category in sorted(p.name for p in BBC.iterdir() if p.is_dir()):
        (folder / category).mkdir()
        for path in sorted((BBC / category).glob("*.txt"))[:per_category]:
            shutil.copy(path, folder / category / path.name)
    return folder


def per_seed(fits: dict, ks: list[int]) -> pd.DataFrame:
    """Stability of every k under each base seed (its N_RUNS random starts)."""
    return pd.DataFrame({f"base seed {b + 1}": [
        run_stability(fits[k][0], fits[k][1 + b * N_RUNS:1 + (b + 1) * N_RUNS]) for k in ks]
        for b in range(N_SEEDS)}, index=ks)


def category_agreement(corpus, model, x, paragraphs) -> str:
    """Adjusted Rand index of the categories and the dominant topics of articles and paragraphs."""
    categories = corpus.documents.set_index("doc_id")["outlet"]
    articles = categories.loc[corpus.sentences["doc_id"].unique()]  # rows of the article counts
    articles = articles.iloc[fit_sample(len(articles))]  # the rows fitted, as in topic_matrices
    kept = paragraphs.sum(axis=1).A1 > 0
    by_paragraph = corpus.paragraphs["doc_id"].map(categories)[kept]
    dominant = model.transform(paragraphs[kept]).argmax(1)
    return (f"ARI articles {adjusted_rand_score(articles, model.transform(x).argmax(1)):.3f}, "
            f"paragraphs {adjusted_rand_score(by_paragraph, dominant):.3f}")


def main() -> None:
    per_category = sys.argv[1] if len(sys.argv) > 1 else "100"
    n_seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    folder = bbc_sample(None if per_category == "all" else int(per_category))
    try:
        corpus = load_corpus(folder)
        x, paragraphs, _ = topic_matrices(corpus)  # as topic_model fits it
        print(f"{len(corpus.documents)} articles, fitted article matrix {x.shape}, nnz {x.nnz}")
        chosen = []
        for i in range(n_seeds):
            seed = SEED + 7919 * i
            start = time.perf_counter()
            ks = candidate_ks(*x.shape)
            table, fits = stability_by_k(x, ks, seed=seed)
            chosen.append(int(table.loc[table["chosen"], "k"].iloc[0]))
            print(f"seed {seed}: chosen k = {chosen[-1]} ({time.perf_counter() - start:.0f} s)")
            print(table.round(3).to_string(index=False))
            print(per_seed(fits, ks).round(3).to_string())
            print(category_agreement(corpus, fits[chosen[-1]][0].model, x, paragraphs), flush=True)
        print(f"chosen k per seed: {chosen}")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
