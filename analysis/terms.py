"""TF-IDF per document, each outlet's distinctive terms, keyword in context and term positions."""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from analysis.corpus import Corpus, per_corpus
from analysis.keyness import keyness_table, top_key_terms
from analysis.kwic import CONTEXT_CHARS, context_window
from analysis.pipeline import FigureSpec
from analysis.plotting import category_color, legend_outside, new_axes, outlet_colors, per_group
from analysis.vocabulary import min_df_for, sentence_term_counts, sum_rows

NOTEBOOK = "02-terms-and-topics"
TOP_TERMS = 10
PLOTTED_TERMS = 5
ARTICLE_ROWS = 30  # term positions: one row per article up to this many, else one per group
_WORD = r"[^\W_]"


@dataclass(frozen=True)
class DocumentTerms:
    """Document x term counts (terms kept by min_df), the kept columns of the sentence matrix."""

    counts: sparse.csr_matrix
    terms: np.ndarray
    columns: np.ndarray
    transformer: TfidfTransformer

    def tfidf(self, counts: sparse.spmatrix | None = None) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) of these or other counts."""
        return self.transformer.transform(self.counts if counts is None else counts).tocsr()


@per_corpus
def document_terms(corpus: Corpus) -> DocumentTerms:
    """Term counts per document (corpus.documents order) and the TF-IDF model fitted on them."""
    counts, terms = sentence_term_counts(corpus)
    by_doc, doc_ids = sum_rows(counts, corpus.sentences["doc_id"])
    by_doc = by_doc[doc_ids.get_indexer(corpus.documents["doc_id"])]
    columns = np.flatnonzero((by_doc > 0).sum(axis=0).A1 >= min_df_for(by_doc.shape[0]))
    kept = by_doc[:, columns]
    transformer = TfidfTransformer(sublinear_tf=True).fit(kept)
    return DocumentTerms(kept, terms[columns], columns, transformer)


def outlet_averaging(outlets: pd.Series, order: list[str]) -> sparse.csr_matrix:
    """The matrix that turns document rows into the mean row of each outlet (rows in `order`)."""
    rows = pd.Index(order).get_indexer(outlets)
    sizes = np.bincount(rows, minlength=len(order))
    return sparse.csr_matrix((1 / sizes[rows], (rows, np.arange(len(rows)))),
                             shape=(len(order), len(rows)))


def outlet_profiles(tfidf: sparse.spmatrix, outlets: pd.Series, order: list[str]) -> np.ndarray:
    """Mean TF-IDF vector of each outlet's documents, rows in `order`."""
    return (outlet_averaging(outlets, order) @ tfidf).toarray()


def compute_distinctive_terms(corpus: Corpus, n: int = TOP_TERMS) -> pd.DataFrame:
    """Top `n` terms per outlet by mean TF-IDF, with raw counts and document frequencies."""
    model = document_terms(corpus)
    outlets = corpus.documents["outlet"]
    profiles = outlet_profiles(model.tfidf(), outlets, corpus.outlets)
    counts = sum_rows(model.counts, outlets)[0].toarray()
    in_docs = sum_rows((model.counts > 0).astype(np.int64), outlets)[0].toarray()
    table = pd.DataFrame({
        "outlet": np.repeat(corpus.outlets, len(model.terms)),
        "term": np.tile(model.terms, len(corpus.outlets)),
        "tfidf": profiles.ravel(),
        "count": counts.ravel(),
        "n_docs": in_docs.ravel(),
        "n_docs_outlet": np.repeat(outlets.value_counts().reindex(corpus.outlets).to_numpy(),
                                   len(model.terms)),
        "n_docs_corpus": np.tile((model.counts > 0).sum(axis=0).A1, len(corpus.outlets)),
    })
    table = table[table["count"] > 0].sort_values(["tfidf", "term"], ascending=[False, True])
    table = table.groupby("outlet", sort=False).head(n)
    table = table.sort_values("outlet", key=lambda o: o.map(corpus.outlets.index), kind="stable")
    table.insert(1, "rank", table.groupby("outlet").cumcount() + 1)
    return table.reset_index(drop=True)


def term_pattern(term: str) -> re.Pattern:
    """A regex for a term as the tokenizer sees it: whole words, any case, optional possessive 's."""
    words = [re.escape(word) + "(?:'s)?" for word in term.lower().split()]
    return re.compile(
        rf"(?<!{_WORD})(?<!{_WORD}['-])" + r"\W+".join(words) + rf"(?!{_WORD})(?!['-]{_WORD})",
        re.IGNORECASE,
    )


def compute_kwic(corpus: Corpus, term: str, width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """Every occurrence of `term` with up to `width` characters of its sentence on either side
    (whole words), and where it is in the article."""
    pattern = term_pattern(term)
    sentences = corpus.sentences[corpus.sentences["text"].str.contains(pattern, na=False)]
    docs = corpus.documents.set_index("doc_id")
    rows = []
    for s in sentences.itertuples(index=False):
        for match in pattern.finditer(s.text):
            offset = s.start + match.start()
            left, right = context_window(s.text, match.start(), match.end(), width)
            rows.append((term, docs.at[s.doc_id, "outlet"], s.doc_id, s.sentence_id, offset,
                         offset / max(len(docs.at[s.doc_id, "text"]), 1), left, match.group(),
                         right))
    return pd.DataFrame(rows, columns=["term", "outlet", "doc_id", "sentence_id", "start",
                                       "position", "left", "match", "right"])


def position_terms(corpus: Corpus) -> list[str]:
    """The terms to place in articles: each outlet's top key term, else the commonest terms."""
    top = top_key_terms(keyness_table(corpus), n=1)["term"].drop_duplicates().tolist()
    if top:
        return top[:PLOTTED_TERMS]
    counts = document_terms(corpus).counts.sum(axis=0).A1
    return document_terms(corpus).terms[np.argsort(-counts, kind="stable")][:3].tolist()


def compute_positions(corpus: Corpus, terms: list[str]) -> pd.DataFrame:
    """Where in each article (0 = start, 1 = end) each of `terms` occurs."""
    columns = ["term", "outlet", "doc_id", "sentence_id", "position"]
    if not terms:
        return pd.DataFrame(columns=columns)
    return pd.concat([compute_kwic(corpus, t) for t in terms], ignore_index=True)[columns]


def plot_distinctive_terms(terms: pd.DataFrame, colors: dict[str, str], ax=None):
    """Each outlet's top terms by mean TF-IDF, labelled with their raw count in the outlet."""
    fig, ax = new_axes(ax, figsize=(7.0, 0.8 + 0.2 * max(len(terms), 1)))
    y = np.arange(len(terms))
    ax.barh(y, terms["tfidf"], color=[colors[o] for o in terms["outlet"]], height=0.8)
    for i, row in enumerate(terms.itertuples()):
        ax.text(row.tfidf, i, f" {row.count}x", va="center", fontsize=7)
    ax.set_yticks(y, [f"{t} ({o})" for t, o in zip(terms["term"], terms["outlet"], strict=True)],
                  fontsize=7)
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
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
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


TABLES = {"terms": compute_distinctive_terms}

FIGURES = [
    FigureSpec(NOTEBOOK, "distinctive", _distinctive, _distinctive_alt),
    FigureSpec(NOTEBOOK, "positions", _positions, _positions_alt),
]
