"""Labels by voice, frame tagging and shares, shared copy, actor salience: exact fixture values."""

import pandas as pd

from analysis import load_corpus
from analysis.frames import NO_FRAME, compute_frame_shares, frame_matrix, tag_frames, validation_sheet
from analysis.framing import (
    compute_actor_salience,
    compute_label_hits,
    compute_labels,
    compute_mentions,
    compute_outlet_frame_shares,
    compute_shared_passages,
    compute_voice_shares,
)
from analysis.labels import count_labels, find_label_hits
from analysis.quotes import compute_quotes
from analysis.stats import summarise_mean


def segments(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "voice", "start", "text"])


def test_labels_separate_the_narrator_from_quoted_leaders():
    hits = find_label_hits(segments(
        ("d", "d-s0", "narrator", 0, "Russia's full-scale invasion and the Russian Federation's war"),
        ("d", "d-s1", "quoted", 70, '"the special military operation against the Kyiv regime"'),
        ("d", "d-s1", "narrator", 130, " said Putin, blaming the collective West."),
    ))
    assert list(zip(hits["voice"], hits["label"], hits["matched"], strict=True)) == [
        ("narrator", "Russia", "Russia"), ("narrator", "invasion", "invasion"),
        ("narrator", "Russian Federation", "Russian Federation"), ("narrator", "war", "war"),
        ("quoted", "special military operation", "special military operation"),
        ("quoted", "Kyiv regime", "Kyiv regime"),
        ("narrator", "collective West", "collective West"),
    ]
    assert hits.loc[4, ["start", "end"]].tolist() == [75, 101]
    counts = count_labels(hits)
    assert counts.columns.tolist() == ["doc_id", "category", "term", "voice", "count"]
    assert counts.groupby(["category", "voice"])["count"].sum().to_dict() == {
        ("loaded label", "narrator"): 1, ("loaded label", "quoted"): 1,
        ("state name", "narrator"): 2, ("war as aggression", "narrator"): 2,
        ("war as operation or crisis", "quoted"): 1}


def test_label_words_inside_longer_words_do_not_count():
    hits = find_label_hits(segments(("d", "d-s0", "narrator", 0, "warfare, post-war, Russians")))
    assert hits.empty


def test_frames_tagged_per_sentence_with_terms():
    sentences = pd.DataFrame({
        "doc_id": ["d", "d", "d"], "sentence_id": ["d-s0", "d-s1", "d-s2"],
        "outlet": ["A", "A", "A"],
        "text": ["The economy and defence budgets grew.", "It rained.", "War crimes must be punished."],
    })
    tags = tag_frames(sentences)
    assert tags[["sentence_id", "frame", "terms"]].values.tolist() == [
        ["d-s0", "economic", "economy; budgets"], ["d-s0", "security and defense", "defence"],
        ["d-s1", NO_FRAME, ""],
        ["d-s2", "crime and punishment", "war crimes; punished"],
        ["d-s2", "policy prescription and evaluation", "must"],
    ]
    wide = frame_matrix(sentences, tags)
    assert wide[["economic", NO_FRAME]].sum().tolist() == [1, 1]
    assert wide.shape == (3, 15)  # every sentence x the 14 frames of the file + "none"
    sheet = validation_sheet(sentences, tags, per_frame=1)
    assert sheet["sentence_id"].tolist() == ["d-s0", "d-s1", "d-s2"]
    assert sheet.loc[0, "assigned_frames"] == "economic; security and defense"
    assert (sheet[["coder_frames", "coder_notes"]] == "").all().all()


def test_frame_shares_equal_the_summary_of_the_long_table_of_sentences_and_frames():
    # Alpha: five articles (articles resampled); Beta: one article of six sentences (its
    # sentences resampled, in order)
    texts = {f"a{i}": ["The economy grew.", "It rained."] if i % 2 else ["War crimes were punished."]
             for i in range(5)}
    texts["b0"] = ["It rained.", "The budget grew.", "It rained.", "The economy grew.", "Snow fell.",
                   "Crime fell."]
    sentences = pd.DataFrame(
        [(doc, f"{doc}-s{j}", "Beta" if doc == "b0" else "Alpha", text)
         for doc, lines in texts.items() for j, text in enumerate(lines)],
        columns=["doc_id", "sentence_id", "outlet", "text"])
    tags = tag_frames(sentences)
    shares = compute_frame_shares(sentences, tags)
    long = frame_matrix(sentences, tags).rename_axis(columns="frame").stack().rename(
        "has_frame").reset_index().join(sentences.set_index("sentence_id")[["outlet", "doc_id"]],
                                        on="sentence_id")
    expected = summarise_mean(long, "has_frame", ["outlet", "frame"]).rename(
        columns={"n": "n_sentences", "mean": "share"})
    expected["n_sentences_with_frame"] = long.groupby(["outlet", "frame"], sort=False)[
        "has_frame"].sum().to_numpy()
    pd.testing.assert_frame_equal(shares, expected[shares.columns], check_dtype=False)
    economic = shares.set_index(["outlet", "frame"]).loc[("Beta", "economic")]
    assert (economic["n_sentences"], economic["n_sentences_with_frame"], economic["unit"]) == (
        6, 2, "sentences")
    assert shares["low"].notna().all()  # five articles, six sentences: every share has an interval


