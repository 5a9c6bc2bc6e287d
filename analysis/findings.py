"""Synthesis: every measure side by side per outlet, and the headline findings with their evidence."""

from dataclasses import dataclass

import pandas as pd

from analysis.corpus import Corpus, per_corpus, translation_counts
from analysis.frames import NO_FRAME
from analysis.framing import (
    articles_naming_the_war,
    compute_actor_salience,
    compute_label_hits,
    compute_label_rates,
    compute_outlet_frame_shares,
    speaker_table,
    voice_table,
)
from analysis.keyness import HANDFUL, REST, keyness_table, top_key_terms
from analysis.quotes import UNKNOWN, compute_quotes
from analysis.sentiment import compute_outlet_sentiment, compute_sentence_sentiment, describe_mean
from analysis.terms import compute_kwic

NOTEBOOK = "05-findings"
FEW_LABELS = 5  # fewer counted narrator war labels than this in all: a lean is said to be no pattern
AGGRESSION, OPERATION = "war as aggression", "war as operation or crisis"
INTERVAL_COLUMNS = ["measure", "outlet", "value", "low", "high", "n", "unit"]


@dataclass(frozen=True)
class Finding:
    """A headline finding: the facts behind its sentence and the evidence rows (its caveats are
    prose in notebook 05)."""

    facts: dict
    evidence: pd.DataFrame


def _tone(corpus: Corpus) -> pd.DataFrame:
    tone = compute_outlet_sentiment(corpus)
    return tone[(tone["articles"] == "all") & (tone["measure"] == "vader_compound")]


@per_corpus
def compute_measures(corpus: Corpus) -> pd.DataFrame:
    """One row per measure and outlet: value, 95% interval and n (the small multiples' data)."""
    tone = _tone(corpus).assign(measure="tone: mean VADER compound per sentence")
    voices = voice_table(corpus).assign(
        measure="share of words inside quotation marks", value=lambda d: d["share_quoted"],
        n=lambda d: d["n_sentences"])
    salience = compute_actor_salience(corpus)
    groups = salience.groupby("group")["n_mentions"].sum().sort_values(ascending=False).head(2).index
    actors = salience[salience["group"].isin(groups)].assign(
        measure=lambda d: d["group"] + " mentions per 1,000 words",
        value=lambda d: d["per_1000_words"], n=lambda d: d["n_sentences"])
    rates = compute_label_rates(corpus)
    labels = rates[(rates["voice"] == "narrator") & rates["category"].isin([AGGRESSION, OPERATION])]
    labels = labels.assign(measure=lambda d: "narrator: '" + d["category"] + "' per 1,000 words",
                           value=lambda d: d["per_1000_words"], n=lambda d: d["n_segments"])
    frames = compute_outlet_frame_shares(corpus)
    parts = [tone.rename(columns={"mean": "value"}), voices, actors, labels]
    frames = frames[frames["frame"] != NO_FRAME]  # "none" is no frame: the most common real one
    if len(frames):  # no frame panel when every sentence is shared copy (no outlet's own words)
        top_frame = frames.groupby("frame")["n_sentences_with_frame"].sum().idxmax()
        parts.append(frames[frames["frame"] == top_frame].assign(
            measure=f"share of sentences with the '{top_frame}' frame", value=lambda d: d["share"],
            n=lambda d: d["n_sentences"]))
    measures = pd.concat([p[INTERVAL_COLUMNS] for p in parts], ignore_index=True)
    order = {o: i for i, o in enumerate(corpus.outlets)}
    return measures.sort_values("outlet", key=lambda o: o.map(order), kind="stable").sort_values(
        "measure", key=lambda m: m.map({v: i for i, v in enumerate(measures["measure"].unique())}),
        kind="stable", ignore_index=True)


def _translated(translated: pd.Series) -> str:
    """'2 of 5' machine translations, with how many are of unknown status; 'unknown' for all."""
    machine, unknown = translation_counts(translated)
    if unknown == len(translated):
        return "unknown"
    return f"{machine} of {len(translated)}" + (f" ({unknown} unknown)" if unknown else "")


