"""Figures of notebook 04: actor salience and positions, quoted share, speakers, war labels, frames."""

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.framing import (
    NOTEBOOK,
    TOP_SPEAKERS,
    compute_actor_salience,
    compute_label_rates,
    compute_mentions,
    compute_outlet_frame_shares,
    speaker_table,
    voice_table,
)
from analysis.labels import HEADLINE
from analysis.plots import FigureSpec
from analysis.plotting import (
    GROUPED_BARS_MAX,
    MAX_WIDTH,
    MIN_FONT,
    drawn_count,
    drawn_note,
    heat_map,
    legend_outside,
    new_axes,
    outlet_colors,
    point_sample,
    scatter,
    shorten,
)
from analysis.quotes import UNKNOWN
from analysis.stats import resampled


def plot_rates(data: pd.DataFrame, row: str, value: str, colors: dict[str, str], xlabel: str,
               title: str, ax=None):
    """`value` per `row` and outlet: grouped bars with their intervals up to GROUPED_BARS_MAX
    outlets; beyond, a heat map of rows x outlets (the intervals stay in the data)."""
    rows = list(dict.fromkeys(data[row]))
    outlets = [o for o in colors if o in set(data["outlet"])]
    if len(outlets) > GROUPED_BARS_MAX:
        return _plot_rate_grid(data, row, value, rows, outlets, xlabel, title, ax)
    fig, ax = new_axes(ax, figsize=(7.0, 1.0 + 0.12 * len(rows) * len(outlets) + 0.25 * len(rows)))
    height = 0.8 / max(1, len(outlets))
    for i, outlet in enumerate(outlets):
        part = data[data["outlet"] == outlet].set_index(row).reindex(rows)
        y = np.arange(len(rows)) + (i - (len(outlets) - 1) / 2) * height
        error = [(part[value] - part["low"]).clip(lower=0).fillna(0),
                 (part["high"] - part[value]).clip(lower=0).fillna(0)]
        ax.barh(y, part[value].fillna(0), height=height * 0.9, color=colors[outlet], label=outlet,
                xerr=error, error_kw={"elinewidth": 0.8, "capsize": 1.5, "ecolor": "#333333"})
    ax.set_yticks(range(len(rows)), rows)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    legend_outside(ax)
    return fig


def _plot_rate_grid(data: pd.DataFrame, row: str, value: str, rows: list[str], outlets: list[str],
                    xlabel: str, title: str, ax=None):
    """The many-outlet form of plot_rates: a heat map, one row per outlet and one column per
    `row` value, coloured by `value` (rows grow with the outlets, columns stay few)."""
    grid = data.pivot_table(index="outlet", columns=row, values=value, aggfunc="first", dropna=False)
    values = grid.reindex(index=outlets, columns=rows).to_numpy(dtype=float)
    longest = max(len(shorten(str(r))) for r in rows)
    fig, ax = new_axes(ax, figsize=(MAX_WIDTH if len(rows) > 8 else 7.0,
                                    1.6 + 0.3 * len(outlets) + longest * 0.6 * MIN_FONT / 72))
    image = heat_map(ax, values, outlets, rows)
    ax.set_title(f"{title} (intervals in the CSV)")
    fig.colorbar(image, ax=ax, shrink=0.8, fraction=0.04, pad=0.02).set_label(xlabel.split(" (")[0])
    return fig


def plot_positions(mentions: pd.DataFrame, colors: dict[str, str], ax=None):
    """Where in their articles actor groups are mentioned (0 = first word, 1 = last), per outlet."""
    groups = list(dict.fromkeys(mentions["group"]))
    outlets = [o for o in colors if o in set(mentions["outlet"])]
    fig, ax = new_axes(ax, figsize=(7.0, 1.0 + 0.4 * max(1, len(groups))))
    step = 0.7 / max(1, len(outlets))
    for i, outlet in enumerate(outlets):
        part = mentions[mentions["outlet"] == outlet]
        y = part["group"].map(groups.index) + (i - (len(outlets) - 1) / 2) * step
        scatter(ax, part["position"], y, s=14, marker="|", color=colors[outlet], label=outlet)
    ax.set_yticks(range(len(groups)), groups)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the article (0 = start, 1 = end)")
    ax.set_title("Where in each article the actors are mentioned" + drawn_note(mentions, "mentions"))
    legend_outside(ax, markerscale=1.5)
    return fig


def plot_speakers(ranked: pd.DataFrame, colors: dict[str, str], ax=None):
    """The most cited speakers: direct (solid) and indirect (hatched) statements per outlet."""
    ranked = ranked[ranked["speaker"] != UNKNOWN]
    totals = ranked.groupby("speaker")["n_total"].sum().sort_values(ascending=False, kind="stable")
    speakers = list(totals.index[:TOP_SPEAKERS])
    fig, ax = new_axes(ax, figsize=(7.0, 1.0 + 0.3 * max(1, len(speakers))))
    left = pd.Series(0.0, index=speakers)
    for outlet in [o for o in colors if o in set(ranked["outlet"])]:
        part = ranked[ranked["outlet"] == outlet].groupby("speaker")[["n_direct", "n_indirect"]].sum()
        part = part.reindex(speakers, fill_value=0)
        for kind, hatch in (("n_direct", ""), ("n_indirect", "///")):
            ax.barh(range(len(speakers)), part[kind], left=left, color=colors[outlet], hatch=hatch,
                    edgecolor="white", linewidth=0.5,
                    label=outlet if kind == "n_direct" else "_nolegend_")  # hatching: x label
            left += part[kind]
    ax.set_yticks(range(len(speakers)), speakers)
    ax.invert_yaxis()
    ax.set_xlabel("statements (direct quotes solid, reported speech hatched)")
    ax.set_title("Who is quoted")
    legend_outside(ax)
    return fig


