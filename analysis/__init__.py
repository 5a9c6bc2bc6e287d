"""Comparative media analysis of news coverage of NATO deterrence, Russia and Ukraine."""

from analysis.corpus import Corpus, load_corpus
from analysis.errors import CorpusError, CorpusWarning

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus"]
