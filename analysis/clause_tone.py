"""The words around an actor's mention: its clause (data/clause_boundaries.toml) and a word window.

Pure text geometry, linear in the length of each sentence: the tone of these texts is scored in
analysis.sentiment. The clause is the sentence piece between clause boundaries that holds the
mention; the window is the mention with WINDOW_WORDS words either side, within the sentence.
"""

import re
import tomllib
from bisect import bisect_left, bisect_right
from functools import cache, partial
from pathlib import Path

import pandas as pd

from analysis.config import PACKAGE_DATA
from analysis.parallel import map_with
from analysis.segment import WORD_PATTERN

BOUNDARIES_FILE = PACKAGE_DATA / "clause_boundaries.toml"
WINDOW_WORDS = 5  # words either side of the mention in its window
_WORD_RE = re.compile(WORD_PATTERN)
CONTEXT_COLUMNS = ["clause_start", "clause_end", "window_start", "window_end"]
SCORED_COLUMNS = ["clause_scored_text", "window_scored_text"]  # the texts with the names masked
_NAME_CHARACTER = re.compile(r"[^\W_]")


@cache
def boundary_rules(path: Path = BOUNDARIES_FILE) -> tuple[re.Pattern, frozenset[str], int]:
    """The boundary regex, the words that are a boundary only after a comma, and min_words.

    One regex of every punctuation pattern and every word (first letter in either case, the rest
    lower case: "but", "But"), the words behind a first-letter test, as Python's re tries each
    alternative at every position; group `comma` holds a comma before a word.
    """
    rules = tomllib.loads(path.read_text(encoding="utf-8"))
    punctuation = [f"(?:{p['pattern']})" for p in rules.get("punctuation", [])]
    families = rules.get("words", [])
    words = sorted({w.lower() for f in families for w in f["words"]}, key=len, reverse=True)
    after_comma = frozenset(w.lower() for f in families if not f["alone"] for w in f["words"])
    parts = punctuation
    if words:
        first = "".join(sorted({c for w in words for c in (w[0], w[0].upper())}))
        alternatives = "|".join(f"[{w[0].upper()}{w[0]}]" + r"\s+".join(map(re.escape, w[1:].split(" ")))
                                for w in words)
        parts = [*parts, rf"(?P<comma>,\s*)?\b(?=[{re.escape(first)}])(?P<word>{alternatives})\b"]
    return re.compile("|".join(parts)), after_comma, int(rules["min_words"])


def _boundaries(text: str, path: Path = BOUNDARIES_FILE):
    """The matches of the clause boundaries in a text (a comma-only word needs its comma)."""
    pattern, after_comma, _ = boundary_rules(path)
    for m in pattern.finditer(text):
        word = m.group("word") if "word" in pattern.groupindex else None
        if word is None or m.group("comma") or " ".join(word.lower().split()) not in after_comma:
            yield m


def word_spans(text: str) -> tuple[list[int], list[int]]:
    """The start and the end offsets of every word of a text (two lists, in order)."""
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def clause_spans(text: str, words: tuple[list[int], list[int]] | None = None,
                 path: Path = BOUNDARIES_FILE) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence, in order; pieces under min_words are merged."""
    min_words = boundary_rules(path)[2]
    ends = (word_spans(text) if words is None else words)[1]

    def n_words(a: int, b: int) -> int:
        return bisect_right(ends, b) - bisect_right(ends, a)

    spans, start = [], 0
    for m in _boundaries(text, path):
        if n_words(start, m.start()) >= min_words:
            spans.append((start, m.start()))
            start = m.end()
    if spans and n_words(start, len(text)) < min_words:
        return [*spans[:-1], (spans[-1][0], len(text))]
    return [*spans, (start, len(text))]


def word_window(words: tuple[list[int], list[int]], start: int, end: int,
                n: int = WINDOW_WORDS) -> tuple[int, int]:
    """(start, end) of the mention [start, end) with n of the words (word_spans) either side."""
    starts, ends = words
    if not starts:
        return start, end
    first = bisect_right(ends, start)  # the first word ending after the mention's start
    last = bisect_left(starts, end) - 1  # the last word starting before its end
    first, last = min(max(first - n, 0), len(starts) - 1), min(max(last, first) + n, len(starts) - 1)
    return min(starts[first], start), max(ends[last], end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at either end."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def mask_names(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every letter and digit of the spans turned to 'x' (length kept).

    An actor's name is not tone toward it: "United States" would add VADER's +1.8 for "united"
    to every clause about the country. "xxxxxx xxxxxx" is in neither lexicon.
    """
    parts, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        parts += [text[done:start], _NAME_CHARACTER.sub("x", text[start:end])]
        done = max(done, end)
    return "".join([*parts, text[done:]])


def mention_contexts(sentences: pd.DataFrame, mentions: pd.DataFrame,
                     n: int = WINDOW_WORDS) -> pd.DataFrame:
    """Per mention (sentence_id, start, end in the sentence's text): its clause and window spans.

    Returns the mentions' index with CONTEXT_COLUMNS (offsets into the sentence text),
    clause_text and window_text as written, and SCORED_COLUMNS: the same texts with the names of
    every mention of the sentence masked (mask_names), the texts to score. Mentions in sentence
    order (as compute_actor_mentions gives them) split each sentence once; the work is linear in
    the length of the sentences with a mention.
    """
    if {"doc_id", "sentence_id", "text"} - set(sentences) or "doc_id" not in mentions:
        return _contexts(mentions, sentences, n)
    contexts = partial(_contexts, n=n)
    contexts.__name__ = "mention contexts"  # the name of its progress bar
    # partitions of whole documents' mentions, each with its documents' sentences (in workers)
    found = map_with(contexts, mentions, (sentences[["doc_id", "sentence_id", "text"]],))
    return found.set_axis(mentions.index)


def _contexts(mentions: pd.DataFrame, sentences: pd.DataFrame, n: int) -> pd.DataFrame:
    """mention_contexts of these mentions, in one process."""
    texts = dict(zip(sentences["sentence_id"], sentences["text"], strict=True))
    spans: dict[str, list[tuple[int, int]]] = {}
    for sid, start, end in mentions[["sentence_id", "start", "end"]].itertuples(index=False):
        spans.setdefault(sid, []).append((start, end))
    rows, last_id = [], None
    for sid, start, end in mentions[["sentence_id", "start", "end"]].itertuples(index=False):
        if sid != last_id:  # mentions come in sentence order: each sentence is split once
            last_id, text = sid, texts[sid]
            masked = mask_names(text, spans[sid])
            words = word_spans(text)
            clauses = clause_spans(text, words)
            clause_starts = [s for s, _ in clauses]
        k = bisect_right(clause_starts, start) - 1
        c_start, c_end = _strip(text, *clauses[max(k, 0)])
        w_start, w_end = word_window(words, start, end, n)
        rows.append((c_start, c_end, w_start, w_end, text[c_start:c_end], text[w_start:w_end],
                     masked[c_start:c_end], masked[w_start:w_end]))
    text_columns = ["clause_text", "window_text", *SCORED_COLUMNS]
    return pd.DataFrame(rows, index=mentions.index, columns=[*CONTEXT_COLUMNS, *text_columns]).astype(
        {c: "int64" for c in CONTEXT_COLUMNS} | {c: "string" for c in text_columns})
