"""Source framing (notebook 04): actor salience, who is quoted, labels by voice, frames, shared copy."""

import pandas as pd

from analysis.actors import alias_mentions
from analysis.corpus import Corpus, per_corpus
from analysis.frames import (
    compute_frame_shares,
    tag_frames,
    validation_sheet,
)
from analysis.labels import (
    count_labels,
    find_label_hits,
    headline_segments,
    keyword_in_context,
    load_rules,
    mark_subheads,
    names_the_war,
)
from analysis.parallel import map_with
from analysis.quotes import UNKNOWN, compute_quotes
from analysis.shared_copy import find_shared_sentences, group_passages
from analysis.stats import summarise_columns, summarise_ratio
from analysis.voice import compute_voice_segments

NOTEBOOK = "04-source-framing"
TOP_SPEAKERS = 12
VOICES = ("narrator", "quoted", "reported")  # the voice values of analysis.voice


def sentences_with_outlet(corpus: Corpus) -> pd.DataFrame:
    """The sentence table with each sentence's outlet."""
    return corpus.sentences.join(corpus.documents.set_index("doc_id")["outlet"], on="doc_id")


@per_corpus
def compute_mentions(corpus: Corpus) -> pd.DataFrame:
    """Actor mentions with outlet and relative position in the article (0 = start, 1 = end); a
    title written next to the name of the same actor ("Secretary General Jens Stoltenberg") is one
    mention."""
    mentions = alias_mentions(corpus)
    text = corpus.documents.set_index("doc_id")["text"]
    gap = [text[d][e:s] for d, s, e in zip(mentions["doc_id"], mentions["start"],
                                            mentions["end"].shift(fill_value=0), strict=True)]
    same = ((mentions["actor"] == mentions["actor"].shift())
            & (mentions["sentence_id"] == mentions["sentence_id"].shift())
            & pd.Series([g.strip() == "" for g in gap], index=mentions.index)).fillna(False)
    mentions = mentions[~same].reset_index(drop=True)
    docs = corpus.documents.set_index("doc_id")
    mentions.insert(1, "outlet", mentions["doc_id"].map(docs["outlet"]))
    mentions["position"] = mentions["start"] / mentions["doc_id"].map(docs["n_chars_clean"])
    return mentions


@per_corpus
def compute_actor_salience(corpus: Corpus) -> pd.DataFrame:
    """Mentions per 1,000 words per outlet and actor group, with bootstrap intervals (a group's articles
    resampled where it has several; column unit)."""
    sentences = sentences_with_outlet(corpus)
    mentions = compute_mentions(corpus)
    groups = list(dict.fromkeys(mentions["group"]))
    per_sentence = (mentions.groupby(["sentence_id", "group"]).size().unstack(fill_value=0)
                    .reindex(index=sentences["sentence_id"], columns=groups, fill_value=0))
    salience = summarise_columns(per_sentence, sentences[["outlet"]], "group",
                                 clusters=sentences["doc_id"].to_numpy(),
                                 denominators=sentences["n_words"].to_numpy(),
                                 names=("n_mentions", "n_words"))
    salience[["ratio", "low", "high"]] *= 1000
    salience = salience.rename(columns={"n": "n_sentences", "ratio": "per_1000_words"})
    return salience.astype({"n_mentions": int, "n_words": int})


