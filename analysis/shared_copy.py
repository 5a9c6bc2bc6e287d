"""Shared copy: sentences of different outlets that share most of their word 5-grams (wire copy,
re-published press releases), grouped into passages of consecutive sentences."""

import pandas as pd

from analysis.segment import WORD_PATTERN

SHINGLE_WORDS = 5
# A pair is shared copy when the shared shingles cover this much of the shorter sentence.
MIN_CONTAINMENT = 0.5
# Shingles found in more sentences than this are stock phrases, not evidence of copying (and
# would make the candidate pairs grow quadratically on a large corpus).
MAX_SHINGLE_SENTENCES = 50


def sentence_shingles(sentences: pd.DataFrame, n: int = SHINGLE_WORDS) -> pd.DataFrame:
    """One row a distinct (sentence, lower-cased word n-gram)."""
    words = sentences["text"].str.lower().str.findall(WORD_PATTERN)
    rows = [(sid, " ".join(w[i:i + n]))
            for sid, w in zip(sentences["sentence_id"], words, strict=True)
            for i in range(len(w) - n + 1)]
    return pd.DataFrame(rows, columns=["sentence_id", "shingle"]).drop_duplicates()


def find_shared_sentences(sentences: pd.DataFrame, min_containment: float = MIN_CONTAINMENT,
                          n: int = SHINGLE_WORDS) -> pd.DataFrame:
    """Pairs of sentences from different outlets with their shared shingles, containment, Jaccard."""
    shingles = sentence_shingles(sentences, n)
    meta = sentences.set_index("sentence_id")[["doc_id", "outlet", "sentence_index"]]
    sizes = shingles.groupby("sentence_id").size()
    shingles = shingles[shingles.groupby("shingle")["sentence_id"].transform("size").between(
        2, MAX_SHINGLE_SENTENCES)]
    shingles = shingles.join(meta["outlet"], on="sentence_id")
    pairs = shingles.merge(shingles, on="shingle", suffixes=("_a", "_b"))
    pairs = pairs[pairs["outlet_a"] < pairs["outlet_b"]]  # different outlets, each pair once
    shared = pairs.groupby(["sentence_id_a", "sentence_id_b"]).size().rename("n_shared").reset_index()
    size_a = shared["sentence_id_a"].map(sizes)
    size_b = shared["sentence_id_b"].map(sizes)
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