def _top_speakers(speakers: pd.DataFrame) -> pd.Series:
    """Per outlet, the first-ranked speaker, and how many others have as many statements."""
    known = speakers[speakers["rank"].notna()]
    first = known[known["rank"] == 1].set_index("outlet")
    tied = (known.join(first["n_total"].rename("most"), on="outlet")
            .query("n_total == most").groupby("outlet").size() - 1)
    return first["speaker"] + tied.reindex(first.index).map(
        lambda n: f" (tied with {n} more)" if n else "")


@per_corpus
def compute_profile(corpus: Corpus) -> pd.DataFrame:
    """One compact row per outlet: size, dates, translation, and the headline of every measure."""
    docs = corpus.documents
    profile = docs.groupby("outlet", sort=False).agg(
        articles=("doc_id", "size"), words=("n_words_clean", "sum"),
        translated=("translated", _translated),
        events_from=("event_start", "min"), events_to=("event_end", "max"))
    tone = _tone(corpus).set_index("outlet")
    profile["tone [95% CI]"] = tone.apply(
        lambda r: describe_mean(r, with_n=False), axis=1)
    voices = voice_table(corpus).set_index("outlet")
    profile["quoted share"] = voices["share_quoted"].map("{:.0%}".format)
    profile["named voices"] = voices["n_voices"]
    speakers = speaker_table(corpus)
    profile["top speaker"] = _top_speakers(speakers)
    salience = compute_actor_salience(corpus)
    top = salience.sort_values("n_mentions", ascending=False, kind="stable").groupby("outlet").first()
    profile["most named"] = top["group"] + " (" + top["per_1000_words"].map("{:.0f}".format) + "/1k)"
    rates = compute_label_rates(corpus)
    narrator = rates[rates["voice"] == "narrator"].pivot_table(
        index="outlet", columns="category", values="n_hits", aggfunc="sum")
    profile["narrator labels aggression : operation"] = [
        f"{int(narrator.get(AGGRESSION, pd.Series()).get(o, 0))} : "
        f"{int(narrator.get(OPERATION, pd.Series()).get(o, 0))}" for o in profile.index]
    frames = compute_outlet_frame_shares(corpus)
    frames = frames[frames["frame"] != NO_FRAME].sort_values("share", ascending=False, kind="stable")
    top_frame = frames.groupby("outlet").first()
    profile["top frame"] = top_frame["frame"] + " (" + top_frame["share"].map("{:.0%}".format) + ")"
    key = top_key_terms(keyness_table(corpus), n=1).set_index("outlet")
    profile["most distinctive term"] = key["term"] + " (" + key["count_target"].astype(str) + "x)"
    profile = profile.reset_index()
    for column in ("events_from", "events_to"):
        profile[column] = profile[column].dt.strftime("%Y-%m-%d")
    return profile.fillna("-")


def find_top_speaker(corpus: Corpus) -> Finding:
    """Who is cited in most statements across the corpus, in how many outlets, one quote per outlet."""
    quotes = compute_quotes(corpus)
    known = quotes[quotes["speaker"] != UNKNOWN].drop_duplicates("statement_id")  # statements
    if known.empty:
        return Finding({}, pd.DataFrame(), "")
    counts = known["speaker"].value_counts(sort=False).sort_values(ascending=False, kind="stable")
    speaker = counts.index[0]
    ranked = speaker_table(corpus)
    top_in = sorted(ranked.loc[(ranked["rank"] == 1) & (ranked["speaker"] == speaker), "outlet"])
    outlets_quoting = known["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"])
    evidence = (known.assign(outlet=outlets_quoting)[known["speaker"] == speaker]
                .sort_values(["kind", "n_words"], ascending=[True, False], kind="stable")
                .groupby("outlet", sort=False).head(1)[["outlet", "kind", "as_written", "quote"]])
    facts = {"speaker": speaker, "n": int(counts.iloc[0]), "total": int(counts.sum()),
             "tied": int((counts == counts.iloc[0]).sum()),
             "top_in": top_in, "n_outlets_quoting": int(outlets_quoting.nunique()),
             "n_outlets_citing": int(outlets_quoting[known["speaker"] == speaker].nunique()),
             "n_outlets": corpus.documents["outlet"].nunique()}
    return Finding(facts, evidence)


