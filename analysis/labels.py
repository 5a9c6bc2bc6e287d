"""How the war and the actors are labelled: lexicon hits by voice, each war label checked for its
referent (label_rules.toml), with headlines and subheads as a unit of their own."""

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.cleaning import _is_headline_like
from analysis.config import PACKAGE_DATA
from analysis.kwic import CONTEXT_CHARS, keyword_contexts
from analysis.metadata import UNKNOWN
from analysis.segment import count_words, folded_lower, whole_words
from analysis.voice import find_quote_spans

LABELS_FILE = PACKAGE_DATA / "labels.csv"
RULES_FILE = PACKAGE_DATA / "label_rules.toml"
HEADLINE = "headline"  # the voice of a headline or subhead (outside any quotation in it)
NARRATOR = "narrator"
COUNTED = "counted"
HIT_COLUMNS = ["doc_id", "sentence_id", "unit", "voice", "category", "label", "matched", "start",
               "end", "counted", "reason"]
# Characters that close a clause: the window of a hit does not reach past them.
_CLAUSE = re.compile(r"[,;:()\[\]\"\u201c\u201d\u2014\u2013.!?]|\s-\s")
_TOKEN = re.compile(r"\S+")
WINDOW_CHARS = 200  # the window is cut from this many characters on either side (linear work)
_WORD_START = re.compile(r"(?<!\S)\S+")  # a token that begins after a space (not "'s" of a match)


def _phrases(terms, edge: str = r"[\w-]", folded: bool = False) -> re.Pattern:
    """One case-insensitive regex of whole-word phrases, longest first; `edge` may not touch them.
    `folded`: the phrases lower-cased and no re.I, for text passed through segment.folded_lower
    (the regex engine then tests each phrase's first letter at once: some times faster)."""
    terms = {t.lower() for t in terms} if folded else set(terms)
    return whole_words(map(re.escape, sorted(terms, key=len, reverse=True)), edge, edge,
                       0 if folded else re.I)


@dataclass(frozen=True)
class Rules:
    """The referent rules of label_rules.toml, compiled."""

    war_categories: frozenset[str]
    words_before: int
    words_after: int
    definite: re.Pattern
    fixed: re.Pattern
    other: re.Pattern
    referent: re.Pattern
    hypothetical: re.Pattern
    modal: re.Pattern
    ambiguous: frozenset[str]
    document: re.Pattern  # lower-cased: for segment.folded_lower(text)
    document_terms: tuple[str, ...]  # the terms behind `document`, as the file writes them


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    """Read the rule families (every list under a table is one family) into regexes."""
    spec = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    document = spec["referents"][spec["document_referents"]]

    def table(name: str, edge: str = r"[\w-]") -> re.Pattern:
        return _phrases((t for family in spec[name].values() for t in family), edge)

    return Rules(frozenset(spec["war_categories"]), spec["words_before"], spec["words_after"],
                 re.compile(r"(?:" + _phrases(spec["definite"]).pattern + r"|\w['\u2019]s?)(?!\S)",
                            re.I),
                 table("fixed", r"\w"), table("other_wars", r"\w"), table("referents", r"\w"),
                 table("hypothetical"), table("hypothetical_indefinite"),
                 frozenset(t.lower() for t in spec["ambiguous"]),
                 _phrases(document, r"\w", folded=True), tuple(document))


