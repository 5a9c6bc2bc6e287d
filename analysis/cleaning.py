"""Remove scraping boilerplate line by line, recording every removal with its reason."""

import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from re import _compiler as sre_compile
from re import _constants as sre
from re import _parser as sre_parse

import numpy as np
import pandas as pd

from analysis.config import PACKAGE_DATA
from analysis.context import mark_context
from analysis.parallel import in_this_process, partitions, run_partitions
from analysis.segment import count_words

# A line that reads like a headline or a list item, not prose: short, no closing full stop.
HEADLINE_MAX_WORDS = 20
# A caption or pull quote repeated from the body is at most this long.
FRAGMENT_MAX_WORDS = 12
# Shorter lines (a name, a subhead: "The All Blacks") recur inside the text by nature.
FRAGMENT_MIN_WORDS = 5
# Footer markers open a zone to the end of the document only past this share of its characters.
TAIL_START = 0.5
# A line is an outlet's boilerplate when it recurs in this many of its documents, and this share.
REPEAT_MIN_DOCS = 3
REPEAT_MIN_SHARE = 0.5
# A short line without quotation marks that recurs in REPEAT_MIN_DOCS distinct documents of the
# whole corpus, and in this share of them, is site furniture too, whatever the outlet ("FULL TEXT.",
# "Getty."). Longer lines, quotations, and lines shared by a few versions of one story (a team
# line-up, a columnist's bio) are kept.
CORPUS_REPEAT_MAX_WORDS = 25
CORPUS_REPEAT_MIN_SHARE = 0.01
# A recurring short label standing between two paragraphs of prose ("Verdict: False", "Fact Check:")
# is the outlet's article structure, not furniture.
LABEL_MAX_WORDS = 6
# An embedded post (tweet) is at most this many characters: the lines just above its signature or
# picture link, up to this length in all, are its text.
EMBED_MAX_CHARS = 280
# A line showing this many different promo cues ([[cue]] rules) is an outlet's promo insert.
PROMO_MIN_CUES = 2
# A line that repeats the next 2 to this many paragraphs joined is a copy of them.
JOINED_MAX_LINES = 5
# A later word-for-word copy of a document's lead is a scraped copy from this many words.
REPEAT_PARAGRAPH_MIN_WORDS = 8
# The closing lines after a removed line are a reader thread when at least this many are left and
# at least this share of them show a [[thread]] sign (typed by readers: lower-case starts, no
# closing marks, chat words). News prose shows a sign in well under one line in ten.
THREAD_MIN_LINES = 5
THREAD_MIN_SHARE = 0.3
# Whole-line rules never match a longer line: boilerplate lines are short, and a longer line is
# article text (perhaps a whole article scraped onto one line).
LINE_RULE_MAX_CHARS = 1000

_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)$")
_WORD = re.compile(r"[^\W_]+")
_TERMINAL = re.compile(r"[.!?][\"')\]]*(?=\s|$)")


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern and the reason recorded when it matches."""

    reason: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Rules:
    """The kinds of rule: whole lines, footer-zone openers, spans inside a line, closing lines,
    promo cues, link-list openers, sign-offs and signs of a reader thread."""

    line: tuple[Rule, ...]
    tail: tuple[Rule, ...]
    inline: tuple[Rule, ...]
    end: tuple[Rule, ...] = ()
    cue: tuple[Rule, ...] = ()
    list: tuple[Rule, ...] = ()
    signoff: tuple[Rule, ...] = ()
    thread: tuple[Rule, ...] = ()


@cache
def load_rules(path: Path = PACKAGE_DATA / "boilerplate.toml") -> Rules:
    """Read the boilerplate rules from a TOML file (see data/boilerplate.toml)."""
    spec = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return Rules(
        *(
            tuple(Rule(r["reason"], re.compile(r["pattern"], re.IGNORECASE)) for r in spec.get(k, []))
            for k in ("line", "tail", "inline", "end", "cue", "list", "signoff", "thread")
        )
    )


# --- Testing rules fast, with the patterns' own answers ---------------------------------------
# A rule's pattern is read once, as a syntax tree, for what any match of it must contain: one of
# a few strings (a line without any of them is not tried: one `in` test each instead of a regex
# that reads along the line), and for a whole-line rule, the parts to try cheapest first (a
# length bound, a simple look-ahead, the line itself, then the costly look-aheads). Only ASCII
# lines are prefiltered: there, and only there, a case-insensitive match is one of lower-cased
# strings. A pattern the reading does not understand is tried as it is.
# The most strings a prefilter holds (more are first reduced to shared pieces of PIECE_CHARS).
PREFILTER_MAX_STRINGS = 6
PIECE_CHARS = 6
# A prefilter string is worth a test from this many characters; a sign outside letters, digits
# and the punctuation of running prose ("(@", "<", "[", the dot of ".com") counts as
# RARE_SIGN_CHARS more.
SELECTIVE_MIN_CHARS = 4
RARE_SIGN_CHARS = 4
# The most strings an item or run of items is expanded to while reading a pattern.
FINITE_MAX_STRINGS = 64
# A repeat of any character (or class) up to this many times or more reads along the line.
SCAN_MIN_REPEAT = 100
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_PLAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ,;:'\"-!?")


def _group_items(op, av) -> list | None:
    """The items inside a group (capturing or not, or atomic), else None."""
    if op is sre.SUBPATTERN:
        return av[-1]
    return av if op is sre.ATOMIC_GROUP else None


def _char_set(av) -> set[str] | None:
    """The lower-cased characters of a small ASCII character class, else None."""
    chars = set()
    for op, value in av:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < 10:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return {c.lower() for c in chars} if all(c.isascii() for c in chars) else None


def _finite(op, av) -> set[str] | None:
    """Every string an item matches, lower-cased ("" for a look-around or anchor), if it is
    ASCII and few; else None."""
    if op is sre.LITERAL:
        return {chr(av).lower()} if chr(av).isascii() else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.IN:
        return _char_set(av)
    if _group_items(op, av) is not None:
        return _finite_run(_group_items(op, av))
    if op is sre.BRANCH:
        options = [_finite_run(items) for items in av[1]]
        if None in options or sum(map(len, options)) > FINITE_MAX_STRINGS:
            return None
        return set().union(*options)
    if op in _REPEATS and av[1] <= 1:
        once = _finite_run(av[2])
        return None if once is None else once | {""} if av[0] == 0 else once
    return None


def _finite_run(items) -> set[str] | None:
    """Every string a run of items matches, if all its items are finite and the strings few."""
    strings = {""}
    for op, av in items:
        part = _finite(op, av)
        if part is None:
            return None
        strings = {a + b for a in strings for b in part}
        if len(strings) > FINITE_MAX_STRINGS:
            return None
    return strings


def _required_item(op, av) -> set[str] | None:
    """Strings one of which every match of a (not finite) item contains, else None."""
    if _group_items(op, av) is not None:
        return _required_run(_group_items(op, av))
    if op is sre.BRANCH:
        options = [_required_run(items) for items in av[1]]
        return None if None in options else set().union(*options)
    if op in _REPEATS and av[0] >= 1:
        return _required_run(av[2])
    if op is sre.ASSERT:  # a look-ahead or look-behind reads the same line
        return _required_run(av[1])
    return None


def _required_run(items) -> set[str] | None:
    """Strings one of which every match of a run of items contains (the most selective set
    found: runs of finite items joined, or one item's own), else None."""
    found, run = [], {""}
    for op, av in items:
        if op is sre.ASSERT:
            found.append(_required_item(op, av))
        part = _finite(op, av)
        if part is None:
            found += [run, _required_item(op, av)]
            run = {""}
            continue
        joined = {a + b for a in run for b in part}
        if len(joined) > FINITE_MAX_STRINGS:
            found.append(run)
            joined = part
        run = joined
    found.append(run)
    usable = [strings for strings in found if strings and "" not in strings]
    return max(usable, key=lambda strings: (min(map(_rarity, strings)), -len(strings)),
               default=None)


def _pieces(strings: set[str]) -> tuple[str, ...]:
    """Few pieces of PIECE_CHARS (or fewer), one of which each string contains (greedy)."""
    size, left, chosen = min(PIECE_CHARS, *map(len, strings)), sorted(strings), []
    while left:
        pieces = sorted({s[i:i + size] for s in left for i in range(len(s) - size + 1)})
        best = max(pieces, key=lambda piece: sum(piece in s for s in left))
        chosen.append(best)
        left = [s for s in left if best not in s]
    return tuple(chosen)


def _rarity(string: str) -> int:
    """How rare a string is in prose, roughly: its length, and more with a sign ("(@", "<")."""
    return len(string) + (0 if set(string) <= _PLAIN_CHARS else RARE_SIGN_CHARS)


def _selective(strings: tuple[str, ...]) -> bool:
    """Whether each string is rare enough in prose to be worth a test (long, or with a sign)."""
    return all(_rarity(s) >= SELECTIVE_MIN_CHARS for s in strings)


def _scans(items) -> bool:
    """Whether a pattern may open with a long repeat of any character (or of a negated class)
    with more pattern after it: it then reads along the line, trying the rest at each place.
    (A pattern that opens with a literal fails at once on most lines; a look-ahead that is .*
    and one character, or a length bound, is one quick scan.)"""
    for op, av in items:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT) and (
                _length_bound(op, av) is not None or _simple_look(av)):
            continue
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            if _scans(av[1]):
                return True
            continue
        if op in _REPEATS:
            item = av[2][0] if len(av[2]) == 1 else (None, None)
            broad = item[0] in (sre.ANY, sre.NOT_LITERAL) or (
                item[0] is sre.IN and item[1][:1] == [(sre.NEGATE, None)])
            return (av[1] >= SCAN_MIN_REPEAT and broad) or _scans(av[2])
        if op is sre.BRANCH:
            return any(_scans(branch) for branch in av[1])
        inner = _group_items(op, av)
        return inner is not None and _scans(inner)
    return False


