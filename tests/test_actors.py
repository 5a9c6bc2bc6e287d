"""Actor mentions from the alias file: longest alias wins, case rules, offsets."""

import pandas as pd

from analysis.actors import (
    clean_name,
    compute_actor_mentions,
    pronoun_mentions,
    written_gender,
    written_number,
)


def test_mentions_exact():
    text = ("NATO Secretary General Jens Stoltenberg said the alliance's door is open; "
            "the Russian Federation and Putin disagree, as does the State Department.")
    sentences = pd.DataFrame({"doc_id": ["d"], "sentence_id": ["d-s000"], "start": [10],
                              "text": [text]})
    mentions = compute_actor_mentions(sentences)
    assert list(zip(mentions["alias"], mentions["actor"], mentions["group"], strict=True)) == [
        ("NATO", "NATO", "NATO"),
        ("Secretary General", "Jens Stoltenberg", "NATO"),
        ("Jens Stoltenberg", "Jens Stoltenberg", "NATO"),
        ("the alliance's", "NATO", "NATO"),
        ("Russian Federation", "Russia", "Russia"),
        ("Putin", "Vladimir Putin", "Russia"),
        ("State Department", "United States", "United States"),
    ]
    first = mentions.iloc[0]
    assert (first["start"], first["end"]) == (10, 14)


def test_case_sensitive_aliases_do_not_match_common_words():
    sentences = pd.DataFrame({"doc_id": ["d"], "sentence_id": ["d-s000"], "start": [0],
                              "text": ["Let us eu-phemise nothing: the US and the EU act."]})
    assert compute_actor_mentions(sentences)["alias"].tolist() == ["US", "EU"]


def test_seed_groups(seeds):
    counts = compute_actor_mentions(seeds.sentences).groupby("group").size().to_dict()
    assert counts["NATO"] == 101 and counts["Russia"] == 43 and counts["Ukraine"] == 31


def _sentences_and_mentions(texts: list[str], names: list[tuple[str, str, str]]):
    """One document's sentences (s0, s1, ... joined by a space) and the mentions of (sentence,
    alias, actor) at the alias's first place in its sentence; and the sentences' starts."""
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    sentences = pd.DataFrame({"doc_id": "d", "sentence_id": [f"s{i}" for i in range(len(texts))],
                              "start": starts, "text": texts})
    rows = []
    for sid, alias, actor in names:
        i = int(sid[1:])
        a = starts[i] + texts[i].index(alias)
        rows.append(("d", sid, "g", actor, alias, a, a + len(alias)))
    mentions = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "group", "actor", "alias",
                                           "start", "end"])
    return starts, sentences, mentions


def test_pronouns_join_the_one_person_named_just_before():
    """he, she, him, his, her -> the one person named earlier in the sentence or just before."""
    texts = ["Joe Biden met reporters.", "He denied his role.", "Biden and Olaf Scholz spoke.",
             "She left.", "Later, Scholz said he would go.", "Russia struck.", "He fled."]
    names = [("s0", "Joe Biden", "Joe Biden"), ("s2", "Biden", "Joe Biden"),
             ("s2", "Olaf Scholz", "Olaf Scholz"), ("s4", "Scholz", "Olaf Scholz"),
             ("s5", "Russia", "Russia")]
    starts, sentences, mentions = _sentences_and_mentions(texts, names)
    found = pronoun_mentions(sentences, mentions, {"Joe Biden", "Olaf Scholz"})
    # s1: Biden alone before; s3: two persons before (none); s4: Scholz earlier in the sentence;
    # s6: the sentence before names no person
    assert found[["sentence_id", "actor", "alias"]].values.tolist() == [
        ["s1", "Joe Biden", "He"], ["s1", "Joe Biden", "his"], ["s4", "Olaf Scholz", "he"]]
    assert found["start"].tolist() == [starts[1], starts[1] + 10, starts[4] + texts[4].index("he ")]


def test_pronouns_join_only_a_person_of_their_gender_where_the_article_tells_it():
    texts = ["Mr Al Jaber met Ms Jane Snyder.", "She denied his claims.",
             "Abigail Disney, daughter of a film executive, met Al Jaber.", "Her fund paid.",
             "Jane Snyder spoke to Bill Gates.", "He left."]
    names = [("s0", "Al Jaber", "Al Jaber"), ("s0", "Jane Snyder", "Jane Snyder"),
             ("s2", "Abigail Disney", "Abigail Disney"), ("s2", "Al Jaber", "Al Jaber"),
             ("s4", "Jane Snyder", "Jane Snyder"), ("s4", "Bill Gates", "Bill Gates")]
    starts, sentences, mentions = _sentences_and_mentions(texts, names)
    found = pronoun_mentions(sentences, mentions, {"Al Jaber", "Jane Snyder", "Abigail Disney",
                                                   "Bill Gates"})
    # s1: two persons before, one of each gender; s3: the one woman of two; s5: Gates, of no
    # written gender, is the one person who may be "he"
    assert found[["sentence_id", "actor", "alias"]].values.tolist() == [
        ["s1", "Jane Snyder", "She"], ["s1", "Al Jaber", "his"], ["s3", "Abigail Disney", "Her"],
        ["s5", "Bill Gates", "He"]]
    assert written_gender("Joe Biden, whose daughter sings.", "Joe Biden") is None
    assert written_gender("Abigail Disney, daughter of Roy Disney.", "Roy Disney") is None


