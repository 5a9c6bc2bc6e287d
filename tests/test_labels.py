"""Referent-aware war labels, headlines as their own unit, and the keyword-in-context helper."""

import pandas as pd
import pytest

from analysis.framing import compute_label_hits, compute_label_rates, label_segments
from analysis.kwic import context_window, keyword_contexts
from analysis.labels import count_labels, find_label_hits, headline_segments
from analysis.terms import compute_kwic

AGGRESSION, OPERATION = "war as aggression", "war as operation or crisis"


def verdicts(*texts: str, dateline: str = "KYIV, Ukraine") -> list[tuple[str, str]]:
    """(matched, reason) of every war-label hit in each text, read as a narrator segment of its
    own document that starts with `dateline`."""
    segments = pd.DataFrame(
        [row for i, t in enumerate(texts)
         for row in ((f"d{i}", f"d{i}-s0", "narrator", 0, dateline),
                     (f"d{i}", f"d{i}-s1", "narrator", 20, t))],
        columns=["doc_id", "sentence_id", "voice", "start", "text"])
    hits = find_label_hits(segments)
    war = hits[hits["category"].isin([AGGRESSION, OPERATION])]
    assert (war["counted"] == (war["reason"] == "counted")).all()
    return list(zip(war["matched"], war["reason"], strict=True))


def test_fixed_expressions_are_not_war_labels():
    assert verdicts(
        "Its three tasks are collective defence, crisis management and cooperative security.",
        "Europe's energy crisis deepened as the war dragged on.",
        "Kennedy recalled the Cuban Missile Crisis and the Cold War.",
        "An armed attack on one ally is an attack on all.",
        "The EU's post-World War II history.",
    ) == [("crisis", "fixed expression: crisis management"),
          ("crisis", "fixed expression: energy crisis"), ("war", "counted"),
          ("Crisis", "fixed expression: Cuban Missile Crisis"),
          ("War", "fixed expression: Cold War"),
          ("attack", "fixed expression: armed attack"),
          ("attack", "fixed expression: attack on all"),
          ("War", "fixed expression: World War II")]


def test_a_nearer_place_of_another_war_excludes_the_label():
    assert verdicts(
        "Russia's war in Ukraine and Israel's war in Gaza divide the alliance.",
        "The Israel-Hamas conflict took attention away.",
        "The Syrian conflict, unlike the conflict in Ukraine, is frozen.",
        "The escalating Ukraine-Russia conflict dominated the summit.",
    ) == [("war", "counted"), ("war", "other war or conflict: Israel"),
          ("conflict", "other war or conflict: Hamas"),
          ("conflict", "other war or conflict: Syrian"), ("conflict", "counted"),
          ("conflict", "counted")]


def test_possible_future_and_indefinite_wars_do_not_count():
    assert verdicts(
        "The Baltic states are preparing for a possible invasion by Russia.",
        "NATO is preparing for war with Russia.",
        "Officials warned of the risk of a wider conflict.",
        "Any attack would trigger Article 5.",
        "Such a step could lead to war.",
        "Russia could escalate the war further.",
        "Moscow might end its invasion soon.",
        "Troops moved east to deter aggression.",
        "He avoids condemning Russia's invasion of Ukraine.",
        "NATO will not go to war with Russia, nor risk a nuclear war or a direct conflict.",
        "The wider war in the east goes on.",
    ) == [("invasion", "hypothetical: preparing for"), ("war", "hypothetical: preparing for"),
          ("conflict", "hypothetical: risk of"), ("attack", "hypothetical: Any"),
          ("war", "hypothetical: lead to"), ("war", "counted"), ("invasion", "counted"),
          ("aggression", "hypothetical: deter"), ("invasion", "counted"),
          ("war", "hypothetical: go to"), ("war", "fixed expression: nuclear war"),
          ("conflict", "hypothetical: direct"), ("war", "counted")]


