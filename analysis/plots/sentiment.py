"""Figures of notebook 03: tone per outlet, lexicon agreement, driving words, actors, voices."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from analysis.corpus import Corpus
from analysis.plots import FigureSpec
from analysis.plotting import (
    MIN_FONT,
    POLARITY_COLORS,
    drawn_count,
    drawn_note,
    legend_outside,
    new_axes,
    outlet_colors,
    point_sample,
    rows_height,
    scatter,
)
from analysis.sentiment import (
    NOTEBOOK,
    TOP_WORDS,
    compute_actor_sentiment,
    compute_outlet_sentiment,
    compute_voice_sentiment,
    compute_word_contributions,
    describe_mean,
    score_corpus,
    select_rows,
)
from analysis.stats import resampled

PANELS = {"vader_compound": "mean compound", "vader_positive": "share positive",
          "vader_negative": "share negative"}
SUBSET_STYLE = {"all": ("o", "all articles"), "untranslated": ("s", "untranslated only")}
VOICE_STYLE = {"narrator": ("o", "narrator"), "quoted": ("D", "quoted")}
POSITIVE, NEGATIVE = POLARITY_COLORS["positive"], POLARITY_COLORS["negative"]


def _interval(ax, y, row, color, marker, filled=True, horizontal=True):
    """One mean with its interval as a marker and an error bar (skipped when n = 0)."""
    if row["n"] == 0:
        return
    err = [[row["mean"] - row["low"]], [row["high"] - row["mean"]]]
    ax.errorbar(row["mean"], y, xerr=err, fmt=marker, color=color, markersize=6, capsize=2,
                markerfacecolor=color if filled else "white", linewidth=1.2)


def _n_label(ax, y, row):
    """The number of sentences behind a mean, just right of its interval."""
    if row["n"]:
        ax.annotate(f"n={row['n']}", (row["high"], y), xytext=(6, 0), textcoords="offset points",
                    va="center", color="#444444")


def plot_outlet_tone(summary: pd.DataFrame, colors: dict[str, str], axes=None):
    """Mean compound, share positive and share negative per outlet, all vs untranslated articles."""
    outlets = list(dict.fromkeys(summary["outlet"]))
    if axes is None:
        fig, axes = plt.subplots(1, 3, figsize=(9.0, 1.5 + 0.5 * len(outlets)), sharey=True,
                                 layout="constrained", gridspec_kw={"width_ratios": [2, 1, 1]})
    fig = axes[0].figure
    for ax, (measure, label) in zip(axes, PANELS.items(), strict=True):
        for row in summary[summary["measure"] == measure].to_dict("records"):
            offset = -0.15 if row["articles"] == "all" else 0.15
            _interval(ax, outlets.index(row["outlet"]) + offset, row, colors[row["outlet"]],
                      SUBSET_STYLE[row["articles"]][0], filled=row["articles"] == "all")
        ax.set_xlabel(label)
        ax.axvline(0, color="grey", linewidth=0.6)
        ax.set_xlim(-1.05 if measure == "vader_compound" else -0.02, 1.02)
    n_all = summary[(summary["articles"] == "all") & (summary["measure"] == "vader_compound")]
    n_of = dict(zip(n_all["outlet"], n_all["n"], strict=True))
    axes[0].set_yticks(range(len(outlets)), [f"{o} (n={n_of[o]})" for o in outlets])
    axes[0].set_ylim(len(outlets) - 0.5, -0.5)
    fig.suptitle(f"Sentence tone per outlet (VADER; 95% intervals, {resampled(summary['unit'])})",
                 fontsize=10, fontweight="bold", x=0.02, ha="left")
    handles = [Line2D([], [], marker=m, color="grey", linestyle="", label=label,
                      markerfacecolor="grey" if key == "all" else "white")
               for key, (m, label) in SUBSET_STYLE.items()]
    fig.legend(handles=handles, loc="outside lower center", ncols=2, frameon=False)
    return fig


def plot_lexicon_agreement(data: pd.DataFrame, colors: dict[str, str], ax=None):
    """Sentence scores of VADER (x) against AFINN (y), with each outlet's means and intervals."""
    fig, ax = new_axes(ax, figsize=(7.0, 4.0))
    sentences = data[data["level"] == "sentence"]
    scatter(ax, sentences["vader"], sentences["afinn"], s=12, alpha=0.45, linewidths=0,
            c=[colors[o] for o in sentences["outlet"]])
    for row in data[data["level"] == "outlet mean"].to_dict("records"):
        ax.errorbar(row["vader"], row["afinn"],
                    xerr=[[row["vader"] - row["vader_low"]], [row["vader_high"] - row["vader"]]],
                    yerr=[[row["afinn"] - row["afinn_low"]], [row["afinn_high"] - row["afinn"]]],
                    fmt="D", markersize=8, color=colors[row["outlet"]], markeredgecolor="black",
                    capsize=2, label=row["outlet"])
    ax.axhline(0, color="grey", linewidth=0.6)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel("VADER compound (sentence)")
    ax.set_ylabel("AFINN-165 sum (sentence)")
    ax.set_title("Two lexicons, sentence by sentence (dots) and outlet means (diamonds)"
                 + drawn_note(sentences, "sentences"))
    legend_outside(ax)
    return fig