def compute_voice_shares(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: share of words inside quotation marks and share in reported speech (bootstrap
    over sentences), direct and indirect statements, and the number of distinct named voices."""
    segments = compute_voice_segments(corpus)
    sentences = sentences_with_outlet(corpus)
    words = segments.pivot_table(index="sentence_id", columns="voice", values="n_words",
                                 aggfunc="sum", fill_value=0)
    words = words.reindex(index=sentences["sentence_id"], columns=list(VOICES), fill_value=0)
    words["words"] = words[list(VOICES)].sum(axis=1)
    words["outlet"] = sentences["outlet"].to_numpy()
    words["doc_id"] = sentences["doc_id"].to_numpy()
    shares = summarise_ratio(words.reset_index(), "quoted", "words", "outlet", exact="binomial").rename(
        columns={"n": "n_sentences", "quoted": "quoted_words", "ratio": "share_quoted"})
    reported = summarise_ratio(words.reset_index(), "reported", "words", "outlet",
                               exact="binomial").set_index("outlet")
    shares["reported_words"] = shares["outlet"].map(reported["reported"]).astype(int)
    shares["share_reported"] = shares["outlet"].map(reported["ratio"])
    shares["reported_low"] = shares["outlet"].map(reported["low"])
    shares["reported_high"] = shares["outlet"].map(reported["high"])
    quotes = quotes.join(corpus.documents.set_index("doc_id")["outlet"], on="doc_id")
    known = quotes[quotes["speaker"] != UNKNOWN]
    statements = quotes.drop_duplicates("statement_id")
    counts = pd.DataFrame({
        "n_direct": statements[statements["kind"] == "direct"].groupby("outlet").size(),
        "n_indirect": statements[statements["kind"] == "indirect"].groupby("outlet").size(),
        "n_voices": known.groupby("outlet")["speaker"].nunique(),
        "n_direct_voices": known[known["kind"] == "direct"].groupby("outlet")["speaker"].nunique(),
    })
    shares = shares.join(counts, on="outlet").fillna(
        {c: 0 for c in counts.columns}).astype({c: int for c in counts.columns})
    return shares.astype({"quoted_words": int, "words": int})


def _usual_types(quotes: pd.DataFrame) -> pd.Series:
    """Per (outlet, speaker) with a known type: its most frequent speaker_type (ties: the first
    in alphabetical order)."""
    known = quotes[quotes["speaker_type"] != UNKNOWN]
    counts = known.groupby(["outlet", "speaker", "speaker_type"]).size().reset_index(name="n")
    counts = counts.sort_values(["outlet", "speaker", "n", "speaker_type"],
                                ascending=[True, True, False, True], kind="stable")
    return counts.drop_duplicates(["outlet", "speaker"]).set_index(["outlet", "speaker"])["speaker_type"]


def rank_speakers(corpus: Corpus, quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet and speaker: direct and indirect statements (a quote split by "he said" is one),
    quoted words, rows; ranked by statements. "unknown" is kept, unranked (rank empty), last."""
    quotes = quotes.join(corpus.documents.set_index("doc_id")["outlet"], on="doc_id")
    direct = quotes["kind"] == "direct"
    types = _usual_types(quotes)
    ranked = (quotes.assign(direct=quotes["statement_id"].where(direct),
                            indirect=quotes["statement_id"].where(~direct),
                            quoted_words=quotes["n_words"].where(direct, 0))
              .groupby(["outlet", "speaker"], sort=False)
              .agg(n_direct=("direct", "nunique"), n_indirect=("indirect", "nunique"),
                   quoted_words=("quoted_words", "sum"), n_rows=("doc_id", "size"))
              .reset_index())
    ranked.insert(2, "speaker_type", pd.Series(
        types.reindex(pd.MultiIndex.from_frame(ranked[["outlet", "speaker"]])).to_numpy(),
        dtype="string").fillna(UNKNOWN))
    ranked["n_total"] = ranked["n_direct"] + ranked["n_indirect"]
    ranked = ranked.assign(unknown=ranked["speaker"] == UNKNOWN).sort_values(
        ["outlet", "unknown", "n_total", "quoted_words", "speaker"],
        ascending=[True, True, False, False, True], kind="stable").drop(columns="unknown")
    known = ranked["speaker"] != UNKNOWN
    ranked["rank"] = (ranked[known].groupby("outlet").cumcount() + 1).reindex(ranked.index).astype("Int64")
    return ranked.reset_index(drop=True)


def _own_voice_shares(corpus: Corpus) -> pd.DataFrame:
    """compute_voice_shares of the corpus's own quotes (the voices table)."""
    return compute_voice_shares(corpus, compute_quotes(corpus))


def _own_speakers(corpus: Corpus) -> pd.DataFrame:
    """rank_speakers of the corpus's own quotes (the speakers table)."""
    return rank_speakers(corpus, compute_quotes(corpus))


voice_table = per_corpus(_own_voice_shares, name="table.voices")
speaker_table = per_corpus(_own_speakers, name="table.speakers")


def label_segments(corpus: Corpus) -> pd.DataFrame:
    """The voice segments of every headline and body (subheads in the headline voice), in
    document order, each document's headline first."""
    body = mark_subheads(compute_voice_segments(corpus), corpus.sentences, corpus.paragraphs)
    segments = pd.concat([headline_segments(corpus.documents), body], ignore_index=True)
    order = {doc_id: i for i, doc_id in enumerate(corpus.documents["doc_id"])}
    return segments.sort_values("doc_id", key=lambda d: d.map(order), kind="stable",
                                ignore_index=True)


@per_corpus
def articles_naming_the_war(corpus: Corpus) -> int:
    """How many articles name the war in their text or title (labels.names_the_war): only their
    war labels count (kept in the store: notebooks 04 and 05 both say it)."""
    docs, rules = corpus.documents, load_rules()
    return int(sum(names_the_war(text, rules) or names_the_war(title, rules)
                   for text, title in zip(docs["text"], docs["title"], strict=True)))


@per_corpus
def label_hits(corpus: Corpus) -> pd.DataFrame:
    """Every labelling-lexicon hit of the corpus's label segments (cached: three tables read it)."""
    return map_with(find_label_hits, label_segments(corpus))  # segments in document order


def compute_label_hits(corpus: Corpus) -> pd.DataFrame:
    """Every labelling-lexicon hit with its unit, voice, outlet, whether it counts and why, and
    keyword-in-context evidence (the label_contexts table; excluded hits stay visible)."""
    hits = keyword_in_context(label_hits(corpus), corpus.documents)
    hits.insert(1, "outlet", hits["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"]))
    return hits


