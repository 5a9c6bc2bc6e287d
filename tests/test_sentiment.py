"""Sentence tone: exact lexicon scores, reproducible intervals, voices and actors, tiny corpora."""

import math

import numpy as np
import pandas as pd
import pytest
from afinn import Afinn
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import load_corpus
from analysis.config import shared_corpora
from analysis.lexicons import classify_tone, score_afinn, score_vader
from analysis.plots.sentiment import FIGURES
from analysis.sentiment import (
    TABLES,
    compute_actor_sentiment,
    compute_article_tone,
    compute_lexicon_agreement,
    compute_outlet_sentiment,
    compute_sentence_sentiment,
    compute_voice_sentiment,
    compute_word_contributions,
    score_actor_mentions,
    score_corpus,
    summarise_tone,
)

# (sentence, VADER compound, AFINN-165 sum): values of the reference implementations.
FIXTURE_SENTENCES = [
    ("NATO is a good alliance.", 0.4404, 3.0),
    # negation: VADER flips and damps "good" (x -0.74); AFINN has no negation rule
    ("NATO is not a good alliance.", -0.3412, 3.0),
    # "but": words before it count half, words after it one and a half times
    ("The summit was good, but the outcome was bad.", -0.5859, 0.0),
    # all caps among lower-case words adds 0.733 to the word's valence
    ("The summit was GOOD, but the outcome was bad.", -0.532, 0.0),
    ("The summit was good!!!", 0.5826, 3.0),
    ("The summit was very good.", 0.4927, 3.0),
    # quotation marks are stripped from the words; the quoted words are scored as any other
    ('"We will never accept this threat," he said.', -0.7339, -1.0),
    ("Russia's war is a threat.", -0.8074, -4.0),
    ("The allies will not win without support.", -0.2826, 6.0),
    ("Troops arrived on Monday.", 0.0, 0.0),
    # AFINN's multi-word entries ("does not work", "not good", "no fun") win over single words
    ("The deal does not work, they are not good at it and it is no fun.", -0.6259, -8.0),
]


def _normalize(total: float) -> float:
    """VADER's compound from a sum of valences (alpha = 15), as in the paper."""
    return round(total / math.sqrt(total * total + 15), 4)


@pytest.fixture(scope="module")
def texts():
    return pd.Series([t for t, _, _ in FIXTURE_SENTENCES], dtype="string")


def test_fixture_scores_exact(texts):
    vader, _ = score_vader(texts)
    afinn, _ = score_afinn(texts)
    assert vader["vader_compound"].tolist() == [c for _, c, _ in FIXTURE_SENTENCES]
    assert afinn["afinn_score"].tolist() == [a for _, _, a in FIXTURE_SENTENCES]


def test_hand_derived_scores():
    good, bad, n_scalar, caps = 1.9, -2.5, -0.74, 0.733
    assert _normalize(good) == 0.4404
    assert _normalize(good * n_scalar) == -0.3412
    assert _normalize(good * 0.5 + bad * 1.5) == -0.5859
    assert _normalize((good + caps) * 0.5 + bad * 1.5) == -0.532


def test_scores_equal_the_reference_implementations(texts, seeds):
    every = pd.concat([texts, seeds.sentences["text"]], ignore_index=True)
    vader, _ = score_vader(every)
    afinn, _ = score_afinn(every)
    reference, afinn_ref = SentimentIntensityAnalyzer(), Afinn(language="en")
    expected = pd.DataFrame([reference.polarity_scores(t) for t in every])
    assert vader["vader_compound"].tolist() == expected["compound"].tolist()
    assert vader[["vader_pos", "vader_neu", "vader_neg"]].to_numpy().tolist() == \
        expected[["pos", "neu", "neg"]].to_numpy().tolist()
    assert afinn["afinn_score"].tolist() == [afinn_ref.score(t) for t in every]


def test_word_valences_are_vaders_own(texts):
    _, words = score_vader(texts)
    of = {key: dict(zip(g["word"], g["valence"], strict=True)) for key, g in words.groupby("key")}
    assert of[1] == {"good": pytest.approx(1.9 * -0.74)}
    assert of[3] == {"good": pytest.approx(2.633 * 0.5), "bad": pytest.approx(-3.75)}
    assert 9 not in of  # a neutral sentence has no scoring word
    # without ! or ?, the compound is the normalised sum of the word valences
    plain = [i for i, t in enumerate(texts) if not any(c in t for c in "!?")]
    assert all(_normalize(sum(of.get(i, {}).values())) == FIXTURE_SENTENCES[i][1] for i in plain)