@cache
def _label_pattern(path: Path = LABELS_FILE) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex of every term lower-cased, longest first, for the lower-cased text
    (_phrases(folded=True)), and the (category, label) of each."""
    lexicon = pd.read_csv(path, dtype="string", keep_default_na=False, comment="#")
    lookup = {t.lower(): (c, lab) for c, lab, t in lexicon[["category", "label", "term"]]
              .itertuples(index=False)}
    return _phrases(lexicon["term"], folded=True), lookup


def _window(text: str, start: int, end: int, rules: Rules) -> tuple[str, str]:
    """The words before and after text[start:end] within its clause, at most words_before/after."""
    before = _CLAUSE.split(text[max(0, start - WINDOW_CHARS):start])[-1]
    after = _CLAUSE.split(text[end:end + WINDOW_CHARS], maxsplit=1)[0]
    left = [m.start() for m in _TOKEN.finditer(before)][-rules.words_before:]
    right = [m.end() for m in _TOKEN.finditer(after)][:rules.words_after]
    return before[left[0]:] if left else "", after[:right[-1]] if right else ""


def _nearest(pattern: re.Pattern, before: str, after: str) -> tuple[float, str]:
    """Distance in words to the nearest match of pattern in the window (inf if none), and the match."""
    found = [(len(_WORD_START.findall(before, m.end())), m.group()) for m in pattern.finditer(before)]
    found += [(len(_TOKEN.findall(after[:m.start()])), m.group()) for m in pattern.finditer(after)]
    return min(found, default=(float("inf"), ""))


def _definite(before: str, cue: re.Match, rules: Rules) -> bool:
    """A definite word between the cue and the hit, or right before the cue ("the wider war")."""
    previous = before[:cue.start()].split()[-1:]
    return bool(rules.definite.search(before[cue.end():])
                or previous and rules.definite.fullmatch(previous[0]))


def referent_reason(text: str, start: int, end: int, rules: Rules,
                    fixed: list[tuple[int, int, str]]) -> str:
    """Why the war label text[start:end] does not refer to the war, or COUNTED (rules 1-4);
    `fixed` holds the fixed expressions of the text, in order and not overlapping."""
    i = bisect.bisect_right(fixed, (start, float("inf"))) - 1  # the last one starting by `start`
    if i >= 0 and end <= fixed[i][1]:
        return f"fixed expression: {fixed[i][2]}"
    before, after = _window(text, start, end, rules)
    other, place = _nearest(rules.other, before, after)
    own = -1 if rules.referent.search(text[start:end]) else _nearest(rules.referent, before, after)[0]
    if other < own:
        return f"other war or conflict: {place}"
    if cue := rules.hypothetical.search(before):
        return f"hypothetical: {cue.group()}"
    cues = list(rules.modal.finditer(before))
    if cues and not _definite(before, cues[-1], rules):
        return f"hypothetical: {cues[-1].group()}"
    last = before.split()[-1:]
    if (text[start:end].lower() in rules.ambiguous and own == float("inf")
            and not (last and rules.definite.fullmatch(last[0]))):
        return f"ambiguous without a referent: {text[start:end]}"
    return COUNTED


def names_the_war(text: object, rules: Rules) -> bool:
    """Whether a text names the war: a term of the rules' document referents (label_rules.toml);
    a document's war labels count only if it does."""
    return isinstance(text, str) and rules.document.search(folded_lower(text)) is not None


def war_names(n: int = 3, path: Path = RULES_FILE) -> list[str]:
    """The first `n` one-word document referents of the rules with different first letters
    (Ukraine, Kyiv, Zelensky), to say in prose what naming the war means."""
    shown: dict[str, str] = {}
    for term in load_rules(path).document_terms:
        if term.isalpha():
            shown.setdefault(term[0].lower(), term)
    return list(shown.values())[:n]


