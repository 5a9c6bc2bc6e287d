"""Screenshots of every report page in headless Chromium (desktop 1,400, laptop 1,000, phone 390 px).

Prints, per page: bytes, full height in CSS px at each width, how far the widest element runs
past the viewport (0 = nothing clipped or scrolling sideways; tables may scroll inside their
own box, which is counted separately as `table scroll`), and how many words of visible table
headers are broken across lines (`broken headers`; 0 = headers break only between words).
Then the pixel size of every figure PNG beside the report. Screenshots go to OUT (full-page
PNGs, at most MAX_HEIGHT px tall each).

Usage: python benchmarks/screenshots.py REPORT_FOLDER OUT [FIGURES_FOLDER]
(build it first: `python -m analysis report --corpus DIR --out REPORT_FOLDER`).
"""

import shutil
import struct
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"desktop": 1400, "laptop": 1000, "phone": 390}
MAX_HEIGHT = 16000  # px of a screenshot (a longer page is cut there; its height is still printed)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
MEASURE = r"""() => {
  const vw = document.documentElement.clientWidth;
  let over = 0, inner = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const clipped = el.closest('.table-scroll, .jp-OutputArea-output, pre');
    if (clipped && clipped !== el) continue;
    if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'PRE')
      inner = Math.max(inner, el.scrollWidth - el.clientWidth);
    over = Math.max(over, r.right - vw);
  }
  let broken = 0;
  for (const th of document.querySelectorAll('th')) {
    if (th.getBoundingClientRect().height === 0) continue;
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken += 1;
      }
    }
  }
  return [document.documentElement.scrollHeight, Math.round(over), Math.round(inner), broken];
}"""


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG file from its header."""
    with open(path, "rb") as handle:
        head = handle.read(24)
    return struct.unpack(">II", head[16:24])


def main(folder: str, out: str, figures: str | None = None) -> None:
    """Screenshot every page at both widths and print the measurements."""
    folder, out = Path(folder).resolve(), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    print(f"{'page':<40} {'bytes':>10} " + " ".join(
        f"{name + ' px tall':>16} {name + ' overflow':>16} {'table scroll':>12} {'broken headers':>14}"
        for name in WIDTHS))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for page_path in sorted(folder.glob("*.html")):
            cells = []
            for name, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                           else route.abort())
                page.goto(page_path.as_uri(), wait_until="load")
                height, over, inner, broken = page.evaluate(MEASURE)
                page.screenshot(path=str(out / f"{page_path.stem}-{name}.png"), full_page=True,
                                clip=None if height <= MAX_HEIGHT else
                                {"x": 0, "y": 0, "width": width, "height": MAX_HEIGHT})
                page.close()
                cells.append(f"{height:>16,} {over:>16,} {inner:>12,} {broken:>14,}")
            print(f"{page_path.name:<40} {page_path.stat().st_size:>10,} " + " ".join(cells))
        browser.close()
    if figures:
        print(f"\n{'figure':<56} {'width':>6} {'height':>6}")
        for png in sorted(Path(figures).glob("*.png")):
            if png.name.endswith("@2x.png"):
                continue
            width, height = png_size(png)
            print(f"{png.name:<56} {width:>6} {height:>6}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
