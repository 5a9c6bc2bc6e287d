"""Sentence-level tone per outlet, toward actors and by voice, with intervals: notebook 03's stage."""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.actors import alias_mentions, load_aliases
from analysis.clause_tone import CONTEXT_COLUMNS, SCORED_COLUMNS, mention_contexts
from analysis.corpus import Corpus, per_corpus
from analysis.lexicons import classify_tone, score_afinn, score_vader
from analysis.parallel import partitions, run_partitions
from analysis.stats import summarise_columns
from analysis.voice import compute_voice_segments

NOTEBOOK = "03-sentiment"
TOP_WORDS = 5  # words per direction and outlet in the driving-words figure
VALENCE_DECIMALS = 9  # summed valences are rounded to this many decimals
# Article subsets every summary is given for: all articles, and those known not to be translated.
SUBSETS = ("all", "untranslated")
MEASURES = ("vader_compound", "vader_positive", "vader_negative",
            "afinn_score", "afinn_positive", "afinn_negative")
TONE_COLUMNS = ["vader_compound", "vader_tone", "afinn_score", "afinn_tone"]  # what summaries use
ACTOR_SCORED_TEXT = "the actor's clause"  # what the actor table's tone is the tone of
SENTIMENT_COLUMNS = ["vader_compound", "vader_pos", "vader_neu", "vader_neg", "vader_tone",
                     "afinn_score", "afinn_n_words", "afinn_tone"]


@dataclass
class ScoredCorpus:
    """Scores of every sentence and voice segment, and the lexicon words behind them."""

    sentences: pd.DataFrame  # corpus.sentences + outlet, translated + SENTIMENT_COLUMNS
    segments: pd.DataFrame  # voice segments + outlet, translated + SENTIMENT_COLUMNS
    words: pd.DataFrame  # outlet, lexicon, word, n, valence: each scoring word's occurrences in
    # the outlet's sentences and their summed valence, in order of first occurrence


