"""Sentence splitting: Punkt with the project's abbreviations, decided fast where it is plain."""

import itertools
import re

from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis.segment import literal_alternation, sentence_tokenizer, whole_words

WORDS = ["said", "Said", "SAID", "mr", "Mr", "etc", "Jan", "I", "i", "a", "US", "Inc", "no", "vs",
         "St", "Gov", "Ltd", "\u00c9T\u00c9", "ab"]
NEXT = ["The", "the", '"The', "(the", ".", ". .", "...", "--", ",", "1", "1.", "A.", "a", "I",
        "\u00c9te", ")", "x.y", "'"]


def test_every_decision_is_punkts_own():
    ours = sentence_tokenizer()
    reference = PunktSentenceTokenizer(ours._params)
    for word, mark, after in itertools.product(WORDS, ".?!", NEXT):
        context = f"{word}{mark} {after}"
        assert ours.text_contains_sentbreak(context) == reference.text_contains_sentbreak(context), context


def test_sentences_of_a_paragraph():
    text = 'Mr. Smith said. "We stay," he said. Why? Troops arrived at 5 p.m. on Jan. 3. I. Ivanov left.'
    spans = list(sentence_tokenizer().span_tokenize(text))
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith said.", '"We stay," he said.', "Why?", "Troops arrived at 5 p.m. on Jan. 3.",
        "I. Ivanov left.",
    ]
    assert spans == list(PunktSentenceTokenizer(sentence_tokenizer()._params).span_tokenize(text))


def test_a_state_abbreviation_in_a_party_label_ends_no_sentence():
    text = ("Rep. Elijah Cummings (D-Md.), chair of the committee, said it was fine. Sen. Jack Reed "
            "(D-R.I.) agreed. He was ill. Then he left.")
    spans = sentence_tokenizer().span_tokenize(text)
    assert [text[a:b] for a, b in spans] == [
        "Rep. Elijah Cummings (D-Md.), chair of the committee, said it was fine.",
        "Sen. Jack Reed (D-R.I.) agreed.", "He was ill.", "Then he left.",
    ]


def test_two_initials_before_a_name_end_no_sentence():
    text = ('"It is the best deal," said J.M. Berger, a researcher. Then G.K. Chesterton spoke. '
            "He worked for the F.B.I. The agency said nothing. He moved to D.C. He liked it.")
    spans = sentence_tokenizer().span_tokenize(text)
    assert [text[a:b] for a, b in spans] == [
        '"It is the best deal," said J.M. Berger, a researcher.', "Then G.K. Chesterton spoke.",
        "He worked for the F.B.I.", "The agency said nothing.", "He moved to D.C.", "He liked it.",
    ]


def test_a_trie_of_literal_words_matches_what_the_words_longest_first_match():
    words = ["say", "said", "says", "pointed out", "pointed", "point", "a.b", "told"]
    assert literal_alternation(words) == r"(?:a\.b|point(?:ed(?:\ out)?)?|sa(?:id|y(?:s)?)|told)"
    text = "He says, she said; they say. It pointed out a.b and aXb, point-blank, told-off, pointed"
    longest = whole_words(map(re.escape, sorted(words, key=len, reverse=True)), after=r"[\w-]")
    trie = whole_words([literal_alternation(words)], after=r"[\w-]")
    found = [m.span() for m in trie.finditer(text)]
    assert found == [m.span() for m in longest.finditer(text)]
    assert [text[a:b] for a, b in found] == ["says", "said", "say", "pointed out", "a.b", "pointed"]


def test_folded_lower_turns_what_a_case_insensitive_regex_matches_to_a_z_into_a_z():
    from analysis.segment import folded_lower

    assert folded_lower("MİNİSTER ſenator Iıİ \u212a") == "minister senator iii k"
    assert re.search("minister", "MİNİSTER", re.I) and "minister" in folded_lower("MİNİSTER")
