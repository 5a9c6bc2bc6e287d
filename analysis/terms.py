"""TF-IDF per document, each outlet's distinctive terms, keyword in context and term positions."""

import hashlib
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from analysis.corpus import Corpus, per_corpus, stored
from analysis.keyness import keyness_table, top_key_terms
from analysis.kwic import CONTEXT_CHARS, context_window
from analysis.segment import folded_lower
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


def top_cells(scores: np.ndarray, allowed: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of the allowed cells of each row scoring at least its n-th best allowed
    score (the candidates for its top n, ties included), row by row, columns ascending."""
    rows, columns = [], []
    for row, (score, ok) in enumerate(zip(scores, allowed, strict=True)):
        values = score[ok]
        keep = ok if len(values) <= n else ok & (score >= np.partition(values, -n)[-n])
        found = np.flatnonzero(keep)
        rows.append(np.full(len(found), row))
        columns.append(found)
    return np.concatenate(rows or [[]]).astype(int), np.concatenate(columns or [[]]).astype(int)


def compute_distinctive_terms(corpus: Corpus, n: int = TOP_TERMS) -> pd.DataFrame:
    """Top `n` terms per outlet by mean TF-IDF, with raw counts and document frequencies."""
    model = document_terms(corpus)
    outlets = corpus.documents["outlet"]
    profiles = outlet_profiles(model.tfidf(), outlets, corpus.outlets)
    counts = sum_rows(model.counts, outlets)[0].toarray()
    in_docs = sum_rows((model.counts > 0).astype(np.int64), outlets)[0].toarray()
    rows, cols = top_cells(profiles, counts > 0, n)  # only these can be in a top n
    table = pd.DataFrame({
        "outlet": np.asarray(corpus.outlets)[rows],
        "term": model.terms[cols],
        "tfidf": profiles[rows, cols],
        "count": counts[rows, cols],
        "n_docs": in_docs[rows, cols],
        "n_docs_outlet": outlets.value_counts().reindex(corpus.outlets).to_numpy()[rows],
        "n_docs_corpus": (model.counts > 0).sum(axis=0).A1[cols],
    })
    table = table.sort_values(["tfidf", "term"], ascending=[False, True])
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
    (whole words), and where it is in the article; at the default width kept in the corpus's
    store, so the figures, the notebooks and the findings scan the sentences for a term once."""
    if width != CONTEXT_CHARS:
        return _kwic(corpus, term, width)
    digest = hashlib.sha256(term.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return stored(corpus, f"terms.kwic.{digest}", lambda: _kwic(corpus, term, width))


def _kwic(corpus: Corpus, term: str, width: int) -> pd.DataFrame:
    """compute_kwic, computed."""
    pattern = term_pattern(term)
    sentences = corpus.sentences
    sentences = sentences[may_contain(sentences["text"], term)]
    sentences = sentences[sentences["text"].str.contains(pattern, na=False)]
    docs = corpus.documents
    outlets = dict(zip(docs["doc_id"], docs["outlet"], strict=True))
    found = set(sentences["doc_id"])
    lengths = {d: max(len(t), 1) for d, t in zip(docs["doc_id"], docs["text"], strict=True) if d in found}
    rows = []
    for s in sentences.itertuples(index=False):
        for match in pattern.finditer(s.text):
            offset = s.start + match.start()
            left, right = context_window(s.text, match.start(), match.end(), width)
            rows.append((term, outlets[s.doc_id], s.doc_id, s.sentence_id, offset,
                         offset / lengths[s.doc_id], left, match.group(), right))
    return pd.DataFrame(rows, columns=["term", "outlet", "doc_id", "sentence_id", "start",
                                       "position", "left", "match", "right"])


def may_contain(texts: pd.Series, term: str) -> pd.Series:
    """False for each text term_pattern(term) cannot match, found by a plain substring search
    of the term's longest ASCII word in the lower-cased text (a regex scan is some times slower);
    True for all when the term has no ASCII word."""
    words = [w for w in term.lower().split() if w.isascii()]
    if not words:
        return pd.Series(True, index=texts.index)
    key = max(words, key=len)
    return pd.Series([isinstance(t, str) and key in folded_lower(t) for t in texts], index=texts.index,
                     dtype=bool)


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


TABLES = {"terms": compute_distinctive_terms}
