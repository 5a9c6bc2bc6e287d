"""Time the source-framing stage on the seeds copied N times (python benchmarks/framing_speed.py N)."""

import shutil
import sys
import tempfile
import time
from pathlib import Path

from analysis import config, load_corpus
from analysis.framing import (
    compute_actor_salience,
    compute_label_rates,
    compute_outlet_frame_shares,
    compute_shared_passages,
)
from analysis.quotes import compute_quotes


def main(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(copies):
            for path in sorted(config.SEEDS_DIR.glob("*.txt")):
                shutil.copy(path, Path(tmp) / f"{i:04d}_{path.name}")
        corpus = load_corpus(tmp)
        print(f"{len(corpus.documents)} documents, {len(corpus.sentences)} sentences")
        for name, step in [("quotes", compute_quotes), ("actor salience", compute_actor_salience),
                           ("label rates", compute_label_rates),
                           ("frame shares", compute_outlet_frame_shares),
                           ("shared passages", compute_shared_passages)]:
            start = time.perf_counter()
            rows = len(step(corpus))
            print(f"{name:16s} {time.perf_counter() - start:7.2f} s  {rows} rows")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