def test_classify_tone_band():
    scores = pd.Series([0.05, 0.0499, 0.0, -0.0499, -0.05])
    assert classify_tone(scores).tolist() == ["positive", "neutral", "neutral", "neutral", "negative"]
    assert classify_tone(pd.Series([1.0, 0.0, -2.0]), band=1).tolist() == \
        ["positive", "neutral", "negative"]


def test_sentences_gain_sentiment_columns(tiny):
    table = compute_sentence_sentiment(tiny)
    pd.testing.assert_frame_equal(table[tiny.sentences.columns], tiny.sentences)
    assert table.set_index("sentence_id")["vader_compound"].to_dict() == {
        "alpha-s000": 0.0, "alpha-s001": 0.3612, "alpha-s002": -0.5267, "beta-s000": -0.4215,
        "beta-s001": -0.4404, "beta-s002": 0.0, "gamma-s000": -0.4404, "gamma-s001": 0.4404}
    assert TABLES["sentences"] is compute_sentence_sentiment


def test_article_tone_is_the_whole_text_beside_the_mean_of_its_sentences(tiny):
    table = compute_article_tone(tiny)
    reference = SentimentIntensityAnalyzer()
    assert table["doc_id"].tolist() == ["alpha", "beta", "gamma"]
    assert table["sentences"].tolist() == [3, 3, 2]
    assert table["compound_of_whole_article"].tolist() == [
        reference.polarity_scores(text)["compound"] for text in tiny.documents["text"]]
    assert table["mean_compound_of_its_sentences"].tolist() == pytest.approx(
        [(0.0 + 0.3612 - 0.5267) / 3, (-0.4215 - 0.4404 + 0.0) / 3, 0.0])
    assert TABLES["article_tone"] is compute_article_tone


def test_outlet_summary_and_intervals_reproducible(tiny):
    summary = compute_outlet_sentiment(tiny)
    again = summarise_tone(score_corpus(tiny).sentences, ["outlet"], {"outlet": tiny.outlets})
    pd.testing.assert_frame_equal(summary, again)
    row = summary.set_index(["articles", "outlet", "measure"])
    alpha = row.loc[("all", "Alpha Times", "vader_compound")]
    assert alpha["n"] == 3 and alpha["mean"] == pytest.approx((0.3612 - 0.5267) / 3)
    assert pd.isna(alpha["low"]) and pd.isna(alpha["high"])  # 3 sentences of 1 article: no interval
    assert (alpha["n_articles"], alpha["unit"]) == (1, "sentences")
    assert row.loc[("all", "Beta News", "vader_negative"), "mean"] == pytest.approx(3 / 5)
    # Beta News is wholly machine-translated: nothing is left without translation
    gone = row.loc[("untranslated", "Beta News", "vader_compound")]
    assert gone["n"] == 0 and pd.isna(gone["mean"])
    assert len(summary) == 2 * 2 * 6


def test_different_seed_changes_interval_not_mean(seeds):
    from analysis.stats import summarise_mean

    frame = score_corpus(seeds).sentences
    a = summarise_mean(frame, "vader_compound", "outlet", seed=1)
    b = summarise_mean(frame, "vader_compound", "outlet", seed=2)
    assert a["mean"].equals(b["mean"]) and not a["low"].equals(b["low"])


def test_voice_split_as_scored(tiny):
    segments = score_corpus(tiny).segments
    quote = segments[segments["sentence_id"] == "alpha-s002"]
    assert list(zip(quote["voice"], quote["text"], quote["vader_compound"], strict=True)) == [
        ("quoted", '"Russia\'s threat is real,"', -0.5267),
        ("narrator", " said Jens Stoltenberg.", 0.0)]
    voice = compute_voice_sentiment(tiny).set_index(["articles", "outlet", "voice", "measure"])
    assert voice.loc[("all", "Alpha Times", "quoted", "vader_compound"), "n"] == 1
    # "Mr. Smith said the alliance is ready": "the alliance is ready" (0.3612) is reported speech,
    # not the narrator's voice
    assert voice.loc[("all", "Alpha Times", "narrator", "vader_compound"), "mean"] == 0.0
    assert voice.loc[("all", "Beta News", "quoted", "vader_compound"), "n"] == 0


def test_tricky_quotes(make_corpus):
    folder = make_corpus({"a.txt": (
        "Tricky quotes\n\n"
        "He said: \u201cThis is a terrible war. We will win.\u201d Then he left.\n\n"
        "\u201cWe tell Putin: \u2018you will not win\u2019,\u201d said Sanchez. "
        "The allies' answer was calm.\n")})
    segments = score_corpus(load_corpus(folder)).segments
    got = list(zip(segments["voice"], segments["text"].str.strip(), segments["vader_compound"],
                   strict=True))
    assert got == [
        ("narrator", "He said:", 0.0),
        ("quoted", '"This is a terrible war.', -0.7906),  # the quote runs across two sentences
        ("quoted", 'We will win."', 0.5859),
        ("narrator", "Then he left.", 0.0),
        ("quoted", "\"We tell Putin: 'you will not win',\"", -0.4717),  # nested quote
        ("narrator", "said Sanchez.", 0.0),
        ("narrator", "The allies' answer was calm.", 0.3182),  # an apostrophe, not a quote
    ]


