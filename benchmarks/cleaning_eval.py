"""Measure cleaning: lines removed on clean BBC text (all should be kept but the titles).

Usage: .venv/bin/python benchmarks/cleaning_eval.py [BBC_FOLDER]
"""

import sys
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the worktree's package, not an installed copy

from analysis.corpus import load_corpus  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
BBC = CORPORA / "bbc-2095" / "news"
TITLE = "title (kept as the document title)"


def load(folder: Path):
    """Load a corpus quietly (unknown outlets and metadata warnings are expected here)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


def bbc_losses(folder: Path = BBC) -> pd.DataFrame:
    """Every line or span removed from the clean BBC articles except the title lines."""
    removed = load(folder).removed
    return removed[removed["reason"] != TITLE].reset_index(drop=True)


def report_bbc(folder: Path = BBC) -> None:
    """Print how many BBC lines were removed, by reason, and list them."""
    corpus = load(folder)
    removed = corpus.removed
    lost = removed[removed["reason"] != TITLE]
    print(f"BBC: {len(corpus.documents)} documents, {len(removed)} removals, "
          f"{int((removed['reason'] == TITLE).sum())} titles, {len(lost)} article lines or spans lost")
    for reason, n in lost["reason"].value_counts().items():
        print(f"  {n:5d}  {reason}")
    for row in lost.itertuples(index=False):
        print(f"  - {row.doc_id}:{row.line} [{row.reason}] {row.text[:100]!r}")


if __name__ == "__main__":
    report_bbc(Path(sys.argv[1]) if len(sys.argv) > 1 else BBC)
