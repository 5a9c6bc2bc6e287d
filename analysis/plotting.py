"""The one figure helper: palettes, house style, sizes for many groups, saving PNG + SVG + CSV."""

from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from analysis.export import atomic_write, write_csv  # noqa: E402

# Outlet colours, reserved for outlets (groups): Okabe & Ito (2008), a palette that stays distinct
# under the common colour-vision deficiencies; past 8 outlets tab20 then tab20b (40 in all).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MANY_OUTLETS = [matplotlib.colors.to_hex(c) for name in ("tab20", "tab20b")
                for c in plt.get_cmap(name).colors]
UNKNOWN_COLOR = "#999999"
# Everything that is not an outlet (topics, frames, terms, series of one chart): Paul Tol's
# "muted" scheme, none of it an outlet colour.
CATEGORY_COLORS = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
                   "#882255", "#AA4499"]
# Tone: the ends of the diverging PRGn scheme (green positive, purple negative).
POLARITY_COLORS = {"positive": "#1B7837", "negative": "#762A83", "neutral": "#BBBBBB"}

MIN_FONT = 10  # points at the figure's own (print) size: no text is smaller
WIDTH = 7.0  # inches: the usual figure width, a printed page's text width
MAX_WIDTH = 9.0  # inches: the widest figure (several panels side by side)
MAX_HEIGHT = 30.0  # inches: long lists are cut (top N, "and M more") before this
PNG_SCALE = 2  # PNG pixels per point are twice the screen's (sharp on high-density screens)
LEGEND_RIGHT_MAX = 10  # legends with more entries go below the axes, in columns

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100 * PNG_SCALE,
    "font.family": "DejaVu Sans",
    "font.size": MIN_FONT,
    "axes.labelsize": MIN_FONT,
    "xtick.labelsize": MIN_FONT,
    "ytick.labelsize": MIN_FONT,
    "legend.fontsize": MIN_FONT,
    "figure.titlesize": MIN_FONT + 1,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": MIN_FONT + 1,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "svg.hashsalt": "nato-media-analysis",  # fixed ids: the same figure gives the same bytes
    "svg.fonttype": "none",  # text stays text in SVG (searchable, selectable, smaller)
    "path.simplify": True,
    "text.parse_math": False,  # outlet names and terms with "$" are text, not mathtext
}
plt.rcParams.update(STYLE)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, in the order given (first document first); 'unknown' is grey."""
    named = [o for o in dict.fromkeys(outlets) if o != "unknown"]
    palette = OKABE_ITO if len(named) <= len(OKABE_ITO) else MANY_OUTLETS
    colors = {o: palette[i % len(palette)] for i, o in enumerate(named)}
    return {**colors, "unknown": UNKNOWN_COLOR}


def category_color(i: int) -> str:
    """The colour of the i-th category that is not an outlet (topic, frame, term, rule)."""
    return CATEGORY_COLORS[i % len(CATEGORY_COLORS)]


def rows_height(n_rows: int, per_row: float = 0.3, extra: float = 1.2) -> float:
    """Figure height (inches) for `n_rows` labelled rows at MIN_FONT, capped at MAX_HEIGHT."""
    return min(extra + per_row * max(n_rows, 1), MAX_HEIGHT)


def top_with_more(items: list, n: int) -> tuple[list, str]:
    """The first `n` items and a note "and M more" for the rest ('' when nothing is left out)."""
    rest = len(items) - n
    return list(items[:n]), (f"and {rest} more" if rest > 0 else "")


def new_axes(ax=None, figsize=(WIDTH, 3.5)):
    """The axes to draw on and its figure: a new figure unless `ax` is given."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=(min(figsize[0], MAX_WIDTH), min(figsize[1], MAX_HEIGHT)),
                           layout="constrained")
    return fig, ax


def legend_outside(ax, **kwargs):
    """The house legend, no frame: right of the axes, or below in columns when it is long."""
    handles, _ = ax.get_legend_handles_labels()
    entries = len(kwargs.get("handles", handles))
    kwargs.pop("fontsize", None)  # never below MIN_FONT (the rc default)
    if entries <= LEGEND_RIGHT_MAX:
        return ax.legend(**kwargs, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    columns = max(1, min(4, entries // 8 + 1))
    return ax.legend(**kwargs, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False,
                     ncols=columns)


def floor_fonts(fig) -> None:
    """Raise every text of `fig` smaller than MIN_FONT to MIN_FONT."""
    for text in fig.findobj(Text):
        if text.get_fontsize() < MIN_FONT:
            text.set_fontsize(MIN_FONT)


def save_figure(fig, stem: str, data: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Save `fig` as STEM.png and STEM.svg with the plotted data as STEM.csv; close it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.{ext}" for ext in ("png", "svg", "csv")]
    floor_fonts(fig)
    atomic_write(paths[0], lambda tmp: fig.savefig(tmp, format="png", metadata={"Software": None},
                                                   dpi=100 * PNG_SCALE))
    atomic_write(paths[1], lambda tmp: fig.savefig(tmp, format="svg",
                                                   metadata={"Date": None, "Creator": None}))
    write_csv(data, paths[2])
    plt.close(fig)
    return paths
