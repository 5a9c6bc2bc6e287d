"""The structural detector (analysis/context.py): head and tail furniture goes, article text stays."""

import pandas as pd

from analysis.cleaning import clean_lines
from analysis.context import context_reasons, line_kind, load_settings

TITLE = "title (kept as the document title)"
PROSE = [
    "The council voted on Tuesday to close the old bridge to traffic after engineers found that "
    "two of its supports had cracked over the winter.",
    "Residents who live on the far side of the river said the closure would add half an hour to "
    "every journey into the town centre for the rest of the year.",
    "The mayor said the work would begin in the spring and that a temporary crossing would be "
    "built for people on foot as soon as the money was found.",
]


def _clean(text: str) -> list:
    """The reason each non-empty line of one document was removed (None if kept)."""
    docs = pd.DataFrame({"doc_id": ["d"], "raw_text": [text]})
    kept, removed, _, _ = clean_lines(docs, pd.Series({"d": pd.NA}), pd.Series({"d": "Outlet"}))
    whole = removed[removed["kind"] == "line"]
    lines = dict(zip(whole["line"], whole["reason"], strict=True))
    return [lines.get(n) for n, t in enumerate(text.split("\n"), 1) if t.strip()]


def test_line_kinds():
    settings = load_settings()
    assert line_kind(PROSE[0], settings) == "good"
    assert line_kind("Follow @citydesk on Twitter.", settings) == "bad"
    assert line_kind("More at www.example.com", settings) == "bad"
    # A quoted post names its handle: never bad on its own.
    assert line_kind('"Proud of my friend @mayor for this," she wrote.', settings) == "short"
    assert line_kind("Subs not used: Smith, Jones, Brown.", settings) == "short"


def test_head_and_tail_furniture_goes():
    text = "\n\n".join(["Bridge to close", "Email: desk@example.com", *PROSE,
                       "Follow @citydesk for updates.", "Filed from the Hill",
                       "Reach Jo Bloggs at jo@example.org"])
    assert _clean(text) == [
        TITLE,
        "context: link or handle line at the article's head",
        None, None, None,
        "context: link or handle line at the article's tail",
        "context: short line between furniture at the article's tail",
        "context: link or handle line at the article's tail",
    ]


def test_short_line_after_tail_furniture_goes():
    text = "\n\n".join(["Bridge to close", *PROSE, "Jo Bloggs, @jobloggs", "Jo Bloggs Photography"])
    assert _clean(text)[-2:] == [
        "context: link or handle line at the article's tail",
        "context: short line after furniture at the article's tail",
    ]


def test_short_last_sentence_after_furniture_stays():
    # Code residue or a credit after furniture goes to the end; a short last sentence stays.
    reasons = context_reasons(["Bridge to close", *PROSE, "Follow @citydesk.", "The inquiry goes on."],
                              [TITLE] + [None] * 5)
    assert reasons[-2:] == ["context: link or handle line at the article's tail", None]


def test_short_article_lines_stay():
    # A short paragraph between prose, a short last paragraph and a closing line-up all stay.
    text = "\n\n".join(["Bridge to close", PROSE[0], "It was not the first time.", PROSE[1],
                        PROSE[2], "Work starts in May.", "Smith, Jones, Brown."])
    assert _clean(text) == [TITLE] + [None] * 6


def test_middle_link_line_stays():
    # Only the head and tail runs are judged: a link line between paragraphs is the article's.
    text = "\n\n".join(["Bridge to close", PROSE[0], "Jo Bloggs, @jobloggs", *PROSE[1:]])
    assert _clean(text) == [TITLE, None, None, None, None]


def test_one_paragraph_and_no_prose_documents_stay():
    assert _clean("Bridge to close\n\n" + PROSE[0]) == [TITLE, None]
    assert context_reasons(["Follow @citydesk.", "Short note"], [None, None]) == [None, None]


def test_sentences_quotes_and_lead_ins_between_furniture_stay():
    reasons = context_reasons(
        ["Bridge to close", *PROSE, "@reader1.", "She still has a fight on her hands.",
         "@reader2.", '"Yes."', "Twitter: @desk.", "Another reader posted this:", "@reader3."],
        [TITLE] + [None] * 10,
    )
    assert reasons == [
        None, None, None, None,
        "context: link or handle line at the article's tail", None,
        "context: link or handle line at the article's tail", None,
        "context: link or handle line at the article's tail", None,
        "context: link or handle line at the article's tail",
    ]


def test_lines_removed_by_rules_count_as_furniture():
    reasons = context_reasons(
        ["Bridge to close", "ABSTRACT.", "By the desk", "FULL TEXT.", *PROSE],
        [TITLE, "section label", None, "section label", None, None, None],
    )
    assert reasons == [None, None, "context: short line between furniture at the article's head",
                       None, None, None, None]
    # Between the title and a removed line a short line (a deck, a kicker) stays.
    assert context_reasons(["Bridge to close", "Deck", "ABSTRACT.", *PROSE],
                           [TITLE, None, "section label", None, None, None]) == [None] * 6
