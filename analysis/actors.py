"""Find mentions of actors (NATO, Russia, Ukraine, ...) from the alias file data/actors.csv."""

import re
from functools import cache
from pathlib import Path

import pandas as pd

from analysis.config import PACKAGE_DATA

ACTORS_FILE = PACKAGE_DATA / "actors.csv"


def load_aliases(path: Path = ACTORS_FILE) -> pd.DataFrame:
    """The alias table: group, actor, alias, case_sensitive (bool)."""
    aliases = pd.read_csv(path, dtype="string", keep_default_na=False)
    aliases["case_sensitive"] = aliases["case_sensitive"].str.lower().isin(["yes", "true", "1"])
    return aliases


@cache
def _alias_pattern(path: Path = ACTORS_FILE) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex of every alias, longest first, and the (group, actor) of each lower-cased alias."""
    aliases = load_aliases(path)
    aliases = aliases.iloc[aliases["alias"].str.len().sort_values(ascending=False, kind="stable").index]
    parts = [
        re.escape(a) if sensitive else f"(?i:{re.escape(a)})"
        for a, sensitive in zip(aliases["alias"], aliases["case_sensitive"], strict=True)
    ]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")
    lookup = {a.lower(): (g, x) for g, x, a in aliases[["group", "actor", "alias"]].itertuples(index=False)}
    return pattern, lookup


def compute_actor_mentions(sentences: pd.DataFrame, path: Path = ACTORS_FILE) -> pd.DataFrame:
    """One row a mention: doc_id, sentence_id, group, actor, alias (as written), start, end."""
    pattern, lookup = _alias_pattern(path)
    rows = [
        (doc_id, sid, *lookup[m.group().lower()], m.group(), start + m.start(), start + m.end())
        for doc_id, sid, start, text in sentences[["doc_id", "sentence_id", "start", "text"]]
        .itertuples(index=False)
        for m in pattern.finditer(text)
    ]
    return pd.DataFrame(
        rows, columns=["doc_id", "sentence_id", "group", "actor", "alias", "start", "end"]
    ).astype({"doc_id": "string", "sentence_id": "string", "group": "string", "actor": "string",
              "alias": "string"})
