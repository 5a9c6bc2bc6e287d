"""Who is quoted: attribute quotations and reported speech to speakers, and type the speakers.

Direct quotes are the quoted spans of analysis.voice; each is attributed, in this order, by the
clause right after it ('"...," said X' / '"...," X said' / '"...," according to X'), by a speech
verb before it in its sentence ('X said that NATO was "in the midst..."', 'According to X, ... "..."'),
or by the nearest attributed quote of its paragraph (a quote continued after '"...," he said.').
Sentences without a quotation that report speech ("According to X, ...", "X believes that ...",
"..., X said.") give indirect attributions; each row keeps the span of what is reported
(content_start, content_end), which analysis.voice marks as the "reported" voice. Quotes of one
speaker that follow each other in a paragraph, or continue an open quote into the next paragraph,
are one statement (statement_id). "he"/"she" resolve to the last named person of the document,
"they" and "a statement" to the last named organisation; titles, surnames and definite
descriptions ("the secretary general") fold to the full name used in the same document, never in
another one ("Mr Sanchez" -> "Pedro Sanchez"), and names of data/actors.csv to their actor.
"""

import bisect
import itertools
import re
from collections import deque
from functools import cache, lru_cache

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from analysis.actors import load_aliases, written_gender
from analysis.config import PACKAGE_DATA, word_list
from analysis.corpus import Corpus, per_corpus
from analysis.parallel import map_with
from analysis.rows import columns_by_document
from analysis.segment import count_words, folded_lower, literal_alternation, whole_words
from analysis.voice import quote_spans

UNKNOWN = "unknown"
# An unattributed quotation this short, or written in Title Case, names something ("so-called
# "Baltic Defense Line"") rather than quoting someone.
MIN_UNATTRIBUTED_WORDS = 4
MAX_SPEAKER_WORDS = 9
MAX_APPOSITIVE_WORDS = 30
MAX_NAME_WORDS = 3
MAX_ROLES_REMEMBERED = 50
PRONOUNS = {"he", "she"}
GROUP_PRONOUNS = {"they", "it"}  # an organisation ("it said"), never a person
DETERMINERS = {"the", "a", "an", "all", "its", "his", "her", "their", "our", "several", "many",
               "some", "both", "two", "three"}
CONNECTORS = {"of", "the", "for", "de", "da", "van", "von", "der", "al", "bin", "la", "le"}
# inside a name
NAME_PARTICLES = {"de", "da", "van", "von", "der", "den", "du", "del", "al", "bin", "la", "le"}
# Words of scikit-learn's stop list that begin names ("Bill Clinton", "de Blasio"): kept in a name.
NAME_WORDS = NAME_PARTICLES | {"bill"}
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
do does did don't doesn't didn't won't wouldn't can't cannot couldn't not never
however meanwhile though nonetheless nevertheless indeed
""".split())
_PREPOSITIONS = set("in on at to from by with during after before into over under for".split())


def _section(name: str, heading: str) -> list[str]:
    """The words of a word list's section: the lines after the comment starting with `heading`, up
    to the next comment."""
    lines = (PACKAGE_DATA / name).read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"# {heading}")) + 1
    return list(itertools.takewhile(lambda w: not w.startswith("#"),
                                    (w.strip() for w in lines[start:] if w.strip())))


def _any_form(forms: list[str]) -> re.Pattern:
    """One regex of the word forms (a trie: longest first), matching whole words (no hyphen on either
    side)."""
    return whole_words([literal_alternation(forms)], after=r"[\w-]")


MAX_NAMED_OBJECT_WORDS = 6  # words between a naming verb and its label ("called [the attack] a")
# Words after "called" that make it another verb ("called on", "called for", "called off").
_NOT_TIME = r"(?!(?:day|week|month|year|hour|minute|moment|second|few|couple|number|lot)s?\b)"
_NOT_NAMED = r"(?!(?:on|for|off|up|back|out|upon|in|into|to|at|by|with|from|after)\b)"


def _naming(forms: list[str]) -> re.Pattern:
    """One regex of the naming verbs with their object (group 1 or 2) and the start of the label:
    "a"/"an" after the plain forms (not a time: "called him a day later"), "as" after the forms
    written with " as"."""
    plain = [re.escape(f) for f in forms if not f.endswith(" as")]
    with_as = [re.escape(f.removesuffix(" as")) for f in forms if f.endswith(" as")]
    obj = rf"\s+{_NOT_NAMED}((?:[^\s,.;:!?\"“”]+\s+){{1,{MAX_NAMED_OBJECT_WORDS}}}?)"
    return re.compile(rf"(?<![\w-])(?:(?:{'|'.join(plain)}){obj}an?"
                      rf"|(?:{'|'.join(with_as)}){obj}as)\s+{_NOT_TIME}(?=\w)")


# An evaluative adjective as the label, ending its clause: "called the charges unsubstantiated",
# "called him divisive" (not "called the famous singer": a noun follows).
_LABEL_ADJECTIVE = (r"(?:[a-z]+(?:ous|ive|ful|less|able|ible|ed)|absurd|false|wrong|unfair|crazy|insane"
                    r"|stupid|illegal|racist|sexist|corrupt|fake|weak|dumb|evil|unfit|dishonest)")
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)]|$|\s(?:and|but|or|for|because|in|on|after|while|during)\b))"


def _naming_adjective(forms: list[str]) -> re.Pattern:
    """One regex of the plain naming verbs with their object (group 1) and an evaluative adjective
    as the label, ending its clause."""
    plain = [re.escape(f) for f in forms if not f.endswith(" as")]
    obj = rf"\s+{_NOT_NAMED}((?:[^\s,.;:!?\"“”]+\s+){{1,{MAX_NAMED_OBJECT_WORDS}}}?)"
    return re.compile(rf"(?<![\w-])(?:{'|'.join(plain)}){obj}(?={_LABEL_ADJECTIVE}{_CLAUSE_END})")


@cache
def _lexicon() -> dict:
    """Verbs, titles, speaker types and aliases, read once from analysis/data/."""
    titles = {t.lower() for t in word_list("titles.txt")}
    speakers = pd.read_csv(PACKAGE_DATA / "speakers.csv", dtype="string", keep_default_na=False)
    roles = pd.read_csv(PACKAGE_DATA / "speaker_roles.csv", dtype="string", keep_default_na=False)
    aliases = load_aliases()
    naming = word_list("naming_verbs.txt")
    return {
        "verb": _any_form(word_list("attribution_verbs.txt")),
        "after_quote_verb": _any_form(word_list("attribution_verbs.txt")
                                      + word_list("after_quote_verbs.txt")),
        "evidence": _any_form(word_list("evidence_verbs.txt")),
        "naming": _naming(naming),
        "naming_adjective": _naming_adjective(naming),
        "naming_verb": _any_form([f.removesuffix(" as") for f in naming]),
        "titles": titles,
        "role_words": titles | {k.lower() for k in roles["keyword"] if " " not in k},
        "not_speakers": {w.lower() for w in word_list("not_speakers.txt")
                         + word_list("unnamed_sources.txt")},
        "sources": {w.lower() for w in word_list("unnamed_sources.txt")},
        "writings": {w.lower() for w in _section("unnamed_sources.txt", "writings")},
        "time_words": {w.lower() for w in word_list("not_speakers.txt")},
        "groups": {w.lower() for w in word_list("speaker_groups.txt")},
        "documents": {w.lower() for w in word_list("speaking_documents.txt")},
        "speaking_for": {w.lower() for w in word_list("speaking_for.txt")},
        "speech_acts": set(word_list("speech_acts.txt")),
        "organisations": {w.lower() for w in word_list("organisation_words.txt")},
        "non_people": set(speakers.loc[speakers["person"] == "no", "actor"]),
        "actor_type": dict(zip(speakers["actor"], speakers["speaker_type"], strict=True)),
        "people": set(speakers.loc[speakers["person"] == "yes", "actor"]),
        # (the keyword lower-cased, "" if not ASCII: always searched), its pattern, the type
        "roles": [(k.lower() if k.isascii() else "",
                   re.compile(rf"(?<![\w-]){re.escape(k)}s?(?![\w-])", re.I), t)
                  for k, t in zip(roles["keyword"], roles["speaker_type"], strict=True)],
        "group_of": dict(zip(aliases["actor"], aliases["group"], strict=True)),
        "exact": {a: x for a, x, s in zip(aliases["alias"], aliases["actor"],
                                          aliases["case_sensitive"], strict=True) if s},
        "folded": {a.lower(): x for a, x, s in zip(aliases["alias"], aliases["actor"],
                                                   aliases["case_sensitive"], strict=True) if not s},
    }


def _words(phrase: str) -> list[str]:
    return phrase.split()


def _bare(token: str) -> str:
    return token.strip(".,;:!?()[]\"'").lower()


# Stop words and fillers that, capitalised, are first names ("said Will Doyle").
FIRST_NAME_STOPS = {"will"}


def _first_name(word: str) -> bool:
    """A capitalised first name spelt as a stop word or a filler ("Will")."""
    return word.istitle() and word.lower() in FIRST_NAME_STOPS


def _is_stop(token: str, stop: set[str]) -> bool:
    """A word that ends a speaker phrase; acronyms ("US", "IT") are names, not "us" or "it", and
    so is a capitalised first name spelt as a stop word ("Will")."""
    word = token.strip(".,;:!?()[]\"'")
    return word.lower() in stop and not (len(word) > 1 and word.isupper()) and not _first_name(word)


# An adverb in -ly between a subject and its verb ("Ann Lee quietly told", "it proudly declared"),
# not one of the nouns and adjectives in -ly ("its ally said", "the weekly said").
_LY_ADVERB = re.compile(r"[a-z]{3,}ly")
_NOT_ADVERBS = frozenset("""family ally rally assembly supply monopoly anomaly homily bully belly
jelly folly holly lily daily weekly monthly quarterly yearly hourly nightly early friendly
elderly lonely lovely ugly silly costly deadly likely unlikely""".split())
# ... and these words of time and degree ("Walker now says", "X has long argued", "X even said")
_MORE_FILLERS = frozenset("now still even just first long often initially originally only since".split())


def _is_filler(token: str) -> bool:
    """An auxiliary or adverb between a subject and its verb (_FILLERS, an adverb in -ly, a word of
    time or degree), not a first name."""
    word = token.strip(".,;:!?()[]\"'")
    bare = _bare(token)
    return (bare in _FILLERS or bare in _MORE_FILLERS
            or (_LY_ADVERB.fullmatch(word) is not None and word not in _NOT_ADVERBS)) \
        and not _first_name(word)


# A name that opens with a lower-case particle joined to a capital: "al-Jaber", "el-Sisi",
# "d'Alema", "ibn-Saud".
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|ibn|bin|abu|d|l)['-][A-Z]")


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit() or bool(_PARTICLE_NAME.match(token))


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep"
                           r"|St|Jr|Sr)\.")


def _ends_clause(token: str) -> bool:
    """A token ending in punctuation that closes a phrase (an abbreviation's period does not)."""
    return bool(re.search(r"[,;:!?()\[\]\"]$", token)) or (
        token.endswith(".") and not _ABBREVIATION.fullmatch(token))


def trailing_phrase(text: str) -> str | None:
    """The speaker phrase that ends `text` ("..., NATO Secretary General Jens Stoltenberg")."""
    tokens = _words(text.replace("#", " "))
    while tokens and _is_filler(tokens[-1]):
        tokens.pop()
    taken: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if not taken and _bare(token) in PRONOUNS | GROUP_PRONOUNS:
            return _bare(token)
        if (_ends_clause(token) and taken) or len(taken) == MAX_SPEAKER_WORDS \
                or (_is_stop(token, _STOP - CONNECTORS) and not _joins_organisation(tokens, i, taken)):
            break
        taken.insert(0, token)
    while len(taken) > 1 and _is_filler(taken[0]):
        taken.pop(0)  # "Even Ethan Lane, ..., said": the adverb opening the sentence
    return _valid_phrase(taken)


def _joins_organisation(tokens: list[str], i: int, taken: list[str]) -> bool:
    """Whether tokens[i] is the "and" inside an organisation's name ("the Climate and Health
    Alliance"): capitalised words on both sides, the last an organisation word, or an organisation
    word and "of"/"for" before it ("the Department of Health and Human Services")."""
    return tokens[i] == "and" and 0 < i and bool(taken) and _is_name_token(tokens[i - 1]) \
        and _is_name_token(taken[0]) and (_bare(taken[-1]) in _lexicon()["organisations"]
                                          or (_organisation_of(tokens[:i])  # not "... and Professor X"
                                              and _bare(taken[0]) not in _lexicon()["titles"]))


def _organisation_of(tokens: list[str]) -> bool:
    """Whether tokens end in an organisation word, "of" or "for", and capitalised words ("Ministry
    of Trade", "Alliance for Food Security"): an "and" after them goes on with the name."""
    i = len(tokens)
    while i > 0 and _is_name_token(tokens[i - 1]) and not _ends_clause(tokens[i - 1]):
        i -= 1
    return len(tokens) > i > 1 and tokens[i - 1] in {"of", "for"} \
        and _bare(tokens[i - 2]) in _lexicon()["organisations"]


def leading_phrase(text: str) -> str | None:
    """The speaker phrase that starts `text` ("Mr Stoltenberg, adding that ..." -> "Mr Stoltenberg")."""
    taken: list[str] = []
    tokens = _words(text.replace("#", " "))
    for i, token in enumerate(tokens):
        if not taken and _bare(token) in PRONOUNS | GROUP_PRONOUNS:
            return _bare(token)
        counted = len(taken) - bool(taken and _bare(taken[0]) in DETERMINERS)  # "the" is no word of it
        if counted == MAX_SPEAKER_WORDS or _is_stop(token, (_STOP | _PREPOSITIONS) - CONNECTORS) \
                and not (token == "and" and tokens[i + 1:] and _is_name_token(tokens[i + 1])
                         and _organisation_of(taken)):  # "the Ministry of Trade and Industry"
            break
        taken.append(token)
        if _ends_clause(token):
            break
    return _valid_phrase(taken)


MIN_RUN_CUT_BY_SURNAME = 5
_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")  # "WHO", "NATO": an organisation before a name
_PLAIN_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?")  # "Raupp", "O'Connell", no initial
_BRACKETED_ACRONYM = re.compile(r"\([A-Z]{2,8}\)?[.,;:]?")


_NUMBER = re.compile(r"(?:mid-|early-|late-)?\d+(?:s|'s)?")  # "47", "1975", "their 20s", "mid-40s"


def _without_leading_connectors(tokens: list[str]) -> list[str]:
    """The tokens without the connectors they open with ("of", "for"), unless those are part of a
    name ("De Blasio")."""
    while tokens and _bare(tokens[0]) in CONNECTORS - DETERMINERS and 0 not in _name_particles(tokens):
        tokens = tokens[1:]
    return tokens


# A plural agent noun, a group that speaks ("security specialists say", "technologists say").
_AGENT_PLURAL = re.compile(r"[a-z]{3,}(?:ists|ians|ers|ors|ants|ents)")


def _valid_phrase(tokens: list[str]) -> str | None:
    """A speaker phrase: a pronoun, a name, a determiner + role ("the secretary general") or a
    lower-case role before a name ("plastic surgeon Ann Lee"); ages, years and time words are no
    part of it, and a phrase ending in a non-speaker word ("the matter", "the report") is none,
    except a writing after its named author ("a World Economic Forum report": the Forum)."""
    not_speakers = _lexicon()["not_speakers"]
    if _lone_particle_name(tokens):
        return tokens[0].strip(".,;:")
    if len(tokens) > 1 and _BRACKETED_ACRONYM.fullmatch(tokens[-1]):
        tokens = tokens[:-1]  # "the National Weather Service (NWS)": the name, not "Service NWS"
    tokens = _without_leading_connectors([t.strip("()[]") for t in tokens
                                          if not _NUMBER.fullmatch(_bare(t))])
    while tokens and _bare(tokens[-1]) in CONNECTORS | {"and"}:
        tokens = tokens[:-1]
    if tokens and _bare(tokens[-1]) in _lexicon()["writings"]:  # "a World Economic Forum report"
        author = tokens[1:-1] if _bare(tokens[0]) in DETERMINERS else tokens[:-1]
        if author and all(_is_name_token(t) and _bare(t) not in _lexicon()["time_words"] for t in author):
            return " ".join(author)
    if not tokens or tokens[-1].rstrip(".,;:").endswith(("'s", "'")) \
            or _bare(tokens[-1]) in not_speakers:
        return None
    cut = max((i for i, t in enumerate(tokens) if _bare(t) in not_speakers), default=-1)
    # "Kyiv on Monday Zelensky" -> "Zelensky", "52 percent of registered voters" -> "registered voters"
    tokens = _without_leading_connectors(tokens[cut + 1:])
    if not tokens:
        return None
    first = _bare(tokens[0])
    if len(tokens) > 1 and first.endswith("ing") and tokens[0].islower() and _bare(tokens[1]) in DETERMINERS:
        return None  # "paying an architect": a verb and its object
    if len(tokens) == 1 and first in PRONOUNS | GROUP_PRONOUNS:
        return first
    head = _bare(tokens[-1])
    one = first == "one" and len(tokens) > 1 and _bare(tokens[1]) != "of" \
        and not tokens[1].endswith("ing")  # "one former staffer"; not "one of the phones", "if one adds"
    if first in DETERMINERS or one or _is_name_token(tokens[0]) or _is_name_token(tokens[-1]) \
            or head in _lexicon()["role_words"] or head.removesuffix("s") in _lexicon()["role_words"] \
            or head in _lexicon()["groups"] or _AGENT_PLURAL.fullmatch(head):
        return " ".join(tokens).strip(".,")  # "top black lawmakers", "officials" included
    return None


def _name_particles(tokens: list[str]) -> set[int]:
    """Positions of particles inside a name ("Patrick De Haan", "Ursula von der Leyen", "Mohammed
    bin Salman", "President de Gaulle"): a run of NAME_PARTICLES between two capitalised words."""
    inside, i = set(), 1
    if len(tokens) > 1 and tokens[0] in {p.title() for p in NAME_PARTICLES} and _is_name_token(tokens[1]):
        inside.add(0)  # "De Blasio said"
    while i < len(tokens):
        j = i
        while j < len(tokens) and _bare(tokens[j]) in NAME_PARTICLES:
            j += 1
        if i < j < len(tokens) and _is_name_token(tokens[j]) and _is_name_token(tokens[i - 1]):
            inside.update(range(i, j))
        i = j + 1
    return inside


def _lone_particle_name(tokens: list[str]) -> bool:
    """A capitalised name particle standing alone is a name, not a particle ("Al said", "Le told
    reporters", "Van added"): a first name or a surname used on its own."""
    return len(tokens) == 1 and tokens[0][:1].isupper() and _bare(tokens[0]) in NAME_PARTICLES


def _split_role_name(phrase: str, titles: set[str]) -> tuple[str, str]:
    """(role, name): the name is the run of capitalised words after the last title word; a place
    after a name is dropped ("Sen. Joe Manchin of West Virginia")."""
    tokens = _words(phrase)
    if tokens and _bare(tokens[0]) in DETERMINERS:
        tokens = tokens[1:]
    of = next((i for i, t in enumerate(tokens) if t == "of"), None)
    if of is not None and of >= 2 and all(_is_name_token(t) for t in tokens[:of]) \
            and _bare(tokens[of - 1]) not in titles | _lexicon()["organisations"]:
        tokens = tokens[:of]
    if len(tokens) > 1 and _bare(tokens[-1]) in _lexicon()["organisations"] \
            and all(_is_name_token(t) for t in tokens):
        return "", " ".join(tokens)  # "the Federal Election Commission": no title, one name
    if "and" in tokens[1:-1] and _bare(tokens[-1]) in _lexicon()["organisations"] \
            and _bare(tokens[0]) not in titles \
            and all(_is_name_token(t) or t in ("and", "of", "for", "the") for t in tokens):
        return "", " ".join(tokens)  # "the Climate and Health Alliance"
    if "and" in tokens[1:-1] and (_bare(tokens[0]) not in titles
                                  or _bare(tokens[0]) in _lexicon()["organisations"]) \
            and _organisation_of(tokens[:tokens.index("and")]) \
            and all(_is_name_token(t) for t in tokens[tokens.index("and") + 1:]):
        return "", " ".join(tokens)  # "the Department of Health and Human Services"
    inside = _name_particles(tokens)
    last_title = max((i for i, t in enumerate(tokens) if i not in inside and (
                      _bare(t) in titles or not _is_name_token(t)
                      or _bare(t) in CONNECTORS and not _lone_particle_name(tokens) and not (
                          t[0].isupper() and i + 1 < len(tokens)  # "Al Gore", "De Blasio": a name
                          and _is_name_token(tokens[i + 1]))
                      or t.endswith(("'s", "s'"))  # "University of Alberta's Olav Rueppell", "Fox News' X"
                      or (i == 0 < len(tokens) - 1 and _ACRONYM_WORD.fullmatch(t)  # "WHO Tedros",
                          and all(_PLAIN_NAME_WORD.fullmatch(x) for x in tokens[1:])))),  # not "RFK Jr."
                     default=-1)
    if last_title >= 0 and _bare(tokens[last_title]) in CONNECTORS:  # "head of the Pentagon"
        last_title = len(tokens) - 1
    after = _after_organisation(tokens, long_name=not 0 < len(tokens) - last_title - 1 < 4)
    if after is not None:  # "Chair of the Net-Zero Economy Agency Greg Combet"
        last_title = after - 1
    return " ".join(tokens[:last_title + 1]), " ".join(tokens[last_title + 1:])


def _after_organisation(tokens: list[str], long_name: bool) -> int | None:
    """Where a name starts after a title, "of" and what the title is held in: after the last
    organisation word ("Governor of the Bank of England Andrew Bailey", "Chair of the Federal
    Reserve Jerome Powell"), else, when the name after the last title word is `long_name` (none,
    or four words or more), the last two words of a run of three or more capitalised words
    ("Archivist of the United States Colleen Shogan"); None unless two capitalised words follow."""
    of = next((i for i, t in enumerate(tokens) if t in ("of", "for")), -1)
    if of < 1:
        return None
    organisations = _lexicon()["organisations"]
    last = max((i for i, t in enumerate(tokens) if _bare(t) in organisations), default=-1)
    start = last + 1
    if start < len(tokens) and tokens[start] == "of":  # "the Bank of England"
        start += 2
    if last > of and len(tokens) - start >= 2 and all(_is_name_token(t) for t in tokens[start - 1:]):
        return start
    held = tokens[of + 1:]
    held = held[1:] if held and _bare(held[0]) in DETERMINERS else held
    if long_name and _bare(tokens[of - 1]) in _lexicon()["titles"] and tokens[of - 1][0].isupper() \
            and len(held) >= 3 and all(_is_name_token(t) or t in ("of", "and") for t in held) \
            and all(_is_name_token(t) and not t.endswith(".") and _bare(t).rstrip("s") not in organisations
                    for t in tokens[-2:]):
        return len(tokens) - 2
    return None


# A person introduced in the text: two or more capitalised words (initials allowed) followed by an
# appositive ("Jack Hubbard, executive director of ...", "Li Qun, deputy minister") or after a title.
# A capitalised name word: "Lee", "O'Farrell", "McKendree", "Drukker-Schardl", "Ocasio-Cortez".
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # with the accented letters of Latin-1 ("António")
# After the first letter of a match: no word character or hyphen before that letter. Written
# there rather than as a leading (?<![\w-]), it lets the regex engine skip to the letters a
# match can start with (a pattern that opens with a character class gets that fast scan).
_NOT_AFTER_WORD = r"(?<![\w-].)"


def _name_word(after_first: str = "") -> str:
    """A capitalised name word, `after_first` checked after its first letter; its optional
    first part ("O'", "Mc") comes after that capital, so the pattern opens with a letter class."""
    return (rf"[{_UPPER}]{after_first}(?:[{_LOWER}]*['-][{_UPPER}]|[{_LOWER}]{{1,3}}[{_UPPER}])?"
            rf"[{_LOWER}']+(?:-[{_UPPER}{_LOWER}][{_LOWER}']+)*")


_NAME_WORD = _name_word()


def _name(first: str) -> str:
    """A run of name words (initials and particles allowed) opening with `first`."""
    return (rf"{first}(?: +(?:[A-Z]\. *)*"
            rf"(?:{_NAME_WORD}|De|Van|Von|Al|de|da|van|von|der|den|du|del|bin|al))*"
            rf" +{_NAME_WORD}")


_NAME = _name(_NAME_WORD)
_WORD_START_NAME = _name(_name_word(_NOT_AFTER_WORD))  # (?<![\w-]){_NAME}, scanned faster
# a role word before a name, not before a longer run of capitals ("Chief Carbon Market Special UNEP")
_ROLE_NAME = re.compile(rf"(?<![\w-])([A-Za-z]+)\.? +({_NAME})(?![\w'-]| +[A-Z])")
# A surname opening a sentence as its subject, before a lower-case word or a comma.
_SURNAME_SUBJECT = re.compile(r"(?:^|(?<=[.!?] ))([A-Z][a-z'-]+)(?:'s?)?(?=,? [a-z])"  # sentence start
                              r"|(?<=, )([A-Z][a-z'-]+)(?= (?:[a-z]+ed|has|had|was|is|took|made|gave|"
                              r"went|came|told|wrote|spoke|said|says)\b)", re.M)  # ", Guterres took"
# A full name opening a sentence as its subject, before a lower-case word ("Ros Druce knows ...");
# an initial's full stop ends no sentence ("scholar A.E. Dick Howard at").
_NAME_SUBJECT = re.compile(rf"(?:^[ \t]*|(?<![A-Z][.!?] )(?<=[.!?] ))({_NAME})(?= [a-z])", re.M)
_TITLE_SURNAME = re.compile(rf"([A-Z]{_NOT_AFTER_WORD}[a-z]+\.?) +([A-Z][a-z'-]+)(?![\w'-]| +[A-Z])")
_INTRODUCED = re.compile(rf"({_WORD_START_NAME})(?:'s)?,\s+(?!(?:which|where|when|while|and|but|or|said|says"
                         r"|told|tells|\w+ly|\w+ed|saying|adding|noting|arguing|citing|including|according"
                         r"|calling|speaking|pointing)\b)(?:an?\s|the\s|[a-z]|[A-Z][a-z]+\s+of\s"
                         r"|1?\d\d,)")  # "Mark Hill, 55,": an age


_DAYS = set("monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow "
            "yesterday".split())


def _name_words(run: str) -> list[str]:
    """The words of a run of capitalised words without leading function, title and saying words
    ("Even Ethan Lane", "Senator Joe Manchin", "Said Ann Lee"), a final possessive or an owner
    before the name ("NASA's Jim Bridenstine", "God's Providence": no name of two words)."""
    words = run.removesuffix("'s").split()
    owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "s'"))), default=-1)
    words = words[owner + 1:]
    while words and (words[0].lower() in _LEADING_FUNCTION_WORDS
                     or words[0].lower() in _lexicon()["titles"]
                     or _lexicon()["verb"].fullmatch(words[0].lower())):  # 'Said Comey, "..."'
        words = words[1:]
    if {w.lower() for w in words} & _DAYS:
        return []  # "Tweet Wednesday" is no name
    return words


