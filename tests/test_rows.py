"""Rows document by document: the order of groupby("doc_id", sort=False), without a DataFrame each."""

import pandas as pd

from analysis.rows import by_document, columns_by_document

TABLE = pd.DataFrame({"doc_id": ["b", "a", "b", "c", "a"], "n": [1, 2, 3, 4, 5],
                      "text": ["one", "two", "three", "four", "five"]})


def test_rows_come_document_by_document_in_first_row_order():
    rows = list(by_document(TABLE, ["doc_id", "n"]))
    assert rows == [("b", 1), ("b", 3), ("a", 2), ("a", 5), ("c", 4)]
    expected = [(d, n) for d, part in TABLE.groupby("doc_id", sort=False) for n in part["n"]]
    assert rows == expected
    assert all(type(n) is int for _, n in rows)  # Python values, as itertuples gives


def test_columns_by_document_are_lists_in_table_order():
    columns = columns_by_document(TABLE, ["n", "text"])
    assert list(columns) == ["b", "a", "c"]
    assert columns["b"] == {"n": [1, 3], "text": ["one", "three"]}
    assert columns["c"] == {"n": [4], "text": ["four"]}
    assert columns_by_document(TABLE.iloc[:0], ["n"]) == {}
