"""The words around an actor's mention: clause boundaries from the data file, word windows."""

import pandas as pd

from analysis.clause_tone import clause_spans, mask_names, mention_contexts, word_spans, word_window

CONTRAST = "Russia attacked the city, but Ukraine defended it bravely."


def _clauses(text: str, **kwargs) -> list[str]:
    return [text[a:b] for a, b in clause_spans(text, **kwargs)]


def test_clauses_split_at_conjunctions_and_punctuation():
    assert _clauses(CONTRAST) == ["Russia attacked the city", " Ukraine defended it bravely."]
    text = ("But Russia lost; Putin, who launched the war, was praised by Moscow - "
            "and the West condemned it.")
    # "But" and "Putin" are too short to be clauses: they join the clause that follows
    assert _clauses(text) == ["But Russia lost", " Putin, who launched the war, was praised by Moscow",
                              "and the West condemned it."]
    # "and" without a comma, "that" without a comma and a list's commas are no boundaries
    text = "Russia, Belarus and Iran said that the sanctions failed."
    assert _clauses(text) == [text]


def test_a_quotation_ending_in_punctuation_closes_a_clause():
    assert _clauses('"Russia\'s threat is real," said Jens Stoltenberg.') == [
        '"Russia\'s threat is real', " said Jens Stoltenberg."]
    # scare quotes are no boundary; a two-word speaker's clause joins the quotation
    text = "He called NATO a \u201cterrible threat\u201d to peace."
    assert _clauses(text) == [text]
    text = "\u201cWe will never accept this threat,\u201d he said."
    assert _clauses(text) == [text]


def test_a_short_last_piece_joins_the_clause_before():
    text = "Putin said the war would go on while Kyiv resisted."
    assert _clauses(text) == [text]
    assert _clauses("NATO") == ["NATO"]
    assert _clauses("") == [""]


def test_boundaries_come_from_the_data_file(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text('min_words = 1\n[[words]]\nfamily = "x"\nalone = true\nwords = ["and"]\n',
                     encoding="utf-8")
    assert _clauses("Russia and Ukraine; NATO", path=rules) == ["Russia ", " Ukraine; NATO"]


def test_word_window_bounds_and_sentence_edges():
    text = "one two three four five six seven"
    words = word_spans(text)
    assert (words[0][:2], words[1][:2]) == ([0, 4], [3, 7])

    def window(start, end, n):
        return text[slice(*word_window(words, start, end, n))]

    assert window(14, 18, 2) == "two three four five six"  # "four", 2 words either side
    assert window(14, 18, 0) == "four"
    assert window(0, 3, 2) == "one two three"  # at the start: only the words after
    assert window(28, 33, 2) == "five six seven"  # at the end: only the words before
    assert window(8, 18, 1) == "two three four five"  # a two-word mention
    assert window(0, 33, 5) == text
    assert word_window(word_spans(""), 0, 0, 3) == (0, 0)


def test_each_actor_gets_its_own_clause_and_window():
    sentences = pd.DataFrame({"sentence_id": ["a", "b"],
                              "text": [CONTRAST, "The city was defended by Ukraine."]})
    mentions = pd.DataFrame({"sentence_id": ["a", "a", "b"], "start": [0, 30, 25],
                             "end": [6, 37, 32]}, index=[5, 6, 7])
    contexts = mention_contexts(sentences, mentions, n=2)
    assert contexts.index.tolist() == [5, 6, 7]
    assert contexts["clause_text"].tolist() == [
        "Russia attacked the city", "Ukraine defended it bravely.", "The city was defended by Ukraine."]
    assert contexts["window_text"].tolist() == [
        "Russia attacked the", "city, but Ukraine defended it", "defended by Ukraine"]
    assert contexts[["clause_start", "clause_end"]].to_numpy().tolist() == [[0, 24], [30, 58], [0, 33]]


def test_names_are_masked_in_the_texts_to_score():
    text = "NATO's chief and the United States met."
    assert mask_names(text, [(21, 34), (0, 6)]) == "xxxx'x chief and the xxxxxx xxxxxx met."
    assert mask_names("abc def", [(0, 7), (4, 7)]) == "xxx xxx"  # overlapping spans
    sentences = pd.DataFrame({"sentence_id": ["a"], "text": [text]})
    mentions = pd.DataFrame({"sentence_id": ["a", "a"], "start": [0, 21], "end": [6, 34]})
    contexts = mention_contexts(sentences, mentions, n=1)
    assert contexts["clause_text"].tolist() == [text, text]
    # every actor named in the sentence is masked, not only the mention itself
    assert contexts["clause_scored_text"].tolist() == ["xxxx'x chief and the xxxxxx xxxxxx met."] * 2
    assert contexts["window_scored_text"].tolist() == ["xxxx'x chief", "the xxxxxx xxxxxx met"]


def test_contexts_from_worker_processes_equal_those_of_one_process(monkeypatch):
    import analysis.parallel as parallel

    sentences = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "sentence_id": ["a", "b", "c"],
                              "text": [CONTRAST, "The city was defended by Ukraine.", CONTRAST]})
    mentions = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "sentence_id": ["a", "a", "b", "c"],
                             "start": [0, 30, 25, 30], "end": [6, 37, 32, 37]}, index=[5, 6, 7, 9])
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    here = mention_contexts(sentences, mentions, n=2)
    parts = []
    run = parallel.run_partitions
    monkeypatch.setattr(parallel, "run_partitions",
                        lambda fn, jobs, combine: parts.append(len(jobs)) or run(fn, jobs, combine))
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    monkeypatch.setenv(parallel.PARTITION_ENV, "1")  # one document a partition
    there = mention_contexts(sentences, mentions, n=2)
    assert parts == [3]
    pd.testing.assert_frame_equal(here, there)
    assert there.index.tolist() == [5, 6, 7, 9]
    assert there["window_text"].tolist()[-1] == "city, but Ukraine defended it"