def _after_titles(run: str) -> str:
    """A run of capitalised words after its last title word ("New York City Mayor Eric Adams" ->
    "Eric Adams", "Canterbury Rt Revd Justin Welby" -> "Justin Welby")."""
    tokens = run.split()
    titles = _lexicon()["titles"]
    return " ".join(tokens[max((i for i, t in enumerate(tokens[:-1]) if _bare(t) in titles),
                               default=-1) + 1:])


@lru_cache(maxsize=4)  # a document's text is blanked for several finders in turn
def _without_headlines(text: str) -> str:
    """The text with its Title Case lines blanked, offsets kept: a headline's capitals are no
    names ("Chief Guterres Decries ...")."""
    return "\n".join(" " * len(line) if _title_case(re.findall(r"[^\W\d_][\w'-]*", line)) else line
                     for line in text.split("\n"))


def _names_by_word(names: set[str], index: int) -> dict[str, set[str]]:
    """Full names by one of their words (-1: the surname, 0: the first word)."""
    by_word: dict[str, set[str]] = {}
    for name in names:
        by_word.setdefault(name.split()[index], set()).add(name)
    return by_word


def full_names(text: str) -> set[str]:
    """Every run of two or three capitalised words of a text, without a longer run's leading words
    ("Actress Jane Fonda" when "Jane Fonda" is there too), for folding surnames."""
    names = set()
    text = _without_headlines(text)
    for m in re.finditer(_WORD_START_NAME, text):
        tokens = _after_titles(m.group()).split()
        words = _name_words(" ".join(tokens))
        if 1 < len(words) <= MAX_NAME_WORDS and len(tokens) <= MAX_NAME_WORDS + 1:
            names.add(" ".join(words))  # a longer run of capitals is a headline, not a name
    return {n for n in names
            if not any(" ".join(n.split()[k:]) in names for k in range(1, len(n.split()) - 1))}


def _is_first_name(word: str, text: str) -> bool:
    """A capitalised word that can open a person's name: no word the text also writes in lower
    case, no role or group word, no plural of a capitalised word of the text ("Maybe Trump",
    "Republicans Jolly"), no -ing form ("Chasing Trump")."""
    lex = _lexicon()
    other_uses = [word.lower()] + ([word[:-1]] if word.endswith("s") else [])
    return _PLAIN_NAME_WORD.fullmatch(word) is not None and not word.endswith("ing") \
        and word.lower() not in lex["role_words"] and word.lower() not in lex["groups"] \
        and re.search(rf"(?<![\w-])(?:{'|'.join(other_uses)})(?![\w-])", text) is None


def introduced_people(text: str, names: set[str] | None = None) -> list[tuple[int, str]]:
    """(position, name) of every person introduced with an appositive or a role word before the
    name ("Jane Fonda, an actress", "Actress Jane Fonda", "plastic surgeon Ann Lee"), as the
    subject opening a sentence ("Ros Druce knows", "Lena Ortiz wants"; its first word one that can
    open a name: _is_first_name), or met again as a title and surname ("Bishop Marshall": the one
    full name of the text, `names`, ending with it), in text order."""
    lex = _lexicon()
    text = _without_headlines(text)
    by_last = _names_by_word(full_names(text) if names is None else names, -1)
    people = [(m.start(2), next(iter(by_last[m.group(2)]))) for m in _TITLE_SURNAME.finditer(text)
              if _bare(m.group(1)) in lex["titles"] and len(by_last.get(m.group(2), ())) == 1]
    surnames = [(m.start(), m.group(1) or m.group(2)) for m in _SURNAME_SUBJECT.finditer(text)]
    people += [(start, next(iter(by_last[surname]))) for start, surname in surnames
               if len(by_last.get(surname, ())) == 1]  # "Guterres took advantage of ..."
    for m in _NAME_SUBJECT.finditer(text):  # "Ros Druce knows", "Lena Ortiz wants"
        words = m.group(1).split()
        if 1 < len(words) <= MAX_NAME_WORDS \
                and m.group(1) in by_last.get(words[-1], ()) and _is_first_name(words[0], text) \
                and not {w.lower() for w in words} & lex["organisations"]:
            people.append((m.start(1), m.group(1)))
    for m in _INTRODUCED.finditer(text):
        words = _name_words(_after_titles(m.group(1)))
        if len(words) > 1 and not {w.lower() for w in words} & lex["organisations"]:
            people.append((m.start(1), " ".join(words)))
    for m in _ROLE_NAME.finditer(text):
        words = _name_words(m.group(2))
        if m.group(1).lower() in lex["role_words"] and len(words) > 1 \
                and not {w.lower() for w in words} & lex["organisations"]:
            people.append((m.start(2), " ".join(words)))
    return sorted(set(people))


_ORGANISATION_RUN = re.compile(rf"[A-Z]{_NOT_AFTER_WORD}[\w&'-]*(?: (?:of |for |the |and )*[A-Z][\w&'-]*)*")
MAX_ORGANISATION_WORDS = 6


# A name before a lower-case organisation word: "the Declare Emergency campaign", "the Sunrise
# movement" (then "the campaign", "the movement").
_NAMED_BEFORE_HEAD = re.compile(rf"(?<![\w-])the ([A-Z]{_NOT_AFTER_WORD}[\w'-]*(?: [A-Z][\w'-]*){{0,3}})"
                                r" ([a-z]+)\b")


# A name and an appositive describing it with an organisation word: "Climate Defiance, a radical
# environmentalist group" (then "the group" is Climate Defiance).
_DESCRIBED_AS = re.compile(r"(?<![\w-])([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,4}), (?:an?|the) "
                           r"((?:[a-z-]+ ){0,3}[a-z]+)\b")


_CALLED = re.compile(r"(?<![\w-])(?:called|named|known as|dubbed)\s+(?:the\s+)?[\"“]?"
                     r"([A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,5})")
MAX_CALLED_REACH = 80  # characters back from "called" in which "a group ..." must stand


_ET_AL = re.compile(rf"[A-Z]{_NOT_AFTER_WORD}[\w'-]+(?: (?:and|&) [A-Z][\w'-]+)? et al\.?")
_AUTHORS = frozenset({"researchers", "authors", "scientists"})  # "the researchers" of a paper


_CAPITALS = r"[A-Z][\w&'-]*(?: (?:of |for |and |the |on )*[A-Z][\w&'-]*)*"
# A writing and its author: "the report from/by/of the X", "X's new report", "X (researchers)
# released a new paper" (a named author).
_AUTHORED = re.compile(rf"(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir) (?:[a-z-]+ ){{0,2}}([a-z]+) "
                       rf"(?:from|by|of|published by|released by) (?:the )?({_CAPITALS})"
                       rf"|(?<![\w-])({_CAPITALS})'s? (?:[a-z-]+ ){{0,2}}([a-z]+)(?![\w-])"
                       rf"|(?<![\w-])({_CAPITALS})(?: [a-z]+){{0,2}} (?:released|published|issued|put out)"
                       rf" (?:a|an|its|their|the) ([a-z-]+(?: [a-z-]+){{0,2}})")


# _AUTHORED matches only characters of this class, so each match lies inside one run of them;
# and a match is used only when a writing word stands in it as a run of [a-z-].
_AUTHORED_RUN = re.compile(r"[\w&' -]+")
_LOWER_RUN = re.compile(r"[a-z-]+")


def _authored(text: str, writings: set[str]):
    """_AUTHORED.finditer(text), searched only in the runs of its characters that hold a writing
    word (the same matches that can be used, several times faster: no other run can give one,
    and no match spans two runs, so a skipped run changes no other run's matches)."""
    for run in _AUTHORED_RUN.finditer(text):
        if not writings.isdisjoint(_LOWER_RUN.findall(run.group())):
            yield from _AUTHORED.finditer(text, run.start(), run.end())