def plot_top_words(words: pd.DataFrame, outlets: list[str]):
    """The words that add most positive and most negative valence to each outlet's VADER score."""
    cols = min(3, len(outlets))
    rows = int(np.ceil(len(outlets) / cols))
    per_panel = max(words["outlet"].value_counts().reindex(outlets, fill_value=0).max(), 1)
    height = rows_height(rows * per_panel, per_row=0.22, extra=1.0 + 0.6 * rows)
    fig, axes = plt.subplots(rows, cols, figsize=(3.0 * cols, height), layout="constrained",
                             squeeze=False)
    for ax, outlet in zip(axes.flat, outlets, strict=False):
        mine = words[words["outlet"] == outlet].sort_values("valence")
        ax.barh(range(len(mine)), mine["valence"],
                color=[POSITIVE if v > 0 else NEGATIVE for v in mine["valence"]], height=0.7)
        ax.set_yticks(range(len(mine)), mine["word"])
        ax.axvline(0, color="grey", linewidth=0.6)
        ax.set_title(outlet, fontsize=MIN_FONT)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=3))  # narrow panels: few numbers
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    fig.supxlabel("summed VADER valence (after negation, 'but', boosters, capitals)", fontsize=MIN_FONT)
    fig.suptitle("Which words drive each outlet's tone", fontsize=10, fontweight="bold", x=0.02,
                 ha="left")
    return fig


def plot_actor_tone(summary: pd.DataFrame, colors: dict[str, str], ax=None):
    """Mean compound of the clauses around each actor group's mentions, one row an outlet, with n."""
    outlets = list(dict.fromkeys(summary["outlet"]))
    groups = list(dict.fromkeys(summary["actor_group"]))
    fig, ax = new_axes(ax, figsize=(7.5, 1.2 + 0.2 * len(summary) + 0.15 * len(groups)))
    y, ticks = 0.0, []
    for group in groups:
        rows = summary[summary["actor_group"] == group].to_dict("records")
        ticks.append(y + (len(rows) - 1) / 2)
        for row in rows:
            _interval(ax, y, row, colors[row["outlet"]], "o")
            _n_label(ax, y, row)
            y += 1
        y += 0.7
    if not groups:
        ax.text(0.5, 0.5, "no actor of the alias file is mentioned", ha="center",
                transform=ax.transAxes)
    ax.set_yticks(ticks, groups)
    ax.set_ylim(max(y - 0.7, 1) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.15)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel("mean VADER compound of the actor's clause")
    ax.set_title("Tone of the clause around each actor's mentions, per outlet")
    handles = [Line2D([], [], marker="o", color=colors[o], linestyle="", label=o) for o in outlets]
    legend_outside(ax, handles=handles)
    return fig


def plot_voice_tone(summary: pd.DataFrame, colors: dict[str, str], ax=None):
    """Mean compound of the narrator's and the quoted segments per outlet, with n."""
    outlets = list(dict.fromkeys(summary["outlet"]))
    fig, ax = new_axes(ax, figsize=(7.0, 1.2 + 0.5 * len(outlets)))
    for row in summary.to_dict("records"):
        y = outlets.index(row["outlet"]) + (-0.15 if row["voice"] == "narrator" else 0.15)
        _interval(ax, y, row, colors[row["outlet"]], VOICE_STYLE[row["voice"]][0],
                  filled=row["voice"] == "narrator")
        _n_label(ax, y, row)
    ax.set_yticks(range(len(outlets)), outlets)
    ax.set_ylim(len(outlets) - 0.5, -0.5)
    ax.set_xlim(-1.05, 1.15)
    ax.axvline(0, color="grey", linewidth=0.6)
    ax.set_xlabel("mean VADER compound of sentence segments")
    ax.set_title("The journalist's own voice and the voices quoted")
    handles = [Line2D([], [], marker=m, color="grey", linestyle="", label=label,
                      markerfacecolor="grey" if key == "narrator" else "white")
               for key, (m, label) in VOICE_STYLE.items()]
    legend_outside(ax, handles=handles)
    return fig



