"""Generic policy frames (Boydstun et al.'s Policy Frames Codebook) tagged per sentence by a dictionary.

The dictionary is data/frames.csv: one term a row; a trailing * matches any ending ("econom*").
A sentence carries every frame whose terms it contains; a sentence with none is tagged "none".
"""

import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.config import PACKAGE_DATA, SEED
from analysis.segment import folded_lower, whole_words
from analysis.stats import summarise_columns

FRAMES_FILE = PACKAGE_DATA / "frames.csv"
NO_FRAME = "none"
VALIDATION_PER_FRAME = 5


@cache
def load_frames(path: Path = FRAMES_FILE) -> tuple[list[str], re.Pattern, list[tuple[re.Pattern, str]]]:
    """Frame names in file order, one regex of all terms (longest first), and each alternative
    as its own regex with its frame. The terms are lower-cased and the regexes match the
    lower-cased text (segment.folded_lower): without re.I the regex engine tests each
    alternative's first letter at once instead of stepping into it, some times faster."""
    table = pd.read_csv(path, dtype="string", keep_default_na=False)
    frames = list(dict.fromkeys(table["frame"]))
    table = table.iloc[table["term"].str.len().sort_values(ascending=False, kind="stable").index]
    parts = [re.escape(t.rstrip("*").lower()) + (r"[\w'-]*" if t.endswith("*") else "")
             for t in table["term"]]
    # No capture groups: one group per term makes matching about seven times slower.
    pattern = whole_words(parts, after=r"[\w-]")
    alternatives = [(re.compile(p), f) for p, f in zip(parts, table["frame"], strict=True)]
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
        for m in pattern.finditer(folded_lower(text)):  # as long as the text: same offsets
            found.setdefault(frame_of(m.group()), []).append(text[m.start():m.end()].lower())
        for frame, words in found.items() or [(NO_FRAME, [])]:
            rows.append((doc_id, sid, frame, len(words), "; ".join(words)))
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame", "n_terms", "terms"]).astype(
        {"doc_id": "string", "sentence_id": "string", "frame": "string", "terms": "string"})


def frame_matrix(sentences: pd.DataFrame, tags: pd.DataFrame, path: Path = FRAMES_FILE) -> pd.DataFrame:
    """One row a sentence (sentences order, indexed by sentence_id), one 0/1 column a frame of
    the file and "none": whether the sentence carries it."""
    frames, _, _ = load_frames(path)
    wide = pd.crosstab(tags["sentence_id"], tags["frame"]).clip(upper=1)
    return wide.reindex(index=sentences["sentence_id"], columns=[*frames, NO_FRAME], fill_value=0)


def compute_frame_shares(sentences: pd.DataFrame, tags: pd.DataFrame,
                         path: Path = FRAMES_FILE) -> pd.DataFrame:
    """Share of sentences carrying each frame per outlet, with cluster-bootstrap intervals
    (stats.summarise_columns: articles resampled, the sentences of a one-article outlet) and
    counts."""
    wide = frame_matrix(sentences, tags, path)
    shares = summarise_columns(wide, sentences[["outlet"]], "frame",
                               clusters=sentences["doc_id"].to_numpy())
    with_frame = wide.groupby(sentences["outlet"].to_numpy(), sort=False).sum().stack()
    shares["n_sentences_with_frame"] = with_frame.reindex(
        pd.MultiIndex.from_frame(shares[["outlet", "frame"]])).to_numpy().astype(int)
    return shares.rename(columns={"n": "n_sentences", "mean": "share"})


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
