"""Figures of notebook 01: publication timeline, attention over time, article lengths, removals."""

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from analysis.corpus import Corpus
from analysis.overview import (
    MAX_LABELLED_BARS,
    NOTEBOOK,
    compute_attention,
    compute_outlet_lengths,
    compute_removals,
)
from analysis.plots import FigureSpec
from analysis.plotting import CATEGORY_COLORS, category_color, legend_outside, new_axes, outlet_colors


def plot_attention(attention: pd.DataFrame, colors: dict[str, str], group: str = "outlet", ax=None):
    """Stacked bars: articles per period, one colour per group, the total above each bar."""
    fig, ax = new_axes(ax, figsize=(8.0, 3.6))
    if attention.empty:
        ax.text(0.5, 0.5, "no article has a known publication date", ha="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    table = attention.pivot_table(index="period", columns="outlet", values="n_articles",
                                  aggfunc="sum", fill_value=0, sort=False)
    table = table[list(dict.fromkeys(attention["outlet"]))]
    unit = attention["unit"].iloc[0]
    x = range(len(table))
    bottom = pd.Series(0, index=table.index)
    for outlet in table.columns:
        ax.bar(x, table[outlet], bottom=bottom, color=colors[outlet], label=outlet, width=0.85)
        bottom += table[outlet]
    if len(table) <= MAX_LABELLED_BARS:
        for i, total in enumerate(bottom):
            if total:
                ax.text(i, total, f"{total}", ha="center", va="bottom")
    fmt = {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"}[unit]
    step = -(-len(table) // 4)  # at most four dates on the axis, so they never overprint
    ax.set_xticks(list(x)[::step], [d.strftime(fmt) for d in table.index[::step]])
    ax.set_ylim(0, bottom.max() * 1.25)  # room for the totals under the title
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(f"articles per {unit}")
    ax.set_title(f"Attention over time: articles per {unit} and {group}")
    legend_outside(ax)
    return fig


def plot_timeline(docs: pd.DataFrame, colors: dict[str, str], ax=None):
    """When the reported events happened (bars) and publication dates (x) per outlet."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.5 + 0.45 * docs["outlet"].nunique()))
    outlets = list(dict.fromkeys(docs["outlet"]))
    for _, doc in docs.iterrows():
        y = outlets.index(doc["outlet"])
        color = colors[doc["outlet"]]
        if pd.isna(doc["event_start"]):
            pass
        elif doc["event_end"] > doc["event_start"]:
            ax.plot([doc["event_start"], doc["event_end"]], [y, y], color=color, linewidth=8,
                    solid_capstyle="butt", alpha=0.85)
        else:
            ax.plot(doc["event_start"], y, "D", color=color, markersize=8)
        if pd.notna(doc["published_start"]):
            ax.plot(doc["published_start"], y, "x", color="black", markersize=8)
    keys = [
        Line2D([], [], color="grey", linewidth=8, label="event window"),
        Line2D([], [], color="grey", marker="D", linestyle="", label="event day"),
        Line2D([], [], color="black", marker="x", linestyle="", label="published"),
    ]
    legend_outside(ax, handles=keys)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_title("When the reported events happened")
    ax.set_xlabel("date")
    return fig


def plot_lengths(lengths: pd.DataFrame, colors: dict[str, str], ax=None):
    """Words per outlet before (outline) and after (filled) cleaning."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.6 + 0.45 * len(lengths)))
    y = range(len(lengths))
    palette = [colors[o] for o in lengths["outlet"]]
    ax.barh(y, lengths["n_words_raw"], height=0.6, fill=False, edgecolor=palette, label="scraped")
    ax.barh(y, lengths["n_words_clean"], height=0.6, color=palette, label="after cleaning")
    for i, row in enumerate(lengths.itertuples()):
        ax.text(row.n_words_raw, i, f" {row.share_removed:.0%} removed", va="center")
    ax.set_yticks(list(y), lengths["outlet"])
    ax.invert_yaxis()
    ax.set_xlabel("words")
    ax.set_xlim(0, lengths["n_words_raw"].max() * 1.25)
    ax.set_title("Words before (outline) and after (filled) cleaning")
    return fig


def plot_removals(by_rule: pd.DataFrame, ax=None):
    """Words removed per outlet, stacked by cleaning rule."""
    table = by_rule.pivot_table(index="outlet", columns="rule", values="n_words", aggfunc="sum",
                                fill_value=0, sort=False).reindex(by_rule["outlet"].unique())
    fig, ax = new_axes(ax, figsize=(7.0, 1.2 + 0.45 * len(table)))
    left = pd.Series(0, index=table.index)
    hatches = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
    for i, rule in enumerate(table.columns):
        ax.barh(range(len(table)), table[rule], left=left, label=rule,
                color=category_color(i),
                hatch=hatches[i // len(CATEGORY_COLORS) % len(hatches)],
                height=0.6)
        left += table[rule]
    ax.set_yticks(range(len(table)), table.index)
    ax.invert_yaxis()
    ax.set_xlabel("words removed")
    ax.set_title("What cleaning removed, by rule")
    legend_outside(ax)
    return fig


def _timeline(corpus: Corpus):
    docs = corpus.documents
    data = docs[["doc_id", "outlet", "event_date", "event_start", "event_end", "published_start"]]
    return plot_timeline(docs, outlet_colors(corpus.outlets)), data


def _attention(corpus: Corpus):
    data = compute_attention(corpus)
    return plot_attention(data, outlet_colors(corpus.outlets), corpus.group_by), data


def _attention_alt(data: pd.DataFrame) -> str:
    if data.empty:
        return "Attention over time: no article has a known publication date, so nothing is drawn."
    totals = data.groupby("period")["n_articles"].sum()
    unit = data["unit"].iloc[0]
    first, last, busiest = (f"{d.day} {d:%B %Y}" for d in
                            (totals.index.min(), totals.index.max(), totals.idxmax()))
    return (f"Stacked bars of articles per {unit} from {first} to {last}; the busiest {unit} "
            f"starts {busiest} with {totals.max()} articles.")


def _lengths(corpus: Corpus):
    data = compute_outlet_lengths(corpus)
    return plot_lengths(data, outlet_colors(corpus.outlets)), data


def _removals(corpus: Corpus):
    removals = compute_removals(corpus)
    order = {o: i for i, o in enumerate([*corpus.outlets, "unknown"])}
    data = (removals.groupby(["outlet", "rule"], sort=False)["n_words"].sum().reset_index()
            .sort_values("outlet", key=lambda o: o.map(order), kind="stable", ignore_index=True))
    return plot_removals(data), data


def _span_alt(data: pd.DataFrame) -> str:
    known = data.dropna(subset=["event_start"])
    if known.empty:
        return "Timeline of event dates per outlet; no document has a known event date."
    return (f"Timeline of the reported events per outlet, from {known['event_start'].min():%B %Y} "
            f"to {known['event_end'].max():%B %Y}; crosses mark known publication dates.")


FIGURES = [
    FigureSpec(NOTEBOOK, "timeline", _timeline, _span_alt),
    FigureSpec(NOTEBOOK, "attention", _attention, _attention_alt),
    FigureSpec(
        NOTEBOOK, "lengths", _lengths,
        lambda d: "Bar chart of words per outlet before and after cleaning: "
        + "; ".join(f"{r.outlet} {r.n_words_raw} to {r.n_words_clean}" for r in d.itertuples()),
    ),
    FigureSpec(
        NOTEBOOK, "removed", _removals,
        lambda d: "Stacked bars of words removed per outlet by cleaning rule; largest: "
        + "; ".join(f"{r.outlet}: {r.rule} ({r.n_words} words)"
                    for r in d.sort_values("n_words", ascending=False).head(3).itertuples()),
    ),
]
