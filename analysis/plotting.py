"""The one figure helper: palettes, house style, sizes for many groups, saving PNG + SVG + CSV."""

import io
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from matplotlib.ticker import FixedFormatter, FixedLocator  # noqa: E402
from PIL import Image  # noqa: E402

from analysis.config import SEED  # noqa: E402
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
MAX_ROWS = 60  # labelled rows a chart holds at MIN_FONT within MAX_HEIGHT (top N per group)
MIN_HEIGHT = 2.0  # inches: room for a title, one row and an axis
MAX_HEIGHT = 30.0  # inches: long lists are cut (top N, "and M more") before this
PNG_SCALE = 2  # PNG pixels per point are twice the screen's (sharp on high-density screens)
PNG_COLORS = 256  # a palette PNG: charts have few colours, and reports embed every PNG
LEGEND_RIGHT_MAX = 10  # legends with more entries go below the axes, in columns
CELL_TEXT_MAX = 6  # a heat map writes its values in the cells up to this many rows and columns,
GROUPED_BARS_MAX = 6  # groups drawn as grouped bars up to this many; beyond, a heat map
GRID_TEXT_MAX = 15  # a heat map of groups x categories writes its values in the cells up to this many columns
CELL_DETAIL_MAX = 3  # and a second line (interval, top term) up to this many
GRID_LABEL = 20  # characters of a heat map's row and column labels (room for 30 columns)
MAX_LABEL = 30  # characters of a tick or legend label; longer ones end in "…" (tables keep all)
MAX_POINTS = 5000  # a chart of one point per sentence or mention draws at most this many (a sample)
VECTOR_POINTS = 1000  # beyond this many points the dots are one raster image inside the SVG

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