def find_label_hits(segments: pd.DataFrame, path: Path = LABELS_FILE,
                    rules_path: Path = RULES_FILE) -> pd.DataFrame:
    """One row a lexicon hit in a voice segment: ids, unit, voice, category, label, matched text,
    offsets, and whether it counts (a war label that refers to the war, or any other label)."""
    pattern, lookup = _label_pattern(path)
    rules = load_rules(rules_path)
    if "unit" not in segments:
        segments = segments.assign(unit="body")
    about_war = set()  # the documents with a segment that names the war
    for doc_id, text in zip(segments["doc_id"], segments["text"], strict=True):
        if doc_id not in about_war and names_the_war(text, rules):
            about_war.add(doc_id)
    rows = []
    for doc_id, sid, unit, voice, start, text in segments[
            ["doc_id", "sentence_id", "unit", "voice", "start", "text"]].itertuples(index=False):
        fixed = None
        for m in pattern.finditer(folded_lower(text)):  # as long as the text: same offsets
            matched = text[m.start():m.end()]
            category, label = lookup[m.group()]  # the lower-cased term itself
            reason = COUNTED
            if category in rules.war_categories:
                if fixed is None:
                    fixed = [(f.start(), f.end(), f.group()) for f in rules.fixed.finditer(text)]
                reason = referent_reason(text, m.start(), m.end(), rules, fixed)
                if reason == COUNTED and doc_id not in about_war:
                    reason = "the document never names the war"
            rows.append((doc_id, sid, unit, voice, category, label, matched, start + m.start(),
                         start + m.end(), reason == COUNTED, reason))
    strings = [c for c in HIT_COLUMNS if c not in ("start", "end", "counted")]
    return pd.DataFrame(rows, columns=HIT_COLUMNS).astype(
        {**{c: "string" for c in strings}, "start": int, "end": int, "counted": bool})


def headline_segments(documents: pd.DataFrame) -> pd.DataFrame:
    """Each document's title as voice segments of the unit "headline" (offsets in the title); an
    unknown title has none."""
    rows = []
    titles = documents["title"].fillna(UNKNOWN)
    for doc_id, title in zip(documents["doc_id"], titles.where(titles != UNKNOWN, ""), strict=True):
        cursor = 0
        for q_start, q_end, _ in find_quote_spans(title) + [(len(title), len(title), False)]:
            rows += [(doc_id, HEADLINE, cursor, q_start, title[cursor:q_start]),
                     (doc_id, "quoted", q_start, q_end, title[q_start:q_end])]
            cursor = q_end
    segments = pd.DataFrame(rows, columns=["doc_id", "voice", "start", "end", "text"]).astype(
        {"doc_id": "string", "text": "string"})
    segments = segments[segments["text"].str.strip(" \"'.,;:-") != ""].reset_index(drop=True)
    segments.insert(1, "sentence_id", segments["doc_id"] + "-headline")
    return segments.assign(n_words=count_words(segments["text"]), unit=HEADLINE)


def mark_subheads(segments: pd.DataFrame, sentences: pd.DataFrame,
                  paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The segments with a `unit` column: "subhead" for a paragraph that reads like a headline
    (short, no closing full stop), whose narrator words then speak in the headline voice."""
    short = paragraphs.loc[_is_headline_like(paragraphs["text"]), ["doc_id", "paragraph_index"]]
    keys = pd.MultiIndex.from_frame(short)
    subhead_ids = sentences.loc[pd.MultiIndex.from_frame(
        sentences[["doc_id", "paragraph_index"]]).isin(keys), "sentence_id"]
    subhead = segments["sentence_id"].isin(subhead_ids)
    return segments.assign(
        unit=pd.Series("body", index=segments.index, dtype="string").mask(subhead, "subhead"),
        voice=segments["voice"].mask(subhead & (segments["voice"] == NARRATOR), HEADLINE))


def keyword_in_context(hits: pd.DataFrame, documents: pd.DataFrame,
                       width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """The hits with the words before and after each (within its paragraph, or its headline)."""
    docs = documents.set_index("doc_id")
    headline = hits["unit"] == HEADLINE if "unit" in hits else pd.Series(False, index=hits.index)
    texts = hits["doc_id"].map(docs["text"]).where(~headline, hits["doc_id"].map(docs["title"]))
    contexts = keyword_contexts(texts, hits["start"], hits["end"], width)
    return hits.assign(left=contexts["left"].to_numpy(), right=contexts["right"].to_numpy())


def count_labels(hits: pd.DataFrame) -> pd.DataFrame:
    """The labels.csv table of counted hits: doc_id, category, term (the label), voice, count."""
    if "counted" in hits:
        hits = hits[hits["counted"]]
    return (hits.groupby(["doc_id", "category", "label", "voice"], sort=False).size()
            .rename("count").reset_index().rename(columns={"label": "term"}))
