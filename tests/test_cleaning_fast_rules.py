"""Rules tested fast (prefilter strings, look-aheads reordered) give their patterns' own answers."""

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.cleaning import (
    Rule,
    _by_first_char,
    _closing_rule_reasons,
    _fast_test,
    _first_match,
    _key,
    _lower_ascii,
    _may_hold,
    load_rules,
)
from analysis.config import PACKAGE_DATA

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fast(pattern: re.Pattern, whole: bool, text: str) -> bool:
    """The fast answer for one text."""
    needs, run = _fast_test(pattern, whole)
    return bool(_may_hold(needs, _lower_ascii(text)) and run(text))


def example_lines() -> list[str]:
    """Lines of the seeds and fixtures, the examples quoted in the rules file, and variants:
    upper case, a newline inside, letters that match others case-insensitively (long s, Kelvin)."""
    lines = {line.strip() for folder in (SEEDS, FIXTURES) for path in folder.rglob("*.txt")
             for line in path.read_text(encoding="utf-8").splitlines()}
    rules_text = (PACKAGE_DATA / "boilerplate.toml").read_text(encoding="utf-8")
    lines |= set(re.findall(r'"([^"\n]{3,})"', rules_text))
    lines |= {"Sign up for our newsletter", "We use cookies to improve this site.",
              "Updated: March 3, 2023 10:15 am", "Click here to subscribe",
              "Photo: AFP", "Read more: Why the war goes on", "Leave a reply", "(read more)"}
    variants = set()
    for line in lines:
        variants |= {line.upper(), line + "\nmore", "x\n" + line, line.replace("s", "\u017f"),
                     line.replace("k", "\u212a"), line + " \u00e9"}
    return sorted(lines | variants)


LINES = example_lines()
RULES = load_rules()
KINDS = {"line": True, "list": True, "tail": True, "end": True, "signoff": True, "cue": False,
         "thread": False, "inline": False}


@pytest.mark.parametrize("kind", KINDS)
def test_every_rule_answers_as_its_pattern(kind):
    whole = KINDS[kind]
    for rule in getattr(RULES, kind):
        method = rule.pattern.fullmatch if whole else rule.pattern.search
        for line in LINES:
            assert fast(rule.pattern, whole, line) == (method(line) is not None), (rule.reason, line)


def test_prefilter_strings_are_read_off_the_pattern():
    needs, _ = _fast_test(re.compile(r"\bclick (here|there)\b", re.IGNORECASE), False)
    assert needs == ("click here", "click there")
    needs, _ = _fast_test(re.compile(r"^(?=.{0,80}$).*\b(we use cookies|accept cookies)\b.*$",
                                     re.IGNORECASE), True)
    assert needs == ("accept cookies", "we use cookies")
    assert _fast_test(re.compile(r"^\w+ says$", re.IGNORECASE), True)[0] is None  # no scan: none


def test_a_line_out_of_ascii_is_always_tried():
    pattern = re.compile(r".*\bsign up\b.*", re.IGNORECASE)
    assert fast(pattern, True, "\u017fign up today") and pattern.fullmatch("\u017fign up today")
    assert not fast(pattern, True, "nothing to see")


def test_costly_look_aheads_are_tried_after_the_line():
    pattern = re.compile(r"^(?=.*\d)(?=.*\b(updated|posted)\b)(\d+|updated|posted|\s)+$",
                         re.IGNORECASE)
    texts = ("Updated 2023", "posted", "2023 posted x", "Updated\n2023", "2023\nposted")
    assert [fast(pattern, True, t) for t in texts] == [True, False, False, False, False]
    assert [pattern.fullmatch(t) is not None for t in texts] == [True, False, False, False, False]


@pytest.mark.parametrize("kinds", [("line", "list", "tail"), ("end",), ("signoff",)])
def test_first_matching_rule_is_the_patterns_first(kinds):
    rules = tuple(rule for kind in kinds for rule in getattr(RULES, kind))
    found = _first_match(pd.Series(LINES, dtype="string"), rules)
    expected = [next((r.reason for r in rules if r.pattern.fullmatch(line)), None) for line in LINES]
    assert [None if pd.isna(f) else f for f in found] == expected


def test_lines_are_tried_only_by_patterns_that_can_start_with_their_first_character():
    patterns = (re.compile(r"^(photo|image):.*$", re.IGNORECASE),
                re.compile(r"(?-i:[A-Z])\w+", re.IGNORECASE),
                re.compile(r"(?=.{0,9}$)\d?(?i:x)y"), re.compile(r".*"))
    gates = _by_first_char(patterns)
    assert gates["p"] == gates["P"] == gates["i"] == (0, 1, 3)  # (?-i:) read as a superset
    assert gates["x"] == gates["X"] == (1, 2, 3) and gates["7"] == (2, 3)
    assert gates["y"] == gates["Y"] == (1, 3) and gates["-"] == (3,) and gates["\n"] == ()


def test_closing_rules_are_tried_back_to_the_first_line_they_miss():
    rule = Rule("bio", re.compile(r"\w+ is a writer\.", re.IGNORECASE))
    opens = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 2, "text": [
        "Ann is a writer.", "Prose here.", "Bo is a writer.", "Cy is a writer.",
        "Di is a writer.", "More prose."]}, index=[10, 11, 12, 13, 20, 21])
    reasons = _closing_rule_reasons(opens, (rule,))
    assert [None if pd.isna(r) else r for r in reasons] == [None, None, "bio", "bio", None, None]
    assert reasons.index.tolist() == [10, 11, 12, 13, 20, 21]


@pytest.mark.parametrize("text", ["Hello, World_1!", "\u00c9T\u00c9 \u2014 \u00c7a va?", "a\u00a0b",
                                  "\u0130stanbul", "x\u00b2", ""])
def test_line_keys_keep_letters_and_digits_as_the_regex_does(text):
    assert _key(text) == re.sub(r"[\W_]+", "", text.lower())
