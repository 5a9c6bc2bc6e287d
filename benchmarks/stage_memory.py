"""Where `tables` holds its memory (issue 15): peak RSS per stage, and the largest tables alive.

    python benchmarks/stage_memory.py N [--keep DIR] [--top K]

Generates N articles as benchmarks/scale.py does (or reuses --keep DIR when it holds them), loads
them and writes every table into a temporary folder with a fresh store, as `python -m analysis
tables` does. A thread samples the resident memory of this process and of its worker processes
every 0.1 s. Printed per step (load, then each stage): seconds, the peak RSS of the main process,
of the workers together and of both together, and the main process's RSS at the step's end. At
the end of each stage, before its cached results are dropped, the K largest pandas tables alive
in the main process (deep memory), with their shape and first columns: what a streaming design
would have to stop holding. Seconds are wall time on whatever else the machine runs.
"""

import argparse
import contextlib
import gc
import os
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

import pandas as pd
import psutil

from analysis import config
from analysis.corpus import load_corpus
from analysis.pipeline import write_tables
from analysis.progress import Timer

MB = 1 << 20
SAMPLE_SECONDS = 0.1


class Sampler:
    """Peak RSS of this process and of its children (together) since the last `reset`."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.peaks = [0, 0, 0]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def rss(self) -> tuple[int, int]:
        """RSS of this process and the sum of its live children's."""
        workers = 0
        for child in self.me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                workers += child.memory_info().rss
        return self.me.memory_info().rss, workers

    def _run(self) -> None:
        while not self.stop.wait(SAMPLE_SECONDS):
            main, workers = self.rss()
            self.peaks = [max(self.peaks[0], main), max(self.peaks[1], workers),
                          max(self.peaks[2], main + workers)]

    def reset(self) -> list[int]:
        """The peaks so far; start new ones."""
        peaks, self.peaks = self.peaks, [0, 0, 0]
        return peaks


def largest_tables(top: int | None) -> list[tuple[int, tuple, list]]:
    """(bytes, shape, first columns) of the `top` (None: all) largest DataFrames alive, by deep
    memory."""
    gc.collect()
    found = [(int(o.memory_usage(deep=True).sum()), o.shape, list(o.columns)[:4])
             for o in gc.get_objects() if isinstance(o, pd.DataFrame)]
    return sorted(found, key=lambda f: -f[0])[:top]


class MemoryTimer(Timer):
    """A Timer that prints each step's peak memory and the largest tables at its end."""

    def __init__(self, sampler: Sampler, top: int) -> None:
        super().__init__()
        self.sampler, self.top = sampler, top

    @contextlib.contextmanager
    def step(self, name: str):
        """Time the step; print its peaks and the largest tables alive at its end."""
        self.sampler.reset()
        with super().step(name):
            yield
        report(name, self.seconds[name], self.sampler, self.top)


def report(name: str, seconds: float, sampler: Sampler, top: int) -> None:
    """One line of figures for the step, then its largest tables."""
    main, workers, both = sampler.reset()
    print(f"{name:12s} {seconds:7.1f} s  peak main {main // MB:6d} MB  workers {workers // MB:6d} MB"
          f"  both {both // MB:6d} MB  main at end {sampler.rss()[0] // MB:6d} MB", flush=True)
    if not top:
        return
    tables = largest_tables(None)
    print(f"{'':14s}{len(tables)} tables alive, {sum(t[0] for t in tables) // MB} MB; the largest:")
    for size, shape, columns in tables[:top]:
        print(f"{'':14s}{size // MB:6d} MB {shape} {columns}")


def main(argv: list[str] | None = None) -> int:
    """Generate or reuse the corpus, then load it and write its tables with memory figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="articles to generate")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--top", type=int, default=3, help="largest tables listed per stage")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).parent))
    import scale

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "corpus"
        if not (folder.exists() and any(folder.rglob("*.txt"))):
            scale.generate(args.n, folder)
        sampler = Sampler()
        sampler.thread.start()
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with _environment(config.STORE_ENV, Path(tmp) / "store"):
                corpus = load_corpus(folder)
                report("load", time.perf_counter() - start, sampler, args.top)
                write_tables(corpus, Path(tmp) / "tables", MemoryTimer(sampler, args.top))
        print(f"{len(corpus.documents)} articles, {len(corpus.sentences)} sentences; "
              f"{time.perf_counter() - start:.1f} s in all")
        sampler.stop.set()
    return 0


@contextlib.contextmanager
def _environment(variable: str, value: Path):
    """The environment variable set to `value` while the block runs."""
    before = os.environ.get(variable)
    os.environ[variable] = str(value)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(variable)
        else:
            os.environ[variable] = before


if __name__ == "__main__":
    sys.exit(main())
