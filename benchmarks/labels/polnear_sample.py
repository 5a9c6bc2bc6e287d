"""Choose the PolNeAR articles to label, from file names and raw text only (no cleaning run).

Usage: python benchmarks/labels/polnear_sample.py [CORPORA]   (prints file, publisher, half)
Per publisher, files are ranked by the SHA-256 of their name; the first SCREENED files that have
a line of at most SHORT words after the title (where site furniture such as "Getty.", "ABSTRACT.",
"Follow X on Twitter" shows) are taken, then the first PLAIN of the remaining files whatever their
lines. Each publisher's chosen files, ranked by the SHA-256 of "half:" + name, go alternately to
the development half (first, third, ...) and the held-out half.
"""

import hashlib
import sys
from pathlib import Path

SCREENED, PLAIN, SHORT = 6, 3, 6


def rank(text: str) -> str:
    """A reproducible order key: the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def has_short_line(path: Path) -> bool:
    """Whether a non-empty line after the first has at most SHORT words."""
    lines = path.read_text(encoding="utf-8").split("\n")[1:]
    return any(0 < len(line.split()) <= SHORT for line in lines)


def choose(folders: list[Path]) -> list[tuple[str, str, str]]:
    """(file name, publisher, half) of every chosen article, sorted by file name."""
    files = sorted((p for folder in folders for p in folder.glob("*.txt")), key=lambda p: rank(p.name))
    chosen = []
    for publisher in sorted({p.name.split("_")[0] for p in files}):
        own = [p for p in files if p.name.split("_")[0] == publisher]
        screened = [p for p in own if has_short_line(p)][:SCREENED]
        plain = [p for p in own if p not in screened][:PLAIN]
        picked = sorted(screened + plain, key=lambda p: rank("half:" + p.name))
        chosen += [(p.name, publisher, "dev" if i % 2 == 0 else "heldout") for i, p in enumerate(picked)]
    return sorted(chosen)


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/corpora")
    for row in choose([root / "polnear" / split / "text" for split in ("train", "dev")]):
        print("\t".join(row))