def score_texts(texts: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both lexicons on texts with a unique index: scores a row, and words (key, lexicon, ...)."""
    return run_partitions(_score_texts, partitions(texts, key=None), _join_scores)


def _join_scores(results: list[tuple[pd.DataFrame, pd.DataFrame]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The partitions' scores in order, and their words with every VADER word before AFINN's."""
    scores = pd.concat([s for s, _ in results])
    words = pd.concat([w for _, w in results], ignore_index=True)
    order = words["lexicon"].map({"vader": 0, "afinn": 1}).to_numpy()
    return scores, words.iloc[np.argsort(order, kind="stable")].reset_index(drop=True)


def _score_texts(texts: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """score_texts in one process."""
    vader, vader_words = score_vader(texts)
    afinn, afinn_words = score_afinn(texts)
    scores = vader.join(afinn)
    scores["vader_tone"] = classify_tone(scores["vader_compound"])
    scores["afinn_tone"] = classify_tone(scores["afinn_score"], band=1)
    words = pd.concat([vader_words.assign(lexicon="vader"), afinn_words.assign(lexicon="afinn")],
                      ignore_index=True)
    return scores[SENTIMENT_COLUMNS], words


@per_corpus
def score_corpus(corpus: Corpus) -> ScoredCorpus:
    """Score each distinct sentence and segment text once (cached per corpus)."""
    docs = corpus.documents.set_index("doc_id")[["outlet", "translated"]]
    sentences = corpus.sentences.join(docs, on="doc_id")
    segments = compute_voice_segments(corpus).join(docs, on="doc_id")
    keys, distinct = pd.factorize(pd.concat([sentences["text"], segments["text"]], ignore_index=True))
    scores, words = score_texts(pd.Series(distinct, dtype="string"))
    sentence_keys = keys[:len(sentences)]
    return ScoredCorpus(
        sentences.join(scores.iloc[sentence_keys].set_axis(sentences.index)),
        segments.join(scores.iloc[keys[len(sentences):]].set_axis(segments.index)),
        _word_totals(sentences["outlet"].array, sentence_keys, words),
    )


def _word_totals(outlets, keys: np.ndarray, words: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, lexicon and word: occurrences and summed valence over the sentences (`outlets`
    and text `keys` a sentence) of the words of each text (`words`, key a row), in order of first
    occurrence; each distinct (outlet, text) is expanded once."""
    pairs = pd.DataFrame({"outlet": outlets, "key": keys}).groupby(["outlet", "key"], sort=False)
    pairs = pairs.size().rename("count").reset_index()
    found = pairs.merge(words.iloc[np.argsort(words["key"].to_numpy(), kind="stable")], on="key")
    found["valence"] = found["valence"] * found["count"]
    totals = (found.groupby(["outlet", "lexicon", "word"], sort=False)
              .agg(n=("count", "sum"), valence=("valence", "sum")).reset_index())
    # the same sum in another order differs in the last bits: rounded, equal sums tie
    totals["valence"] = totals["valence"].round(VALENCE_DECIMALS)
    return totals


def compute_sentence_sentiment(corpus: Corpus) -> pd.DataFrame:
    """The sentences table with the sentiment columns added."""
    return score_corpus(corpus).sentences[[*corpus.sentences.columns, *SENTIMENT_COLUMNS]]


def _whole_text_compound(texts: pd.Series) -> pd.Series:
    """VADER compound of each text scored as one piece (one process)."""
    return score_vader(texts)[0]["vader_compound"]


@per_corpus
def compute_article_tone(corpus: Corpus) -> pd.DataFrame:
    """Per article: VADER compound of its whole text scored as one piece beside the mean compound
    of its sentences (whole-text scores saturate toward -1 or +1 on long texts)."""
    docs = corpus.documents
    texts = docs.set_index("doc_id")["text"]
    whole = run_partitions(_whole_text_compound,
                           partitions(texts, key=None, sizes=docs["n_sentences"].to_numpy() + 1), pd.concat)
    means = score_corpus(corpus).sentences.groupby("doc_id")["vader_compound"].mean()
    return pd.DataFrame({
        "doc_id": docs["doc_id"].to_numpy(), "outlet": docs["outlet"].to_numpy(),
        "sentences": docs["n_sentences"].to_numpy(),
        "compound_of_whole_article": whole.reindex(docs["doc_id"]).to_numpy(),
        "mean_compound_of_its_sentences": means.reindex(docs["doc_id"]).to_numpy()})


def _measures(df: pd.DataFrame) -> pd.DataFrame:
    """The MEASURES of each row: the two scores, and 0/1 for each lexicon's positive and negative."""
    return pd.DataFrame({
        "vader_compound": df["vader_compound"],
        "vader_positive": (df["vader_tone"] == "positive").astype(float),
        "vader_negative": (df["vader_tone"] == "negative").astype(float),
        "afinn_score": df["afinn_score"],
        "afinn_positive": (df["afinn_tone"] == "positive").astype(float),
        "afinn_negative": (df["afinn_tone"] == "negative").astype(float),
    })[list(MEASURES)]


def summarise_tone(df: pd.DataFrame, by: list[str], levels: dict[str, list]) -> pd.DataFrame:
    """Mean, bootstrap interval and n of every measure per subset and group, zero-n groups kept.

    `levels` lists every value of each `by` column, so that a group without sentences shows
    as n = 0 instead of disappearing. The subsets are all articles and those known to be
    untranslated (column `articles`).
    """
    keys = ["articles", *by]
    measures = _measures(df)
    articles = df["doc_id"].to_numpy() if "doc_id" in df else None  # resampling units
    untranslated = df["translated"].eq(False).fillna(False).astype(bool).to_numpy()
    parts = [summarise_columns(measures[rows], df.loc[rows, by].assign(articles=subset)[keys],
                               "measure", clusters=articles[rows] if articles is not None else None)
             for subset, rows in zip(SUBSETS, (np.ones(len(df), dtype=bool), untranslated), strict=True)
             if rows.any()]
    summary = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=[*keys, "measure", "n", "mean", "low", "high", "n_articles", "unit"])
    full = pd.MultiIndex.from_product([SUBSETS, *(levels[b] for b in by), MEASURES],
                                      names=[*keys, "measure"])
    summary = summary.set_index([*keys, "measure"]).reindex(full).reset_index()
    summary["n"] = summary["n"].fillna(0).astype("int64")
    summary["n_articles"] = summary["n_articles"].fillna(0).astype("int64")
    return summary


@per_corpus
def compute_outlet_sentiment(corpus: Corpus) -> pd.DataFrame:
    """Per article subset, outlet and measure: mean with bootstrap interval over sentences, n."""
    return summarise_tone(score_corpus(corpus).sentences, ["outlet"], {"outlet": corpus.outlets})


@per_corpus
def score_actor_mentions(corpus: Corpus) -> pd.DataFrame:
    """One row an actor mention: its sentence, clause and word window, each scored by both lexicons.

    Offsets (start, end, clause_*, window_*) are into the document's cleaned text; the columns
    {sentence,clause,window}_{vader_compound,vader_tone,afinn_score,afinn_tone} hold the tone of
    the whole sentence, of the clause around the mention, and of the mention's word window; the
    clause and window are scored without the actors' names (clause_tone.mask_names).
    """
    sentences = score_corpus(corpus).sentences
    mentions = alias_mentions(corpus).join(
        sentences.set_index("sentence_id")[["outlet", "translated", "start", *TONE_COLUMNS]]
        .rename(columns={"start": "sentence_start"} | {c: f"sentence_{c}" for c in TONE_COLUMNS}),
        on="sentence_id")
    offset = mentions["sentence_start"].to_numpy()
    contexts = mention_contexts(sentences, mentions.assign(start=mentions["start"] - offset,
                                                           end=mentions["end"] - offset))
    contexts[CONTEXT_COLUMNS] = contexts[CONTEXT_COLUMNS].add(offset, axis=0)
    texts = pd.Series(pd.concat([contexts[c] for c in SCORED_COLUMNS]).unique(), dtype="string")
    scores, _ = score_texts(texts)
    scores.index = texts.to_numpy()
    scored = [scores.loc[contexts[f"{kind}_scored_text"], TONE_COLUMNS].set_axis(contexts.index)
              .add_prefix(f"{kind}_") for kind in ("clause", "window")]
    return pd.concat([mentions.drop(columns="sentence_start"), contexts.drop(columns=SCORED_COLUMNS),
                      *scored], axis=1)


@per_corpus
def compute_actor_sentiment(corpus: Corpus) -> pd.DataFrame:
    """Tone of the clause around each mention of an actor group of the alias file, per outlet.

    One row a clause and actor group (two mentions of one group in a clause count once); the
    measures are summarise_tone's, scored on the clause instead of the whole sentence.
    """
    mentions = score_actor_mentions(corpus).drop_duplicates(["sentence_id", "group", "clause_start"])
    clauses = mentions.rename(columns={"group": "actor_group"} | {
        f"clause_{c}": c for c in TONE_COLUMNS})
    levels = {"actor_group": list(load_aliases()["group"].unique()), "outlet": corpus.outlets}
    return summarise_tone(clauses, ["actor_group", "outlet"], levels).assign(
        scored_text=ACTOR_SCORED_TEXT)


@per_corpus
def compute_voice_sentiment(corpus: Corpus) -> pd.DataFrame:
    """Tone of the narrator's and the quoted segments of sentences, per outlet."""
    levels = {"outlet": corpus.outlets, "voice": ["narrator", "quoted"]}
    return summarise_tone(score_corpus(corpus).segments, ["outlet", "voice"], levels)


def compute_word_contributions(corpus: Corpus) -> pd.DataFrame:
    """Per outlet and lexicon, every scoring word: occurrences and summed valence, largest first."""
    totals = score_corpus(corpus).words.copy()
    totals["direction"] = np.where(totals["valence"] > 0, "positive", "negative")
    rank = totals["outlet"].map({o: i for i, o in enumerate(corpus.outlets)})
    order = np.lexsort((-totals["valence"].abs(), totals["lexicon"] == "afinn", rank))
    return totals.iloc[order].reset_index(drop=True)


def compute_lexicon_agreement(corpus: Corpus) -> pd.DataFrame:
    """Per outlet and overall: sentences, Spearman correlation and tone agreement of the lexicons."""
    sentences = score_corpus(corpus).sentences
    rows = []
    for outlet, group in [*sentences.groupby("outlet", sort=False), ("all outlets", sentences)]:
        vader, afinn = group["vader_compound"], group["afinn_score"]
        varied = vader.nunique() > 1 and afinn.nunique() > 1
        rows.append({
            "outlet": outlet, "n": len(group),
            "spearman": vader.corr(afinn, method="spearman") if varied else np.nan,
            "same_tone": (group["vader_tone"] == group["afinn_tone"]).mean(),
            "opposite_tone": (
                ((group["vader_tone"] == "positive") & (group["afinn_tone"] == "negative"))
                | ((group["vader_tone"] == "negative") & (group["afinn_tone"] == "positive"))
            ).mean(),
        })
    return pd.DataFrame(rows)


def select_rows(summary: pd.DataFrame, articles: str = "all", measure: str = "vader_compound"):
    """The rows of one article subset and one measure of a summary, without those two columns."""
    rows = (summary["articles"] == articles) & (summary["measure"] == measure)
    return summary[rows].drop(columns=["articles", "measure"]).reset_index(drop=True)


def describe_mean(row, with_n: bool = True) -> str:
    """'+0.25 [-0.03, +0.48], n=10' for a summary row (dict or Series); 'no sentences' if n = 0;
    '+0.25 [no interval]' when the group is too small to resample."""
    if not row["n"]:
        return "no sentences"
    bounds = ("no interval" if pd.isna(row["low"]) or pd.isna(row["high"])
              else f"{row['low']:+.2f}, {row['high']:+.2f}")
    text = f"{row['mean']:+.2f} [{bounds}]"
    return f"{text}, n={int(row['n']):,}" if with_n else text


TABLES = {
    "sentences": compute_sentence_sentiment,
    "article_tone": compute_article_tone,
    "sentiment_by_outlet": compute_outlet_sentiment,
    "sentiment_by_actor": compute_actor_sentiment,
    "actor_clause_tone": score_actor_mentions,
    "sentiment_by_voice": compute_voice_sentiment,
    "sentiment_words": compute_word_contributions,
}
