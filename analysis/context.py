"""A structural boilerplate detector beside the rules: furniture at an article's head and tail.

After jusText (Pomikalek 2011), made stricter for clean news text: every line still kept after the
rules is classed by its length, its share of stop words and its links as prose ("good"), a short
link line ("bad") or "short"; lines removed by the rules count as bad. Only lines before an
article's first or after its last line of prose (its head and tail runs) may go: a bad line, and
a short line of a few words, nothing quoted, whose nearest non-short lines on both sides are bad
(furniture on both sides; at the tail, for a line without a stop word, furniture before it and
the document's end after it). The
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
# A web address, a link, an e-mail or a @handle (kept simple: it runs on every kept line).
_LINK = re.compile(r"https?://|\bwww\.|\w\.(?:com|org|net|gov|co\.uk)\b|@\w", re.IGNORECASE)
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
    if n_words <= settings["link_max_words"] and _LINK.search(text) and not _QUOTE.search(text):
        return BAD
    if n_words < settings["good_min_words"]:
        return SHORT
    words = _WORD.findall(text.lower().replace("\u2019", "'"))
    stop = _stop_words()
    n_stop = len([w for w in words if w in stop])
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


def _has_stop_word(text: str) -> bool:
    """Whether a line has a stop word (a sentence has; a name, a credit or code residue has not)."""
    return any(w in _stop_words() for w in _WORD.findall(text.lower().replace("\u2019", "'")))


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


def _between_furniture(texts: list[str], kinds: list[str], i: int, tail: bool) -> bool:
    """Whether the nearest non-short lines on both sides of line i are bad.

    In the tail run the document's end counts as bad for a line without a stop word (code residue
    or a credit after furniture goes; "The inquiry continues." after an embed stays); at the head
    the start and the title are neither good nor bad.
    """
    after = _neighbour(kinds, i, 1)
    end_ok = tail and after == EDGE and not _has_stop_word(texts[i])
    return _neighbour(kinds, i, -1) == BAD and (after == BAD or end_ok)


def context_reasons(texts: list[str], reasons: list, settings: dict | None = None) -> list:
    """The removal reason of each line of one document (its non-empty lines in order), else None.

    `reasons` are the rules' reasons so far (None for an open line): a removed line counts as bad,
    the title as the document's edge. Only open lines before the first or after the last line of
    prose are judged; a document without a line of prose keeps everything.
    """
    settings = settings or load_settings()
    kinds = [None if reason is None else EDGE if reason == TITLE_REASON else BAD for reason in reasons]

    def kind(i: int) -> str:
        """Class line i once (only the head and tail runs and their bounds are ever classed)."""
        if kinds[i] is None:
            kinds[i] = line_kind(texts[i], settings)
        return kinds[i]

    first = next((i for i in range(len(texts)) if kind(i) == GOOD), None)
    found: list = [None] * len(texts)
    if first is None:
        return found
    last = next(i for i in reversed(range(len(texts))) if kind(i) == GOOD)
    kinds[first:last] = [GOOD] * (last - first)  # the body, never looked at
    for i in [*range(first), *range(last + 1, len(texts))]:
        line_class = kinds[i]
        if reasons[i] is not None:
            continue
        if line_class == SHORT and not (_removable_short(texts[i], settings) and _between_furniture(
                texts, kinds, i, tail=i > last)):
            continue
        why = EDGE if line_class == SHORT and _neighbour(kinds, i, 1) == EDGE else line_class
        found[i] = f"context: {_WHY[why]} at {_WHERE['head' if i < first else 'tail']}"
    return found


def mark_context(lines: pd.DataFrame, settings: dict | None = None) -> None:
    """Mark head and tail furniture in a lines frame (analysis.cleaning.split_lines) in place."""
    filled = lines[lines["text"] != ""]
    texts = filled["text"].tolist()
    so_far = [None if pd.isna(r) else r for r in filled["reason"]]
    hits, reasons = [], []
    for rows in filled.groupby("doc_id", sort=False).indices.values():
        found = context_reasons([texts[r] for r in rows], [so_far[r] for r in rows], settings)
        hits += [filled.index[r] for r, reason in zip(rows, found, strict=True) if reason]
        reasons += [reason for reason in found if reason]
    lines.loc[hits, "reason"] = reasons
