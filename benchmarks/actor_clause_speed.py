"""Speed of the actor's clause and window (analysis.clause_tone), and that it grows linearly.

Prints figures (not a test). Sentences are the seeds' own, repeated with a running number so that
nothing is cached; one long sentence (a list of many actors) checks per-sentence linearity.
Usage: .venv/bin/python benchmarks/actor_clause_speed.py [N_SENTENCES]
"""

import sys
import time

import pandas as pd

from analysis import config, load_corpus
from analysis.actors import compute_actor_mentions
from analysis.clause_tone import mention_contexts


def timed(sentences: pd.DataFrame) -> tuple[int, float]:
    """Mentions found and seconds taken by mention_contexts on them."""
    mentions = compute_actor_mentions(sentences)
    local = mentions.assign(start=mentions["start"] - mentions["sentence_id"].map(
        sentences.set_index("sentence_id")["start"]).to_numpy(), end=lambda d: d["start"] + (
        mentions["end"] - mentions["start"]))
    start = time.perf_counter()
    mention_contexts(sentences, local)
    return len(mentions), time.perf_counter() - start


def repeated(seeds: pd.DataFrame, n: int) -> pd.DataFrame:
    """n sentences cycled from the seeds, each with its own id and a running number."""
    rows = seeds.iloc[[i % len(seeds) for i in range(n)]].reset_index(drop=True)
    return rows.assign(doc_id="d", sentence_id=[f"s{i}" for i in range(n)], start=0,
                       text=rows["text"] + [f" ({i})" for i in range(n)])


def main(n: int) -> None:
    seeds = load_corpus(config.SEEDS_DIR).sentences
    for size in (n, 4 * n):
        mentions, seconds = timed(repeated(seeds, size))
        print(f"mention_contexts: {size:,} sentences, {mentions:,} actor mentions in {seconds:.2f} s "
              f"({seconds / mentions * 1e6:.0f} us a mention)")
    for words in (2_000, 8_000):
        text = ", ".join(["Russia attacked, but Ukraine held"] * (words // 5)) + "."
        one = pd.DataFrame({"doc_id": ["d"], "sentence_id": ["s"], "start": [0], "text": [text]})
        mentions, seconds = timed(one)
        print(f"one sentence of {words:,} words, {mentions:,} mentions: {seconds:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
