"""Who is quoted: attribute quotations and reported speech to speakers, and type the speakers.

Direct quotes are the quoted spans of analysis.voice; each is attributed, in this order, by the
clause right after it ('"...," said X' / '"...," X said' / '"...," according to X'), by a speech
verb before it in its sentence ('X said that NATO was "in the midst..."', 'According to X, ... "..."'),
or by the nearest attributed quote of its paragraph (a quote continued after '"...," he said.').
Sentences without a quotation that report speech ("According to X, ...", "X believes that ...",
"..., X said.") give indirect attributions. Pronouns (he, she) resolve to the last named speaker
of the document; titles and full names fold to one person through data/actors.csv and, for other
people, through the fuller name used elsewhere ("Mr Sanchez" -> "Pedro Sanchez").
"""

import bisect
import re
from functools import cache

import pandas as pd

from analysis.actors import load_aliases
from analysis.config import PACKAGE_DATA
from analysis.corpus import Corpus, per_corpus
from analysis.segment import count_words
from analysis.voice import compute_quote_spans

UNKNOWN = "unknown"
# An unattributed quotation this short, or written in Title Case, names something ("so-called
# "Baltic Defense Line"") rather than quoting someone.
MIN_UNATTRIBUTED_WORDS = 4
MAX_SPEAKER_WORDS = 9
PRONOUNS = {"he", "she"}
DETERMINERS = {"the", "a", "an", "all", "its", "his", "her", "their", "our", "several", "many",
               "some", "both", "two", "three"}
CONNECTORS = {"of", "the", "for", "de", "da", "van", "von", "der", "al", "bin", "la", "le"}
# Words that cannot be part of a speaker phrase (clauses, prepositions, capitalised function words).
_STOP = set("""
and but or nor so yet if when while although though because since as that which who whom whose
what where why how this these those there it its they them we us i you me my your our everything
nothing something anyone everyone nobody somebody is are was were be been being has have had do
does did will would can could should may might must not no yes in on at to from by with without
about after before during into over under between against among through also again once later
then now still further however thus therefore meanwhile frankly
""".split())
# Auxiliaries and adverbs allowed between a subject and its verb ("X has also said").
_FILLERS = set("""
has have had is was were will would also again once later previously recently then further
repeatedly already reportedly has been had been earlier clearly publicly once-again
""".split())
_PREPOSITIONS = set("in on at to from by with during after before into over under for".split())


@cache
def _lexicon() -> dict:
    """Verbs, titles, speaker types and aliases, read once from analysis/data/."""
    verbs = [v.strip() for v in (PACKAGE_DATA / "attribution_verbs.txt").read_text("utf-8")
             .splitlines() if v.strip() and not v.startswith("#")]
    verbs.sort(key=len, reverse=True)
    titles = {t.strip().lower() for t in (PACKAGE_DATA / "titles.txt").read_text("utf-8")
              .splitlines() if t.strip() and not t.startswith("#")}
    speakers = pd.read_csv(PACKAGE_DATA / "speakers.csv", dtype="string", keep_default_na=False)
    roles = pd.read_csv(PACKAGE_DATA / "speaker_roles.csv", dtype="string", keep_default_na=False)
    aliases = load_aliases()
    return {
        "verb": re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, verbs)) + r")(?![\w-])"),
        "titles": titles,
        "actor_type": dict(zip(speakers["actor"], speakers["speaker_type"], strict=True)),
        "people": set(speakers.loc[speakers["person"] == "yes", "actor"]),
        "roles": [(re.compile(rf"(?<![\w-]){re.escape(k)}s?(?![\w-])", re.I), t)
                  for k, t in zip(roles["keyword"], roles["speaker_type"], strict=True)],
        "exact": {a: x for a, x, s in zip(aliases["alias"], aliases["actor"],
                                          aliases["case_sensitive"], strict=True) if s},
        "folded": {a.lower(): x for a, x, s in zip(aliases["alias"], aliases["actor"],
                                                   aliases["case_sensitive"], strict=True) if not s},
    }


