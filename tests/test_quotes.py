"""Quote attribution: every attribution pattern, name folding, speaker types, on exact fixtures."""

import pandas as pd
import pytest

from analysis.quotes import acronyms, attribute_quotes, compute_quotes
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


def voices(text: str, quotes: pd.DataFrame) -> pd.DataFrame:
    """The voice segments of a text of one paragraph, given its quotes."""
    from analysis.voice import split_voices

    documents = pd.DataFrame({"doc_id": ["d0"], "text": [text]})
    sentences = split_sentences(pd.DataFrame({"doc_id": ["d0"], "paragraph_index": [0],
                                              "start": [0], "text": [text]}))
    return split_voices(sentences, compute_quote_spans(documents), quotes)


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


def test_a_writing_that_shows_is_reported_speech_of_its_named_maker_only_and_nothing_else_shows():
    quotes = attribute("The latest Reuters/Ipsos poll showed Trump leading the field.\n\n"
                       "New filings show that the campaign has little cash.\n\n"
                       "Polls have shown that the race is close.\n\n"
                       "The data suggest that turnout will be low.\n\n"
                       "This shows that the plan failed.\n\nClinton showed up at the rally.")
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Reuters/Ipsos", "indirect", "a source shows"]] + [["unknown", "indirect", "a source shows"]] * 3
    assert quotes["quote"].str.split().str[0].tolist() == ["The", "New", "Polls", "The"]


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
    # two of the indirect rows are "adding that" / "explaining that" after an attribution
    assert quotes.groupby("kind").size().to_dict() == {"direct": 24, "indirect": 24}
    assert quotes["speaker"].value_counts().head(2).to_dict() == {"Jens Stoltenberg": 35,
                                                                  "Daniel Saisek": 3}
    by_sentence = quotes.set_index("sentence_id")["speaker"]
    assert by_sentence["dod-news-s016"] == "Jens Stoltenberg"  # "he said"
    assert by_sentence["defence-blog-s009"] == "Pedro Sanchez"
    assert by_sentence["dnipro-today-s008"] == "Daniel Saisek"  # "He suggested"
    assert by_sentence["german-outlet-s013"] == "Jens Stoltenberg"  # "he said"
    assert (quotes.loc[quotes["sentence_id"] == "rbc-s012", "speaker"] == "Vladimir Putin").all()


def speakers_of(text: str) -> list[tuple[str, str]]:
    quotes = attribute(text)
    return list(zip(quotes["speaker"], quotes["kind"], strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appositive after the name is its role, not the speaker
        ('"The risk is rising," Robert Eddy, CEO of the intelligence firm Ergo, said.',
         [("Robert Eddy", "direct")]),
        ("Robert Eddy, CEO of the intelligence firm Ergo, said the risk was rising.",
         [("Robert Eddy", "indirect")]),
        # an age or a year is no name
        ("John Smith, 47, said the river had flooded twice.", [("John Smith", "indirect")]),
        ('"It flooded," said Ann Lee in 1975.', [("Ann Lee", "direct")]),
        # time words and things spoken about are no speakers
        ("The dam will open in Kyiv tomorrow, Ann Lee said.", [("Ann Lee", "indirect")]),
        ('"The deal is done," people familiar with the matter said.', [("unknown", "direct")]),
        # a source that is no speaker reports with speaker "unknown"
        ("Sea levels have risen since 1975, the report said.", [("unknown", "indirect")]),
        ("A new study found that sea levels rose.", [("unknown", "indirect")]),
        # a writing after its named author is the author's; a time word is no author
        ('"Governments can act," a World Economic Forum report claimed.',
         [("World Economic Forum", "direct")]),
        ("A Pew Research Center survey found that most adults agreed.",
         [("Pew Research Center", "indirect")]),
        ('"Sea levels rose," a Monday report said.', [("unknown", "direct")]),
        # a lower-case role before a name
        ('"It will heal," plastic surgeon Ann Lee said.', [("Ann Lee", "direct")]),
        # new speech verbs
        ('"We won," Ann Lee boasted.', [("Ann Lee", "direct")]),
        ("Ann Lee revealed that the plant would close.", [("Ann Lee", "indirect")]),
        ("Ann Lee responded that the plant would stay open.", [("Ann Lee", "indirect")]),
        ('Ann Lee branded the plan "a reckless gamble with our future".', [("Ann Lee", "direct")]),
        ('"It is going to be a huge win," Ann Lee bragged.', [("Ann Lee", "direct")]),
        ("Ann Lee lamented that the plant would close.", [("Ann Lee", "indirect")]),
        ('"The task is to stop pipelines," Ann Lee is quoted as saying.', [("Ann Lee", "direct")]),
        ('"Different meats have different footprints," Ann Lee clarified.', [("Ann Lee", "direct")]),
        ('As the World Economic Forum put it, you will "own nothing and be happy."',
         [("World Economic Forum", "direct")]),
        ('Ann Lee, who proclaimed that: "The decision is outrageous."', [("Ann Lee", "direct")]),
        # a name and a colon before a quote; not after "to", not a heading in capitals
        ('The obvious from Ann Lee: "Notice how many days had no output?"', [("Ann Lee", "direct")]),
        ('Sen. Ann Lee: "Climate change is the biggest hoax in the world!"', [("Ann Lee", "direct")]),
        ('In a letter to Senator Ann Lee: "You must resign at once, sir."', [("unknown", "direct")]),
        ('BREAKING NEWS: "You must resign at once, sir."', [("unknown", "direct")]),
        # a full name ending a clause, before its appositive ("the view of Ann Lee, the ...")
        ("This is in contrast with the view of Ann Lee, the head of the agency, who said prices "
         "would fall.", [("Ann Lee", "indirect")]),
        # a title and surname ending a clause, before its appositive
        ("Then came Mr. Ridd, a researcher into the Reef, who said the bleaching was exaggerated.",
         [("Ridd", "indirect")]),
        # a role of another organisation is not the known actor with that role
        ('"The science is clear," said the Secretary-General of the United Nations.',
         [("Secretary-General of the United Nations", "direct")]),
        ('"We are ready," said the Secretary General of NATO.', [("Jens Stoltenberg", "direct")]),
        # an unnamed speaker met again by the head of the description
        ('A Pentagon spokesman said the product will not be used. "We are investing in protein," '
         "the spokesman told reporters.",
         [("Pentagon spokesman", "indirect"), ("Pentagon spokesman", "direct")]),
        # a participle after a quote's closing mark ('on "our addiction," insisting that')
        ('Ann Lee has placed the blame on "our fossil fuel addiction," insisting that "the climate is '
         'imploding."', [("Ann Lee", "direct"), ("Ann Lee", "direct")]),
        # a quoted title is not a statement (the sentence is reported writing, not a quote)
        ('Ann Lee wrote the book "The Uninhabitable Earth" in 2019.', [("Ann Lee", "indirect")]),
        ('Ann Lee told CBS\'s "Face the Nation," that the plant would close.',
         [("Ann Lee", "indirect")]),
        # "according to" always reports; a source that is no speaker is unknown
        ("Taxes would rise, according to an analysis by the center.", [("unknown", "indirect")]),
        ("Prices fell, top black lawmakers said.", [("top black lawmakers", "indirect")]),
    ],
)
def test_error_families_and_new_patterns(text, expected):
    assert speakers_of(text) == expected


def test_people_named_before_reported_content_are_met_before_its_speaker():
    # a subhead glued to the sentence by scraping introduces "Says Jobs Depend" before the
    # speaker; "she" is the speaker of the sentence, met last
    quotes = attribute("Minister Says Jobs Depend on FundingFederal Environment Minister Ann Lee "
                       'announced that the government would fund projects.\n\n"We are committed to '
                       'the reef," she said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Ann Lee"]


def test_pronouns_resolve_to_a_person_and_they_to_an_organisation():
    quotes = attribute('Ann Lee said prices rose. The Energy Ministry said it disagreed. '
                       '"We will see," she said. "We will not back down," they said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Energy Ministry", "Ann Lee", "Energy Ministry"]


def test_he_and_she_pass_over_a_person_the_article_writes_of_the_other_gender():
    quotes = attribute('Ms Ann Lee said prices rose. Mr Tom Hill said they fell. '
                       '"We will see," she added. "No," he said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Tom Hill", "Ann Lee", "Tom Hill"]
    # a person of no written gender may be either
    quotes = attribute('Ms Ann Lee said prices rose. Sam Hill said they fell. "Yes," she said.')
    assert quotes["speaker"].tolist()[-1] == "Sam Hill"


def test_a_company_form_after_a_name_makes_it_an_organisation():
    # "Corp", "Inc." and "plc" name a company, to which "she" never resolves and "they" does
    quotes = attribute('Ann Lee said prices rose. Harbor Resources Corp said it disagreed. '
                       '"We will see," she said. "We will not back down," they said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Harbor Resources Corp", "Ann Lee",
                                          "Harbor Resources Corp"]


def test_a_statement_speaks_for_the_last_organisation():
    quotes = attribute('The Sierra Club said it would sue.\n\n'
                       'A statement read: "We will see them in court."')
    assert quotes[["speaker", "kind"]].values.tolist() == [["Sierra Club", "indirect"],
                                                           ["Sierra Club", "direct"]]


def test_descriptions_join_the_named_speaker_of_the_same_document():
    quotes = attribute('"We are ready," said Foreign Minister Kaja Kallas. '
                       '"Yes," the minister said. "No," said an official.',
                       '"Maybe," the minister said.')
    assert quotes["speaker"].tolist() == ["Kaja Kallas", "Kaja Kallas", "official", "minister"]


def test_a_title_types_its_speaker_only_in_its_own_document():
    quotes = attribute('"We choose to go," said President John Kennedy. "Yes," Kennedy said.',
                       '"The vaccine is unsafe," said Kennedy.')
    assert quotes[["speaker", "speaker_type"]].values.tolist() == [
        ["John Kennedy", "government"], ["John Kennedy", "government"], ["Kennedy", "unknown"]]


def test_one_statement_split_by_the_attribution_is_one_statement():
    quotes = attribute('"We are ready," said Ann Lee. "We will win this fight."\n\n'
                       '"Nobody wants war," Tom Hill said, "and nobody will win one."\n\n'
                       '"We will talk," Hill added.')
    assert quotes["statement_id"].tolist() == ["d0-t001", "d0-t001", "d0-t002", "d0-t002",
                                               "d0-t003"]
    assert quotes["speaker"].tolist() == ["Ann Lee"] * 2 + ["Tom Hill"] * 3


def test_a_quote_running_over_paragraphs_is_one_statement_of_one_speaker():
    forward = attribute('Ann Lee said: "The first paragraph of the quote goes on.\n\n'
                        '"The second paragraph of the quote ends it."')
    assert forward[["speaker", "statement_id"]].values.tolist() == [["Ann Lee", "d0-t001"]] * 2
    backward = attribute('"The first paragraph of the long quote runs on.\n\n'
                         '"The second one ends," said Ann Lee.')
    assert backward[["speaker", "pattern"]].values.tolist() == [
        ["Ann Lee", "quote continued across paragraphs"], ["Ann Lee", "said X"]]


def test_content_spans_cover_what_is_reported():
    text = "Ann Lee said that prices rose. Prices will fall, according to Tom Hill."
    quotes = attribute(text)
    assert [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"],
                                      strict=True)] == ["that prices rose", "Prices will fall"]


def test_he_means_the_person_introduced_last_and_quote_paragraphs_follow_their_speaker():
    quotes = attribute("BioMADE wants new ideas.\n\n"
                       "Jack Hubbard, executive director of the Center, was among the critics. "
                       '"Taxpayer dollars should not fund this sector," he remarked.\n\n'
                       '"Our troops deserve better than this experiment."')
    assert quotes[["speaker", "pattern"]].values.tolist() == [
        ["Jack Hubbard", "X said"],
        ["Jack Hubbard", "quote after an attribution in the previous paragraph"]]


def test_a_pronoun_before_the_quote_means_someone_named_before_it():
    # the role word before a name introduces her; Tom Hill, named after "she", is not "she"
    quotes = attribute("Actress Ann Lee flew to Denver.\n\n"
                       "On Monday, at a Denver, Colorado news conference, she attacked Senator Tom "
                       'Hill, saying that "voters should not be fooled."')
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Ann Lee", "X did, saying"]]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('From the Daily Planet, "The plan will fail in May."', "Daily Planet"),
        ('From the start, "the plan was doomed."', "unknown"),  # no named source
        # a capitalised role with its organisation is the name's appositive
        ('Ann Lee, Senior Advisor at Acme Wood Washington D.C., stated, "The group is touring '
         'the sites."', "Ann Lee"),
        # the outlet that reports a named speaker's words does not take them
        ('Tom Hill, founder of Hazon, said the left "has been captured by a naive idea," the '
         "outlet reported.", "Tom Hill"),
    ],
)
def test_the_speaker_named_before_a_quote(text, speaker):
    assert speakers_of(text) == [(speaker, "direct")]


