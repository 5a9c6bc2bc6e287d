"""Keyword in context: the words on either side of a match, cut on whole words, within one line."""

import re

import pandas as pd

CONTEXT_CHARS = 60
_FIRST_WORD = re.compile(r"\S*\s*")
_LAST_WORD = re.compile(r"\s*\S*$")


def context_window(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """At most `width` characters before and after text[start:end] on its line, no word cut in half."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    left, right = text[lo:start], text[end:hi]
    if "\n" in left:
        left = left.rsplit("\n", 1)[1]
    elif lo > 0 and not text[lo - 1].isspace() and not left[:1].isspace():
        left = left[_FIRST_WORD.match(left).end():]  # the window starts inside a word
    if "\n" in right:
        right = right.split("\n", 1)[0]
    elif hi < len(text) and not text[hi].isspace() and not right[-1:].isspace():
        right = right[:_LAST_WORD.search(right).start()]  # the window ends inside a word
    return left.lstrip(), right.rstrip()


def keyword_contexts(texts, starts, ends, width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """`left` and `right` context of each (text, start, end) row, both measured from the keyword."""
    pairs = [context_window(t, s, e, width) for t, s, e in zip(texts, starts, ends, strict=True)]
    return pd.DataFrame(pairs, columns=["left", "right"], dtype="string")