def _words(phrase: str) -> list[str]:
    return phrase.split()


def _bare(token: str) -> str:
    return token.strip(".,;:!?()[]\"'").lower()


def _is_stop(token: str, stop: set[str]) -> bool:
    """A word that ends a speaker phrase; acronyms ("US", "IT") are names, not "us" or "it"."""
    word = token.strip(".,;:!?()[]\"'")
    return word.lower() in stop and not (len(word) > 1 and word.isupper())


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep"
                           r"|St|Jr|Sr)\.")


def _ends_clause(token: str) -> bool:
    """A token ending in punctuation that closes a phrase (an abbreviation's period does not)."""
    return bool(re.search(r"[,;:!?()\[\]\"]$", token)) or (
        token.endswith(".") and not _ABBREVIATION.fullmatch(token))


def trailing_phrase(text: str) -> str | None:
    """The speaker phrase that ends `text` ("..., NATO Secretary General Jens Stoltenberg")."""
    tokens = _words(text.replace("#", " "))
    while tokens and _bare(tokens[-1]) in _FILLERS:
        tokens.pop()
    taken: list[str] = []
    for token in reversed(tokens):
        if (_ends_clause(token) and taken) or _is_stop(token, _STOP - CONNECTORS) \
                or len(taken) == MAX_SPEAKER_WORDS:
            break
        taken.insert(0, token)
    return _valid_phrase(taken)


def leading_phrase(text: str) -> str | None:
    """The speaker phrase that starts `text` ("Mr Stoltenberg, adding that ..." -> "Mr Stoltenberg")."""
    taken: list[str] = []
    for token in _words(text.replace("#", " ")):
        if _is_stop(token, (_STOP | _PREPOSITIONS) - CONNECTORS) or len(taken) == MAX_SPEAKER_WORDS:
            break
        taken.append(token)
        if _ends_clause(token):
            break
    return _valid_phrase(taken)


def _valid_phrase(tokens: list[str]) -> str | None:
    """A speaker phrase: a pronoun, a name, or a determiner + role ("the secretary general")."""
    while tokens and _bare(tokens[0]) in CONNECTORS - DETERMINERS:
        tokens = tokens[1:]
    while tokens and _bare(tokens[-1]) in CONNECTORS:
        tokens = tokens[:-1]
    tokens = [t.strip("()[]") for t in tokens]
    if not tokens or tokens[-1].rstrip(".,;:").endswith(("'s", "'")):
        return None
    first = _bare(tokens[0])
    if len(tokens) == 1 and first in PRONOUNS:
        return first
    if first in DETERMINERS or _is_name_token(tokens[0]):
        return " ".join(tokens).strip(".,")
    return None


def _split_role_name(phrase: str, titles: set[str]) -> tuple[str, str]:
    """(role, name): the name is the run of capitalised words after the last title word."""
    tokens = _words(phrase)
    if tokens and _bare(tokens[0]) in DETERMINERS:
        tokens = tokens[1:]
    last_title = max((i for i, t in enumerate(tokens)
                      if _bare(t) in titles or _bare(t) in CONNECTORS or not _is_name_token(t)),
                     default=-1)
    if last_title >= 0 and _bare(tokens[last_title]) in CONNECTORS:  # "head of the Pentagon"
        return " ".join(tokens), ""
    return " ".join(tokens[:last_title + 1]), " ".join(tokens[last_title + 1:])


