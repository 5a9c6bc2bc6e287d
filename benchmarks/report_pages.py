"""Sizes of built report pages: bytes, table rows and '(s)' / True / False left in reader pages.

Usage: python benchmarks/report_pages.py REPORT_FOLDER
(build it first, e.g. `python -m analysis report --corpus DIR --out REPORT_FOLDER`).
"""

import re
import sys
from pathlib import Path


def main(folder: str) -> None:
    """Print one line per HTML page of a report folder."""
    print(f"{'page':<40} {'bytes':>10} {'rows':>6} {'(s)':>4} {'True/False':>10}")
    for page in sorted(Path(folder).glob("*.html")):
        text = page.read_text(encoding="utf-8")
        body = re.sub(r"<(style|script)[^>]*>.*?</\1>", "", text, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", body)
        print(f"{page.name:<40} {page.stat().st_size:>10,} {body.count('<tr'):>6} "
              f"{visible.count('(s)'):>4} {len(re.findall(r'>(True|False)<', body)):>10}")


if __name__ == "__main__":
    main(sys.argv[1])