def per_group(n_groups: int, wanted: int) -> int:
    """How many rows each group gets in a chart of rows: `wanted`, fewer past MAX_ROWS in all."""
    return max(1, min(wanted, MAX_ROWS // max(n_groups, 1)))


def grid_labels(ax, labels: list[str]) -> None:
    """Label both axes of a square heat map; column labels turn upright when there are many."""
    many = len(labels) > 4
    labels = [shorten(str(label), GRID_LABEL) for label in labels]
    ax.set_xticks(range(len(labels)), labels, rotation=90 if many else 30,
                  ha="center" if many else "right")
    ax.set_yticks(range(len(labels)), labels)


def cell_text(value: float) -> str:
    """A heat map cell's value: '0', one decimal under 10 ('0.3', '7.5'), else whole ('42')."""
    return "0" if value == 0 else f"{value:.1f}" if abs(value) < 10 else f"{value:.0f}"


def heat_map(ax, values: np.ndarray, rows: list[str], columns: list[str]):
    """Draw a rows x columns heat map whose colours span the data; values in the cells (cell_text)
    up to GRID_TEXT_MAX columns; blank (grey) where a value is missing. Returns the image."""
    finite = values[np.isfinite(values)]
    low, high = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
    high = high if high > low else low + 1
    cmap = matplotlib.colormaps["viridis"].with_extremes(bad="#DDDDDD")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=low, vmax=high, aspect="auto")
    if len(columns) <= GRID_TEXT_MAX:
        for (i, j), value in np.ndenumerate(values):
            if np.isfinite(value):
                ax.text(j, i, cell_text(value), ha="center", va="center",
                        color="white" if value < low + 0.6 * (high - low) else "black")
    ax.set_xticks(range(len(columns)), [shorten(str(c)) for c in columns], rotation=90, ha="center")
    ax.set_yticks(range(len(rows)), [shorten(str(r), GRID_LABEL) for r in rows])
    return image


def new_axes(ax=None, figsize=(WIDTH, 3.5)):
    """The axes to draw on and its figure: a new figure unless `ax` is given."""
    if ax is not None:
        return ax.figure, ax
    height = min(max(figsize[1], MIN_HEIGHT), MAX_HEIGHT)
    fig, ax = plt.subplots(figsize=(min(figsize[0], MAX_WIDTH), height),
                           layout="constrained")
    return fig, ax


def legend_outside(ax, **kwargs):
    """The house legend, no frame: right of the axes, or below in columns when it is long."""
    handles, labels = ax.get_legend_handles_labels()
    if "handles" in kwargs:
        labels = [h.get_label() for h in kwargs["handles"]]
    kwargs.pop("fontsize", None)  # never below MIN_FONT (the rc default)
    if len(labels) <= LEGEND_RIGHT_MAX:
        return ax.legend(**kwargs, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig = ax.figure
    longest = max(len(shorten(str(label))) for label in labels)
    column = (longest * 0.6 * MIN_FONT + 3 * MIN_FONT) / 72  # inches: marker, gap and text
    columns = max(1, min(len(labels), int((fig.get_figwidth() - 0.4) / column)))
    rows = -(-len(labels) // columns)
    fig.set_figheight(min(fig.get_figheight() + rows * 1.4 * MIN_FONT / 72 + 0.3, MAX_HEIGHT))
    return fig.legend(**kwargs, loc="outside lower center", frameon=False, ncols=columns)


def shorten(label: str, limit: int = MAX_LABEL) -> str:
    """A label cut to `limit` characters, ending in "…" when cut."""
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


def group_words(text: str, group_by: str) -> str:
    """Text written about outlets, about the column the corpus is grouped by instead ('outlet' ->
    'narrative', 'outlets' -> 'narratives'); unchanged when grouped by outlet."""
    if group_by == "outlet":
        return text
    word = group_by.replace("_", " ")
    return re.sub(r"\b([Oo])utlet(s?)\b",
                  lambda m: (word.capitalize() if m.group(1) == "O" else word) + m.group(2), text)


def point_sample(data: pd.DataFrame, limit: int = MAX_POINTS) -> pd.DataFrame:
    """The rows a one-point-per-item chart draws: all up to `limit`, else a fixed-seed random
    `limit` of them in their order, with column `drawn_of` (the number they were drawn from)."""
    picks = (np.arange(len(data)) if len(data) <= limit
             else np.sort(np.random.default_rng(SEED).choice(len(data), limit, replace=False)))
    return data.iloc[picks].assign(drawn_of=len(data))


def drawn_count(points: pd.DataFrame, what: str) -> str:
    """'312 sentences' when a chart draws every point, else 'a random 5,000 of 320,114 sentences'."""
    total = int(points["drawn_of"].iloc[0]) if len(points) and "drawn_of" in points else len(points)
    return f"{len(points):,} {what}" if total == len(points) else \
        f"a random {len(points):,} of {total:,} {what}"


def drawn_note(points: pd.DataFrame, what: str) -> str:
    """'' when a chart draws every point, else '; dots: a random 5,000 of 320,114 sentences'."""
    count = drawn_count(points, what)
    return f"; dots: {count}" if count.startswith("a random") else ""


def scatter(ax, x, y, **style):
    """ax.scatter, with the dots rasterised in the SVG when there are more than VECTOR_POINTS."""
    return ax.scatter(x, y, rasterized=len(x) > VECTOR_POINTS, **style)


def name_groups(fig, group_by: str) -> None:
    """Say the grouping column instead of 'outlet' in a figure's titles and axis labels (tick
    labels and legends hold the groups' own names and stay as they are)."""
    if group_by == "outlet":
        return
    texts = [t for t in fig.texts]
    for ax in fig.axes:
        texts += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
    if getattr(fig, "_suptitle", None) is not None:
        texts.append(fig._suptitle)
    for text in texts:
        text.set_text(group_words(text.get_text(), group_by))


def make_legible(fig) -> None:
    """The house rules on a drawn figure: no text under MIN_FONT, long labels cut, titles wrapped."""
    for text in fig.findobj(Text):
        if text.get_fontsize() < MIN_FONT:
            text.set_fontsize(MIN_FONT)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.major.formatter.format_ticks(axis.get_majorticklocs())
            if isinstance(axis.get_major_locator(), FixedLocator) and any(
                    len(label) > MAX_LABEL for label in labels):
                axis.set_major_formatter(FixedFormatter([shorten(label) for label in labels]))
    for legend in fig.findobj(Legend):
        for text in legend.get_texts():
            text.set_text(shorten(text.get_text()))
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title(loc="left")]
    for _ in range(2):  # wrapping a heading changes the layout once more
        fig.draw_without_rendering()
        for ax in fig.axes:  # side by side panels: a title stays above its own panel
            right = ax.bbox.x1 if len(panels) > 1 else fig.bbox.x1
            for text in (ax.title, ax._left_title, ax._right_title):
                wrap_heading(text, fig, right)
            wrap_heading(ax.xaxis.label, fig, fig.bbox.x1)
        for text in (fig._suptitle, fig._supxlabel):
            if text is not None:
                wrap_heading(text, fig, fig.bbox.x1)


def wrap_heading(text: Text, fig, right: float) -> None:
    """Break a heading into lines when it runs past `right` or the figure's edge."""
    content = text.get_text()
    if not content or not text.get_visible():
        return
    box, frame = text.get_window_extent(), fig.bbox
    middle = (box.x0 + box.x1) / 2
    room = (2 * min(middle - frame.x0, frame.x1 - middle) if text.get_ha() == "center"
            else min(right, frame.x1) - max(box.x0, frame.x0)) - 4
    if box.width <= room or box.width == 0:
        return
    longest = max(len(line) for line in content.split("\n"))
    width = max(12, int(longest * room / box.width))
    text.set_text("\n".join(textwrap.fill(line, width) for line in content.split("\n")))


def png_bytes(fig) -> bytes:
    """The figure as a PNG at PNG_SCALE, reduced to PNG_COLORS colours (a third of the bytes)."""
    drawn = io.BytesIO()
    fig.savefig(drawn, format="png", dpi=100 * PNG_SCALE, metadata={"Software": None})
    image = Image.open(drawn).convert("RGB").quantize(
        PNG_COLORS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def save_figure(fig, stem: str, data: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Save `fig` as STEM.png and STEM.svg with the plotted data as STEM.csv; close it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.{ext}" for ext in ("png", "svg", "csv")]
    make_legible(fig)
    png = png_bytes(fig)
    atomic_write(paths[0], lambda tmp: tmp.write_bytes(png))
    atomic_write(paths[1], lambda tmp: fig.savefig(tmp, format="svg",
                                                   metadata={"Date": None, "Creator": None}))
    write_csv(data, paths[2])
    plt.close(fig)
    return paths
