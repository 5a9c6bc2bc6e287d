"""Intervals by design: widths when articles are resampled (cluster bootstrap) against sentences,
on SemEval climate articles grouped by their first narrative; and the time on a large group.

Usage: python benchmarks/interval_design.py
Builds a temporary corpus of ../shared/corpora/semeval2025-cc/docs/ with a metadata.csv whose
outlet column is each article's first narrative (narratives.tsv, up to the sub-narrative), scores
sentence tone, and prints per group: articles, sentences, mean VADER compound, the interval
resampling articles (analysis.stats.summarise_mean) and the one resampling sentences (cluster=None),
and how many pairs of groups overlap under each. Then times summarise_ratio on one group of
1,000,000 sentences in 100,000 articles.
"""

import csv
import itertools
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import load_corpus
from analysis.config import shared_corpora
from analysis.sentiment import score_corpus
from analysis.stats import summarise_mean, summarise_ratio

SEMEVAL = shared_corpora("semeval2025-cc")


def narrative_corpus() -> Path:
    """A temporary corpus folder: the SemEval articles, outlet = first narrative."""
    folder = Path(tempfile.mkdtemp(prefix="semeval-narratives-"))
    rows = [line.rstrip("\n").split("\t") for line in
            (SEMEVAL / "narratives.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["doc_id", "file", "title", "outlet"])
        for name, narratives, *_ in rows:
            shutil.copy(SEMEVAL / "docs" / name, folder / name)
            writer.writerow([Path(name).stem, name, "", narratives.split(";")[0].strip()])
    return folder


def overlaps(table: pd.DataFrame, groups: list[str]) -> int:
    """Pairs of these groups whose intervals overlap."""
    rows = table.set_index("outlet").loc[groups]
    return sum(a.low <= b.high and b.low <= a.high
               for a, b in itertools.combinations(rows.itertuples(), 2))


def main() -> None:
    folder = narrative_corpus()
    try:
        sentences = score_corpus(load_corpus(folder)).sentences
    finally:
        shutil.rmtree(folder)
    articles = summarise_mean(sentences, "vader_compound", "outlet")
    rows = summarise_mean(sentences, "vader_compound", "outlet", cluster=None)
    table = articles.merge(rows[["outlet", "low", "high"]], on="outlet", suffixes=("", "_sentences"))
    table["width"] = table["high"] - table["low"]
    table["width_sentences"] = table["high_sentences"] - table["low_sentences"]
    with pd.option_context("display.width", 200, "display.max_colwidth", 45):
        print(table.round(3).to_string(index=False))
    groups = articles.dropna(subset=["low"])["outlet"].tolist()
    print(f"median width ratio articles / sentences: "
          f"{(table['width'] / table['width_sentences']).median():.2f}; of the "
          f"{len(groups) * (len(groups) - 1) // 2} pairs of the {len(groups)} groups with an article "
          f"interval, overlapping: articles {overlaps(articles, groups)}, "
          f"sentences {overlaps(rows, groups)}")
    rng = np.random.default_rng(0)
    big = pd.DataFrame({"g": "all", "doc_id": rng.integers(0, 100_000, 1_000_000),
                        "n_words": rng.integers(5, 40, 1_000_000)})
    big["hits"] = rng.binomial(big["n_words"], 0.02)
    start = time.perf_counter()
    summarise_ratio(big, "hits", "n_words", "g")
    print(f"summarise_ratio, 1,000,000 sentences in 100,000 articles, 2,000 resamples: "
          f"{time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
