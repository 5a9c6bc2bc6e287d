"""Unicode normalisation that makes typographic variants one token ("Russia’s" == "Russia's")."""

import html
import re
import unicodedata

import ftfy
from ftfy.badness import BADNESS_RE

# One character in, one character out, so offsets survive the mapping.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u3000": " ", "\t": " ",
    }
)
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)


_MAPPED = re.compile("[" + "".join(map(chr, _CHAR_MAP)) + "]")
# Every mojibake sequence ftfy's detector (ftfy.badness) looks for holds a non-ASCII character
# and is at most 7 characters long: it lies within this many characters of a non-ASCII one.
_BADNESS_REACH = 8
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def looks_bad(text: str) -> bool:
    """ftfy's is_bad(text), read only around the text's non-ASCII characters (same answer)."""
    if text.isascii():
        return False
    search, start, end = BADNESS_RE.search, 0, 0
    for run in _NON_ASCII.finditer(text):
        if run.start() - _BADNESS_REACH > end:  # a new window: read the last one
            if search(text, start, end):
                return True
            start = run.start() - _BADNESS_REACH
        end = run.end() + _BADNESS_REACH
    return search(text, max(start, 0), end) is not None


def normalize_text(text: str) -> str:
    """Fix mojibake and HTML entities, unify quotes, dashes, spaces and newlines; return NFC text."""
    text = _NEWLINES.sub("\n", text)
    if looks_bad(text):  # ftfy's full repair is slow: only where its detector sees mojibake
        text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return _MAPPED.sub(lambda m: _CHAR_MAP[ord(m.group())], text)  # translate(): slower
