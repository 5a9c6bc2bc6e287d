"""How the war and the actors are labelled: lexicon hits split into the narrator's and quoted voices."""

import re
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.config import PACKAGE_DATA

LABELS_FILE = PACKAGE_DATA / "labels.csv"
CONTEXT_CHARS = 60


@cache
def _label_pattern(path: Path = LABELS_FILE) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One case-insensitive regex of every term, longest first, and the (category, label) of each."""
    lexicon = pd.read_csv(path, dtype="string", keep_default_na=False)
    terms = sorted(lexicon["term"], key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w-])", re.I)
    lookup = {t.lower(): (c, lab) for c, lab, t in lexicon[["category", "label", "term"]]
              .itertuples(index=False)}
    return pattern, lookup


def find_label_hits(segments: pd.DataFrame, path: Path = LABELS_FILE) -> pd.DataFrame:
    """One row a lexicon hit in a voice segment: ids, voice, category, label, matched text, offsets."""
    pattern, lookup = _label_pattern(path)
    rows = [
        (doc_id, sid, voice, *lookup[m.group().lower()], m.group(), start + m.start(), start + m.end())
        for doc_id, sid, voice, start, text in segments[
            ["doc_id", "sentence_id", "voice", "start", "text"]].itertuples(index=False)
        for m in pattern.finditer(text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "voice", "category", "label",
                                       "matched", "start", "end"]).astype(
        {c: "string" for c in ["doc_id", "sentence_id", "voice", "category", "label", "matched"]})


def keyword_in_context(hits: pd.DataFrame, documents: pd.DataFrame,
                       width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """The hits with the text before and after each (within its paragraph), for evidence tables."""
    text = documents.set_index("doc_id")["text"]
    out = hits.copy()
    left, right = [], []
    for doc_id, start, end in hits[["doc_id", "start", "end"]].itertuples(index=False):
        doc = text[doc_id]
        before = doc[max(0, start - width):start].rsplit("\n", 1)[-1]
        after = doc[end:end + width].split("\n", 1)[0]
        left.append(before)
        right.append(after)
    out["left"] = pd.Series(left, index=hits.index, dtype="string")
    out["right"] = pd.Series(right, index=hits.index, dtype="string")
    return out


def count_labels(hits: pd.DataFrame) -> pd.DataFrame:
    """The labels.csv table: doc_id, category, term (the label), voice, count."""
    return (hits.groupby(["doc_id", "category", "label", "voice"], sort=False).size()
            .rename("count").reset_index().rename(columns={"label": "term"}))