def test_actor_tone(tiny):
    actors = compute_actor_sentiment(tiny)
    main = actors[(actors["articles"] == "all") & (actors["measure"] == "vader_compound")]
    got = main[main["n"] > 0].set_index(["actor_group", "outlet"])[["n", "mean"]]
    assert got.loc[("Russia", "Beta News")].tolist() == [2, pytest.approx((-0.4215 + 0) / 2)]
    # Jens Stoltenberg's clause is 'said Jens Stoltenberg', not the quote he speaks (-0.5267)
    assert got.loc[("NATO", "Alpha Times")].tolist() == [3, pytest.approx((0.3612 + 0 + 0) / 3)]
    assert got.loc[("Russia", "Alpha Times")].tolist() == [1, -0.5267]
    assert got.loc[("Ukraine", "Beta News")].tolist() == [2, pytest.approx(0.0)]
    # every group of the alias file has rows, mentioned or not
    assert {"European Union", "Türkiye"} <= set(main["actor_group"])
    assert main.loc[main["actor_group"] == "European Union", "n"].eq(0).all()
    assert actors["scored_text"].eq("the actor's clause").all()


def test_actor_tone_is_the_tone_of_its_clause(make_corpus):
    corpus = load_corpus(make_corpus({"a.txt": (
        "War news\n\nRussia attacked the city, but Ukraine defended it bravely. "
        "Putin and the Kremlin lost.\n")}))
    mentions = score_actor_mentions(corpus)
    got = mentions[["alias", "start", "clause_start", "clause_end", "clause_text",
                    "sentence_vader_compound", "clause_vader_compound", "clause_afinn_score",
                    "window_vader_compound"]]
    assert got.values.tolist() == [
        # the sentence is positive (VADER weighs what follows "but" more); each clause differs
        ["Russia", 0, 0, 24, "Russia attacked the city", 0.5346, -0.4588, -1.0, -0.25],
        ["Ukraine", 30, 30, 58, "Ukraine defended it bravely.", 0.5346, 0.5106, 0.0, 0.5346],
        ["Putin", 59, 59, 86, "Putin and the Kremlin lost.", -0.3182, -0.3182, -3.0, -0.3182],
        ["Kremlin", 73, 59, 86, "Putin and the Kremlin lost.", -0.3182, -0.3182, -3.0, -0.3182],
    ]
    table = compute_actor_sentiment(corpus)
    main = table[(table["articles"] == "all") & (table["measure"] == "vader_compound")]
    by_group = main.set_index("actor_group")
    # two mentions of one group in one clause count once
    assert by_group.loc["Russia", ["n", "mean"]].tolist() == [2, pytest.approx((-0.4588 - 0.3182) / 2)]
    assert by_group.loc["Ukraine", ["n", "mean"]].tolist() == [1, 0.5106]


def test_an_actors_name_is_not_its_tone(make_corpus):
    corpus = load_corpus(make_corpus({"a.txt": "Deal\n\nThe United States signed the deal.\n"}))
    mention = score_actor_mentions(corpus).iloc[0]
    # "united" is +1.8 in VADER and +1 in AFINN: the sentence is positive, the clause is not
    assert mention[["clause_text", "sentence_vader_compound", "sentence_afinn_score",
                    "clause_vader_compound", "clause_afinn_score", "window_afinn_score"]].tolist() == [
        "The United States signed the deal.", 0.4215, 1.0, 0.0, 0.0, 0.0]


def test_word_contributions(tiny):
    words = compute_word_contributions(tiny)
    alpha = words[(words["outlet"] == "Alpha Times") & (words["lexicon"] == "vader")]
    assert list(zip(alpha["word"], alpha["valence"], alpha["direction"], strict=True)) == [
        ("threat", -2.4, "negative"), ("ready", 1.5, "positive")]
    assert words["outlet"].drop_duplicates().tolist() == tiny.outlets


def test_lexicon_agreement(tiny):
    agreement = compute_lexicon_agreement(tiny).set_index("outlet")
    assert agreement.loc["Alpha Times", "n"] == 3
    assert agreement.loc["Alpha Times", "same_tone"] == pytest.approx(2 / 3)
    assert agreement.loc["all outlets", "opposite_tone"] == 0