def _prefilter(tree, search: bool) -> tuple[str, ...] | None:
    """The strings one of which an ASCII line must hold (lower case) to be worth trying, for a
    pattern that reads along the line; None when there is no such test worth making."""
    if not (search or _scans(tree.data)):
        return None
    strings = _required_run(tree.data)
    if not strings:
        return None
    strings = tuple(sorted(strings)) if len(strings) <= PREFILTER_MAX_STRINGS else _pieces(strings)
    return strings if _selective(strings) else None


def _length_bound(op, av) -> int | None:
    """N for a look-ahead (?=.{0,N}$) (a line of at most N characters), else None."""
    if op is not sre.ASSERT or av[0] != 1 or len(av[1]) != 2:
        return None
    (rep, (low, high, item)), end = av[1][0], av[1][1]
    plain = rep is sre.MAX_REPEAT and low == 0 and list(item) == [(sre.ANY, None)]
    return high if plain and end == (sre.AT, sre.AT_END) and high != sre.MAXREPEAT else None


def _simple_look(av) -> bool:
    """Whether a look-ahead is .* then one character (as (?!.*["]) or (?=.*\\d)): one scan."""
    if av[0] != 1 or len(av[1]) != 2:
        return False
    (rep, (low, _, item)), (op, _) = av[1][0], av[1][1]
    return (rep is sre.MAX_REPEAT and low == 0 and list(item) == [(sre.ANY, None)]
            and op in (sre.LITERAL, sre.IN, sre.CATEGORY, sre.NOT_LITERAL))


def _whole_line_steps(tree, flags: int) -> tuple | None:
    """A whole-line pattern ^(?=A)(?!B)REST cut into its length bound N (from (?=.{0,N}$)), its
    length look-aheads compiled (for a text with a newline), its simple look-aheads, then REST
    and its other look-aheads, each compiled from the pattern's own tree; None if it has no
    costly leading look-ahead (the pattern itself then tries the cheap ones first) or refers
    back to a group."""
    items = list(tree.data)
    while items and items[0] in ((sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_STRING)):
        items.pop(0)
    looks = []
    while items and items[0][0] in (sre.ASSERT, sre.ASSERT_NOT) and items[0][1][0] == 1:
        looks.append(items.pop(0))
    costly = [item for item in looks if _length_bound(*item) is None and not _simple_look(item[1])]
    if not costly or "GROUPREF" in str(tree.data):
        return None
    bounds = [(item, _length_bound(*item)) for item in looks]
    lengths = [item for item, bound in bounds if bound is not None]
    others = [item for item, bound in bounds if bound is None]
    part = partial(_compile_items, tree.state, flags=flags)
    return (min((bound for _, bound in bounds if bound is not None), default=None),
            [part([item]).match for item in lengths],
            [part([item]).match for item in others if _simple_look(item[1])]
            + [part(items).fullmatch]
            + [part([item]).match for item in costly])


def _compile_items(state, items: list, flags: int) -> re.Pattern:
    """A pattern compiled from items of another pattern's syntax tree (its groups kept)."""
    return sre_compile.compile(sre_parse.SubPattern(state, items), flags)


@cache
def _fast_test(pattern: re.Pattern, whole: bool) -> tuple[tuple[str, ...] | None, Callable]:
    """(needs, run): a line matches the pattern in full (whole) or anywhere exactly when it is
    not ASCII or its lower case holds one of `needs` (if any), and run(line) is truthy."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        needs = _prefilter(tree, search=not whole)
        steps = _whole_line_steps(tree, pattern.flags) if whole else None
    except Exception:  # noqa: BLE001 - a pattern beyond this reading is tried as it is
        needs = steps = None
    if steps is None:
        return needs, pattern.fullmatch if whole else pattern.search
    bound, lengths, checks = steps

    def run(text: str) -> bool:
        """The pattern's look-aheads and the rest of it, cheapest first."""
        if "\n" in text:  # "." and "$" treat a newline apart: the length look-aheads decide
            return all(check(text) is not None for check in lengths + checks)
        if bound is not None and len(text) > bound:
            return False
        return all(check(text) is not None for check in checks)

    return needs, run


_ASCII = tuple(map(chr, range(128)))


def _first_chars(items, state, flags: int) -> tuple[frozenset[str] | None, bool]:
    """The ASCII characters a match of a run of items can start with (None: any, unknown) and
    whether the run can match the empty string; each character item is tried on all 128."""
    chars: set[str] = set()
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
            one = _compile_items(state, [(op, av)], flags).fullmatch
            found, empty = {c for c in _ASCII if one(c)}, False
        elif op is sre.BRANCH:
            options = [_first_chars(branch, state, flags) for branch in av[1]]
            if any(found is None for found, _ in options):
                return None, True
            found, empty = set().union(*(f for f, _ in options)), any(e for _, e in options)
        elif op in _REPEATS:
            found, empty = _first_chars(av[2], state, flags)
            empty = empty or av[0] == 0
        elif op is sre.SUBPATTERN:  # flags it turns on apply inside (turned off: a superset)
            found, empty = _first_chars(av[3], state, flags | av[1])
        elif op is sre.ATOMIC_GROUP:
            found, empty = _first_chars(av, state, flags)
        else:
            return None, True
        if found is None:
            return None, True
        chars |= found
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


