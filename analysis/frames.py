"""Generic policy frames (Boydstun et al.'s Policy Frames Codebook) tagged per sentence by a dictionary.

The dictionary is data/frames.csv: one term a row; a trailing * matches any ending ("econom*").
A sentence carries every frame whose terms it contains; a sentence with none is tagged "none".
"""

import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import N_BOOTSTRAP, PACKAGE_DATA, SEED
from analysis.segment import whole_words
from analysis.stats import LEVEL, cluster_interval, group_rng

FRAMES_FILE = PACKAGE_DATA / "frames.csv"
NO_FRAME = "none"
VALIDATION_PER_FRAME = 5


@cache
def load_frames(path: Path = FRAMES_FILE) -> tuple[list[str], re.Pattern, list[tuple[re.Pattern, str]]]:
    """Frame names in file order, one regex of all terms (longest first), and each alternative
    as its own regex with its frame."""
    table = pd.read_csv(path, dtype="string", keep_default_na=False)
    frames = list(dict.fromkeys(table["frame"]))
    table = table.iloc[table["term"].str.len().sort_values(ascending=False, kind="stable").index]
    parts = [re.escape(t.rstrip("*")) + (r"[\w'-]*" if t.endswith("*") else "")
             for t in table["term"]]
    # No capture groups: one group per term makes matching about seven times slower.
    pattern = whole_words(parts, after=r"[\w-]", flags=re.I)
    alternatives = [(re.compile(p, re.I), f) for p, f in zip(parts, table["frame"], strict=True)]
    return frames, pattern, alternatives


def _frame_of(alternatives: list[tuple[re.Pattern, str]]):
    """The frame of a matched text: that of the first alternative matching all of it, which is the
    alternative the regex chose (an earlier one matching it would have matched there first)."""
    @cache
    def frame_of(text: str) -> str:
        return next(f for alt, f in alternatives if alt.fullmatch(text))
    return frame_of


def tag_frames(sentences: pd.DataFrame, path: Path = FRAMES_FILE) -> pd.DataFrame:
    """One row a (sentence, frame): doc_id, sentence_id, frame, n_terms, terms (as matched)."""
    _, pattern, alternatives = load_frames(path)
    frame_of = _frame_of(alternatives)
    rows = []
    for doc_id, sid, text in sentences[["doc_id", "sentence_id", "text"]].itertuples(index=False):
        found: dict[str, list[str]] = {}
        for m in pattern.finditer(text):
            found.setdefault(frame_of(m.group()), []).append(m.group().lower())
        for frame, words in found.items() or [(NO_FRAME, [])]:
            rows.append((doc_id, sid, frame, len(words), "; ".join(words)))
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame", "n_terms", "terms"]).astype(
        {"doc_id": "string", "sentence_id": "string", "frame": "string", "terms": "string"})


def frame_indicators(sentences: pd.DataFrame, tags: pd.DataFrame, path: Path = FRAMES_FILE) -> pd.DataFrame:
    """Long table: one row a (sentence, frame) for every frame, with has_frame 0/1 and the outlet."""
    frames, _, _ = load_frames(path)
    wide = pd.crosstab(tags["sentence_id"], tags["frame"]).clip(upper=1)
    wide = wide.reindex(index=sentences["sentence_id"], columns=[*frames, NO_FRAME], fill_value=0)
    wide.index = pd.MultiIndex.from_arrays(
        [sentences["outlet"], sentences["doc_id"], sentences["sentence_id"]],
        names=["outlet", "doc_id", "sentence_id"])
    return wide.rename_axis(columns="frame").stack().rename("has_frame").reset_index()


def compute_frame_shares(sentences: pd.DataFrame, tags: pd.DataFrame,
                         path: Path = FRAMES_FILE) -> pd.DataFrame:
    """Share of sentences carrying each frame per outlet, with counts and the intervals of
    summarise_mean over frame_indicators (articles resampled; the sentences of a one-article
    outlet), computed from per-article counts: no row per sentence and frame is built."""
    frames, _, _ = load_frames(path)
    columns = [*frames, NO_FRAME]
    has = tags[["sentence_id", "frame"]].drop_duplicates()
    row = pd.Index(sentences["sentence_id"]).get_indexer(has["sentence_id"])
    has, row = has[row >= 0], row[row >= 0]
    docs, doc_ids = pd.factorize(sentences["doc_id"])
    per_doc = np.zeros((len(doc_ids), len(columns)))
    np.add.at(per_doc, (docs[row], pd.Index(columns).get_indexer(has["frame"])), 1)
    sentences_per_doc = np.bincount(docs, minlength=len(doc_ids)).astype(float)
    outlet_of_doc = sentences["outlet"].to_numpy(dtype=object)[np.unique(docs, return_index=True)[1]]
    rows = []
    for outlet in pd.unique(sentences["outlet"]):
        mine = np.flatnonzero(outlet_of_doc == outlet)
        single = np.flatnonzero(docs == mine[0]) if len(mine) == 1 else None
        for j, frame in enumerate(columns):
            if single is None:  # per-article sums, as cluster_interval makes of sentence rows
                numerators, denominators, clusters = per_doc[mine, j], sentences_per_doc[mine], mine
            else:  # one article: its sentences resampled, in order
                numerators = np.zeros(len(single))
                numerators[np.searchsorted(single, row[(docs[row] == mine[0])
                                                        & (has["frame"].to_numpy() == frame)])] = 1
                denominators, clusters = np.ones(len(single)), docs[single]
            low, high, n_articles, unit = cluster_interval(
                numerators, denominators, clusters, group_rng(SEED, (outlet, frame)), N_BOOTSTRAP,
                LEVEL, "binomial")
            n, with_frame = int(denominators.sum()), int(numerators.sum())
            rows.append((outlet, frame, n, with_frame / n, low, high, n_articles, unit, with_frame))
    return pd.DataFrame(rows, columns=["outlet", "frame", "n_sentences", "share", "low", "high",
                                       "n_articles", "unit", "n_sentences_with_frame"])


def validation_sheet(sentences: pd.DataFrame, tags: pd.DataFrame,
                     per_frame: int = VALIDATION_PER_FRAME, seed: int = SEED) -> pd.DataFrame:
    """A sample of sentences (up to `per_frame` for each frame) with the assigned frames and empty
    columns for a human coder."""
    rng = np.random.default_rng(seed)
    picked = (tags.assign(key=rng.random(len(tags))).sort_values(["frame", "key"])
              .groupby("frame", sort=False).head(per_frame)["sentence_id"].drop_duplicates())
    assigned = tags[tags["sentence_id"].isin(picked)].groupby("sentence_id", sort=False).agg(
        assigned_frames=("frame", "; ".join), terms=("terms", lambda t: " | ".join(x for x in t if x)))
    sheet = (sentences[sentences["sentence_id"].isin(picked)]
             [["sentence_id", "doc_id", "outlet", "text"]]
             .join(assigned, on="sentence_id"))
    return sheet.assign(coder_frames="", coder_agrees="", coder_notes="").reset_index(drop=True)