def test_a_run_of_capitals_after_a_role_word_introduces_nobody():
    quotes = attribute("Ann Lee, Chief Carbon Market Special UNEP Copenhagen said markets help.\n\n"
                       '"There are buyers," he said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Ann Lee"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that is only a quotation, right after reported speech in its paragraph
        ('Tom Hill said the plan was a trick. "Love means never saying sorry. This is politics." '
         "Watch:", [["Tom Hill", "X said that"], ["Tom Hill", "quoted sentence after reported speech"]]),
        # a quotation inside a sentence of its own is not given to the sentence before
        ('Acme announced that it wants ideas. These ideas include "novel cell methods for meat."',
         [["Acme", "X said that"], ["unknown", "unattributed"]]),
    ],
)
def test_a_quoted_sentence_after_reported_speech(text, expected):
    assert attribute(text)[["speaker", "pattern"]].values.tolist() == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name, its appositive, then "who said"
        ("One critic was Walt Lee, a research scientist at the National Ice Data Centre, who said: "
         '"Comparing two years is no indicator."', "Walt Lee"),
        # a religious title before a surname folds to the full name
        ('Archbishop Ian Lee arrived.\n\n"The work goes on," said Archbishop Lee.', "Ian Lee"),
        # a name after a title in a longer run of capitals is a full name to fold into
        ("The message of Archbishop of Canterbury Rt Revd Justin Welby was read. In his message, "
         'Archbishop Welby said, "Take care of one another."', "Justin Welby"),
        # names with an apostrophe, a capital inside or a hyphen; a title in a longer run of capitals
        ("Melissa McKendree, an economist, studied it.\n\n\"Land is not equal,\" McKendree said.",
         "Melissa McKendree"),
        ("Evan Drukker-Schardl, a campaigner, spoke.\n\n\"We will march,\" Drukker-Schardl said.",
         "Evan Drukker-Schardl"),
        ('"It is our land," former Los Angeles City Councilman Mitch O\'Farrell remarked.',
         "Mitch O'Farrell"),
        ('New York City Mayor Eric Adams, a vegan, spoke.\n\n"We eat plants," Adams declared.',
         "Eric Adams"),
        # an adverb between the name and the verb
        ('Eric Adams, the mayor, spoke.\n\n"Food is a source," Adams unsubstantially stated.',
         "Eric Adams"),
        # a possessive role, then the name, after the verb
        ('"Education is a priority," said France\'s Minister of State, Anne Lee.', "Anne Lee"),
        # a name and a clause after a comma ("School of Public Health, said") introduce nobody
        ("Julia Wolfson, an expert at the School of Public Health, said the results held.\n\n"
         '"We found it works," she said.', "Julia Wolfson"),
        # accented letters in a name; a Title Case headline's capitals are no name
        ("Alarmist U.N. Chief Guterres Decries Carnage from Flooding\n\nUnited Nations chief "
         "António Guterres spoke.\n\n\"I will never forget it,\" Guterres said.", "António Guterres"),
        # "Does James ...?" is no full name beside Letitia James
        ("New York AG Letitia James sued.\n\nDoes James mean it? \"We mean it,\" James said.",
         "Letitia James"),
        # a description's alias only for its own group: the U.N.'s Secretary-General is not NATO's
        ('"We are on the right side," according to the U.N. Secretary-General.',
         "U.N. Secretary-General"),
        ("Chief Financial Officer Jimmy Patronis wrote.\n\n\"It is wrong,\" Patronis said.",
         "Jimmy Patronis"),
        # a capitalised prefix inside a name, particles, an editor's title before the name
        ("Gov. Ron DeSantis spoke.\n\n\"We fight back,\" DeSantis said.", "Ron DeSantis"),
        ("Mark Van den Oever, a farmer, spoke.\n\n\"It costs too much,\" Oever said.",
         "Mark Van den Oever"),
        ('"It is built on a lie," said Breitbart Economics Editor John Carney.', "John Carney"),
        # a one-word name that starts the document's one full name ("Xi" -> "Xi Jinping")
        ('Xi Jinping spoke on Monday.\n\n"We need respect," Xi said.', "Xi Jinping"),
        # an organisation's possessive before a name is the name's role
        ("\"The bees hide,\" said University of Alberta's Olav Rueppell.", "Olav Rueppell"),
        ("\"The bees hide,\" said Fox News Business' Stuart Varney.", "Stuart Varney"),
        # a named publisher's writing speaks for the publisher
        ('Last year, a Tampa Bay Times opinion piece noted, "Emissions fell by 19% in 2018."',
         "Tampa Bay Times"),
        ('"Emissions fell by 19% in 2018," a New York Times editorial said.', "New York Times"),
        # a surname after a comma, before a verb, introduces the one full name ending with it
        ('The United Nations alarmist-in-chief Ann Lee denounced the floods. Unable to sympathise, '
         'Lee took the stage. "I will never forget it," the U.N. chief declared.', "Ann Lee"),
        ('The United Nations alarmist-in-chief Ann Lee denounced the floods. Unable to sympathise, '
         'Lee took the stage. According to the U.N. Secretary-General, we are in "the fight of our '
         'lives."', "Ann Lee"),
        ('The alarmist-in-chief Ann Lee toured the floods. At the summit, Chinese construction '
         'firms met Bo Chinese. "I will never forget it," the U.N. chief declared.', "U.N. chief"),
        # "the researchers" of a paper cited as "X et al."; none cited: the description itself
        ('A study by Andreasen et al. came out. "Ice shelves gained mass," the researchers noted.',
         "Andreasen et al."),
        ('A study by Lee and Kim et al. came out. "Ice shelves gained mass," the study\'s authors wrote.',
         "Lee and Kim et al."),
        ('A study came out. "Ice shelves gained mass," the researchers noted.', "researchers"),
        # a long run of capitals ends with a person the article names alone, or whose surname it
        # uses alone
        ('"A buggy year," University of Maryland Professor Emeritus of Entomology Michael Raupp '
         'said.\n\nMichael Raupp, known as the Bug Guy, smiled.', "Michael Raupp"),
        ('"It is a greenlight to greenwashing," Director of corporate climate NGO Climate Integrity '
         'Claire Snyder said.\n\nMs Snyder said the period was long.', "Claire Snyder"),
        # an acronym in brackets is no part of the name, and later stands for it
        ('The cut is small, according to the International Transport Forum (ITF). The sector would '
         '"miss by a wide margin the reduction needed," the ITF warned.', "International Transport Forum"),
        ('According to the National Weather Service (NWS), it is "one of the strongest" ridges.',
         "National Weather Service"),
        # of two organisations with the description's word, the one named last
        ("Sweden's Prosecution Authority charged her. A spokesperson for the Swedish Prosecution "
         'Authority confirmed it. "The act was intended," the prosecution authority\'s statement added.',
         "Swedish Prosecution Authority"),
        # an occupation written before a name is no part of it, nor of the name the surname stands for
        ('Resident John Guru said he took no chances. "I am not sure how bad it is," he told a paper.',
         "John Guru"),
        ('Engineer Ben McGarry, a leader at Aurecon, said people were needed.\n\n"My favourite factoid '
         'is an anagram," Dr McGarry said.', "Ben McGarry"),
        # a name before a chain of descriptions, the last of them a list of roles or a firm
        ('"It costs money," Dan Backer, the fund\'s lawyer, treasurer and strategist, said.', "Dan Backer"),
        ('"It is old," Greg Raiff, chief executive of Private Jet Services, an aviation firm, said.',
         "Greg Raiff"),
        # a quote inside a sentence whose cue ends it after a comma
        ('Sheriff Tina Nieto spoke on Thursday. "This is a slow-moving event" and not all places will '
         'be hit at once, she said.', "Tina Nieto"),
        # "one of ..." describes the name before it; a title held "for" what a minister runs
        ('"We learnt how to install a panel," Surafel Alemayehu, one of the high schoolers taking '
         'part in the program, explained to Denver7.', "Surafel Alemayehu"),
        ('The activists were "doing massive damage to the cause," Minister for Economic Affairs and '
         'Climate Action Robert Habeck said.', "Robert Habeck"),
        # a paragraph that is a quote alone after a named speaker's reported speech is theirs,
        # unless it names them
        ('Senator David Pocock said there was no time to waste in holding emitters to account.\n\n'
         '"Given the decades of lost opportunity, we simply do not have the luxury of time."',
         "David Pocock"),
        ('Senator David Pocock said there was no time to waste in holding emitters to account.\n\n'
         '"If Senator Pocock thinks that, he is wrong about the luxury of time."', "unknown"),
        # a role anywhere in a description ("... Mission Lead at Business Finland"); "Al" opening
        # a name is no connector, a sentence adverb no name; shouting is saying
        ('Outi Suomi, Circular Transition for Zero Waste Mission Lead at Business Finland, emphasized, '
         '"The forest policy is now favorable for reforms."', "Outi Suomi"),
        ('Nonetheless, prophet of doom Al Gore shouts that "we could lose our capacity for '
         'self-governance" if we do not act.', "Al Gore"),
        # a name particle standing alone and capitalised is a name ("Al", "Le"), here the full
        # name it opens
        ('Al Gore spoke in Berlin in 2008. Al warned them that "the entire cap will disappear in '
         'five years."', "Al Gore"),
        ('Tran Le spoke on Monday. "We will rebuild the port," Le said.', "Tran Le"),
        # a place after the organisation of a description; a firm after a bare role
        ('"It is certainly nice," Jay Lund, director of University of California, Davis, told the '
         'Chronicle.', "Jay Lund"),
        ('Ann Lee, a student from the University of California, Los Angeles, said the day "was more '
         'than a celebration."', "Ann Lee"),
        ('Commenting on it, Mr. Sunil Gupta, COO, Vedanta Ltd.- Aluminium Business, said "The '
         'aluminium industry stands at the forefront of growth."', "Sunil Gupta"),
        # "and" inside an organisation's name
        ('A new report by the Climate and Health Alliance came out.\n\nThe Alliance has called for '
         '"a food revolution" in Ireland.', "Climate and Health Alliance"),
        # a run of capitals ending in an organisation word is one name, its first word no title
        ('"We are ready," the Republican National Committee said.', "Republican National Committee"),
        ('"Rates rose," said the Federal Communications Commission.', "Federal Communications Commission"),
        # a question is said by the one who asked it
        ('"Why would anyone do that now?" Senator Ann Lee asked.', "Ann Lee"),
        # a title held in an organisation or a state: the name after it
        ('"It is done," Governor of the Bank of England Andrew Bailey said.', "Andrew Bailey"),
        ('"It is done," Chair of the Federal Reserve Jerome Powell said.', "Jerome Powell"),
        ('"It is done," Archivist of the United States Colleen Shogan said.', "Colleen Shogan"),
        ('"It is done," Secretary of State Hillary Rodham Clinton said.', "Hillary Rodham Clinton"),
        ('"It is done," Greg Raiff, chief executive officer of Private Jet Services, said.', "Greg Raiff"),
        # a verb and its object is no speaker ("paying an architect"): the subject of the clause
        # before ", saying," is
        ('Trump was defensive when forced to defend not paying an architect who said he was stiffed '
         'after he designed a clubhouse at one of his golf courses, saying, "He did a bad job."', "Trump"),
    ],
)
def test_names_behind_appositives_titles_and_owners(text, speaker):
    quotes = attribute(text)
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == [speaker]


def test_acronyms_stand_for_the_capitalised_words_they_spell():
    text = ("Emissions fall, according to the International Transport Forum (ITF). The National "
            "Weather Service (NWS) agreed, as did the WWA (World Weather Attribution) and "
            "the Forum of Small Things (FST) and the Climate Group (XYZ). General Motors (GM) did not.")
    assert acronyms(text) == {"ITF": "International Transport Forum", "NWS": "National Weather Service",
                              "FST": "Forum of Small Things", "GM": "General Motors"}