@cache
def _by_first_char(patterns: tuple[re.Pattern, ...]) -> dict[str, tuple[int, ...]]:
    """For each ASCII character, which of the whole-line patterns a line starting with it may
    match (by position); a line starting otherwise, or empty, may match any."""
    firsts = []
    for pattern in patterns:
        try:
            tree = sre_parse.parse(pattern.pattern, pattern.flags)
            firsts.append(_first_chars(tree.data, tree.state, pattern.flags)[0])
        except Exception:  # noqa: BLE001 - a pattern beyond this reading may match any line
            firsts.append(None)
    return {c: tuple(i for i, first in enumerate(firsts) if first is None or c in first)
            for c in _ASCII}


def _may_hold(needs: tuple[str, ...] | None, lower: str | None) -> bool:
    """Whether a line (`lower`: its lower case if ASCII, else None) may match a rule's pattern."""
    return not needs or lower is None or any(s in lower for s in needs)


def _lower_ascii(text: str) -> str | None:
    """The lower case of an ASCII text (what rule prefilters read), else None."""
    return text.lower() if text.isascii() else None


_NULLABLE = {"int64": "Int64", "bool": "boolean", "string": "string"}


def _per_text(texts: pd.Series, fn, dtype: str) -> pd.Series:
    """fn(text) for each distinct text (a repeated line is read once), in a plain loop (pandas'
    str methods cost more a row); <NA> stays <NA>, in the nullable form of `dtype` then."""
    missing = texts.isna().to_numpy()
    values = texts.to_numpy(dtype=object)
    if missing.any():
        values, dtype = np.where(missing, "", values), _NULLABLE[dtype]
    found = {text: fn(text) for text in dict.fromkeys(values)}
    result = pd.Series([found[text] for text in values], index=texts.index, dtype=dtype)
    return result.mask(missing) if missing.any() else result


def _n_tokens(texts: pd.Series) -> pd.Series:
    """Whitespace-separated tokens of each line (the unit of the length bounds here)."""
    return _per_text(texts, lambda t: len(t.split()), "int64")  # str.split: the \s of re


def _contains(texts: pd.Series, pattern: str | re.Pattern) -> pd.Series:
    """Whether the pattern occurs in each text (as Series.str.contains)."""
    search = re.compile(pattern).search
    return _per_text(texts, lambda t: search(t) is not None, "bool")


def _starts_with(texts: pd.Series, pattern: str | re.Pattern) -> pd.Series:
    """Whether each text starts with the pattern (as Series.str.match)."""
    match = re.compile(pattern).match
    return _per_text(texts, lambda t: match(t) is not None, "bool")


_NOT_KEY = re.compile(r"[\W_]+")
# The same for an ASCII text, by a translation table (several times faster than the regex).
_NOT_KEY_ASCII = {i: None for i in range(128) if not chr(i).isalnum()}


def _key(text: str) -> str:
    """A text's lower-case letters and digits only."""
    lower = text.lower()
    return lower.translate(_NOT_KEY_ASCII) if lower.isascii() else _NOT_KEY.sub("", lower)


def text_key(texts: pd.Series) -> pd.Series:
    """Lower-case letters and digits only, for matching a line against a title or another line."""
    return _per_text(texts, _key, "string").astype(texts.dtype)


def split_lines(docs: pd.DataFrame) -> pd.DataFrame:
    """One row a raw line: doc_id, line (1-based), block (blank-line separated), text, position.

    `text_id` numbers the distinct raw texts (docs' own text_id if given, as when docs is a part
    of the corpus), so identical files count once as repeats; `key` is the line's text_key,
    computed once for every rule that compares lines.
    """
    text_id = docs["text_id"] if "text_id" in docs else pd.factorize(docs["raw_text"])[0]
    lines = docs[["doc_id", "raw_text"]].assign(text=docs["raw_text"].str.split("\n"),
                                                text_id=text_id)
    lines = lines.drop(columns="raw_text").explode("text", ignore_index=True)
    lines["line"] = lines.groupby("doc_id").cumcount() + 1
    length = lines["text"].str.len() + 1
    by_doc = length.groupby(lines["doc_id"])
    lines["position"] = (by_doc.cumsum() - length) / by_doc.transform("sum")
    lines["text"] = lines["text"].str.strip().astype("string")
    lines["key"] = text_key(lines["text"])
    lines["block"] = (lines["text"] == "").astype(int).groupby(lines["doc_id"]).cumsum()
    lines["reason"] = pd.Series(pd.NA, index=lines.index, dtype="string")
    return lines[["doc_id", "text_id", "line", "block", "text", "key", "position", "reason"]]


def _first_match(texts: pd.Series, rules: tuple[Rule, ...]) -> pd.Series:
    """The reason of the first rule whose pattern matches each text in full, else <NA>."""
    tests = [(rule.reason, *_fast_test(rule.pattern, True)) for rule in rules]
    gates = {c: [tests[i] for i in picked]
             for c, picked in _by_first_char(tuple(rule.pattern for rule in rules)).items()}

    def reason(text: str) -> str | None:
        lower = False  # lower-cased once, when a prefilter asks
        for why, needs, run in gates.get(text[:1], tests):
            if needs:
                lower = _lower_ascii(text) if lower is False else lower
                if not _may_hold(needs, lower):
                    continue
            if run(text):
                return why
        return None

    return _per_text(texts, reason, "string")


def _any_rule(texts: pd.Series, rules: tuple[Rule, ...]) -> pd.Series:
    """Whether any of the rules' patterns occurs in each text."""
    tests = [_fast_test(rule.pattern, False) for rule in rules]

    def found(text: str) -> bool:
        lower = _lower_ascii(text)
        return any(_may_hold(needs, lower) and run(text) for needs, run in tests)

    return _per_text(texts, found, "bool")


def _is_headline_like(texts: pd.Series) -> pd.Series:
    """Short lines without a closing full stop, or teasers cut off with an ellipsis."""
    words = _n_tokens(texts)
    short = (words <= HEADLINE_MAX_WORDS) & ~_contains(texts, _SENTENCE_END)
    return short | _contains(texts, _ELLIPSIS_END)