def test_shared_copy_between_outlets_is_flagged_as_one_passage(make_corpus):
    wire = ("NATO defence ministers agreed on Thursday to deploy four new battlegroups to the east. "
            "The decision was taken unanimously after a long debate in Brussels.")
    folder = make_corpus({
        "a.txt": f"Title A\n\nOur own opening line is here today.\n\n{wire}\n",
        "b.txt": f"Title B\n\nA completely different start of this report.\n\n{wire} Extra words end.\n",
        "c.txt": f"Title C\n\n{wire}\n",
        "metadata.csv": "file,outlet\na.txt,Alpha\nb.txt,Beta\nc.txt,Alpha\n",
    })
    shared = compute_shared_passages(load_corpus(folder))
    assert shared[["passage", "doc_id", "partner_doc_id"]].drop_duplicates().values.tolist() == [
        [1, "a", "b"], [2, "b", "a"], [3, "c", "b"]]
    assert shared.groupby("passage").size().tolist() == [2, 2, 2]
    assert shared["n_copies"].tolist() == [1, 1, 2, 2, 1, 1]  # b's copies are in a and in c
    assert shared["containment"].min() == 1.0
    assert compute_outlet_frame_shares(load_corpus(folder))["n_sentences"].tolist()[0] == 1


def test_tiny_corpus_stage_values(tiny):
    labels = compute_labels(tiny)
    assert labels.groupby(["doc_id", "voice"])["count"].sum().to_dict() == {
        ("alpha", "quoted"): 1, ("beta", "headline"): 1, ("beta", "narrator"): 1}
    hits = compute_label_hits(tiny)
    assert hits[["unit", "left", "matched", "right"]].values.tolist() == [
        ["body", '"', "Russia", "'s threat is real,\" said Jens Stoltenberg."],
        ["headline", "", "Russia", " warns the West"],
        ["body", "", "Russia", "'s Foreign Ministry criticised NATO. The U.S. Army denied"]]
    mentions = compute_mentions(tiny)
    assert mentions["alias"].tolist()[:3] == ["NATO", "the alliance", "Russia"]
    salience = compute_actor_salience(tiny).set_index(["outlet", "group"])
    assert salience.loc[("Alpha Times", "NATO"), ["n_mentions", "n_words"]].tolist() == [3, 22]
    voices = compute_voice_shares(tiny, compute_quotes(tiny)).set_index("outlet")
    assert voices.loc["Alpha Times", ["quoted_words", "n_direct", "n_indirect", "n_voices"]].tolist() \
        == [4, 1, 1, 2]
    assert compute_shared_passages(tiny).empty


def test_title_and_name_side_by_side_are_one_mention(seeds):
    mentions = compute_mentions(seeds)
    first = mentions[mentions["sentence_id"] == "defence-blog-s000"]
    assert first["actor"].tolist() == ["NATO", "Jens Stoltenberg", "NATO"]


def test_frame_terms_match_whatever_the_case_and_keep_the_text_as_written():
    """Terms match upper case and the letters a case-insensitive regex takes for ASCII ones
    ("ſecurity"), not inside a hyphenated word ("Trade-offs"); terms are the text lower-cased."""
    sentences = pd.DataFrame({"doc_id": ["d", "d"], "sentence_id": ["d-s0", "d-s1"],
                              "text": ["The ECONOMY and Trade-offs of TRADE, the ſecurity of it.",
                                       "Nothing here."]})
    assert tag_frames(sentences)[["sentence_id", "frame", "terms"]].values.tolist() == [
        ["d-s0", "economic", "economy; trade"], ["d-s0", "security and defense", "ſecurity"],
        ["d-s1", NO_FRAME, ""]]