def _outlets_figure(corpus: Corpus):
    data = compute_outlet_sentiment(corpus)
    data = data[data["measure"].str.startswith("vader")].reset_index(drop=True)
    return plot_outlet_tone(data, outlet_colors(corpus.outlets)), data


def _agreement_figure(corpus: Corpus):
    sentences = score_corpus(corpus).sentences
    points = point_sample(pd.DataFrame({
        "level": "sentence", "outlet": sentences["outlet"], "sentence_id": sentences["sentence_id"],
        "vader": sentences["vader_compound"], "afinn": sentences["afinn_score"]}))
    summary = compute_outlet_sentiment(corpus)
    vader, afinn = select_rows(summary), select_rows(summary, measure="afinn_score")
    means = vader[vader["n"] > 0].merge(afinn, on=["outlet", "n"], suffixes=("_v", "_a"))
    means = pd.DataFrame({
        "level": "outlet mean", "outlet": means["outlet"], "n": means["n"],
        "vader": means["mean_v"], "vader_low": means["low_v"], "vader_high": means["high_v"],
        "afinn": means["mean_a"], "afinn_low": means["low_a"], "afinn_high": means["high_a"]})
    data = pd.concat([points, means], ignore_index=True)
    return plot_lexicon_agreement(data, outlet_colors(corpus.outlets)), data


def _words_figure(corpus: Corpus):
    words = compute_word_contributions(corpus)
    vader = words[words["lexicon"] == "vader"]
    data = (vader.groupby(["outlet", "direction"], sort=False).head(TOP_WORDS)
            .reset_index(drop=True))
    return plot_top_words(data, corpus.outlets), data


def _actors_figure(corpus: Corpus):
    data = select_rows(compute_actor_sentiment(corpus))
    data = data[data["n"] > 0].reset_index(drop=True)
    return plot_actor_tone(data, outlet_colors(corpus.outlets)), data


def _voice_figure(corpus: Corpus):
    data = select_rows(compute_voice_sentiment(corpus))
    return plot_voice_tone(data, outlet_colors(corpus.outlets)), data


def _outlets_alt(data: pd.DataFrame) -> str:
    rows = data[(data["articles"] == "all") & (data["measure"] == "vader_compound")]
    return ("Dot plots per outlet of the mean VADER compound and the shares of positive and "
            "negative sentences, all articles (filled) and untranslated only (hollow), with 95% "
            "intervals. Mean compound: "
            + "; ".join(f"{r['outlet']} {describe_mean(r)}" for r in rows.to_dict("records")))


def _agreement_alt(data: pd.DataFrame) -> str:
    means = data[data["level"] == "outlet mean"]
    points = data[data["level"] == "sentence"]
    return (f"Scatter of {drawn_count(points, 'sentences')}, VADER compound "
            "against AFINN sum, with outlet means: "
            + "; ".join(f"{r.outlet} VADER {r.vader:+.2f}, AFINN {r.afinn:+.2f}"
                        for r in means.itertuples()))


def _words_alt(data: pd.DataFrame) -> str:
    if data.empty:
        return "Bar charts of the words driving each outlet's tone; no lexicon word was found."
    top = data.loc[data.groupby("outlet", sort=False)["valence"].idxmin()]
    return ("Bar charts per outlet of the words adding most positive and negative VADER valence; "
            "the largest negative driver: "
            + "; ".join(f"{r.outlet}: {r.word} ({r.valence:+.1f}, {r.n}x)" for r in top.itertuples()))


def _actors_alt(data: pd.DataFrame) -> str:
    if data.empty:
        return ("Dot plot of the tone of the actor's clause per outlet; no actor of the alias file "
                "is mentioned.")
    top = data.sort_values("n", ascending=False, kind="stable").head(4)
    return ("Dot plot of the mean VADER compound of the actor's clause (the clause around each "
            "mention of an actor group), per outlet, with 95% intervals; most mentioned: "
            + "; ".join(f"{r['actor_group']} in {r['outlet']} {describe_mean(r)}"
                      for r in top.to_dict("records")))


def _voice_alt(data: pd.DataFrame) -> str:
    return ("Dot plot per outlet of the mean VADER compound of the narrator's segments and of "
            "quoted segments, with 95% intervals: "
            + "; ".join(f"{r['outlet']} {r['voice']} {describe_mean(r)}" for r in data.to_dict("records")))


FIGURES = [
    FigureSpec(NOTEBOOK, "outlets", _outlets_figure, _outlets_alt),
    FigureSpec(NOTEBOOK, "agreement", _agreement_figure, _agreement_alt),
    FigureSpec(NOTEBOOK, "words", _words_figure, _words_alt),
    FigureSpec(NOTEBOOK, "actors", _actors_figure, _actors_alt),
    FigureSpec(NOTEBOOK, "voice", _voice_figure, _voice_alt),
]
