"""Terms for the vocabulary analyses: tokens, stop words, and one sentence x term count matrix."""

import re
from array import array
from functools import cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analysis.config import word_list
from analysis.corpus import Corpus, per_corpus
from analysis.errors import CorpusError
from analysis.segment import WORD_PATTERN

_TOKEN_RE = re.compile(WORD_PATTERN)
_POSSESSIVE_RE = re.compile(r"'s$")
_LETTER_RE = re.compile(r"[^\W\d_]")

# min_df grows with the corpus: 0.1 % of the units, at least 1 and at most 10 (see min_df_for).
MIN_DF_SHARE = 0.001
MIN_DF_CAP = 10


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words plus the domain list in data/stopwords.txt."""
    return frozenset(ENGLISH_STOP_WORDS | set(word_list("stopwords.txt")))


def _term(token: str) -> str | None:
    """A lower-case token without possessive 's, or None (a gap) for a stop word or number."""
    term = _POSSESSIVE_RE.sub("", token)
    return term if term not in stop_words() and len(term) > 1 and _LETTER_RE.search(term) else None


def tokenize_terms(text: str) -> list[str | None]:
    """Lower-cased words without possessive 's; stop words and numbers become None (gaps)."""
    return [_term(t) for t in _TOKEN_RE.findall(text.lower())]


def analyze(text: str) -> list[str]:
    """Unigrams and bigrams of a text; a bigram joins two adjacent kept words (never across a gap)."""
    tokens = tokenize_terms(text)
    unigrams = [t for t in tokens if t]
    bigrams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False) if a and b]
    return unigrams + bigrams


def min_df_for(n_units: int) -> int:
    """The minimum number of units (documents, paragraphs) a term must occur in."""
    return int(max(1, min(MIN_DF_CAP, n_units * MIN_DF_SHARE)))


@per_corpus
def sentence_term_counts(corpus: Corpus) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Counts of every term in every sentence (rows in corpus.sentences order) and the terms."""
    try:
        return count_terms(corpus.sentences["text"].astype(str))
    except ValueError:  # "empty vocabulary", as scikit-learn's
        raise CorpusError(f"{corpus.folder}: no term to analyse (every word is a stop word or a "
                          "number)") from None


class _WordIds(dict):
    """Token -> id of its term (numbered as first met), or -1 for a gap; each token read once."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, int] = {}

    def __missing__(self, token: str) -> int:
        term = _term(token)
        self[token] = found = -1 if term is None else self.terms.setdefault(term, len(self.terms))
        return found


