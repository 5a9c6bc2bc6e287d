"""Corpus overview: the base tables, what cleaning removed, and the figures of notebook 01."""

import pandas as pd

from analysis.corpus import Corpus
from analysis.segment import count_words

NOTEBOOK = "01-corpus-overview"
_ZONE_SUFFIX = r" \((footer zone|list after marker|closing lines|post text|cues)\)$"


def compute_documents(corpus: Corpus) -> pd.DataFrame:
    """The documents table (the raw text stays in the corpus folder; cleaning read it once)."""
    return corpus.documents


def compute_removals(corpus: Corpus) -> pd.DataFrame:
    """Removed lines and spans with their word counts and the outlet of their document."""
    removed = corpus.removed.copy()
    removed["rule"] = removed["reason"].str.replace(_ZONE_SUFFIX, "", regex=True)
    removed["n_words"] = count_words(removed["text"])
    outlets = pd.concat([corpus.documents, _skipped_docs(corpus)]).set_index("doc_id")["outlet"]
    removed.insert(1, "outlet", removed["doc_id"].map(outlets).fillna("unknown"))
    return removed


def _skipped_docs(corpus: Corpus) -> pd.DataFrame:
    """Removed-only documents (all boilerplate) have no row in documents; their outlet is unknown."""
    gone = corpus.removed.loc[~corpus.removed["doc_id"].isin(corpus.documents["doc_id"]), "doc_id"]
    return pd.DataFrame({"doc_id": gone.unique(), "outlet": "unknown"})


def compute_removal_summary(corpus: Corpus) -> pd.DataFrame:
    """Per rule: lines or spans removed, words removed, and the documents they came from."""
    removals = compute_removals(corpus)
    return (
        removals.groupby("rule")
        .agg(n_removed=("text", "size"), n_words=("n_words", "sum"), n_docs=("doc_id", "nunique"))
        .sort_values(["n_words", "n_removed"], ascending=False)
        .reset_index()
    )


def compute_outlet_lengths(corpus: Corpus) -> pd.DataFrame:
    """Per outlet: documents, words before and after cleaning, and the share removed."""
    docs = corpus.documents
    lengths = (
        docs.groupby("outlet", sort=False)
        .agg(n_docs=("doc_id", "size"), n_words_raw=("n_words_raw", "sum"),
             n_words_clean=("n_words_clean", "sum"), n_sentences=("n_sentences", "sum"))
        .reset_index()
    )
    lengths["share_removed"] = 1 - lengths["n_words_clean"] / lengths["n_words_raw"]
    return lengths


# The period of the attention chart, by the span of the publication dates: (longest span in
# days, pandas period code, reader word). Spans longer than the last row are counted per year.
PERIODS = [(45, "D", "day"), (366, "W-SUN", "week"), (8 * 366, "M", "month")]
MAX_LABELLED_BARS = 12  # bars get their count printed above them up to this many periods


def attention_period(dates: pd.Series) -> tuple[str, str]:
    """The period code and its name for a set of dates: days, weeks, months or years."""
    days = (dates.max() - dates.min()).days
    return next(((code, word) for limit, code, word in PERIODS if days <= limit), ("Y", "year"))


def compute_attention(corpus: Corpus) -> pd.DataFrame:
    """Articles per period and group from known publication dates (zeros included; empty if none)."""
    docs = corpus.documents.dropna(subset=["published_start"])
    columns = ["period", "unit", "outlet", "n_articles"]
    if docs.empty:
        return pd.DataFrame(columns=columns)
    code, word = attention_period(docs["published_start"])
    period = docs["published_start"].dt.to_period(code)
    counts = docs.groupby([period.rename("period"), "outlet"], sort=False).size()
    periods = pd.period_range(period.min(), period.max(), freq=code)
    outlets = [o for o in corpus.outlets if o in set(docs["outlet"])]
    grid = counts.reindex(pd.MultiIndex.from_product([periods, outlets], names=["period", "outlet"]),
                          fill_value=0).rename("n_articles").reset_index()
    grid["period"] = grid["period"].dt.start_time
    grid.insert(1, "unit", word)
    return grid[columns]


TABLES = {
    "documents": compute_documents,
    "paragraphs": lambda corpus: corpus.paragraphs,
    "removed": lambda corpus: corpus.removed,
    "skipped": lambda corpus: corpus.skipped,
    "removal_summary": compute_removal_summary,
    "attention": compute_attention,
}
