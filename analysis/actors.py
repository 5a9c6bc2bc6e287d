"""Find mentions of actors (NATO, Russia, Ukraine, ...) from the alias file data/actors.csv."""

import re
import tomllib
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from analysis.config import PACKAGE_DATA, word_list
from analysis.corpus import Corpus, per_corpus
from analysis.parallel import map_with
from analysis.rows import by_document
from analysis.segment import folded_lower, whole_words

ACTORS_FILE = PACKAGE_DATA / "actors.csv"


def load_aliases(path: Path = ACTORS_FILE) -> pd.DataFrame:
    """The alias table: group, actor, alias, case_sensitive (bool)."""
    aliases = pd.read_csv(path, dtype="string", keep_default_na=False)
    aliases["case_sensitive"] = aliases["case_sensitive"].str.lower().isin(["yes", "true", "1"])
    return aliases


@cache
def _alias_pattern(path: Path = ACTORS_FILE) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One regex of every alias, longest first, and the (group, actor) of each alias lower-cased
    by segment.folded_lower (the key of any text a case-insensitive alias matches: "ALLİANCE")."""
    aliases = load_aliases(path)
    aliases = aliases.iloc[aliases["alias"].str.len().sort_values(ascending=False, kind="stable").index]
    parts = [
        re.escape(a) if sensitive else f"(?i:{re.escape(a)})"
        for a, sensitive in zip(aliases["alias"], aliases["case_sensitive"], strict=True)
    ]
    pattern = whole_words(parts)
    lookup = {folded_lower(a): (g, x)
              for g, x, a in aliases[["group", "actor", "alias"]].itertuples(index=False)}
    return pattern, lookup


def compute_actor_mentions(sentences: pd.DataFrame, path: Path = ACTORS_FILE) -> pd.DataFrame:
    """One row a mention: doc_id, sentence_id, group, actor, alias (as written), start, end."""
    pattern, lookup = _alias_pattern(path)
    rows = [
        (doc_id, sid, *lookup[folded_lower(m.group())], m.group(), start + m.start(), start + m.end())
        for doc_id, sid, start, text in sentences[["doc_id", "sentence_id", "start", "text"]]
        .itertuples(index=False)
        for m in pattern.finditer(text)
    ]
    return pd.DataFrame(
        rows, columns=["doc_id", "sentence_id", "group", "actor", "alias", "start", "end"]
    ).astype({"doc_id": "string", "sentence_id": "string", "group": "string", "actor": "string",
              "alias": "string"})


@per_corpus
def alias_mentions(corpus: Corpus) -> pd.DataFrame:
    """compute_actor_mentions of the corpus's sentences, in partitions (cached: tone and framing read it)."""
    return map_with(compute_actor_mentions, corpus.sentences)


# Mention joining within one article: surnames to full names, "the president" to the one person
# the article names with that title, acronyms in brackets to the name they abbreviate.
_ORG_WORDS_FILE = PACKAGE_DATA / "organisation_words.txt"
_NAME_TOKEN = re.compile(r"^[A-Z][\w'.-]*$")
# Titles that stand for their holder as "the <title>" once the article has named them with it.
ROLE_TITLES = ("president", "prime minister", "chancellor", "foreign minister", "defence minister",
               "defense minister", "defense secretary", "defence secretary", "secretary of state",
               "secretary general", "secretary-general", "governor", "senator", "mayor", "king",
               "pope", "premier", "commander", "chairman", "chairwoman", "chief executive")


@cache
def _organisation_words() -> frozenset[str]:
    """Words that make a name an organisation's, not a person's (data/organisation_words.txt)."""
    return frozenset(w.lower() for w in word_list(_ORG_WORDS_FILE.name))


def clean_name(name: str) -> str:
    """A name as annotators and writers cut it, tidied: no leading "the", no possessive ending, no
    unmatched bracket or trailing punctuation ("World Economic Forum (WEF" -> "... (WEF)")."""
    name = re.sub(r"(?:['\u2019]s|s['\u2019])$", lambda m: "s" if m.group()[0] == "s" else "",
                  " ".join(name.split()))  # "BlackRock’s" -> "BlackRock", "the Greens'" -> "the Greens"
    name = name.strip(" ,;:-'\"\u2019")
    if name.count("(") > name.count(")"):
        name += ")"
    return re.sub(r"^(?i:the)\s+", "", name)


