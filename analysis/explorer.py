"""The term explorer: one self-contained HTML page to browse each group's words against the rest.

Terms are placed by their frequency in one group (y) against the other groups together (x), on
log scales; a click shows the term's counts, keyness (analysis.keyness) and occurrences in context.
The page needs no network: its script, style and data are inlined, the data as escaped JSON that
the script renders with textContent only. Its size is bounded whatever the corpus size: at most
MAX_TERMS terms and, per term, CONTEXTS_PER_GROUP contexts per group and CONTEXTS_PER_TERM in all.
"""

import base64
import hashlib
import html
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus import Corpus
from analysis.export import write_text
from analysis.keyness import OVER, REST, keyness_table, outlet_word_counts
from analysis.terms import term_pattern
from analysis.vocabulary import sentence_term_counts

TEMPLATE = Path(__file__).parent / "templates" / "explorer"
MAX_TERMS = 500  # terms shipped: each group's strongest key terms, then the commonest words
CONTEXTS_PER_GROUP = 3  # occurrences in context shipped per term and group ...
CONTEXTS_PER_TERM = 12  # ... and per term in all (groups using the term most come first)
CONTEXT_CHARS = 70  # characters kept on each side of the term
STATISTICS = ("z", "log_ratio", "lrc", "g2", "p_adjusted")
DIGITS = {"z": 2, "log_ratio": 2, "lrc": 2, "g2": 1}  # p_adjusted keeps 2 significant digits
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                 "\u2029": "\\u2029"}
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def choose_terms(counts: pd.DataFrame, keyness: pd.DataFrame, limit: int = MAX_TERMS) -> list[str]:
    """Each group's strongest key terms against the rest, then the commonest words, up to `limit`."""
    rest = keyness[(keyness["reference"] == REST) & (keyness["direction"] == OVER)]  # table order
    per_group = max(5, limit // (2 * max(len(counts.index), 1)))
    key = rest.groupby("outlet", sort=False).head(per_group)["term"]
    totals = counts.sum().sort_index()
    common = totals[totals > 0].sort_values(ascending=False, kind="stable").index
    return list(dict.fromkeys([*key, *common]))[:limit]


def _round(name: str, value: float) -> float | None:
    """A statistic rounded for the page (None when not finite)."""
    if not math.isfinite(value):
        return None
    if name == "p_adjusted":
        return float(f"{value:.2g}")
    return round(float(value), DIGITS[name])


def keyness_rows(keyness: pd.DataFrame, terms: list[str], groups: list[str]) -> list[list]:
    """Per group, per term: the statistics against the rest, or None when the term was not tested."""
    rest = keyness[keyness["reference"] == REST].set_index(["outlet", "term"])
    index = pd.MultiIndex.from_product([groups, terms])
    table = rest.reindex(index)[list(STATISTICS)]
    rows = [None if math.isnan(values[0]) else [_round(n, v) for n, v in zip(STATISTICS, values,
                                                                                strict=True)]
            for values in table.to_numpy(dtype=float)]
    return [rows[g * len(terms):(g + 1) * len(terms)] for g in range(len(groups))]


def _context(text: str, term: str) -> tuple[str, str, str]:
    """The sentence split around the first occurrence of `term`, trimmed to CONTEXT_CHARS a side."""
    match = term_pattern(term).search(text)
    if match is None:
        return "", "", text[:2 * CONTEXT_CHARS]
    left, right = text[:match.start()], text[match.end():]
    left = ("…" + left[-CONTEXT_CHARS:]) if len(left) > CONTEXT_CHARS else left
    right = (right[:CONTEXT_CHARS] + "…") if len(right) > CONTEXT_CHARS else right
    return left, match.group(), right


def pick_contexts(rows: np.ndarray, sentence_groups: np.ndarray, group_totals: np.ndarray
                  ) -> np.ndarray:
    """Sentence rows to show for one term: a few per group, groups using the term most first."""
    if len(rows) == 0:
        return rows
    groups = sentence_groups[rows]
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_groups)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    keep = order[rank < CONTEXTS_PER_GROUP]
    rank = rank[rank < CONTEXTS_PER_GROUP]
    chosen = np.lexsort((groups[keep], -group_totals[groups[keep]], rank))[:CONTEXTS_PER_TERM]
    return rows[keep[chosen]]


def term_contexts(corpus: Corpus, terms: list[str], groups: list[str]) -> list[list]:
    """Per term: a capped list of [group index, doc_id, left, match, right] occurrences."""
    counts, vocabulary = sentence_term_counts(corpus)
    columns = pd.Index(vocabulary).get_indexer(terms)
    matrix = counts[:, columns].tocsc()
    doc_group = corpus.documents.set_index("doc_id")["outlet"].map(
        {g: i for i, g in enumerate(groups)})
    sentence_groups = corpus.sentences["doc_id"].map(doc_group).to_numpy(dtype=np.int64)
    texts = corpus.sentences["text"].astype(str).to_numpy()
    doc_ids = corpus.sentences["doc_id"].astype(str).to_numpy()
    found = []
    for j, term in enumerate(terms):
        rows = matrix.indices[matrix.indptr[j]:matrix.indptr[j + 1]]
        rows = np.sort(rows)
        totals = np.bincount(sentence_groups[rows], minlength=len(groups))
        found.append([[int(sentence_groups[r]), doc_ids[r], *_context(texts[r], term)]
                      for r in pick_contexts(rows, sentence_groups, totals)])
    return found


def explorer_data(corpus: Corpus, group_by: str | None = None) -> dict:
    """Everything the page shows, as plain JSON-ready values."""
    counts = outlet_word_counts(corpus)
    groups = [str(g) for g in counts.index]
    keyness = keyness_table(corpus)
    terms = choose_terms(counts, keyness)
    return {
        "group_by": group_by or corpus.group_by,
        "groups": groups,
        "documents": corpus.documents["outlet"].value_counts().reindex(groups).astype(int).tolist(),
        "words": counts.sum(axis=1).astype(int).tolist(),
        "terms": terms,
        "counts": counts[terms].to_numpy().T.astype(int).tolist() if terms else [],
        "statistics": list(STATISTICS),
        "keyness": keyness_rows(keyness, terms, groups),
        "contexts": term_contexts(corpus, terms, groups),
        "caps": {"terms": MAX_TERMS, "per_group": CONTEXTS_PER_GROUP,
                 "per_term": CONTEXTS_PER_TERM, "chars": CONTEXT_CHARS},
    }


def script_json(data: dict) -> str:
    """`data` as JSON safe inside a <script> element: <, >, & and U+2028/9 escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def script_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_explorer(data: dict) -> str:
    """The page: template with style, data and script inlined."""
    script = (TEMPLATE / "explorer.js").read_text(encoding="utf-8")
    values = {
        "csp_script": script_hash(script),
        "title": html.escape(f"Term explorer: words by {data['group_by']}"),
        "style": (TEMPLATE / "explorer.css").read_text(encoding="utf-8"),
        "data": script_json(data),
        "script": script,
    }
    page = (TEMPLATE / "explorer.html").read_text(encoding="utf-8")
    return _SLOT.sub(lambda m: values[m[1]], page)  # one pass: inserted text is never rescanned


def write_explorer(corpus: Corpus, path: Path, group_by: str | None = None) -> Path:
    """Write the term explorer of `corpus` (grouped as loaded; `group_by` names the grouping)."""
    return write_text(Path(path), render_explorer(explorer_data(corpus, group_by)))