def named_organisations(text: str) -> list[tuple[int, str, frozenset[str]]]:
    """(position, name, organisation words) of every run of capitalised words with an
    organisation word ("the Defence Ministry", "Ministry of Defence"), without a leading "The",
    of the authors of a paper ("Andreasen et al.", described as researchers, authors and
    scientists), of the named author of a writing, described by the writing ("the report from the
    Climate Change Advisory Council": then "the report"), and of every name given to an
    organisation word just before it ("a group of activists, called the Tyre Extinguishers": the
    words of that description), in text order."""
    words = _lexicon()["organisations"]
    found = []
    for m in _ORGANISATION_RUN.finditer(text):
        run = m.group().removeprefix("The ").strip()
        tokens = run.split()
        if 1 < len(tokens) <= MAX_ORGANISATION_WORDS and (own := {t.lower() for t in tokens} & words):
            found.append((m.start(), run, frozenset(own)))
    for m in _NAMED_BEFORE_HEAD.finditer(text):  # "the Declare Emergency campaign"
        if m.group(2) in words and not {t.lower() for t in m.group(1).split()} & words \
                and not _NATIONALITY.fullmatch(m.group(1)):  # "the Norwegian government": no name
            found.append((m.start(1), f"{m.group(1)} {m.group(2)}", frozenset({m.group(2)})))
    for m in _ET_AL.finditer(text):  # "a study by Andreasen et al.": then "the researchers"
        found.append((m.start(), m.group(), _AUTHORS))
    writings = _lexicon()["writings"]
    for m in _authored(text, writings):  # "The report from the Climate Change Advisory Council"
        writing, author = ((m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
                           if m.group(3) else  # "released a new paper in May": its first writing
                           (next((w for w in m.group(6).split() if w in writings), ""), m.group(5)))
        if writing.lower() in writings and len(author.split()) <= MAX_ORGANISATION_WORDS:
            found.append((m.start(), author.removeprefix("The "), frozenset({writing.lower()})))
    for m in _DESCRIBED_AS.finditer(text):  # "Climate Defiance, a radical group": "the group"
        head = next((w for w in m.group(2).split() if w in words), None)
        if head and not {t.lower() for t in m.group(1).split()} & words:
            found.append((m.start(1), m.group(1).removeprefix("The "), frozenset({head})))
    for m in _CALLED.finditer(text):
        before = text[max(0, m.start() - MAX_CALLED_REACH):m.start()]
        before = re.split(r"[.!?]\s", before)[-1]  # this sentence only
        if described := set(re.findall(r"(?<![\w-])[a-z]+", before)) & words:
            found.append((m.start(1), m.group(1), frozenset(described)))
    return sorted(found)


_ACRONYM_AFTER = re.compile(rf"([A-Z]{_NOT_AFTER_WORD}[\w&'-]*(?: (?:of |for |the |and |on )*[A-Z][\w&'-]*)+)"
                            r" \(([A-Z]{2,8})\)")


def acronyms(text: str) -> dict[str, str]:
    """Acronyms written in brackets after the name they stand for, the longest ending of the name
    whose capitalised words' initials spell them ("the International Transport Forum (ITF)":
    ITF -> International Transport Forum); the first name given to an acronym counts."""
    found: dict[str, str] = {}
    for m in _ACRONYM_AFTER.finditer(text):
        words = m.group(1).split()
        tail = next((words[k:] for k in range(len(words)) if words[k][0].isupper() and
                     "".join(w[0] for w in words[k:] if w[0].isupper()) == m.group(2)), None)
        if tail:
            found.setdefault(m.group(2), " ".join(tail))
    return found


_LONE_SAYER = re.compile(r"(?:^|[.!?,\"] +|(?<![\w'-])[a-z]+ +)([A-Z][a-z'-]+) (?:said|says|told|tells|added"
                        r"|adds|insisted|argued|claimed|warned|noted|stressed|explained|wrote|writes)\b",
                        re.M)


def lone_surnames(text: str) -> set[str]:
    """Words used alone as a person's name: after a title ("Ms Snyder") or before a verb of saying
    ("Raupp said"; not after another capitalised word)."""
    titles = _lexicon()["titles"]
    text = _without_headlines(text)
    return ({m.group(2) for m in _TITLE_SURNAME.finditer(text) if _bare(m.group(1)) in titles}
            | {m.group(1) for m in _LONE_SAYER.finditer(text)})


_NOT_THE_ONE = {"another", "other", "second", "third", "former", "some", "one"}  # another person


_DOCUMENT_OF = re.compile(r"(?:the|a|an) (\w+) (?:of|from|by) the (\w+)", re.I)


_PERSON_NOUN = re.compile(r"[a-z]{4,}ist")  # "the socialist", "the scientist": one person
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ch|i)")  # "the veteran Portuguese socialist"
_WRITINGS = {"piece", "article", "editorial", "op-ed", "column"}  # written by a named publisher
# A name's office, spokesman or account, a platform's name allowed before it ("Ann Lee's X
# account"): data/speaking_for.txt says which words speak for their owner.
_NAMED_OWNER = re.compile(r"((?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)'s\s+(?:[A-Z][\w-]*\s+)?([a-z]+)")


class _Resolver:
    """Canonical speakers within one document: aliases, pronouns, roles and descriptions."""

    def __init__(self, people: list[tuple[int, str]] | None = None,
                 names: set[str] | None = None,
                 organisations: list[tuple[int, str, frozenset[str]]] | None = None,
                 acronyms: dict[str, str] | None = None, surnames: set[str] | None = None,
                 text: str = "") -> None:
        self.lex = _lexicon()
        self.text = text  # the document, where a person's gender may be written (written_gender)
        self.genders: dict[str, str | None] = {}
        self.recent: deque[str] = deque(maxlen=MAX_ROLES_REMEMBERED)  # people, latest last
        self.acronyms = acronyms or {}  # "ITF" -> "International Transport Forum"
        self.surnames = surnames or set()  # words used alone as a person's name
        self.people = people or []  # introduced people, in text order
        self.next_person = 0
        self.organisations = organisations or []  # organisations named in the text, in order
        self.next_organisation = 0
        self.named_organisations: dict[str, frozenset[str]] = {}  # name -> its organisation words
        self.organisation_names = {name for _, name, words in self.organisations  # not an author
                                   if not words <= self.lex["writings"]}  # of a writing ("Smith's report")
        self.names = names or set()  # every full name of the document
        # full names by their last and first word: met so far (speakers, introduced people), or
        # anywhere in the document; sets keyed by word keep every look-up constant-time
        self.by_last: dict[str, set[str]] = {}
        self.by_first: dict[str, set[str]] = {}
        self.in_text = _names_by_word(self.names, -1)
        self.first_in_text = _names_by_word(self.names, 0)  # "Xi" -> {"Xi Jinping"}
        self.last_speaker: str | None = None  # the person last heard (a row's speaker)
        self.people_met: set[str] = set()  # named people introduced or heard so far
        self.last_organisation: str | None = None
        # (words of a role written with a name, speaker): the latest ones, so that a description
        # costs the same however long the document is
        self.roles_of: deque[tuple[set[str], str]] = deque(maxlen=MAX_ROLES_REMEMBERED)
        self.descriptions: deque[str] = deque(maxlen=MAX_ROLES_REMEMBERED)  # unnamed speakers

    def _alias(self, text: str) -> str | None:
        return self.lex["exact"].get(text) or self.lex["folded"].get(text.lower())

    def _qualifies(self, words: list[str], actor: str) -> bool:
        """Whether the words before a description's alias fit its actor: lower-case words or names
        of the actor's own group ("NATO Secretary General" is Stoltenberg, "U.N. Secretary-General"
        is not)."""
        group = self.lex["group_of"].get(actor)
        return all(w.islower() or self.lex["group_of"].get(self._alias(w) or "") == group
                   for w in words)

    def _owned_by(self, of: list[str], actor: str) -> bool:
        """Whether the organisation after a role's "of" fits the role's actor: none, or one of the
        actor's group ("Secretary General of NATO" is Stoltenberg, "... of the United Nations" is
        not)."""
        if not of:
            return True
        owner = of[0].removeprefix("the ").strip()
        group = self.lex["group_of"].get(actor)
        return self.lex["group_of"].get(self._alias(owner) or "") == group \
            or self._qualifies(owner.split(), actor)

    def _is_organisation(self, speaker: str) -> bool:
        """An acronym, an actor marked person=no, or a name with an organisation word (the role
        written before a person's name does not count: "Department representative Ann Lee")."""
        words = {w.lower() for w in re.findall(r"[\w-]+", speaker)}
        return (speaker in self.lex["non_people"] or (speaker.isupper() and len(speaker) > 1)
                or bool(words & self.lex["organisations"]) or speaker in self.organisation_names)

    def _described(self, role: str) -> str | None:
        """The named speaker of this document a definite description refers to, if exactly one."""
        words = {w.lower() for w in re.findall(r"[\w-]+", role)} - DETERMINERS - CONNECTORS
        if not words:
            return None
        head = re.split(r"\s(?:of|for|at)\s", role)[0].split()[-1].lower()
        full = [s for r, s in reversed(self.roles_of) if words <= r]
        if full:
            return full[0]
        by_head = {s for r, s in self.roles_of if head in r}
        return by_head.pop() if len(by_head) == 1 else None

    def _longer(self, role: str) -> str | None:
        """The latest longer description of a speaker with the same head word: "the spokesman" after
        "A Pentagon spokesman said"."""
        words = role.split()
        if len(words) != 1 or not words[0].islower():
            return None
        return next((d for d in reversed(self.descriptions) if d.split()[-1] == words[0]), None)

    def _only_person(self, head: list[str]) -> str | None:
        """The one person named so far, for a description of a person ("the official"); none
        when two or more are (that would be a guess) or the head is no role word."""
        if self._one_person_role(head) and len(head) <= 4 and len(self.people_met) == 1:
            return next(iter(self.people_met))
        return None

    def _one_person_role(self, words: list[str], nouns: bool = False) -> bool:
        """Whether words end in a singular role word of a person (with `nouns`, an -ist noun
        too: "the socialist") that is no organisation word, and say no other one ("another")."""
        word = _bare(words[-1]) if words else ""
        return (word in self.lex["role_words"] or (nouns and _PERSON_NOUN.fullmatch(word) is not None)) \
            and not word.endswith("s") and word not in self.lex["organisations"] \
            and not {_bare(w) for w in words} & _NOT_THE_ONE

    def _last_person_described(self, tokens: list[str]) -> str | None:
        """The person last heard, for "the <description>" of one person that names no one ("the
        billionaire added", "the veteran Portuguese socialist asserted"): news writing's elegant
        variation for the speaker it follows (people only introduced are left to _only_person: "the
        official" after two named is a guess; an organisation heard since leaves no one).
        Capitals only in nationality-like adjectives ("Portuguese", "American"), so that "the
        Pentagon spokesman" is not taken for anyone."""
        if 2 <= len(tokens) <= 4 and _bare(tokens[0]) == "the" \
                and self._one_person_role(tokens, nouns=True) \
                and all(w.islower() or _NATIONALITY.fullmatch(w) for w in tokens[1:]):
            return self.last_speaker
        return None

    def reach(self, position: int) -> None:
        """Take in the people introduced before `position`: "he" may now mean them."""
        while self.next_person < len(self.people) and self.people[self.next_person][0] < position:
            person = self.people[self.next_person][1]
            self._mentioned(person)
            self._meet(person)
            self.people_met.add(person)
            self.next_person += 1
        while self.next_organisation < len(self.organisations) \
                and self.organisations[self.next_organisation][0] < position:
            _, name, described = self.organisations[self.next_organisation]
            self.named_organisations[name] = self.named_organisations.get(name, frozenset()) | described
            self.next_organisation += 1

    def _latest_named(self, head: str) -> str | None:
        """The organisation named or described with `head` last ("the prosecution authority": the
        one named last; "the researchers": the latest "X et al.")."""
        return next((n for n, words in reversed(self.named_organisations.items()) if head in words), None)

    def _organisation(self, head: str | None = None) -> str:
        """What "they", "a statement" or "the <head>" speaks for: the latest organisation named so
        far by or described with `head` ("the group" after "a group called X"), else the last
        organisation that spoke, else the one organisation named so far (none when two or more
        are: that would be a guess)."""
        if head and (named := self._latest_named(head)):
            return named
        if self.last_organisation:
            return self.last_organisation
        if len(self.named_organisations) == 1:
            return next(iter(self.named_organisations))
        return UNKNOWN

    def _person_at_end(self, phrase: str) -> str | None:
        """The person a longer run of capitals ends with ("University of Maryland Professor Emeritus
        of Entomology Michael Raupp", "NGO Climate Integrity Claire Snyder"): its last two plain
        words, when they are a full name of the document, or in a run of MIN_RUN_CUT_BY_SURNAME
        or more the last is used alone as a name ("Ms Snyder", "Raupp said"; a shorter run may be a
        name of three words: "Judge Jane Branstetter Stranch"), and they name no organisation."""
        run = list(itertools.takewhile(_is_name_token, reversed(phrase.split())))[::-1]
        ending = run[-2:]
        if len(run) < 3 or not all(_PLAIN_NAME_WORD.fullmatch(w) for w in ending) \
                or {w.lower() for w in ending} & NAME_PARTICLES \
                or (" ".join(ending) not in self.names
                    and (ending[-1] not in self.surnames or len(run) < MIN_RUN_CUT_BY_SURNAME)) \
                or _ABBREVIATION.fullmatch(run[-3]) or self._is_organisation(" ".join(ending)):
            return None  # "J. Gerald Hebert" is one name
        return " ".join(ending)

    def _mentioned(self, person: str) -> None:
        """A person named or heard now: the latest of the recent ones."""
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    def _of_gender(self, gender: str) -> str | None:
        """The person "he" or "she" means: the last person, unless the article writes them of the
        other gender ("Mr", "Ms", "his daughter": actors.written_gender); then the latest recent
        person it does not ("Ms Lee ... Mr Hill said. "...," she added" is Ms Lee)."""
        for person in reversed(self.recent):
            if person not in self.genders:
                self.genders[person] = written_gender(self.text, person) if self.text else None
            if self.genders[person] in (gender, None):
                return person
        return None

    def _meet(self, name: str) -> None:
        """Remember a full name met in the text."""
        if " " in name:
            self.by_last.setdefault(name.split()[-1], set()).add(name)
            self.by_first.setdefault(name.split()[0], set()).add(name)

    def _full_name(self, name: str) -> str:
        """A one-word name as the one full name met so far that ends with it, else the one of the
        document, else the one met so far that starts with it ("Li" -> "Li Qun")."""
        if " " in name and _bare(name.split()[0]) not in NAME_PARTICLES:
            return name
        last = name.split()[-1]
        if " " in name:  # "De Blasio" -> "Bill de Blasio"
            for pool in (self.by_last, self.in_text):
                full = {f for f in pool.get(last, set()) if f.lower().endswith(" " + name.lower())}
                if len(full) == 1:
                    return next(iter(full))
            return name
        for pool in (self.by_last, self.in_text, self.by_first, self.first_in_text):
            if len(full := pool.get(name, set())) == 1:
                return next(iter(full))
        return name

    def _publisher(self, phrase: str) -> str:
        """The named publisher of a writing: "a Tampa Bay Times opinion piece" -> "Tampa Bay Times"."""
        tokens = phrase.split()
        if tokens and _bare(tokens[0]) in DETERMINERS:
            tokens = tokens[1:]
        names = list(itertools.takewhile(_is_name_token, tokens))
        rest = tokens[len(names):]
        if names and rest and len(rest) <= 2 and all(t.islower() for t in rest) \
                and _bare(rest[-1]) in self.lex["documents"] | _WRITINGS:
            return " ".join(names)
        return phrase

    def resolve(self, phrase: str | None) -> str:
        """The canonical speaker of a phrase; 'unknown' when there is none."""
        if phrase is None:
            return UNKNOWN
        if phrase in PRONOUNS:
            self.last_speaker = self._of_gender("female" if phrase == "she" else "male")
            return self.last_speaker or UNKNOWN
        phrase, _, appositive = phrase.partition(", ")  # "R.P. Eddy, CEO of Ergo"
        if (m := _DOCUMENT_OF.fullmatch(phrase)) and _bare(m.group(1)) in self.lex["documents"]:
            phrase = f"the {m.group(2)}'s {m.group(1)}"  # "the website of the group"
        phrase = self._publisher(phrase)
        tokens = phrase.split()
        if 1 < len(tokens) <= 3 and _bare(tokens[0]) == "the" and _bare(tokens[-1]) in _AUTHORS \
                and (named := self._latest_named(_bare(tokens[-1]))):
            return named  # "the researchers" after "Andreasen et al."
        if len(tokens) == 3 and tokens[0] == "the" and tokens[1].endswith("'s") \
                and tokens[2] in self.lex["speaking_for"] \
                and (owner := self.resolve(f"the {tokens[1][:-2]}")) != tokens[1][:-2]:
            return owner  # "the governor's office": the governor, when known
        if (m := _NAMED_OWNER.fullmatch(phrase)) and m.group(2).lower() in self.lex["speaking_for"]:
            owner = self.resolve(m.group(1))  # "Ann Lee's Twitter account", "Lee's spokeswoman"
            if m.group(2).lower() in self.lex["organisations"]:  # "Lee's office": its statement
                self.last_organisation = owner  # is hers
            return owner
        if len(tokens) == 2 and tokens[0] == "the" and tokens[1] in self.lex["writings"]:
            author = self._latest_named(tokens[1]) or UNKNOWN  # "the report": its author, if named
            if self._is_organisation(author):  # "It recommended" after it: the author again
                self.last_organisation = author
            return author
        if phrase in GROUP_PRONOUNS or (tokens and _bare(tokens[0]) in DETERMINERS and (
                (_bare(tokens[-1]) in self.lex["documents"] and tokens[-1].islower())  # not "Post"
                or (1 < len(tokens) <= MAX_NAME_WORDS + 1 and " ".join(tokens[1:]).islower()
                    and _bare(tokens[-1]) in self.lex["organisations"]
                    and self._organisation(_bare(tokens[-1])) != UNKNOWN))):  # "the group"
            owner = next((_bare(t)[:-2] for t in tokens if _bare(t).endswith("'s")), None)
            found = self._organisation(owner or (_bare(tokens[-1]) if len(tokens) > 1 else None))
            self.last_organisation = found if found != UNKNOWN else self.last_organisation
            return found
        role, name = _split_role_name(phrase, self.lex["titles"])
        if (not name or len(name.split()) > MAX_NAME_WORDS) \
                and (person := self._person_at_end(phrase)) and person != name:
            role, name = phrase[:len(phrase) - len(person)].strip(), person
        role = " ".join(x for x in (role, appositive) if x)
        if name:
            speaker = (self._alias(name) or self.acronyms.get(name) or self._alias(name.split()[-1])
                       or (" " not in name and self._latest_named(_bare(name)))  # "The Alliance"
                       or self._full_name(name))
            self._meet(speaker)
            if role:
                self.roles_of.append(({w.lower() for w in re.findall(r"[\w-]+", role)}, speaker))
        else:
            head, *of = re.split(r"\s(?:of|for)\s", role, maxsplit=1)  # "head of the Pentagon"
            head = head.split()
            definite = _bare(phrase.split()[0]) not in {"a", "an"}
            speaker = (next((a for k in range(len(head)) if (a := self._alias(" ".join(head[k:])))
                             and self._qualifies(head[:k], a) and self._owned_by(of, a)), None)
                       or (self._described(role) if definite else None)
                       or (self._only_person(head) if _bare(phrase.split()[0]) == "the"
                           and all(w.islower() or w.isupper() or _bare(w) in self.lex["titles"]
                                   for w in role.split())  # "U.N. chief", "U.N. Secretary-General"
                           else None)
                       or (self._longer(role) if definite else None)
                       or self._last_person_described(phrase.split())
                       or role or UNKNOWN)  # "both", "their": no one named
            if speaker == role and len(role.split()) > 1:
                self.descriptions.append(role)
        if self._is_organisation(speaker):
            self.last_organisation = speaker
            self.last_speaker = None
        elif speaker != UNKNOWN and (name or speaker != role):
            self._mentioned(speaker)
            self.last_speaker = speaker
            self.people_met.add(speaker)
        return speaker