def test_a_surname_used_alone_cuts_a_run_of_capitals_to_the_name_but_keeps_initials():
    text = ('"It matters," J. Gerald Hebert said.\n\nHebert said more.\n\n'
            '"It costs," Maricopa County Recorder Helen Purcell said.\n\nPurcell said more.\n\n'
            '"It rules," Judge Jane Branstetter Stranch wrote.\n\nStranch wrote more.\n\n'
            '"It pays," the Brookings Institution Hamilton Project said.\n\nProject leaders spoke.')
    quotes = attribute(text)
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == [
        "J. Gerald Hebert", "Helen Purcell", "Jane Branstetter Stranch",
        "Brookings Institution Hamilton Project"]


def test_a_title_and_surname_met_again_is_who_he_means():
    quotes = attribute("Archbishop Ian Ernest visited Bishop Dr Azad Marshall.\n\n"
                       '"We are glad," said Archbishop Ernest.\n\n'
                       "Earlier, Bishop Marshall briefed the meeting.\n\n"
                       '"We need to act together," he emphasised.')
    assert quotes["speaker"].tolist() == ["Ian Ernest", "Azad Marshall"]


def test_a_surname_opening_a_sentence_is_who_he_means():
    quotes = attribute("Ann Lee, a senator, met Tom Hill, a mayor.\n\n"
                       "Lee left early. In a separate post on Wednesday, he wrote: \"We won.\"")
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == ["Ann Lee"]


def test_a_thing_with_a_which_clause_is_not_a_person_introduced():
    quotes = attribute("Ann Lee said the rules should apply to Horizon Europe, which runs to 2027.\n\n"
                       '"I wish for the same," she said.')
    assert quotes["speaker"].tolist() == ["Ann Lee", "Ann Lee"]


def test_surnames_fold_to_a_full_name_written_in_the_document():
    quotes = attribute("The actress Jane Fonda flew to Alberta, and Rachel Notley met her.\n\n"
                       '"People should not be fooled by liberals," Fonda said.\n\n'
                       '"That is super tone deaf and wrong," Notley said.')
    assert quotes["speaker"].tolist() == ["Jane Fonda", "Rachel Notley"]


def test_a_place_after_a_name_and_a_website_of_an_organisation():
    quotes = attribute('"We will vote no," said Sen. Joe Manchin of West Virginia.\n\n'
                       'The Sierra Club said it would sue. "We defend the climate," the website says.')
    assert quotes["speaker"].tolist() == ["Joe Manchin", "Sierra Club", "Sierra Club"]


def test_a_closing_attribution_with_a_time_or_place_and_a_bare_colon():
    text = "Monsoons could affect a billion people, Mr. Obama said in his interview."
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Obama", "..., X said"]]
    assert text[quotes.at[0, "content_start"]:quotes.at[0, "content_end"]] == \
        "Monsoons could affect a billion people"
    colon = attribute('Ann Lee said:\n\n"We will rebuild every house in this town."')
    assert colon[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Ann Lee", "direct", "quote after an attribution in the previous paragraph"]]


def test_an_occupation_before_a_name_and_a_headline_above_it_are_not_the_name():
    quotes = attribute("Fonda Heads To Canada For A Protest\n"
                       "Actress Jane Fonda flew to Alberta.\n\n"
                       '"People should not be fooled by liberals," Fonda said.')
    assert quotes["speaker"].tolist() == ["Jane Fonda"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"Prices will rise," Author Patrick De Haan wrote.', "Patrick De Haan"),
    ('"We act now," said Commission President Ursula von der Leyen.', "Ursula von der Leyen"),
    ('"The deal is done," Crown Prince Mohammed bin Salman said.', "Mohammed bin Salman"),
    ('"France will stand," President de Gaulle said.', "de Gaulle"),
    ('"No comment," the head of the Pentagon said.', "head of the Pentagon"),
])
def test_particles_inside_a_name_are_not_a_role(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Mayor Bill de Blasio spoke on Sunday.\n\n"We are safe from the storm now," De Blasio said.',
     "Bill de Blasio"),
    ('Bill Clinton spoke on Sunday.\n\n"We are safe from the storm now," Clinton said.', "Bill Clinton"),
    ('"We are safe from the storm now," De Blasio said.', "De Blasio"),
])
def test_a_surname_with_a_particle_or_after_bill_folds_to_the_full_name(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "pattern", "content"),
    [
        # the verb before the speaker at a sentence's end, with the speaker's appositive
        ("Turnout rose, said Steven Taylor, a professor at Troy University.", "Steven Taylor",
         "..., said X", "Turnout rose"),
        ("Imports rose, said the company's chief executive, John Ferriola.", "John Ferriola",
         "..., said X", "Imports rose"),
        # time words and the object of "told" after the verb
        ("Turnout rose, he told a Senate panel on Wednesday.", "unknown", "..., X said",
         "Turnout rose"),
        ("Turnout rose, Ann Lee said Wednesday morning.", "Ann Lee", "..., X said", "Turnout rose"),
        ("Ann Lee told CNN on Monday that turnout rose.", "Ann Lee", "X said that",
         "that turnout rose"),
        # an attribution inserted in the sentence
        ("The latest test, North Korea said, was its biggest.", "North Korea", "..., X said, ...",
         "The latest test, North Korea said, was its biggest"),
        # a participle or a coordinated verb after the clause of its subject
        ("Ann Lee attacked Tom Hill, saying he would cut taxes.", "Ann Lee", "X did, saying",
         "he would cut taxes"),
        ("Ann Lee left a note, stating that taxes would rise.", "Ann Lee", "X did, saying",
         "that taxes would rise"),
        ("Ann Lee met the mayor and said that taxes would fall.", "Ann Lee", "X said that",
         "that taxes would fall"),
        # a party and state in parentheses, a time phrase between subject and verb
        ("Sen. Ann Lee (D-Vt.) said taxes would fall.", "Ann Lee", "X said that",
         "taxes would fall"),
        ("Ann Lee on Tuesday said taxes would fall.", "Ann Lee", "X said that", "taxes would fall"),
        # a relative clause, a possessive appositive, an adverb between commas
        ("Voters backed Ann Lee, who said taxes would fall.", "Ann Lee", "X said that",
         "taxes would fall"),
        ("Ann Lee, Clinton's director of campaigns, said taxes would fall.", "Ann Lee",
         "X said that", "taxes would fall"),
        ("Forbes, however, says that taxes fell.", "Forbes", "X said that", "that taxes fell"),
        # roles chained between the name and the verb
        ("Ann Lee, CEO, The Green Ark said that taxes fell.", "Ann Lee", "X said that",
         "that taxes fell"),
        # unnamed groups are speakers; poll shares report with no speaker
        ("Taxes will rise, critics say.", "critics", "..., X said", "Taxes will rise"),
        ("Now, 52 percent said taxes would rise.", "unknown", "X said that", "taxes would rise"),
        ("About six in 10 say taxes would rise.", "unknown", "X said that", "taxes would rise"),
        ("Those surveyed say taxes would rise.", "unknown", "X said that", "taxes would rise"),
    ],
)
def test_reported_speech_patterns(text, speaker, pattern, content):
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [[speaker, "indirect", pattern]]
    assert text[quotes["content_start"][0]:quotes["content_end"][0]] == content


def test_wrong_sentence_splits_are_undone_for_attribution():
    # the splitter ends a sentence after "(I-Vt.)" and after a quote ending in "?"
    quotes = attribute('Sen. Ann Lee (I-Vt.) said taxes would fall.\n\n'
                       '"Should I stay at home?" Lee said in the interview.')
    assert triples(quotes) == [
        ("Ann Lee", "indirect", "Sen. Ann Lee (I-Vt.) said taxes would fall."),
        ("Ann Lee", "direct", "Should I stay at home?")]


