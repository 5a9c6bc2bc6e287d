"""Split cleaned text into sentences (Punkt with a fixed abbreviation list) and words."""

import re
from functools import cache

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis.config import word_list
from analysis.parallel import joined_lists, partitions, run_partitions

# A word: letters or digits, with inner apostrophes or hyphens ("Russia's", "so-called").
WORD_PATTERN = r"[^\W_]+(?:['-][^\W_]+)*"
_WORD_RE = re.compile(WORD_PATTERN)


def whole_words(alternatives, before: str = r"[\w-]", after: str = r"\w", flags: int = 0) -> re.Pattern:
    """One regex of the regex `alternatives` (tried in the order given) that `before` may not
    precede and `after` may not follow: whole words ("Russia" not in "anti-Russia" or "Russians")."""
    return re.compile(f"(?<!{before})(?:" + "|".join(alternatives) + f")(?!{after})", flags)


def literal_alternation(words) -> str:
    """A regex of literal `words` as a trie ("sa(?:id|ys?)" for said, say, says): it matches what
    the words tried longest first match (two words match at one place only if one begins the
    other, and the longer is tried first in both), in a few steps a position, not one a word."""
    trie: dict = {}
    for word in set(words) - {""}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?"  # greedy: the longer word first

    return pattern(trie)


# Punkt's decisions on candidate breaks kept at most (a context is a few words: "said. The").
BREAK_CACHE_SIZE = 200_000


# The commonest candidate context: a word of letters, its end mark, a space and the next token
# ("said. The", "Why? It"). Punkt breaks there unless the word is a known abbreviation: the word
# is one token of its own (not an initial, a number or an ellipsis), marked as a break by
# Punkt's first pass and left so by its second (no collocations, no orthographic data), and a
# token follows it.
_PLAIN_BREAK = re.compile(r"([A-Za-z]{2,})[.?!] \S+")
# Two initials before a capitalised word that opens no sentence: a name ("J.M. Berger", "Rep.
# G.K. Butterfield"), no break ("the F.B.I. The agency", three letters, and "D.C. He" break).
_INITIALS_NAME = re.compile(r"(?:[A-Z]\.){2}\s+([A-Z][a-z][\w'-]*)\W*")
_SENTENCE_OPENERS = frozenset("""
a an the he she it they we i you his her its their our my this that these those there here what
who but and or so yet if when while as in on at to for from by with after before since then now
also still however meanwhile no not all some many most both each
""".split())


class _Punkt(PunktSentenceTokenizer):
    """Punkt that decides plain candidate breaks at once and every other distinct context once.

    The decisions are Punkt's own (a function of the context and the fixed parameters), so the
    sentences are too, but for two initials before a name, where Punkt, with no data on
    initials, breaks ("said J.M. | Berger").
    """

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params)
        self._breaks: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        """Punkt's decision for one candidate context ("said. The")."""
        plain = _PLAIN_BREAK.fullmatch(text)
        if plain and plain.group(1).lower() not in self._params.abbrev_types:
            return True
        initials = _INITIALS_NAME.fullmatch(text)
        if initials and initials.group(1).lower() not in _SENTENCE_OPENERS:
            return False
        found = self._breaks.get(text)
        if found is None:
            if len(self._breaks) >= BREAK_CACHE_SIZE:
                self._breaks.clear()
            found = self._breaks[text] = super().text_contains_sentbreak(text)
        return found


@cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt without downloaded data: the abbreviations come from data/abbreviations.txt."""
    params = PunktParameters()
    params.abbrev_types = set(word_list("abbreviations.txt"))
    return _Punkt(params)


def tokenize_words(text: str) -> list[str]:
    """The words of a text, in order, case preserved."""
    return _WORD_RE.findall(text)


def count_words(texts: pd.Series) -> pd.Series:
    """Number of words in each text (each distinct text counted once)."""
    values = texts.to_numpy(dtype=object)  # iterating a string Series costs more a row
    found = {text: len(_WORD_RE.findall(text)) for text in dict.fromkeys(values)}
    return pd.Series([found[text] for text in values], index=texts.index, dtype="int64")


def split_sentences(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row a sentence: doc_id, ids, text and offsets into the document's cleaned text.

    Each distinct paragraph text (wire copy and boilerplate repeat) is split once, on partitions
    of the distinct texts (analysis.parallel); the rows are the same however they are cut.
    """
    texts = pd.Series(paragraphs["text"].unique(), dtype=object)
    found = run_partitions(_sentence_spans, partitions(texts, key=None), joined_lists)
    spans = dict(zip(texts, found, strict=True))
    rows = [
        (doc_id, p_index, p_start + s_start, p_start + s_end, text[s_start:s_end], n_words)
        for doc_id, p_index, p_start, text in zip(
            paragraphs["doc_id"].to_numpy(dtype=object), paragraphs["paragraph_index"].tolist(),
            paragraphs["start"].tolist(), paragraphs["text"].to_numpy(dtype=object), strict=True)
        for s_start, s_end, n_words in spans[text]
    ]
    sentences = pd.DataFrame(
        rows, columns=["doc_id", "paragraph_index", "start", "end", "text", "n_words"]
    ).astype({"doc_id": "string", "text": "string", "n_words": "int64"})
    sentences.insert(1, "sentence_index", sentences.groupby("doc_id").cumcount())
    sentences.insert(
        0, "sentence_id",
        sentences["doc_id"] + "-s" + sentences["sentence_index"].astype(str).str.zfill(3),
    )
    return sentences


def _sentence_spans(texts: pd.Series) -> list[list[tuple[int, int, int]]]:
    """For each paragraph text, its sentences' (start, end, number of words)."""
    tokenizer = sentence_tokenizer()
    return [[(start, end, len(_WORD_RE.findall(text, start, end)))
             for start, end in tokenizer.span_tokenize(text)] for text in texts]


# The characters other than A-Z that a case-insensitive regex matches to an ASCII letter
# (re.compile("[a-z]", re.I) over every code point finds these and the Kelvin sign, which
# str.lower() already turns into "k"): in the text they become that letter before a search.
_FOLD_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}


def folded_lower(text: str) -> str:
    """The text lower-cased with the letters of _FOLD_TO_ASCII replaced, as long as the text (İ,
    the one letter whose lower case is two characters, is replaced first): an ASCII word a
    case-insensitive regex finds in the text, a regex of the lower-cased word finds in this at
    the same place."""
    if not text.isascii():
        for char, letter in _FOLD_TO_ASCII.items():
            text = text.replace(char, letter)
    return text.lower()