class _Resolver:
    """Canonical speakers within one document: aliases, pronouns, roles of named speakers."""

    def __init__(self) -> None:
        self.lex = _lexicon()
        self.last_named: str | None = None
        self.roles_of: list[tuple[str, str]] = []  # (role written before a name, speaker)

    def _alias(self, text: str) -> str | None:
        return self.lex["exact"].get(text) or self.lex["folded"].get(text.lower())

    def resolve(self, phrase: str | None) -> str:
        """The canonical speaker of a phrase; 'unknown' when there is none."""
        if phrase is None:
            return UNKNOWN
        if phrase in PRONOUNS:
            return self.last_named or UNKNOWN
        role, name = _split_role_name(phrase, self.lex["titles"])
        if name:
            speaker = self._alias(name) or self._alias(name.split()[-1]) or name
            if role:
                self.roles_of.append((role.lower(), speaker))
        else:
            head = re.split(r"\s(?:of|for)\s", role)[0].split()  # "head of the Pentagon" -> "head"
            speaker = (next((a for k in range(len(head)) if (a := self._alias(" ".join(head[k:])))),
                            None)
                       or next((s for r, s in reversed(self.roles_of) if role.lower() in r), None)
                       or role)
        if name or speaker != role:
            self.last_named = speaker
        return speaker


def _after_quote(clause: str, verb_re: re.Pattern) -> tuple[str | None, str] | None:
    """Attribution in the clause after a quote: '," said X' / '," X said' / '," according to X'."""
    clause = clause.split(";")[0]
    if m := re.match(r"\W*according to\s+(.*)", clause, re.I):
        return leading_phrase(m.group(1)), "according to X"
    verb = verb_re.search(clause)
    if verb is None:
        return None
    before = clause[:verb.start()].strip(" ,-")
    if not before:
        phrase = leading_phrase(clause[verb.end():])
        return (phrase, "said X") if phrase else None
    phrase = trailing_phrase(before)
    rest = [w for w in _words(before) if _bare(w) not in _FILLERS]
    if phrase is not None and len(rest) == len(_words(phrase)):
        return phrase, "X said"
    return None


def _before_quote(text: str, verb_re: re.Pattern) -> tuple[str | None, str] | None:
    """Attribution earlier in the sentence: 'X said that ... "...' or 'According to X, ... "...'."""
    if m := re.search(r"(?i:according to)\s+([^,]+),", text):
        phrase = leading_phrase(m.group(1) + ",")
        if phrase:
            return phrase, "according to X"
    for verb in reversed(list(verb_re.finditer(text))):
        if phrase := _subject(text[:verb.start()]):
            return phrase, "X said ... quote"
    return None


def _subject(text: str) -> str | None:
    """The subject before a verb, skipping an inserted phrase ("X, in a speech on May 9, said")."""
    chunks = text.split(",")
    while len(chunks) > 1 and (not chunks[-1].strip()
                               or _bare(chunks[-1].split()[0]) in _PREPOSITIONS):
        chunks.pop()
    return trailing_phrase(chunks[-1]) if chunks else None


def _indirect(text: str, verb_re: re.Pattern) -> tuple[str | None, str] | None:
    """Reported speech in a sentence without a quotation; the main-clause attribution first."""
    if m := re.search(r"(?i:according to)\s+([^,.;]+)", text):
        if phrase := leading_phrase(m.group(1)):
            return phrase, "according to X"
    trailing = re.search(r",\s*([^,]+?)\s+(" + verb_re.pattern + r")\W*$", text)
    if trailing and (phrase := trailing_phrase(trailing.group(1))):
        return phrase, "..., X said"
    if m := re.search(r"\b(?:was|were|is|are|has been|had been)\s+(" + verb_re.pattern
                      + r")\s+by\s+(.*)", text):
        if phrase := leading_phrase(m.group(2)):
            return phrase, "stated by X"
    for verb in verb_re.finditer(text):
        if phrase := _subject(text[:verb.start()]):
            return phrase, "X said that"
    return None


def _is_name_like(quote: str) -> bool:
    """A short or Title Case quotation: a name or a scare quote, not someone's words."""
    words = re.findall(r"[^\W\d_][\w'-]*", quote)
    return len(words) < MIN_UNATTRIBUTED_WORDS or all(w[0].isupper() for w in words)