def test_coordinated_verb_names_its_subject_only_for_saying():
    # 'reported' with no 'that' after a coordinated clause is no attribution of the clause's words
    assert attribute("Police caught the men, and reported glue on the glass.").empty
    assert speakers_of('Ann Lee did not answer but insisted, "We are on your side here."') == [
        ("Ann Lee", "direct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rubio Says Reform Was A Sign Of Leadership", [("Rubio", "Reform Was A Sign Of Leadership")]),
        ("Trump Is Like A Lawyer's Client, Trevor Noah Says.",
         [("Trevor Noah", "Trump Is Like A Lawyer's Client")]),
        ("The Man Who Says No To Everything", []),  # no speaker before the verb
        ("Rubio says reform was a sign", [("Rubio", "reform was a sign")]),  # not a headline
    ],
)
def test_headline_speech(text, expected):
    quotes = attribute(text)
    assert [(s, text[a:b]) for s, a, b in zip(quotes["speaker"], quotes["content_start"],
                                             quotes["content_end"], strict=True)] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The Defence Ministry met on Monday. They said: "We will not negotiate at all."',
         "Defence Ministry"),
        ('The Defence Ministry issued a statement. A statement read: "We will not negotiate."',
         "Defence Ministry"),
        # two organisations named: "they" is not resolved
        ('The Defence Ministry met the Finance Ministry. They said: "We will not negotiate."',
         "unknown"),
    ],
)
def test_they_and_statements_speak_for_the_one_organisation_named(text, speaker):
    assert speakers_of(text) == [(speaker, "direct")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name given to "a group" is the group's; "the group" then means it, among other names
        ('A group of activists, called the Tyre Menders, met Fox News. "We mend tyres at night," '
         'the group said.', "Tyre Menders"),
        ('A group of activists, called the Tyre Menders, met Fox News. "We mend tyres at night," '
         "the group's website says.", "Tyre Menders"),
        ('A group of activists, called the Tyre Menders, met Fox News. "We mend tyres at night," '
         "says the website of the group.", "Tyre Menders"),
        ('A group of activists, called the Tyre Menders, met at night. "We mend tyres," the '
         "leaflet reads.", "Tyre Menders"),
        # a description of an organisation: the one organisation named so far
        ('The Met Office issued a warning. The weather agency said: "Winds will rise at dawn."',
         "Met Office"),
        # two named, neither written with the description's word: no guess
        ('The Met Office met the Defence Ministry. The weather agency said: "Winds will rise."',
         "weather agency"),
        # a description of a person: the one person named so far
        ('Li Qun, deputy minister of culture, spoke on Sunday. "It is a real achievement," the '
         "official said.", "Li Qun"),
        # an abbreviated title before a full name introduces the person ("Sen. Ann Lee")
        ('For example, Sen. Ann Lee (D-WV) railed against the move. "The government has no '
         'authority here," the senator said.', "Ann Lee"),
        # two people named, a plural, or "another": no guess
        ('Li Qun, deputy minister, met Ann Lee, a professor. "It is a real achievement," the '
         "official said.", "official"),
        ('Li Qun, deputy minister of culture, spoke on Sunday. "It is a real achievement," the '
         "officials said.", "officials"),
        ('Li Qun, deputy minister of culture, spoke on Sunday. "It is a real achievement," '
         "another official said.", "another official"),
    ],
)
def test_descriptions_join_the_one_organisation_or_person_they_can_mean(text, speaker):
    assert speakers_of(text) == [(speaker, "direct")]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # a description of one person right after that person was quoted: elegant variation
        ('Li Qun, a banker, met Ann Lee, a professor. "We are ready," Lee said. "It is a real '
         'achievement," the billionaire added.', "Ann Lee"),
        ('Li Qun, a banker, met Ann Lee, a professor. "We are ready," Lee said. "It is a real '
         'achievement," the veteran Portuguese socialist added.', "Ann Lee"),
        # a capitalised organisation word, or a plural: no guess
        ('Li Qun met Ann Lee. "We are ready," Lee said. "It is a real achievement," the '
         "Pentagon spokesman added.", "Pentagon spokesman"),
        ('Li Qun met Ann Lee. "We are ready," Lee said. "It is a real achievement," the '
         "billionaires added.", "billionaires"),
    ],
)
def test_a_description_after_a_quote_is_the_person_just_quoted(text, second):
    assert speakers_of(text) == [("Ann Lee", "direct"), (second, "direct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker who names or describes something reports it ("X called Y a Z", "X described
        # Y as Z"), the subject just before the verb, perfect tense and adverbs allowed
        ("Stoltenberg called the attack a war crime.", [("Jens Stoltenberg", "X called Y Z")]),
        ("Lavrov described the invasion as a special military operation.",
         [("Lavrov", "X called Y Z")]),
        ("Stoltenberg has repeatedly called the attack a war crime.",
         [("Jens Stoltenberg", "X called Y Z")]),
        # an evaluative adjective ending the clause is a label too
        ("The president called the decision unacceptable.", [("president", "X called Y Z")]),
        # not a label: a passive, a phone call, a time after the object, "called on", an adjective
        # before a noun, a name given to a thing, a speaker far from the verb
        ("The war was called a special operation by Moscow.", []),
        ("Putin called Biden on Tuesday to discuss the summit.", []),
        ("He called the company a day later to complain.", []),
        ("Stoltenberg called on allies to send an air defence system.",
         [("Jens Stoltenberg", "X said that")]),  # an attribution verb of its own
        ("The president called the famous singer.", []),
        ("A group called the Tyre Extinguishers deflated tyres.", []),
        ("The group worked with Ann Lee, a designer, to organize a party called Anti-Prom at a "
         "factory.", []),
        # an acronym before a name is its organisation ("WHO Tedros" is Tedros Ghebreyesus)
        ("Director-General Tedros Ghebreyesus spoke in Davos. WHO Tedros described Disease X as a "
         "blueprint.", [("Tedros Ghebreyesus", "X called Y Z")]),
    ],
)
def test_naming_verbs_report_a_label(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == expected



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of judging aloud report what the subject judges: its words, not the narrator's
        ("Stoltenberg condemned Russia's aggression against Ukraine.",
         [("Jens Stoltenberg", "indirect", "Russia's aggression against Ukraine")]),
        ("Zelensky blamed Moscow for the attack on the dam.",
         [("Volodymyr Zelensky", "indirect", "Moscow for the attack on the dam")]),
        ("Critics accused the government of hiding the figures.",
         [("Critics", "indirect", "the government of hiding the figures")]),
        ("The strike was a crime.", []),
        # ... and so do verbs of rejecting, dismissing, defending and mocking aloud
        ("Ann Lee dismissed the report as a smear.",
         [("Ann Lee", "indirect", "the report as a smear")]),
        ("The union rejects the offer of a two percent raise.",
         [("union", "indirect", "the offer of a two percent raise")]),
    ],
)
def test_judging_verbs_report_what_is_judged(text, expected):
    quotes = attribute(text)
    segments = voices(text, quotes)
    reported = segments.loc[segments["voice"] == "reported", "text"].tolist()
    assert list(zip(quotes["speaker"], quotes["kind"], reported, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an aside ending in an age or a decade is no subject; the phrase before it is
        ("The couple, both 47, said the house was lost.", "couple"),
        ("The students, who were in their 20s, said the '90s were better.", "students"),
        # a number before the speaker is no part of it, nor the "of" after "percent"
        ("Still, 52 percent of registered voters say they would consider it.", "registered voters"),
        # a group word after an opening phrase: the group speaks
        ("Contrary to his claims, authorities say he never had access.", "authorities"),
        ("In the end, his former foes say he is the right man.", "former foes"),
        # a determiner alone names no one: unknown, never a blank speaker
        ("Many said the plan had failed.", "unknown"),
        ("Both have argued that the plan failed.", "unknown"),
    ],
)
def test_ages_numbers_and_determiners_are_no_speakers(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_no_one_named_leaves_he_to_the_last_person():
    quotes = attribute('Curt Schilling posted a meme. All agreed that it was crude. "It is a joke," he said.')
    assert quotes["speaker"].tolist() == ["Curt Schilling", "unknown", "Curt Schilling"]


def test_administrator_is_a_title_and_its_description_finds_the_one_person():
    quotes = attribute("Growth will slow, said Achim Steiner, head of the UN Development Programme.\n\n"
                       "The UNDP administrator said China had done well.")
    assert quotes["speaker"].tolist() == ["Achim Steiner", "Achim Steiner"]
    assert attribute("EPA Administrator Michael Regan said the rule was final.")["speaker"].tolist() == [
        "Michael Regan"]


@pytest.mark.parametrize(
    ("text", "speaker", "pattern"),
    [
        ('"The plan is a sinister move," is how independent journalist Ben Bartee put it.',
         "Ben Bartee", "how X put it"),
        ('"It is a larger agenda," is how the Daily Planet puts it.', "Daily Planet", "how X put it"),
        # a medium between the subject and its verb is no part of the subject
        ('Patronis in a prepared statement said he does not "trust the ability to deliver" at all.',
         "Patronis", "X said ... quote"),
    ],
)
def test_how_x_put_it_and_a_medium_before_the_verb(text, speaker, pattern):
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [[speaker, pattern]]


def test_a_medium_does_not_swallow_the_coordinated_verb():
    quotes = attribute("A Pentagon spokesman repeated the release in a statement to The Daily Wire and "
                       "said the product will not be used.")
    assert quotes["speaker"].tolist() == ["Pentagon spokesman"]
    assert quotes["as_written"].tolist() == ["A Pentagon spokesman"]


def test_a_writing_speaks_for_the_author_it_was_named_with():
    quotes = attribute("The report from the Climate Change Advisory Council said targets would be missed.\n\n"
                       '"These appeals will add delays," the report stated.\n\n'
                       '"Costs will rise," the study said.')
    # the study has no named author: unknown, never "study"
    assert quotes["speaker"].tolist() == ["Climate Change Advisory Council"] * 2 + ["unknown"]
    assert quotes["as_written"].tolist()[1:] == ["the report", "the study"]


def test_a_named_speaker_before_the_quote_beats_the_writing_after_it():
    quotes = attribute('Ann Lee, founder of Hazon, said they "have been captured by a naive '
                       'ideology," the outlet reported.')
    assert quotes["speaker"].tolist() == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the role first, then the name, both between commas, then the verb
        ('"We will not stop," the group\'s spokesperson, Ann Lee, said on Monday.', "Ann Lee"),
        ('"Governments take such a view," the executive director of Climate Rights International, '
         'Brad Adams, told The Guardian.', "Brad Adams"),
        # a compound role ("co-lead", "vice-president") is a role by its last part
        ('"Demand is apparent," Carmichael Roberts, co-lead at the corporation\'s investment '
         'committee, said in the statement.', "Carmichael Roberts"),
    ],
)
def test_role_before_name_between_commas_and_compound_roles(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a naming verb before a quotation: the quoted label is the subject's word
        ("Clinton called half of Donald Trump's supporters \"deplorables.\"",
         [("Clinton", "X called Y quote", "deplorables.")]),
        ('Christie described Clinton as a "disgrace" over her remarks.',
         [("Christie", "X called Y quote", "disgrace")]),
        ('The Oversight Council deemed climate change to be an "emerging and increasing threat."',
         [("Oversight Council", "X called Y quote", "emerging and increasing threat.")]),
        # a name given to a thing, and a passive, are no speaker's label
        ('The group staged a show called "Save the Planet" in London.', []),
        ('The move was called "a disgraceful decision by the council" by critics.',
         [("unknown", "unattributed", "a disgraceful decision by the council")]),
    ],
)
def test_naming_verb_before_a_quotation(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], quotes["quote"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('James reassured the public that her office "will always ensure fair prices."', "James"),
        ('At the same forum, Liao advocated "editing" humans to become "so small that cats eat us."',
         "Liao"),
        ('Biden again touted his "Bidenomics" policies in a speech in South Carolina.', "Joe Biden"),
    ],
)
def test_verbs_of_promoting_and_reassuring(text, speaker):
    assert set(attribute(text)["speaker"]) == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker", "pattern"),
    [
        # a surname opening with a lower-case particle is a name
        ('"You are asking for a phase-out of fossil fuel," al-Jaber said.', "al-Jaber", "X said"),
        ('"We will not accept this," said el-Sisi.', "el-Sisi", "said X"),
        # the one who writes with co-authors or colleagues leads them
        ('"This strategy would not counteract the forcing," Schwarz and his co-authors wrote.',
         "Schwarz", "X said"),
        ('Smith and colleagues wrote: "The effect was small in every region."', "Smith",
         "X said ... quote"),
    ],
)
def test_particle_surnames_and_the_lead_of_co_authors(text, speaker, pattern):
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [[speaker, pattern]]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the base form of a verb of saying, said of several in the present
        ("The waiver system diminished the federal brand, critics argue.", "critics"),
        ("American officials insist that they give no support to the fighters.", "American officials"),
        # "note" is a noun as often: a note to staff is no attribution of its own
        ("In a subsequent note to staff, Zucker said coverage would change.", "Zucker"),
    ],
)
def test_base_forms_of_verbs_of_saying(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an "and" after an organisation word, "of"/"for" and capitalised words goes on with its name
        ('"We are reviewing the rule," said the Department of Health and Human Services.',
         "Department of Health and Human Services"),
        ("The Department of Health and Human Services said it was reviewing the rule.",
         "Department of Health and Human Services"),
        ('"We are reviewing the rule," the Ministry of Trade and Industry said on Monday.',
         "Ministry of Trade and Industry"),
        ('"The region is vulnerable," said the Eastern Africa Parliamentary Alliance for Food Security '
         "and Nutrition in a joint statement.",
         "Eastern Africa Parliamentary Alliance for Food Security and Nutrition"),
        # not a person after "and"
        ("A study by Thomas Covert of the University of Chicago and Professor Christopher Knittel "
         "concluded that prices fell.", "Christopher Knittel"),
    ],
)
def test_and_inside_the_name_of_an_organisation(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a plural agent noun speaks as a group; so do "groups"
        ("It would be unusual, but security specialists say it's a realistic extension.",
         "security specialists"),
        ("Democrats and civil rights groups say they came to the table.", "civil rights groups"),
        # sources that are no speaker: the sentence is reported speech, its speaker unknown
        ("Those close to him say that he would have to consider Don Beyer.", "unknown"),
        ("Until the shutdown, most of them said they had loved working for Carrier.", "unknown"),
        ("About one in five say they would either not vote or are unsure.", "unknown"),
    ],
)
def test_groups_and_unnamed_sources_report(text, speaker):
    quotes = attribute(text)
    assert quotes[["speaker", "kind"]].values.tolist() == [[speaker, "indirect"]]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a source that is no speaker, described after its head, shows what is reported
        ("A poll conducted by voters in Saturday's primary showed that electability is important.",
         "that electability is important"),  # "that" is kept, as after "said"
        ("Video of the incident shows him with his hands in the air.", "him with his hands in the air"),
        ("Exit polls from the primary, which Mr. Trump won, showed that 65 percent supported his call.",
         "that 65 percent supported his call"),
        # the source after what it shows
        ("Bush had to lend his campaign money last month, fundraising documents show.",
         "Bush had to lend his campaign money last month"),
    ],
)
def test_sources_that_show(text, content):
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [["unknown", "a source shows"]]
    assert text[quotes["content_start"].iat[0]:quotes["content_end"].iat[0]] == content


def test_a_quantity_that_shows_up_reports_nothing():
    assert attribute("Half of the voters showed up late.").empty


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a share of a group saying something, as polls are reported
        ("Trump improved his standing, with 30 percent of voters saying they have a positive view of him.",
         "voters"),
        ("Voters shrugged it off, with three in 10 saying a running mate would have no effect.", "unknown"),
    ],
)
def test_a_share_saying(text, speaker):
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [[speaker, "with a share saying"]]


def test_with_someone_saying_nothing_is_no_share():
    assert attribute("He left the room with his aides saying nothing.").empty


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an evaluative adjective ending its clause is a naming verb's label
        ("The Trump campaign called the charges unsubstantiated and fabricated.", "Trump campaign"),
        ("Trump called the debate rigged.", "Trump"),
        ("They called the famous singer on Monday.", None),  # a noun follows: a phone call
        ("She called the police department after the attack.", None),
    ],
)
def test_an_adjective_as_the_label_of_a_naming_verb(text, speaker):
    quotes = attribute(text)
    assert quotes["speaker"].tolist() == ([speaker] if speaker else [])