def test_a_comma_closes_the_window_of_a_cue():
    assert verdicts("After a possible truce, the war went on.") == [("war", "counted")]


def test_ambiguous_words_need_a_referent_or_a_definite_word():
    assert verdicts(
        "Activists claimed an attack on a painting.",
        "The Russian attack on Kharkiv killed two; the conflict goes on.",
        "Markets fear conflicts and crises everywhere.",
    ) == [("attack", "ambiguous without a referent: attack"), ("attack", "counted"),
          ("conflict", "counted"), ("conflicts", "ambiguous without a referent: conflicts"),
          ("crises", "ambiguous without a referent: crises")]


def test_war_labels_count_only_in_documents_that_name_the_war():
    assert verdicts("The elite wage war on farmers.", "Moscow denied the invasion.",
                    dateline="LONDON") == [
        ("war", "the document never names the war"), ("invasion", "the document never names the war")]


def test_a_text_names_the_war_by_a_word_of_the_document_referents(tiny):
    from analysis.framing import articles_naming_the_war
    from analysis.labels import load_rules, names_the_war, war_names

    rules = load_rules()
    assert [names_the_war(t, rules) for t in ("Shelling near Kharkiv", "the war on drugs",
                                              "Ukrainians fled", "unknown", None)] == [
        True, False, True, False, False]
    assert war_names() == ["Ukraine", "Kyiv", "Zelensky"]
    assert articles_naming_the_war(tiny) == 1  # "Kyiv welcomes aid"; of three articles


def test_other_labels_and_missed_forms():
    segments = pd.DataFrame([
        ("d", "d-s0", "quoted", 0, "the operation in Ukraine was a preemptive rebuff"),
        ("d", "d-s1", "narrator", 60, "the special military operation and the Kyiv regime"),
    ], columns=["doc_id", "sentence_id", "voice", "start", "text"])
    hits = find_label_hits(segments)
    assert hits[["label", "matched", "start", "counted"]].values.tolist() == [
        ["operation in Ukraine", "operation in Ukraine", 4, True],
        ["special military operation", "special military operation", 64, True],
        ["Kyiv regime", "Kyiv regime", 99, True]]


def test_headlines_are_a_unit_and_a_voice_of_their_own():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": [
        'Putin calls the war in Ukraine a "special operation"', "Escalating Ukraine-Russia Conflict"]})
    segments = headline_segments(docs)
    assert segments[["sentence_id", "voice", "start", "end", "n_words", "unit"]].values.tolist() \
        == [["a-headline", "headline", 0, 33, 7, "headline"],
            ["a-headline", "quoted", 33, 52, 2, "headline"],
            ["b-headline", "headline", 0, 34, 3, "headline"]]
    hits = find_label_hits(segments)
    assert hits[["doc_id", "voice", "matched", "counted"]].values.tolist() == [
        ["a", "headline", "war", True], ["a", "quoted", "special operation", True],
        ["b", "headline", "Conflict", True]]
    assert count_labels(hits)["voice"].tolist() == ["headline", "quoted", "headline"]


def test_excluded_hits_are_not_counted():
    segments = pd.DataFrame([("d", "d-s0", "narrator", 0, "crisis management in the war in Ukraine")],
                            columns=["doc_id", "sentence_id", "voice", "start", "text"])
    counts = count_labels(find_label_hits(segments))
    assert counts[["term", "count"]].values.tolist() == [["war", 1]]


def test_context_windows_end_on_whole_words():
    text = "alpha beta gamma KEY delta epsilon zeta"
    at = text.index("KEY")
    assert context_window(text, at, at + 3, 100) == ("alpha beta gamma ", " delta epsilon zeta")
    assert context_window(text, at, at + 3, 8) == ("gamma ", " delta")
    assert context_window(text, at, at + 3, 5) == ("", "")
    assert context_window("one two\nthree KEY four\nfive", 14, 17, 50) == ("three ", " four")
    contexts = keyword_contexts([text, text], [at, 0], [at + 3, 5], width=12)
    assert contexts.values.tolist() == [["beta gamma ", " delta"], ["", " beta gamma"]]