def is_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation word ("Al Gore", not "World Bank")."""
    words = clean_name(name).split()
    return (2 <= len(words) <= 4 and all(_NAME_TOKEN.match(w) for w in words)
            and not any(w.lower().strip(".'") in _organisation_words() for w in words))


def initials(name: str) -> str | None:
    """The acronym of a name of three or more words, from its capitalised words ("National Oceanic
    and Atmospheric Administration": "NOAA"), or None (fewer words, or under three letters)."""
    words = name.split()
    letters = "".join(w[0] for w in words if w[:1].isupper() and w[0].isalpha())
    return letters if len(words) >= 3 and len(letters) >= 3 else None


def name_aliases(name: str) -> set[str]:
    """The ways an article writes one actor: the name, with and without "the", its surname (a
    person), its bracketed acronym ("World Economic Forum (WEF)": "WEF", "World Economic Forum"),
    or the acronym of its initials ("World Economic Forum": "WEF")."""
    name = clean_name(name)
    aliases = {name, f"the {name}", f"The {name}"}
    bracket = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if bracket:
        aliases |= {bracket.group(1), bracket.group(2), f"the {bracket.group(1)}",
                    f"The {bracket.group(1)}"}
    elif initials(name):
        aliases.add(initials(name))
    if is_person_name(name):
        aliases.add(name.split()[-1])
    return {a for a in aliases if a.strip()}


def join_names(names: list[str]) -> dict[str, str]:
    """Each name of one article -> the actor it joins: a surname or a short form joins the one
    longer name it is part of ("Gates" -> "Bill Gates"); when two names share it, it stays alone."""
    cleaned = {n: clean_name(n) for n in names}
    full = sorted(set(cleaned.values()), key=lambda n: (-len(n), n))
    joined = {}
    for name, clean in cleaned.items():
        owners = [f for f in full if f != clean and clean in name_aliases(f)]
        joined[name] = owners[0] if len(owners) == 1 else clean
    return joined


def titled_people(text: str, people: list[str]) -> dict[str, str]:
    """Within one article: "the <title>" -> the person it names with that title ("President Joe
    Biden" ... "the president"), for titles that name exactly one of the people."""
    holders: dict[str, set[str]] = {}
    for person in people:
        forms = "|".join(re.escape(a) for a in sorted(name_aliases(person), key=len, reverse=True)
                         if not a.lower().startswith("the "))
        for title in ROLE_TITLES:
            pattern = rf"(?i:\b{re.escape(title)})\.?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:{forms})\b"
            if re.search(pattern, text):
                holders.setdefault(title, set()).add(person)
    return {f"the {title}": next(iter(who)) for title, who in holders.items() if len(who) == 1}


def described_actors(text: str, aliases: dict[str, set[str]], heads: list[str]) -> dict[str, str]:
    """Within one article: "the <head>" (and "The <head>") -> the one actor it stands for, for heads
    such as "government": the one actor whose name ends with the head ("Scottish government"),
    else the one actor written just before it ("the Netherlands government", "Russia's
    government") or with it in an apposition ("Climate Defiance, a radical group,"); two
    candidates give no join."""
    heads_pattern = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    written: dict[str, set[str]] = {}  # head -> actors written just before it
    for actor, forms in aliases.items():
        names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)
                         if f.strip() and not f.lower().startswith("the "))
        if names and heads_pattern:
            pattern = rf"(?<![\w-])(?:{names})(?:['\u2019]s)?\s+({heads_pattern})\b"
            apposition = (rf"(?<![\w-])(?:{names}),\s+(?:a|an|the)\s+(?:{_APPOSITION_WORD}\s+){{0,4}}?"
                          rf"({heads_pattern})\b")  # "Climate Defiance, a radical group,"
            title = (rf"\b[Tt]he\s+(?:{_APPOSITION_WORD}\s+){{0,3}}?({heads_pattern})\s+"
                     rf"(?:{names})(?![\w-])")  # "the asset manager BlackRock"
            for head in {m.group(1) for p in (pattern, apposition, title) for m in re.finditer(p, text)}:
                written.setdefault(head, set()).add(actor)
    out = {}
    for head in heads:
        owners = {a for a in aliases if clean_name(a).lower().endswith(" " + head)} \
            or written.get(head, set())
        if len(owners) == 1:
            out |= {f"the {head}": next(iter(owners)), f"The {head}": next(iter(owners))}
    return out


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Tt]hey|[Tt]hem|[Tt]heir|[Ii]ts)\b")
# What a pronoun says of its antecedent: a person's gender, or a group's grammatical number ("its"
# for one organisation or state, "they", "them", "their" for a plural name such as "Republicans";
# not "it", mostly the dummy subject of "it is worth", "it said that").
_PRONOUN_KIND = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female",
                 "they": "plural", "them": "plural", "their": "plural", "its": "singular"}
