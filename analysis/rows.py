"""A table's rows document by document, without building a DataFrame for each document."""

import numpy as np
import pandas as pd


def _document_order(table: pd.DataFrame) -> np.ndarray:
    """Row positions grouped by document: documents in the order of their first rows, each
    document's rows in table order (the order of groupby("doc_id", sort=False))."""
    return np.argsort(pd.factorize(table["doc_id"])[0], kind="stable")


def by_document(table: pd.DataFrame, columns: list[str]):
    """The rows (tuples of `columns`), each document's rows together (see _document_order)."""
    order = _document_order(table)
    return zip(*(table[c].to_numpy()[order].tolist() for c in columns), strict=True)


def columns_by_document(table: pd.DataFrame, columns: list[str]) -> dict[str, dict[str, list]]:
    """Per document: each of `columns` as a list of its rows' values, in table order."""
    order = _document_order(table)
    ids = table["doc_id"].to_numpy()[order]
    cuts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.zeros(0, dtype=int)
    bounds = [*cuts.tolist(), len(ids)]
    values = {c: table[c].to_numpy()[order].tolist() for c in columns}
    return {ids[a]: {c: v[a:b] for c, v in values.items()} for a, b in zip(bounds[:-1], bounds[1:],
                                                                          strict=True)}
