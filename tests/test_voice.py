"""Quoted spans and the narrator/quoted split on tricky fixtures."""

import pandas as pd
import pytest

from analysis.voice import find_quote_spans, split_voices

LONG = ("This ensures that research is rooted in society and geared towards finding solutions "
        "to today's major challenges such as the climate, growing inequalities, democracy, and "
        "the region's own needs, from its ports to its schools, its housing and its hospitals")


def quoted(text):
    return [(text[s:e], open_ended) for s, e, open_ended in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are ready," he said. "Russia will not win."',
         [('"We are ready,"', False), ('"Russia will not win."', False)]),
        # a quote running across sentences
        ('He said: "First sentence. Second sentence." Then he left.',
         [('"First sentence. Second sentence."', False)]),
        # nested single quotes stay inside the outer quotation
        ("\"We tell Putin: 'you will not win',\" said Sanchez.",
         [("\"We tell Putin: 'you will not win',\"", False)]),
        # apostrophes and plural possessives are not quotes
        ("Russia's war and the allies' response, NATO's door.", []),
        # a single-quoted quotation outside double quotes
        ("Officials called it 'a turning point' on Monday.", [("'a turning point'", False)]),
        # a quote never closed runs to the end of its paragraph, not beyond
        ('Putin said that "the clash will be inevitable.\n\nNext paragraph.',
         [('"the clash will be inevitable.', True)]),
        # the news convention: a quote continued in the next paragraph reopens there
        ('"First paragraph of the quote.\n\n"Second paragraph," he said.',
         [('"First paragraph of the quote.', True), ('"Second paragraph,"', False)]),
        # a quote whose later paragraph opens with no mark: it runs on to that paragraph's
        # first mark, a closing one
        ('"First paragraph of the quote.\n\nSecond one," she added. "Third."',
         [('"First paragraph of the quote.', True), ('Second one,"', False), ('"Third."', False)]),
        # not after a quote closed in its own paragraph, nor when the first mark opens
        ('"Closed," he said.\n\nThe 12" screen sold out.', [('"Closed,"', False)]),
        ('"Open quote.\n\nHe said: "Again."', [('"Open quote.', True), ('"Again."', False)]),
        ('A 12" screen', []),
        # a long single-quoted quotation opening its paragraph, apostrophes inside
        (f"'{LONG},' Ann Lee said.", [(f"'{LONG},'", False)]),
        # an apostrophe opening a paragraph with no closing punctuation is no quotation
        ("'Tis the season, and the region's shops are open. Nobody's door is shut.", []),
        # a long single-quoted quotation after "X said, " holds a double-quoted phrase, which is
        # no quotation of its own
        (f"Ann Lee said, '{LONG}, the \"next normal\".' Then she left.",
         [(f"'{LONG}, the \"next normal\".'", False)]),
        (f"Ann Lee said, '{LONG}.", []),  # never closed by punctuation: apostrophes
        ("The students, who were in their 20s, said the '90s were better.", []),
        # two single marks written for a double one, as some archives write quotations: the
        # quotation spans both marks, a nested quote closing before it included, and runs on
        # over paragraphs like a double-quoted one
        ("''It won't end,'' he said. ''We stay.''", [("''It won't end,''", False), ("''We stay.''", False)]),
        ("''We are not a stain on America,' '' the president said.",
         [("''We are not a stain on America,' ''", False)]),
        ("''First paragraph.\n\n''Second,'' he said.",
         [("''First paragraph.", True), ("''Second,''", False)]),
        # a single-quoted quotation of several paragraphs: left open at the end of a paragraph
        # when the next one opens with a single mark (British style); not when it does not
        ("'First paragraph of the quote, it will be long.\n\n'Second paragraph,' she said.",
         [("'First paragraph of the quote, it will be long.", True), ("'Second paragraph,'", False)]),
        ("Ann Lee said: 'We will build it.\n\n'It will open,' she said.",
         [("'We will build it.", True), ("'It will open,'", False)]),
        ("'Tis the season, and the shops are open.\n\nThe season goes on.", []),
    ],
)
def test_find_quote_spans(text, expected):
    assert quoted(text) == expected