@per_corpus
def compute_label_rates(corpus: Corpus) -> pd.DataFrame:
    """Per outlet, voice and category: counted hits per 1,000 words of that voice, bootstrap over
    segments' sentences (a headline is one sentence of the headline voice)."""
    segments = label_segments(corpus)
    hits = label_hits(corpus)
    hits = hits[hits["counted"]]
    words = segments.groupby(["sentence_id", "voice"])["n_words"].sum()
    categories = list(dict.fromkeys(hits["category"]))
    counts = hits.groupby(["sentence_id", "voice", "category"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=words.index, columns=categories, fill_value=0)
    doc_of = segments.drop_duplicates("sentence_id").set_index("sentence_id")["doc_id"]
    doc_id = words.index.get_level_values("sentence_id").map(doc_of)  # headlines: no sentences row
    keys = pd.DataFrame({"outlet": doc_id.map(corpus.documents.set_index("doc_id")["outlet"]),
                         "voice": words.index.get_level_values("voice")})
    rates = summarise_columns(counts, keys, "category", clusters=doc_id.to_numpy(),
                              denominators=words.to_numpy(), names=("n_hits", "n_words"))
    rates[["ratio", "low", "high"]] *= 1000
    return rates.rename(columns={"n": "n_segments", "ratio": "per_1000_words"}).astype(
        {"n_hits": int, "n_words": int})


def compute_labels(corpus: Corpus) -> pd.DataFrame:
    """The labels.csv table of counted hits: doc_id, category, term, voice (narrator, quoted,
    headline, ...), count."""
    return count_labels(label_hits(corpus))


@per_corpus
def compute_shared_passages(corpus: Corpus) -> pd.DataFrame:
    """Sentences shared with another outlet, each with its closest copy, grouped into passages
    (shared_passages.csv)."""
    sentences = sentences_with_outlet(corpus)
    return group_passages(find_shared_sentences(sentences), sentences)


def own_sentences(corpus: Corpus) -> pd.DataFrame:
    """Sentences (with outlet) that are not part of a passage shared with another outlet."""
    shared = compute_shared_passages(corpus)
    sentences = sentences_with_outlet(corpus)
    return sentences[~sentences["sentence_id"].isin(shared["sentence_id"])].reset_index(drop=True)


@per_corpus
def compute_frames(corpus: Corpus) -> pd.DataFrame:
    """The frames.csv table: one row a (sentence, frame) with the dictionary terms found."""
    return map_with(tag_frames, corpus.sentences)


@per_corpus
def compute_outlet_frame_shares(corpus: Corpus) -> pd.DataFrame:
    """Frame shares per outlet over the sentences not shared with another outlet."""
    sentences = own_sentences(corpus)
    tags = compute_frames(corpus)
    tags = tags[tags["sentence_id"].isin(sentences["sentence_id"])].reset_index(drop=True)
    return compute_frame_shares(sentences, tags)


def compute_frame_validation(corpus: Corpus) -> pd.DataFrame:
    """A sample of tagged sentences with empty coder columns (frame_validation.csv)."""
    return validation_sheet(sentences_with_outlet(corpus), compute_frames(corpus))


TABLES = {
    "actors": compute_actor_salience,
    "actor_mentions": compute_mentions,
    "quotes": compute_quotes,
    "speakers": speaker_table,
    "voices": voice_table,
    "labels": compute_labels,
    "label_contexts": compute_label_hits,
    "frames": compute_frames,
    "frame_shares": compute_outlet_frame_shares,
    "frame_validation": compute_frame_validation,
    "shared_passages": compute_shared_passages,
}
