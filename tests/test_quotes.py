"""Quote attribution: every attribution pattern, name folding, speaker types, on exact fixtures."""

import pandas as pd
import pytest

from analysis.quotes import attribute_quotes, compute_quotes
from analysis.segment import split_sentences
from analysis.textnorm import normalize_text
from analysis.voice import compute_quote_spans


def attribute(*docs: str) -> pd.DataFrame:
    """Quotes of documents given as text (paragraphs separated by blank lines)."""
    texts = [normalize_text(t) for t in docs]
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    rows, offset = [], 0
    for doc_id, text in zip(documents["doc_id"], texts, strict=True):
        offset = 0
        for i, para in enumerate(text.split("\n\n")):
            rows.append((doc_id, i, offset, para))
            offset += len(para) + 2
    paragraphs = pd.DataFrame(rows, columns=["doc_id", "paragraph_index", "start", "text"])
    return attribute_quotes(documents, split_sentences(paragraphs), compute_quote_spans(documents))


def triples(quotes: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(quotes["speaker"], quotes["kind"], quotes["quote"], strict=True))


@pytest.mark.parametrize(
    ("text", "speaker", "pattern"),
    [
        ('"We are ready," said Jens Stoltenberg.', "Jens Stoltenberg", "said X"),
        ('"We are ready," Stoltenberg said.', "Jens Stoltenberg", "X said"),
        ('"We are ready," Stoltenberg told reporters on Monday.', "Jens Stoltenberg", "X said"),
        ('"We are ready," according to Anna Kowalska.', "Anna Kowalska", "according to X"),
        ('"We are ready," the secretary general said.', "Jens Stoltenberg", "X said"),
        ('Putin, in a speech on May 9, said that it was a "preemptive rebuff" then.',
         "Vladimir Putin", "X said ... quote"),
        ('Kaja Kallas told reporters: "We are ready to help Ukraine."', "Kaja Kallas",
         "X said ... quote"),
        ('According to the head of the Pentagon, the clash "will quickly develop into war."',
         "head of the Pentagon", "according to X"),
        # curly quotes are normalised first
        ("\u201cWe are ready,\u201d said Mr. Smith.", "Smith", "said X"),
        ("\u2018We are ready,\u2019 said Mr. Smith.", "Smith", "said X"),
    ],
)
def test_direct_patterns(text, speaker, pattern):
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [[speaker, "direct", pattern]]


def test_quote_across_sentences_with_nested_quote():
    quotes = attribute("\"We tell Putin: 'you will not win'. We mean it,\" said Pedro Sanchez.")
    assert triples(quotes) == [
        ("Pedro Sanchez", "direct", "We tell Putin: 'you will not win'. We mean it")]
    assert quotes["sentence_id"].tolist() == ["d0-s000"]


def test_pronoun_resolves_to_last_named_speaker_and_titles_fold():
    quotes = attribute(
        "Secretary General Jens Stoltenberg spoke in Brussels.\n\n"
        '"Russia must stop," Mr Stoltenberg said. "The door is open."\n\n'
        "Spanish Prime Minister Pedro Sanchez said Spain would help.\n\n"
        '"We will send tanks to Ukraine," he said.\n\n'
        '"Nobody wants war," Sanchez added.'
    )
    assert triples(quotes) == [
        ("Jens Stoltenberg", "direct", "Russia must stop"),
        ("Jens Stoltenberg", "direct", "The door is open."),
        ("Pedro Sanchez", "indirect", "Spanish Prime Minister Pedro Sanchez said Spain would help."),
        ("Pedro Sanchez", "direct", "We will send tanks to Ukraine"),
        ("Pedro Sanchez", "direct", "Nobody wants war"),
    ]
    assert quotes["pattern"].tolist() == ["X said", "quote in the same paragraph", "X said that",
                                          "X said", "X said"]
    assert quotes["speaker_type"].tolist() == ["alliance official"] * 2 + ["government"] * 3


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker():
    quotes = attribute('"We are ready," said Jens Stoltenberg. "We will defend every inch.\n\n'
                       '"And we will not be divided," he added.')
    assert quotes["speaker"].tolist() == ["Jens Stoltenberg"] * 3


@pytest.mark.parametrize(
    ("text", "speaker", "pattern"),
    [
        ("According to Stoltenberg, NATO will move more forces east.", "Jens Stoltenberg",
         "according to X"),
        ("Jens Stoltenberg believes that NATO should prepare.", "Jens Stoltenberg", "X said that"),
        ("NATO will remain true to its values, the secretary general said.", "Jens Stoltenberg",
         "..., X said"),
        ("This was stated by US State Department representative Daniel Saisek to Suspilne.",
         "Daniel Saisek", "stated by X"),
        ("Federal Chancellor Olaf Scholz announced last week that Germany would help.",
         "Olaf Scholz", "X said that"),
    ],
)
def test_indirect_patterns(text, speaker, pattern):
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern", "quote"]].values.tolist() == [
        [speaker, "indirect", pattern, text]]


def test_names_and_scare_quotes_are_not_quotes_and_function_words_are_not_speakers():
    quotes = attribute('The so-called "Baltic Defense Line" is ready. It is noted that costs rose. '
                       'The strength has grown, Nor said after talks.')
    assert quotes.empty


def test_unattributed_quote_is_kept_with_an_unknown_speaker():
    quotes = attribute('"Reaffirmed their support for the people of Ukraine," said in the message.')
    assert quotes[["speaker", "speaker_type", "pattern"]].values.tolist() == [
        ["unknown", "unknown", "unattributed"]]


def test_speaker_types_from_roles():
    quotes = attribute('"We hold the line," said General Mark Hill. '
                       '"Talks continue," said a spokesperson for the ministry. '
                       '"This is news," said the correspondent Ann Lee.')
    assert quotes[["speaker", "speaker_type"]].values.tolist() == [
        ["Mark Hill", "military"], ["spokesperson for the ministry", "government"],
        ["Ann Lee", "outlet/journalist"]]


def test_surnames_fold_within_a_document_never_across_documents():
    quotes = attribute('"We are ready," said Foreign Minister Kaja Kallas. "Yes," Kallas said.',
                       '"We are not ready at all," Kallas said.')
    assert quotes["speaker"].tolist() == ["Kaja Kallas", "Kaja Kallas", "Kallas"]


def test_seed_quotes(seeds):
    quotes = compute_quotes(seeds)
    assert list(quotes.columns[:6]) == ["doc_id", "sentence_id", "speaker", "speaker_type", "kind",
                                        "quote"]
    assert quotes.groupby("kind").size().to_dict() == {"direct": 24, "indirect": 22}
    assert quotes["speaker"].value_counts().head(2).to_dict() == {"Jens Stoltenberg": 33,
                                                                  "Daniel Saisek": 3}
    by_sentence = quotes.set_index("sentence_id")["speaker"]
    assert by_sentence["dod-news-s016"] == "Jens Stoltenberg"  # "he said"
    assert by_sentence["defence-blog-s009"] == "Pedro Sanchez"
    assert by_sentence["dnipro-today-s008"] == "Daniel Saisek"  # "He suggested"
    assert by_sentence["german-outlet-s013"] == "Jens Stoltenberg"  # "he said"
    assert (quotes.loc[quotes["sentence_id"] == "rbc-s012", "speaker"] == "Vladimir Putin").all()