def test_split_voices_cuts_sentences_at_quote_marks():
    text = '"We are ready," said Jens Stoltenberg. He added: "Russia must stop.'
    sentences = pd.DataFrame({
        "sentence_id": ["d-s000", "d-s001"], "doc_id": ["d", "d"],
        "start": [0, 39], "end": [38, len(text)], "text": [text[:38], text[39:]],
    })
    spans = pd.DataFrame([{"doc_id": "d", "start": s, "end": e}
                          for s, e, _ in find_quote_spans(text)])
    segments = split_voices(sentences, spans)
    assert list(zip(segments["sentence_id"], segments["voice"], segments["text"], strict=True)) == [
        ("d-s000", "quoted", '"We are ready,"'),
        ("d-s000", "narrator", " said Jens Stoltenberg."),
        ("d-s001", "narrator", "He added: "),
        ("d-s001", "quoted", '"Russia must stop.'),
    ]
    assert segments["n_words"].tolist() == [3, 3, 2, 3]


def test_seed_quotes(seeds):
    from analysis.voice import compute_quote_spans, compute_voice_segments

    spans = compute_quote_spans(seeds.documents)
    assert spans.groupby("doc_id").size().to_dict() == {
        "defence-blog": 6, "german-outlet": 2, "dod-news": 9, "rbc": 6, "dnipro-today": 3}
    assert spans["open_ended"].sum() == 1
    segments = compute_voice_segments(seeds)
    quoted_words = segments[segments["voice"] == "quoted"].groupby("doc_id")["n_words"].sum()
    assert quoted_words.to_dict() == {"defence-blog": 120, "dnipro-today": 29, "dod-news": 177,
                                      "german-outlet": 18, "rbc": 74}


def test_three_voices_narrator_quoted_and_reported():
    from tests.test_quotes import attribute, voices

    text = ('Prices rose in May. Ann Lee said that the plan had failed. '
            '"We will fix it," she said. Stocks will fall, according to Tom Hill.')
    segments = voices(text, attribute(text))
    assert list(zip(segments["voice"], segments["text"], strict=True)) == [
        ("narrator", "Prices rose in May."),
        ("narrator", "Ann Lee said "),
        ("reported", "that the plan had failed"),
        ("quoted", '"We will fix it,"'),
        ("narrator", " she said."),
        ("reported", "Stocks will fall"),
        ("narrator", ", according to Tom Hill."),
    ]


def test_a_label_a_speaker_gives_is_reported_speech_not_the_narrators():
    from tests.test_quotes import attribute, voices

    text = "Lavrov described the invasion as a special military operation."
    segments = voices(text, attribute(text))
    assert list(zip(segments["voice"], segments["text"], strict=True)) == [
        ("narrator", "Lavrov described "), ("reported", "the invasion as a special military operation")]


def test_rank_speakers_counts_statements_and_never_ranks_unknown():
    from types import SimpleNamespace

    from analysis.framing import rank_speakers
    from tests.test_quotes import attribute

    quotes = attribute('"Something was said by somebody," the crowd heard.\n\n'
                       '"We are ready," said Ann Lee. "We will win this fight."\n\n'
                       '"Nobody wants a war here," said Tom Hill. "Really nobody does," Hill added.\n\n'
                       'Tom Hill said that talks went on.')
    corpus = SimpleNamespace(documents=pd.DataFrame({"doc_id": ["d0"], "outlet": ["A"]}))
    ranked = rank_speakers(corpus, quotes)
    assert ranked[["speaker", "n_direct", "n_indirect", "n_rows", "n_total"]].values.tolist() == [
        ["Tom Hill", 2, 1, 3, 3], ["Ann Lee", 1, 0, 2, 1], ["unknown", 1, 0, 1, 1]]
    assert ranked["rank"].tolist() == [1, 2, pd.NA]


def test_a_speakers_type_is_its_most_frequent_known_type_ties_alphabetical():
    from types import SimpleNamespace

    from analysis.framing import rank_speakers

    quotes = pd.DataFrame({
        "doc_id": ["d0"] * 7, "kind": "direct", "n_words": 3,
        "statement_id": [f"t{i}" for i in range(7)],
        "speaker": ["Lee", "Lee", "Lee", "Hill", "Hill", "Fox", "Fox"],
        "speaker_type": ["unknown", "politician", "unknown", "politician", "expert",
                         "unknown", "unknown"]}).astype("string").astype({"n_words": int})
    corpus = SimpleNamespace(documents=pd.DataFrame({"doc_id": ["d0"], "outlet": ["A"]}))
    ranked = rank_speakers(corpus, quotes).set_index("speaker")["speaker_type"]
    assert ranked.to_dict() == {"Lee": "politician", "Hill": "expert", "Fox": "unknown"}
