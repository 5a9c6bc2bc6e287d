"""The figure of notebook 04's roles section: who each group casts as villain, victim or hero."""

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import Patch

from analysis.corpus import Corpus
from analysis.plots import FigureSpec
from analysis.plotting import MAX_WIDTH, WIDTH, legend_outside, rows_height, shorten
from analysis.roles import NONE, NOTEBOOK, ROLES, compute_role_shares

ROLE_COLORS = {"villain": "#882255", "victim": "#88CCEE", "hero": "#117733", NONE: "#DDDDDD"}


def plot_role_shares(shares: pd.DataFrame, outlets: list[str], ax=None):
    """Per top actor (a panel each), per outlet two stacked bars (all voices; narrator only): the
    shares of its articles calling the actor villain, victim, hero, or no call."""
    actors = list(dict.fromkeys(shares["actor"])) or ["no actor"]
    outlets = [o for o in outlets if o in set(shares["outlet"])] or ["none"]
    height = rows_height(2 * len(outlets), per_row=0.22, extra=1.8)
    fig, axes = plt.subplots(1, len(actors), sharey=True, layout="constrained", squeeze=False,
                             figsize=(min(MAX_WIDTH, WIDTH + 0.7 * (len(actors) - 1)), height))
    ticks = [y for i in range(len(outlets)) for y in (3 * i, 3 * i + 1)]
    for panel, actor in zip(axes[0], actors, strict=True):
        part = shares[shares["actor"] == actor]
        for i, outlet in enumerate(outlets):
            for offset, voices in ((0, "all voices"), (1, "narrator only")):
                cells = part[(part["outlet"] == outlet) & (part["voices"] == voices)]
                left = 0.0
                if cells.empty:
                    continue
                for role in ROLES:
                    share = float(cells.loc[cells["role"] == role, "share"].sum())
                    panel.barh(3 * i + offset, share, left=left, color=ROLE_COLORS[role],
                               height=0.9, label="_nolegend_")
                    left += share
                panel.barh(3 * i + offset, 1 - left, left=left, color=ROLE_COLORS[NONE], height=0.9,
                           label="_nolegend_")
                if offset == 0:
                    panel.text(1.02, 3 * i + 0.5, f"n={int(cells['n_articles'].iloc[0])}",
                               ha="left", va="center", color="#222222")
        panel.set_xlim(0, 1.25)
        panel.spines["bottom"].set_bounds(0, 1)
        panel.set_title(shorten(actor, 24))
        panel.set_xticks([0, 0.5, 1], ["0", "50%", "100%"])
    labels = [label for o in outlets for label in (shorten(o, 26), "narrator only")]
    axes[0][0].set_yticks(ticks, labels)
    axes[0][0].set_ylim(3 * len(outlets) - 1.5, -0.5)
    fig.supxlabel("share of the group's n articles naming the actor, from all voices (upper bar) "
                  "and from the narrator's own words (lower bar)")
    fig.suptitle("Who is cast as villain, victim or hero", x=0.02, ha="left", fontweight="bold")
    if shares.empty:
        axes[0][0].text(0.5, 0.5, "no actor of the alias file is named", ha="center", va="center",
                        transform=axes[0][0].transAxes)
    else:
        handles = [Patch(color=ROLE_COLORS[role], label=role) for role in ROLES]
        legend_outside(axes[0][-1], handles=handles + [Patch(color=ROLE_COLORS[NONE], label="no call")])
    return fig


def _roles_figure(corpus: Corpus):
    data = compute_role_shares(corpus)
    return plot_role_shares(data, corpus.outlets), data


def _roles_alt(data: pd.DataFrame) -> str:
    """Alt text: what the figure shows and its largest cells."""
    if data.empty:
        return "Stacked bars of role calls per group and actor; no actor has a role call."
    top = data[data["voices"] == "all voices"].sort_values(["share", "outlet"], ascending=[False, True],
                                                           kind="stable").head(3)
    cells = "; ".join(f"{r.outlet}: {r.actor} as {r.role} in {r.n_calls} of {r.n_articles} articles"
                      for r in top.itertuples())
    return ("Stacked bars per group and actor of the share of articles casting the actor as villain, "
            f"victim or hero (all voices, then narrator only), the rest no call; largest: {cells}")


FIGURES = [FigureSpec(NOTEBOOK, "roles", _roles_figure, _roles_alt)]
