"""Tone of short texts from two offline lexicons: VADER (reference implementation) and AFINN-165."""

import re
from functools import cache

import numpy as np
import pandas as pd
from afinn import Afinn
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

# VADER's authors' convention: compound >= 0.05 is positive, <= -0.05 negative, else neutral.
NEUTRAL_BAND = 0.05
VADER_COLUMNS = ["vader_compound", "vader_pos", "vader_neu", "vader_neg"]
WORD_COLUMNS = ["key", "word", "valence"]


class _TracingAnalyzer(SentimentIntensityAnalyzer):
    """The reference analyser, unchanged, that also keeps the word valences of the last text."""

    def score_valence(self, sentiments, text):
        words = SentiText(text).words_and_emoticons  # the tokens `sentiments` is aligned with
        self.valences = [(w.lower(), v) for w, v in zip(words, sentiments, strict=True) if v]
        return super().score_valence(sentiments, text)


@cache
def _vader() -> _TracingAnalyzer:
    return _TracingAnalyzer()


@cache
def _afinn() -> Afinn:
    return Afinn(language="en")


@cache
def _afinn_pattern() -> re.Pattern:
    """AFINN's own pattern (entries longest first, within word boundaries) grouped by first letter.

    The same matches as Afinn.find_all, several times faster: at a position only the entries that
    begin with its character are tried, still in AFINN's order.
    """
    buckets: dict[str, list[str]] = {}
    for entry in sorted(_afinn()._dict, key=len, reverse=True):
        buckets.setdefault(entry[0], []).append(re.escape(entry[1:]))
    alternatives = "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in buckets.items())
    return re.compile(rf"\b(?:{alternatives})\b")


def lexicon_sizes() -> pd.DataFrame:
    """Entries and rating range of each lexicon, as loaded (for the notebook's description)."""
    ratings = {"VADER": pd.Series(_vader().lexicon, dtype=float),
               "AFINN-165": pd.Series(_afinn()._dict, dtype=float)}
    return pd.DataFrame([(name, len(r), r.min(), r.max()) for name, r in ratings.items()],
                        columns=["lexicon", "entries", "min", "max"]).set_index("lexicon")


def classify_tone(scores: pd.Series, band: float = NEUTRAL_BAND) -> pd.Series:
    """'positive' (>= band), 'negative' (<= -band) or 'neutral', vectorised."""
    labels = np.select([scores >= band, scores <= -band], ["positive", "negative"], "neutral")
    return pd.Series(labels, index=scores.index, dtype="string")


def score_vader(texts: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """VADER scores, one row a text (index kept), and the valence of every scoring word.

    The word valences are VADER's own, after its negation, booster, 'but' and all-caps rules,
    one row a word occurrence (key = the text's index label); their sum drives the compound.
    """
    analyzer, rows, words = _vader(), [], []
    for key, text in texts.items():
        scores = analyzer.polarity_scores(text)
        rows.append([scores["compound"], scores["pos"], scores["neu"], scores["neg"]])
        words += [(key, word, valence) for word, valence in analyzer.valences]
    return (pd.DataFrame(rows, index=texts.index, columns=VADER_COLUMNS, dtype=float),
            pd.DataFrame(words, columns=WORD_COLUMNS).astype({"word": "string", "valence": float}))


def score_afinn(texts: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """AFINN-165 sums (afinn_score, afinn_n_words), one row a text, and every matched word."""
    afinn = _afinn()
    lowered = texts.str.replace(r"\s+", " ", regex=True).str.lower()  # as Afinn.find_all does
    matches = lowered.str.findall(_afinn_pattern()).explode().dropna()
    words = pd.DataFrame({"key": matches.index, "word": matches.astype("string").to_numpy()})
    words["valence"] = words["word"].map(afinn._dict).astype(float)
    by_text = words.groupby("key")["valence"]
    scores = pd.DataFrame({
        "afinn_score": by_text.sum().reindex(texts.index, fill_value=0.0),
        "afinn_n_words": by_text.size().reindex(texts.index, fill_value=0).astype("int64"),
    }, index=texts.index)
    return scores, words[WORD_COLUMNS]
