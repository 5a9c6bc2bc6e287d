"""Tone of short texts from two offline lexicons: VADER (the reference package's scores) and AFINN-165."""

import heapq
import re
from functools import cache

import numpy as np
import pandas as pd
from afinn import Afinn
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
)

# VADER's authors' convention: compound >= 0.05 is positive, <= -0.05 negative, else neutral.
NEUTRAL_BAND = 0.05
VADER_COLUMNS = ["vader_compound", "vader_pos", "vader_neu", "vader_neg"]
WORD_COLUMNS = ["key", "word", "valence"]
STRIP_CACHE = 200_000  # distinct tokens whose stripping is remembered (bounds a worker's memory)


class _TracingAnalyzer(SentimentIntensityAnalyzer):
    """The reference analyser's rules and scores, with shortcuts that change no result, that also
    keeps the word valences of the last text.

    polarity_scores is the reference's with four shortcuts: a text with no emoji skips the
    character-by-character emoji rewrite (it would return the text unchanged); a token that is
    not in the lexicon gets VADER's 0 without a call to sentiment_valence (which returns 0 for
    it); a token's punctuation stripping is looked up once per distinct token; the negation
    check, the idiom check and the 'but' rule read the sentence lowercased once instead of
    lowercasing it at every lexicon word. Those three are the reference's code on that list;
    every other rule (boosters, caps, 'no', 'least', punctuation, normalisation) is the
    reference's own method.
    Tests compare every score and word valence with the reference on the seeds and real text.
    """

    def __init__(self):
        super().__init__()
        self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)
        self._stripped: dict[str, str] = {}
        self.valences: list[tuple[str, float]] = []
        self._lowered: tuple[list[str], list[str]] = ([], [])  # (tokens, the same lowercased)

    def _sentitext(self, text: str) -> SentiText:
        """SentiText(text) with its tokens' stripping looked up once per distinct token."""
        sentitext = SentiText.__new__(SentiText)
        sentitext.text = text
        stripped = self._stripped
        if len(stripped) > STRIP_CACHE:
            stripped.clear()
        known, strip = stripped.get, self._strip  # a stripped token is never empty
        words = [known(token) or strip(token) for token in text.split()]
        sentitext.words_and_emoticons = words
        sentitext.is_cap_diff = allcap_differential(words)
        return sentitext

    def polarity_scores(self, text):
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)  # the reference's own path (score_valence traces)
        sentitext = self._sentitext(text.strip())
        words, lexicon, sentiments = sentitext.words_and_emoticons, self.lexicon, []
        lowered_words = [word.lower() for word in words]
        self._lowered = (words, lowered_words)
        last = len(words) - 1
        for i, item in enumerate(words):
            lowered = lowered_words[i]
            if (lowered not in lexicon or lowered in BOOSTER_DICT
                    or (i < last and lowered == "kind" and lowered_words[i + 1] == "of")):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        self._trace(lowered_words, sentiments)
        return SentimentIntensityAnalyzer.score_valence(self, sentiments, sentitext.text)

    def _strip(self, token: str) -> str:
        """SentiText's punctuation stripping of a token, remembered."""
        word = self._stripped[token] = SentiText._strip_punc_if_word(token)
        return word

    def _but_check(self, words_and_emoticons, sentiments):
        """The reference's 'but' rule (halve before the first 'but', 1.5x after), on the sentence
        lowercased once. The reference walks the list and rescales the first entry equal to each
        value (sentiments.index), so a repeated valence rescales its first copy; that is kept. Its
        zeros are skipped here: rescaling the first zero leaves a zero, which changes nothing.
        The first entry holding a value is found in a heap of positions per value, not by a
        scan from the start (which made a long text's rule quadratic)."""
        lower = self._lowercase(words_and_emoticons)
        if "but" not in lower:
            return sentiments
        bi = lower.index("but")
        holding: dict[float, list[int]] = {}  # value -> positions that held it, a heap
        for i, sentiment in enumerate(sentiments):
            if sentiment:
                holding.setdefault(sentiment, []).append(i)  # ascending: already a heap
        for k in range(len(sentiments)):  # an entry is rescaled only after it has been read
            sentiment = sentiments[k]
            if not sentiment:
                continue
            heap = holding[sentiment]
            while sentiments[heap[0]] != sentiment:  # rescaled since: a value never comes back
                heapq.heappop(heap)
            si = heap[0]
            if si != bi:
                heapq.heappop(heap)
                sentiments[si] = sentiment * (0.5 if si < bi else 1.5)
                heapq.heappush(holding.setdefault(sentiments[si], []), si)
        return sentiments

    def _lowercase(self, words: list[str]) -> list[str]:
        """The tokens lowercased (once per sentence on the fast path)."""
        return self._lowered[1] if words is self._lowered[0] else [str(w).lower() for w in words]

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        """The reference's negation check ('never so', 'without doubt', a negation word or n't
        1-3 words before), on the sentence lowercased once."""
        lower = self._lowercase(words_and_emoticons)
        if start_i == 0:
            if _negated(lower[i - 1]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                valence = valence * 1.25
            elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                pass
            elif _negated(lower[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")
                    or (lower[i - 1] == "so" or lower[i - 1] == "this")):
                valence = valence * 1.25
            elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                pass
            elif _negated(lower[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence, words_and_emoticons, i):
        """The reference's idiom and booster n-gram check, on the sentence lowercased once
        (its negative indices wrap around at the start of a sentence, as the reference's do)."""
        lower = self._lowercase(words_and_emoticons)
        onezero = f"{lower[i - 1]} {lower[i]}"
        twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
        twoone = f"{lower[i - 2]} {lower[i - 1]}"
        threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
        threetwo = f"{lower[i - 3]} {lower[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if len(lower) - 1 > i:
            zeroone = f"{lower[i]} {lower[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if len(lower) - 1 > i + 1:
            zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def _trace(self, lowered: list[str], sentiments: list[float]) -> None:
        """Keep the valence of every scoring word of the text (lowercased tokens, aligned)."""
        self.valences = [(w, v) for w, v in zip(lowered, sentiments, strict=True) if v]

    def score_valence(self, sentiments, text):
        words = self._sentitext(text).words_and_emoticons  # the tokens `sentiments` is aligned with
        self._trace([w.lower() for w in words], sentiments)
        return super().score_valence(sentiments, text)


_NEGATIONS = frozenset(NEGATE)


def _negated(word: str) -> bool:
    """VADER's negated([word]): a negation word, or any word with n't."""
    word = word.lower()
    return word in _NEGATIONS or "n't" in word


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