_PUT_IT = re.compile(r"\W*(?:is|was|that's|that is) how\s+([^,;]{1,80}?)\s+"
                     r"(?:puts?|describe[sd]?|sums? up|summed up)\s+it\b", re.I)


# "according to X" closing the sentence of a quotation that has no other attribution.
# A dash and a name closing a quotation, after it in its paragraph or as the next paragraph alone
# ('"..." - Bernie Sanders.', '-Ann Lee, Philadelphia.'): how a quotation is signed.
_SIGNATURE = re.compile(r"[ \t]*(?:\n\s*)?-[ \t]*([A-Z][^\n]{0,80}?)[ \t.]*(?:\n|$)")


def _signed(text: str, end: int) -> str | None:
    """The name signing the quotation that ends at `end` (see _SIGNATURE), without what follows
    it after a comma or a bracket (a place, a handle, a date)."""
    if not (m := _SIGNATURE.match(text, end)):
        return None
    return _is_bare_name(re.split(r"[,(]", m.group(1))[0].strip())


_ACCORDING_AT_END = re.compile(r",\s*(?i:according to)\s+([^,;#\"]+?)\W*$")


def _after_quote(clause: str, verb_re: re.Pattern) -> tuple[str | None, str] | None:
    """Attribution in the clause after a quote: '," said X' / '," X said' / '," according to X'."""
    clause = clause.split(";")[0]
    if m := re.match(r"\W*according to\s+(.*)", clause, re.I):
        return _source_of(m.group(1)), "according to X"
    if (m := _PUT_IT.match(clause)) and (phrase := trailing_phrase(m.group(1))):
        return phrase, "how X put it"  # '"...," is how The Expose puts it.'
    verb = verb_re.search(clause)
    if verb is None:
        return None
    before = _COMPANIONS.sub("", _without_adverb(clause[:verb.start()].strip(" ,-")))
    if not before:
        phrase = leading_phrase(clause[verb.end():])
        marked = "," + clause  # as the inverted pattern reads a sentence's end: ", said X"
        inverted = _patterns(verb_re)["inverted"].match(marked)
        named = (_inverted(marked, inverted) or "") if inverted else ""
        if ", " in named and named.split(", ")[0] != phrase:  # the name after its role:
            return named, "said X"  # '," said France's minister of state, Chrysoula Zacharopoulou.'
        if not phrase and (writing := _writing_named(re.split(r"[,.;!?]", clause[verb.end():])[0])):
            return writing, "said X"  # '"...," says the report.': its author, if named
        return (phrase, "said X") if phrase else None
    phrase = _subject(before)
    rest = [w for w in _words(",".join(_without_asides(_PARENTHESIS.sub("", before).split(","))))
            if not _is_filler(w)]  # "Ann Lee, 66," and "Ann Lee (D)" are "Ann Lee"
    if rest and _bare(rest[-1]) in _lexicon()["writings"]:  # '," a World Economic Forum report said'
        rest = [w for w in rest[:-1] if _bare(w) not in DETERMINERS]
    if phrase is not None and len(rest) == len(_words(phrase)):
        return phrase, "X said"
    if phrase is not None and _is_titled_name(rest):  # '," Minister for Economic Affairs and
        return " ".join(rest), "X said"  # Climate Action Robert Habeck said'
    if phrase is not None and "," in before and not clause[verb.end():].strip(" .!?") \
            and len(_words(before.rsplit(",", 1)[1])) == len(_words(phrase)):
        return phrase, "X said"  # '"..." and not all places will be hit at once, she said.'
    chunks = [c for c in before.split(",") if c.strip()]
    if phrase is not None and len(chunks) == 2 and (name := _is_bare_name(chunks[1])) \
            and _is_appositive(chunks[0], None):  # '"...," the group's spokesperson, Ann Lee, said'
        return f"{name}, {chunks[0].strip()}", "X said"
    if phrase is None and _unnamed_source(before) and len(rest) <= MAX_SPEAKER_WORDS:
        return _writing_named(before), "X said"  # '"...," people familiar with the matter said'
    if clause[:verb.start()].rstrip().endswith(",") and _bare(verb.group()) not in _TOLD \
            and (inverted := _patterns(verb_re)["inverted"].match("," + clause[verb.start():])) \
            and (named := _inverted("," + clause[verb.start():], inverted)) \
            and any(_is_name_token(w) for w in _words(named)):
        return named, "said X"  # '"..." in the 2008 primary, said Ann Lee, a professor.'
    return None


# A writing and who it is from, by or of (group 2), opening a phrase: "a statement from X".
_WRITING_FROM = re.compile(r"\W*(?:\S+\s+){0,3}?(\S+)\s+(from|by|of)\s+(.*)", re.S)


# A writing with its maker's name before it: "a New York Times/CBS News poll", "a national Gallup
# Poll", "a new Washington Post-ABC News national poll": the maker (group 1) and the words after
# it (group 2), of which the writing is the first or the second.
_MAKER_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}?"
                           r"((?:[A-Z][\w.&/'-]*\s+)*[A-Z][\w.&/'-]*)\s+([a-z-]+(?:\s+[a-z]+)?)")


def _author(text: str) -> str | None:
    """The named author of the writing that opens `text`: who a statement or a letter is from, by
    or of ("a statement from NRDC chief Ann Lee" -> "NRDC chief Ann Lee"), who a report or a poll
    is from or by ("a new report by Politico" -> "Politico"; "of" is its topic, "a poll of
    voters"), or whose name stands before it ("a New York Times/CBS News poll released last
    week" -> "New York Times/CBS News"); None when no one is named."""
    lex = _lexicon()
    if (m := _WRITING_FROM.match(text)) and (_bare(m.group(1)) in lex["documents"] or (
            _bare(m.group(1)) in lex["writings"] and m.group(2) != "of")) \
            and (author := leading_phrase(m.group(3))) \
            and any(_is_name_token(w) and len(_bare(w)) > 1 for w in _words(author)):
        return author
    if m := _MAKER_BEFORE.match(text, len(text) - len(text.lstrip(" \"'(-"))):
        maker, after = m.group(1).split(), m.group(2).split()
        if after[0] in lex["writings"] or after[-1] in lex["writings"]:
            return " ".join(maker)
        if len(maker) > 1 and maker[-1].lower() in lex["writings"]:  # "a Gallup Poll"
            return " ".join(maker[:-1])
    return None


def _source_of(text: str) -> str | None:
    """The speaker phrase after "according to": the named author of a writing (see _author), else
    the phrase itself; an unnamed report, study or poll stays with the rules for writings."""
    return _author(text) or leading_phrase(text)


def _without_adverb(text: str) -> str:
    """A phrase without the -ly adverb after its name ("Adams unsubstantially" -> "Adams")."""
    tokens = text.split()
    if len(tokens) > 1 and tokens[-1].islower() and tokens[-1].endswith("ly") \
            and _is_name_token(tokens[-2]):
        return " ".join(tokens[:-1])
    return text


def _writing_named(text: str) -> str | None:
    """"the report" when the text before a verb ends with a definite writing ("the report", "the
    new study", "this paper"), whose author an earlier sentence may name; else None."""
    words = [_bare(w) for w in _words(text) if not _is_filler(w)]
    if len(words) > 1 and words[-1] in _lexicon()["writings"] \
            and any(w in {"the", "this", "that"} for w in words[-3:-1]):
        return f"the {words[-1]}"
    return None


def _naming_subject(before: str) -> str | None:
    """The speaker of a naming verb: the subject just before it, with its appositive ("X, who
    represents the region, called ..."), not a passive ("the war was called ...") and not a noun
    it names ("a party called X", "the group, called X,")."""
    last = [_bare(w) for w in _words(before) if not _is_filler(w)][-2:]
    last = last[:1] if last[1:] == ["who"] else last[-1:]  # "Ann Lee, who called ...": Ann Lee's
    if _bare((before.split() or [""])[-1]) in _PASSIVE or not (phrase := _subject(before)) \
            or [_bare(w) for w in _words(phrase)][-1:] != last \
            or (before.rstrip().endswith(",") and ", " not in phrase):  # "a group, called X,"
        return None
    return phrase


def _unnamed_source(text: str) -> bool:
    """The text before a verb ends with a source that is no speaker ("the report", "the matter",
    "52 percent", "six in 10", "52%")."""
    words = [_bare(w) for w in _words(text) if not _is_filler(w)]
    return bool(words) and (words[-1] in _lexicon()["sources"] or words[-1].endswith("%")
                            or ((words[-1].isdigit() or words[-1] in _NUMBER_WORDS)
                                and len(words) > 1 and words[-2] == "in")  # "six in 10", "one in five"
                            or (words[-1] in _OBJECT_PRONOUNS and words[-2:-1] == ["of"]
                                and words[-3:-2] != [] and words[-3] in _QUANTIFIERS)  # "most of them"
                            or _CLOSE_TO.search(" ".join(words[-5:])) is not None)  # "those close to him"


# A share of a group saying something, as polls are reported: "with 30 percent of voters saying",
# "with three in 10 saying" (the group, if named, speaks; a share alone is no speaker).
_SHARE_SAYING = re.compile(r"\bwith\s+(?:about\s+|nearly\s+|almost\s+|just\s+|only\s+)?"
                           r"(?:\d+(?:\.\d+)?\s*(?:percent|per cent|%)|(?:\w+) in (?:\d+|\w+)"
                           r"|(?:most|many|some|half|a majority|a third|a quarter|two-thirds))"
                           r"(?:\s+of\s+(?:the\s+|all\s+)?([^,;]{1,40}?))?\s+saying\s+")
# "who" opening a relative clause after a noun ("an architect who said he was stiffed"): what
# follows is reported, its speaker the noun's (unknown when that is no speaker phrase).
_RELATIVE_WHO = re.compile(r"(?<=[a-z,]) who(?: \w+ly| also| then| later)?\s*$")
MAX_SOURCE_HEAD = 4  # words from the start of a subject to its head ("A Fox News poll of voters")


def _relative_subject(before: str) -> bool:
    """Whether the subject right before a verb is the relative pronoun "who" after its noun ("Ann
    Lee, who said", "Ann Lee, who has also said"): the speaker is the noun, written "who"."""
    words = [w for w in _words(before) if not _is_filler(w)]
    return len(words) > 1 and _bare(words[-1]) == "who"


def _source_head(text: str) -> bool:
    """A subject whose head, within its first words, is a source that is no speaker, followed by
    what describes it ("A poll conducted by voters in Saturday's primary", "Video of the incident",
    "Exit polls from the New Hampshire primary, which Trump won,"): the text opens the sentence."""
    words = [_bare(w) for w in _words(text.split(",")[0])]
    head = next((i for i, w in enumerate(words[:MAX_SOURCE_HEAD + 1]) if w in _lexicon()["sources"]
                 and w not in _QUANTITIES), None)
    return head is not None and not text[:1].islower() \
        and all(w in DETERMINERS or not _lexicon()["verb"].fullmatch(w) for w in words)


_QUANTITIES = frozenset({"percent", "cent", "half", "third", "thirds", "quarter", "quarters",
                         "fourths", "people", "respondents", "surveyed", "polled"})
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())
_OBJECT_PRONOUNS = frozenset({"them", "us", "those"})
_QUANTIFIERS = frozenset("most many some all few several half both none each one two three".split())
_CLOSE_TO = re.compile(r"\b(?:those|people|sources|someone|associates|allies|friends) close to(?: \S+){1,2}$")


def _is_titled_name(tokens: list[str]) -> bool:
    """A title, what it is held in and a name, all capitalised but "of", "for", "and" and "the"
    ("Minister for Economic Affairs and Climate Action Robert Habeck")."""
    return len(tokens) > 3 and tokens[0][0].isupper() and _bare(tokens[0]) in _lexicon()["titles"] \
        and all(_is_name_token(t) or t in ("of", "for", "and", "the") for t in tokens) \
        and 1 < len(_split_role_name(" ".join(tokens), _lexicon()["titles"])[1].split()) <= 3


# A verb of saying opening the sentence before its subject and a quotation ('Said Comey, "..."').
_SAID_FIRST = re.compile(r"\W*([A-Z][a-z]+(?: [a-z]+)?)\s+([^,:#\"]{1,80}?)\s*[,:]\s*")


def _inserted_speaker(text: str, verb: re.Match) -> tuple[str, int] | None:
    """The speaker of a verb inserted between commas before its subject ('Because of X,
    explained Tom Hill, "..."', 'Any reading, said Tom Hill, an expert, would ...'), when all that
    stands between the verb and the next comma is a speaker phrase with a name; and where what
    is said goes on."""
    if not text[:verb.start()].rstrip().endswith(","):
        return None
    m = re.match(r"\s+([^,#\"]{1,80}),", text[verb.end():])
    phrase = leading_phrase(m.group(1)) if m else None
    if not phrase or len(_words(phrase)) != len(_words(m.group(1))) \
            or not any(_is_name_token(w) for w in _words(phrase)):
        return None
    return phrase, verb.end() + m.end()


def _before_quote(text: str, verb_re: re.Pattern) -> tuple[str | None, str, int] | None:
    """Attribution earlier in the sentence: 'X said that ... "...', 'According to X, ... "...',
    'From X, "...' or 'X did Y, saying that ... "...', with the offset where the reported content
    starts."""
    if m := re.search(r"(?i:according to)\s+([^,]+),", text):
        return _source_of(m.group(1) + ","), "according to X", m.end()
    if (m := _SAID_FIRST.fullmatch(text)) and verb_re.fullmatch(m.group(1).lower()) \
            and (phrase := leading_phrase(m.group(2))) and len(_words(phrase)) == len(_words(m.group(2))):
        return phrase, "said X: quote", m.end()  # 'Said Comey, "..."'
    if (m := re.fullmatch(r"\W*(?:From|Per)\s+([^,:]+)[,:]\s*", text)) \
            and (phrase := leading_phrase(m.group(1) + ",")) \
            and any(_is_name_token(t) for t in _words(phrase)):
        return phrase, "from X: quote", m.end()  # 'From the Wall Street Journal, "..."'
    for verb in reversed(list(verb_re.finditer(text))):
        if inserted := _inserted_speaker(text, verb):
            return inserted[0], "X said ... quote", inserted[1]  # '..., explained Tom Hill, "..."'
        if phrase := _subject(text[:verb.start()]):
            return phrase, "X said ... quote", verb.end()
        if _unnamed_source(text[:verb.start()]):
            return _writing_named(text[:verb.start()]), "X said ... quote", verb.end()
    for verb in reversed(list(_lexicon()["naming_verb"].finditer(text))):
        if phrase := _naming_subject(text[:verb.start()]):  # 'X called the decision "an attack"'
            return phrase, "X called Y quote", verb.end()
    if claimed := _possessed_claim(text):
        return claimed[0], POSSESSED_CLAIM, claimed[1]  # 'Ann Lee's claim that "..."'
    if phrase := _name_colon(text):
        return phrase, "X: quote", len(text)  # 'The obvious from Robert Borlick: "..."'
    if phrase := _colon_subject(text):
        return phrase, "X did: quote", len(text)  # 'Trump issued the following statement: "..."'
    if phrase := _speech_object(text):
        return phrase, "X made a statement: quote", len(text)  # 'Gore made a prediction: "..."'
    participle = _patterns(verb_re)["participle"]
    if (m := participle.search(text)) \
            and (phrase := clause_subject(text[:m.start()])):
        return phrase, "X did, saying", m.end()  # 'X attacked Y, saying that "..."'
    if named := _named_participle(text):
        return named[0], "X saying", named[1]  # 'a video shows Ann Lee saying that "..."'
    return None


