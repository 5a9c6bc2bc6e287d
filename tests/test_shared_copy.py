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


def test_each_shared_sentence_gets_its_closest_copy_in_another_outlet():
    shared = find_shared_sentences(SENTENCES, min_containment=0)
    assert shared[["sentence_id", "partner_sentence_id", "n_shared", "n_copies"]].values.tolist() == [
        ["a-s0", "b-s0", 2, 1], ["b-s0", "a-s0", 2, 2], ["c-s0", "b-s0", 1, 1]]
    assert shared["containment"].tolist() == [1.0, 1.0, 1 / 3]  # of the shorter: 2 of 2, 1 of 3
    assert shared["jaccard"].tolist() == [2 / 3, 2 / 3, 1 / 6]
    default = find_shared_sentences(SENTENCES)  # 0.5 at least: c-s0 is no copy of b-s0
    assert default[["sentence_id", "n_copies"]].values.tolist() == [["a-s0", 1], ["b-s0", 1]]


def test_stock_phrases_found_in_too_many_texts_are_ignored(monkeypatch):
    monkeypatch.setattr(shared_copy, "MAX_SHINGLE_TEXTS", 2)
    shared = find_shared_sentences(SENTENCES, min_containment=0)  # "one ... five" is in three
    assert shared[["sentence_id", "partner_sentence_id", "n_shared"]].values.tolist() == [
        ["a-s0", "b-s0", 1], ["b-s0", "a-s0", 1]]


def test_a_text_copied_many_times_is_one_text_and_each_copy_one_row():
    wire = "Ministers agreed on Thursday to deploy four new battlegroups to the east."
    rows = [(f"d{k}-s0", f"d{k}", f"Outlet {k % 3}", 0, wire if k % 2 else wire.upper())
            for k in range(120)]  # 120 copies, far more than MAX_SHINGLE_TEXTS, in three outlets
    rows.append(("own-s0", "own", "Outlet 0", 0, "A sentence of its own that nobody copied here."))
    shared = find_shared_sentences(_sentences(rows))
    assert len(shared) == 120 and shared["containment"].eq(1.0).all()
    assert shared["n_copies"].tolist() == [80] * 120  # the copies in the two other outlets
    assert shared["partner_sentence_id"].head(3).tolist() == ["d1-s0", "d0-s0", "d0-s0"]
    assert (shared["partner_outlet"] != shared["outlet"]).all()
