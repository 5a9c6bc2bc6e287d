"""Similarity intervals over articles on BBC categories: the table and its time.

Usage: python benchmarks/similarity_bbc.py [per_category=100]
Builds a corpus of the first `per_category` articles of each BBC category (as topics_k.py does)
and prints compute_similarity's table (cosine, BCa interval, bias of the draws) and its time.
"""

import shutil
import sys
import time

from analysis import load_corpus
from analysis.similarity import compute_similarity
from benchmarks.topics_k import bbc_sample


def main() -> None:
    folder = bbc_sample(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    try:
        corpus = load_corpus(folder)
        start = time.perf_counter()
        table = compute_similarity(corpus)
        seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(folder)
    pairs = table[table["outlet_a"] < table["outlet_b"]]
    print(pairs.round(3).to_string(index=False))
    print(f"compute_similarity: {len(corpus.documents)} articles, {len(corpus.outlets)} groups, "
          f"{int(table['n_boot'].iloc[0])} resamples in {seconds:.1f} s")


if __name__ == "__main__":
    main()
