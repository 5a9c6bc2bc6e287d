"""Loading the fixture corpus: exact tables, offsets and normalisation."""

import pandas as pd

from analysis.segment import tokenize_words
from analysis.textnorm import looks_bad, normalize_text


def test_documents_have_exact_lengths(tiny):
    docs = tiny.documents.set_index("doc_id")
    assert list(docs.index) == ["alpha", "beta", "gamma"]
    assert docs["n_words_clean"].to_dict() == {"alpha": 22, "beta": 18, "gamma": 10}
    assert docs["n_sentences"].to_dict() == {"alpha": 3, "beta": 3, "gamma": 2}
    assert docs["n_paragraphs"].to_dict() == {"alpha": 2, "beta": 2, "gamma": 1}
    assert docs.loc["gamma", "title"] == "Kyiv welcomes aid"  # derived from the first line


def test_sentences_exact(tiny):
    assert tiny.sentences["text"].tolist() == [
        "NATO will send more troops to the east.",
        "Mr. Smith said the alliance is ready.",
        "\"Russia's threat is real,\" said Jens Stoltenberg.",
        "Russia's Foreign Ministry criticised NATO.",
        "The U.S. Army denied the claim.",
        "Moscow said the drills were routine.",
        "Ukraine received new weapons on Monday.",
        "Kyiv thanked its partners.",
    ]
    assert tiny.sentences["sentence_id"].iloc[:3].tolist() == ["alpha-s000", "alpha-s001",
                                                               "alpha-s002"]
    assert tiny.sentences["n_words"].tolist() == [8, 7, 7, 5, 7, 6, 6, 4]


def test_offsets_point_into_cleaned_text(tiny, seeds):
    for corpus in (tiny, seeds):
        text = corpus.documents.set_index("doc_id")["text"]
        for table in (corpus.sentences, corpus.paragraphs):
            for row in table.itertuples():
                assert text[row.doc_id][row.start:row.end] == row.text


def test_typographic_variants_become_one_token():
    curly = normalize_text("Russia\u2019s \u201cwar\u201d \u2013 NATO\u00a0summit")
    assert curly == "Russia's \"war\" - NATO summit"
    assert tokenize_words(curly) == ["Russia's", "war", "NATO", "summit"]


def test_normalisation_fixes_mojibake_and_keeps_offsets_simple():
    assert normalize_text("Russia\u00e2\u20ac\u2122s") == "Russia's"
    assert normalize_text("a\r\nb\rc") == "a\nb\nc"
    assert normalize_text("co\u00adoperation\u200b") == "cooperation"


def test_mojibake_check_reads_around_non_ascii_only_and_agrees_with_ftfy():
    from ftfy.badness import is_bad

    prose = "NATO leaders met in Vilnius. " * 40
    samples = [
        prose, prose + "caf\u00e9", "\u00c3 " + prose, prose + "\u00c3 ", "x\u00c3 " + prose,
        prose + "Russia\u00e2\u20ac\u2122s" + prose, "\u00c3" + prose, prose[:9] + "\u0153.",
        prose + "\u0413\u045e\u0412\u0402\u0412\u009dA", prose + "\u201cquoted\u201d",
        "ab\u00c3" + " " * 12 + "\u00a9" + prose, prose + "\u00c3\u00a9", "\u00d8\u00a7\u00d9\u201e",
    ]
    assert [looks_bad(s) for s in samples] == [is_bad(s) for s in samples]
    assert [looks_bad(s) for s in samples] == [
        False, False, True, False, True, True, False, True, True, False, True, True, True]


def test_metadata_is_typed(tiny):
    docs = tiny.documents.set_index("doc_id")
    assert docs["translated"].tolist() == [False, True, True]
    assert docs.loc["alpha", "event_start"] == pd.Timestamp("2023-04-01")
    assert docs.loc["alpha", "event_end"] == pd.Timestamp("2023-04-30")
    assert docs.loc["beta", "event_end"] == pd.Timestamp("2023-03-31")
    assert pd.isna(docs.loc["gamma", "event_start"])
    assert docs.loc["alpha", "published_start"] == pd.Timestamp("2023-05-01")


def test_outlets_in_first_document_order(tiny):
    assert tiny.outlets == ["Alpha Times", "Beta News"]
