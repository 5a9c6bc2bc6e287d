"""Loading the fixture corpus: exact tables, offsets and normalisation."""

import pandas as pd

from analysis.segment import tokenize_words
from analysis.textnorm import normalize_text


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
