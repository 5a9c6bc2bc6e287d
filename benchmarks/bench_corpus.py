"""Benchmark: load and clean a synthetic corpus of N articles made from the seeds; prints timings.

Usage: .venv/bin/python benchmarks/bench_corpus.py [N ...]   (default: 500 5000)
"""

import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis import config, load_corpus


def make_corpus(folder: Path, n: int) -> None:
    """Write n articles cycling through the seeds, each with a unique first line."""
    seeds = sorted(config.SEEDS_DIR.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for i in range(n):
        (folder / f"{i:06d}.txt").write_text(f"Story {i}\n\n" + texts[i % len(texts)], encoding="utf-8")


def main(sizes: list[int]) -> None:
    print(f"{'articles':>9} {'seconds':>8} {'articles/s':>11} {'sentences':>10}")
    for n in sizes:
        folder = Path(tempfile.mkdtemp())
        try:
            make_corpus(folder, n)
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                corpus = load_corpus(folder)
            seconds = time.perf_counter() - start
            print(f"{n:>9} {seconds:>8.2f} {n / seconds:>11.0f} {len(corpus.sentences):>10}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 5000])
