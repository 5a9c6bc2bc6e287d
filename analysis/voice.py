"""Find quoted spans in cleaned text and split sentences into three voices: the narrator's own
words, direct quotation and reported speech."""

import bisect
import itertools
import re

import pandas as pd

from analysis.corpus import Corpus, per_corpus
from analysis.parallel import map_with
from analysis.rows import columns_by_document
from analysis.segment import count_words

# Characters after which a quote mark opens a quotation rather than closing one.
_OPENERS = set(" \n\t([{-/:;")
# A single-quoted span outside double quotes is at most this long (else it is apostrophes).
SINGLE_MAX_CHARS = 200
_SINGLE_CLOSE = re.compile(r"(?<=\S)'(?![^\W_])")
_SINGLE_CLOSE_PUNCTUATED = re.compile(r"(?<=[,.!?])'(?![^\W_])")  # "...democracies,' X said"
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def _opens(text: str, i: int) -> bool:
    """A quote mark at i opens: start or an opener before it, and no space after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENERS and not after.isspace()


def _double_spans(text: str, start: int, end: int, continued: bool = False) -> list[tuple[int, int, bool]]:
    """Double-quoted spans in text[start:end]; a quote still open at the end runs to the end.
    `continued`: the quotation of the paragraph before is still open, so a closing mark before any
    opening one ends it here (a quote of several paragraphs whose later ones open with no mark)."""
    spans, open_at = [], None
    for i in range(start, end):
        if text[i] != '"':
            continue
        if continued:
            continued = False
            if not _opens(text, i) and i > start:
                spans.append((start, i + 1, False))
                continue
        if open_at is None:
            if _opens(text, i):
                open_at = i
        elif not _opens(text, i) or i == end - 1:
            spans.append((open_at, i + 1, False))
            open_at = None
        else:  # an opening mark while open: the earlier quote was never closed
            spans.append((open_at, i, True))
            open_at = i
    if open_at is not None:
        spans.append((open_at, end, True))
    return spans


def _single_continuation(text: str, start: int, end: int) -> re.Match | None:
    """The closing mark of a single-quoted quotation going on from the paragraph before into
    text[start:end], a paragraph that opens with no mark: its first single mark, after
    punctuation, followed by more words ("... policy and capacity building,' he added."), and no
    double mark before it."""
    if text[start:end].lstrip()[:1] in ("'", '"'):
        return None
    close = _SINGLE_CLOSE_PUNCTUATED.search(text, start, end)
    if not close or "'" in text[start:close.start() - 1] or '"' in text[start:close.start()] \
            or not text[close.end():end].strip():
        return None
    return close


def _single_spans(text: str, start: int, end: int, taken: list[tuple[int, int, bool]],
                  next_opens: bool = False, continuation: re.Match | None = None):
    """Single-quoted spans outside double quotes: an opening ' paired with a closing ' nearby.
    `next_opens`: the next paragraph opens with a single mark, or goes on with no mark to a
    closing one (_single_continuation), so a long quotation left open at the end of this one runs
    to its end (the news convention for a quote of several paragraphs); `continuation`: the
    closing mark when this paragraph is such a continuation, a quotation from its start to it."""
    inside = [(s, e) for s, e, _ in taken]
    spans, i = [], start
    if continuation is not None:
        spans.append((start, continuation.end(), False))
        i = continuation.end()
    while (i := text.find("'", i, end)) != -1:
        if _opens(text, i) and not any(s <= i < e for s, e in inside):
            close = _SINGLE_CLOSE.search(text, i + 2, min(end, i + SINGLE_MAX_CHARS))
            long_quote = not text[start:i].strip() or text[start:i].rstrip().endswith((",", ":"))
            if not close and long_quote:
                # a long quotation opening its paragraph or after "X said, " / "X said: "
                close = _SINGLE_CLOSE_PUNCTUATED.search(text, i + 2, end)
                if not close and next_opens and "'" not in text[i + 1:end]:
                    spans.append((i, end, True))
                    break
            if close:
                spans.append((i, close.end(), False))
                i = close.end()
                continue
        i += 1
    return spans


_TWO_SINGLES = re.compile("''")


def _two_singles_as_double(text: str) -> str:
    """The text with each pair of single marks written for a double one ("''Yes,'' he said", as
    some archives write quotations) made a double mark, offsets kept: the mark stands first in an
    opening pair and last in a closing one, so the quotation spans both characters."""
    if "''" not in text:
        return text
    def mark(m: re.Match) -> str:
        i = m.start()
        opening = (i == 0 or text[i - 1] in _OPENERS) and text[i - 2:i] != "' "  # "America.' ''": closes
        return "\"'" if opening else "'\""

    return _TWO_SINGLES.sub(mark, text)


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Outermost quoted spans (start, end, open_ended), quote marks included, in document order.

    A quotation left open at the end of a paragraph (the news convention for a quote that goes on
    in the next paragraph, or a missing closing mark) runs to the end of that paragraph; when the
    next paragraph opens with no mark and its first mark closes, the quotation runs on to it. A
    single-quoted one is left open so only when the next paragraph opens with a single mark.
    """
    spans: list[tuple[int, int, bool]] = []
    last_end = -1  # where the paragraph before ends
    marks = _two_singles_as_double(text)
    paragraphs = list(_PARAGRAPH.finditer(text))
    # each paragraph's closing mark of a single-quoted quotation going on into it, read once: it
    # decides both whether the paragraph before leaves its quotation open and where this one ends
    closes = [_single_continuation(text, *paragraph.span()) for paragraph in paragraphs] + [None]
    single_open = False  # a single-quoted quotation left open at the end of the paragraph before
    for k, (paragraph, after) in enumerate(itertools.zip_longest(paragraphs, paragraphs[1:])):
        continued = bool(spans) and spans[-1][2] and spans[-1][1] == last_end
        goes_on = continued and single_open and closes[k] is not None
        doubles = _double_spans(marks, *paragraph.span(), continued=continued and not goes_on)
        last_end = paragraph.end()
        next_opens = after is not None and (after.group().lstrip().startswith("'")
                                            or closes[k + 1] is not None)
        singles = _single_spans(text, *paragraph.span(), doubles, next_opens=next_opens,
                                continuation=closes[k] if goes_on else None)
        single_open = bool(singles) and singles[-1][2] and singles[-1][1] == last_end
        spans += singles + [(s, e, o) for s, e, o in doubles  # "..." inside '...' is no quote of its own
                            if not any(a < s and e <= b for a, b, _ in singles)]
    return sorted(spans)