def test_its_and_their_join_the_one_group_of_their_number_named_just_before():
    """its -> the one singular group, they/them/their -> the one plural group, named earlier in
    the sentence or just before; persons take no group pronoun and groups no person's."""
    texts = ["The UN met the farmers.", "Its plan hurt them.", "Republicans and Joe Biden spoke.",
             "Their bill failed and he left.", "Exxon and Shell said it was over.", "Its rivals won."]
    names = [("s0", "UN", "UN"), ("s0", "farmers", "farmers"), ("s2", "Republicans", "Republicans"),
             ("s2", "Joe Biden", "Joe Biden"), ("s4", "Exxon", "Exxon"), ("s4", "Shell", "Shell")]
    starts, sentences, mentions = _sentences_and_mentions(texts, names)
    found = pronoun_mentions(sentences, mentions, {"Joe Biden"},
                             {"UN", "farmers", "Republicans", "Exxon", "Shell"})
    # s5: two singular groups before (none); "it" is never joined (mostly a dummy subject)
    assert found[["sentence_id", "actor", "alias"]].values.tolist() == [
        ["s1", "UN", "Its"], ["s1", "farmers", "them"], ["s3", "Republicans", "Their"],
        ["s3", "Joe Biden", "he"]]
    assert found["start"].tolist()[:2] == [starts[1], starts[1] + texts[1].index("them")]


def test_written_number_reads_the_verb_after_the_name_then_its_ending():
    assert written_number("The Netherlands is flat. The Netherlands has dykes.", "Netherlands") == "singular"
    assert written_number("Shell said so.", "Shell") == "singular"
    assert written_number("The farmers said so.", "farmers") == "plural"
    assert written_number("The Greens are angry. The Greens were out.", "Greens") == "plural"
    assert written_number("Our Fund is rich.", "Our Fund") == "singular"
    assert written_number("The bus left.", "Congress") == "singular"  # -ss is no plural


def test_a_surname_two_people_share_tells_no_gender():
    text = "Bill Clinton spoke first. Hillary Clinton replied. Mrs. Clinton, as Secretary Clinton, said no."
    assert written_gender(text, "Bill Clinton") is None  # "Mrs. Clinton" may be Hillary
    assert written_gender(text, "Hillary Clinton") is None  # or not: Bill Clinton is there too
    # a title ("Secretary") is no other first name
    assert written_gender(text.replace("Bill Clinton spoke first. ", ""), "Hillary Clinton") == "female"
    assert written_gender("Mrs. Clinton spoke.", "Bill Clinton") == "female"  # no other Clinton


def test_clean_name_drops_a_possessive_ending():
    assert [clean_name(n) for n in ["BlackRock\u2019s", "Sri Lanka's", "the Greens'", "Mars",
                                    "World Economic Forum (WEF"]] == [
        "BlackRock", "Sri Lanka", "Greens", "Mars", "World Economic Forum (WEF)"]


def test_an_alias_written_with_a_dotted_capital_i_is_found_not_a_crash():
    """A case-insensitive alias in capitals with the Turkish dotted I (whose lower case is two
    characters) is a mention of its actor (it was a KeyError)."""
    sentences = pd.DataFrame({"doc_id": ["d"], "sentence_id": ["d-s0"], "start": [10],
                              "text": ["The NORTH ATLANTİC ALLİANCE and Türkiye met."]})
    assert compute_actor_mentions(sentences).values.tolist() == [
        ["d", "d-s0", "NATO", "NATO", "NORTH ATLANTİC ALLİANCE", 14, 37],
        ["d", "d-s0", "Türkiye", "Türkiye", "Türkiye", 42, 49]]


def test_he_after_an_unlisted_speaker_joins_no_one():
    """"Patronis said he": a name of no listed person before a verb of saying speaks of himself, so
    "he" after it joins no listed person (roles-precision7); "He said he" and a listed speaker do."""
    texts = ["Joe Biden backed the fund.", "Jimmy Patronis said he doubts the fund.",
             "Joe Biden met donors.", "He said he would go.", "Biden said he would stay."]
    names = [("s0", "Joe Biden", "Joe Biden"), ("s2", "Joe Biden", "Joe Biden"),
             ("s4", "Biden", "Joe Biden")]
    starts, sentences, mentions = _sentences_and_mentions(texts, names)
    found = pronoun_mentions(sentences, mentions, {"Joe Biden"})
    assert found[["sentence_id", "actor", "alias"]].values.tolist() == [
        ["s3", "Joe Biden", "He"], ["s3", "Joe Biden", "he"], ["s4", "Joe Biden", "he"]]