def test_seed_headlines_and_subheads(seeds):
    segments = label_segments(seeds)
    subheads = segments[segments["unit"] == "subhead"]
    assert subheads["text"].tolist() == ["NATO is preparing for war with Russia",
                                         "Baltic countries strengthen borders"]
    hits = compute_label_hits(seeds)
    headline = hits[(hits["unit"] == "headline") & hits["counted"]]
    assert headline[["outlet", "matched"]].values.tolist() == [
        ["Defence Blog", "Russia"], ["DoD News", "Russia"], ["Dnipro Today", "Conflict"]]


def test_seed_narrator_war_labels_per_outlet(seeds):
    """The narrator's own aggression : operation counts after the referent rules.

    The methodologist's hand counts are Defence Blog 1:0, German outlet 2:0, DoD News 0:0, RBC 0:1
    and Dnipro Today 0-1:0. Reported speech ("Stoltenberg said Russia's war ...", "Putin ... said
    that the operation in Ukraine ...") is its own voice, so Defence Blog and RBC match them.
    """
    rates = compute_label_rates(seeds)
    narrator = rates[(rates["voice"] == "narrator") & rates["category"].isin([AGGRESSION, OPERATION])]
    counts = narrator.pivot_table(index="outlet", columns="category", values="n_hits",
                                  aggfunc="sum")[[AGGRESSION, OPERATION]]
    expected = {"Defence Blog": (1, 0), "German outlet (aggregator)": (3, 0),
                "DoD News": (0, 0), "RBC": (0, 1), "Dnipro Today": (3, 0)}
    assert {o: tuple(r) for o, r in counts.iterrows()} == expected
    hits = compute_label_hits(seeds)
    excluded = hits[~hits["counted"]]
    assert excluded[["outlet", "matched", "reason"]].values.tolist() == [
        ["Defence Blog", "crisis", "ambiguous without a referent: crisis"],  # "security crisis"
        ["RBC", "crisis", "fixed expression: crisis management"],
        ["Dnipro Today", "aggression", "hypothetical: potential"],
        ["Dnipro Today", "war", "hypothetical: preparing for"],
        ["Dnipro Today", "war", "hypothetical: seek"],
        ["Dnipro Today", "invasion", "hypothetical: preparing for"]]


@pytest.mark.parametrize("text", ["warfare, post-war, Russians", "the war-torn city"])
def test_words_inside_longer_words_are_no_labels(text):
    assert verdicts(text) == []


def test_an_unknown_title_is_no_headline():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "title": ["unknown", None]})
    assert headline_segments(docs).empty


def test_compute_kwic_cuts_its_sentence_on_whole_words(tiny):
    kwic = compute_kwic(tiny, "stoltenberg", width=12)
    assert kwic[["left", "match", "right"]].values.tolist() == [["said Jens ", "Stoltenberg", "."]]
    assert compute_kwic(tiny, "russia", width=8)[["left", "right"]].values.tolist() == [
        ['"', " threat"], ["", " Foreign"]]  # the match is "Russia's", the window whole words


def test_labels_match_whatever_the_case_and_keep_the_text_as_written():
    """Upper case and a dotted capital I (whose lower case is two characters) match the lexicon;
    the hit keeps the text as written and its offsets."""
    segments = pd.DataFrame({"doc_id": ["d"], "sentence_id": ["d-s0"], "voice": ["narrator"],
                             "start": [100], "text": ["The İNVASION of Ukraine by Russia, a SPECIAL "
                                                      "military operation."]})
    hits = find_label_hits(segments)
    assert hits[["label", "matched", "start", "end", "counted"]].values.tolist() == [
        ["invasion", "İNVASION", 104, 112, True], ["Russia", "Russia", 127, 133, True],
        ["special military operation", "SPECIAL military operation", 137, 163, True]]
