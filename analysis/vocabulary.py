"""Terms for the vocabulary analyses: tokens, stop words, and one sentence x term count matrix."""

import re
from functools import cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from analysis.config import PACKAGE_DATA
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
    lines = (PACKAGE_DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    domain = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(ENGLISH_STOP_WORDS | domain)


def tokenize_terms(text: str) -> list[str | None]:
    """Lower-cased words without possessive 's; stop words and numbers become None (gaps)."""
    stop = stop_words()
    tokens = (_POSSESSIVE_RE.sub("", t) for t in _TOKEN_RE.findall(text.lower()))
    return [t if t not in stop and len(t) > 1 and _LETTER_RE.search(t) else None for t in tokens]


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
    vectorizer = CountVectorizer(analyzer=analyze, dtype=np.int64)
    try:
        counts = vectorizer.fit_transform(corpus.sentences["text"].astype(str))
    except ValueError:  # sklearn's "empty vocabulary"
        raise CorpusError(f"{corpus.folder}: no term to analyse (every word is a stop word or a "
                          "number)") from None
    return counts.tocsr(), vectorizer.get_feature_names_out()


def sum_rows(counts: sparse.spmatrix, keys: pd.Series) -> tuple[sparse.csr_matrix, pd.Index]:
    """Add up the rows of a count matrix that share a key; rows follow the keys' first appearance."""
    codes, uniques = pd.factorize(keys)
    ones = np.ones(len(codes), dtype=np.int64)
    indicator = sparse.csr_matrix((ones, (codes, np.arange(len(codes)))),
                                  shape=(len(uniques), len(codes)))
    return (indicator @ counts).tocsr(), pd.Index(uniques)


def is_unigram(terms: np.ndarray) -> np.ndarray:
    """Which terms are single words."""
    return ~pd.Series(terms, dtype=object).str.contains(" ", regex=False).to_numpy(dtype=bool)


def sentence_outlets(corpus: Corpus) -> pd.Series:
    """The outlet of each sentence, in corpus.sentences order."""
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    return corpus.sentences["doc_id"].map(outlets).astype(str).reset_index(drop=True)
