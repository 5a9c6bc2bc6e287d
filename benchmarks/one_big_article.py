"""Time the per-article steps on one large article: hard-wrapped text and quotes, 100 KB to 1.6 MB.

Usage: .venv/bin/python benchmarks/one_big_article.py [MAX_KB]
Prints seconds for loading (decode, clean, split) and for quotes and voices; each doubling of the
size should roughly double the time (nothing quadratic in the length of one article).
"""

import sys
import tempfile
import textwrap
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.config import shared_corpora  # noqa: E402
from analysis.corpus import load_corpus  # noqa: E402
from analysis.quotes import compute_quotes  # noqa: E402
from analysis.voice import compute_voice_segments  # noqa: E402

BBC = shared_corpora("bbc-2095") / "news" / "politics"
PARAGRAPH = ('The minister said the plan was sound. "We will not back down," she said, adding '
             "that talks would go on. Critics argued the cost was too high for the country.")


def article(kb: int) -> str:
    """About `kb` KB of real BBC paragraphs (or a stock paragraph), hard-wrapped at 72 characters."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(BBC.glob("*.txt"))[:200]]
    paragraphs = [b for t in texts for b in t.split("\n\n")[1:] if b.strip()] or [PARAGRAPH]
    out, size, i = [], 0, 0
    while size < kb * 1024:
        block = paragraphs[i % len(paragraphs)] + " " + PARAGRAPH
        out.append(textwrap.fill(block, 72))
        size += len(block)
        i += 1
    return "Title of a long article\n\n" + "\n\n".join(out) + "\n"


def main(max_kb: int = 1600) -> None:
    kb = 100
    print(f"{'KB':>6} {'load s':>8} {'quotes s':>9} {'voices s':>9} {'sentences':>10}")
    while kb <= max_kb:
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "big.txt").write_text(article(kb), encoding="utf-8")
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                corpus = load_corpus(Path(tmp))
            loaded = time.perf_counter()
            compute_quotes(corpus)
            quoted = time.perf_counter()
            compute_voice_segments(corpus)
            voiced = time.perf_counter()
        print(f"{kb:>6} {loaded - start:>8.2f} {quoted - loaded:>9.2f} {voiced - quoted:>9.2f} "
              f"{len(corpus.sentences):>10,}")
        kb *= 2


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1600)