def test_a_negated_verb_of_saying_keeps_its_subject():
    quotes = attribute("Mr. Peck doesn't believe a deal will come before 2017.")
    assert quotes[["speaker", "kind"]].values.tolist() == [["Peck", "indirect"]]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a relative clause of saying after a noun that is no speaker phrase: reported, speaker unknown
        ("He was defensive about not paying an architect who said he was stiffed after he designed a "
         "clubhouse.",
         [("unknown", "X said that")]),
        ("Among those who said they cared most about honesty, most backed Clinton.",
         [("unknown", "X said that")]),
        # a named subject of the sentence's own verb comes first
        ("Ted Cruz, who said he was tired, argued that the plan would fail.",
         [("Ted Cruz", "X said that")]),
        ("Who said that the war was over?", []),  # a question
    ],
)
def test_relative_clauses_of_saying(text, rows):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == rows


def test_the_subject_of_a_relative_clause_of_saying_is_written_who():
    # the speaker is the noun before "who"; as written, the noun and its "who" (as "he" is kept)
    quotes = attribute("Sen. Ann Lee, who has also said taxes would fall, voted for the bill.")
    assert quotes[["speaker", "as_written", "pattern"]].values.tolist() == [
        ["Ann Lee", "Sen. Ann Lee, who", "X said that"]]
    plain = attribute("Sen. Ann Lee said taxes would fall.")
    assert plain[["speaker", "as_written"]].values.tolist() == [["Ann Lee", "Sen. Ann Lee"]]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a group opening the sentence, then where or whom it is from: the group speaks
        ("Officials in Washington said the talks would resume.", "Officials"),
        ("Experts on North Korea and nuclear nonproliferation said the test could change that.", "Experts"),
        ("But protest organizers in Cleveland say the rules are too strict.", "protest organizers"),
        ("Residents of the town said the water was unsafe.", "Residents of the town"),  # "of" binds
    ],
)
def test_a_group_before_its_place_speaks(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_citing_reports_the_reason_given():
    quotes = attribute("The senator voted against the bill, citing its cost to taxpayers.")
    assert quotes[["speaker", "pattern"]].values.tolist() == [["senator", "X did, saying"]]
    assert quotes["content_start"].iat[0] == len("The senator voted against the bill, citing ")


def test_a_sentence_adverb_between_subject_and_verb():
    assert attribute("Carter however said he would welcome China's participation.")["speaker"].tolist() == [
        "Carter"]


def test_member_is_a_role_of_an_appositive():
    quotes = attribute("Rep. Bobby Scott (D-Va.), ranking member of the House education committee and one "
                       "of the bill's chief negotiators, said he fully supports the compromise.")
    assert quotes["speaker"].tolist() == ["Bobby Scott"]


def test_said_after_a_named_subject_and_its_description_is_its_verb():
    quotes = attribute("Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said "
                       "the Khan family deserved better.")
    assert quotes[["speaker", "pattern"]].values.tolist() == [["John Kasich", "X said that"]]
    # a clause before ", said X" is no subject: X speaks
    assert attribute("The plan will fail, said Ann Lee, a senator.")["speaker"].tolist() == ["Ann Lee"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a passive's subject is told or asked, not the speaker: reported, speaker unknown
        ("He was told that the plan had failed.", [("unknown", "X said that")]),
        ("Nobody opposed him - he was confirmed 92 to 0.", []),  # no clause: nothing reported
        ("It is noted that costs rose.", []),  # impersonal: no one is told
        # a reporter's dateline and a win claimed report nothing
        ("Lerer reported from Los Angeles.", []),
        ("Sanders had also claimed a victory in the New Hampshire primary.", []),
        # the active senses still do
        ("Sanders claimed that the primary was rigged.", [("Sanders", "X said that")]),
    ],
)
def test_senses_of_verbs_of_saying_that_report_nothing(text, rows):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == rows


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of a naming verb keeps its relative clause; a noun it names is no speaker
        ('Rep. Ann Lee (R-Minn.), who represents the region where the mine was to be built, called '
         'the decision "an attack on our way of life."', "Ann Lee"),
        ('Ann Lee, the group\'s leader, called the plan "a farce."', "Ann Lee"),
        ('The group, called "Just Stop Oil," blocked the road on Monday.', None),
    ],
)
def test_the_subject_of_a_naming_verb_with_its_relative_clause(text, speaker):
    quotes = attribute(text)
    assert quotes["speaker"].tolist() == ([speaker] if speaker else [])


def test_a_full_name_opening_a_sentence_is_whom_a_pronoun_means():
    text = ("Ros Druce knows there is coal dust in the air she breathes.\n\n"
            '"They said it was 15 per cent coal dust back then," she says.\n\n')
    quotes = attribute(text + "Druce says she is hoping for a win.")
    assert quotes["speaker"].tolist() == ["Ros Druce", "Ros Druce"]
    # so is one whose surname is never used alone (test below)
    assert attribute(text)["speaker"].tolist() == ["Ros Druce"]


@pytest.mark.parametrize("opening", ["Maybe Trump", "Chasing Trump", "Republicans Jolly"])
def test_a_capitalised_word_that_is_no_first_name_opens_no_name(opening):
    quotes = attribute(f"{opening} went to the rally. The Republican crowd cheered.\n\n"
                       f'"We will win," he said.\n\nIt was maybe hot. {opening.split()[1]} said it was.')
    assert quotes["speaker"].tolist()[0] == "unknown"


def test_two_single_marks_for_a_double_one():
    quotes = attribute("''That's financed by the taxpayers they just fired,'' said Senator Joe Donnelly. "
                       "''They are furious and want their money back.''")
    assert list(zip(quotes["speaker"], quotes["quote"], strict=True)) == [
        ("Joe Donnelly", "That's financed by the taxpayers they just fired"),
        ("Joe Donnelly", "They are furious and want their money back."),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "one" opening a description of an unnamed speaker, as "a" does
        ('"I do not want to be on the wrong side of him," said one former campaign staffer.',
         "one former campaign staffer"),
        ('"I do not want to be on the wrong side of him," one longtime friend said.', "one longtime friend"),
        # "one" alone, or opening "one of" or a participle, is no such description
        ('"We have seen enough of this in the state," if one adds the rest.', "unknown"),
    ],
)
def test_one_opens_a_description_of_a_speaker(text, speaker):
    assert attribute(text)["speaker"].tolist()[0] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a clause ending in a colon introduces the quotation after it, in the same sentence or
        # opening the next paragraph, when its subject ends with a name of two or more words
        ('In response, nominee Donald Trump issued the following statement: "Our prayers are with '
         'all those affected by the attacks."', "Donald Trump"),
        ("Donald Trump issued the following statement:\n\n"
         '"Our prayers are with all those affected by the attacks."', "Donald Trump"),
        ('17-year-old Jared Potts echoed:\n\n"He speaks his mind, and that is what the country needs."',
         "17-year-old Jared Potts"),
        # no name, or one word, is no such subject
        ('Here is the full statement: "We are deeply saddened by the loss of our colleague."', "unknown"),
        ('Partial transcript as follows:\n\n"We are deeply saddened by the loss of our colleague."',
         "unknown"),
    ],
)
def test_a_named_clause_ending_in_a_colon_introduces_a_quotation(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb whose object, an act of speech or a writing, is the quotation right after it
        ('Global Warming fraud Al Gore made a new \'climate change\' prediction "once we get to true '
         'net zero."', "Al Gore"),
        ('The minister issued a statement: "The entire North cap will disappear in five years."',
         "minister"),
        ('Gore made a bold prediction, "the entire North cap will disappear in five years."', "Gore"),
        # any other object, or a speech act that is not the verb's object, introduces nothing
        ('Gore made a bold move, "the entire North cap will disappear in five years."', "unknown"),
        ('Here is the prediction: "The entire North cap will disappear in five years."', "unknown"),
    ],
)
def test_a_statement_made_introduces_the_quotation_after_it(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # verbs that attribute a quotation when they follow it (data/after_quote_verbs.txt)
        ('"Would it be negotiable about the 11 million people?" Hannity pressed.', "Hannity"),
        ('"France will always be France," an angry Francois Hollande retaliated.', "Francois Hollande"),
        ('"People are afraid of wasting their votes," Brad Pelletier surmised.', "Brad Pelletier"),
        ('"Divest from new fossil fuel projects now," the Daily Courier reports.', "Daily Courier"),
        ('"Today was more than a celebration," Ann Lee reflected.', "Ann Lee"),
        # before a quotation, "reflected" reports only with "that"
        ('Ann Lee reflected that "today was more than a celebration."', "Ann Lee"),
        # a participle between commas before the quotation
        ('A spokeswoman for the committee emailed reporters the text, arguing, "As you can see, the '
         'law says nothing of the kind."', "spokeswoman for the committee"),
        # before a quotation or without one they report nothing
        ("Sean Hannity pressed the button before the show began on Monday.", None),
    ],
)
def test_verbs_that_attribute_only_after_a_quotation(text, speaker):
    assert attribute(text)["speaker"].tolist() == ([speaker] if speaker else [])


def test_it_is_the_organisation_that_spoke_or_was_named():
    quotes = attribute('The National Weather Service issued a warning on Monday. "This heatwave is not '
                       'typical desert heat," it said.')
    assert quotes["speaker"].tolist() == ["National Weather Service"]
    # with no organisation named, "it" is no one
    alone = attribute('"This heatwave is not typical desert heat," it said.')
    assert alone["speaker"].tolist() == ["unknown"]


def test_a_participle_after_a_place_introduces_no_person():
    quotes = attribute('"He is a hater," Trump said at a rally in San Diego, adding that he believed the '
                       'judge was "Mexican."\n\nHe also suggested action: "They ought to look into the judge '
                       'and what he is doing."')
    assert quotes["speaker"].tolist() == ["Trump", "Trump", "Trump"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participial phrase and a party-and-state label between a name and its verb are asides
        ("Salceda, citing data from the U.S. State Department, said that 4 million people live there.",
         "Salceda"),
        ('President Obama, speaking at the dedication of the National Museum on Saturday, said it would '
         'tell a story of "suffering and delight."', "Obama"),
        ("Sen. Marco Rubio, R-Fla., appearing on Fox News after the speech, said that it failed.",
         "Marco Rubio"),
        # a participle after a group is not cut off its subject when no name stands before it
        ("Many Republicans, including Paul Ryan, said the plan would fail.", "Republicans"),
    ],
)
def test_asides_between_a_name_and_its_verb(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


FAST_SCAN_TEXT = ("Jane Fonda met anti-Joe Biden crowds; O'Connell Ray and McKendree-Smith Lee spoke. "
                  "xJohn Smith, an actor, met Lee Smith, an actor, and Smith-Jane Doe of the Transport "
                  "Forum (TF), Ward et al. and Dr. Ann Lee")


def test_fast_scan_patterns_find_no_match_after_a_letter_or_hyphen():
    """The patterns written with the word-start check after their first letter (so the regex
    engine scans for capitals) find what a leading (?<![\\w-]) finds: nothing inside "anti-Joe",
    "xJohn" or "Smith-Jane"."""
    import re

    from analysis import quotes

    def found(pattern):
        return [m.group() for m in re.finditer(pattern, FAST_SCAN_TEXT)]

    names = ["Jane Fonda", "O'Connell Ray", "McKendree-Smith Lee", "Lee Smith", "Smith-Jane Doe",
             "Transport Forum", "Ann Lee"]
    assert found(quotes._WORD_START_NAME) == found(rf"(?<![\w-]){quotes._NAME}") == names
    assert found(quotes._TITLE_SURNAME) == ["Jane Fonda", "Connell Ray", "Lee Smith", "Transport Forum",
                                            "Ann Lee"]
    assert [m.group(1) for m in quotes._INTRODUCED.finditer(FAST_SCAN_TEXT)] == ["Lee Smith"]
    assert found(quotes._ET_AL) == ["Ward et al."]
    assert [m.groups() for m in quotes._ACRONYM_AFTER.finditer(FAST_SCAN_TEXT)] == [
        ("Smith-Jane Doe of the Transport Forum", "TF")]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # an owner before a name is no part of it: the person is Marty Walsh
        ("Boston's Marty Walsh, a former labor leader, had close ties to the union.\n\n"
         '"We need someone who is battle tested," he said.', ["Marty Walsh"]),
        # "God's Providence" is no person for "she" to mean
        ('Jane Doe, a nurse, spoke first. "Out of God\'s Providence, we are blessed with much," she '
         'said. "We must protect the Earth," she added.', ["Jane Doe", "Jane Doe"]),
    ],
)
def test_an_owner_before_a_name_is_no_part_of_it(text, speakers):
    assert attribute(text)["speaker"].tolist() == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a named person as the subject of the sentence before: the quotation alone after it is theirs
        ('Rita, a teacher from Compton, attended the event with her family. "It is essential for my '
         'children to see their culture celebrated."', ["Rita"]),
        ('Dr. Ann Lee walked along the flooded road. "This water has never come so far inland."',
         ["Ann Lee"]),
        # no named subject, or narration about someone: no speaker
        ('The crowd moved to the square. "This water has never come so far inland."', ["unknown"]),
        ('Jane Doe, a nurse, left early. Then she was moved to another ward. "The first week was '
         'the hardest of my life."', ["unknown"]),
    ],
)
def test_a_quotation_after_a_sentence_naming_its_subject(text, speakers):
    assert attribute(text)["speaker"].tolist() == speakers


