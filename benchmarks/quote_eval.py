"""Score quote attribution and the three voices against PolNeAR's human annotation.

    python benchmarks/quote_eval.py [part] [max_docs] [--errors]

part: which PolNeAR articles are scored. The articles of PolNeAR's train and dev splits are pooled
and cut by a hash of their file name (md5 of the name without the annotator suffix; its value
modulo 4): "dev" (remainders 1-3) is the part looked at while writing the rules, "heldout"
(remainder 0) is only ever scored, never read for errors; "polnear-dev" is PolNeAR's own dev split
(81 articles, the figures of earlier versions). --errors (dev and polnear-dev only) prints the
missed gold attributions and the unmatched system rows, by cue.

Each PolNeAR article is read raw, normalised (one character in, one out, so the annotation's
offsets still hold; articles whose length changes are skipped and counted), cut into paragraphs at
line breaks and sentences, and run through analysis.quotes and analysis.voice. Where an article has
two annotators, the first .ann file (sorted by name) is the reference.

Matching (defined here, printed with the figures):
- attribution: a system row (direct quote or indirect attribution) matches a gold attribution when
  its span shares at least half of the shorter of the two spans (system span: the quote for a
  direct row, the reported content for an indirect row) with the gold content span. Precision: system rows
  matching some gold content; recall: gold attributions matched by some system row.
- attribution + speaker: a matched row whose speaker is right: a word of two or more letters
  (pronouns included) of the system's speaker or of its phrase as written (lower-cased,
  determiners dropped) occurs in the gold source text. A row with speaker "unknown" is never
  right. Gold attributions without a source are left out of the speaker recall. A row whose only
  matching gold sources are pronouns ("he") that the system resolved to a name cannot be judged
  (PolNeAR does not resolve pronouns): it is left out of the speaker precision and counted.
- voices, per word (a run of letters or digits): gold "quoted" is a word inside quotation marks
  ('"', or two apostrophes as PolNeAR's New York Times articles write them) within a gold
  content span, gold "reported" a word of a gold content span outside quotation
  marks, gold "narrator" every other word; the system's voice is the voice segment holding the
  word. Precision and recall per voice, and accuracy.
- SemEval: benchmarks/labels/semeval_quotes.tsv lists hand-labelled direct quotes of 15 SemEval
  articles (file, a quote snippet, speaker; its header says how they were chosen). A label is
  found when a direct row of that file contains the snippet (without a comma at its end, which
  the system's quote text leaves out: '"..., " she said'); right when the row's speaker is one
  of the label's speakers (case folded, a final full stop and a leading "the" dropped). Recall over
  labels with a named speaker; precision over direct rows with a known speaker that hold the
  snippet of a named speaker's quote.
  semeval_quotes_heldout.tsv labels the next 15 articles the same way, by a second annotator who
  never saw the attribution code or its output; it was held out until its first score (quote,
  speaker recall 18/36, precision 18/24), then its errors were read and rules written from them,
  so it is a second development sample now; so is semeval_quotes_third.tsv, the next 15 articles
  (first score: recall 31/62, precision 31/46), and semeval_quotes_fourth.tsv, the 15 after those
  (first score: 25/56, 25/48), and semeval_quotes_fifth.tsv, the next 15 (first score: recall
  22/64, precision 21/41), and semeval_quotes_sixth.tsv, the next 15 (first score: recall 35/83,
  precision 35/56), and semeval_quotes_seventh.tsv, the next 15 (first score: recall 30/53,
  precision 30/37), and semeval_quotes_eighth.tsv, the next 15 (first score: recall 39/59,
  precision 39/48), and semeval_quotes_ninth.tsv, the next 15 (first score: recall 42/66,
  precision 41/49), and semeval_quotes_tenth.tsv (the last 6 files with four or more double
  quote marks and the first 9 with two or three; first score: recall 23/51, precision 22/30).
  semeval_quotes_eleventh.tsv, labelled the same blind way, is the held-out sample: the next 15
  files with two or more double quote marks that no sample had used (15 quotes in 9 of them;
  first score: quotes found 9/15, (quote, speaker) recall 4/13, precision 4/5).
--errors also prints, for the SemEval development samples (all but the eleventh), each labelled
quote missed (not found, or found with another speaker or none) with its speaker and what the
system gave it.
"""

