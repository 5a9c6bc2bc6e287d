"""Shared copy from integer shingle codes and a sparse product: exact pairs on a small table."""

import pandas as pd

from analysis import shared_copy
from analysis.shared_copy import find_shared_sentences, shingle_codes


def _sentences(rows):
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "outlet", "sentence_index", "text"])


SENTENCES = _sentences([
    ("a-s0", "a", "Alpha", 0, "One two three four five six."),
    ("b-s0", "b", "Beta", 0, "one two three four five six seven"),
    ("c-s0", "c", "Alpha", 0, "One two three four five, different end here."),
    ("d-s0", "d", "Gamma", 0, "Too short."),
])


def test_shingle_codes_are_distinct_per_sentence_and_equal_for_equal_ngrams():
    rows, codes = shingle_codes(_sentences([("x", "x", "X", 0, "a b c a b c"),
                                            ("y", "y", "Y", 0, "A B C")]), n=3)
    assert rows.tolist() == [0, 0, 0, 1]  # "a b c" twice in x counts once
    assert codes[rows == 1].tolist() == [codes[0]]  # y's only trigram is x's first


def test_pairs_of_different_outlets_with_counts_and_ratios():
    shared = find_shared_sentences(SENTENCES, min_containment=0)
    assert shared[["sentence_id_a", "sentence_id_b", "n_shared"]].values.tolist() == [
        ["a-s0", "b-s0", 2], ["c-s0", "b-s0", 1]]
    assert shared["containment"].tolist() == [1.0, 1 / 3]  # of the shorter: 2 of 2, 1 of 3
    assert shared["jaccard"].tolist() == [2 / 3, 1 / 6]
    assert find_shared_sentences(SENTENCES)["sentence_id_a"].tolist() == ["a-s0"]  # 0.5 at least


def test_stock_phrases_found_in_too_many_sentences_are_ignored(monkeypatch):
    monkeypatch.setattr(shared_copy, "MAX_SHINGLE_SENTENCES", 2)
    shared = find_shared_sentences(SENTENCES, min_containment=0)  # "one ... five" is in three
    assert shared[["sentence_id_a", "sentence_id_b", "n_shared"]].values.tolist() == [
        ["a-s0", "b-s0", 1]]