_AGREEMENT = {"are": "plural", "were": "plural", "have": "plural", "'re": "plural",
              "is": "singular", "was": "singular", "has": "singular"}
_GENDER_FILE = PACKAGE_DATA / "gendered_words.toml"
# A word of an apposition before its noun ("the billionaire philanthropist and"), not one that
# leads to another person ("Biden, whose daughter", "Kerry, who met his son").
_APPOSITION_WORD = (r"(?!(?i:who|whose|whom|which|that|his|her|hers|their|its|with|of|to|for|said|says)\b)"
                    r"[\w'-]+")


@cache
def _gendered_words() -> dict[str, tuple[list[str], list[str]]]:
    """Per gender, the titles and apposition nouns of data/gendered_words.toml."""
    data = tomllib.loads(_GENDER_FILE.read_text(encoding="utf-8"))
    return {g: (d["titles"], d["nouns"]) for g, d in data.items()}


def written_gender(text: str, person: str) -> str | None:
    """"male" or "female" where the article writes the person with a gendered title ("Ms Snyder",
    "Mr Al Jaber") or the full name with an apposition noun ("Abigail Disney, daughter of"), None
    when it does not or writes both. A surname another full name of the article shares ("Mrs.
    Clinton" beside "Bill Clinton" and "Hillary Clinton") tells no one's gender."""
    full_name = clean_name(person)
    forms = [a for a in name_aliases(person) if not a.lower().startswith("the ")
             and (" " in a or a == full_name or not _shared_surname(text, full_name, a))]
    found = {gender for gender, title, apposition in _gender_cues()
             if _after_title(text, title, forms) or _in_apposition(text, full_name, apposition)}
    return found.pop() if len(found) == 1 else None


@cache
def _gender_cues() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """Per gender: a title before a name ("Ms. "), and an apposition's words up to its gendered
    noun (", the billionaire heiress"), compiled once (a pattern per person and article cost
    40 % of quote attribution's time)."""
    cues = []
    for gender, (titles, nouns) in _gendered_words().items():
        title = "|".join(map(re.escape, titles))
        noun = "|".join(map(re.escape, nouns))
        cues.append((gender, re.compile(rf"\b(?:{title})\.?\s+"),
                     re.compile(rf",\s+(?:{_APPOSITION_WORD}\s+){{0,4}}?(?i:{noun})\b")))
    return cues


_CAPITALISED = re.compile(r"[A-Z][\w'-]*\s+")  # a capitalised word between a title and a name
_WORD_END = re.compile(r"\b")


def _after_title(text: str, title: re.Pattern, forms: list[str]) -> bool:
    """Whether a title stands before one of the forms, up to two capitalised words between them
    ("Mrs Hillary Rodham Clinton")."""
    for m in title.finditer(text):
        at = m.end()
        for _ in range(3):
            if any(text.startswith(f, at) and _WORD_END.match(text, at + len(f)) for f in forms):
                return True
            word = _CAPITALISED.match(text, at)
            if word is None:
                break
            at = word.end()
    return False


def _in_apposition(text: str, full_name: str, apposition: re.Pattern) -> bool:
    """Whether the full name, as a whole word, stands before an apposition with a gendered noun."""
    at = text.find(full_name + ",")
    while at >= 0:
        if _WORD_END.match(text, at) and apposition.match(text, at + len(full_name)):
            return True
        at = text.find(full_name + ",", at + 1)
    return False


def _shared_surname(text: str, person: str, surname: str) -> bool:
    """Whether the text writes the surname after a capitalised word other than the person's first
    name or a title ("Bill Clinton" for Hillary Clinton, not "Mrs. Clinton" or "Secretary
    Clinton")."""
    first = person.split()[0]
    return any(m.group(1) != first and m.group(1).lower() not in _titles()
               for m in _after_a_capital(surname).finditer(text))


@lru_cache(maxsize=4096)
def _after_a_capital(word: str) -> re.Pattern:
    """A capitalised word (group 1) before `word`."""
    return re.compile(rf"\b([A-Z][\w'-]*) {re.escape(word)}\b")


@cache
def title_words() -> frozenset[str]:
    """Title and role words written before a name (data/titles.txt: "mr", "president"), lower case."""
    return frozenset(w.lower() for w in word_list("titles.txt"))


@cache
def _titles() -> frozenset[str]:
    """title_words and the gendered titles (data/gendered_words.toml), lower case."""
    return title_words() | {t.lower() for titles, _ in _gendered_words().values() for t in titles}