import argparse
import hashlib
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.config import shared_corpora
from analysis.quotes import UNKNOWN, attribute_quotes
from analysis.segment import split_sentences
from analysis.textnorm import normalize_text
from analysis.voice import compute_quote_spans, split_voices

CORPORA = shared_corpora()
POLNEAR = CORPORA / "polnear"
SEMEVAL = CORPORA / "semeval2025-cc" / "docs"
LABELS = Path(__file__).parent / "labels" / "semeval_quotes.tsv"
SECOND_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_heldout.tsv"
THIRD_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_third.tsv"
FOURTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_fourth.tsv"
FIFTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_fifth.tsv"
SIXTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_sixth.tsv"
SEVENTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_seventh.tsv"
EIGHTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_eighth.tsv"
NINTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_ninth.tsv"
TENTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_tenth.tsv"
ELEVENTH_LABELS = Path(__file__).parent / "labels" / "semeval_quotes_eleventh.tsv"
MIN_OVERLAP = 0.5
_WORD = re.compile(r"\w+")
_SKIP = {"the", "a", "an", "of", "and", "his", "her", "their", "its", "said", "says", "mr", "mrs",
         "ms", "dr", "for", "in", "on", "to", "at"}


def read_ann(path: Path) -> list[dict]:
    """Attributions of one .ann file: content, source and cue spans (start, end, text)."""
    spans, events = {}, []
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].replace(";", " ").split()
            numbers = [int(x) for x in offsets]
            spans[parts[0]] = (kind, min(numbers), max(numbers), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split()))
    rows = []
    for event in events:
        parts = {role.rstrip("0123456789"): spans.get(tid) for role, tid in event.items()}
        if parts.get("Content"):
            rows.append({k: parts.get(k) for k in ("Content", "Source", "Cue")})
    return rows


def paragraphs_of(doc_id: str, text: str) -> pd.DataFrame:
    """One row a non-empty line, the shape split_sentences reads."""
    rows = [(doc_id, i, m.start(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text))]
    return pd.DataFrame(rows, columns=["doc_id", "paragraph_index", "start", "text"])


