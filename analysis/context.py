"""A structural boilerplate detector beside the rules: furniture at an article's head and tail.

After jusText (Pomikalek 2011), made stricter for clean news text: every line still kept after the
rules is classed by its length, its share of stop words and its links as prose ("good"), a short
link line ("bad") or "short"; lines removed by the rules count as bad. Only lines before an
article's first or after its last line of prose (its head and tail runs) may go: a bad line, and
a short line of a few words, nothing quoted, whose nearest non-short lines on both sides are bad
(furniture on both sides; at the tail, furniture before it and the document's end after it). The
start and the title are neither good nor bad, and the end only after furniture (jusText counts
both edges as bad): clean articles end with line-ups, results and award lists after their last
paragraph, and an article's short last paragraph follows prose, so both stay. Settings live in
data/context.toml.
"""

import re
import tomllib
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.config import PACKAGE_DATA

GOOD, BAD, SHORT, EDGE = "good", "bad", "short", "edge"
TITLE_REASON = "title (kept as the document title)"
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_LINK = re.compile(
    r"https?://|\bwww\.|\S+\.(?:com|org|net|gov|co\.uk)\b|(?<![\w@])@\w|\S+@\S+\.\w", re.IGNORECASE
)
_QUOTE = re.compile("[\"\u201c\u201d\u00ab\u00bb]")
_WHERE = {"head": "the article's head", "tail": "the article's tail"}
_WHY = {BAD: "link or handle line", SHORT: "short line between furniture",
        EDGE: "short line after furniture"}


@cache
def load_settings(path: Path = PACKAGE_DATA / "context.toml") -> dict:
    """Read the detector's settings (see data/context.toml)."""
    return tomllib.loads(Path(path).read_text(encoding="utf-8"))


@cache
def _stop_words() -> frozenset[str]:
    """The project's stop words (imported here: analysis.vocabulary imports the corpus loader)."""
    from analysis.vocabulary import stop_words

    return stop_words()


def line_kind(text: str, settings: dict) -> str:
    """A line's class on its own: "bad" (a short link line), "good" (prose) or "short".

    A line with quotation marks is never bad: a quoted post names its @handles.
    """
    n_words = len(text.split())
    if _LINK.search(text) and n_words <= settings["link_max_words"] and not _QUOTE.search(text):
        return BAD
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    n_stop = sum(w in _stop_words() for w in words)
    if n_words >= settings["good_min_words"] and n_stop >= settings["good_min_stop_share"] * len(words):
        return GOOD
    return SHORT


def _removable_short(text: str, settings: dict) -> bool:
    """A short line that may go between furniture: a few words, nothing quoted, no lead-in.

    ("He wrote:" introduces a quote or a post; a bare "Sources:" heading has at most two words.)
    """
    n_words = len(text.split())
    lead_in = text.endswith(":") and n_words > 2
    return n_words <= settings["short_max_words"] and not _QUOTE.search(text) and not lead_in


def _neighbour(kinds: list[str], i: int, step: int) -> str:
    """The class of the nearest non-short line from i in direction step.

    Past either end of the document, or at the title, it is the edge.
    """
    j = i + step
    while 0 <= j < len(kinds):
        if kinds[j] != SHORT:
            return kinds[j]
        j += step
    return EDGE


def _between_furniture(kinds: list[str], i: int, tail: bool) -> bool:
    """Whether the nearest non-short lines on both sides of line i are bad.

    In the tail run the document's end counts as bad (what follows furniture there is furniture
    too); at the head the start and the title are neither good nor bad.
    """
    after = _neighbour(kinds, i, 1)
    return _neighbour(kinds, i, -1) == BAD and (after == BAD or tail and after == EDGE)


def context_reasons(texts: list[str], reasons: list, settings: dict | None = None) -> list:
    """The removal reason of each line of one document (its non-empty lines in order), else None.

    `reasons` are the rules' reasons so far (None for an open line): a removed line counts as bad,
    the title as the document's edge. Only open lines before the first or after the last line of
    prose are judged; a document without a line of prose keeps everything.
    """
    settings = settings or load_settings()
    kinds = [
        line_kind(text, settings) if reason is None else EDGE if reason == TITLE_REASON else BAD
        for text, reason in zip(texts, reasons, strict=True)
    ]
    good = [i for i, kind in enumerate(kinds) if kind == GOOD]
    found: list = [None] * len(texts)
    if not good:
        return found
    for i, kind in enumerate(kinds):
        if reasons[i] is not None or good[0] <= i <= good[-1]:
            continue
        if kind == SHORT and not (_removable_short(texts[i], settings) and _between_furniture(
                kinds, i, tail=i > good[-1])):
            continue
        why = EDGE if kind == SHORT and _neighbour(kinds, i, 1) == EDGE else kind
        found[i] = f"context: {_WHY[why]} at {_WHERE['head' if i < good[0] else 'tail']}"
    return found


def mark_context(lines: pd.DataFrame, settings: dict | None = None) -> None:
    """Mark head and tail furniture in a lines frame (analysis.cleaning.split_lines) in place."""
    filled = lines[lines["text"] != ""]
    hits, reasons = [], []
    for _, doc in filled.groupby("doc_id", sort=False):
        reasons_so_far = [None if pd.isna(r) else r for r in doc["reason"]]
        found = context_reasons(doc["text"].tolist(), reasons_so_far, settings)
        hits += [index for index, reason in zip(doc.index, found, strict=True) if reason]
        reasons += [reason for reason in found if reason]
    lines.loc[hits, "reason"] = reasons