def _colon_subject(text: str) -> str | None:
    """The named subject of a clause that introduces a quotation with a colon ("Donald Trump issued
    the following statement:"), when the subject ends with a name of two or more words."""
    if not (m := re.search(r":\s*$", text)):
        return None
    phrase = clause_subject(text[:m.start()])
    ending = _words(phrase or "")[-2:]
    if len(ending) < 2 or not all(_is_name_token(w) and _bare(w) not in ENGLISH_STOP_WORDS for w in ending):
        return None  # "Here is the statement:", "Partial transcript:", "Media:"
    return phrase


def _acting_subject(text: str) -> str | None:
    """The person a sentence names as its subject (with a title or an appositive: 'Rita, a teacher
    from Compton, came with her family.'): the first quotation of its paragraph, standing alone
    right after it, is that person's, as news writing introduces a speaker ("he" there is
    narration about someone as often)."""
    phrase = clause_subject(text) or ""
    name = _words(phrase.split(", ")[0])
    if 0 < len(name) <= MAX_NAME_WORDS + 1 and all(
            _is_name_token(w) and not w.endswith("'s") and _bare(w) not in ENGLISH_STOP_WORDS
            for w in name):
        return phrase
    return None


# A verb whose object is an act of speech or a writing right before the quotation that is its
# content: 'Gore made a new prediction: "..."', 'The ministry issued a statement, "..."'.
_SPEECH_OBJECT = re.compile(
    r"\b(?:made|makes|issued|issues|released|releases|gave|gives|delivered|delivers|posted|posts|"
    r"tweeted|tweets|sent|sends|offered|offers|shared|shares|published|publishes)\s+"
    r"(?:a|an|the|this|that|his|her|its|their)\s+(?:\S+\s+){0,3}?([\w-]+)\s*[:,]?\s*$")


def _speech_object(text: str) -> str | None:
    """The subject of a clause whose object, an act of speech or a writing, is the quotation
    right after it ('Gore made a new prediction: "..."')."""
    m = _SPEECH_OBJECT.search(text)
    if not m or (_bare(m.group(1)) not in _lexicon()["speech_acts"]
                 and _bare(m.group(1)) not in _lexicon()["documents"]):
        return None
    return _subject(text[:m.start()]) or None


_NOT_BEFORE_COLON_NAME = _PREPOSITIONS - {"from"} | {"about", "against", "of", "and", "or"}


def _name_colon(text: str) -> str | None:
    """A full name (with its title) ending the text before a quote, followed by a colon: 'Sen. Ann
    Lee: "..."', 'The view from Ann Lee: "..."'; not after a preposition ('a letter to Ann Lee:')
    and not a heading in capitals."""
    if not (m := re.search(r":\s*$", text)):
        return None
    before = text[:m.start()]
    phrase = trailing_phrase(before)
    if not phrase:
        return None
    name = _split_role_name(phrase, _lexicon()["titles"])[1]
    words = _words(name)
    preceding = _words(before[:before.rfind(phrase)])[-1:]
    if len(words) < 2 or not all(_is_name_token(w) for w in words) or name.isupper() \
            or (preceding and _bare(preceding[0]) in _NOT_BEFORE_COLON_NAME):
        return None
    return phrase


MAX_AGE_ASIDE_WORDS = 6  # "who were in their 20s": a chunk ending in a number, no name, is an aside


_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")  # a US lawmaker's party and state: "R-Fla.", "D-N.Y."


# Words opening a comparison or an addition set off by commas after a subject ("X, like his
# rivals, says", "X, unlike Y, argued", "X, along with Y, said"): an aside, not the subject.
_ASIDE_OPENERS = frozenset({"like", "unlike", "along", "alongside", "including", "despite"})


def _is_aside(chunk: str) -> bool:
    """A comma-separated chunk that is no subject: empty, an age, a party and state ("R-Fla."), a
    time or place phrase, a short phrase ending in a number, with no name ("both 47", "founded in
    1975"; not "46 percent of voters"), or an adverb ("Forbes, however, says")."""
    words = chunk.split()
    return (not words or _bare(words[0]) in _PREPOSITIONS | _ASIDE_OPENERS
            or (len(words) == 1 and _PARTY_STATE.fullmatch(words[0]) is not None)  # "R-Fla."
            or (len(words) == 1 and (_bare(words[0]) in _ADVERBS or _bare(words[0]).endswith("ly")))
            or all(_bare(w).isdigit() or _bare(w) in _lexicon()["not_speakers"] for w in words)
            or (len(words) <= MAX_AGE_ASIDE_WORDS and bool(_NUMBER.fullmatch(_bare(words[-1])))
                and not any(w[0].isupper() for w in words)))  # "both 47", "who were in their 20s"


def _is_description(phrase: str) -> bool:
    """A role written after a name ("CEO of Ergo", "the company's founder"), not a name."""
    titles = _lexicon()["titles"]
    return any(not _is_name_token(t) or _bare(t) in titles for t in _words(phrase))


def _is_appositive(chunk: str, phrase: str | None) -> bool:
    """A chunk describing the name before it: a role ("CEO of Ergo"), or a phrase opening with a
    determiner or a relative pronoun ("a former aide who ...", "who served as ambassador")."""
    words = _words(chunk)
    if not words or len(words) > MAX_APPOSITIVE_WORDS:
        return False
    whole = phrase is not None and len(_words(phrase)) == len(words)
    if _lexicon()["verb"].search(chunk):
        return False  # 'X, in a speech, said that ...': a clause, not a description
    first = _bare(words[0]).split("-")[-1]  # "co-founder", "vice-president": the role's last part
    role_at = [m.group(1).split("-")[-1] for m in re.finditer(r"([\w-]+)\s+(?:at|of|for|with)\s", chunk)]
    return (first in {"a", "an", "another", "the", "who", "whose", "which"}
            or first in _lexicon()["role_words"]
            or (first == "one" and len(words) > 2 and words[1] == "of")  # "one of the high schoolers"
            or words[0].endswith("'s")  # "Clinton's director of state campaigns"
            or any(_bare(w) in _lexicon()["role_words"] for w in role_at)  # "Senior Advisor at Acme",
            # "Circular Transition for Zero Waste Mission Lead at Business Finland"
            or (whole and _is_description(phrase)))


def _is_bare_name(chunk: str) -> str | None:
    """The name a chunk consists of ("Erin Murphy", "Schiff"); a lone capitalised common word
    ("Afterwards", "Meanwhile") or an adverb is none."""
    name = trailing_phrase(chunk)
    if not name or len(_words(name)) != len(_words(chunk)) \
            or not _split_role_name(name, _lexicon()["titles"])[1]:
        return None  # "Senator Joe Manchin" and "The activist group Stopp Oljeletinga" are names
    word = name.lower()
    if " " not in name and (word in ENGLISH_STOP_WORDS or word in _ADVERBS or word.endswith("ly")):
        return None  # "Nonetheless, prophet of doom Al Gore shouts": no name
    return name


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_PASSIVE = {"is", "are", "was", "were", "be", "been", "being"}  # "the war was called a ..."
# Words that may join a time word in a phrase between a subject and its verb ("Sanders on
# Tuesday said", "Obama late last week said").
_TIME_JOINERS = {"on", "in", "at", "last", "this", "next", "early", "late", "earlier", "later"}
_COORDINATORS = {"and", "but"}
_ADVERBS = {"however", "meanwhile", "therefore", "though", "too", "instead", "also", "moreover",
            "nonetheless", "nevertheless", "still", "indeed", "furthermore", "besides", "afterwards",
            "consequently", "accordingly", "hence", "thus"}
# Verbs whose object is what was said, with or without "that" ("X did Y and said he ..."); other
# verbs report only before "that" or a colon ("X did Y and announced that ...").
_SAYING = set("said says say told tells added adds insisted argued claimed warned noted stressed "
              "explained wrote writes".split())


def _without_time(text: str) -> str:
    """Text without a time phrase at its end ("Sanders on Tuesday" -> "Sanders")."""
    tokens = text.split()
    time_words = _lexicon()["time_words"]
    kept = list(tokens)
    while kept and (_bare(kept[-1]) in time_words or _bare(kept[-1]).isdigit()
                    or _bare(kept[-1]) in _TIME_JOINERS):
        kept.pop()
    if kept == tokens or not kept or not any(_bare(t) in time_words for t in tokens[len(kept):]):
        return text
    return " ".join(kept) + " "


# "X in a prepared statement said", "X in an interview with CNN on Monday said": the medium
# between a subject and its verb is no part of the subject.
_MEDIUM = re.compile(r"\s(?:in|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:statement|interview|speech|post|letter|tweet|email|e-mail|video|op-ed|"
                     r"address|news conference|press conference|briefing|podcast)"
                     r"(?:\s+(?:on|with|to|at)\s+(?:(?!\b(?:and|but)\b)[^,;]){1,40}?)?\s*$")


# The ones who write or speak with the subject, who leads them: "Schwarz and his co-authors
# wrote", "Smith and colleagues said".
_COMPANIONS = re.compile(r"\s+and\s+(?:his|her|their)?\s*(?:co-?authors|colleagues|co-workers|"
                         r"collaborators|team)\s*$")


# A group opening a sentence, then where or whom it is from ("Officials in Washington", "Experts on
# North Korea", "Leaders from both parties"): the group speaks, not the place after it.
_GROUP_BEFORE_PLACE = re.compile(r"(?:(?:[Bb]ut|[Yy]et|[Aa]nd|[Ss]o|[Oo]r) )?"
                                 r"((?:[A-Za-z'-]+ ){0,2}([A-Za-z'-]+)) (?:in|at|from|with|on|for|across"
                                 r"|inside|within|close to) \S")


def _is_group_word(word: str) -> bool:
    """A plural word that speaks as a group: a listed group, a plural role or an agent noun."""
    word = word.lower()
    lex = _lexicon()
    return word.endswith("s") and (word in lex["groups"] or word[:-1] in lex["role_words"]
                                   or _AGENT_PLURAL.fullmatch(word) is not None)


# What joins a subject to a verb of saying in its infinitive ("X went on to say", "X was quick to
# argue"): no part of the subject.
_GOING_ON = re.compile(r"\s(?:went|goes|go|has gone|had gone) on to\s*$"
                       r"|\s(?:was|were|is|are) (?:quick|careful|eager|keen|happy|the first) to\s*$")


def _subject(text: str, coordinated: bool = True) -> str | None:
    """The subject before a verb, skipping inserted phrases ("X, in a speech on May 9, said",
    "X, 47, said", "X (R-Ky.) said", "X on Tuesday said") and keeping an appositive with its name
    ("R.P. Eddy, CEO of Ergo"); after "and"/"but" the subject of the clause ("X did Y and said")."""
    text = _GOING_ON.sub(" ", _without_time(_PARENTHESIS.sub("", text)))
    if medium := _MEDIUM.search(text):
        text = text[:medium.start()] + " "
    text = _COMPANIONS.sub(" ", text)
    words = [w for w in _words(text) if not _is_filler(w)]
    if words and _bare(words[-1]) in _COORDINATORS:
        return clause_subject(text) if coordinated else None
    if words and _bare(words[-1]) == "who" and len(words) > 1:  # "Ted Cruz, who said he ..."
        before = text[:text.rfind(words[-1])].rstrip(" ,").removesuffix("'s")  # "echoes Cruz's, who"
        return _subject(before + " ", coordinated=False)
    trailing = [m for m in re.finditer(r"\S+", text)]
    while trailing and _is_filler(trailing[-1].group()) and not trailing[-1].group().endswith(","):
        trailing.pop()  # "X, a senator, has also": the auxiliary and adverbs after the appositive
    text = text[:trailing[-1].end()] + " " if trailing else text
    chunks = _without_asides(text.split(","))
    if not chunks:
        return None
    relative = next((k for k in range(1, len(chunks)) if _RELATIVE.match(chunks[k])), None)
    if relative is not None and (relative < len(chunks) - 1 or _lexicon()["verb"].search(chunks[-1])):
        return _subject(",".join(chunks[:relative]), coordinated)  # "X, who ..., ..., said": X
    if len(chunks) > 2 and _is_place_after(chunks[-1]) and _is_appositive(chunks[-2], None) \
            and re.search(r"\b(?:of|at|for|from|in)\s+(?:the\s+)?[A-Z]\S*$", chunks[-2].strip()):
        chunks[-2:] = [",".join(chunks[-2:])]  # "X, director of University of California, Davis"
    if len(chunks) > 2 and _is_role(chunks[-2]) and _is_organisation_name(chunks[-1]) \
            and (name := _is_bare_name(chunks[-3])):
        return f"{name}, {chunks[-2].strip()}, {chunks[-1].strip()}"  # "X, COO, Vedanta Ltd."
    if len(chunks) == 1 and (head := _GROUP_BEFORE_PLACE.match(chunks[0].strip())) \
            and _is_group_word(head.group(2)):
        return _valid_phrase(_words(head.group(1)))  # "Officials in Washington": the officials
    phrase = trailing_phrase(chunks[-1])
    if len(chunks) > 1 and _is_appositive(chunks[-1], phrase):
        for described in (_chained_appositives(chunks[:-1]), _roles_before(chunks[:-1])):
            if described is not None:
                name, roles = described
                return f"{name}, {', '.join([*roles, chunks[-1].strip()])}"
    return phrase


# A relative clause opening a comma-separated chunk after a name: it describes that name up to
# the verb, whatever commas it holds ("Rubio, whose hometown, Miami, is ..., argues").
_RELATIVE = re.compile(r"\s*(?:who|whose)\s")


_ORIGIN = re.compile(r"\s*(?:of|from)\s+[A-Z][\w.-]*(?: [A-Z][\w.-]*)?\s*")  # "of Flint": a home town


def _without_asides(chunks: list[str]) -> list[str]:
    """Comma-separated chunks before a verb without the asides that end them ("X, 47, said", "X,
    in a speech on May 9, said", "Salceda, citing data from X, said", "X, 22, of Flint, Mich.,
    said") and without an age inside ("X, 67, a teacher")."""
    chunks = list(chunks)
    while len(chunks) > 1 and (_is_aside(chunks[-1]) or (
            _PARTICIPLE_ASIDE.match(chunks[-1]) and _is_bare_name(_without_coordinator(chunks[-2])))
            or _ORIGIN.fullmatch(chunks[-1])  # "Cory James, of Flint, said"
            or (len(chunks) > 2 and _is_place_after(chunks[-1]) and _ORIGIN.fullmatch(chunks[-2]))
            or _is_town_state_aside(chunks)):
        chunks.pop()
    return chunks[:1] + [c for c in chunks[1:] if not _NUMBER.fullmatch(c.strip())]  # "X, 67, a teacher"


def _is_town_state_aside(chunks: list[str]) -> bool:
    """Whether the last chunk is the state of the town ending an aside after a subject ("X, at a
    town hall in Columbus, Ohio, said"): a place, after an aside ending in a capitalised word,
    after a chunk that is no aside."""
    if len(chunks) < 3 or not _is_place_after(chunks[-1]) or not _is_aside(chunks[-2]) \
            or _is_aside(chunks[-3]):
        return False
    aside = chunks[-2].split()
    return len(aside) > 1 and _is_name_token(aside[-1])


def _without_coordinator(chunk: str) -> str:
    """A chunk without the "and"/"but" opening its clause ("But Ann Lee, noting ..., said")."""
    words = chunk.split()
    return " ".join(words[1:]) if words and _bare(words[0]) in _COORDINATORS else chunk


# A participle opening a phrase set off by commas between a name and its verb ("citing data
# from ...", "speaking at a rally"): an aside, not the subject.
_PARTICIPLE_ASIDE = re.compile(r"\s*[a-z]{3,}ing\s")


_STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")  # "Pa.", "Mich.", "Calif.": a state after a town


def _is_place_after(chunk: str) -> bool:
    """A chunk that is one or two capitalised words or an abbreviation, the place of the
    organisation before it ("University of California, Davis", "... , Los Angeles",
    "Washington, D.C.")."""
    words = chunk.split()
    return (0 < len(words) <= 2 and all(_PLAIN_NAME_WORD.fullmatch(w) for w in words)) \
        or (len(words) == 1 and (_ABBREVIATION.fullmatch(words[0]) is not None
                                 or _STATE_ABBREVIATION.fullmatch(words[0]) is not None))


def _is_organisation_name(chunk: str) -> bool:
    """A chunk of capitalised words (a firm's name after a person's role: "Vedanta Ltd.-
    Aluminium Business")."""
    words = [w for w in chunk.replace("-", " ").split() if any(c.isalpha() for c in w)]
    return 0 < len(words) <= MAX_NAME_WORDS + 2 and all(w[0].isupper() for w in words)


def _chained_appositives(chunks: list[str]) -> tuple[str, list[str]] | None:
    """A bare name before a chain of descriptions ("Greg Raiff, chief executive officer of Private
    Jet Services, an aviation consulting firm,"; "Dan Backer, the fund's lawyer, treasurer and
    strategist,"): the name and the descriptions but the last, else None."""
    rest, roles = list(chunks), []
    while len(rest) > 1 and not _is_bare_name(rest[-1]) and (
            _is_role(rest[-1]) or _is_appositive(rest[-1], None)):
        roles.insert(0, rest.pop().strip())
    name = _is_bare_name(rest[-1]) if roles else None
    return (name, roles) if name else None


def _roles_before(chunks: list[str]) -> tuple[str, list[str]] | None:
    """A name, possibly ending a clause, before bare roles ("Habib Elahi, CEO, The Green Ark
    said") and asides: the name and those roles, else None."""
    rest, roles = list(chunks), []
    while len(rest) > 1 and _is_role(rest[-1]):
        roles.insert(0, rest.pop().strip())
    while len(rest) > 1 and _is_aside(rest[-1]):
        rest.pop()
    name = _is_bare_name(rest[-1]) or _ending_name(rest[-1])
    return (name, roles) if name else None


