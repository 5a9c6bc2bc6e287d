"""The one figure helper: outlet colours, house style, and saving PNG + SVG + CSV together."""

from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.export import atomic_write, write_csv  # noqa: E402

# Okabe & Ito (2008), a palette that stays distinct under the common colour-vision deficiencies.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
UNKNOWN_COLOR = "#999999"

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "svg.hashsalt": "nato-media-analysis",
    "svg.fonttype": "path",
    "path.simplify": True,
    "text.parse_math": False,  # outlet names and terms with "$" are text, not mathtext
}
plt.rcParams.update(STYLE)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """One colour per outlet, in the order given (first document first); 'unknown' is grey."""
    named = [o for o in dict.fromkeys(outlets) if o != "unknown"]
    palette = OKABE_ITO if len(named) <= len(OKABE_ITO) else list(plt.get_cmap("tab20").colors)
    colors = {o: matplotlib.colors.to_hex(palette[i % len(palette)]) for i, o in enumerate(named)}
    return {**colors, "unknown": UNKNOWN_COLOR}


def new_axes(ax=None, figsize=(7.0, 3.5)):
    """The axes to draw on and its figure: a new figure unless `ax` is given."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    return fig, ax


def legend_outside(ax, **kwargs):
    """The house legend: right of the axes, top-aligned, no frame (fontsize 7 unless given)."""
    return ax.legend(**{"fontsize": 7, **kwargs}, loc="upper left", bbox_to_anchor=(1.01, 1),
                     frameon=False)


def save_figure(fig, stem: str, data: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Save `fig` as STEM.png and STEM.svg with the plotted data as STEM.csv; close it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.{ext}" for ext in ("png", "svg", "csv")]
    atomic_write(paths[0], lambda tmp: fig.savefig(tmp, format="png", metadata={"Software": None}))
    atomic_write(paths[1], lambda tmp: fig.savefig(tmp, format="svg",
                                                   metadata={"Date": None, "Creator": None}))
    write_csv(data, paths[2])
    plt.close(fig)
    return paths