def run_system(texts: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Quotes table and voice segments of documents given as {doc_id: normalised text}."""
    documents = pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())})
    paragraphs = pd.concat([paragraphs_of(d, t) for d, t in texts.items()], ignore_index=True)
    sentences = split_sentences(paragraphs)
    spans = compute_quote_spans(documents)
    quotes = attribute_quotes(documents, sentences, spans)
    try:
        segments = split_voices(sentences, spans, quotes)
    except TypeError:  # the two-voice split of older versions
        segments = split_voices(sentences, spans)
    return quotes, segments


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans share at least MIN_OVERLAP of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= MIN_OVERLAP * min(a[1] - a[0], b[1] - b[0])


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) >= 2 and w.lower() not in _SKIP}


PRONOUNS = {"he", "she", "they", "it", "i", "we", "who"}


def undecidable(row, gold_source) -> bool:
    """The gold source is a pronoun the system did not write: the annotation does not say who."""
    return (gold_source is not None and gold_source[3].strip().lower() in PRONOUNS
            and row["as_written"].strip().lower() != gold_source[3].strip().lower())


def speaker_right(row, gold_source) -> bool:
    """The system's speaker or its phrase as written shares a word with the gold source."""
    if gold_source is None or row["speaker"] == UNKNOWN:
        return False
    gold = content_words(gold_source[3])
    return bool(gold & (content_words(row["speaker"]) | content_words(row["as_written"])))


def system_span(row) -> tuple[int, int]:
    """The content a row claims: the reported content of an indirect row, else its quote."""
    if "content_start" in row and pd.notna(row.get("content_start")):
        return int(row["content_start"]), int(row["content_end"])
    return int(row["start"]), int(row["end"])


def score_attributions(quotes: pd.DataFrame, gold: dict[str, list[dict]]) -> Counter:
    """Counts behind attribution and attribution + speaker precision and recall."""
    c = Counter()
    by_doc = dict(list(quotes.groupby("doc_id")))
    for doc_id, attributions in gold.items():
        rows = by_doc.get(doc_id, quotes.iloc[0:0])
        found = [False] * len(attributions)
        right = [False] * len(attributions)
        for _, row in rows.iterrows():
            span = system_span(row)
            hits = [i for i, a in enumerate(attributions) if overlap(span, a["Content"][1:3])]
            c["sys"] += 1
            c["sys_match"] += bool(hits)
            good = [i for i in hits if speaker_right(row, attributions[i]["Source"])]
            for i in hits:
                found[i] = True
            for i in good:
                right[i] = True
            if hits and not good and row["speaker"] != UNKNOWN and all(
                    undecidable(row, attributions[i]["Source"]) for i in hits):
                c["undecidable"] += 1  # left out of the speaker precision
                continue
            c["sys_known"] += row["speaker"] != UNKNOWN
            c["sys_right"] += bool(good)
            c["sys_known_match"] += bool(hits) and row["speaker"] != UNKNOWN
        c["gold"] += len(attributions)
        c["gold_found"] += sum(found)
        c["gold_with_source"] += sum(a["Source"] is not None for a in attributions)
        c["gold_right"] += sum(right)
    return c


def gold_voices(text: str, attributions: list[dict]) -> list[str]:
    """Per character: narrator, or reported / quoted inside a gold content span. A quotation mark
    is '"' or two apostrophes ('' , how PolNeAR's New York Times articles write one)."""
    voice = ["narrator"] * len(text)
    for a in attributions:
        _, start, end, _ = a["Content"]
        inside, i = False, start
        while i < min(end, len(text)):
            mark = 2 if text.startswith("''", i) else 1 if text[i] == '"' else 0
            if mark:
                inside = not inside
                voice[i:i + mark] = ["quoted"] * mark
                i += mark
                continue
            voice[i] = "quoted" if inside else "reported"
            i += 1
    return voice


def score_voices(texts: dict[str, str], segments: pd.DataFrame,
                 gold: dict[str, list[dict]]) -> Counter:
    """Per word: (gold voice, system voice) pairs."""
    pairs = Counter()
    by_doc = dict(list(segments.groupby("doc_id")))
    for doc_id, text in texts.items():
        gold_voice = gold_voices(text, gold[doc_id])
        system = ["narrator"] * len(text)
        for start, end, voice in by_doc.get(doc_id, segments.iloc[0:0])[
                ["start", "end", "voice"]].itertuples(index=False):
            system[start:end] = [voice] * (end - start)
        for m in _WORD.finditer(text):
            pairs[(gold_voice[m.start()], system[m.start()])] += 1
    return pairs


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


HELDOUT_BUCKETS = 4


def part_of(stem: str) -> str:
    """The part an article belongs to by a hash of its name: "heldout" (one in four) or "dev"."""
    bucket = int(hashlib.md5(stem.encode("utf-8")).hexdigest(), 16) % HELDOUT_BUCKETS
    return "heldout" if bucket == 0 else "dev"


def load_polnear(part: str, limit: int | None) -> tuple[dict, dict, int]:
    """Normalised texts and gold attributions of one part; how many articles were skipped."""
    texts, gold, skipped = {}, {}, 0
    splits = ["dev"] if part == "polnear-dev" else ["dev", "train"]
    anns = sorted(ann for split in splits for ann in (POLNEAR / split / "attributions").glob("*.ann"))
    seen = set()
    for ann in anns:
        stem = ann.stem.rsplit("_", 1)[0]
        if stem in seen or (part != "polnear-dev" and part_of(stem) != part):
            continue
        seen.add(stem)
        raw = (ann.parent.parent / "text" / f"{stem}.txt").read_text("utf-8")
        text = normalize_text(raw)
        if len(text) != len(raw):
            skipped += 1
            continue
        texts[stem], gold[stem] = text, read_ann(ann)
        if limit and len(texts) >= limit:
            break
    return texts, gold, skipped


def list_errors(texts: dict[str, str], quotes: pd.DataFrame, gold: dict[str, list[dict]]) -> None:
    """Missed gold attributions counted by cue, with examples; unmatched system rows by pattern."""
    by_doc = dict(list(quotes.groupby("doc_id")))
    missed, wrong = Counter(), Counter()
    examples: dict[str, list[str]] = {}
    for doc_id, attributions in gold.items():
        rows = by_doc.get(doc_id, quotes.iloc[0:0])
        spans = [system_span(r) for _, r in rows.iterrows()]
        for a in attributions:
            if not any(overlap(s, a["Content"][1:3]) for s in spans):
                cue = (a["Cue"][3] if a["Cue"] else "-").lower()
                missed[cue] += 1
                source = a["Source"][3] if a["Source"] else "-"
                examples.setdefault(cue, []).append(f"{doc_id[:30]} [{source}] {cue}: "
                                                    f"{a['Content'][3][:90]!r}")
        for (_, r), span in zip(rows.iterrows(), spans, strict=True):
            if not any(overlap(span, a["Content"][1:3]) for a in attributions):
                wrong[r["pattern"]] += 1
                print(f"  FALSE {r['pattern']}: [{r['as_written']}] {r['quote'][:100]!r}")
    print("  missed gold attributions by cue:")
    for cue, n in missed.most_common(40):
        print(f"    {n:4d} {cue}")
        for example in examples[cue][:3]:
            print(f"           {example}")
    print("  unmatched system rows by pattern:", dict(wrong.most_common()))


def polnear(split: str, limit: int | None, errors: bool = False) -> None:
    """Attribution, speaker and voice figures of one part of PolNeAR."""
    texts, gold, skipped = load_polnear(split, limit)
    quotes, segments = run_system(texts)
    c = score_attributions(quotes, gold)
    if errors:
        list_errors(texts, quotes, gold)
    print(f"PolNeAR {split}: {len(texts)} articles ({skipped} skipped: length changed by "
          f"normalisation), {c['gold']} gold attributions, {len(quotes)} system rows")
    print(f"  matching: span overlap >= {MIN_OVERLAP:.0%} of the shorter span; speaker: shared word")
    print(f"  attribution precision      {ratio(c['sys_match'], c['sys'])}")
    print(f"  attribution recall         {ratio(c['gold_found'], c['gold'])}")
    print(f"  + speaker precision        {ratio(c['sys_right'], c['sys_known'])}"
          "  (rows with a known speaker)")
    print(f"  + speaker precision, found {ratio(c['sys_right'], c['sys_known_match'])}"
          "  (known speaker, matched content)")
    print(f"  + speaker recall           {ratio(c['gold_right'], c['gold_with_source'])}"
          "  (gold with a source)")
    print(f"  unknown speaker rows       {ratio(c['sys'] - c['sys_known'] - c['undecidable'], c['sys'])}")
    print(f"  rows left out of speaker precision: {c['undecidable']} (gold source a pronoun the"
          " system resolved to a name)")
    for kind in ("direct", "indirect"):
        part = score_attributions(quotes[quotes["kind"] == kind], gold)
        print(f"  {kind:8s} rows: precision {ratio(part['sys_match'], part['sys'])}, "
              f"speaker precision {ratio(part['sys_right'], part['sys_known'])}")
    pairs = score_voices(texts, segments, gold)
    total = sum(pairs.values())
    print(f"  voices per word ({total} words): accuracy "
          f"{ratio(sum(n for (g, s), n in pairs.items() if g == s), total)}")
    for voice in ("narrator", "quoted", "reported"):
        tp = pairs[(voice, voice)]
        print(f"    {voice:9s} precision {ratio(tp, sum(n for (_, s), n in pairs.items() if s == voice))}"
              f"  recall {ratio(tp, sum(n for (g, _), n in pairs.items() if g == voice))}")


def folded(speaker: str) -> str:
    """A speaker's name as compared with a label: lower case, no final full stop ("Linda M."), no
    leading "the" ("The Exposé")."""
    return speaker.lower().rstrip(".").removeprefix("the ")


def semeval(path: Path = LABELS, name: str = "development", errors: bool = False) -> None:
    """Direct quotes and speakers against the hand labels of SemEval articles (with `errors`, each
    labelled quote not found with its speaker, and what the system gave it)."""
    if not path.exists():
        print("SemEval: no labels in", path)
        return
    labels = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False)
    # a snippet that ends a quote may end with the comma inside its closing mark ('"..., " she
    # said'), which the system's quote text leaves out: compared without it; and as normalised
    # text reads (an em dash typed in a snippet is the text's hyphen)
    labels["snippet"] = labels["snippet"].map(normalize_text).str.rstrip(",")
    texts = {f: normalize_text((SEMEVAL / f).read_text("utf-8")) for f in labels["file"].unique()}
    quotes, _ = run_system(texts)
    direct = quotes[quotes["kind"] == "direct"]
    c = Counter()
    for file, group in labels.groupby("file"):
        rows = direct[direct["doc_id"] == file]
        named = group[group["speaker"] != "-"]
        for snippet, speaker in zip(group["snippet"], group["speaker"], strict=True):
            hit = rows[rows["quote"].str.contains(snippet, regex=False)]
            c["found"] += not hit.empty
            if speaker != "-":
                c["named"] += 1
                right = hit["speaker"].map(folded).isin(map(folded, speaker.split("|"))).any()
                c["right"] += right
                if errors and not right:
                    given = "; ".join(hit["speaker"]) if len(hit) else "quote not found"
                    print(f"  MISS {file} {snippet[:50]!r} gold {speaker.split('|')[0]!r}: {given}")
        for quote, speaker in zip(rows["quote"], rows["speaker"], strict=True):
            if speaker == UNKNOWN:
                continue
            wanted = [sp for sn, sp in zip(named["snippet"], named["speaker"], strict=True)
                      if sn in quote]
            if wanted:
                c["claimed"] += 1
                c["claimed_right"] += any(folded(speaker) in map(folded, sp.split("|")) for sp in wanted)
            elif not any(sn in quote for sn in group["snippet"]):
                c["unlabelled"] += 1
    print(f"SemEval hand labels, {name} (normalised raw text, no cleaning): {labels['file'].nunique()} "
          f"articles, {len(labels)} labelled quotes, {c['named']} with a named speaker")
    print(f"  quote recall               {ratio(c['found'], len(labels))}")
    print(f"  (quote, speaker) recall    {ratio(c['right'], c['named'])}  (named speakers)")
    print(f"  (quote, speaker) precision {ratio(c['claimed_right'], c['claimed'])}"
          "  (direct rows with a known speaker holding a quote of a named speaker)")
    print(f"  other direct rows with a known speaker (no labelled quote: short fragments, titles,"
          f" scare quotes) {c['unlabelled']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", nargs="?", default="dev", choices=["dev", "heldout", "polnear-dev"])
    parser.add_argument("max_docs", nargs="?", type=int, default=None)
    parser.add_argument("--errors", action="store_true", help="list errors (not on heldout)")
    args = parser.parse_args()
    if args.errors and args.part == "heldout":
        parser.error("the held-out part is only scored; list errors on dev")
    polnear(args.part, args.max_docs, args.errors)
    semeval(errors=args.errors)
    semeval(SECOND_LABELS, "second sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(THIRD_LABELS, "third sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(FOURTH_LABELS, "fourth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(FIFTH_LABELS, "fifth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(SIXTH_LABELS, "sixth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(SEVENTH_LABELS, "seventh sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(EIGHTH_LABELS, "eighth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(NINTH_LABELS, "ninth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(TENTH_LABELS, "tenth sample (labelled blind; its errors were read after its first score)",
            args.errors)
    semeval(ELEVENTH_LABELS, "eleventh sample, held out (labelled blind, only ever scored)")


if __name__ == "__main__":
    main()