def _word_ids(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Every token of the texts as a word id (-1: gap), the text of each token and the words."""
    ids, lengths, lookup = array("i"), array("q"), _WordIds()
    for text in texts:
        tokens = _TOKEN_RE.findall(text.lower())
        ids.extend(map(lookup.__getitem__, tokens))
        lengths.append(len(tokens))
    rows = np.repeat(np.arange(len(texts), dtype=np.int32), np.frombuffer(lengths, dtype=np.int64))
    return np.frombuffer(ids, dtype=np.intc), rows, list(lookup.terms)


def _occurrences(ids: np.ndarray, rows: np.ndarray, n_words: int) -> tuple[tuple, tuple, np.ndarray]:
    """(term id, text, token position) of every word occurrence, the same of every occurrence
    of two adjacent words (ids after the words'), each in token order, and the pairs' codes."""
    pair = (ids[:-1] >= 0) & (ids[1:] >= 0) & (rows[:-1] == rows[1:])
    codes = ids[:-1][pair].astype(np.int64) * n_words + ids[1:][pair]
    pairs, pair_ids = np.unique(codes, return_inverse=True)
    word = ids >= 0
    return ((ids[word], rows[word], np.flatnonzero(word)),
            (n_words + pair_ids.ravel(), rows[:-1][pair], np.flatnonzero(pair)), pairs)


def _first_met(words: tuple, pairs: tuple) -> np.ndarray:
    """Each term's number in the order analyze() first meets it: text by text, a text's words
    in order, then its pairs."""
    firsts = []
    for phase, (term, text, at) in enumerate((words, pairs)):
        first = np.unique(term, return_index=True)[1]  # every id of the kind occurs
        firsts.append((text[first], np.full(len(first), phase), at[first]))
    text, phase, at = (np.concatenate(parts) for parts in zip(*firsts, strict=True))
    rank = np.empty(len(text), dtype=np.int64)
    rank[np.lexsort((at, phase, text))] = np.arange(len(text))
    return rank


def count_terms(texts: pd.Series) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Text x term counts of analyze()'s terms and the terms: the matrix CountVectorizer(analyzer=
    analyze, dtype=int64) fits, entry for entry, counted in one vectorised pass (each distinct
    text read once)."""
    codes, uniques = pd.factorize(texts, sort=False)
    ids, rows, words = _word_ids(np.asarray(uniques, dtype=object))
    unigrams, bigrams, pairs = _occurrences(ids, rows, len(words))
    if not words:
        raise ValueError("empty vocabulary")
    # scikit-learn numbers terms as first met, sorts each row by that number, then renumbers
    # the terms in alphabetical order without sorting the rows again.
    met_rank = _first_met(unigrams, bigrams)
    w = np.array(words, dtype=object)
    terms = np.r_[w, [f"{a} {b}" for a, b in zip(w[pairs // len(words)], w[pairs % len(words)],
                                                  strict=True)]].astype(object)
    alphabetical = np.empty(len(terms), dtype=np.int64)
    alphabetical[np.argsort(terms, kind="stable")] = np.arange(len(terms))
    by_rank = np.empty(len(terms), dtype=np.int64)
    by_rank[met_rank] = alphabetical
    cells, counts = np.unique(np.concatenate([
        text.astype(np.int64) * len(terms) + met_rank[term] for term, text, _ in (unigrams, bigrams)
    ]), return_counts=True)
    return _expand(cells // len(terms), by_rank[cells % len(terms)], counts, codes,
                   len(uniques), len(terms)), terms[np.argsort(alphabetical)]


def _expand(rows: np.ndarray, columns: np.ndarray, counts: np.ndarray, codes: np.ndarray,
            n_texts: int, n_terms: int) -> sparse.csr_matrix:
    """The CSR matrix of every text from the entries of the distinct texts (`codes`: which)."""
    length = np.bincount(rows, minlength=n_texts)
    start = np.r_[0, np.cumsum(length)][codes]
    size = length[codes]
    take = np.repeat(start - np.r_[0, np.cumsum(size)][:-1], size) + np.arange(size.sum())
    indptr = np.r_[0, np.cumsum(size)]
    index = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
    return sparse.csr_matrix((counts[take], columns[take].astype(index), indptr.astype(index)),
                             shape=(len(codes), n_terms))


def sum_rows(counts: sparse.spmatrix, keys: pd.Series) -> tuple[sparse.csr_matrix, pd.Index]:
    """Add up the rows of a count matrix that share a key; rows follow the keys' first appearance."""
    codes, uniques = pd.factorize(keys)
    ones = np.ones(len(codes), dtype=np.int64)
    indicator = sparse.csr_matrix((ones, (codes, np.arange(len(codes)))),
                                  shape=(len(uniques), len(codes)))
    return (indicator @ counts).tocsr(), pd.Index(uniques)


def is_unigram(terms: np.ndarray) -> np.ndarray:
    """Which terms are single words."""
    return np.fromiter((" " not in term for term in terms), dtype=bool, count=len(terms))


def sentence_outlets(corpus: Corpus) -> pd.Series:
    """The outlet of each sentence, in corpus.sentences order."""
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    return corpus.sentences["doc_id"].map(outlets).astype(str).reset_index(drop=True)
