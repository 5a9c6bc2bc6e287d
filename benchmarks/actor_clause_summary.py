"""What the actor's clause changes against the whole sentence, on a corpus (prints figures).

Per actor mention of data/actors.csv: words in the sentence, clause and window; how often the
clause is the whole sentence; how far its VADER compound moves from the sentence's, and how often
the two have opposite tone. Then per actor group the mean compound of sentence and clause.
Usage: .venv/bin/python benchmarks/actor_clause_summary.py [CORPUS_DIR]
"""

import sys

import numpy as np

from analysis import config, load_corpus
from analysis.sentiment import score_actor_mentions


def main(folder) -> None:
    corpus = load_corpus(folder)
    mentions = score_actor_mentions(corpus)
    length = {k: mentions[f"{k}_end"] - mentions[f"{k}_start"] for k in ("clause", "window")}
    sentence_words = mentions["sentence_id"].map(
        corpus.sentences.set_index("sentence_id")["n_words"])
    clause_words = mentions["clause_text"].str.count(r"[^\W_]+(?:['-][^\W_]+)*")
    whole = clause_words == sentence_words
    s, c = mentions["sentence_vader_compound"], mentions["clause_vader_compound"]
    opposite = (mentions["sentence_vader_tone"] != mentions["clause_vader_tone"]) & (
        ~mentions[["sentence_vader_tone", "clause_vader_tone"]].eq("neutral").any(axis=1))
    changed = mentions["sentence_vader_tone"] != mentions["clause_vader_tone"]
    print(f"{folder}: {len(mentions):,} mentions in {mentions['doc_id'].nunique():,} articles")
    print(f"median words: sentence {sentence_words.median():.0f}, clause {clause_words.median():.0f}; "
          f"median characters: clause {length['clause'].median():.0f}, "
          f"window {length['window'].median():.0f}")
    print(f"clause = whole sentence: {whole.mean():.1%}; mean |clause - sentence| VADER compound: "
          f"{np.abs(c - s).mean():.3f}; opposite tone (positive vs negative): {opposite.mean():.1%}; "
          f"tone changes class: {changed.mean():.1%}")
    groups = (mentions.groupby("group")[["sentence_vader_compound", "clause_vader_compound",
                                          "window_vader_compound"]].agg(["mean"]).round(3))
    groups.columns = ["sentence", "clause", "window"]
    groups.insert(0, "n", mentions.groupby("group").size())
    print(groups.sort_values("n", ascending=False).to_string())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else config.SEEDS_DIR)