def attribute_document(text: str, sentences: pd.DataFrame, spans: pd.DataFrame) -> list[dict]:
    """Direct and indirect attributions of one document, in text order."""
    lex = _lexicon()
    verb_re = lex["verb"]
    masked = list(text)
    for start, end in zip(spans["start"], spans["end"], strict=True):
        masked[start + 1:end - 1] = "#" * max(0, end - start - 2)
    masked = "".join(masked)
    bounds = list(zip(sentences["start"], sentences["end"], sentences["sentence_id"],
                      sentences["paragraph_index"], strict=True))
    # Sentences follow each other in the text, so bisection finds the one holding a position.
    s_starts, s_ends = [b[0] for b in bounds], [b[1] for b in bounds]
    q_starts = spans["start"].tolist()

    def sentence_of(pos: int):
        i = bisect.bisect_right(s_starts, pos) - 1
        return bounds[i] if i >= 0 and pos < s_ends[i] else bounds[-1]

    quotes = []
    for start, end in zip(spans["start"], spans["end"], strict=True):
        s_start, _, sid, paragraph = sentence_of(start)
        _, e_end, _, _ = sentence_of(max(start, end - 1))
        following = bisect.bisect_left(q_starts, end)
        stop = min(e_end, q_starts[following]) if following < len(q_starts) else e_end
        found = (_after_quote(masked[end:stop], verb_re)
                 or _before_quote(masked[s_start:start], verb_re) or (None, None))
        quotes.append({"q_start": start, "q_end": end, "sentence_id": sid, "paragraph": paragraph,
                       "phrase": found[0], "pattern": found[1],
                       "quote": text[start:end].strip("\"' ").rstrip(",")})
    quoted_sentences = {q["sentence_id"] for q in quotes}
    for q in quotes:  # every sentence a quotation overlaps
        first = bisect.bisect_right(s_ends, q["q_start"])
        last = bisect.bisect_left(s_starts, q["q_end"])
        quoted_sentences.update(b[2] for b in bounds[first:last])
    indirect = []
    for s_start, s_end, sid, paragraph in bounds:
        if sid in quoted_sentences:
            continue
        if found := _indirect(masked[s_start:s_end], verb_re):
            indirect.append({"q_start": s_start, "q_end": s_end,
                             "sentence_id": sid, "paragraph": paragraph, "phrase": found[0],
                             "pattern": found[1], "quote": text[s_start:s_end]})
    return _resolve(quotes, indirect)


def _resolve(quotes: list[dict], indirect: list[dict]) -> list[dict]:
    """Speakers in text order; unattributed quotes take their paragraph neighbour's speaker."""
    resolver = _Resolver()
    rows = sorted([{**q, "kind": "direct"} for q in quotes]
                  + [{**q, "kind": "indirect"} for q in indirect], key=lambda r: r["q_start"])
    for row in rows:
        row["speaker"] = resolver.resolve(row["phrase"]) if row["pattern"] else UNKNOWN
        row["as_written"] = row["phrase"] or ""
    by_paragraph: dict[object, list[dict]] = {}  # only a quote's own paragraph is looked at
    for r in rows:
        if r["kind"] == "direct":
            by_paragraph.setdefault(r["paragraph"], []).append(r)
    for paragraph in by_paragraph.values():
        for i, row in enumerate(paragraph):
            if row["pattern"]:
                continue
            neighbours = paragraph[:i][::-1] + paragraph[i + 1:]
            same = [r for r in neighbours
                    if r["pattern"] and r["pattern"] != "quote in the same paragraph"]
            if _is_name_like(row["quote"]):
                row["pattern"] = "name or scare quote"
            elif same:
                row.update(speaker=same[0]["speaker"], pattern="quote in the same paragraph")
            else:
                row["pattern"] = "unattributed"
    return [r for r in rows if r["pattern"] != "name or scare quote"]