def _ending_name(chunk: str) -> str | None:
    """A full name of capitalised words ending a clause ("... was Walt Meier"), before its
    appositive."""
    words = _words(trailing_phrase(chunk) or "")
    run = list(itertools.takewhile(_is_name_token, reversed(words)))[::-1]
    if run and len(run) < len(words) and words[len(words) - len(run) - 1].islower():
        words = run  # "the view of Antonio Guterres"
    name = " ".join(words)
    titles = _lexicon()["titles"]
    role, bare = _split_role_name(name, titles)
    if not all(_is_name_token(w) for w in words):
        return None
    if len(words) > 1 and bare == name:
        return name
    if bare and role and _bare(role.split()[-1]) in titles:
        return f"{role.split()[-1]} {bare}"  # "... RiddYet Mr. Ridd": "Mr. Ridd"
    return None


def _is_role(chunk: str) -> bool:
    """A chunk of role words only ("CEO", "executive director")."""
    words = [_bare(w) for w in _words(chunk)]
    return 0 < len(words) <= 3 and all(w in _lexicon()["role_words"] for w in words)


_AUXILIARIES = set("""
is was are were has have had did does do will would can could should may might must
""".split())
_LEADING_FUNCTION_WORDS = ENGLISH_STOP_WORDS - NAME_WORDS | _AUXILIARIES  # dropped before a name


# A participle and a preposition or determiner opening a phrase of a sentence ("Speaking at a
# rally, ...", "Asked about it, ...", "Following the vote, ..."): an opening phrase, not the
# subject (a name in -ing or -ed takes its verb: "Ebeling reminisced").
_OPENING_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]{2,}(?:ing|ed) (?:at|in|on|to|about|after|before|for|from"
                                 r"|with|by|into|through|up|out|back|across|that|the|a|an|his|her|their"
                                 r"|its|this|these|those|him|them|it)\b")


def clause_subject(text: str) -> str | None:
    """The subject of the main clause of `text`, after any opening phrases ("In May, a U.S.
    District Court judge sided with ..." -> "a U.S. District Court judge"): the words before its
    first verb (a word in -ed, an auxiliary, a speech verb, or a lower-case word that no
    capitalised word follows)."""
    text = _PARENTHESIS.sub("", text)
    chunks = text.split(",")
    skip = 0
    while skip < len(chunks) - 1 and (not chunks[skip].split()
                                      or _bare(chunks[skip].split()[0]) in _PREPOSITIONS | _STOP
                                      or _OPENING_PARTICIPLE.match(chunks[skip])):
        skip += 1
    lex = _lexicon()
    head = ",".join(chunks[:skip]) + ("," if skip else "")
    rest = text[len(head):]
    tokens = list(re.finditer(r"\S+", rest))
    for i, m in enumerate(tokens):
        word = _bare(m.group())
        if i == 0 or not m.group().strip("\"'(")[:1].islower() or word in DETERMINERS | CONNECTORS \
                or word in lex["role_words"] | PRONOUNS | GROUP_PRONOUNS:
            continue
        following = [t.group() for t in tokens[i + 1:i + 3]]
        if any(t.endswith(",") for t in [m.group()] + following[:1]):
            continue  # "at a news conference, she said": a noun ending an opening phrase
        after = _bare(following[0]) if following else ""
        if word.endswith("ed") or word in _AUXILIARIES or lex["verb"].fullmatch(word) or not (
                any(_is_name_token(t) for t in following) or after in _AUXILIARIES
                or after.endswith("ed")):  # "NATO countries have held": a noun before a verb
            return _subject(rest[:m.start()], coordinated=False)
    return None


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without surrounding spaces and punctuation."""
    part = text[start:end]
    lead = len(part) - len(part.lstrip(" ,:;-"))
    return start + lead, start + len(part.rstrip(" ,:;-."))


# What may follow a closing "X said": a short phrase opening with one of these words or a time
# word ("..., Obama said in his interview.", "..., she said Wednesday morning."); after "told" its
# object ("..., Ash Carter told a Senate panel.").
_TAIL_OPENERS = {"in", "on", "at", "during", "to", "after", "before", "last", "this", "next", "earlier",
                 "later", "late", "early", "when", "while", "told", "from", "via", "through"}
MAX_TAIL_CHARS = 100
MAX_OBJECT_WORDS = 8
_TOLD = {"told", "tells", "tell"}
# Participles that carry reported speech after a clause ("X attacked Y, saying he ..."), and those
# that do only before a colon ('X shared videos, writing: "..."'): data/participles.txt.
_PARTICIPLES = "|".join(_section("participles.txt", "after a clause"))
_COLON_PARTICIPLES = "|".join(_section("participles.txt", "before a colon"))
_TRAILING_CACHE: dict[str, re.Pattern] = {}
# A participle of saying right after a word, with no comma between (see _named_participle).
_NAME_SAYING = re.compile(r"(?<=[\w.])\s+(?:" + _PARTICIPLES + r")\s+")


def _named_participle(text: str) -> tuple[str, int] | None:
    """A name right before a participle of saying is its subject, the one who says what follows
    ('a video shows Ann Lee saying that "..."', 'the exchange features Ann Lee arguing that ...'):
    the name and where what is said starts. Not a capitalised word opening the sentence ("Critics
    saying"), nor one after a determiner ("the Democrats arguing")."""
    for m in reversed(list(_NAME_SAYING.finditer(text))):
        tokens = _words(text[:m.start()])
        run = list(itertools.takewhile(_is_name_token, reversed(tokens)))[::-1]
        if not run or len(run) == len(tokens) or _bare(tokens[-len(run) - 1]) in DETERMINERS \
                or _ends_clause(run[-1]):
            continue
        if name := _is_bare_name(" ".join(run)):
            return name, m.end()
    return None


def _is_tail(tail: str, verb: str) -> bool:
    """What follows a closing "X said" is a time, place or addressee phrase, not a clause."""
    words = _words(tail)
    if not words:
        return True
    if len(tail) > MAX_TAIL_CHARS:
        return False
    first = _bare(words[0])
    if re.search(r"\bthat\b", tail):
        return False  # "X said in a statement that ...": what follows is reported
    return (first in _TAIL_OPENERS or first in _lexicon()["time_words"]
            or (_bare(verb) in _TOLD and len(words) <= MAX_OBJECT_WORDS))


def _reported_after(text: str, pos: int, verb: str = "") -> tuple[int, int]:
    """The span of what is reported after a verb at pos, to the end of the text."""
    return _content(text, _reported_start(text, pos, verb), len(text))


def _reported_start(text: str, pos: int, verb: str) -> int:
    """Where what is reported starts after a verb at pos: past a time phrase ("said this week
    that ...") and the addressee of "told" ("told CNN that ..."); "that" is kept."""
    rest = text[pos:]
    time_words = _lexicon()["time_words"]
    skip = 0
    for m in re.finditer(r"\s*(\S+)", rest):
        word = _bare(m.group(1))
        if not (word in time_words or word in _TIME_JOINERS or word.isdigit()) \
                or m.group(1)[-1] in ",;:":
            break
        skip = m.end()
    if _bare(verb) in _TOLD and (that := re.match(r"[^,;]{1,60}?(?=\bthat\b)", rest[skip:])):
        skip += that.end()
    return pos + skip


def _patterns(verb_re: re.Pattern) -> dict[str, re.Pattern]:
    """The sentence patterns of reported speech, built once for the verb list."""
    if verb_re.pattern not in _TRAILING_CACHE:
        verbs = verb_re.pattern
        _TRAILING_CACHE[verb_re.pattern] = {
            "trailing": re.compile(r",\s*([^,]+?)\s+(" + verbs + r")([^,;]*?)"
                                   r"(,\s*(?:" + _PARTICIPLES + r")\b[^;]*)?\W*$"),
            "inverted": re.compile(r",\s*(" + verbs + r")\s+([^,;]+?)(,\s*[^;]*?)?\W*$"),
            "inserted": re.compile(r",\s*([^,]+?)\s+(" + verbs + r")\s*,\s*(?=\S)"),
            # '"...," adding', ', arguing, "..."'
            # ... or after a time conjunction or "by" ("X deflected questions before saying, "..."")
            "participle": re.compile(r"(?:,|(?<=#)\"|\s(?:before|after|while|when|by))\s*(?:" + _PARTICIPLES
                                     + r")(?:\s+|,\s*(?=[\"']|$))"
                                     r"|,\s*(?:" + _COLON_PARTICIPLES + r")\s*[:,]\s*$"),
            "passive": re.compile(r"\b(?:was|were|is|are|has been|had been)\s+(" + verbs
                                  + r")\s+by\s+(.*)"),  # "it was stated by X"
        }
    return _TRAILING_CACHE[verb_re.pattern]


# Senses of verbs of saying that report nothing: a reporter's dateline ("Lerer reported from Los
# Angeles."), a win claimed or posted ("Sanders claimed a victory", "posted an overwhelming victory").
_DATELINE = re.compile(r"\s+from\s+[A-Z][^,;:]*?(?:,\s*[A-Z][\w.]*)?\W*$")
_WON = re.compile(r"\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[a-z-]+\s+)?(?:victory|win|victories|wins"
                  r"|lead|seat|seats|title|prize|majority|nomination)\b")


# A participle before "by" and its agent is a passive, its subject no speaker ("the plan proposed
# by the mayor", "a call echoed by Japan on Saturday"; "responded by saying" is none).
_BY_AGENT = re.compile(r"(?:\s+\w+ly)?\s+by\s+(?!\w+ing\b)")
# An amount after "declined to" is a fall in value ("Fees declined to $281 million").
_AMOUNT = re.compile(r"\s*(?:about\s+|nearly\s+|almost\s+)?[$€£]?\d")
# Words after which a participle is an adjective, no verb ("his proposed ban", "a reported deal").
_ADJECTIVE_AFTER = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})


def _not_speech(text: str, verb: re.Match) -> bool:
    """Whether a verb of saying is used in a sense that reports nothing (see above), or is a
    participle used as an adjective after an article or a possessive, or a passive before "by"."""
    word = _bare(verb.group())
    before = text[max(0, verb.start() - 8):verb.start()].split()
    return (bool(before) and before[-1].lower() in _ADJECTIVE_AFTER) \
        or (word.endswith("ed") and _BY_AGENT.match(text, verb.end()) is not None) \
        or (word.endswith(" to") and _AMOUNT.match(text, verb.end()) is not None) \
        or (word in {"reported", "reports"} and _DATELINE.match(text, verb.end()) is not None) \
        or (word == "think" and re.match(r"[\s-]+tanks?\b", text[verb.end():]) is not None) \
        or (word in {"claimed", "claims", "posted", "declared", "announced"}
            and _WON.match(text, verb.end()) is not None)


_IMPERSONAL = re.compile(r"\b[Ii]t\s+(?:is|was|has been|had been)\s+$")  # "It is noted that": no one


def _passive(text: str, verb: re.Match) -> bool:
    """Whether a verb of saying is a passive ("he was told", "is said to")."""
    before = [w for w in text[:verb.start()].split() if not _is_filler(w) or _bare(w) in _PASSIVE]
    return bool(before) and _bare(before[-1]) in _PASSIVE | {"being"}  # "was first asked"


def _named_subject_before(text: str) -> bool:
    """Whether text is a named subject and its description ("Gov. John Kasich of Ohio, a Republican
    who has refused to endorse Mr. Trump"): then ", said ..." after it is its verb, not "said X"."""
    phrase = _subject(text + " ")
    return phrase is not None and ", " in phrase and _is_name_token(phrase.split()[0])


def _inverted(text: str, m: re.Match) -> str | None:
    """The speaker of '..., said X' or '..., said X, a professor at Y.' at a sentence's end."""
    named = _without_time(m.group(2)).strip()
    phrase = leading_phrase(named)
    appositive = (m.group(3) or "").strip(" ,")
    first = named.split()[0]
    if (_bare(first) in DETERMINERS | {"another"} or first.endswith("'s")) \
            and len(_words(named)) <= MAX_SPEAKER_WORDS \
            and (name := _is_bare_name(appositive.split(",")[0])):
        return f"{name}, {named}"  # "..., said the company's (France's) chief executive, John Ferriola."
    if not phrase or phrase in PRONOUNS | GROUP_PRONOUNS \
            or len(_words(phrase)) != len(_words(named)):
        return None
    if not appositive:
        return phrase
    return f"{phrase}, {appositive}" if _is_appositive(appositive, None) else None


_ACCORDING_TO = re.compile(r"(?i:according to)\s+([^,.;]+)")
# A sentence opening with the writing that reports it ("In an NBC News/Wall Street Journal poll
# released Monday, 50 percent chose Clinton"): the writing (group 1), what follows its comma.
_IN_WRITING = re.compile(r"\W*In\s+((?:an?|the|its|their)\s+[^,;]{1,80}?),\s*(?=\S)")


# A noun of saying after its speaker's possessive, a name, and before "that" ("Ann Lee's claim
# that ...", "Exxon's repeated assertion that ..."): the possessor (group 1), what is said after
# the match.
_CLAIM_NOUNS = ("claim|claims|assertion|argument|insistence|warning|suggestion|contention|allegation"
                "|accusation|prediction|promise|pledge|vow|boast|statement|remark|remarks|comment"
                "|comments|belief|admission|charge|complaint|denial|declaration")
_POSSESSED_CLAIM = re.compile(r"((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)'s?"
                              r"\s+(?:[a-z-]+\s+){0,2}?(?:" + _CLAIM_NOUNS + r")\s+that\s+")
POSSESSED_CLAIM = "X's claim that"


def _possessed_claim(text: str) -> tuple[str, int] | None:
    """The speaker of a noun of saying that its possessive names ("Donald Trump's claim that"; not
    "his claim that": whose is left to the pronoun's reader) and where what is said starts."""
    for m in _POSSESSED_CLAIM.finditer(text):
        if (phrase := trailing_phrase(m.group(1))) and any(_is_name_token(w) for w in _words(phrase)) \
                and len(_words(phrase)) == len(_words(m.group(1))):
            return phrase, m.end()
    return None


def _indirect(text: str, verb_re: re.Pattern) -> tuple | None:
    """Reported speech in a sentence without a quotation, the main-clause attribution first, with
    the span of what is reported."""
    if m := _ACCORDING_TO.search(text):
        span = (_content(text, 0, m.start()) if text[:m.start()].strip(" ,")
                else _content(text, m.end(), len(text)))
        return _source_of(m.group(1)), "according to X", span
    found = _patterns(verb_re)
    trailing = found["trailing"].search(text)
    if trailing and _is_tail(trailing.group(3), trailing.group(2)) and (
            (phrase := _subject(text[:trailing.start(2)])) or _unnamed_source(text[:trailing.start(2)])):
        return phrase or _writing_named(text[:trailing.start(2)]), "..., X said", \
            _content(text, 0, trailing.start())
    inverted = found["inverted"].search(text)
    if inverted and (phrase := _inverted(text, inverted)) \
            and not _named_subject_before(text[:inverted.start()]):
        return phrase, "..., said X", _content(text, 0, inverted.start())
    for m in found["inserted"].finditer(text):  # "The test, North Korea said, was its biggest."
        rest = [w for w in _words(m.group(1)) if not _is_filler(w)]
        if ((phrase := trailing_phrase(m.group(1))) and len(_words(phrase)) == len(rest)) \
                or _unnamed_source(m.group(1)):
            return phrase, "..., X said, ...", _content(text, 0, len(text))
    if m := found["passive"].search(text):
        if phrase := leading_phrase(m.group(2)):
            return phrase, "stated by X", _content(text, 0, m.start())
    # "an architect who said", "he was told that": reported speech of no named speaker, taken
    # when no verb of the sentence has a subject of its own
    relative = None
    for verb in verb_re.finditer(text):
        if _not_speech(text, verb):
            continue
        before = text[:verb.start()]
        clause = _bare(verb.group()) in _SAYING or re.match(r"\s*(?:,\s*)?(?:that\b|:)", text[verb.end():])
        if _passive(text, verb):  # the passive's subject is told or asked, not the speaker
            if clause and relative is None and not _IMPERSONAL.search(before):
                relative = _reported_after(text, verb.end(), verb.group())
            continue
        if (phrase := _subject(before, coordinated=bool(clause))) or _unnamed_source(before):
            if phrase and _relative_subject(before):  # "Ann Lee, who said ...": written "who"
                return phrase, "X said that", _reported_after(text, verb.end(), verb.group()), \
                    f"{phrase}, who"
            return phrase or _writing_named(before), "X said that", \
                _reported_after(text, verb.end(), verb.group())
        if relative is None and clause and _RELATIVE_WHO.search(before):
            relative = _reported_after(text, verb.end(), verb.group())
    lex = _lexicon()
    for m in itertools.chain(lex["naming"].finditer(text),  # "X called the attack a war crime"
                             lex["naming_adjective"].finditer(text)):  # "X called it unacceptable"
        if phrase := _naming_subject(text[:m.start()]):
            span = _content(text, m.start(1) if m.group(1) else m.start(2), len(text))
            if _relative_subject(text[:m.start()]):  # "Ann Lee, who called ...": written "who"
                return phrase, "X called Y Z", span, f"{phrase}, who"
            return phrase, "X called Y Z", span
    if (m := found["participle"].search(text)) and (phrase := clause_subject(text[:m.start()])):
        return phrase, "X did, saying", _reported_after(text, m.end())
    if m := _SHARE_SAYING.search(text):  # "with 30 percent of voters saying they ..."
        group = _valid_phrase(_words(m.group(1))) if m.group(1) else None
        return group, "with a share saying", _content(text, m.end(), len(text))
    for m in lex["evidence"].finditer(text):  # "The latest poll showed Trump leading"
        if _unnamed_source(text[:m.start()]) or _source_head(text[:m.start()]):
            if not text[m.end():].strip(" .!?\"'"):  # "..., new fundraising reports show."
                return None, "a source shows", _content(text, 0, text[:m.start()].rfind(","))
            return _author(text[:m.start()]), "a source shows", _reported_after(text, m.end())
    if relative is not None:
        return None, "X said that", relative
    if claimed := _possessed_claim(text):  # "Ann Lee's claim that ...": hers
        return claimed[0], POSSESSED_CLAIM, _content(text, claimed[1], len(text))
    if (m := _IN_WRITING.match(text)) and any(  # no other attribution: the writing reports it
            _bare(w) in lex["writings"] for w in _words(m.group(1))[:MAX_SOURCE_HEAD + 2]):
        return _author(m.group(1)), "according to X", _content(text, m.end(), len(text))
    return _headline(text)