def written_number(text: str, name: str) -> str:
    """"plural" or "singular": the verb the article writes right after the name ("Republicans
    are", "the UN has"), the commoner if it writes both ways, else plural when the name ends in
    a plural -s ("farmers", "Democrats"; not "-ss", "-us")."""
    votes = Counter(_AGREEMENT[m.group(1).lower()] for m in re.finditer(
        rf"(?<![\w-]){re.escape(name)}\s*('re|\w+)\b", text) if m.group(1).lower() in _AGREEMENT)
    if votes["plural"] != votes["singular"]:
        return max(votes, key=votes.__getitem__)
    last = name.split()[-1].lower() if name.split() else ""
    return "plural" if last.endswith("s") and not last.endswith(("ss", "us")) else "singular"


@cache
def _speaker_pattern() -> re.Pattern:
    """A capitalised name (one or more words, no sentence-opening function word) right before a
    verb of saying (data/attribution_verbs.txt): "Jimmy Patronis said", "Patronis told"."""
    verbs = sorted((w for w in word_list("attribution_verbs.txt") if " " not in w), key=len,
                   reverse=True)
    return re.compile(rf"\b(?!{_NOT_A_NAME}\b)[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)*"
                      rf"(?=\s+(?:{'|'.join(map(re.escape, verbs))})\b)")


# Capitalised words before a verb of saying that name no one: "He said", "It told", "The", "Then"
_NOT_A_NAME = ("(?:He|She|It|They|We|I|You|The|This|That|These|Those|Who|Which|And|But|As|Also|Then|"
               "There|Here|Everyone|Nobody|Someone|One|His|Her|Their|Its|Our|Officials|Critics)")


def pronoun_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, people: set[str],
                     groups: frozenset[str] | set[str] = frozenset()) -> pd.DataFrame:
    """Extra mentions (mentions' columns) for pronouns where the antecedent is unambiguous: the
    one actor of its kind named earlier in the same sentence or, failing that, in the previous
    sentence of the article. He, she, him, his and her stand for a person of `people` of the
    pronoun's gender where the article tells it (written_gender: "she" passes over "Mr Al
    Jaber"); its, they, them and their for a group of `groups` of the pronoun's number
    (written_number: "its" for "the UN", "their" for "Republicans"). Two such actors there (or
    none) give no mention, nor does "he" or "she" after a name of no listed person before a verb
    of saying ("Patronis said he doubts Gates": Patronis speaks of himself)."""
    persons = mentions[mentions["actor"].isin(set(people) | set(groups))]
    by_sentence: dict = {}  # sentence -> [(start, actor, group)] in the mentions' order
    columns = ["sentence_id", "start", "actor", "group"]
    for sid, start, actor, group in persons[columns].itertuples(index=False):
        by_sentence.setdefault(sid, []).append((start, actor, group))
    rows, previous, last_doc = [], [], None
    named = set(persons["doc_id"])
    texts = {doc_id: " ".join(part["text"]) for doc_id, part in sentences.groupby("doc_id", sort=False)
             if doc_id in named}
    kinds: dict[tuple[str, str], set[str]] = {}

    def kinds_of(doc_id: str, actor: str) -> set[str]:
        """The pronoun kinds that may stand for the actor in this article."""
        if (doc_id, actor) not in kinds:
            if actor in people:
                gender = written_gender(texts[doc_id], actor)
                kinds[doc_id, actor] = {gender} if gender else {"male", "female"}
            else:
                kinds[doc_id, actor] = {written_number(texts[doc_id], actor)}
        return kinds[doc_id, actor]
    for doc_id, sid, start, text in by_document(sentences, ["doc_id", "sentence_id", "start", "text"]):
        if doc_id != last_doc:
            previous, last_doc = [], doc_id
        here = by_sentence.get(sid, [])
        speakers = [(a.start(), a.end()) for a in _speaker_pattern().finditer(text)]
        for m in _PRONOUN.finditer(text):
            kind = _PRONOUN_KIND[m.group().lower()]
            if kind in ("male", "female") and any(
                    b <= m.start() and not any(a <= s - start < b for s, _, _ in here)
                    for a, b in speakers):  # "Patronis said he": someone not listed speaks of himself
                continue
            fits = [h for h in here + previous if kind in kinds_of(doc_id, h[1])]
            earlier = [h for h in fits if h in here and h[0] < start + m.start()]
            before = [h for h in fits if h in previous]
            names = {actor for _, actor, _ in earlier} or {actor for _, actor, _ in before}
            if len(names) != 1:
                continue
            group = (earlier or before)[0][2]
            rows.append((doc_id, sid, group, next(iter(names)), m.group(), start + m.start(),
                         start + m.end()))
        previous = here
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "group", "actor", "alias", "start",
                                       "end"])