def test_a_participle_of_saying_reports_a_quotation_later_in_its_clause():
    quotes = attribute('Ann Lee defended the new targets on Monday, saying the plan was "a sensible way '
                       'to cut emissions".')
    assert list(zip(quotes["speaker"], quotes["kind"], strict=True)) == [("Ann Lee", "direct")]
    short = attribute('Mr Lee also defended the new targets, saying it was time to be "pragmatic and '
                      'realistic".')
    assert list(zip(short["speaker"], short["kind"], strict=True)) == [("Lee", "direct")]


def test_a_possessive_before_who_names_the_speaker():
    quotes = attribute("Lee's claim echoes Speaker of the House Kevin Marsh's, who last Thursday said the "
                       'country should make China "dependent on American natural gas."')
    assert quotes["speaker"].tolist() == ["Kevin Marsh"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "according to" a statement, a letter or a post: who it is from
        ('The groups said the new rules "take us in the right direction," according to a statement '
         "from NRDC chief Ann Lee.", "Ann Lee"),
        ('The Acme Corporation closed the plant. According to a letter from the Acme Workers Union, '
         'the plant "will not reopen within a year."', "Acme Workers Union"),
    ],
)
def test_according_to_a_statement_from_its_author(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an office or a spokesman speaks for the one named before it (data/speaking_for.txt)
        ('Governor Ann Lee signed the bill on Monday. "This ends the mandate," the governor\'s office '
         'said.', "Ann Lee"),
        # when no one is known, the phrase stays as written
        ('"This ends the mandate," the governor\'s office said.', "governor's office"),
    ],
)
def test_an_office_speaks_for_the_one_named_before_it(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the subject proposes or endorses is its stance
        ("Ann Lee proposed a tax on carbon.", [("Ann Lee", "indirect", "a tax on carbon")]),
        ("The union endorsed Ann Lee for mayor.", [("union", "indirect", "Ann Lee for mayor")]),
        # a participle after an article or a possessive is an adjective, one before "by" and its
        # agent a passive: no one's verb of saying
        ("Her proposed tax would raise $1 billion.", []),
        ("The tax proposed by the mayor would raise $1 billion.", []),
        # "by" and a gerund is the way the subject spoke, no agent
        ("Ann Lee responded by pointing to its record.",
         [("Ann Lee", "indirect", "by pointing to its record")]),
    ],
)
def test_proposing_and_endorsing_report_a_stance(text, expected):
    quotes = attribute(text)
    segments = voices(text, quotes)
    reported = segments.loc[segments["voice"] == "reported", "text"].tolist()
    assert list(zip(quotes["speaker"], quotes["kind"], reported, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the named maker of a poll or a report is its source: before it or after "by"
        ("Clinton leads by five points, according to a new Gallup poll.",
         [("Gallup", "according to X")]),
        ("A Monmouth poll showed Clinton ahead in New York.", [("Monmouth", "a source shows")]),
        ("Turnout rose, according to a report by the Acme Institute.",
         [("Acme Institute", "according to X")]),
        # no maker named: no speaker
        ("The latest poll showed Clinton ahead.", [("unknown", "a source shows")]),
        # a sentence opening with the writing that reports it, when nothing else attributes it
        ("In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Clinton.",
         [("NBC News/Wall Street Journal", "according to X")]),
        ("In the latest survey, most voters backed Clinton.", [("unknown", "according to X")]),
        ("In the end, most voters backed Clinton.", []),
    ],
)
def test_the_maker_of_a_writing_is_its_source(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a capitalised "Will" before a surname is a first name, not the auxiliary
        '"It is a pretty expensive model," said Will Doyle, a professor at Vanderbilt University.',
        '"It is expensive," Will Doyle said.',
        "Will Doyle said the model is expensive.",
    ],
)
def test_will_is_a_first_name(text):
    assert attribute(text)["speaker"].tolist() == ["Will Doyle"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # declining to speak is a speech act of the subject
        ("Ann Lee declined to comment on the report.", [("Ann Lee", "indirect", "comment on the report")]),
        # an amount after "declined to" is a fall in value
        ("Fees declined to $281 million in 2014.", []),
    ],
)
def test_declining_to_speak_is_reported(text, expected):
    quotes = attribute(text)
    segments = voices(text, quotes)
    reported = segments.loc[segments["voice"] == "reported", "text"].tolist()
    assert list(zip(quotes["speaker"], quotes["kind"], reported, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline "X: ..." gives X's words, X a name the article uses alone for a person
        ("Pence: Flowers Will Not Be at the Debate\n\nMike Pence spoke on Sunday. Pence said the "
         "debate would go ahead.",
         [("Mike Pence", "X: claim", "Flowers Will Not Be at the Debate"),
          ("Mike Pence", "X said that", "the debate would go ahead")]),
        # no person's name before the colon, or a list's item after the headline: no claim
        ("Update: The Count Is In\n\nMike Pence spoke on Sunday. Pence said the debate would go ahead.",
         [("Mike Pence", "X said that", "the debate would go ahead")]),
        ("Mike Pence spoke on Sunday. Pence said the debate would go ahead.\n\nPence: Win in a walk.",
         [("Mike Pence", "X said that", "the debate would go ahead")]),
    ],
)
def test_a_headline_name_and_colon_give_the_name_s_words(text, expected):
    quotes = attribute(text)
    content = [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)]
    assert list(zip(quotes["speaker"], quotes["pattern"], content, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talking about something: the subject's topic and words
        ("Ann Lee talked about the cost of the war.", [("Ann Lee", "X said that", "the cost of the war")]),
        # participles of suggesting, promising, criticising and accusing carry what follows a clause
        ("Ann Lee left the meeting early, suggesting that the plan had failed.",
         [("Ann Lee", "X did, saying", "that the plan had failed")]),
        ("Ann Lee spent the day in Ohio, promising voters a new bridge.",
         [("Ann Lee", "X did, saying", "voters a new bridge")]),
    ],
)
def test_talking_suggesting_and_promising_report(text, expected):
    quotes = attribute(text)
    content = [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)]
    assert list(zip(quotes["speaker"], quotes["pattern"], content, strict=True)) == expected


def test_telling_someone_carries_a_quotation_after_a_clause():
    quotes = attribute('Ann Lee unveiled the plan on Monday, telling reporters that it "will cut '
                       'emissions in half."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [("Ann Lee", "X did, saying")]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "spoke of" / "spoke about" report; "spoke" alone does not
        ('Ann Lee also spoke of the new coal policy, which "will change the region for good."',
         ["Ann Lee"]),
        ("Ann Lee spoke about the drought in the north, which she called the worst in memory.",
         ["Ann Lee"]),
        ("Ann Lee spoke at the rally in the north on Monday.", []),
        # "comments that" reports; the noun "comments" does not
        ('Ann Lee comments that it is "small wonder that so many have little confidence in the '
         'office."', ["Ann Lee"]),
        ('The comments that he made were "deeply offensive to many voters."', ["unknown"]),
    ],
)
def test_speaking_of_about_and_commenting_report(text, speakers):
    assert attribute(text)["speaker"].tolist() == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a name before a lower-case organisation word names the organisation
        ('The Acme Power company and the Declare Emergency campaign met on Monday. "We will not stop," '
         'the campaign said.', "Declare Emergency campaign"),
        # a nationality before it is no name
        ('The Acme Power company met the Norwegian government. "We will not stop," the government '
         'said.', "government"),
    ],
)
def test_a_name_before_a_lower_case_organisation_word(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_a_participle_before_a_colon_introduces_the_quotation():
    quotes = attribute('The Declare Emergency campaign did not respond to questions, but shared videos '
                       'of the protest, writing: "We the people will not stand for corporate greed."')
    assert quotes["speaker"].tolist() == ["Declare Emergency campaign"]
    # "writing" with an object carries nothing
    assert attribute("Ann Lee spent the winter in Oslo, writing a book about the war.").empty


def test_a_description_after_a_quote_is_its_speaker_not_a_person_only_introduced():
    quotes = attribute('"We are invested in over 100 startups," Ann Lee said during an interview with '
                       "Tom Hill, executive director of the institute. The billionaire added that cows "
                       "matter.")
    assert quotes["speaker"].tolist() == ["Ann Lee", "Ann Lee"]


def test_said_the_report_is_its_named_author():
    quotes = attribute("The work was praised in a recent report by the Acme Policy Review. \"Ann Lee has "
                       'set an example that might inspire other entrepreneurs," says the report.')
    assert quotes["speaker"].tolist() == ["Acme Policy Review"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "according to X" closing the sentence of a quotation with no other attribution
        ('A "fresh group of NASA astronauts" who just completed training will fly in May, according '
         "to Space.com.", "Space.com"),
        # a speaker named in the sentence keeps the quotation
        ('"We are the loud noise," Ann Lee said, according to the Daily Courier.', "Ann Lee"),
    ],
)
def test_according_to_x_closing_the_sentence_of_a_quotation(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name right before a participle of saying is its subject, with no comma between
        ('Ann Lee spoke on Monday. A video shows Lee saying that the plan "will cut emissions in half."',
         [("Ann Lee", "X saying")]),
        ('The full exchange features Ann Lee arguing that the money "is there to save the world."',
         [("Ann Lee", "X saying")]),
        # not a capitalised word opening the sentence, nor one after a determiner
        ('Critics saying that the plan "will cut emissions in half" are wrong.',
         [("unknown", "unattributed")]),
        ('The video shows the Democrats arguing that the plan "will cut emissions in half."',
         [("unknown", "unattributed")]),
    ],
)
def test_a_name_before_a_participle_of_saying_is_its_subject(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == expected


def test_a_study_that_concludes_speaks_for_its_named_author():
    quotes = attribute('A new study by the Acme Institute came out on Monday. The study concludes that '
                       '"the reef will recover within a decade."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [
        ("Acme Institute", "X said ... quote")]


def test_who_released_a_paper_is_its_author_and_it_after_it():
    quotes = attribute('A Pentagon spokesman said the product will not be used.\n\nHarbor University '
                       "researchers also released a paper in August on ways to eat less meat.\n\nThe "
                       'paper concludes that "communications may need to go beyond terminology." It '
                       'recommended that "strategies include using everyday language."')
    assert list(zip(quotes["speaker"], quotes["kind"], strict=True)) == [
        ("Pentagon spokesman", "indirect"), ("Harbor University", "direct"),
        ("Harbor University", "direct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age or a party and state between the name and its verb after a quote is an aside
        ('"We are ready for this," Ann Lee, 66, said on Monday. "Most people agree with us on this."',
         [("Ann Lee", "X said"), ("Ann Lee", "quote in the same paragraph")]),
        ('"We are ready for this," Sen. Ann Lee, R-Fla., said on Monday.', [("Ann Lee", "X said")]),
        # so is a party in brackets
        ('"We are tying their hands," state Sen. Ann Lee (D) said.', [("Ann Lee", "X said")]),
    ],
)
def test_an_aside_between_the_name_and_its_verb_after_a_quote(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relative clause after a name describes it up to the verb, whatever commas it holds
        ('Ann Lee, whose hometown, Dover, is projected to be underwater as the sea level rises, argues '
         'that such efforts will "destroy our economy."', "Ann Lee"),
        ('Ann Lee, who previously questioned whether the judge was fair to the Harbor Authority, said '
         'Friday that the judge "happens to be biased."', "Ann Lee"),
    ],
)
def test_a_relative_clause_after_the_subject_is_no_speaker(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle of saying after "before", "after", "while", "when" or "by" is the clause
        # subject's
        ('On Tuesday, Mr. Lee deflected numerous questions before saying, "It is time to quit '
         'attacking people."', "Lee"),
        ('Ann Lee paused while adding that the plan "would not work at all."', "Ann Lee"),
        ('Ann Lee quashed the rumors by saying that she "had no plans to write a book."', "Ann Lee"),
    ],
)
def test_a_participle_of_saying_after_a_time_conjunction(text, speaker):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [(speaker, "X did, saying")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a participle aside between the subject and its verb, after "But" opening the clause
        ('But Ann Lee, noting the size of the crowd, said, "Let me tell you, he has a great list."',
         "Ann Lee"),
        # a sentence split inside a party in brackets is undone (no sentence opens with ")," )
        ('Sen. Ann Lee (D-Ill.), noting the size of the crowd, said, "Let me tell you, he has a great '
         'list."', "Ann Lee"),
    ],
)
def test_a_participle_aside_after_a_coordinator_or_a_bracketed_party(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named owner's account, spokeswoman or office speaks for the owner (data/speaking_for.txt)
        ('"We never thought we would see the day," Harbor Watch\'s X account posted on Sunday.',
         ["Harbor Watch"]),
        ('Ann Lee lost the vote. "We will appeal the ruling," Lee\'s spokeswoman said.', ["Ann Lee"]),
        # and the statement of her office is hers
        ('Ann Lee lost the vote. "We will appeal," Lee\'s office said. The statement added that the '
         "ruling was unfair.", ["Ann Lee", "Ann Lee"]),
    ],
)
def test_a_named_owners_account_or_office_speaks_for_the_owner(text, expected):
    assert attribute(text)["speaker"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash and a name sign the quotation before them: as the next paragraph alone, or after
        # it in its paragraph (a place after a comma is no part of the name)
        ('The senator spoke.\n\n"Americans are worried about the future of their kids."\n\n- Ann Lee.'
         "\n\nThe senator is relying on an old statistic.", [("Ann Lee", "quote - X")]),
        ('"The whole idea is something that we hear about all the time." -Ann Lee, Philadelphia.',
         [("Ann Lee", "quote - X")]),
        # a dash before a clause is no signature
        ('"The plan is a good one for all of us."\n\n- The plan costs a lot of money, and it is late.',
         [("unknown", "unattributed")]),
    ],
)
def test_a_dash_and_a_name_sign_a_quotation(text, expected):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation in a Title Case headline is the words of the full name before its verb, a
        # name the article also writes outside the headline
        ('WATCH: Ann Lee Calls for "Drastic Emissions Cuts" to "Fundamentally Change Our Society"\n\n'
         "Ann Lee spoke at a rally on Monday.",
         [("Ann Lee", "Drastic Emissions Cuts"), ("Ann Lee", "Fundamentally Change Our Society")]),
        ('Serial Liar Ann Lee Makes Absurd Prediction "Once We Get to True Net Zero"\n\nAnn Lee spoke.',
         [("Ann Lee", "Once We Get to True Net Zero")]),
        # not a name the article does not write again, nor a quoted verb
        ('Tom Hill Calls for "Drastic Emissions Cuts Now"\n\nAnn Lee spoke.', []),
        ('Ann Lee "Amplifies" Extremist Group "Making Life Miserable" For Officials\n\nAnn Lee spoke.',
         []),
    ],
)
def test_a_quotation_in_a_headline_is_its_named_subjects(text, expected):
    quotes = attribute(text)
    direct = quotes[quotes["kind"] == "direct"]
    assert list(zip(direct["speaker"], direct["quote"], strict=True)) == expected