def _neighbours(lines: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The previous and next non-empty line of each non-empty line in its document (else <NA>)."""
    filled = lines.loc[lines["text"] != "", ["doc_id", "text"]]
    by_doc = filled.groupby("doc_id")["text"]
    return by_doc.shift(1), by_doc.shift(-1)


def _is_prose(texts: pd.Series) -> pd.Series:
    """Lines of running prose: longer than a caption, not headline-like."""
    return (_n_tokens(texts) > FRAGMENT_MAX_WORDS) & ~_is_headline_like(texts)


def _section_head(lines: pd.DataFrame) -> pd.Series:
    """A short line in capitals with a sentence of five or more words after it: a digest's
    "BEFORE YOU GO." or "ON THE BLOG." over its next items."""
    head = (lines["text"] != "") & _per_text(lines["text"], str.isupper, "bool")
    head &= _n_tokens(lines["text"]) <= LABEL_MAX_WORDS
    if not head.any():
        return head
    after = _neighbours(lines)[1].reindex(head[head].index).fillna("")
    sentence = ~_is_headline_like(after) & (_n_tokens(after) >= FRAGMENT_MIN_WORDS)
    head[head[head].index] = sentence.to_numpy()
    return head


def _is_label(lines: pd.DataFrame) -> pd.Series:
    """Short "Label:" or "Label: value" lines standing between two paragraphs of prose.

    ("FULL TEXT." or "X." left where an embed was are furniture, not labels.)
    """
    label = pd.Series(False, index=lines.index)
    short = (lines["text"] != "") & _starts_with(lines["text"], r"\w[^:]{0,30}:(?:\s|$)")
    short &= _n_tokens(lines["text"]) <= LABEL_MAX_WORDS
    if short.any():
        before, after = (side.reindex(short[short].index).fillna("") for side in _neighbours(lines))
        label[short[short].index] = (_is_prose(before) & _is_prose(after)).to_numpy()
    return label


def mark_line_rules(lines: pd.DataFrame, rules: Rules) -> None:
    """Mark lines that are boilerplate on their own (ads, datelines, bylines, residue)."""
    open_ = (
        lines["reason"].isna() & (lines["text"] != "")
        & (lines["text"].str.len() <= LINE_RULE_MAX_CHARS)
    )
    lines.loc[open_, "reason"] = _first_match(
        lines.loc[open_, "text"], rules.line + rules.list + rules.tail
    )


# Speech in quotation marks: a quoted span of five or more words, or a quotation left open (it
# runs on into the next paragraph). A quoted name or slogan ("United We Stand") is not speech.
_SPEECH = re.compile(
    "[\"\u201c\u00ab](?:[^\"\u201d\u00bb\\s]+\\s+){4,}[^\"\u201d\u00bb]*[\"\u201d\u00bb]"
    "|^[^\"\u201c\u201d\u00ab\u00bb]*[\"\u201c\u00ab][^\"\u201d\u00bb]*$"
)


def mark_promo_cues(lines: pd.DataFrame, rules: Rules) -> None:
    """Mark lines without quoted speech that show PROMO_MIN_CUES different promo cues."""
    open_ = (
        lines["reason"].isna() & (lines["text"] != "")
        & (lines["text"].str.len() <= LINE_RULE_MAX_CHARS)
    )
    if not rules.cue:
        return
    open_[open_] = _any_rule(lines.loc[open_, "text"], rules.cue)  # most lines show no cue
    texts = lines.loc[open_, "text"]
    cues = sum(_any_rule(texts, (rule,)).astype(int) for rule in rules.cue)
    many = cues[cues >= PROMO_MIN_CUES].index
    hit = many[~_contains(texts[many], _SPEECH)]
    lines.loc[hit, "reason"] = "promo insert (cues)"


def _distinct_docs(lines: pd.DataFrame, candidate: pd.Series, *by: pd.Series) -> pd.Series:
    """For each candidate line: in how many distinct document texts the same line occurs."""
    frame = pd.DataFrame({"key": lines["key"], "text_id": lines["text_id"]})
    groups = [series[candidate] for series in by] + [frame["key"][candidate]]
    return frame[candidate].groupby(groups)["text_id"].transform("nunique")


def mark_outlet_repeats(lines: pd.DataFrame, outlets: pd.Series) -> None:
    """Mark lines that recur across many distinct documents of one outlet (site furniture).

    A short label between two prose paragraphs ("Verdict: False") is the outlet's format, kept.
    """
    outlet = lines["doc_id"].map(outlets).fillna("unknown")
    candidate = lines["reason"].isna() & (lines["key"] != "") & ~_is_label(lines)
    docs_with_line = _distinct_docs(lines, candidate, outlet)
    docs_in_outlet = lines["text_id"].groupby(outlet).transform("nunique")
    repeated = (docs_with_line >= REPEAT_MIN_DOCS) & (
        docs_with_line >= REPEAT_MIN_SHARE * docs_in_outlet[candidate]
    )
    hit = repeated[repeated].index
    lines.loc[hit, "reason"] = (
        "repeated across " + docs_with_line[hit].astype(str) + " documents of " + outlet[hit]
    )


def mark_corpus_repeats(lines: pd.DataFrame) -> None:
    """Mark short unquoted lines that recur in several distinct documents of the corpus."""
    candidate = (
        lines["reason"].isna() & (lines["key"] != "")
        & (_n_tokens(lines["text"]) <= CORPUS_REPEAT_MAX_WORDS)
        & ~_contains(lines["text"], "[\"\u201c\u201d\u00ab\u00bb]")
    )
    candidate &= ~_is_label(lines)
    docs_with_line = _distinct_docs(lines, candidate)
    least = max(REPEAT_MIN_DOCS, math.ceil(CORPUS_REPEAT_MIN_SHARE * lines["text_id"].nunique()))
    hit = docs_with_line[docs_with_line >= least].index
    lines.loc[hit, "reason"] = (
        "repeated across " + docs_with_line[hit].astype(str) + " documents of the corpus"
    )


def mark_tail_zones(lines: pd.DataFrame, rules: Rules) -> None:
    """Extend footer markers: to the end past mid-document, else over the headlines after them.

    A [[list]] opener takes only the headlines after it, wherever it stands.
    """
    tail_reasons = {rule.reason for rule in rules.tail}
    marker = lines["reason"].isin(tail_reasons)
    opener = marker | lines["reason"].isin({rule.reason for rule in rules.list})
    zone_reason = lines["reason"].where(opener)
    late = marker & (lines["position"] >= TAIL_START)
    # A zone runs to the end, or to a section head after which the article goes on.
    events = late.astype(float).where(late | _section_head(lines))
    in_late_zone = events.groupby(lines["doc_id"]).ffill().fillna(0).astype(bool)
    filled = zone_reason.where(marker).groupby(lines["doc_id"]).ffill()
    fill = in_late_zone & lines["reason"].isna()
    lines.loc[fill, "reason"] = filled[fill] + " (footer zone)"
    # Early markers: only the headline-like lines that directly follow (blank lines allowed).
    headline = _is_headline_like(lines["text"]) | (lines["text"] == "")
    run_break = opener | ~headline | lines["reason"].notna() & ~opener
    run_id = run_break.astype(int).groupby(lines["doc_id"]).cumsum()
    run_reason = zone_reason.groupby([lines["doc_id"], run_id]).transform("first")
    fill = lines["reason"].isna() & run_reason.notna() & (lines["text"] != "")
    lines.loc[fill, "reason"] = run_reason[fill] + " (list after marker)"


# A name in title case of one to four words: a column's or section's name ending in a full stop
# ("Economic Scene.", "News Analysis.", "Letter from America.", "DealBook."; "The party of Bush.",
# a dek, is not one), or a section's kicker before a headline ("Letters to the Editor: ",
# "Opinion: ", "FACT CHECK: "; "The minister said: " is not one).
_TITLE_CASE_NAME = (r"[A-Z][\w\u2019'&-]*"
                    r"(?: (?:[A-Z][\w\u2019'&-]*|of|on|from|in|the|and|at|for|to|a|an)){0,3}")
_COLUMN_NAME = re.compile(_TITLE_CASE_NAME + r"\.")
_KICKER = re.compile(_TITLE_CASE_NAME + r":\s+")


def mark_titles(lines: pd.DataFrame, titles: pd.Series) -> pd.Series:
    """Mark the title line and its repeats; return the title (given or first line) of each
    document with a line left, by doc_id."""
    open_ = lines["reason"].isna() & (lines["text"] != "")
    first = lines[open_].groupby("doc_id")["text"].first()
    given = titles.reindex(first.index).astype("string")
    words = _n_tokens(first)
    derived = first.where(given.isna() & (words <= 30) & ~_contains(first, r"\.$"))
    title = given.fillna(derived)
    title_key = text_key(lines["doc_id"].map(title).astype("string")).fillna("")
    key = lines["key"]
    first_line = lines.index.isin(lines[open_].groupby("doc_id").head(1).index)
    is_title = open_ & first_line & (key == title_key) & (key != "")
    lines.loc[is_title, "reason"] = "title (kept as the document title)"
    open_ = lines["reason"].isna() & (lines["text"] != "")
    contained = np.array(
        [len(k) >= 12 and k in t for k, t in zip(key.to_numpy(dtype=object),
                                                 title_key.to_numpy(dtype=object), strict=True)],
        dtype=bool,
    )
    # The title again, of five words or more, after a section's kicker ("Opinion: <title>").
    kicked = (open_ & (title_key != "") & (_n_tokens(lines["text"]) > FRAGMENT_MIN_WORDS)
              & _starts_with(lines["text"], _KICKER))
    kicked[kicked] = text_key(lines.loc[kicked, "text"].str.replace(_KICKER, "", n=1, regex=True)
                              ) == title_key[kicked]
    # A part of the title that reads like a headline, or the whole title again ("... World?").
    repeat = open_ & (contained & (_is_headline_like(lines["text"]) | (key == title_key)) | kicked)
    lines.loc[repeat, "reason"] = "repeated title"
    mark_column_names(lines, is_title)
    return title


def mark_column_names(lines: pd.DataFrame, is_title: pd.Series) -> None:
    """Mark a column's name on the line right under the title (no blank line between)."""
    after_title = is_title.groupby(lines["doc_id"]).shift(1, fill_value=False).astype(bool)
    candidate = after_title & lines["reason"].isna() & (lines["text"] != "")
    if candidate.any():
        named = _per_text(lines.loc[candidate, "text"],
                          lambda t: _COLUMN_NAME.fullmatch(t) is not None, "bool")
        lines.loc[named[named].index, "reason"] = "column name under the title"


_SIGNATURE = re.compile(r"\(@\w{1,15}\)\s+[a-z]+\.?\s+\d{1,2},\s+\d{4}$", re.IGNORECASE)
_SIGNATURE_START = re.compile(r"[-\u2014\u2013]\s*[^()\u2014\u2013]{1,80}\(@\w{1,15}\)", re.IGNORECASE)
_URL = re.compile(r"\S*(?:https?://|pic\.twitter\.com/)\S*")
EMBED = "social media embed"
# What marks a line as a post's text: a handle, a hashtag, a link or an emoji.
_POST_MARK = re.compile(r"(?<!\w)[@#]\w|https?://|\bpic\.twitter\.com/|[\u2600-\u27bf\U0001f000-\U0001faff]")


def _embed_text_length(text: str) -> int:
    """Characters of a post's own text on an embed line (without links and signature)."""
    if _SIGNATURE.search(text):
        start = _SIGNATURE_START.search(text)
        text = text[: start.start()] if start else ""
    return len(_URL.sub("", text).strip())


def _embed_body(texts: list[str], reasons: list, anchor: int) -> list[int]:
    """The open lines just above an embed line that fit in one post with it (nearest first).

    Lines up to the writer's lead-in ("He wrote:") all go; without a lead-in only the nearest
    lines that look like a post (a handle, hashtag, link or emoji), since a short article
    paragraph may stand above a post (a line the article quotes is a post's too), unless another
    post's signature stands right above them
    and no embed line of this post carries its text (between two posts only its text stands).
    The document's first open line is its lead, never a post's text; a signature that carries
    the post's text itself ("Facts matter.— Name (@handle) May 1, 2023") takes nothing above.
    """
    if _SIGNATURE.search(texts[anchor]) and _embed_text_length(texts[anchor]):
        return []
    carried = _embed_text_length(texts[anchor])  # the post's text on its embed lines
    first_open = reasons.index(None) if None in reasons else len(reasons)
    body, used = [], 0
    for j in range(anchor - 1, first_open, -1):
        text, reason = texts[j], reasons[j]
        if reason == EMBED and not _SIGNATURE.search(text):  # the post's own picture-link line
            carried += _embed_text_length(text)
            continue
        if text.endswith(":") and reason is None:
            return body
        if reason == EMBED and not carried:  # the post before this one: all between is this post
            return body
        if (reason is not None or used + len(text) > EMBED_MAX_CHARS - carried
                or any(q in text for q in "\"\u201c\u201d")):
            break
        used += len(text)
        body.append(j)
    post_like = [bool(_POST_MARK.search(texts[j])) or _quoted_elsewhere(texts, j) for j in body]
    return body[: post_like.index(False)] if False in post_like else body


def _quoted_elsewhere(texts: list[str], j: int) -> bool:
    """Whether line j's words, eight or more, run inside another line (the article quotes it)."""
    words = _words(texts[j])
    return len(words) >= 8 and bool(_repeated_inside([_words(t) for t in texts], {j: words}))


def mark_embed_bodies(lines: pd.DataFrame) -> None:
    """Mark the text of an embedded post above its signature or picture link (tweet text)."""
    filled = lines[lines["text"] != ""]
    docs = filled.loc[filled["reason"] == EMBED, "doc_id"].unique()
    body = []
    for _, doc in filled[filled["doc_id"].isin(docs)].groupby("doc_id", sort=False):
        texts = doc["text"].tolist()
        reasons = [None if pd.isna(r) else r for r in doc["reason"]]
        for anchor in (i for i, r in enumerate(reasons) if r == EMBED):
            body += [doc.index[j] for j in _embed_body(texts, reasons, anchor)]
    lines.loc[body, "reason"] = EMBED + " (post text)"


def _closing_rule_reasons(opens: pd.DataFrame, rules: tuple[Rule, ...]) -> pd.Series:
    """The rule reason of each document's open lines from its last one back to the first that
    matches no rule (inclusive); earlier lines are never in the closing run, so not tried (<NA>)."""
    from_end = opens.groupby("doc_id", sort=False).cumcount(ascending=False).to_numpy()
    reasons = pd.Series(pd.NA, index=opens.index, dtype="string")
    tried = from_end == 0
    for back in range(1, len(opens) + 1):
        if not tried.any():
            break
        found = _first_match(opens.loc[tried, "text"], rules)
        reasons[found.index] = found
        matched = opens["doc_id"].isin(opens.loc[found[found.notna()].index, "doc_id"])
        tried = (from_end == back) & matched.to_numpy()
    return reasons


def mark_closing_lines(lines: pd.DataFrame, rules: Rules) -> None:
    """Mark [[end]] rule lines (author bios) among a document's closing lines.

    The closing run is the longest tail of a document's lines that are removed already or match
    an [[end]] rule: what follows the last article paragraph. It starts past mid-document and
    never takes a document's every kept line. (A run of short unpunctuated lines at the end is
    not enough: clean articles end with draws, rankings and award lists.)
    """
    filled = lines[lines["text"] != ""]
    open_ = filled["reason"].isna()
    end_reason = _closing_rule_reasons(filled[open_], rules.end).reindex(filled.index)
    settled = (~open_ | end_reason.notna()).astype(int)
    closing = settled[::-1].groupby(filled["doc_id"][::-1]).cummin()[::-1].astype(bool)
    has_body = (open_ & ~closing).groupby(filled["doc_id"]).transform("any")
    hit = closing & end_reason.notna() & has_body & (filled["position"] >= TAIL_START)
    lines.loc[hit[hit].index, "reason"] = end_reason[hit] + " (closing lines)"


def mark_joined_repeats(lines: pd.DataFrame) -> None:
    """Mark a line that repeats the next few paragraphs joined (a scraped lead or summary copy)."""
    filled = lines[(lines["text"] != "") & lines["reason"].isna()]
    key = filled["key"].fillna("")
    by_doc = key.groupby(filled["doc_id"])
    joined = pd.Series("", index=filled.index, dtype="string")
    found = pd.Series(False, index=filled.index)
    for k in range(1, JOINED_MAX_LINES + 1):
        joined = joined + by_doc.shift(-k).fillna("").astype("string")
        if k >= 2:
            found |= (key == joined) & (key.str.len() >= 12)
    lines.loc[found[found].index, "reason"] = "repeated paragraphs (joined copy)"


def mark_repeated_lead(lines: pd.DataFrame) -> None:
    """Mark a later copy of a document's lead (its first kept paragraph), word for word.

    Scrapers take a page's standfirst or summary box twice. Other repeated paragraphs stay: a
    live blog repeats its standing lines ("It takes 1,237 delegates to win.") on purpose.
    """
    filled = lines[(lines["text"] != "") & lines["reason"].isna()]
    lead_key = filled.groupby("doc_id")["key"].transform("first")
    long_ = _n_tokens(filled["text"]) >= REPEAT_PARAGRAPH_MIN_WORDS
    again = long_ & (filled["key"] == lead_key) & filled.duplicated(["doc_id", "key"])
    lines.loc[again[again].index, "reason"] = "repeated lead paragraph"


_TITLE_REASONS = ("title (kept as the document title)", "repeated title")


def mark_reader_threads(lines: pd.DataFrame, rules: Rules) -> None:
    """Mark the closing lines after a removed line when they read as a reader comment thread.

    Each removed line (not a title) after some article prose is a candidate start; the lines left
    open after it, to the document's end, are a thread when at least THREAD_MIN_LINES remain and
    THREAD_MIN_SHARE of them show a [[thread]] sign. The candidate whose lines show the most signs
    wins (the earliest on a tie), so article paragraphs between two removed lines stay.
    """
    filled = lines[lines["text"] != ""]
    removed = filled["reason"].notna() & ~filled["reason"].isin(_TITLE_REASONS)
    if not rules.thread or not removed.any():
        return
    filled = filled[filled["doc_id"].isin(filled.loc[removed, "doc_id"])]
    open_ = filled["reason"].isna()
    body_before = (open_ & _is_prose(filled["text"])).groupby(filled["doc_id"]).cummax()
    anchor = removed[filled.index] & body_before.groupby(filled["doc_id"]).shift(
        1, fill_value=False).astype(bool)
    sign = open_ & _any_rule(filled["text"], rules.thread)
    by_doc = filled["doc_id"]
    after_open = open_[::-1].astype(int).groupby(by_doc[::-1]).cumsum()[::-1] - open_.astype(int)
    after_sign = sign[::-1].astype(int).groupby(by_doc[::-1]).cumsum()[::-1] - sign.astype(int)
    share = (after_sign / after_open.where(after_open > 0)).fillna(0.0)
    thread_like = anchor & (after_open >= THREAD_MIN_LINES) & (share >= THREAD_MIN_SHARE)
    if not thread_like.any():
        return
    start = share[thread_like].groupby(by_doc[thread_like]).idxmax()
    order = pd.Series(np.arange(len(filled)), index=filled.index)
    start_at = pd.Series(order[start.to_numpy()].to_numpy(), index=start.index)
    hit = open_ & (order > by_doc.map(start_at).fillna(np.inf))
    lines.loc[hit[hit].index, "reason"] = "reader comment thread"


def mark_signoff(lines: pd.DataFrame, rules: Rules) -> None:
    """Mark a [[signoff]] line (the writer's name) that ends a document right after prose."""
    filled = lines[(lines["text"] != "") & lines["reason"].isna()]
    if not rules.signoff or filled.empty:
        return
    by_doc = filled.groupby("doc_id")["text"]
    last = by_doc.tail(1)
    reason = _first_match(last, rules.signoff)
    second_last = by_doc.nth(-2)
    before = second_last.set_axis(second_last.index.map(filled["doc_id"])).astype("string")
    after_prose = _is_prose(filled.loc[last.index, "doc_id"].map(before).astype("string").fillna(""))
    hit = reason.notna() & after_prose
    lines.loc[hit[hit].index, "reason"] = reason[hit] + " (last line)"


# A line that is only a signature: a name of two to four capitalised words ("Ken Kenjo.",
# "- Richard Hays Powell.") or a @handle; and the town that may follow it ("Gainesville, Fla.",
# "New York.").
_SIGNATURE_LINE = re.compile(
    r"(?:[-\u2013\u2014]\s*)?(?:[A-Z][\w\u2019'.-]+(?:\s+[A-Z][\w\u2019'.-]*){1,3}|@\w{1,30})\.?")
_TOWN_LINE = re.compile(r"[A-Z][\w.\u2019' -]{1,40},\s*[A-Z][\w.\u2019' -]{1,25}\.?")
# A town without its state ("New York."): one to three capitalised words, only right after a signature.
_PLACE_LINE = re.compile(r"[A-Z][\w.\u2019'-]+(?:\s+[A-Z][\w.\u2019'-]+){0,2}\.?")
_SENTENCE = re.compile(r"\S+(?:\s+\S+){3,}[.!?\"\u201d]")  # four or more words, then its end
SIGNATURES_MIN = 3  # signed letters or posts a page needs before its signatures are furniture
SIGNATURE = "signature under a reader's letter or post"


def _signature_lines(texts: list[str], reasons: list) -> list[int]:
    """Positions of the signatures (and towns after them) of a page of signed letters: at least
    SIGNATURES_MIN name or handle lines each right after a paragraph of prose, the last at the
    page's end (a list of names as subheads goes on with prose after its last name); then every
    name or handle line right after a sentence."""
    names = [i for i in range(1, len(texts)) if _SIGNATURE_LINE.fullmatch(texts[i])]
    prose = _is_prose(pd.Series([texts[i - 1] for i in names], dtype="string")).tolist()
    if sum(prose) < SIGNATURES_MIN:
        return []
    # on such a page a short post signs too ("Trump is divisive and Clinton is inclusive.")
    signed = [i for i, long in zip(names, prose, strict=True)
              if long or _SENTENCE.fullmatch(texts[i - 1])]
    towns = [i + 1 for i in signed if i + 1 < len(texts)
             and (_TOWN_LINE.fullmatch(texts[i + 1]) or _PLACE_LINE.fullmatch(texts[i + 1]))]
    if max(signed + towns) != len(texts) - 1 and not _SIGNATURE_LINE.fullmatch(texts[-1]):
        return []
    return [i for i in sorted(signed + towns) if pd.isna(reasons[i])]


def _letter_signature(texts: list[str], reasons: list) -> list[int]:
    """Positions of a single letter's signature: a name and the writer's town with its state or
    country after a comma ("Jane Q. Public." then "Gainesville, Fla."), the document's last two
    lines, right after a paragraph of prose or a sentence of four or more words. (A name alone
    closing a page is a sign-off, see [[signoff]]; a town without a comma after one name proves
    nothing.)"""
    if len(texts) < 3 or not (_SIGNATURE_LINE.fullmatch(texts[-2]) and _TOWN_LINE.fullmatch(texts[-1])):
        return []
    if not (_SENTENCE.fullmatch(texts[-3]) or _is_prose(pd.Series([texts[-3]], dtype="string")).iloc[0]):
        return []
    return [i for i in (len(texts) - 2, len(texts) - 1) if pd.isna(reasons[i])]


def mark_signatures(lines: pd.DataFrame) -> None:
    """Mark the signatures under readers' letters or posts on a page that prints them one by one,
    and the signature (name and town) closing a single reader's letter."""
    filled = lines[lines["text"] != ""]
    candidate = filled["text"].str.fullmatch(_SIGNATURE_LINE)
    many = candidate.groupby(filled["doc_id"]).transform("sum") >= SIGNATURES_MIN
    for _, doc in filled[many].groupby("doc_id", sort=False):
        hits = _signature_lines(doc["text"].tolist(), doc["reason"].tolist())
        lines.loc[doc.index[hits], "reason"] = SIGNATURE
    by_doc = filled[~many].groupby("doc_id", sort=False)["text"]
    town_last = by_doc.transform("last").str.fullmatch(_TOWN_LINE).astype(bool)
    for _, doc in filled[~many & town_last].groupby("doc_id", sort=False):
        hits = _letter_signature(doc["text"].tolist(), doc["reason"].tolist())
        lines.loc[doc.index[hits], "reason"] = SIGNATURE


def _words(text: str) -> tuple[str, ...]:
    """The lower-case words of a line, for matching one line inside another."""
    return tuple(_WORD.findall(text.lower()))


def _repeated_inside(lines: list[tuple[str, ...]], fragments: dict[int, tuple[str, ...]]) -> set[int]:
    """Which fragments (position -> words) occur as a run of words inside a longer line.

    Linear in the words of the document: each line is scanned once, at the positions where a
    fragment could start, for each fragment length.
    """
    by_length: dict[int, dict[tuple[str, ...], list[int]]] = {}
    for i, words in fragments.items():
        by_length.setdefault(len(words), {}).setdefault(words, []).append(i)
    firsts = {words[0] for words in fragments.values()}
    found: set[int] = set()
    for j, words in enumerate(lines):
        for start in (p for p, w in enumerate(words) if w in firsts):
            for length, wanted in by_length.items():
                owners = wanted.get(words[start:start + length])
                if owners and len(words) > length:  # inside a longer line, not a copy of it
                    found.update(i for i in owners if i != j)
    return found


def mark_repeated_fragments(lines: pd.DataFrame) -> None:
    """Mark short lines (captions, pull quotes) repeated inside another line of the document."""
    open_ = lines["reason"].isna() & (lines["text"] != "")
    n_words = _n_tokens(lines["text"])
    short = (
        open_ & n_words.between(FRAGMENT_MIN_WORDS, FRAGMENT_MAX_WORDS)
        & ~_contains(lines["text"], _SENTENCE_END)
        & ~_starts_with(lines["text"], r"[-*\u2022\u2013]\s")  # a list item is structure
        & (lines["key"].str.len() >= 12)
    )
    scope = open_ & lines["doc_id"].isin(lines.loc[short, "doc_id"])
    repeated = []
    for _, doc in lines.loc[scope, ["text"]].assign(short=short[scope]).groupby(
            lines.loc[scope, "doc_id"], sort=False):
        words = [_words(t) for t in doc["text"]]
        fragments = {p: words[p] for p in np.flatnonzero(doc["short"].to_numpy()) if words[p]}
        repeated += [doc.index[p] for p in sorted(_repeated_inside(words, fragments))]
    lines.loc[repeated, "reason"] = "repeated fragment (caption or pull quote)"


_OPENS_QUOTE = re.compile("[\"\u201c]")
# A pull quote's speaker: a few words closing the quote ('Donald Trump."', "Committee member.\u201d").
_CARD_SPEAKER = re.compile("[A-Z][^\"\u201c\u201d]{0,80}[\"\u201d]\\.?")
_QUOTE_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
PULL_QUOTE_MAX_SPEAKER_WORDS = 8
PULL_QUOTE_MIN_WORDS = 3  # a sentence shorter than this proves nothing
# A line that is one quoted sentence from its first character to its last (a subhead quoting a
# phrase, '"DIVISIVE, STUPID AND WRONG"', has no closing mark of a sentence).
_WHOLE_QUOTE = re.compile("[\"\u201c][^\"\u201c\u201d]+[.!?][\"\u201d]")


def _sentences_repeated(quote: str, others: list[tuple[str, ...]]) -> bool:
    """Whether every sentence of a quote (of PULL_QUOTE_MIN_WORDS words or more; at least one)
    occurs as a run of words inside one of the other lines."""
    pieces = [_words(p) for p in _QUOTE_SENTENCE.findall(quote)]
    pieces = [p for p in pieces if len(p) >= PULL_QUOTE_MIN_WORDS]
    if not pieces:
        return False

    def inside(piece: tuple[str, ...], words: tuple[str, ...]) -> bool:
        return any(words[k:k + len(piece)] == piece for k in range(len(words) - len(piece) + 1))

    return all(any(inside(piece, words) for words in others) for piece in pieces)


def mark_pull_quotes(lines: pd.DataFrame) -> None:
    """Mark a pull-quote card: a quotation opening a line, its speaker's name closing the quote on
    the next line of the same paragraph, every sentence of it said in another line of the document
    (the card repeats the story's quote; a quote the story gives only once stays).

    A card without a speaker is a line that is one quoted sentence or more from end to end, every
    sentence of it inside a longer line of the document (it repeats a sentence of the story's own;
    a paragraph the story quotes once, or twice word for word, and a quoted subhead stay).
    """
    open_ = lines["reason"].isna() & (lines["text"] != "")
    starts = open_ & _starts_with(lines["text"], _OPENS_QUOTE)
    nxt = lines.groupby("doc_id")[["text", "block", "reason"]].shift(-1)
    speaker = (nxt["text"].fillna("").str.fullmatch(_CARD_SPEAKER).astype(bool) & nxt["reason"].isna()
               & (nxt["block"] == lines["block"])
               & (_n_tokens(nxt["text"].fillna("").astype("string")) <= PULL_QUOTE_MAX_SPEAKER_WORDS))
    candidate = starts & speaker
    whole = starts & ~candidate & lines["text"].str.fullmatch(_WHOLE_QUOTE).fillna(False).astype(bool)
    if not (candidate.any() or whole.any()):
        return
    after = pd.Series(lines.index, index=lines.index).groupby(lines["doc_id"]).shift(-1)
    hits, alone = [], []
    docs = lines["doc_id"].isin(lines.loc[candidate | whole, "doc_id"].unique()) & (lines["text"] != "")
    for _, doc in lines[docs].groupby("doc_id", sort=False):  # one pass, not a scan per document
        words = {i: _words(t) for i, t in doc["text"].items()}
        for i in doc.index[candidate[doc.index].to_numpy()]:
            card = (i, int(after[i]))
            others = [w for j, w in words.items() if j not in card]
            if _sentences_repeated(lines.at[i, "text"], others):
                hits += card
        for i in doc.index[whole[doc.index].to_numpy()]:
            longer = [w for j, w in words.items() if len(w) > len(words[i])]
            if _sentences_repeated(lines.at[i, "text"], longer):
                alone.append(i)
    lines.loc[hits, "reason"] = "pull quote (repeated, with its speaker)"
    lines.loc[alone, "reason"] = "pull quote (repeated)"


# A slideshow's counter scraped one part a line ("1.", "of.", "23."), and the gallery's title above
# it in title case ("Declared 2016 Presidential Candidates.", often twice).
_COUNTER_NUMBER = re.compile(r"\d{1,3}\.?")
_COUNTER_OF = re.compile(r"of\.?", re.IGNORECASE)
_GALLERY_TITLE = re.compile(r"[A-Z0-9][\w\u2019'&-]*(?: (?:[A-Z0-9][\w\u2019'&-]*|of|on|from|in|the|and|at|"
                            r"for|to|a|an|with|by|or)){0,11}\.?")
GALLERY_TITLE_MAX_LINES = 2
SLIDESHOW = "slideshow card"


def _slideshow_lines(texts: list[str], blocks: list[int]) -> list[int]:
    """Positions of each slideshow card of a document (its non-empty lines in order): the counter
    ("1." "of." "23.", the first number not above the second), up to GALLERY_TITLE_MAX_LINES
    title-case lines right above it (the gallery's title) and the paragraph right after it (the
    first slide's caption)."""
    found = []
    for i in range(len(texts) - 2):
        first, of, last = texts[i:i + 3]
        if not (_COUNTER_OF.fullmatch(of) and _COUNTER_NUMBER.fullmatch(first)
                and _COUNTER_NUMBER.fullmatch(last) and int(first.rstrip(".")) <= int(last.rstrip("."))):
            continue
        found += [i, i + 1, i + 2]
        above = i - 1
        while above >= 0 and i - above <= GALLERY_TITLE_MAX_LINES and _GALLERY_TITLE.fullmatch(texts[above]):
            found.append(above)
            above -= 1
        after = i + 3
        while after < len(texts) and blocks[after] == blocks[min(i + 3, len(texts) - 1)]:
            found.append(after)
            after += 1
    return sorted(set(found))


def mark_slideshows(lines: pd.DataFrame) -> None:
    """Mark slideshow cards: a gallery's counter, its title and the first slide's caption."""
    filled = lines[lines["text"] != ""]
    docs = filled.loc[filled["text"].str.fullmatch(_COUNTER_OF), "doc_id"].unique()
    for _, doc in filled[filled["doc_id"].isin(docs)].groupby("doc_id", sort=False):
        hits = doc.index[_slideshow_lines(doc["text"].tolist(), doc["block"].tolist())]
        lines.loc[hits[lines.loc[hits, "reason"].isna()], "reason"] = SLIDESHOW


def _inline_span(text: str, rule: Rule) -> tuple[int, int] | None:
    """The span a rule removes from a line, or None."""
    match = rule.pattern.search(text)
    if match is None:
        return None
    start, end = match.span()
    sep = match.groupdict().get("sep")
    if sep:  # a promo list: run to the last separator, then to the end of that sentence
        last_sep = [m.end() for m in re.finditer(rf"\b{re.escape(sep)}\b", text, re.IGNORECASE)]
        stop = _TERMINAL.search(text, last_sep[-1])
        end = stop.end() if stop else len(text)
    return start, end


def strip_inline(lines: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Cut boilerplate spans out of kept lines; return the removed spans."""
    removed = []
    open_ = lines["reason"].isna() & (lines["text"] != "")
    for rule in rules.inline:
        hits = lines.index[open_][_any_rule(lines.loc[open_, "text"], (rule,)).to_numpy()]
        for i in hits:
            text = lines.at[i, "text"]
            while (span := _inline_span(text, rule)) is not None and span[1] > span[0]:
                removed.append(
                    (lines.at[i, "doc_id"], lines.at[i, "line"], text[span[0]:span[1]], rule.reason)
                )
                text = (text[: span[0]].rstrip() + " " + text[span[1]:].lstrip()).strip()
            lines.at[i, "text"] = text
            if not text:
                lines.at[i, "reason"] = rule.reason
    return pd.DataFrame(removed, columns=["doc_id", "line", "text", "reason"])


def _mark_texts_alone(texts: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Distinct line texts (columns text, reason), marked by the rules that read one line at a
    time, with their words counted (column words)."""
    texts = texts.assign(words=count_words(texts["text"]))
    mark_line_rules(texts, rules)
    mark_promo_cues(texts, rules)
    return texts


def _mark_in_documents(lines: pd.DataFrame, titles: pd.Series,
                       rules: Rules) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The rules that read a document's lines together, on the lines of whole documents: the
    lines marked, the spans cut out of them and the documents' titles."""
    lines = lines.copy()
    mark_tail_zones(lines, rules)
    found_titles = mark_titles(lines, titles)
    mark_embed_bodies(lines)
    mark_joined_repeats(lines)
    mark_repeated_lead(lines)
    mark_repeated_fragments(lines)
    mark_pull_quotes(lines)
    mark_slideshows(lines)
    mark_reader_threads(lines, rules)
    mark_closing_lines(lines, rules)
    mark_signoff(lines, rules)
    mark_signatures(lines)
    mark_context(lines)  # structural head/tail furniture, after every rule
    spans = strip_inline(lines, rules)
    return lines, spans, found_titles


def _named(fn, name: str, **kwargs) -> partial:
    """fn with its keyword arguments bound, named for the progress bar."""
    bound = partial(fn, **kwargs)
    bound.__name__ = name
    return bound


def _join_marked(results: list) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """The partitions' lines, spans and titles, joined in order."""
    lines, spans, titles = zip(*results, strict=True)
    spans = [part for part in spans if len(part)] or spans[:1]  # empty parts have no dtypes
    return (pd.concat(lines), pd.concat(spans, ignore_index=True),
            pd.concat(titles).sort_index())  # by doc_id, as one groupby over all lines gives


def clean_lines(
    docs: pd.DataFrame, titles: pd.Series, outlets: pd.Series, rules: Rules | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series, pd.Series]:
    """Classify every line of the documents: kept lines, removed records, titles, and the
    number of words of each document's raw text (by doc_id; no word spans two lines).

    The rules that read one line at a time run once a distinct line text, on partitions of those
    texts; the rules that read a document's lines together run on partitions of whole documents
    (analysis.parallel) when they run in worker processes; the tables are the same however the
    corpus is cut. (In one process the corpus is not cut: all its lines are held for the repeats
    anyway, and each cut costs time.)
    """
    here = in_this_process()
    rules = rules or load_rules()
    docs = docs[["doc_id", "raw_text"]].assign(text_id=pd.factorize(docs["raw_text"])[0])
    lines = split_lines(docs)
    distinct = lines["text"].unique()
    texts = pd.DataFrame({"text": distinct, "reason": pd.array([pd.NA] * len(distinct), "string")})
    texts = run_partitions(  # each distinct line read once, however many documents repeat it
        _named(_mark_texts_alone, "clean lines", rules=rules),
        [texts] if here else partitions(texts, key=None),
        lambda parts: pd.concat(parts, ignore_index=True),
    )
    at = pd.Index(texts["text"]).get_indexer(lines["text"])  # each line's distinct text
    lines["reason"] = texts["reason"].array.take(at)
    raw_words = pd.Series(texts["words"].to_numpy()[at], index=lines.index)
    raw_words = raw_words.groupby(lines["doc_id"], sort=False).sum()
    mark_outlet_repeats(lines, outlets)
    mark_corpus_repeats(lines)
    lines, spans, found_titles = run_partitions(
        _named(_mark_in_documents, "clean documents", titles=titles, rules=rules),
        [lines] if here else partitions(lines), _join_marked,
    )
    found_titles = found_titles.reindex(titles.index.union(found_titles.index))
    whole = lines[lines["reason"].notna() & (lines["text"] != "")]
    removed = pd.concat(
        [whole[["doc_id", "line", "text", "reason"]].assign(kind="line"), spans.assign(kind="span")],
        ignore_index=True,
    ).sort_values(["doc_id", "line", "kind"], kind="stable", ignore_index=True)
    kept = lines[lines["reason"].isna() & (lines["text"] != "")][["doc_id", "line", "block", "text"]]
    return (kept.reset_index(drop=True), removed.astype({"text": "string"}), found_titles,
            raw_words)
