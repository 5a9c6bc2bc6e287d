"""Size and build time of the term explorer page on the BBC corpus: 5 categories, then 30 groups.

Run from the repository root:
    PYTHONPATH=$PWD ANALYSIS_WORKERS=1 ANALYSIS_STORE=off python benchmarks/explorer_size.py
The page's size is bounded by the caps in analysis/explorer.py, not by the number of articles.
"""

import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis.config import shared_corpora
from analysis.explorer import explorer_data, render_explorer

BBC = shared_corpora("bbc-2095") / "news"
GROUPS = 30


def measure(label: str, folder: Path) -> None:
    """Print the page size, its parts and the build time for one corpus."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    start = time.perf_counter()
    data = explorer_data(corpus)
    page = render_explorer(data).encode("utf-8")
    seconds = time.perf_counter() - start
    contexts = sum(len(c) for c in data["contexts"])
    print(f"{label}: {len(corpus.documents)} articles, {len(data['groups'])} groups, "
          f"{len(data['terms'])} terms, {contexts} contexts, page {len(page) / 1e6:.2f} MB, "
          f"built in {seconds:.1f} s (after loading)")


def regrouped(folder: Path, out: Path, groups: int) -> Path:
    """A copy of the corpus with article i in group i mod `groups` (metadata.csv)."""
    files = sorted(folder.rglob("*.txt"))
    rows = ["doc_id,file,outlet"]
    for i, path in enumerate(files):
        name = f"{path.parent.name}-{path.name}"
        shutil.copyfile(path, out / name)
        rows.append(f"d{i},{name},group {i % groups:02d}")
    (out / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else BBC.resolve()
    measure("by category", folder)
    with tempfile.TemporaryDirectory() as tmp:
        measure(f"{GROUPS} groups", regrouped(folder, Path(tmp), GROUPS))


if __name__ == "__main__":
    main()
