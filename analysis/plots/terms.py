"""Figures of notebook 02: each group's distinctive terms and where its top key term occurs."""


import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.plots import FigureSpec
from analysis.plotting import category_color, legend_outside, new_axes, outlet_colors, per_group
from analysis.terms import (
    ARTICLE_ROWS,
    NOTEBOOK,
    PLOTTED_TERMS,
    compute_distinctive_terms,
    compute_positions,
    position_terms,
)


def plot_distinctive_terms(terms: pd.DataFrame, colors: dict[str, str], ax=None):
    """Each outlet's top terms by mean TF-IDF, labelled with their raw count in the outlet."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.8 + 0.2 * max(len(terms), 1)))
    y = np.arange(len(terms))
    ax.barh(y, terms["tfidf"], color=[colors[o] for o in terms["outlet"]], height=0.8)
    for i, row in enumerate(terms.itertuples()):
        ax.text(row.tfidf, i, f" {row.count}x", va="center")
    ax.set_yticks(y, [f"{t} ({o})" for t, o in zip(terms["term"], terms["outlet"], strict=True)])
    ax.invert_yaxis()
    ax.set_xlim(0, (terms["tfidf"].max() if len(terms) else 1) * 1.15)
    ax.set_xlabel("mean TF-IDF over the outlet's articles (label: occurrences in the outlet)")
    shown = terms.groupby("outlet").size().max() if len(terms) else 0
    ax.set_title(f"Up to {shown} distinctive terms per outlet (TF-IDF; more in terms.csv)")
    return fig


def plot_positions(positions: pd.DataFrame, docs: pd.DataFrame, ax=None):
    """Where chosen terms occur, from an article's start (0) to its end (1): one row per article
    up to ARTICLE_ROWS articles, else one row per group with its articles' occurrences pooled."""
    per_article = len(docs) <= ARTICLE_ROWS
    if per_article:
        key, rows = "doc_id", docs["doc_id"].tolist()
        labels = [f"{d} ({o})" for d, o in zip(docs["doc_id"], docs["outlet"], strict=True)]
    else:
        key, sizes = "outlet", docs.groupby("outlet", sort=False).size()
        rows, labels = sizes.index.tolist(), [f"{o} (n={n:,})" for o, n in sizes.items()]
    fig, ax = new_axes(ax, figsize=(7.0, 1.0 + 0.35 * len(rows)))
    index = {row: i for i, row in enumerate(rows)}
    markers = "o^sDvP*X"
    for k, (term, group) in enumerate(positions.groupby("term", sort=False)):
        ax.scatter(group["position"], group[key].map(index) + (k - 2) * 0.08,
                   color=category_color(k), marker=markers[k % len(markers)], s=28 if per_article else 18,
                   label=term, alpha=0.85 if per_article else 0.4)
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the article (0 = first word, 1 = last)")
    ax.set_title("Where each outlet's top key term occurs in each article" if per_article else
                 "Where each outlet's top key term occurs, all articles of a group pooled (n = articles)")
    if len(positions):
        legend_outside(ax)
    return fig


def _distinctive(corpus: Corpus):
    terms = compute_distinctive_terms(corpus, n=per_group(len(corpus.outlets), PLOTTED_TERMS))
    return plot_distinctive_terms(terms, outlet_colors(corpus.outlets)), terms


def _positions(corpus: Corpus):
    positions = compute_positions(corpus, position_terms(corpus))
    return plot_positions(positions, corpus.documents), positions


def _distinctive_alt(terms: pd.DataFrame) -> str:
    return "Bar chart of each outlet's top TF-IDF terms; first: " + "; ".join(
        f"{r.outlet}: {r.term} ({r.count} times)" for r in terms[terms["rank"] == 1].itertuples())


def _positions_alt(positions: pd.DataFrame) -> str:
    counts = positions.groupby("term", sort=False).size()
    if counts.empty:
        return "Dot plot of term positions in each article; no term was chosen."
    return "Dot plot of where chosen terms occur in each article, from start to end: " + "; ".join(
        f"{term} {n} times" for term, n in counts.items())


FIGURES = [
    FigureSpec(NOTEBOOK, "distinctive", _distinctive, _distinctive_alt),
    FigureSpec(NOTEBOOK, "positions", _positions, _positions_alt),
]