# A clause joined to the rest of its sentence by a conjunction (data/clause_joiners.txt) or a
# semicolon.
_CLAUSE_JOIN = re.compile(r"(?:,?\s+(?:" + "|".join(_section("clause_joiners.txt", "with or without"))
                          + r")|,\s*(?:" + "|".join(_section("clause_joiners.txt", "after a comma"))
                          + r")|;)\s+")


def _clause_attribution(clause: str, verb_re: re.Pattern) -> tuple[str, re.Match] | None:
    """The subject and verb of a clause that opens with its own subject, nothing else, and a verb
    of the verb list in a sense that reports (not passive, not followed by only a time, place or
    addressee): "the senator insisted it would pass"."""
    verb = verb_re.search(clause)
    if verb is None or _not_speech(clause, verb) or _passive(clause, verb):
        return None
    before = clause[:verb.start()]
    if before.rstrip().endswith(",") or _is_tail(clause[verb.end():], verb.group()):
        return None  # "X and Y, a pollster, said", "X and Y said in a statement.": one subject
    words = [w for w in _words(before) if not _is_filler(w)]
    phrase = _subject(before, coordinated=False)
    if words and _bare(words[0]) in DETERMINERS and _bare(_words(phrase or "x")[0]) not in DETERMINERS:
        words = words[1:]  # "its director said": the director
    return (phrase, verb) if words and phrase and len(_words(phrase)) == len(words) else None


# "and" or "but" joining a second verb of the same subject, with no subject of its own ('X called
# the plan "crazy" and said it would fail'): the verb, after an auxiliary or adverb or none.
_SHARED_SUBJECT_JOIN = re.compile(r",?\s+(?:and|but)\s+$")


def _shared_subject(clause: str, verb_re: re.Pattern) -> re.Match | None:
    """The verb of saying opening a clause that has no subject of its own ("said it would fail",
    "also warned that ..."), in a sense that reports (see _clause_attribution)."""
    verb = verb_re.search(clause)
    if verb is None or any(not _is_filler(w) for w in _words(clause[:verb.start()])) \
            or _not_speech(clause, verb) or _is_tail(clause[verb.end():], verb.group()):
        return None
    return verb


def _joined_clauses(text: str, verb_re: re.Pattern, start: int) -> list[tuple[int, str, tuple[int, int]]]:
    """Attributions of the joined clauses after position `start` of a sentence that already has one
    ("X said A, but the senator insisted B"; '"...," X said, and Y argued that B'), each clause
    one of _clause_attribution; or a verb of saying after "and"/"but" with no subject of its own,
    whose subject is the sentence's ('X called it "crazy" and said it would fail'). Each is (where
    its join starts, the subject, the span of what it reports, which ends where the next such
    clause joins). Each clause is read once."""
    joins = list(_CLAUSE_JOIN.finditer(text, start))
    found = []
    for m, after in itertools.zip_longest(joins, joins[1:]):
        clause = text[m.end():after.start() if after else len(text)]
        if _SHARED_SUBJECT_JOIN.fullmatch(m.group()) and (verb := _shared_subject(clause, verb_re)) \
                and (phrase := clause_subject(text[:m.start()])):
            found.append((m.start(), phrase, _reported_after(text, m.end() + verb.end(), verb.group())))
            continue
        if said := _clause_attribution(clause, verb_re):
            phrase, verb = said
            found.append((m.start(), phrase, _reported_after(text, m.end() + verb.end(), verb.group())))
    return [(join, phrase, (c_start, min(c_end, nxt[0]) if nxt else c_end))
            for (join, phrase, (c_start, c_end)), nxt in itertools.zip_longest(found, found[1:])]


# Speech verbs as headlines write them ("Rubio Says Abandoning Reform Was A Sign Of Leadership").
_HEADLINE_VERB = re.compile(r"(?<![\w-])(?:Says|Said|Say|Tells|Told|Warns|Claims|Admits|Urges|Insists)"
                            r"(?![\w-])")


def _headline(text: str) -> tuple[str | None, str, tuple[int, int]] | None:
    """Reported speech in a Title Case headline: "X Says Y" or "Y, X Says"."""
    words = re.findall(r"[^\W\d_][\w'-]*", text)
    if not _title_case(words) or not (m := _HEADLINE_VERB.search(text)):
        return None
    if not text[m.end():].strip(" .!?"):  # "..., Trevor Noah Says."
        before = text[:m.start()]
        if "," in before and (phrase := trailing_phrase(before.rsplit(",", 1)[1])):
            return phrase, "headline: X says", _content(text, 0, before.rfind(","))
        return None
    phrase = trailing_phrase(text[:m.start()])
    if phrase is None or len(_words(phrase)) != len(_words(text[:m.start()])):
        return None
    return phrase, "headline: X says", _content(text, m.end(), len(text))


_SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or",
                "from", "as", "into", "over", "vs"}


def _title_case(words: list[str]) -> bool:
    """Every word capitalised but the small words inside ("The State of the Union")."""
    return bool(words) and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _is_name_like(quote: str) -> bool:
    """A short or Title Case quotation: a name or a scare quote, not someone's words."""
    words = re.findall(r"[^\W\d_][\w'-]*", quote)
    return len(words) < MIN_UNATTRIBUTED_WORDS or _title_case(words)


_NAMED_AFTER = {"on", "in", "of", "at", "titled", "entitled", "book", "show", "program",
                "programme", "film", "series", "newspaper"}
MAX_TITLE_WORDS = 8


def _is_title(text: str, start: int, end: int) -> bool:
    """A quoted title: Title Case words with no punctuation at their end ("The Uninhabitable
    Earth"), or after a preposition or a possessive (on CBS's "Face the Nation,")."""
    inner = text[start:end].strip("\"' ")
    words = re.findall(r"[^\W\d_][\w'-]*", inner)
    if len(words) < 2 or len(words) > MAX_TITLE_WORDS or not _title_case(words):
        return False
    before = text[max(0, start - 30):start].split()
    named = bool(before) and (_bare(before[-1]) in _NAMED_AFTER or before[-1].endswith("'s"))
    return named or not inner.endswith((",", ".", "!", "?", ":"))


_NO_OPENING = set(")],;")  # no sentence opens with these ("Sen. Ann Lee (D-Ill." | "), noting")


# A surname alone before a colon opening a quotation's sentence, as transcripts and debate
# summaries write a speaker ('Clinton: "..." Bush: "..."'); a full name of the text ends with it.
_SURNAME_COLON = re.compile(r"\W*([A-Z][a-z'-]+):\s*")
# A sentence opening with a name and a colon, as headlines and transcripts give what someone says
# ("Pence: Flowers Won't Be at Debate", "Rush Limbaugh: Hillary ..."): the name (group 1).
_NAME_COLON = re.compile(r"\W*((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][a-z'-]+):\s+(?=\S)")
LABEL = "X: claim"


def _labelled(text: str, surnames: set[str], first: bool) -> tuple[str, str, tuple[int, int]] | None:
    """What a headline 'X: ...' reports, X's words: the document's `first` sentence or one in Title
    Case, X ending in a name the document uses alone for a person (lone_surnames: "Pence said"; not
    "Update:" or "New Hampshire:"); not a list's item ("Sanders: Win in a walk.")."""
    if (m := _NAME_COLON.match(text)) and m.group(1).split()[-1] in surnames and (
            first or _title_case(re.findall(r"[^\W\d_][\w'-]*", text[m.end():]))):
        return m.group(1), LABEL, _content(text, m.end(), len(text))
    return None
# A surname in capitals and a colon opening a quotation: the speaker of a turn of a transcript
# quoted whole ('"PENCE: Well, look, ..."'); a turn continues no earlier quote.
_TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z'-]+):\s")
TRANSCRIPT_TURN = "quote: X: words"
HEADLINE_QUOTE = "headline: X does 'quote'"
JOINED_CLAUSE = "..., and Y said that"
ADDED_CLAUSE = "X said A, adding that B"
# A participle of saying after a comma ("..., he said, adding that ...", "X said A, noting B"):
# what follows is more of what the sentence's speaker says.
_ADDED = re.compile(r",\s*(?:(?:also|then|later|before)\s+)?(?:" + _PARTICIPLES + r")\s+(?=[^\s\"'])")


def _added_clause(sentence: str, start: int) -> tuple[int, tuple[int, int]] | None:
    """Where a participle of saying joins the sentence after position `start`, and the span of what
    it reports, up to the next joined clause; none when a quotation follows it (that is a quote of
    its own) or when nothing but an addressee follows ("..., telling reporters.")."""
    m = _ADDED.search(sentence, start)
    if m is None or '"' in sentence[m.end():]:
        return None
    end = nxt.start() if (nxt := _CLAUSE_JOIN.search(sentence, m.end())) else len(sentence)
    c_start, c_end = _content(sentence, _reported_start(sentence, m.end(), m.group()), end)
    if len(_words(sentence[c_start:c_end])) < MIN_UNATTRIBUTED_WORDS:
        return None
    return m.start(), (c_start, c_end)  # the comma: what comes before it ends there
# A full name and a verb in the present tense opening a headline ("Ann Lee Calls for", "Serial
# Liar Ann Lee Makes"): the name is the run's last two words.
_HEADLINE_SUBJECT = re.compile(r"(?<![\w'-])((?:[A-Z][\w'-]+ )*[A-Z][\w'-]+ [A-Z][\w'-]+)"
                               r" [A-Z][a-z]+[^s']s(?![\w'-])")  # "Calls", not "Ross" or "Lee's"
MIN_HEADLINE_QUOTE_WORDS = 3