def _speaker_types(quotes: pd.DataFrame) -> pd.Series:
    """A type for each speaker: from data/speakers.csv, else from role words in how it is written."""
    lex = _lexicon()

    def from_roles(text: str) -> str:
        return next((t for pattern, t in lex["roles"] if pattern.search(text)), UNKNOWN)

    by_phrase = (quotes["speaker"] + " " + quotes["as_written"]).map(from_roles)
    typed = pd.Series(by_phrase.to_numpy(), index=quotes.index).where(lambda s: s != UNKNOWN)
    first_known = typed.groupby(quotes["speaker"]).transform("first")
    from_actor = quotes["speaker"].map(lex["actor_type"])
    return from_actor.fillna(first_known).fillna(UNKNOWN).where(quotes["speaker"] != UNKNOWN, UNKNOWN)


def fold_surnames(speakers: pd.Series, doc_ids: pd.Series) -> pd.Series:
    """A one-word name becomes the full name ending with it: same document first, else unique."""
    full = pd.DataFrame({"doc_id": doc_ids, "speaker": speakers})
    multi = full[full["speaker"].str.contains(" ") & full["speaker"].str[:1].str.isupper()].copy()
    multi["last"] = multi["speaker"].str.split().str[-1]
    in_doc = (multi.drop_duplicates(["doc_id", "speaker"]).drop_duplicates(["doc_id", "last"], keep=False)
              .set_index(["doc_id", "last"]))
    unique = multi.drop_duplicates("speaker").drop_duplicates("last", keep=False).set_index("last")
    keys = pd.MultiIndex.from_arrays([doc_ids, speakers])
    folded = pd.Series(in_doc["speaker"].reindex(keys).to_numpy(), index=speakers.index)
    folded = folded.fillna(speakers.map(unique["speaker"]))
    single = ~speakers.str.contains(" ") & speakers.str[:1].str.isupper()
    return speakers.where(~single | folded.isna(), folded)


COLUMNS = ["doc_id", "sentence_id", "speaker", "speaker_type", "kind", "quote", "as_written",
           "pattern", "start", "end", "n_words"]


def attribute_quotes(documents: pd.DataFrame, sentences: pd.DataFrame,
                     spans: pd.DataFrame) -> pd.DataFrame:
    """One row a direct quote or indirect attribution, with its speaker and speaker type."""
    by_doc_sentences = dict(list(sentences.groupby("doc_id", sort=False)))
    by_doc_spans = dict(list(spans.groupby("doc_id", sort=False)))
    empty = spans.iloc[0:0]
    rows = [
        {"doc_id": doc_id, **row}
        for doc_id, text in documents[["doc_id", "text"]].itertuples(index=False)
        if doc_id in by_doc_sentences
        for row in attribute_document(text, by_doc_sentences[doc_id],
                                      by_doc_spans.get(doc_id, empty))
    ]
    quotes = pd.DataFrame(rows, columns=[*COLUMNS, "q_start", "q_end"])
    quotes["start"], quotes["end"] = quotes["q_start"], quotes["q_end"]
    quotes = quotes.drop(columns=["q_start", "q_end"]).astype(
        {c: "string" for c in ["doc_id", "sentence_id", "speaker", "kind", "quote", "as_written",
                               "pattern"]})
    quotes["speaker"] = fold_surnames(quotes["speaker"], quotes["doc_id"])
    quotes["speaker_type"] = _speaker_types(quotes).astype("string")
    quotes["n_words"] = count_words(quotes["quote"])
    return quotes[COLUMNS].reset_index(drop=True)


@per_corpus
def compute_quotes(corpus: Corpus) -> pd.DataFrame:
    """Every direct quote and indirect attribution of the corpus (the quotes.csv table; cached per corpus)."""
    return attribute_quotes(corpus.documents, corpus.sentences, compute_quote_spans(corpus.documents))