def find_war_labels(corpus: Corpus) -> Finding:
    """Which outlets' narrators call the war an operation or crisis rather than aggression."""
    rates = compute_label_rates(corpus)
    narrator = rates[rates["voice"] == "narrator"].pivot_table(
        index="outlet", columns="category", values="n_hits", aggfunc="sum", fill_value=0)
    for column in (AGGRESSION, OPERATION):
        if column not in narrator:
            narrator[column] = 0
    operation = sorted(narrator.index[narrator[OPERATION] > narrator[AGGRESSION]])
    aggression = sorted(narrator.index[narrator[AGGRESSION] > narrator[OPERATION]])
    hits = compute_label_hits(corpus)
    war = hits[hits["category"].isin([AGGRESSION, OPERATION])]
    evidence = war[war["counted"] & (war["voice"] == "narrator")]
    evidence = evidence[evidence["outlet"].isin(operation) | (evidence["category"] == OPERATION)]
    headlines = war[war["counted"] & (war["voice"] == "headline")]
    facts = {"operation": operation, "aggression": aggression,
             "n_naming": articles_naming_the_war(corpus), "n_articles": len(corpus.documents),
             "counts": narrator[[AGGRESSION, OPERATION]].astype(int),
             "n_narrator": int(narrator[[AGGRESSION, OPERATION]].to_numpy().sum()),
             "n_excluded": int((~war["counted"]).sum()),
             "excluded": war.loc[~war["counted"], "reason"].value_counts(sort=False).sort_values(
                 ascending=False, kind="stable"),
             "headlines": headlines[["outlet", "unit", "category", "matched"]]}
    return Finding(facts, evidence[["outlet", "category", "left", "matched", "right"]])


def find_tone_gap(corpus: Corpus) -> Finding:
    """The most and least positive outlets by mean sentence tone, and whether their intervals meet."""
    tone = _tone(corpus).sort_values("mean", ascending=False, kind="stable")
    high, low = tone.iloc[0], tone.iloc[-1]
    sentences = compute_sentence_sentiment(corpus)
    outlet = sentences["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"])
    scored = sentences.assign(outlet=outlet)
    evidence = pd.concat([
        scored[scored["outlet"] == high["outlet"]].nlargest(1, "vader_compound"),
        scored[scored["outlet"] == low["outlet"]].nsmallest(1, "vader_compound"),
    ])[["outlet", "vader_compound", "text"]]
    known = tone[["low", "high"]].loc[[high.name, low.name]].notna().all().all()
    facts = {"high": high.to_dict(), "low": low.to_dict(), "n_outlets": len(tone),
             "overlap": bool(high["low"] <= low["high"]) if known else None}  # None: no interval
    return Finding(facts, evidence)


def find_key_terms(corpus: Corpus) -> Finding:
    """Each outlet's most distinctive term against the rest, with its counts and its contexts."""
    top = top_key_terms(keyness_table(corpus), n=1)
    top = top[top["reference"] == REST]
    evidence = pd.concat(
        [compute_kwic(corpus, t).query("outlet == @o").head(2) for t, o in zip(top["term"], top["outlet"],
                                                                            strict=True)]
        or [pd.DataFrame(columns=["outlet", "left", "match", "right"])]
    )[["outlet", "left", "match", "right"]]
    facts = {"terms": top[["outlet", "term", "count_target", "count_reference", "lrc", "p_adjusted",
                           "key"]],
             "handful": sorted(top.loc[top["count_target"] < HANDFUL, "outlet"]),
             "significant": sorted(top.loc[top["key"], "outlet"])}
    return Finding(facts, evidence)


TABLES = {"outlet_profile": compute_profile, "outlet_measures": compute_measures}