def test_a_time_adjective_is_no_part_of_the_speaker():
    # "recent" and "latest" are time words (data/not_speakers.txt): "a recent Senate inquiry" is
    # the Senate inquiry
    quotes = attribute('A recent Senate inquiry found the agency was "reluctant or unwilling" to act.')
    assert quotes["speaker"].tolist() == ["Senate inquiry"]


def test_a_name_described_by_an_organisation_word_is_the_one_that_word_means_later():
    # "X, a ... group" names the group: "the group" later is X, not the organisation named last
    quotes = attribute("The Acme Institute praised the move. Among them is Harbor Watch, a radical "
                       'environmentalist group of young people.\n\nThe group claimed the senator uses '
                       'his post to "protect his personal coal company."')
    assert quotes.loc[quotes["kind"] == "direct", "speaker"].tolist() == ["Harbor Watch"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a description opening with "another" is an appositive of the name beside it
        ('"We are anxious," said another Twitter user, Ann Lee.', "Ann Lee"),
        ('"We will win this state," State Sen. Ann Lee, another early supporter, said.', "Ann Lee"),
    ],
)
def test_a_description_with_another_beside_a_name(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb of saying inserted between commas before its subject: the name after the verb
        ('Because of how the schedule was made, explained Tom Hill, "with this thing being over by '
         'March, it is hard to see."', "Tom Hill"),
        ('Any clear reading of the actions, said Tom Hill, an expert on Russia, would see it as "the '
         'best means of saving what little is left."', "Tom Hill"),
    ],
)
def test_a_verb_of_saying_inserted_before_its_subject(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_a_single_quoted_quotation_of_several_paragraphs_is_one_statement():
    quotes = attribute("Ann Lee, the mayor, spoke on Monday.\n\n\u2018We will build the bridge over the "
                       "river and it will be long.\n\n\u2018It will open next year and cost little,\u2019 "
                       "she said.")
    assert list(zip(quotes["speaker"], quotes["pattern"], quotes["statement_id"], strict=True)) == [
        ("Ann Lee", "quote continued across paragraphs", "d0-t001"), ("Ann Lee", "X said", "d0-t001")]


def test_a_capitalised_name_ending_in_a_document_word_is_a_name():
    # "post" is a document ("a post said"); "The Washington Post" is a name
    quotes = attribute('"He called it influence peddling," The Washington Post reported in 1991.')
    assert quotes["speaker"].tolist() == ["Washington Post"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb of saying opening the sentence before its subject and a quotation
        ('It was a hate crime. Said Comey, "The thought that an error on our part is connected to '
         'this is very painful."', "Comey"),
        ('It was a hate crime. Said Ann Lee: "The thought that an error on our part is connected to '
         'this is very painful."', "Ann Lee"),
    ],
)
def test_said_x_opening_the_sentence_of_a_quotation(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_a_surname_and_a_colon_before_a_quotation_as_a_transcript_writes_it():
    quotes = attribute('Ann Lee and Tom Hill reject the term.\n\nLee: "Our goal is not to contain it but '
                       'to defeat it." Hill: "The mission is to destroy it, not to contain it."\n\n'
                       'Update: "We will not stop at all, ever, in this fight."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [
        ("Ann Lee", "X: quote"), ("Tom Hill", "X: quote"), ("unknown", "unattributed")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a state abbreviation after the town of an appositive is a place, not the speaker, and an
        # age between the name and its appositive is an aside
        ('"I just do not think she has been truthful," Ann Lee, a retired teacher from Allentown, '
         'Pa., said.', "Ann Lee"),
        ('"I just do not think she has been truthful," Ann Lee, 67, a retired teacher in Allentown, '
         'Pa., said.', "Ann Lee"),
        # so is a home town after "of" and its state
        ('"The party does not represent me," Cory James, 22, of Flint, Mich., said.', "Cory James"),
    ],
)
def test_a_state_after_the_town_of_an_appositive(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_went_on_before_a_colon_carries_a_quotation():
    quotes = attribute('Ann Lee, a voter, was frustrated. She went on: "It is like a leaking house with '
                       'no plumber in sight."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [("Ann Lee", "X said ... quote")]


def test_a_retort_delivered_announces_the_quotation_after_it():
    # the acts of speech that announce a quotation are data/speech_acts.txt
    quotes = attribute('Ann Lee, the mayor, spoke. She delivered a snappy retort: "No one is tearing this '
                       'up. We are going forward."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [
        ("Ann Lee", "X made a statement: quote")]


def test_a_transcript_turn_is_the_words_of_its_capitalised_label():
    # a transcript quoted whole opens each turn with its speaker's surname in capitals; a turn
    # whose label names no one ("HOST") stays unknown and continues no earlier turn
    quotes = attribute('Lena Ortiz spoke to the host, Tom Reyes, on Sunday.\n\n"ORTIZ: We will build the '
                       'bridge.\n\n"REYES: Will you run again?\n\n"HOST: Will you run again?\n\n"ORTIZ: I '
                       'will decide in the spring."')
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [
        ("Lena Ortiz", "quote: X: words"), ("Tom Reyes", "quote: X: words"),
        ("unknown", "unattributed"), ("Lena Ortiz", "quote: X: words")]


@pytest.mark.parametrize(
    "text",
    [
        'Ann Lee, a former mayor, poked at the minister during the debate, tweeting, "Notice how he '
        'never answers."',
        'Ann Lee, a former mayor, spoke to the crowd, asking, "Are we ready to rebuild the bridge?"',
    ],
)
def test_a_participle_of_writing_or_asking_with_a_comma_right_before_a_quotation(text):
    # data/participles.txt: before a colon, or a comma right before a quotation, only
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["pattern"], strict=True)) == [("Ann Lee", "X did, saying")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the state of a town ending an aside after the subject is part of the aside
        ('Ann Lee, during a town hall meeting in Columbus, Ohio, said she was "going to close the mine."',
         "Ann Lee"),
        # an aside ending in no capitalised word leaves the name after it the subject
        ('Moments earlier, in his opening remarks, Lee said he was "ready to serve."', "Lee"),
    ],
)
def test_a_state_after_the_town_of_an_aside_is_no_speaker(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a full name opening a sentence as its subject is a person "she" may mean, though its
        # surname is never used alone
        ('Lena Ortiz wants to rebuild the harbour. "We start in May," she said.', "Lena Ortiz"),
        # an initial's full stop ends no sentence: "A.E. Dick Howard at" opens none
        ('Mayor Tom Hill consulted the scholar A.E. Dick Howard at the university. "We are within our '
         'rights," he said.', "Tom Hill"),
    ],
)
def test_a_full_name_opening_a_sentence_is_a_person_a_pronoun_may_mean(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_a_name_with_an_age_after_it_is_a_person_a_pronoun_may_mean():
    # news writing introduces a person with an age between commas ("Mark Hill, 55, works ...")
    quotes = attribute('Their neighbour Mark Hill, 55, knows what the town needs. "It will take a '
                       'long time," he said.')
    assert quotes["speaker"].tolist() == ["Mark Hill"]


@pytest.mark.parametrize(
    "text",
    [
        '"Our ideas of success are different," agrees Michelle Stevens.',
        '"Our ideas of success are different," Michelle Stevens continues.',
    ],
)
def test_agrees_and_continues_after_a_quotation_attribute_it(text):
    # data/after_quote_verbs.txt: only after a quotation ("continues to grow", "agrees to pay" report
    # nothing)
    assert attribute(text)["speaker"].tolist() == ["Michelle Stevens"]


def test_a_joined_clause_with_its_own_subject_and_verb_of_saying_is_a_second_attribution():
    text = ("Ann Lee said the plan would fail, but Bob Stone insisted it would pass. "
            '"We are ready," Tom Hill said, and his aides argued that the vote was close. '
            "Tom Hill said the talks and the vote would both be close.")
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern", "statement_id"]].values.tolist() == [
        ["Ann Lee", "indirect", "X said that", "d0-t001"],
        ["Bob Stone", "indirect", "..., and Y said that", "d0-t002"],
        ["Tom Hill", "direct", "X said", "d0-t003"],
        ["aides", "indirect", "..., and Y said that", "d0-t004"],
        ["Tom Hill", "indirect", "X said that", "d0-t005"]]
    assert [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)] == [
        "the plan would fail", "it would pass", '"We are ready,"', "that the vote was close",
        "the talks and the vote would both be close"]
    segments = voices(text, quotes)
    assert segments[segments["voice"] == "reported"]["text"].tolist() == [
        "the plan would fail", "it would pass", "that the vote was close",
        "the talks and the vote would both be close"]
    contrast = attribute("Tom Hill said prices would rise, though Ann Lee argued that they would fall.")
    assert contrast[["speaker", "pattern"]].values.tolist() == [
        ["Tom Hill", "X said that"], ["Ann Lee", "..., and Y said that"]]
    after = attribute("Tom Hill said the vote was close, after Ann Lee claimed that it was won.")
    assert after[["speaker", "pattern"]].values.tolist() == [
        ["Tom Hill", "X said that"], ["Ann Lee", "..., and Y said that"]]


