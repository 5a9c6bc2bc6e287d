"""Comparative media analysis of news coverage of NATO deterrence, Russia and Ukraine."""

import pandas as pd

# Text columns keep pandas' own string storage whether or not pyarrow is installed (with pyarrow,
# pandas would switch to Arrow strings, whose comparisons return Arrow booleans): the same
# inputs give the same tables with and without it. pyarrow is used only for the store's Parquet.
pd.set_option("mode.string_storage", "python")

from analysis.corpus import Corpus, load_corpus  # noqa: E402
from analysis.errors import CorpusError, CorpusWarning  # noqa: E402

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus"]
