"""PNG bytes per notebook for a corpus's figures, against a folder of earlier figures.

    PYTHONPATH=$PWD ANALYSIS_WORKERS=1 ANALYSIS_STORE=off python benchmarks/figure_bytes.py seeds figures
Reports embed the PNGs (base64, 4/3 of their bytes), so this bounds what the figures add to a page.
"""

import sys
import tempfile
import warnings
from collections import defaultdict
from pathlib import Path

from analysis import load_corpus
from analysis.pipeline import render_figures


def main() -> None:
    corpus_dir, earlier = Path(sys.argv[1]), Path(sys.argv[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(corpus_dir)
    with tempfile.TemporaryDirectory() as tmp:
        render_figures(corpus, Path(tmp))
        now = defaultdict(int)
        before = defaultdict(int)
        for path in Path(tmp).glob("*.png"):
            notebook = "-".join(path.stem.split("-")[:1])
            now[notebook] += path.stat().st_size
            old = earlier / path.name
            before[notebook] += old.stat().st_size if old.exists() else 0
        for notebook in sorted(now):
            print(f"notebook {notebook}: PNG {before[notebook] / 1e3:.0f} kB before, "
                  f"{now[notebook] / 1e3:.0f} kB now")


if __name__ == "__main__":
    main()