def test_degrades_on_a_corpus_without_metadata_actors_or_quotes(make_corpus):
    corpus = load_corpus(make_corpus({"a.txt": "A quiet day\n\nNothing happened at all today.\n"}))
    tables = {name: make(corpus) for name, make in TABLES.items()}
    assert tables["sentiment_by_actor"]["n"].eq(0).all()
    by_outlet = tables["sentiment_by_outlet"]
    assert by_outlet.loc[by_outlet["articles"] == "untranslated", "n"].eq(0).all()
    for spec in FIGURES:
        fig, data = spec.make(corpus)
        assert len(spec.alt(data)) > 20


def test_describe_mean_without_an_interval():
    from analysis.sentiment import describe_mean
    assert describe_mean({"n": 10, "mean": 0.25, "low": -0.031, "high": 0.48}) == "+0.25 [-0.03, +0.48], n=10"
    assert describe_mean({"n": 2, "mean": 0.5, "low": float("nan"), "high": float("nan")},
                         with_n=False) == "+0.50 [no interval]"
    assert describe_mean({"n": 0, "mean": float("nan"), "low": 0, "high": 0}) == "no sentences"
    assert describe_mean({"n": 1010, "mean": -0.01, "low": -0.05, "high": 0.03}) == \
        "-0.01 [-0.05, +0.03], n=1,010"  # thousands separated, as everywhere in the prose


# Sentences that reach each of VADER's rules, several at a sentence's start, where the reference's
# negative indices wrap around: the fast path must give the reference's scores and valences.
RULE_SENTENCES = [
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!", "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all",
    "Sentiment analysis has never been this good!", "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass", "Without a doubt, excellent idea.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.", "least good", "good",
    "no good", "no", "There is no problem.", "no or nor bad", "It was kind of bad.", "sort of great",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "but good but bad", "good good but good", "good, bad and good again, but good and bad",
    "Never so happy.", "isn't good", "WAR", "the bomb",
    "Is it bad?? Really???", "  spaced   out  good  ", "", "   ", "😀", "GOOD GOOD GOOD", "He won't help.",
]


def test_the_fast_path_gives_the_reference_scores_and_word_valences():
    from vaderSentiment.vaderSentiment import SentiText

    class Tracing(SentimentIntensityAnalyzer):  # the reference, word valences read after its rules
        def score_valence(self, sentiments, text):
            words = SentiText(text).words_and_emoticons
            self.valences = [(w.lower(), v) for w, v in zip(words, sentiments, strict=True) if v]
            return super().score_valence(sentiments, text)

    texts = list(RULE_SENTENCES)
    for name in ("semeval2025-cc", "polnear"):  # real text where it is beside the checkout
        texts += [line for path in sorted(shared_corpora(name).rglob("*.txt"))[:150]
                  for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    reference, expected = Tracing(), []
    for text in texts:
        expected.append((reference.polarity_scores(text), reference.valences))
    vader, words = score_vader(pd.Series(texts, dtype="string"))
    assert vader.to_numpy().tolist() == [[s["compound"], s["pos"], s["neu"], s["neg"]]
                                         for s, _ in expected]
    got = words.groupby("key")[["word", "valence"]].apply(lambda g: list(g.itertuples(index=False,
                                                                                      name=None)))
    assert [got.get(i, []) for i in range(len(texts))] == [v for _, v in expected]


def test_word_totals_count_each_text_of_each_outlet_once_weighted_by_its_sentences():
    from analysis.sentiment import _word_totals

    # texts 0 and 1; outlet A has text 0 twice and text 1 once, outlet B text 1 once
    words = pd.DataFrame({"key": [1, 0, 0, 1], "lexicon": ["vader", "vader", "afinn", "afinn"],
                          "word": ["bad", "good", "good", "bad"], "valence": [-0.1, 0.7, 3.0, -3.0]})
    totals = _word_totals(pd.array(["A", "A", "B", "A"], dtype="string"), np.array([0, 0, 1, 1]),
                          words)
    # in order of first occurrence: A's "good" (sentence 1), B's "bad" (3), A's "bad" (4)
    assert totals[["outlet", "lexicon", "word", "n"]].values.tolist() == [
        ["A", "vader", "good", 2], ["A", "afinn", "good", 2], ["B", "vader", "bad", 1],
        ["B", "afinn", "bad", 1], ["A", "vader", "bad", 1], ["A", "afinn", "bad", 1]]
    assert totals["valence"].tolist() == [1.4, 6.0, -0.1, -3.0, -0.1, -3.0]
    # 0.1 in three sentences is 0.30000000000000004 as a product: rounded, equal sums are equal
    thrice = _word_totals(pd.array(["A"] * 3, dtype="string"), np.array([0, 0, 0]), pd.DataFrame(
        {"key": [0], "lexicon": "vader", "word": "x", "valence": [0.1]}))
    assert thrice[["n", "valence"]].values.tolist() == [[3, 0.3]]
