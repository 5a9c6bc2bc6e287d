"""Actor mentions from the alias file: longest alias wins, case rules, offsets."""

import pandas as pd

from analysis.actors import compute_actor_mentions


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