def _headline_subject(text: str, masked: str, start: int, end: int, names: set[str]) -> str | None:
    """The person whose words a quotation in a Title Case headline is: the full name (one the
    article also writes outside that headline) before the headline's verb ('Ann Lee Calls for "Drastic
    Emissions Cuts"'), the quotation after it and of three words or more."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end == -1 else line_end]
    words = re.findall(r"[^\W\d_][\w'-]*", text[start:end])
    if len(words) < MIN_HEADLINE_QUOTE_WORDS or not _title_case(re.findall(r"[^\W\d_][\w'-]*", line)):
        return None
    m = _HEADLINE_SUBJECT.search(masked, line_start, start)
    name = " ".join(m.group(1).split()[-2:]) if m else ""
    if not name or not all(_PLAIN_NAME_WORD.fullmatch(w) for w in name.split()):
        return None
    return name if name in names or text.count(name) > line.count(name) else None


def _joined(text: str, masked: str, bounds: list[tuple], verb_re: re.Pattern) -> list[tuple]:
    """Sentences with a wrong split undone: a sentence that opens in lower case ("Sen. Bernie
    Sanders (I-Vt.)" | "said he ...") or with a closing bracket or a comma, or an attribution
    after a quote that ends in "?" or "!" ('"Should I stay?"' | 'Gates said in the interview.'),
    joins the sentence before it."""
    joined: list[tuple] = []
    for start, end, sid, paragraph in bounds:
        piece = masked[start:end].lstrip()
        if joined and joined[-1][3] == paragraph and (
                piece[:1].islower() or piece[:1] in _NO_OPENING
                or (re.search(r"[?!][\"']\s*$", text[joined[-1][0]:start])
                    and _after_quote(piece, verb_re))):
            joined[-1] = (joined[-1][0], end, joined[-1][2], paragraph)
        else:
            joined.append((start, end, sid, paragraph))
    return joined


def attribute_document(text: str, sentences, spans) -> list[dict]:
    """Direct and indirect attributions of one document, in text order (`sentences` and `spans` its
    rows, DataFrames or dicts of column lists)."""
    lex = _lexicon()
    verb_re = lex["verb"]
    masked = list(text)
    for start, end in zip(spans["start"], spans["end"], strict=True):
        masked[start + 1:end - 1] = "#" * max(0, end - start - 2)
    masked = "".join(masked)
    bounds = _joined(text, masked, list(zip(sentences["start"], sentences["end"], sentences["sentence_id"],
                                      sentences["paragraph_index"], strict=True)), lex["after_quote_verb"])
    # Sentences follow each other in the text, so bisection finds the one holding a position.
    s_starts, s_ends = [b[0] for b in bounds], [b[1] for b in bounds]
    q_starts = list(spans["start"])
    paragraph_start: dict = {}  # where each paragraph's first sentence starts
    for b in bounds:
        paragraph_start.setdefault(b[3], b[0])
    open_ended = list(spans["open_ended"]) if "open_ended" in spans else [False] * len(q_starts)

    def sentence_of(pos: int):
        i = bisect.bisect_right(s_starts, pos) - 1
        return bounds[i] if i >= 0 and pos < s_ends[i] else bounds[-1]

    names = full_names(text)
    last_words = {n.split()[-1] for n in names}  # surnames of the full names, looked up in O(1)
    quotes = []
    for start, end, is_open in zip(spans["start"], spans["end"], open_ended, strict=True):
        s_start, _, sid, paragraph = sentence_of(start)
        _, e_end, _, _ = sentence_of(max(start, end - 1))
        following = bisect.bisect_left(q_starts, end)
        stop = min(e_end, q_starts[following]) if following < len(q_starts) else e_end
        found = _after_quote(masked[end:stop], lex["after_quote_verb"])
        if not found or found[0] is None or found[0] == _writing_named(found[0]):
            # 'X said Y "...," the report said': X's words
            before = _before_quote(masked[s_start:start], verb_re)
            found = before if before and (before[0] or not found) else found
        if not (found and found[1]) and (m := _ACCORDING_AT_END.search(masked, end, stop)):
            found = _source_of(m.group(1)), "according to X"  # '"..." is in it, according to X.'
        if not (found and found[1]) and (signer := _signed(text, end)):
            found = signer, "quote - X"  # '"..." - Bernie Sanders.'
        if not (found and found[1]) and not text[s_start:start].strip() \
                and (previous := bisect.bisect_left(s_starts, s_start) - 1) >= 0 \
                and not verb_re.search(masked, s_starts[previous], s_ends[previous]):
            before = masked[s_starts[previous]:s_ends[previous]]
            if phrase := _colon_subject(before):
                found = phrase, "X did: quote"  # 'Trump issued the following statement:' then "..."
            elif bounds[previous][3] == paragraph and not text[end:e_end].strip(" .!?") \
                    and bisect.bisect_left(q_starts, paragraph_start[paragraph]) == following - 1 \
                    and (phrase := _acting_subject(before)):
                found = phrase, "X did. Quote"  # 'Rita, a teacher, came with her family. "..."'
        found = found or (None, None)
        c_start = _content(text, s_start + found[2], start)[0] if len(found) == 3 else start
        if len(found) == 2 and found[1] and text[s_start:start].strip() \
                and bisect.bisect_left(q_starts, s_start) == bisect.bisect_left(q_starts, start):
            c_start = s_start  # 'The answers are "not meeting the demand," says X': all reported
        if not found[1] and (surname := _SURNAME_COLON.fullmatch(masked, s_start, start)) \
                and surname.group(1) in last_words:
            found = surname.group(1), "X: quote"  # 'Clinton: "..." Bush: "..."', as a transcript
        label = _TRANSCRIPT_LABEL.match(text, start + 1, end)  # a turn of a transcript: its own speaker
        if not found[1] and label and label.group(1).title() in last_words:
            found = label.group(1).title(), TRANSCRIPT_TURN  # '"CLINTON: I feel ..."'
        if not found[1] and (subject := _headline_subject(text, masked, start, end, names)):
            found = subject, HEADLINE_QUOTE  # 'Ann Lee Calls for "Drastic Emissions Cuts"'
        if found[1] and found[1] != HEADLINE_QUOTE and _is_title(text, start, end):
            found, c_start = (None, "name or scare quote"), start
        # a pronoun before the quote means someone named before it, not after it in the sentence
        # ('she condemned Justin Trudeau, saying that "..."')
        pronoun = (re.search(rf"\b{found[0]}\b", masked[s_start:start], re.I)
                   if len(found) == 3 and found[0] in PRONOUNS else None)
        written = None  # 'Ann Lee, who said "..."': the subject written "who"
        if len(found) == 3 and found[1] in ("X said ... quote", "X called Y quote") and found[0] \
                and _relative_subject(re.sub(r"\S+\s*$", "", masked[s_start:s_start + found[2]])):
            written = f"{found[0]}, who"
        quotes.append({"q_start": start, "q_end": end, "sentence_id": sid, "s_start": s_start,
                       "written": written,
                       "alone": not text[s_start:start].strip() and not text[end:e_end].strip(" .!?"),
                       "paragraph": paragraph, "p_start": s_start + pronoun.start() if pronoun else start,
                       "phrase": found[0], "pattern": found[1], "open_ended": bool(is_open),
                       "opens_paragraph": not text[text.rfind("\n", 0, start) + 1:start].strip(),
                       "turn": label is not None,
                       "c_start": c_start, "c_end": end,
                       "quote": text[start:end].strip("\"' ").rstrip(",")})
    said = [q for q in quotes  # a name or a scare quote leaves its sentence to reported speech
            if q["pattern"] != "name or scare quote"
            and (q["pattern"] or q["open_ended"] or not _is_name_like(q["quote"]))]
    quoted_sentences = {q["sentence_id"] for q in said}
    for q in said:  # every sentence a quotation overlaps
        first = bisect.bisect_right(s_ends, q["q_start"])
        last = bisect.bisect_left(s_starts, q["q_end"])
        quoted_sentences.update(b[2] for b in bounds[first:last])
    indirect = []
    alone = lone_surnames(text)
    q_ends = list(spans["end"])
    leading: dict = {}  # where the content of each quoted sentence's first quotation starts
    for q in said:
        leading.setdefault(q["sentence_id"], q["c_start"])
    for s_start, s_end, sid, paragraph in bounds:
        sentence = masked[s_start:s_end]
        if sid in quoted_sentences:  # a joined clause after the sentence's last quotation
            last = bisect.bisect_left(q_starts, s_end) - 1
            after = q_ends[last] - s_start if last >= 0 else 0
            first = None
            # and a clause of its own before the clause of its first quotation ('X said A, but Y
            # said: "..."')
            lead = max(0, leading.get(sid, s_start) - s_start)
            if (joins := list(_CLAUSE_JOIN.finditer(sentence, 0, lead))) \
                    and (own := _clause_attribution(opening := sentence[:joins[-1].start()], verb_re)):
                c_start, c_end = _reported_after(opening, own[1].end(), own[1].group())
                indirect.append({"q_start": s_start, "q_end": s_start + len(opening),
                                 "sentence_id": sid, "paragraph": paragraph, "phrase": own[0],
                                 "pattern": "X said that", "open_ended": False,
                                 "c_start": s_start + c_start, "c_end": s_start + c_end,
                                 "quote": text[s_start:s_start + len(opening)]})
        elif found := (_labelled(sentence, alone | last_words if s_start == bounds[0][0] else alone,
                                 s_start == bounds[0][0])
                       or _indirect(sentence, verb_re)):
            after = found[2][0]
            first = {"q_start": s_start, "q_end": s_end,
                     "sentence_id": sid, "paragraph": paragraph, "phrase": found[0],
                     "pattern": found[1], "open_ended": False,
                     "c_start": s_start + found[2][0], "c_end": s_start + found[2][1],
                     "quote": text[s_start:s_end], "written": found[3] if len(found) > 3 else None}
            indirect.append(first)
        else:
            continue
        if not 0 <= after < len(sentence):
            continue
        # '"...," he said, adding that B' / 'X said A, noting that B': B is the same speaker's
        speaker = (quotes[last]["phrase"] if sid in quoted_sentences and last >= 0 and quotes[last]["pattern"]
                   else first["phrase"] if first is not None and first["pattern"] == "X said that" else None)
        if speaker and (added := _added_clause(sentence, after)):
            p_start, (c_start, c_end) = added
            if first is not None:
                first["c_end"] = min(first["c_end"], s_start + _content(sentence, 0, p_start)[1])
            p_start += len(sentence[p_start:]) - len(sentence[p_start:].lstrip(" ,"))  # its participle
            indirect.append({"q_start": s_start + p_start, "q_end": s_end,
                             "sentence_id": sid, "paragraph": paragraph, "phrase": speaker,
                             "pattern": ADDED_CLAUSE, "open_ended": False,
                             "c_start": s_start + c_start, "c_end": s_start + c_end,
                             "quote": text[s_start + p_start:s_end]})
        for join, phrase, (c_start, c_end) in _joined_clauses(sentence, verb_re, after):
            if first is not None:
                first["c_end"] = min(first["c_end"], s_start + _content(sentence, 0, join)[1])
            clause = s_start + _CLAUSE_JOIN.match(sentence, join).end()
            indirect.append({"q_start": clause, "q_end": s_end,
                             "sentence_id": sid, "paragraph": paragraph, "phrase": phrase,
                             "pattern": JOINED_CLAUSE, "open_ended": False,
                             "c_start": s_start + c_start, "c_end": s_start + c_end,
                             "quote": text[clause:s_end]})
            first = None
    return _resolve(quotes, indirect, introduced_people(text, names), names,
                    named_organisations(text), acronyms(text), alone, text)


SAME_PARAGRAPH = "quote in the same paragraph"
CONTINUED = "quote continued across paragraphs"
NEXT_PARAGRAPH = "quote after an attribution in the previous paragraph"
PREVIOUS_SENTENCE = "quoted sentence after reported speech"


MAX_INTRODUCING_CHARS = 40


def _introduces(row: dict) -> bool:
    """A row that can introduce the quote of the next paragraph: a quote, or reported speech that
    ends in a colon or reports next to nothing ("X said this while talking to Y.")."""
    return row["kind"] == "direct" or row["quote"].rstrip().endswith(":") \
        or row["c_end"] - row["c_start"] <= MAX_INTRODUCING_CHARS


def _introduces_named(row: dict, quote: dict) -> bool:
    """Reported speech of a named speaker, then a paragraph that is a quote alone not naming that
    speaker ('X said there was no time to waste.' then '"Given the decades of ..."')."""
    words = row["speaker"].split()
    return row["kind"] == "indirect" and quote["alone"] and len(words) > 1 \
        and all(_is_name_token(w) for w in words) and words[-1] not in quote["quote"]


def _continuations(direct: list[dict]) -> list[tuple[dict, dict]]:
    """(open quote, its continuation): a quote left open at the end of its paragraph and the first
    quote of the next paragraph (the news convention for a quote running over paragraphs), unless
    that opens a new turn of a transcript ('"WALLACE: ...')."""
    return [(a, b) for a, b in itertools.pairwise(direct)
            if a["open_ended"] and b["paragraph"] != a["paragraph"]
            and b["q_start"] - a["q_end"] <= 3 and not b.get("turn")]


def _resolve(quotes: list[dict], indirect: list[dict], people: list[tuple[int, str]] | None = None,
             names: set[str] | None = None,
             organisations: list[tuple[int, str]] | None = None,
             acronyms: dict[str, str] | None = None, surnames: set[str] | None = None,
             text: str = "") -> list[dict]:
    """Speakers in text order; an unattributed quote takes the speaker of the quote it continues
    (or that continues it) or of an attributed quote of its paragraph; statements numbered.
    `text` is the document's, where a person's gender may be written."""
    resolver = _Resolver(people, names, organisations, acronyms, surnames, text)
    rows = sorted([{**q, "kind": "direct"} for q in quotes]
                  + [{**q, "kind": "indirect"} for q in indirect], key=lambda r: r["q_start"])
    for row in rows:
        resolver.reach(row.get("p_start", max(row["q_start"], row["c_start"])))  # "X said that": X first
        row["speaker"] = resolver.resolve(row["phrase"]) if row["pattern"] else UNKNOWN
        row["as_written"] = row.get("written") or row["phrase"] or ""  # "X, who": a relative's subject
    direct = [r for r in rows if r["kind"] == "direct" and r["pattern"] != "name or scare quote"]
    for row in direct:  # a turn of a transcript labelled with no one named: no one else's words
        if row.get("turn") and not row["pattern"]:
            row["pattern"] = "unattributed"
    links = _continuations(direct)
    continued = {id(b) for _, b in links} | {id(a) for a, _ in links}
    by_paragraph: dict[object, list[dict]] = {}  # only a quote's own paragraph is looked at
    for r in direct:
        by_paragraph.setdefault(r["paragraph"], []).append(r)
    for paragraph in by_paragraph.values():
        for i, row in enumerate(paragraph):
            if row["pattern"]:
                continue
            neighbours = paragraph[:i][::-1] + paragraph[i + 1:]
            same = [r for r in neighbours
                    if r["pattern"] not in (None, SAME_PARAGRAPH, CONTINUED, NEXT_PARAGRAPH)
                    and r["speaker"] != UNKNOWN]
            if id(row) not in continued and _is_name_like(row["quote"]):
                row["pattern"] = "name or scare quote"
            elif same:
                row.update(speaker=same[0]["speaker"], pattern=SAME_PARAGRAPH)
    for a, b in links + [(b, a) for a, b in reversed(links)]:
        if a["pattern"] and not b["pattern"]:
            b.update(speaker=a["speaker"], pattern=CONTINUED)
    _headline_echoes(direct)
    kept = [r for r in rows if r["pattern"] != "name or scare quote"]
    for before, row in itertools.pairwise(kept):  # 'X said:' then a paragraph that is a quote
        if not row["pattern"] and row.get("opens_paragraph") and before["speaker"] != UNKNOWN \
                and before["paragraph"] == row["paragraph"] - 1 \
                and (_introduces(before) or _introduces_named(before, row)):
            row.update(speaker=before["speaker"], pattern=NEXT_PARAGRAPH)
        elif not row["pattern"] and row["kind"] == "direct" and row["alone"] \
                and before["kind"] == "indirect" and before["speaker"] != UNKNOWN \
                and before["paragraph"] == row["paragraph"] and row["s_start"] - before["q_end"] <= 3:
            row.update(speaker=before["speaker"], pattern=PREVIOUS_SENTENCE)  # 'X said Y. "..."'
    _between_the_same_speaker(kept)
    for row in direct:
        row["pattern"] = row["pattern"] or "unattributed"
    rows = [r for r in rows if r["pattern"] != "name or scare quote"
            and not (r["kind"] == "indirect" and r["c_end"] <= r["c_start"])]  # "He said:" alone
    _number_statements(rows, {(id(a), id(b)) for a, b in links})
    return rows


HEADLINE_ECHO = "headline quote echoing a quote of X"
MIN_ECHO_WORDS = 3


def _echo_words(quote: str) -> frozenset[str]:
    """The content words of a quotation, lower case (no stop words, no one-letter pieces: "there's"
    and "there is" give the same)."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", quote.lower())
                     if len(w) > 1 and w not in ENGLISH_STOP_WORDS)


def _headline_echoes(direct: list[dict]) -> None:
    """A quotation of the headline (the document's first paragraph) attributed to no one, or taken
    for a name or a scare quote for its Title Case, whose content words (MIN_ECHO_WORDS or more)
    all stand in one attributed quotation of the body, of one speaker only: that speaker's (a
    headline quotes an excerpt of the article's quotes: 'Carney: Bidenomics Is 'Built on a Lie''
    then '"It's built on a lie," he said'). Each body word is indexed once: linear in the text."""
    if not direct:
        return
    first = min(r["paragraph"] for r in direct)
    heads = [r for r in direct if r["paragraph"] == first
             and r["pattern"] in (None, "name or scare quote")]
    if not heads:
        return
    quotes_with: dict[str, list[tuple[frozenset[str], str]]] = {}  # word -> (a quote's words, speaker)
    for r in direct:
        if r["paragraph"] != first and r["pattern"] and r["pattern"] != "name or scare quote" \
                and r["speaker"] != UNKNOWN:
            words = _echo_words(r["quote"])
            for w in words:
                quotes_with.setdefault(w, []).append((words, r["speaker"]))
    for row in heads:
        words = _echo_words(row["quote"])
        if len(words) < MIN_ECHO_WORDS:
            continue
        rarest = min(words, key=lambda w: len(quotes_with.get(w, ())))
        speakers = {sp for quote, sp in quotes_with.get(rarest, ()) if words <= quote}
        if len(speakers) == 1:
            row.update(speaker=speakers.pop(), pattern=HEADLINE_ECHO)


BETWEEN_SAME_SPEAKER = "quote between attributions to one speaker"
MAX_PARAGRAPHS_BACK = 3


def _between_the_same_speaker(kept: list[dict]) -> None:
    """A paragraph that is a quote alone, attributed to no one, between attributions to one speaker:
    the last before it at most MAX_PARAGRAPHS_BACK paragraphs back, the first after it in the next
    paragraph, and none in between ('Steiner highlighted X.' then a paragraph of background, then
    '"..."', then 'He noted that ...'): the quote is that speaker's, as the article goes on
    quoting the one person it interviews."""
    for before, row, after in zip(kept, kept[1:], kept[2:], strict=False):
        if not row["pattern"] and row["kind"] == "direct" and row["alone"] and row.get("opens_paragraph") \
                and before["speaker"] == after["speaker"] != UNKNOWN \
                and before["pattern"] and after["pattern"] \
                and 0 < row["paragraph"] - before["paragraph"] <= MAX_PARAGRAPHS_BACK \
                and after["paragraph"] == row["paragraph"] + 1:
            row.update(speaker=before["speaker"], pattern=BETWEEN_SAME_SPEAKER)


def _number_statements(rows: list[dict], links: set[tuple[int, int]]) -> None:
    """Statement numbers: a quote joins the statement of the quote before it when it continues
    it across paragraphs, or is of the same known speaker and either in the same sentence
    ('"We are ready," he said, "to defend."') or attributed only through it; one per other row."""
    number, previous = 0, None
    for row in rows:
        same = previous is not None and row["kind"] == previous["kind"] == "direct" and (
            (id(previous), id(row)) in links
            or (row["speaker"] == previous["speaker"] != UNKNOWN
                and (row["sentence_id"] == previous["sentence_id"]
                     or (row["pattern"] == SAME_PARAGRAPH
                         and row["paragraph"] == previous["paragraph"]))))
        number += not same
        row["statement"] = number
        previous = row


def _speaker_types(quotes: pd.DataFrame) -> pd.Series:
    """A type for each speaker: from data/speakers.csv, else from role words written with it in the
    same document (a title in one article never types a namesake in another)."""
    lex = _lexicon()

    def from_roles(text: str) -> str:
        lowered = folded_lower(text)  # a keyword not in it cannot match: no search
        return next((t for key, pattern, t in lex["roles"] if key in lowered and pattern.search(text)),
                    UNKNOWN)

    phrases = quotes["speaker"] + " " + quotes["as_written"]
    by_phrase = phrases.map({p: from_roles(p) for p in phrases.dropna().unique()})  # each text once
    typed = pd.Series(by_phrase.to_numpy(), index=quotes.index).where(lambda s: s != UNKNOWN)
    first_known = typed.groupby([quotes["doc_id"], quotes["speaker"]]).transform("first")
    from_actor = quotes["speaker"].map(lex["actor_type"])
    return from_actor.fillna(first_known).fillna(UNKNOWN).where(quotes["speaker"] != UNKNOWN, UNKNOWN)


def fold_surnames(speakers: pd.Series, doc_ids: pd.Series) -> pd.Series:
    """A one-word name becomes the one full name ending with it in the same document (never a
    name from another document: two articles' "Kennedy" need not be one person)."""
    full = pd.DataFrame({"doc_id": doc_ids, "speaker": speakers})
    multi = full[full["speaker"].str.contains(" ") & full["speaker"].str[:1].str.isupper()].copy()
    multi["last"] = multi["speaker"].str.split().str[-1]
    in_doc = (multi.drop_duplicates(["doc_id", "speaker"]).drop_duplicates(["doc_id", "last"], keep=False)
              .set_index(["doc_id", "last"]))
    keys = pd.MultiIndex.from_arrays([doc_ids, speakers])
    folded = pd.Series(in_doc["speaker"].reindex(keys).to_numpy(), index=speakers.index)
    single = ~speakers.str.contains(" ") & speakers.str[:1].str.isupper()
    return speakers.where(~single | folded.isna(), folded)


COLUMNS = ["doc_id", "sentence_id", "speaker", "speaker_type", "kind", "quote", "as_written",
           "pattern", "start", "end", "n_words", "statement_id", "content_start", "content_end"]


def attribute_quotes(documents: pd.DataFrame, sentences: pd.DataFrame,
                     spans: pd.DataFrame) -> pd.DataFrame:
    """One row a direct quote or indirect attribution, with its speaker and speaker type, the
    statement it belongs to and the span of what it reports."""
    by_doc_sentences = columns_by_document(sentences, ["start", "end", "sentence_id", "paragraph_index"])
    span_columns = ["start", "end", *(["open_ended"] if "open_ended" in spans else [])]
    by_doc_spans = columns_by_document(spans, span_columns)
    empty = {c: [] for c in span_columns}
    rows = [
        {"doc_id": doc_id, **row}
        for doc_id, text in documents[["doc_id", "text"]].itertuples(index=False)
        if doc_id in by_doc_sentences
        for row in attribute_document(text, by_doc_sentences[doc_id],
                                      by_doc_spans.get(doc_id, empty))
    ]
    quotes = pd.DataFrame(rows, columns=[*COLUMNS, "q_start", "q_end", "c_start", "c_end",
                                         "statement"])
    quotes["start"], quotes["end"] = quotes["q_start"], quotes["q_end"]
    quotes["content_start"], quotes["content_end"] = quotes["c_start"], quotes["c_end"]
    quotes["statement_id"] = quotes["doc_id"] + "-t" + quotes["statement"].astype(str).str.zfill(3)
    quotes = quotes.drop(columns=["q_start", "q_end", "c_start", "c_end", "statement"]).astype(
        {c: "string" for c in ["doc_id", "sentence_id", "speaker", "kind", "quote", "as_written",
                               "pattern", "statement_id"]})
    quotes["speaker"] = fold_surnames(quotes["speaker"], quotes["doc_id"])
    quotes["speaker_type"] = _speaker_types(quotes).astype("string")
    quotes["n_words"] = count_words(quotes["quote"])
    return quotes[COLUMNS].reset_index(drop=True)


@per_corpus
def compute_quotes(corpus: Corpus) -> pd.DataFrame:
    """Every direct quote and indirect attribution of the corpus (the quotes.csv table; cached per corpus)."""
    sentences = corpus.sentences
    sizes = corpus.documents["doc_id"].map(sentences["doc_id"].value_counts()).fillna(0).to_numpy()
    return map_with(attribute_quotes, corpus.documents,
                    (sentences, quote_spans(corpus)), sizes=sizes)
