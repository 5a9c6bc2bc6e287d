"""Speed of sentence scoring and of the bootstrap summaries; prints figures (not a test).

Usage: .venv/bin/python benchmarks/bench_sentiment.py [N_SENTENCES]
"""

import sys
import time

import pandas as pd

from analysis import config, load_corpus
from analysis.sentiment import score_texts, summarise_tone


def main(n: int) -> None:
    seeds = load_corpus(config.SEEDS_DIR).sentences["text"]
    # distinct texts (a running number appended), so that scoring each one once is not a shortcut
    texts = pd.Series([f"{seeds.iloc[i % len(seeds)]} ({i})" for i in range(n)], dtype="string")
    start = time.perf_counter()
    scores, _ = score_texts(texts)
    seconds = time.perf_counter() - start
    print(f"score_texts: {n:,} sentences in {seconds:.2f} s "
          f"({seconds / n * 1e6:.0f} us a sentence; 3,000,000 sentences ~ {seconds / n * 3e6 / 60:.1f} min)")
    frame = scores.assign(outlet=[f"outlet {i % 5}" for i in range(n)], translated=False)
    start = time.perf_counter()
    summarise_tone(frame, ["outlet"], {"outlet": sorted(frame["outlet"].unique())})
    seconds = time.perf_counter() - start
    print(f"summarise_tone: 5 outlets x 6 measures x 2 subsets over {n:,} sentences in {seconds:.2f} s "
          f"({config.N_BOOTSTRAP} resamples)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
