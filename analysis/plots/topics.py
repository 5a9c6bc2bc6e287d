"""Figures of notebook 02: topic stability by k, topic terms and topic prevalence per group."""


import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.plots import FigureSpec
from analysis.plotting import category_color, legend_outside, new_axes, outlet_colors
from analysis.topics import (
    CARD_TERMS,
    NOTEBOOK,
    TOLERANCE,
    compute_topic_prevalence,
    compute_topic_stability,
    compute_topic_terms,
    compute_topics,
)


def plot_topic_stability(stability: pd.DataFrame, ax=None):
    """Stability under subsampling (with top-term agreement and UMass coherence) against k."""
    fig, ax = new_axes(ax, figsize=(7.0, 3.6))  # the legend's two rows below take 0.6 in
    ax.plot(stability["k"], stability["stability"], "o-", color=category_color(0),
            label="stability (adjusted Rand)")
    if "stability_min" in stability:
        ax.fill_between(stability["k"], stability["stability_min"], stability["stability_max"],
                        color=category_color(0), alpha=0.2, label="range over base seeds")
    if "term_agreement" in stability:
        ax.plot(stability["k"], stability["term_agreement"], "^:", color=category_color(2),
                label="top-term agreement")
    chosen = stability[stability["chosen"]]
    ax.plot(chosen["k"], chosen["stability"], "o", markersize=12, fillstyle="none", color="black",
            label="chosen")
    lowest = stability.get("stability_min", stability["stability"]).min()
    ax.set_ylim(min(0, lowest - 0.05), 1.05)  # an adjusted Rand index can fall below zero
    ax.set_xticks(stability["k"])
    ax.set_xlabel("number of topics")
    ax.set_ylabel("agreement with the full fit")
    twin = ax.twinx()
    twin.plot(stability["k"], stability["coherence"], "s--", color=category_color(6), label="coherence")
    twin.set_ylabel("UMass coherence (higher: better)")
    twin.spines["right"].set_visible(True)
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="outside lower center", ncols=3,
               frameon=False)  # below the axes: five entries would cover the lines
    ax.set_title("How stable the topics are when articles are left out")
    return fig


def plot_topic_terms(terms: pd.DataFrame, ax=None):
    """Topic cards as bars: each topic's top terms and their NMF weights."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.8 + 0.2 * max(len(terms), 1)))
    y = np.arange(len(terms))
    ax.barh(y, terms["weight"], height=0.8,
            color=[category_color(t - 1) for t in terms["topic"]])
    ax.set_yticks(y, [f"{r.term} (topic {r.topic})" for r in terms.itertuples()])
    ax.invert_yaxis()
    ax.set_xlabel("weight of the term in the topic")
    ax.set_title("Top terms of each topic")
    return fig


def plot_topic_prevalence(prevalence: pd.DataFrame, labels: dict[int, str],
                          colors: dict[str, str], ax=None):
    """Mean topic share per outlet with 95 % bootstrap intervals, one row of dots per topic."""
    topics = sorted(prevalence["topic"].unique())
    outlets = list(dict.fromkeys(prevalence["outlet"]))
    fig, ax = new_axes(ax, figsize=(7.0, 1.0 + 0.25 * len(topics) * max(len(outlets), 2)))
    offsets = np.linspace(-0.3, 0.3, len(outlets)) if len(outlets) > 1 else [0.0]
    for offset, outlet in zip(offsets, outlets, strict=True):
        rows = prevalence[prevalence["outlet"] == outlet]
        y = rows["topic"].map(topics.index) + offset
        ax.errorbar(rows["mean"], y, xerr=[rows["mean"] - rows["low"], rows["high"] - rows["mean"]],
                    fmt="o", color=colors[outlet], markersize=4, capsize=2, label=outlet)
    ax.set_yticks(range(len(topics)), [f"{t}: {labels[t]}" for t in topics])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("mean share of the outlet's paragraphs (95 % bootstrap interval over articles)")
    ax.set_title("Topic prevalence per outlet")
    legend_outside(ax)
    return fig


def _stability(corpus: Corpus):
    data = compute_topic_stability(corpus)
    return plot_topic_stability(data), data


def _topic_terms(corpus: Corpus):
    data = compute_topic_terms(corpus, n=CARD_TERMS)
    return plot_topic_terms(data), data


def _prevalence(corpus: Corpus):
    data = compute_topic_prevalence(corpus)
    labels = compute_topics(corpus).set_index("topic")["label"].to_dict()
    return plot_topic_prevalence(data, labels, outlet_colors(corpus.outlets)), data


def _stability_alt(data: pd.DataFrame) -> str:
    chosen = data[data["chosen"]].iloc[0]
    return (f"Line chart of topic stability over {chosen.n_runs} subsamples of the articles for "
            f"{data['k'].min()} to {data['k'].max()} topics; {chosen.k} topics chosen (the most "
            f"topics within {TOLERANCE} of the best stability), stability {chosen.stability:.2f}.")


def _terms_alt(data: pd.DataFrame) -> str:
    return "Bar chart of the top terms of each topic: " + "; ".join(
        f"topic {t}: {', '.join(g['term'].head(3))}" for t, g in data.groupby("topic"))


def _prevalence_alt(data: pd.DataFrame) -> str:
    top = data.sort_values("mean", ascending=False, kind="stable").head(3)
    return "Dot plot of mean topic share per outlet with bootstrap intervals; highest: " + "; ".join(
        f"{r.outlet}, topic {r.topic}: {r.mean:.2f} ("
        + (f"no interval, {r.n_articles} article(s)" if np.isnan(r.low) else
           f"{r.low:.2f} to {r.high:.2f}") + ")" for r in top.itertuples())


FIGURES = [
    FigureSpec(NOTEBOOK, "topic-stability", _stability, _stability_alt),
    FigureSpec(NOTEBOOK, "topic-terms", _topic_terms, _terms_alt),
    FigureSpec(NOTEBOOK, "topic-prevalence", _prevalence, _prevalence_alt),
]