def _salience(corpus: Corpus):
    data = compute_actor_salience(corpus)
    return plot_rates(data, "group", "per_1000_words", outlet_colors(corpus.outlets),
                      f"mentions per 1,000 words (95% interval, {resampled(data['unit'])})",
                      "How often each actor group is named"), data


def _positions(corpus: Corpus):
    data = point_sample(compute_mentions(corpus)[["outlet", "doc_id", "group", "actor", "alias",
                                                  "position"]])
    return plot_positions(data, outlet_colors(corpus.outlets)), data


def _quoted(corpus: Corpus):
    data = voice_table(corpus)
    quoted = data.assign(row="words in quotation marks", value=data["share_quoted"] * 100,
                         low=data["low"] * 100, high=data["high"] * 100)
    reported = data.assign(row="words in reported speech", value=data["share_reported"] * 100,
                           low=data["reported_low"] * 100, high=data["reported_high"] * 100)
    fig = plot_rates(pd.concat([quoted, reported], ignore_index=True), "row", "value",
                     outlet_colors(corpus.outlets),
                     f"% of words (95% interval, {resampled(data['unit'])}); the rest is the narrator's",
                     "How much of each outlet's text is quoted or reported speech")
    return fig, data


def _speakers(corpus: Corpus):
    data = speaker_table(corpus)
    return plot_speakers(data, outlet_colors(corpus.outlets)), data


def _labels(corpus: Corpus):
    """Label rates of the body's voices; a headline's few words would make one hit a rate of
    over a hundred per 1,000 words, so headlines are listed in the notebook's text instead."""
    data = compute_label_rates(corpus)
    data = data[data["voice"] != HEADLINE]
    data = data.assign(row=data["voice"] + ": " + data["category"]).sort_values(
        ["category", "voice"], kind="stable")  # the voice first: a long category is cut, not it
    fig = plot_rates(data, "row", "per_1000_words", outlet_colors(corpus.outlets),
                     "counted label hits per 1,000 words of that voice "
                     f"(95% interval, {resampled(data['unit'])})",
                     "How the war is labelled: the outlet's voice, quotes and reported speech")
    return fig, data.drop(columns="row")


def _frames(corpus: Corpus):
    data = compute_outlet_frame_shares(corpus)
    percent = data.assign(pct=data["share"] * 100, low=data["low"] * 100, high=data["high"] * 100)
    fig = plot_rates(percent, "frame", "pct", outlet_colors(corpus.outlets),
                     f"% of sentences with the frame (95% interval, {resampled(data['unit'])})",
                     "Which frames dominate (dictionary tagging)")
    return fig, data


def _top(data: pd.DataFrame, value: str, label: str, n: int = 3) -> str:
    best = data.dropna(subset=[value]).sort_values(value, ascending=False, kind="stable").head(n)
    return "; ".join(f"{r[label]} in {r['outlet']} {r[value]:.1f}" for _, r in best.iterrows()) or "none"


FIGURES = [
    FigureSpec(NOTEBOOK, "actor-salience", _salience,
               lambda d: "Bar chart of actor-group mentions per 1,000 words per outlet; highest: "
               + _top(d, "per_1000_words", "group")),
    FigureSpec(NOTEBOOK, "actor-positions", _positions,
               lambda d: f"Strip plot of {drawn_count(d, 'actor mentions')} by position in their "
               f"article, one row per actor group; median position {d['position'].median():.2f}"
               if len(d) else "Strip plot of actor mentions by position; no actor is mentioned."),
    FigureSpec(NOTEBOOK, "quoted-share", _quoted,
               lambda d: "Bar chart of the share of words inside quotation marks and in reported "
               "speech per outlet: " + "; ".join(f"{r.outlet} {r.share_quoted:.0%} quoted, "
                                                 f"{r.share_reported:.0%} reported"
                                                 for r in d.itertuples())),
    FigureSpec(NOTEBOOK, "speakers", _speakers,
               lambda d: "Stacked bars of statements per named speaker and outlet; most cited: "
               + ("; ".join(f"{s} ({n})" for s, n in d[d["speaker"] != UNKNOWN]
                            .groupby("speaker")["n_total"].sum()
                            .sort_values(ascending=False).head(3).items()) or "nobody")),
    FigureSpec(NOTEBOOK, "labels", _labels,
               lambda d: "Bar chart of counted label hits (war labels only where they refer to the "
               "war) per 1,000 words by outlet, category and voice (narrator, quoted, reported; "
               "headlines apart); highest: " + _top(d.assign(cv=d["category"] + " (" + d["voice"] + ")"),
                                             "per_1000_words", "cv")),
    FigureSpec(NOTEBOOK, "frames", _frames,
               lambda d: "Bar chart of the share of sentences carrying each policy frame per outlet; "
               "highest: " + _top(d.assign(pct=d["share"] * 100), "pct", "frame") + " per cent"),
]