def test_a_clause_of_its_own_before_a_quoted_clause_is_an_attribution():
    text = 'Ann Lee said the plan would fail, but Tom Hill said: "It will pass."'
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Ann Lee", "indirect", "X said that"], ["Tom Hill", "direct", "X said ... quote"]]
    assert [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)] == [
        "the plan would fail", '"It will pass."']


def test_a_verb_of_saying_after_and_with_no_subject_of_its_own_is_the_sentence_subjects():
    text = 'Ann Lee said taxes would rise and warned that prices would follow.'
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [
        ["Ann Lee", "X said that"], ["Ann Lee", "..., and Y said that"]]
    assert [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)] == [
        "taxes would rise", "that prices would follow"]
    text = 'Tom Hill called the plan "a costly disaster for the town" and said it would fail.'
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Tom Hill", "direct", "X called Y quote"], ["Tom Hill", "indirect", "..., and Y said that"]]
    assert text[quotes["content_start"][1]:quotes["content_end"][1]] == "it would fail"
    # a time, place or addressee after the verb is no reported content
    assert len(attribute('Tom Hill called the plan "a costly disaster for the town" and told '
                         "reporters at the town hall.")) == 1


def test_a_participle_opening_the_sentence_is_no_subject():
    quotes = attribute("Speaking at a rally, Ann Lee thanked her staff and said the vote was close.")
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Ann Lee", "X said that"]]
    # a name in -ing takes its verb
    quotes = attribute("Tom Ebeling reminisced about the campaign and said the vote was close.")
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Tom Ebeling", "X said that"]]


def test_said_x_at_the_end_of_a_sentence_after_a_phrase_following_its_quote():
    quotes = attribute('Clinton "drew quite well from white voters" in the 2008 primary, said Ohio State '
                       "University professor Paul Beck.")
    assert quotes[["speaker", "pattern", "quote"]].values.tolist() == [
        ["Paul Beck", "said X", "drew quite well from white voters"]]
    # "told" names whom it is told to, never the speaker
    quotes = attribute('Ann Lee called it "a fair plan" in her speech, told The Daily Times.')
    assert "Daily Times" not in quotes["speaker"].tolist()


def test_a_participle_of_saying_after_an_attribution_reports_more_of_the_same_speaker():
    text = '"We are ready," Ann Lee told reporters, adding that the vote would be close.'
    quotes = attribute(text)
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Ann Lee", "direct", "X said"], ["Ann Lee", "indirect", "X said A, adding that B"]]
    assert text[quotes["content_start"][1]:quotes["content_end"][1]] == "that the vote would be close"
    text = "Ann Lee said taxes would rise, noting that prices were up."
    quotes = attribute(text)
    assert [text[s:e] for s, e in zip(quotes["content_start"], quotes["content_end"], strict=True)] == [
        "taxes would rise", "that prices were up"]
    assert quotes["speaker"].tolist() == ["Ann Lee", "Ann Lee"]
    # a quotation after the participle is a quote of its own; an addressee alone reports nothing
    assert attribute('Ann Lee said taxes would rise, adding: "Prices will follow."')["kind"].tolist() == [
        "direct"]
    assert len(attribute("Ann Lee said taxes would rise, telling reporters.")) == 1


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # an adverb in -ly or of time between the subject and its verb
        ("Ann Lee quietly told reporters that the economy had hit bottom.", [("Ann Lee", "Ann Lee")]),
        ("Tom Hill now says he was denied a chance to speak.", [("Tom Hill", "Tom Hill")]),
        # a noun in -ly is the subject
        ("The family said the economy had hit bottom.", [("family", "The family")]),
        # an adverb inside a passive: the subject is asked, not the speaker
        ("Ann Lee was first asked whether she would run.", []),
    ],
)
def test_adverbs_between_a_subject_and_its_verb(text, rows):
    quotes = attribute(text)
    assert list(zip(quotes["speaker"], quotes["as_written"], strict=True)) == rows


def test_an_auxiliary_after_an_appositive_leaves_the_subject_its_name():
    quotes = attribute("Ann Lee, the Republican presidential candidate, has said there should be a ban.")
    assert quotes[["speaker", "as_written", "pattern"]].values.tolist() == [
        ["Ann Lee", "Ann Lee, the Republican presidential candidate", "X said that"]]
    quotes = attribute("Ann Lee, the candidate, also said there should be a ban.")
    assert quotes[["speaker", "as_written"]].values.tolist() == [["Ann Lee", "Ann Lee, the candidate"]]
    quotes = attribute("Even Ann Lee, the candidate, has said there should be a ban.")
    assert quotes[["speaker", "as_written"]].values.tolist() == [["Ann Lee", "Ann Lee, the candidate"]]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a comparison set off by commas after the subject
        ("Yet some economists, like their rivals, say taxing consumption helps savings.", "economists"),
        # "only", "since" between the subject and its verb
        ("Asked about it, the senator would only say that the plan was worrisome.", "senator"),
        ("Ann Lee has since stressed that she did not send the email.", "Ann Lee"),
        # "went on to" before a verb of saying in its infinitive
        ("Ann Lee went on to say she was confident about the vote.", "Ann Lee"),
    ],
)
def test_what_stands_between_a_subject_and_its_verb_of_saying(text, speaker):
    assert attribute(text)["speaker"].tolist() == [speaker]


def test_relative_clauses_with_a_naming_verb_or_a_quotation_are_written_who():
    quotes = attribute("The rebuke came from Ann Lee, who called the plan a disaster.")
    assert quotes[["speaker", "as_written", "pattern"]].values.tolist() == [
        ["Ann Lee", "Ann Lee, who", "X called Y Z"]]
    quotes = attribute('The rebuke came from Ann Lee, who said the plan was "a disaster for the town."')
    assert quotes[["speaker", "as_written", "pattern"]].values.tolist() == [
        ["Ann Lee", "Ann Lee, who", "X said ... quote"]]


def test_think_in_the_plural_reports_a_belief_and_a_think_tank_reports_nothing():
    quotes = attribute("Many Republicans think Ann Lee would be hard to stop.")
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Republicans", "X said that"]]
    assert attribute("Ann Lee works at a think tank in Washington.").empty


def test_a_headline_name_colon_claim_is_the_words_of_a_person_the_article_names():
    quotes = attribute("Ann Lee: Taxes Will Fall Next Year.\n\nSenator Ann Lee spoke in Ohio on Monday.")
    assert quotes[["speaker", "pattern", "quote"]].values.tolist() == [
        ["Ann Lee", "X: claim", "Ann Lee: Taxes Will Fall Next Year."]]
    # not a label later in the article ("New Hampshire: ..." listing names)
    assert attribute("A list.\n\nAnn Lee: Taxes Will Fall Next Year.\n\nSenator Ann Lee spoke.").empty


def test_a_named_possessive_before_a_noun_of_saying_and_that_is_its_speaker():
    text = "Republicans distanced themselves from Ann Lee's suggestion that a judge can't be impartial."
    quotes = attribute(text)
    assert quotes[["speaker", "pattern"]].values.tolist() == [["Ann Lee", "X's claim that"]]
    assert text[quotes["content_start"][0]:quotes["content_end"][0]] == "a judge can't be impartial"
    quotes = attribute('Critics checked Tom Hill\'s claim that there were "thousands of shootings" there.')
    assert quotes[["speaker", "kind", "pattern"]].values.tolist() == [
        ["Tom Hill", "direct", "X's claim that"]]
    # a pronoun's possessive is left alone
    assert attribute("Part of the pitch is his insistence that voters will come out.").empty


def test_authored_writings_are_searched_only_in_runs_that_can_hold_one():
    import re

    from analysis.quotes import _AUTHORED, _authored, _lexicon, named_organisations

    text = ("Its new report from the Climate Change Advisory Council, out today; Greenpeace's latest "
            "study (published by the Royal Society) and the plan of the Met Office. Exxon's "
            "follow-up-report' came. The UN released a new paper in May; the report by NASA-led team.")
    writings = _lexicon()["writings"]
    found = [(m.start(), m.group()) for m in _authored(text, writings)]
    every = [(m.start(), m.group()) for m in _AUTHORED.finditer(text)]
    assert found == [m for m in every if any(w in writings for w in re.findall(r"[a-z-]+", m[1]))]
    assert len(found) == 4 and len(every) == 5  # "the plan of the Met Office" holds no writing
    assert [(at, name, set(words)) for at, name, words in named_organisations(text)
            if words & writings] == [(0, "Climate Change Advisory Council", {"report"}),
                                     (68, "Greenpeace", {"study"}), (191, "UN", {"paper"}),
                                     (227, "NASA-led", {"report"})]


def test_a_lone_quote_between_attributions_to_one_speaker_is_that_speaker_s():
    # background paragraphs, then a quote alone, then the same speaker again
    text = ("Maria Lindqvist, the harbour master, said the port was the engine of the town.\n\n"
            "The harbour handled 3 million tonnes of cargo last year.\n\n"
            '"The outlook for the harbour depends on the new ferry line."\n\n'
            "She noted that the ferry line would open in May.")
    quotes = attribute(text)
    direct = quotes[quotes["kind"] == "direct"]
    assert triples(direct) == [("Maria Lindqvist", "direct",
                                "The outlook for the harbour depends on the new ferry line.")]
    assert direct["pattern"].tolist() == ["quote between attributions to one speaker"]
    # another speaker after it, or no attribution in the next paragraph: no one's
    other = text.replace("She noted", "Tom Berg, the mayor, said")
    assert attribute(other).query("kind == 'direct'")["speaker"].tolist() == ["unknown"]
    later = text.replace("She noted", "Trade grew last year.\n\nShe noted")
    assert attribute(later).query("kind == 'direct'")["speaker"].tolist() == ["unknown"]


def test_a_headline_quote_echoing_one_speaker_s_quote_in_the_body_is_that_speaker_s():
    text = ("Port Plan Is 'Fraud On Local Taxpayers'\n\n"
            "The council voted on Monday to fund the new ferry terminal.\n\n"
            '"It is a fraud on local taxpayers and nothing else," said Maria Lindqvist, the harbour master.')
    direct = attribute(text).query("kind == 'direct'")
    assert triples(direct) == [
        ("Maria Lindqvist", "direct", "Fraud On Local Taxpayers"),
        ("Maria Lindqvist", "direct", "It is a fraud on local taxpayers and nothing else"),
    ]
    assert direct["pattern"].tolist()[0] == "headline quote echoing a quote of X"
    # fewer than three content words ("Local Fraud"), or words no single quote holds: no echo
    short = text.replace("'Fraud On Local Taxpayers'", "'Local Fraud'")
    assert attribute(short).query("kind == 'direct'")["speaker"].tolist() == ["Maria Lindqvist"]
    apart = text.replace("local taxpayers and nothing else", "local people")
    assert attribute(apart).query("kind == 'direct'")["speaker"].tolist() == ["Maria Lindqvist"]


def test_a_single_quoted_quote_going_on_into_a_paragraph_with_no_opening_mark():
    # British style single marks; the later paragraph opens with no mark and closes the quote
    text = ("Ann Lee said, 'The port will help the town grow.'\n\n"
            "'These pilots will address acute challenges on new technology and trade.\n\n"
            "The project also works with the council to build skills,' she added.")
    direct = attribute(text).query("kind == 'direct'")
    assert triples(direct) == [
        ("Ann Lee", "direct", "The port will help the town grow."),
        ("Ann Lee", "direct", "These pilots will address acute challenges on new technology and trade."),
        ("Ann Lee", "direct", "The project also works with the council to build skills"),
    ]
    # a paragraph with no closing mark after punctuation does not go on: no quote
    plain = text.replace(",' she added.", ". She left.")
    assert attribute(plain).query("kind == 'direct'")["quote"].tolist() == [
        "The port will help the town grow."]
