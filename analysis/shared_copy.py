"""Shared copy: sentences of different outlets that share most of their word 5-grams (wire copy,
re-published press releases), grouped into passages of consecutive sentences."""

from array import array
from collections import defaultdict

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.segment import tokenize_words

SHINGLE_WORDS = 5
# A pair is shared copy when the shared shingles cover this much of the shorter sentence.
MIN_CONTAINMENT = 0.5
# Shingles found in more sentences than this are stock phrases, not evidence of copying (and
# would make the candidate pairs grow quadratically on a large corpus).
MAX_SHINGLE_SENTENCES = 50


def word_ids(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """The lower-cased words of the texts as integer ids in order of first appearance (the texts'
    words one after another), the number of words of each text, and the number of distinct
    words; no word is held as a string but once, in the vocabulary."""
    vocabulary: defaultdict[str, int] = defaultdict(lambda: len(vocabulary))
    ids, lengths = array("q"), array("q")
    for text in texts.to_numpy(dtype=object):
        words = tokenize_words(text.lower()) if isinstance(text, str) else []
        ids.extend(map(vocabulary.__getitem__, words))
        lengths.append(len(words))
    return (np.frombuffer(ids, dtype=np.int64) if ids else np.zeros(0, dtype=np.int64),
            np.frombuffer(lengths, dtype=np.int64) if lengths else np.zeros(0, dtype=np.int64),
            len(vocabulary))


def shingle_codes(sentences: pd.DataFrame, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (sentence row, shingle code) pairs, sorted: each lower-cased word n-gram gets an
    integer code, built word by word from word ids (exact: no hash collisions; linear time)."""
    ids, lengths, n_words = word_ids(sentences["text"])
    row_of = np.repeat(np.arange(len(sentences), dtype=np.int64), lengths)
    start = np.arange(max(len(ids) - n + 1, 0))
    start = start[row_of[start] == row_of[start + n - 1]]  # n-grams inside one sentence
    codes = ids[start].astype(np.int64)
    for k in range(1, n):  # (code of the first k words, next word) -> code of k + 1 words
        codes = pd.factorize(codes * n_words + ids[start + k])[0].astype(np.int64)
    n_codes = int(codes.max()) + 1 if len(codes) else 1
    pairs = np.sort(row_of[start] * n_codes + codes)  # sort, then drop repeats: np.unique's hash
    first = np.ones(len(pairs), dtype=bool)  # path (measured in numpy 2.4.6) is ~100x slower on these
    first[1:] = pairs[1:] != pairs[:-1]
    pairs = pairs[first]
    return pairs // n_codes, pairs % n_codes


def find_shared_sentences(sentences: pd.DataFrame, min_containment: float = MIN_CONTAINMENT,
                          n: int = SHINGLE_WORDS) -> pd.DataFrame:
    """Pairs of sentences from different outlets with their shared shingles, containment, Jaccard.

    Shingles are integer codes; the pairs come from a sparse product (sentence x shingle times
    its transpose) over the shingles found in 2 to MAX_SHINGLE_SENTENCES sentences, so the work
    grows with the corpus, not with its square."""
    rows, codes = shingle_codes(sentences, n)
    sizes = np.bincount(rows, minlength=len(sentences))
    spread = np.bincount(codes)
    keep = (spread[codes] >= 2) & (spread[codes] <= MAX_SHINGLE_SENTENCES)
    incidence = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64),
                                   (rows[keep], codes[keep])),
                                  shape=(len(sentences), len(spread)))
    shared_counts = (incidence @ incidence.T).tocoo()
    outlet = sentences["outlet"].astype(str).to_numpy()
    a, b = shared_counts.row, shared_counts.col
    different = outlet[a] < outlet[b]  # different outlets, each pair once
    a, b, n_shared = a[different], b[different], shared_counts.data[different].astype(np.int64)
    ids = sentences["sentence_id"].to_numpy(dtype=object)
    shared = pd.DataFrame({"sentence_id_a": ids[a], "sentence_id_b": ids[b], "n_shared": n_shared},
                          dtype=object).astype({"n_shared": np.int64})
    shared = shared.sort_values(["sentence_id_a", "sentence_id_b"], ignore_index=True)
    meta = sentences.set_index("sentence_id")[["doc_id", "outlet", "sentence_index"]]
    size = pd.Series(sizes, index=sentences["sentence_id"].to_numpy())
    size_a = shared["sentence_id_a"].map(size)
    size_b = shared["sentence_id_b"].map(size)
    shared["containment"] = shared["n_shared"] / pd.concat([size_a, size_b], axis=1).min(axis=1)
    shared["jaccard"] = shared["n_shared"] / (size_a + size_b - shared["n_shared"])
    shared = shared[shared["containment"] >= min_containment]
    for side in ("a", "b"):
        shared = shared.join(meta.add_suffix(f"_{side}"), on=f"sentence_id_{side}")
    return shared.reset_index(drop=True)


def group_passages(shared: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The shared_passages table: one row a sentence pair, numbered by passage (runs of
    consecutive sentences shared between the same two documents), with both texts."""
    pairs = shared.sort_values(["doc_id_a", "doc_id_b", "sentence_index_a", "sentence_index_b"])
    same_docs = ((pairs["doc_id_a"] == pairs["doc_id_a"].shift())
                 & (pairs["doc_id_b"] == pairs["doc_id_b"].shift()))
    consecutive = ((pairs["sentence_index_a"].diff() == 1) & (pairs["sentence_index_b"].diff() == 1))
    pairs = pairs.assign(passage=(~(same_docs & consecutive)).cumsum())
    text = sentences.set_index("sentence_id")["text"]
    pairs["text_a"] = pairs["sentence_id_a"].map(text)
    pairs["text_b"] = pairs["sentence_id_b"].map(text)
    columns = ["passage", "outlet_a", "doc_id_a", "sentence_id_a", "outlet_b", "doc_id_b",
               "sentence_id_b", "n_shared", "containment", "jaccard", "text_a", "text_b"]
    return pairs[columns].reset_index(drop=True)
