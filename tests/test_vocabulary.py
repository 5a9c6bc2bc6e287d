"""The sentence x term count matrix: counted in one pass, entry for entry as CountVectorizer's."""

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer

from analysis.vocabulary import analyze, count_terms

TEXTS = ["Tanks and drones.", "The", "Tanks and drones.", "Mines, tanks, tanks; drones!",
         "Russia's 12 so-called drills", "drones tanks"]


def test_counts_and_terms_by_hand():
    counts, terms = count_terms(pd.Series(TEXTS))
    assert terms.tolist() == ["drills", "drones", "drones tanks", "mines", "mines tanks", "russia",
                              "so-called", "so-called drills", "tanks", "tanks drones",
                              "tanks tanks"]  # no pair across a stop word or a number
    assert counts.toarray().tolist() == [
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0],
        [0] * 11,
        [0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0],
        [0, 1, 0, 1, 1, 0, 0, 0, 2, 1, 1],
        [1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0],
        [0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0],
    ]


def test_same_matrix_as_count_vectorizer_down_to_the_entry_order():
    counts, terms = count_terms(pd.Series(TEXTS))
    vectorizer = CountVectorizer(analyzer=analyze, dtype=np.int64)
    expected = vectorizer.fit_transform(TEXTS).tocsr()
    assert terms.tolist() == vectorizer.get_feature_names_out().tolist()
    assert counts.indices.tolist() == expected.indices.tolist()  # rows in first-met order
    assert counts.indptr.tolist() == expected.indptr.tolist()
    assert counts.data.tolist() == expected.data.tolist()
    assert (counts.dtype, counts.indices.dtype) == (expected.dtype, expected.indices.dtype)


@pytest.mark.parametrize("texts", [[], ["the and", "12"]])
def test_no_term_is_an_empty_vocabulary(texts):
    with pytest.raises(ValueError, match="empty vocabulary"):
        count_terms(pd.Series(texts, dtype=object))
