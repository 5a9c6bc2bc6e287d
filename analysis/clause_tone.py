"""The words around an actor's mention: its clause (data/clause_boundaries.toml) and a word window.

Pure text geometry, linear in the length of each sentence: the tone of these texts is scored in
analysis.sentiment. The clause is the sentence piece between clause boundaries that holds the
mention; the window is the mention with WINDOW_WORDS words either side, within the sentence.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import PACKAGE_DATA
from analysis.segment import WORD_PATTERN

BOUNDARIES_FILE = PACKAGE_DATA / "clause_boundaries.toml"
WINDOW_WORDS = 5  # words either side of the mention in its window
_WORD_RE = re.compile(WORD_PATTERN)
CONTEXT_COLUMNS = ["clause_start", "clause_end", "window_start", "window_end"]


@cache
def boundary_rules(path: Path = BOUNDARIES_FILE) -> tuple[re.Pattern, int]:
    """One regex of every clause boundary of the file, and the fewest words a clause has."""
    rules = tomllib.loads(path.read_text(encoding="utf-8"))
    parts = [f"(?:{p['pattern']})" for p in rules.get("punctuation", [])]
    for family in rules.get("words", []):
        words = sorted(family["words"], key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        comma = r",?\s*" if family["alone"] else r",\s*"
        parts.append(rf"{comma}\b(?:{alternatives})\b")
    return re.compile("|".join(parts), re.IGNORECASE), int(rules["min_words"])


def word_spans(text: str) -> np.ndarray:
    """(start, end) of every word of a text, one row a word (shape n x 2)."""
    return np.array([m.span() for m in _WORD_RE.finditer(text)], dtype="int64").reshape(-1, 2)


def clause_spans(text: str, words: np.ndarray | None = None,
                 path: Path = BOUNDARIES_FILE) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, in order; pieces under min_words are merged."""
    pattern, min_words = boundary_rules(path)
    ends = (word_spans(text) if words is None else words)[:, 1]

    def n_words(a: int, b: int) -> int:
        return int(np.searchsorted(ends, b, side="right") - np.searchsorted(ends, a, side="right"))

    spans, start = [], 0
    for m in pattern.finditer(text):
        if n_words(start, m.start()) >= min_words:
            spans.append((start, m.start()))
            start = m.end()
    if spans and n_words(start, len(text)) < min_words:
        return [*spans[:-1], (spans[-1][0], len(text))]
    return [*spans, (start, len(text))]


def word_window(words: np.ndarray, start: int, end: int, n: int = WINDOW_WORDS) -> tuple[int, int]:
    """(start, end) of the mention [start, end) with n of the words (word_spans) either side."""
    if not len(words):
        return start, end
    first = int(np.searchsorted(words[:, 1], start, side="right"))  # first word ending after start
    last = int(np.searchsorted(words[:, 0], end, side="left")) - 1  # last word starting before end
    first, last = min(max(first - n, 0), len(words) - 1), min(max(last, first) + n, len(words) - 1)
    return min(int(words[first, 0]), start), max(int(words[last, 1]), end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def mention_contexts(sentences: pd.DataFrame, mentions: pd.DataFrame,
                     n: int = WINDOW_WORDS) -> pd.DataFrame:
    """Per mention (sentence_id, start, end in the sentence's text): its clause and window spans.

    Returns the mentions' index with CONTEXT_COLUMNS (offsets into the sentence text) and
    clause_text, window_text. Each sentence with a mention is split once.
    """
    texts = sentences.set_index("sentence_id")["text"]
    rows, last_id, clauses, words = [], None, [], word_spans("")
    for sid, start, end in mentions[["sentence_id", "start", "end"]].itertuples(index=False):
        text = texts[sid]
        if sid != last_id:
            words = word_spans(text)
            last_id, clauses = sid, clause_spans(text, words)
        k = int(np.searchsorted([s for s, _ in clauses], start, side="right")) - 1
        c_start, c_end = _strip(text, *clauses[max(k, 0)])
        w_start, w_end = word_window(words, start, end, n)
        rows.append((c_start, c_end, w_start, w_end, text[c_start:c_end],
                     text[w_start:w_end]))
    return pd.DataFrame(rows, index=mentions.index,
                        columns=[*CONTEXT_COLUMNS, "clause_text", "window_text"]).astype(
        {c: "int64" for c in CONTEXT_COLUMNS} | {"clause_text": "string", "window_text": "string"})