def compute_quote_spans(documents: pd.DataFrame) -> pd.DataFrame:
    """One row a quotation: doc_id, quote_index, start, end, open_ended, text (marks included)."""
    rows = [
        (doc_id, start, end, open_ended, text[start:end])
        for doc_id, text in documents[["doc_id", "text"]].itertuples(index=False)
        for start, end, open_ended in find_quote_spans(text)
    ]
    spans = pd.DataFrame(rows, columns=["doc_id", "start", "end", "open_ended", "text"])
    spans.insert(1, "quote_index", spans.groupby("doc_id").cumcount())
    return spans.astype({"doc_id": "string", "text": "string"})


@per_corpus
def quote_spans(corpus: Corpus) -> pd.DataFrame:
    """compute_quote_spans of the corpus's documents, found once per corpus (the quotes and the
    voice segments both read them), in partitions of whole documents."""
    documents = corpus.documents
    return map_with(compute_quote_spans, documents, sizes=documents["n_sentences"].to_numpy() + 1)


def _sorted_spans(spans: pd.DataFrame, start: str, end: str) -> dict:
    """Per document: span starts and ends sorted by start, and the running maximum of the ends."""
    ordered = spans.sort_values(["doc_id", start], kind="stable")
    return {doc_id: (rows[start], rows[end], list(itertools.accumulate(rows[end], max)))
            for doc_id, rows in columns_by_document(ordered, [start, end]).items()}


def _cut(lo: int, hi: int, spans: tuple[list, list, list]) -> list[tuple[bool, int, int]]:
    """[lo, hi) cut into pieces (inside a span?, start, end); only the spans that can reach it
    are looked at (found by bisection)."""
    starts, ends, reach = spans
    pieces, cursor = [], lo
    first = bisect.bisect_right(reach, lo)  # spans before it all end by lo
    last = bisect.bisect_left(starts, hi)  # spans from here on start after hi
    for q_start, q_end in zip(starts[first:last], ends[first:last], strict=True):
        a, b = max(q_start, cursor), min(q_end, hi)
        if a >= b:
            continue
        if a > cursor:
            pieces.append((False, cursor, a))
        pieces.append((True, a, b))
        cursor = b
    if cursor < hi:
        pieces.append((False, cursor, hi))
    return pieces


def split_voices(sentences: pd.DataFrame, spans: pd.DataFrame,
                 attributions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Cut each sentence into narrator, quoted and reported segments (sentence_id, voice, offsets,
    text): "quoted" is inside quotation marks, "reported" is the content of an attribution outside
    them (analysis.quotes' content_start/content_end: "X said that ...", "According to X, ..."),
    "narrator" is the rest, the outlet's own words.

    Each sentence looks only at the spans that can reach it (found by bisection), so the work
    grows with sentences plus spans, not with their product.
    """
    quoted = _sorted_spans(spans, "start", "end")
    reported = ({} if attributions is None or attributions.empty
                else _sorted_spans(attributions, "content_start", "content_end"))
    rows = []
    for sid, doc_id, s_start, s_end in sentences[
        ["sentence_id", "doc_id", "start", "end"]
    ].itertuples(index=False):
        for inside, lo, hi in _cut(s_start, s_end, quoted.get(doc_id, ([], [], []))):
            if inside:
                rows.append((sid, doc_id, "quoted", lo, hi))
                continue
            for said, a, b in _cut(lo, hi, reported.get(doc_id, ([], [], []))):
                rows.append((sid, doc_id, "reported" if said else "narrator", a, b))
    segments = pd.DataFrame(rows, columns=["sentence_id", "doc_id", "voice", "start", "end"])
    text_of = sentences.set_index("sentence_id")[["start", "text"]]
    base = segments["sentence_id"].map(text_of["start"])
    full = segments["sentence_id"].map(text_of["text"])
    segments["text"] = [
        t[a - b:e - b] for t, a, e, b in zip(full, segments["start"], segments["end"], base, strict=True)
    ]
    segments = segments[segments["text"].str.strip(" \"'.,;:-") != ""].reset_index(drop=True)
    segments["text"] = segments["text"].astype("string")
    segments["n_words"] = count_words(segments["text"])
    return segments


@per_corpus
def compute_voice_segments(corpus: Corpus) -> pd.DataFrame:
    """Narrator, quoted and reported segments of every sentence of the corpus (cached per corpus),
    in partitions of whole documents."""
    from analysis.quotes import compute_quotes  # quotes reads this module's quote spans

    spans = quote_spans(corpus)[["doc_id", "start", "end"]]
    reported = compute_quotes(corpus)[["doc_id", "content_start", "content_end"]]
    return map_with(split_voices, corpus.sentences, (spans, reported))
