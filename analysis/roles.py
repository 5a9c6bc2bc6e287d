"""Who does what to whom: role cues per actor mention, and a villain / victim / hero call per
(article, actor) where the cues are clear (notebook 04).

A mention takes part in cue families (data/roles.toml): agent or patient of a harm verb, active
or passive ("X shelled Y", "Y was shelled by X", "the shelling of Y by X"), a victim noun, a
negative or positive label, agent of help, target of blame, misconduct ("ignored the warnings",
"refused to comply", "took advantage of", "was caught lying"), praise ("was praised for") and
advocacy ("called for action", "fought for", "warned of the risks", half weight); multi-word verbs
and labels ("prophet of doom X"), "X's preposterous plan", coordinated predicates ("X entered the
town and killed civilians"), verbs that pass their subject on ("X worked to undermine"),
weapons ("fired missiles at X"; "shot down the drones" is defence), lists ("the polluters include
X, Y and Z") and coordinated names ("shelled Kharkiv, Sumy and Chernihiv") are read too, and so
is the speaker of an accusation ("X said that Y has been lying", "the X leader said": advocacy,
half weight). Opinion writing's own marks are read as well: scare quotes or "so-called" around
an actor's term ("X's 'climate agenda'", "pushed the so-called deal", "what X calls 'Y'": a
negative label), concealment ("what X won't tell you"), spin ("explain away"), indifference
("not that X cares"), a word belied ("despite X's reassurances"): misconduct; and gratitude
("grateful that there are farmers like X"): praise. Adverbs of condemnation ("X falsely
said") and failing a duty ("X failed to meet") are misconduct, a verb of doubted saying ("X
claimed that") a half-weight villain cue (doubted_claim), and a member of a list after an
object ("condemned groups, including X") takes the object's cue. Each cue
records negation ("did not attack"), modality ("could invade", "threatened to") and the voice of
its words (narrator, quoted, reported: analysis.voice). "he", "she", "him", "his" and "her" count
as mentions of the one person of their gender (where the article writes it) named just before
them, "its" as one of the one singular group named just before it and "they", "them" and
"their" as one of the one plural group ("Republicans": analysis.actors.written_number), "the
government" as one of the one actor the article writes with it, a name's initials
("MPSC") as one of the name (analysis.actors), and an acronym the article spells out ("the World
Economic Forum (WEF)") as one of the name it stands for. The backers of an actor whose own cues
call it a villain ("X's funders include A and B", "X, funded by A,") take a half-weight villain
cue (backer_of_villain), and its head named with a title ("X CEO A") a half-weight cue of its
villain or hero call (head_of_villain, head_of_hero): the one pass over an article's sentences
that reads two actors. Word lists and regular expressions only, one pass over the tokens of
each sentence with a mention, so the work is linear in the length of a document.
A call is made only when the cues point one way; otherwise the pair abstains ("none", with why).
"""

import itertools
import re
import tomllib
import warnings
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actors import (
    described_actors,
    is_person_name,
    pronoun_mentions,
    title_words,
    titled_people,
)
from analysis.config import PACKAGE_DATA, shared_corpora, word_list
from analysis.corpus import Corpus, per_corpus
from analysis.errors import CorpusWarning
from analysis.parallel import map_with
from analysis.rows import by_document, columns_by_document
from analysis.segment import literal_alternation, whole_words
from analysis.stats import auc, clopper_pearson

ROLES_FILE = PACKAGE_DATA / "roles.toml"
METONYMS_FILE = PACKAGE_DATA / "metonyms.toml"
ROLES = ("villain", "victim", "hero")
NONE = "none"
MODAL_WEIGHT = 0.5  # a possible, planned or threatened act counts half
CONFLICT_RATIO = 2.0  # the leading role needs this many times the weight of the next one
APPOSITION_REACH = 12  # words of an apposition between an actor and its verb
MAX_GAP = 3  # words (nouns, adjectives, names) between an actor and its verb or object
# words between an actor and the noun it modifies or owns ("Russian heavy long-range artillery
# bombardment"); a verb's subject stops at MAX_GAP ("Former Labour prime minister Lord Callaghan
# has died" is no act of Labour)
NOUN_REACH = 4
BY_REACH = 6  # words from "by" back to the participle or noun it completes
BACKING_REACH = 60  # words from a backer back to the backer noun of its list
EVIDENCE_SENTENCES = 3  # evidence sentences kept per call
# pair_score can break ties of cue weights by the tone of the actor's clauses (VADER compound, -1
# to 1) times this: under the least step of the weights (0.25), so tone never outranks a cue. Off
# by default: on the dev half it lowered both AUCs (benchmarks/roles_eval.py prints both ways).
TONE_TIE_BREAK = 0.1
# Which way tone points for each role against villains: heroes' clauses read more positive, and
# victims' the most negative of all (issue 16's measurement on war news: tone follows the event).
TONE_SIGN = {"hero": 1.0, "victim": -1.0}
TOP_ACTORS = 3  # actors (most articles) in the shares table and figure
NOTEBOOK = "04-source-framing"
EVIDENCE_COLUMNS = ["doc_id", "outlet", "group", "actor", "sentence_id", "alias", "start", "end",
                    "family", "role", "pattern", "voice", "negated", "modal", "weight", "text"]
_TOKEN = re.compile(r"(?i:n't)\b|'s\b|\w+?(?=(?i:n't)\b)|\w+(?:[-.']\w+)*|[^\w\s]")
_BOUNDARY = frozenset(",;:()[]\"")
_OPENERS = frozenset(["and", "but", "or", "while", "whereas", "although", "though", "because",
                      "when", "that", "so", "then", "yet"])  # words after which a clause begins
_CONTRACTED = frozenset(["he's", "she's", "it's"])  # "he is" or "he has", never a possessive
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "its", "their"])  # a noun follows: "her claims"
_SUBORDINATORS = frozenset(["after", "before", "since", "until"])  # prepositions that open clauses too
_QUOTES = frozenset("\"'`\u201c\u201d")  # scare quotes around a verb or a name do not end a phrase
_MODAL_ADJECTIVES = frozenset(["possible", "potential", "future", "feared", "alleged",
                               "hypothetical", "imminent"])
_PREPOSITIONS = frozenset(["in", "of", "on", "at", "for", "with", "from", "into", "by", "about",
                           "against", "over", "under", "between", "among", "after", "before",
                           "during", "since", "than", "like", "across", "inside", "within",
                           "including"])


def _inflect(base: str) -> dict[str, str]:
    """Regular forms of a verb -> their kind (base, s, ed, ing); spelling variants over-generated."""
    stem_y = base[:-1] if base.endswith("y") and base[-2:-1] not in "aeiou" else None
    forms = {base: "base", base + "s": "s", base + "es": "s", base + "ed": "ed",
             base + base[-1] + "ed": "ed", base + "ing": "ing", base + base[-1] + "ing": "ing"}
    if base.endswith("e"):
        forms |= {base + "d": "ed", base[:-1] + "ing": "ing"}
    if base.endswith("ie"):  # "lie": "lying"
        forms[base[:-2] + "ying"] = "ing"
    if stem_y:
        forms |= {stem_y + "ies": "s", stem_y + "ied": "ed"}
    return forms


class Labels(frozenset):
    """Label words; a hyphenated word counts as its last part's label unless its first part turns
    it round ("eco-terrorist" is a terrorist, "anti-terrorist" is not)."""

    prefixes: frozenset = frozenset()

    def __contains__(self, word) -> bool:
        if frozenset.__contains__(self, word):
            return True
        first, _, last = word.rpartition("-") if isinstance(word, str) else ("", "", "")
        return bool(first) and first.split("-")[0] not in self.prefixes and \
            frozenset.__contains__(self, last)


def _labels(words: list[str], prefixes: list[str]) -> Labels:
    """The label words (lower case) with the prefixes that negate a hyphenated compound."""
    labels = Labels(w.lower() for w in words)
    labels.prefixes = frozenset(p.lower() for p in prefixes)
    return labels


def _phrases(entries: list[str], irregular: list[str]) -> list[tuple[str, dict, tuple[str, ...]]]:
    """Multi-word verbs ("take advantage of"): the entry, the forms of its first word and the
    words after it."""
    out = []
    for entry in entries:
        first, *rest = entry.lower().split()
        own = [i for i in irregular if i.split()[0] == first]
        out.append((entry, _verbs([] if own else [first], own), tuple(rest)))
    return out


def _verbs(bases: list[str], irregular: list[str]) -> dict[str, str]:
    """Every form of the verbs -> kind; irregular "base past participle" entries add their forms."""
    forms = {}
    for base in bases:
        forms |= {f: k for f, k in _inflect(base.lower()).items() if f not in forms}
    for entry in irregular:
        base, past, participle = entry.lower().split()
        forms |= _inflect(base) | {past: "ed", participle: "ed"}
    return forms


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/roles.toml as sets and verb-form maps."""

    role_of: dict
    harm: dict
    harm_nouns: frozenset
    of_agent: frozenset
    possessive_only: frozenset
    light: dict
    cause: dict
    caused_nouns: frozenset
    suffer: dict
    victim_nouns: frozenset
    victim_preps: frozenset
    negative: frozenset
    positive: frozenset
    naming: dict
    help: dict
    blame: dict
    blame_nouns: frozenset
    blame_predicates: frozenset
    face: dict
    blame_preps: frozenset
    negation: frozenset
    modal: frozenset
    auxiliaries: frozenset
    be: frozenset
    blockers: frozenset
    determiners: frozenset
    weights: dict
    loss: dict
    loss_objects: frozenset
    risk_nouns: frozenset
    praise: dict
    advocacy: dict
    advocacy_nouns: frozenset
    help_not_objects: frozenset
    possessive_blame: frozenset
    denied_nouns: frozenset
    misconduct: dict
    refusal: frozenset
    praise_nouns: frozenset
    under_nouns: frozenset
    suffering_nouns: frozenset
    possessor_agent: frozenset
    hit_words: frozenset
    hit_degrees: frozenset
    named_participles: frozenset
    warning: dict
    danger_nouns: frozenset
    hold: dict
    hold_predicates: frozenset
    punish: dict
    crimes: frozenset
    impersonal_causes: frozenset
    caught: frozenset
    phrases: dict
    listing: frozenset
    weapons: frozenset
    control: dict
    control_particles: frozenset
    condemned: frozenset
    negative_phrases: tuple
    predicate_stoppers: frozenset
    criticism: dict
    authoring: dict
    harm_not_particles: frozenset
    coercion: dict
    apposition_words: frozenset
    opposing: dict
    endorsing: dict
    durative: frozenset
    left_words: frozenset
    verbal: dict
    voice_of: frozenset
    concealing: dict
    caring: dict
    grateful: frozenset
    assurances: frozenset
    endorsing_phrases: tuple
    backer_nouns: frozenset
    backer_participles: frozenset
    head_nouns: frozenset
    compelling: dict
    goal_nouns: frozenset
    claim_objects: frozenset
    cause_links: frozenset
    judging_adverbs: dict  # adverb -> the family it makes of the subject's act
    failing: dict
    claiming: dict
    labelled_works: frozenset
    admitting: frozenset
    faced_harms: frozenset
    peaceful_modifiers: frozenset
    harm_not_objects: frozenset
    reaching: dict
    verbal_objects: frozenset
    effort: frozenset

    def verb_kind(self, word: str) -> str | None:
        """Whether a word is a form of any listed verb."""
        for forms in (self.harm, self.light, self.cause, self.suffer, self.help, self.blame, self.face,
                      self.naming, self.loss, self.praise, self.advocacy, self.misconduct,
                      self.hold, self.punish, self.authoring, self.coercion, self.opposing, self.endorsing,
                      self.failing, self.compelling):
            if word in forms:
                return forms[word]
        return None


@cache
def lexicon(path: Path = ROLES_FILE) -> Lexicon:
    """The cue word lists (data/roles.toml)."""
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    low = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    h, v, lab, he, b, g = d["harm"], d["victim"], d["labels"], d["help"], d["blame"], d["grammar"]
    pr, ad, mis = d["praise"], d["advocacy"], d["misconduct"]
    return Lexicon(
        role_of=dict(d["roles"]), harm=_verbs(h["verbs"], h["irregular"]),
        harm_nouns=low(h["nouns"]), of_agent=low(h["of_agent_nouns"]),
        possessive_only=low(h["possessive_only_nouns"]),
        light=_verbs(h["light_verbs"], h["light_irregular"]),
        cause=_verbs(h["cause_verbs"], h["cause_irregular"]), caused_nouns=low(h["caused_nouns"]),
        suffer=_verbs(h["suffer_verbs"], h["suffer_irregular"]), victim_nouns=low(v["nouns"]),
        victim_preps=low(v["prepositions"]),
        negative=_labels(lab["negative"], lab["negating_prefixes"]),
        positive=_labels(lab["positive"], lab["negating_prefixes"]),
        naming=_verbs(lab["naming_verbs"], []),
        help=_verbs(he["verbs"], he["irregular"]), blame=_verbs(b["verbs"], b["irregular"]),
        blame_nouns=low(b["nouns"]), blame_predicates=low(b["predicates"]),
        face=_verbs(b["face_verbs"], b["face_irregular"]), blame_preps=low(b["prepositions"]),
        negation=low(g["negation"]), modal=low(g["modal"]), auxiliaries=low(g["auxiliaries"]),
        be=low(g["be"]), blockers=low(g["blockers"]), determiners=low(g["determiners"]),
        weights=dict(d.get("weights", {})), loss=_verbs(h["loss_verbs"], h["loss_irregular"]),
        loss_objects=low(h["loss_objects"]), risk_nouns=low(h["risk_nouns"]),
        praise=_verbs(pr["verbs"], pr["irregular"]), advocacy=_verbs(ad["verbs"], ad["irregular"]),
        advocacy_nouns=low(ad["nouns"]), help_not_objects=low(he["not_objects"]),
        possessive_blame=low(b["possessive_nouns"]), denied_nouns=low(b["denied_nouns"]),
        misconduct=_verbs(mis["verbs"], mis["irregular"]), refusal=low(mis["refusal"]),
        praise_nouns=low(pr["nouns"]), under_nouns=low(b["under_nouns"]),
        suffering_nouns=low(h["suffering_nouns"]), possessor_agent=low(v["possessor_agent"]),
        hit_words=low(v["hit_words"]), hit_degrees=low(v["hit_degrees"]),
        named_participles=low(lab["named_participles"]), warning=_verbs(ad["warning_verbs"], []),
        danger_nouns=low(ad["danger_nouns"]), hold=_verbs(b["hold_verbs"], b["hold_irregular"]),
        hold_predicates=low(b["hold_predicates"]), punish=_verbs(b["punish_verbs"], []),
        crimes=low(b["crimes"]), impersonal_causes=low(b["impersonal_causes"]),
        caught=low(mis["caught"]), listing=low(lab["listing"]),
        weapons=low(h["weapons"]), control=_verbs(g["control_verbs"], []),
        control_particles=low(g["control_particles"]), condemned=low(lab["condemned_adjectives"]),
        predicate_stoppers=low(g["predicate_stoppers"]), criticism=_verbs(b["criticism_verbs"], []),
        authoring=_verbs(lab["authoring_verbs"], lab["authoring_irregular"]),
        harm_not_particles=low(h["not_particles"]), coercion=_verbs(h["coercion_verbs"], []),
        apposition_words=low(g["apposition_words"]),
        opposing=_verbs(ad["opposing_verbs"], ad["opposing_irregular"]),
        endorsing=_verbs(h["endorsing_verbs"], []), durative=low(g["durative"]),
        left_words=low(v["left_words"]),
        verbal=_verbs(b["verbal_attack_verbs"], b["verbal_attack_irregular"]),
        voice_of=low(g["voice_of"]), labelled_works=low(lab["labelled_works"]),
        admitting=low(g["admitting"]), faced_harms=low(v["faced_harms"]),
        peaceful_modifiers=low(h["peaceful_modifiers"]), harm_not_objects=low(h["not_objects"]),
        verbal_objects=low(b["verbal_objects"]), effort=low(g["effort"]),
        reaching=_verbs(h["reaching_verbs"], ["strike struck struck", "hit hit hit", "beat beat beaten"]),
        concealing=_verbs(mis["concealing_verbs"], mis["concealing_irregular"]),
        caring=_verbs(mis["caring_verbs"], mis["caring_irregular"]),
        grateful=low(pr["grateful"]), assurances=low(mis["assurances"]),
        endorsing_phrases=tuple(_phrases(h["endorsing_phrases"], h["endorsing_phrases_irregular"])),
        backer_nouns=low(d["backing"]["nouns"]), backer_participles=low(d["backing"]["participles"]),
        head_nouns=low(d["backing"]["heads"]),
        compelling=_verbs(h["compelling_verbs"], []), goal_nouns=low(v["goal_nouns"]),
        claim_objects=low(mis["claim_objects"]),
        cause_links=frozenset(tuple(p.split()) for p in b["cause_links"]),
        judging_adverbs={**dict.fromkeys(low(mis["condemning_adverbs"]), "misconduct"),
                         **dict.fromkeys(low(pr["adverbs"]), "praise"),
                         **dict.fromkeys(low(mis["doubting_adverbs"]), "doubted_claim")},
        failing=_verbs(mis["failing"], []),
        claiming=_verbs(mis["claiming_verbs"], []),
        negative_phrases=tuple(tuple(_TOKEN.findall(p.lower())) for p in lab["negative_phrases"]),
        phrases={family: _phrases(entries, d["phrases"]["irregular"])
                 for family, entries in d["phrases"].items() if family != "irregular"})


@dataclass(frozen=True)
class Cue:
    """One cue of one mention: its family, the pattern that found it, negation and modality."""

    family: str
    pattern: str
    negated: bool = False
    modal: bool = False


class Tokens:
    """The tokens of one sentence: lower-cased words, their offsets, and lookups."""

    def __init__(self, text: str):
        same_length = text.replace("\u2019", "'").replace("\u2018", "'")  # "Russia’s" as "Russia's"
        found = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(same_length)]
        self.words = [w for w, _, _ in found]
        self.low = [w.lower() for w in self.words]
        self.starts = [s for _, s, _ in found]
        self.ends = [e for _, _, e in found]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The token range [i, j) of the characters [start, end)."""
        return bisect_right(self.ends, start), bisect_left(self.starts, end)

    def get(self, k: int) -> str:
        """The lower-cased token k, or "" outside the sentence."""
        return self.low[k] if 0 <= k < len(self.low) else ""


@cache
def _titles() -> frozenset[str]:
    """Title words that stand before a name (actors.title_words, data/titles.txt, shared with
    analysis.quotes) and their abbreviations."""
    return title_words() | {"sen", "rep", "gov", "gen", "col", "lt", "mr", "mrs", "ms", "dr"}


def _is_word(w: str) -> bool:
    return bool(w) and (w[0].isalnum())


def _is_head(lex: Lexicon, w: str) -> bool:
    """A noun, adjective or name that may stand between an actor and its verb ("forces")."""
    return (_is_word(w) and w not in lex.blockers and w not in lex.auxiliaries and w not in lex.be
            and w not in lex.modal and w not in lex.negation and not w.endswith("n't")
            and lex.verb_kind(w) is None and w not in lex.determiners and w not in lex.listing)


def _hedged(lex: Lexicon, tok: Tokens, upto: int) -> bool:
    """An "if", "unless" or "whether" earlier in the clause (since the last comma or colon)."""
    for k in range(upto - 1, -1, -1):
        w = tok.low[k]
        if w in _BOUNDARY or w == ".":
            return False
        if w in ("if", "unless", "whether"):
            return True
    return False


def _possessive(tok: Tokens, j: int) -> bool:
    """Whether the mention ending before token j ends in a possessive ("Putin's" as one token)."""
    return j > 0 and tok.low[j - 1].endswith(("'s", "\u2019s")) and tok.low[j - 1] not in _CONTRACTED


def _possessive_mark(tok: Tokens, j: int) -> bool:
    """Whether token j marks the mention before it as a possessor: "'s", or an apostrophe written
    right after a name ending in s ("Gates' plan", "the Davos elites' agenda")."""
    if tok.get(j) == "'s":
        return True
    return (tok.get(j) == "'" and j > 0 and tok.low[j - 1].endswith("s")
            and tok.starts[j] == tok.ends[j - 1] and _is_word(tok.get(j + 1)))


def _nominal_cue(lex: Lexicon, tok: Tokens, j: int) -> Cue | None:
    """The actor as possessor or modifier of a noun: "Ukrainian civilians", "the Putin regime",
    "Russia's invasion", "Russian missile strikes"."""
    possessive = _possessive_mark(tok, j)
    k = j + possessive
    possessive = possessive or _possessive(tok, j)  # "Russia's" may be one token
    apposition = tok.get(j) == "," and tok.get(j + 1) in lex.determiners
    if apposition:  # "X, a war criminal,": labels only ("X, a blatant violation" is the event)
        k = j + 2
    elif tok.get(j) == ",":  # "X, globalist billionaire, flew": an apposition without an article
        return _bare_apposition(lex, tok, j + 1)
    if possessive and _scare_quoted(tok, k):  # "X's 'climate agenda'": the writer disowns X's term
        return Cue("negative_label", "actor's scare-quoted term")
    planned = False
    for step in range(NOUN_REACH):
        w = tok.get(k + step)
        if possessive and w in lex.durative:  # "X's continued aggression"
            continue
        if w in _MODAL_ADJECTIVES:  # "Russia's possible invasion": the cue stays, modal
            continue
        if possessive and step and w == "to":  # "Putin's decision to invade", "X's plan to help"
            return _intent_cue(lex, tok, k + step + 1, planned or _hedged(lex, tok, j))
        if possessive and w in lex.modal and tok.get(k + step + 1) == "to":  # "X's plans to"
            planned = True
            continue
        if (not _is_word(w) or w in lex.blockers or w in lex.auxiliaries or w in lex.be
                or w in lex.determiners or w in lex.modal or w in lex.negation):
            return None
        if step == 0 and possessive and w in lex.possessive_blame:  # "X's critics say"
            return Cue("target_of_blame", "actor's critics")
        if step and w in lex.goal_nouns:  # "Ireland's 2030 wind targets": goals, not victims
            return None
        if possessive and w in lex.possessor_agent:  # "Putin's victims": Putin did it
            return Cue("agent_of_harm", "actor's victims")
        if w in lex.victim_nouns or w in lex.suffering_nouns:
            return Cue("victim_noun", "actor + victim noun")
        if w in lex.negative:
            return Cue("negative_label", "actor + negative label")
        if possessive and w in lex.condemned:  # "X's preposterous plan"
            return Cue("negative_label", "actor's condemned plan")
        if w in lex.positive:
            return Cue("positive_label", "actor + positive label")
        if apposition and (w in lex.harm_nouns or lex.verb_kind(w) is not None):
            return None
        if w in lex.harm_nouns and _verbal_attack(lex, tok, k + step):
            return None  # "X's attack against Y questioning his credentials": words, no harm
        if w in lex.possessive_only and ((step and tok.get(k + step - 1) in lex.peaceful_modifiers)
                                         or tok.get(k + step + 1) in lex.voice_of | lex.head_nouns):
            return None  # "Labour's election campaign", "X's trade war", "X's campaign spokesman"
        if w in lex.harm_nouns or (possessive and w in lex.possessive_only):
            before = [tok.get(x) for x in range(max(0, j - MAX_GAP - 2), k + step)]
            return Cue("agent_of_harm", "actor's harm noun" if possessive else "actor + harm noun",
                       modal=_hedged(lex, tok, j) or any(w in lex.modal for w in before))
        if lex.verb_kind(w) is not None and w not in lex.harm_nouns:
            return None
    return None


def _scare_quoted(tok: Tokens, k: int) -> bool:
    """Whether a scare quote opens at token k: a quotation of a few words in lower case closed
    in the sentence ("'climate agenda'"), not a title ("'Build Back Better'") nor someone's words
    (analysis.quotes tells names and titles from quotations the same way)."""
    from analysis.quotes import MIN_UNATTRIBUTED_WORDS

    if tok.get(k) not in _QUOTES:
        return False
    for x in range(k + 1, min(len(tok.low), k + 2 + MIN_UNATTRIBUTED_WORDS)):
        if tok.low[x] in _QUOTES:
            words = [w for w in tok.words[k + 1:x] if _is_word(w)]
            return bool(words) and all(w[:1].islower() for w in words)
        if not (_is_word(tok.low[x]) or (tok.low[x] in ",." and tok.get(x + 1) in _QUOTES)):
            return False
    return False


def _disowned_ahead(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether the object from token k (past determiners) is a term the writer disowns:
    "so-called" or a scare quote ("pushed the so-called green deal", "push the 'climate' line")."""
    while tok.get(k) in lex.determiners:
        k += 1
    return tok.get(k) == "so-called" or _scare_quoted(tok, k)


def _bare_apposition(lex: Lexicon, tok: Tokens, k: int) -> Cue | None:
    """The label of an apposition without an article from token k, closed by a comma ("X,
    globalist billionaire, flew", "X, climate envoy and notorious hypocrite, said"): lower-case
    nouns and adjectives only, so a list of names ("X, Soros and other globalists") is none, and
    so is a clause after a fronted phrase ("In Kyiv, brave volunteers met.")."""
    found = None
    for x in range(k, min(len(tok.low), k + MAX_GAP + 3)):
        w = tok.low[x]
        if w == "," and x > k:
            return found
        if not (tok.words[x][:1].islower() and (_is_head(lex, w) or w == "and")):
            return None
        if found is None and w in lex.negative:
            found = Cue("negative_label", "actor, apposition label")
        elif found is None and w in lex.positive:
            found = Cue("positive_label", "actor, apposition label")
    return None


def _intent_cue(lex: Lexicon, tok: Tokens, k: int, modal: bool) -> Cue | None:
    """The verb after "X's decision to": harm makes X its agent, help its helper."""
    w = tok.get(k)
    if lex.harm.get(w) == "base":
        return Cue("agent_of_harm", "actor's noun + to + harm verb", modal=modal)
    if lex.help.get(w) == "base" and not any(tok.get(k + s) in lex.help_not_objects for s in (1, 2)):
        return Cue("agent_of_help", "actor's noun + to + help verb", modal=modal)
    return None


def _label_phrase(lex: Lexicon, tok: Tokens, start: int | None = None, end: int | None = None) -> bool:
    """Whether a negative label of several words ("prophet of doom") starts at token `start` or
    ends before token `end`."""
    for phrase in lex.negative_phrases:
        a = start if start is not None else end - len(phrase)
        if a >= 0 and tuple(tok.low[a:a + len(phrase)]) == phrase:
            return True
    return False


def _head_cue(lex: Lexicon, tok: Tokens, i: int, j: int) -> Cue | None:
    """A mention that is itself a description: its last word a victim noun or a label
    ("Ukrainian civilians", "the occupiers", "the Kyiv regime", "Ukraine's defenders")."""
    if j - i < 1:
        return None
    w = tok.low[j - 1]
    if w in lex.victim_nouns:
        return Cue("victim_noun", "victim noun in the name")
    if w in lex.negative:
        return Cue("negative_label", "negative label in the name")
    if "-" in w and lex.harm.get(w.rpartition("-")[2]) == "ed" and j - i == 1:
        return Cue("agent_of_harm", "actor-harm participle")  # "Russian-occupied", "X-bombed"
    if w in lex.positive:
        return Cue("positive_label", "positive label in the name")
    return None


def _subject_cues(lex: Lexicon, tok: Tokens, j: int, coordinate: bool = False) -> list[Cue]:
    """The actor as subject: "X shelled", "X's forces have shelled", "X was shelled", "X could
    invade", "X threatened to invade", "X did not attack", "X is a terrorist state"; with
    `coordinate` (the actor opens its clause) also "X and Y attacked"."""
    k, heads, chain = j + _possessive_mark(tok, j), 0, []
    if tok.get(j - 1) in _CONTRACTED:  # "he's a war criminal", "he's attacked the city"
        chain.append("has" if _has_contracted(lex, tok, j - 1) else "'s")
    relative = False
    while k < len(tok.low):
        w = tok.low[k]
        if w in _QUOTES:  # 'X "liberated" the town'
            k += 1
            continue
        if coordinate and not chain and _conjuncts_after(tok, k) > k:  # "X and Y attacked", "X, Y and Z were"
            k = _conjuncts_after(tok, k)
            continue
        if _phrase_at(lex, tok, k) is not None:  # "X took advantage of", "X failed to act"
            break
        if not chain and w in ("in", "at", "from") and tok.words[k + 1:k + 2] and \
                tok.words[k + 1][:1].isupper() and _is_word(tok.low[k + 1]):  # "X in Davos has"
            k += 1
            while k < len(tok.words) and tok.words[k][:1].isupper() and _is_word(tok.low[k]):
                k += 1
            continue
        if not chain and not relative and (w in ("who", "which") or (
                w == "," and tok.get(k + 1) in ("who", "which"))):  # "X('s forces), which shelled"
            k, relative = k + 1 + (w == ","), True
            continue
        if ((w in lex.modal or w in lex.effort) and tok.get(k + 1) == "to") or w in ("ca", "wo"):
            chain.append(w)
            k += 1
            continue
        if w in lex.control and lex.verb_kind(w) is None:  # "X were working together to push"
            to = k + 1 + (tok.get(k + 1) in lex.control_particles)
            if tok.get(to) == "to":
                chain.append(w)
                k = to
                continue
        if heads and not chain and w in lex.goal_nouns:  # "X's wind targets": the phrase's head
            heads += 1
            k += 1
            continue
        if _forces_noun(lex, tok, k):  # "US forces had worked", "the US has forces helping"
            if chain:
                return []
            heads += 1
            k += 1
            continue
        if lex.verb_kind(w) is not None and not (w in lex.auxiliaries and tok.get(k + 1) == "to"):
            break
        if (w in lex.auxiliaries or w in lex.be or w in lex.modal or w in lex.negation
                or w.endswith("n't") or (w.endswith("ly") and len(w) > 4)
                or (w == "long" and chain[-1:] in (["has"], ["have"], ["had"]))):  # "X have long warned"
            chain.append(w)
            k += 1
            continue
        if chain or heads >= MAX_GAP or not _is_head(lex, w):
            break
        heads += 1
        k += 1
    negated = any(w in lex.negation or w.endswith("n't") for w in chain)
    modal = any(w in lex.modal or w in lex.effort for w in chain) or _hedged(lex, tok, j)
    modal = modal or chain[:1] == ["to"]  # "X to invade", "ordered X to attack": not done yet
    passive = any(w in lex.be for w in chain)
    w = tok.get(k)
    if w == "under" or (w in ("came", "come", "comes", "coming") and tok.get(k + 1) == "under"):
        after = tok.get(k + 1 + (w != "under"))
        if after in lex.harm_nouns:  # "X came under attack"
            return [Cue("patient_of_harm", "subject + under + harm noun", negated, modal)]
        if after in lex.under_nouns:  # "X came under fire", "X is under scrutiny"
            return [Cue("target_of_blame", "subject + under + blame noun", negated, modal)]
    bare = [c for c in chain if not (c in lex.negation or c.endswith("n't"))]
    if w == "blame" and len(bare) > 1 and bare[-2] in lex.be and bare[-1] == "to":  # "X is to blame"
        return [Cue("target_of_blame", "subject + is to blame", negated, modal)]
    phrase = _phrase_at(lex, tok, k)
    if phrase is not None:
        return [Cue(phrase[0], f"subject of '{phrase[1]}'", negated, modal)]
    special = _subject_special(lex, tok, k, chain, negated, modal)
    if special is not None:
        return special
    judged = [lex.judging_adverbs[c] for c in chain if c in lex.judging_adverbs]
    if not passive and _is_word(w) and judged:  # "X falsely claimed", "X rightly warned"
        return [Cue(judged[0], "subject + judging adverb", negated, modal)]
    if w in lex.failing and tok.get(k + 1) == "to" and tok.get(k + 2) not in lex.harm:
        return [Cue("misconduct", "subject of 'fail to'", negated, modal)]  # "X failed to meet"
    for _, forms, rest in lex.endorsing_phrases:  # "X is going along with the hoax"
        if w in forms and all(tok.get(k + 1 + x) == r for x, r in enumerate(rest)) and not (
                passive and forms[w] == "ed") and _noun_ahead(lex, tok, k + 1 + len(rest),
                                                             lex.harm_nouns | lex.caused_nouns):
            return [Cue("agent_of_harm", "subject endorses harm noun", negated, modal)]
    kind = lex.verb_kind(w)
    if kind is None:
        return _predicate_cues(lex, tok, k, chain, negated, modal)
    passive = (passive and kind == "ed") or (not chain and kind == "ed" and tok.get(k + 1) == "by")

    def cue(family: str, pattern: str) -> list[Cue]:
        return [Cue(family, pattern, negated, modal)]
    if w in lex.harm and tok.get(k + 1) == "down":  # "X shot down the drones": air defence
        if passive or not _noun_ahead(lex, tok, k + 2, lex.weapons):
            return []
        return cue("agent_of_help", "subject of 'shot down' + weapon")
    if w in lex.harm and tok.get(k + 1) in lex.harm_not_particles:  # "X hit out at critics"
        return []
    if w in lex.reaching and not passive and _figure_reached(lex, tok, k + 1):  # "sales hit a record"
        return []
    if w in lex.harm and tok.get(k + 1) == "up" and (tok.get(k + 2) in ("to", "by") or _figure_reached(
            lex, tok, k + 2)):  # "the euro has shot up to all-time highs", not "shot up the bar"
        return []
    if w in lex.criticism and not passive and _verbal_attack(lex, tok, k):  # "X attacked Y, calling"
        return []
    if w in lex.harm and _contest(lex, tok, k):  # "X beat Y 6-2", "X was beaten to the prize"
        return []
    if w in lex.hit_words and tok.get(k - 1) in lex.hit_degrees:  # "with Thailand and India worst hit"
        return cue("patient_of_harm", "subject + hardest hit")
    if w in lex.harm:
        return cue("patient_of_harm", "passive subject of harm verb") if passive else cue(
            "agent_of_harm", "subject of harm verb")
    if w in lex.endorsing and not passive and _noun_ahead(
            lex, tok, k + 1 + (tok.get(k + 1) == "for"), lex.harm_nouns | lex.caused_nouns):
        return cue("agent_of_harm", "subject endorses harm noun")  # "X backed the invasion"
    if w in lex.coercion and not passive:
        return cue("agent_of_harm", "subject of coercion verb")
    if w in lex.compelling and not passive and _object_then_to(lex, tok, k + 1):
        return cue("agent_of_harm", "subject of compelling verb + object + to")  # "X ordered Y to"
    if w in lex.light and not passive and _noun_ahead(lex, tok, k + 1, lex.harm_nouns | lex.weapons):
        if _noun_ahead(lex, tok, k + 1, lex.criticism.keys()) and _verbal_attack(lex, tok, k + 1):
            return []  # "X launched an attack against Y questioning his credentials"
        return cue("agent_of_harm", "subject of light verb + harm noun")
    if w in lex.light and not passive and _war_on(lex, tok, k + 1):
        return cue("agent_of_harm", "subject of light verb + war on")  # "X declared war on farmers"
    if w in lex.cause and not passive and _noun_ahead(lex, tok, k + 1,
                                                      lex.harm_nouns | lex.caused_nouns):
        return cue("agent_of_harm", "subject of cause verb + harm noun")
    if w in lex.authoring and not passive and (_noun_ahead(lex, tok, k + 1, lex.condemned)
                                               or _disowned_ahead(lex, tok, k + 1)
                                               or _labelled_work(lex, tok, k + 1)):
        return cue("negative_label", "subject of authoring verb + condemned work")
    if w in lex.suffer and not passive:
        return cue("patient_of_harm", "subject of suffer verb")
    if w in lex.help and chain[:1] == ["to"]:  # "enlisted X to help", "asked X to defend": asked, not done
        return []
    if w in lex.help and not passive and tok.get(k + 1) != "to":  # "helped to negotiate": no act
        if any(tok.get(k + s) in lex.help_not_objects for s in (1, 2)) or _noun_ahead(
                lex, tok, k + 1, lex.help_not_objects):  # "defended his decision", "saved a break point"
            return []
        return cue("agent_of_help", "subject of help verb")
    if w in lex.misconduct and not passive:
        return cue("misconduct", "subject of misconduct verb")
    if w in lex.praise and passive:
        return cue("praise", "passive subject of praise verb")
    if w in lex.loss and not passive and _noun_ahead(lex, tok, k + 1, lex.loss_objects):
        return [] if modal else cue("patient_of_harm", "subject of loss verb + loss noun")
    if w in lex.advocacy and not passive:
        ahead = k + 1 + (tok.get(k + 1) == "for")
        if _noun_ahead(lex, tok, ahead, lex.advocacy_nouns):
            return cue("advocacy", "subject of advocacy verb + noun")
    if (w in lex.opposing or w in lex.blame) and not passive and _noun_ahead(lex, tok, k + 1,
                                                                           lex.harm_nouns):
        return cue("advocacy", "subject of opposing verb + harm noun")  # "X exposed the fraud"
    if w in lex.blame and passive:
        return cue("target_of_blame", "passive subject of blame verb")
    if w in lex.blame and _crime_after(lex, tok, k + 1, ("of", "for")) and not _blames_a_cause(
            lex, tok, k):  # "X accused Y of lying"
        return cue("advocacy", "subject of blame verb + of/for + wrong")
    if w in lex.face and not passive and _noun_ahead(lex, tok, k + 1, lex.blame_nouns):
        return cue("target_of_blame", "subject of 'faces' + blame noun")
    if w in lex.face and not passive and _noun_ahead(lex, tok, k + 1, lex.praise_nouns):
        return cue("praise", "subject of 'wins' + praise noun")
    if w in lex.claiming and not passive and not _possessive_mark(tok, k - 1) and not _possessive(
            tok, k) and tok.get(k - 1) not in _POSSESSIVE_PRONOUNS and tok.get(
            k + 1 + (tok.get(k + 1) in lex.determiners)) not in lex.claim_objects:  # not "her claims"
        return cue("doubted_claim", "subject of a verb of doubted saying")
    return []


_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you", "it", "itself", "themselves",
                              "himself", "herself", "everyone", "people"])


def _forces_noun(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether "force"/"forces" at token k is the noun (armed forces), not the verb of coercion:
    no object follows it (a determiner, a pronoun, a name) and no "to" soon after ("US forces had
    worked", "the US Air Force will attend", "the US has forces helping"; not "Russia forces
    Yukos to sell", "X forced the sale")."""
    if tok.get(k) not in ("force", "forces"):
        return False
    after = tok.get(k + 1)
    if after in lex.determiners or after in _OBJECT_PRONOUNS or after in _POSSESSIVE_PRONOUNS:
        return False
    if k + 1 < len(tok.words) and tok.words[k + 1][:1].isupper():
        return False
    return "to" not in tok.low[k + 1:k + 5] and after not in ("through", "out", "down", "back")


def _has_contracted(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether the "'s" of the pronoun at token k ("he's") is "has", not "is": a listed verb's past
    form follows with its object after it ("he's attacked the city"; "he's accused of fraud")."""
    after = tok.get(k + 2)
    return lex.verb_kind(tok.get(k + 1)) == "ed" and (
        after in lex.determiners or (k + 2 < len(tok.words) and tok.words[k + 2][:1].isupper()))


def _past_apposition(lex: Lexicon, tok: Tokens, i: int, j: int) -> int:
    """Past an apposition to the actor at tokens [i, j) ("X, the president of COP28, attacked";
    "the governor, X, accused"): the token where its verb starts, else j."""
    if tok.get(j) != ",":
        return j
    if tok.get(i - 1) == "," and _predicate_starts(lex, tok, j + 1):
        return j + 1
    for x in range(j + 1, min(len(tok.low), j + 1 + APPOSITION_REACH)):
        w = tok.low[x]
        if w == ",":
            return x + 1 if x > j + 1 and _predicate_starts(lex, tok, x + 1) else j
        if not (w in lex.determiners or w in lex.apposition_words or w == "'s" or _is_head(lex, w)):
            return j
    return j


@cache
def _speech_verbs() -> frozenset[str]:
    """One-word verbs of saying (data/attribution_verbs.txt, shared with analysis.quotes)."""
    return frozenset(w.lower() for w in word_list("attribution_verbs.txt") if " " not in w)


def _wrong_done(lex: Lexicon, tok: Tokens, a: int, b: int) -> bool:
    """Whether tokens [a, b) say that someone did harm or wrong: an active harm or misconduct
    verb, not negated ("Big Oil has been lying", "ministers have ignored the concerns")."""
    for x in range(max(a, 0), min(b, len(tok.low))):
        w, before = tok.low[x], tok.get(x - 1)
        if before == "to" or before in lex.determiners:  # "vowed to seize", "the bombing": no act done
            continue
        if w in lex.harm and _noun_not_verb(lex, tok, x):  # "seek damages", "its earnings targets"
            continue
        phrase = _phrase_at(lex, tok, x)
        finite = (lex.verb_kind(w) or "base") != "base" or before in lex.auxiliaries
        wrong = (w in lex.harm and finite and tok.get(x + 1) != "by"
                 and tok.get(x + 1) not in lex.harm_not_particles
                 and not any(tok.get(y) in lex.be and lex.harm[w] == "ed" for y in (x - 1, x - 2))) \
            or (w in lex.misconduct and finite) or (phrase is not None and phrase[0] == "misconduct")
        if wrong and not any(_before(lex, tok, x)):  # not "did not lie", "would strike"
            return True
    return False


_SUBJECT_WORDS = frozenset(["he", "she", "it", "they", "we", "i", "you", "who", "which", "that"])


def _noun_not_verb(lex: Lexicon, tok: Tokens, x: int) -> bool:
    """Whether the harm verb form at x is rather a noun or an adjective: a form that is also a
    noun ("targets", "damages", "hits", "attacks") after no pronoun, name or auxiliary ("its
    earnings targets", "seek damages", "surprise hits"), or a participle after a preposition
    ("in favour of targeted help")."""
    w, before = tok.low[x], tok.get(x - 1)
    nouns = lex.harm_nouns | lex.victim_nouns | lex.caused_nouns | lex.goal_nouns
    noun = w in nouns or w[:-1] in nouns or w[:-2] in nouns or w + "s" in nouns
    if noun and lex.harm.get(w) in ("base", "s"):
        subject = before in _SUBJECT_WORDS or before in lex.auxiliaries or (
            x > 0 and tok.words[x - 1][:1].isupper() and _is_word(before))
        return not subject
    return lex.harm.get(w) == "ed" and before in _PREPOSITIONS  # "in favour of targeted help"


def _blames_a_cause(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether token k is a blame verb whose object is an impersonal cause ("blamed climate change
    for the fires", "blame the drought"): it explains a harm and accuses no one."""
    return tok.get(k) in lex.blame and _noun_ahead(lex, tok, k + 1, lex.impersonal_causes)


def _speaker_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor as the speaker of an accusation: "X said (that) Y has been lying", '"Y ignored
    the farmers," X said', "X's office posted: ...", "the X leader said ..." (advocacy: the
    accuser speaks against a wrong); not "X admitted misleading investors" (its own wrong)."""
    k = j
    if _possessive_mark(tok, j) or _possessive(tok, j):  # "X's office said", "X's spokesman told"
        k += _possessive_mark(tok, j)
        while tok.get(k) in lex.determiners or (_is_head(lex, tok.get(k)) and tok.get(k + 1) in lex.voice_of):
            k += 1
        if tok.get(k) not in lex.voice_of:  # "X's critics say" is not X speaking
            return []
        k += 1
    elif tok.get(j) in lex.voice_of:  # "the X leader said"
        k += 1
    while tok.get(k) in lex.auxiliaries or (tok.get(k).endswith("ly") and len(tok.get(k)) > 4):
        k += 1
    passive = any(tok.get(x) in lex.be for x in range(j, k))  # "X was accused of lying"
    if (tok.get(k) in _speech_verbs() and tok.get(k) not in lex.negation and not passive
            and tok.get(k) not in lex.admitting and not _blames_a_cause(lex, tok, k)):
        if tok.get(i - 1) in _QUOTES or (tok.get(i - 1) == "," and tok.get(i - 2) in _QUOTES):
            if _wrong_done(lex, tok, 0, i):  # '"Y has been lying," X said'
                return [Cue("advocacy", "speaker of an accusation before")]
        else:
            end = next((x for x in range(k + 1, len(tok.low)) if tok.low[x] in (";", "but", "while",
                                                                              "whereas")), len(tok.low))
            if _wrong_done(lex, tok, k + 1, end):  # the words reported, not a clause after them
                return [Cue("advocacy", "speaker of an accusation after")]
    return []


def _concealer_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor as the one who hides something from the reader: "here's what X won't tell you",
    "what X doesn't want you to know" (misconduct; a verb of telling, negated, before "you")."""
    before = i - 1 - (tok.get(i - 1) in lex.determiners)
    if tok.get(before) != "what":
        return []
    k, negated = j, False
    while tok.get(k) not in lex.concealing and (
            tok.get(k) in lex.auxiliaries or tok.get(k) in lex.be or tok.get(k) in lex.modal
            or tok.get(k) in lex.negation or tok.get(k).endswith("n't") or tok.get(k) in ("ca", "wo")):
        negated = negated or tok.get(k) in lex.negation or tok.get(k).endswith("n't")
        k += 1
    if negated and tok.get(k) in lex.concealing and tok.get(k + 1) in ("you", "us"):
        return [Cue("misconduct", "what + actor + won't tell you", False, _hedged(lex, tok, before))]
    return []


def _what_it_calls_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor's own term set apart by the writer: "what X calls 'stakeholder capitalism'", "what
    she described as the 'solution'" (a clause opened by "what", a naming verb, and a scare quote
    or "so-called" after it: as the actor's scare-quoted term, a negative label)."""
    if tok.get(i - 1 - (tok.get(i - 1) in lex.determiners)) != "what":
        return []
    k = j
    while tok.get(k) in lex.auxiliaries or (tok.get(k).endswith("ly") and len(tok.get(k)) > 4):
        k += 1
    if tok.get(k) not in lex.naming or any(tok.get(x) in lex.be for x in range(j, k)):
        return []
    ahead = k + 1 + (tok.get(k + 1) in ("as", "it", "them"))
    if _disowned_ahead(lex, tok, ahead):
        return [Cue("negative_label", "what + actor + calls + scare-quoted term")]
    return []


def _indifference_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor as one who does not care: "not that X cares", "not that X are fretting over it",
    "X couldn't care less" (misconduct: indifference to a harm the article describes)."""
    k, negated = j, False
    while tok.get(k) not in lex.caring and (
            tok.get(k) in lex.auxiliaries or tok.get(k) in lex.be or tok.get(k) in lex.modal
            or tok.get(k) in lex.negation or tok.get(k).endswith("n't") or tok.get(k) in ("ca", "wo")
            or (tok.get(k).endswith("ly") and len(tok.get(k)) > 4)):
        negated = negated or tok.get(k) in lex.negation or tok.get(k).endswith("n't")
        k += 1
    if tok.get(k) not in lex.caring:
        return []
    if negated and tok.get(k) == "care" and tok.get(k + 1) == "less":  # "X couldn't care less"
        return [Cue("misconduct", "actor couldn't care less")]
    for before in range(i - 1, max(i - 2 - MAX_GAP, 0), -1):  # "not that the Trudeau Liberals"
        if tok.low[before] == "that":
            return [Cue("misconduct", "not that + actor + cares")] if (
                not negated and tok.get(before - 1) == "not") else []
        if not (tok.low[before] in lex.determiners or _is_head(lex, tok.low[before])):
            return []
    return []


def _gratitude_cues(lex: Lexicon, tok: Tokens, i: int) -> list[Cue]:
    """The actor as the one others are grateful for: "we should be grateful for X", "be grateful
    that there are farmers like X" (praise): an adjective of gratitude earlier in the clause, only
    "to", "for", "that", "there", forms of "be", "like", determiners and nouns between."""
    for x in range(i - 1, max(i - 1 - APPOSITION_REACH, -1), -1):
        w = tok.low[x]
        if w in lex.grateful:
            negated, modal = _before(lex, tok, x)
            return [Cue("praise", "grateful + for/that + actor", negated, modal and not any(
                tok.get(y) in ("should", "must") for y in range(x - 3, x)))]
        if not (w in ("to", "for", "that", "there", "like", "such", "as") or w in lex.be
                or w in lex.determiners or _is_head(lex, w)) or (
                w.endswith(("ed", "ing")) and len(w) > 4 and tok.words[x].islower()):
            return []  # a verb between: "grateful that the court stopped X"
    return []


def _belied_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor's word set against the facts: "despite X's reassurances", "contrary to X's
    promises", "in spite of assurances from X" (misconduct)."""
    def conceded(x: int) -> bool:  # "despite", "contrary to", "in spite of" ending before x
        return tok.get(x - 1) == "despite" or (tok.get(x - 1) == "to" and tok.get(x - 2) == "contrary") \
            or (tok.get(x - 1) == "of" and tok.get(x - 2) == "spite")

    start = i
    while start > max(i - 1 - MAX_GAP, 0) and not conceded(start) and (
            _is_head(lex, tok.get(start - 1)) or tok.get(start - 1) in lex.determiners):
        start -= 1  # "despite Senate Majority Leader X's reassurances"
    if _possessive(tok, j) or _possessive_mark(tok, j):
        k = j + _possessive_mark(tok, j)
        while k < j + 1 + MAX_GAP and tok.get(k) not in lex.assurances and _is_head(lex, tok.get(k)):
            k += 1  # "X's repeated reassurances"
        if tok.get(k) in lex.assurances and conceded(start):
            return [Cue("misconduct", "despite + actor's assurances")]
        return []
    x = start - 1
    if tok.get(x) in ("from", "by", "of"):
        while x > 0 and _is_head(lex, tok.get(x - 1)) and tok.get(x - 1) not in lex.assurances:
            x -= 1
        if tok.get(x - 1) in lex.assurances:
            y = x - 1
            while y > 0 and (_is_head(lex, tok.get(y - 1)) or tok.get(y - 1) in lex.determiners) \
                    and not conceded(y):
                y -= 1
            if conceded(y):
                return [Cue("misconduct", "despite + assurances from actor")]
    return []


def _blamed_cause_cues(lex: Lexicon, tok: Tokens, i: int) -> list[Cue]:
    """The actor named as the cause of a harm told earlier in its sentence: "farmers are suffering
    because of X('s policies)", "the crisis, thanks to X", "thousands died due to X"."""
    k = i - 1
    while k >= 0 and tok.low[k] in lex.determiners:
        k -= 1
    if (tok.get(k - 1), tok.get(k)) not in lex.cause_links:
        return []
    harmful = lex.harm_nouns | lex.caused_nouns | lex.suffering_nouns
    for x in range(k - 2, -1, -1):
        w = tok.low[x]
        if w in (".", ";", ":", "?", "!"):
            return []
        if w in harmful or w in lex.harm or w in lex.suffer:
            negated, modal = _before(lex, tok, x)
            return [Cue("target_of_blame", "harm + because of + actor", negated, modal)]
    return []


def _past_relative(lex: Lexicon, tok: Tokens, j: int) -> int | None:
    """Past a relative clause set off by commas after the actor ending before j ("X, who owns
    farmland, attacked"): the token where the actor's own verb starts, else None."""
    if tok.get(j) != "," or tok.get(j + 1) not in ("who", "which"):
        return None
    for x in range(j + 2, min(len(tok.low), j + 2 + APPOSITION_REACH * 2)):
        w = tok.low[x]
        if w in (".", ";", ":", "?", "!", "(", ")") or w in _QUOTES:
            return None
        if w == ",":
            return x + 1 if _predicate_starts(lex, tok, x + 1) else None
    return None


def _coordinated_cues(lex: Lexicon, tok: Tokens, j: int) -> list[Cue]:
    """The cues of the later predicates the actor ending before j is the subject of: "X entered the
    town and killed civilians", "X is acting within, and taking advantage of, the framework"."""
    verb_seen, found = False, []  # verb_seen: some word stands between the actor and "and"
    for x in range(j, min(len(tok.low), j + 25)):
        w = tok.low[x]
        if w in (".", ";", ":", "?", "!") or w in _QUOTES or w in lex.predicate_stoppers:
            break
        if w == "and" and verb_seen and _predicate_starts(lex, tok, x + 1 + (tok.get(x + 1) == ",")):
            found += _subject_cues(lex, tok, x + 1 + (tok.get(x + 1) == ","))
        elif _is_word(w) and w != "'s":  # a word after the actor: "X and Y attacked" joins subjects
            verb_seen = True
    return found


def _predicate_starts(lex: Lexicon, tok: Tokens, x: int) -> bool:
    """Whether a verb, an auxiliary or a multi-word verb starts at token x ("and killed")."""
    w = tok.get(x)
    return (lex.verb_kind(w) is not None or w in lex.auxiliaries or w in lex.be or w in lex.modal
            or w in lex.negation or _phrase_at(lex, tok, x) is not None
            or (w.endswith(("ed", "ing")) and len(w) > 4 and tok.words[x].islower()))


def _conjuncts_after(tok: Tokens, k: int) -> int:
    """Past the names coordinated with the one before k ("and Belarus", ", Al Gore and Carl
    Sagan"): the token after them, or k when no "and"/"or" joins capitalised names there."""
    x, joined = k, False
    while tok.get(x) in (",", "and", "or"):
        if tok.get(x) == "," and tok.get(x + 1) in ("and", "or"):  # ", and" joins clauses
            return k
        joined, x = joined or tok.get(x) != ",", x + 1
        start = x
        while x < len(tok.words) and tok.words[x][:1].isupper():
            x += 1
        if x == start:
            return k
    return x if joined else k


def _conjuncts_before(tok: Tokens, k: int) -> int | None:
    """Before "and"/"or" at k, past the capitalised names it joins ("Europe and", "Kharkiv, Odesa
    and"): the index before them, or None when no name stands there."""
    x = k - 1 - (tok.get(k - 1) == ",")
    named = False
    while x >= 0:
        if tok.words[x][:1].isupper() and _is_word(tok.low[x]):
            x, named = x - 1, True
        elif tok.low[x] == "," and named and x > 0 and tok.words[x - 1][:1].isupper():
            x -= 1
        else:
            break
    return x if named else None


def _clause_follows(lex: Lexicon, tok: Tokens, j: int) -> bool:
    """Whether a verb follows the mention ending before j (past a few nouns): then the mention is
    the subject of a new clause, not a second object ("shelled Kharkiv and Ukraine responded")."""
    for x in range(j, j + MAX_GAP + 2):
        w = tok.get(x)
        if (w in lex.auxiliaries or w in lex.be or w in lex.modal or w in lex.negation
                or lex.verb_kind(w) is not None or (w.endswith("ed") and len(w) > 3)):
            return True
        if not (_is_head(lex, w) or w == "'s"):
            return False
    return False


def _phrase_at(lex: Lexicon, tok: Tokens, k: int) -> tuple[str, str] | None:
    """The family and entry of the multi-word verb at token k ("took advantage of"), or None."""
    for family, entries in lex.phrases.items():
        for entry, forms, rest in entries:
            if tok.get(k) in forms and all(tok.get(k + 1 + x) == r for x, r in enumerate(rest)):
                return family, entry
    return None


def _crime_after(lex: Lexicon, tok: Tokens, k: int, preps: tuple[str, ...] = ("for",)) -> bool:
    """A "for" (or one of `preps`) + crime later in the clause from k ("for disrupting traffic",
    "for fraud", "of lying"; an -ing word only right after the preposition, not "for the
    increasing frequency")."""
    for x in range(k, k + 12):
        w = tok.get(x)
        if not w or w in _BOUNDARY or w == ".":
            return False
        if w in preps:
            y = x + 1
            while tok.get(y) in lex.determiners:
                y += 1
            crime = tok.get(y)
            act = y == x + 1 and ((crime.endswith("ing") and len(crime) > 5)
                                  or lex.verb_kind(crime) == "ing")  # "the increasing risk": an adjective
            return act or crime in lex.harm_nouns or crime in lex.crimes
    return False


def _subject_special(lex: Lexicon, tok: Tokens, k: int, chain: list[str], negated: bool,
                     modal: bool) -> list[Cue] | None:
    """Subject patterns read off the auxiliary chain: "X (are) at risk", "X were forced to flee",
    "X refused to comply", "X denied responsibility", "X were hardest hit", "X was caught lying",
    "X was sentenced for fraud", "X warned of the risks"; None when none applies."""
    w, refusals = tok.get(k), [c for c in chain if c in lex.refusal]
    passive = any(c in lex.be for c in chain)
    x = k + (w == "among")
    x += tok.get(x) in lex.determiners
    a, b = tok.get(x), tok.get(x + 1)
    if passive and ((a in lex.hit_degrees and b in lex.hit_words)
                    or (a in lex.hit_words and b in lex.hit_degrees)
                    or (a in lex.hit_words and chain[-1:] and chain[-1] in lex.hit_degrees)):
        return [Cue("patient_of_harm", "subject + hardest hit", negated, modal)]
    if passive and w == "left" and tok.get(k + 1) in lex.left_words:  # "X were left without power"
        return [Cue("patient_of_harm", "subject was left without", negated, modal)]
    if passive and w in lex.caught and tok.get(k + 1).endswith("ing"):
        return [Cue("misconduct", "subject was caught + -ing", negated, modal)]
    if passive and lex.criticism.get(w) == "ed" and _crime_after(lex, tok, k + 1):
        return [Cue("target_of_blame", "passive subject of attacked/targeted + for + act", negated, modal)]
    if passive and lex.punish.get(w) == "ed" and _crime_after(lex, tok, k + 1):
        return [Cue("target_of_blame", "passive subject of punishment + for + crime", negated, modal)]
    if w in lex.warning and tok.get(k + 1) in ("of", "about", "against") and _noun_ahead(
            lex, tok, k + 2, lex.danger_nouns | lex.harm_nouns | lex.caused_nouns):
        return [Cue("advocacy", "subject warned of + danger", negated, modal)]
    if w == "at" and _noun_ahead(lex, tok, k + 1, lex.risk_nouns):  # "X are at greater risk"
        return [Cue("patient_of_harm", "subject + at risk", negated, modal)]
    if w in ("face", "faces", "faced", "facing") and (w == "facing" or not passive) and _noun_ahead(
            lex, tok, k + 1, lex.faced_harms):  # "X face ruin"
        return [Cue("patient_of_harm", "subject of 'face' + harm", negated, modal)]
    if w == "forced" and tok.get(k + 1) == "to" and tok.get(k + 2) in lex.suffer:
        return [Cue("patient_of_harm", "subject + forced to + suffer verb", negated, modal)]
    at = chain.index(refusals[-1]) + 2 if refusals else 0
    verb = chain[at] if at < len(chain) else w  # "comply" ends in -ly: it may sit in the chain
    if refusals and chain[at - 1:at] == ["to"] and verb not in lex.harm:  # "refused to comply"
        others = [c for c in chain if c not in lex.refusal and (c in lex.negation or c.endswith("n't"))]
        return [Cue("misconduct", "subject refused to", bool(others), modal)]
    denial = [c for c in chain if c.startswith("den") and c in lex.negation]
    if denial and chain[-1] == denial[-1] and not passive and (
            w == "that" or lex.verb_kind(w) == "ing"
            or _noun_ahead(lex, tok, k, lex.denied_nouns | lex.harm_nouns)):
        others = [c for c in chain if c not in denial and (c in lex.negation or c.endswith("n't"))]
        cues = [Cue("target_of_blame", "subject denied + blame noun, 'that' or -ing verb",
                    bool(others), modal)]
        if w in lex.harm:  # "X denied shelling the city": accused of it, the act itself negated
            cues.append(Cue("agent_of_harm", "subject of harm verb", True, modal))
        return cues
    return None


def _verbal_attack(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether the attack at token k is one of words: an -ing verb of speech aimed at a person
    later in its clause ("an attack against X questioning his credentials", "attacked X, calling
    him a fraud"), one at words or a policy ("attacked Y's economic record", "an attack on the
    plans"), or one for an act ("attacked Mr Brown for failing to")."""
    x = k + 1 + (tok.get(k + 1) in ("on", "against", "at"))
    while x < min(len(tok.low), k + 8) and (tok.low[x] in lex.determiners or tok.low[x] == "'s" or (
            _is_head(lex, tok.low[x]) and tok.low[x] not in lex.verbal_objects)):
        x += 1
    if tok.get(x) in lex.verbal_objects and not _is_head(lex, tok.get(x + 1)):  # not "the tax office"
        return True
    if tok.get(x) == "for" and _crime_after(lex, tok, x):  # "attacked Mr Brown for failing to"
        return True
    for x in range(k + 1, min(len(tok.low), k + 12)):
        w = tok.low[x]
        if w in (".", ";", ":", "?", "!") or w in _OPENERS - {"that"}:
            return False
        if lex.verbal.get(w) == "ing" and tok.get(x + 1) in ("him", "her", "his", "them", "their"):
            return True
    return False


def _object_then_to(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """An object from k (determiners and up to MAX_GAP nouns, adjectives or names) and then "to"
    or "into" ("ordered global authorities to", "pressured the banks into")."""
    heads = 0
    while tok.get(k) in lex.determiners or (heads < MAX_GAP and _is_head(lex, tok.get(k))):
        heads += tok.get(k) not in lex.determiners
        k += 1
    return heads > 0 and tok.get(k) in ("to", "into")


def _war_on(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """A possessive-only harm noun from k followed by "on" or "against" ("war on farmers", "a
    campaign against the press")."""
    for step in range(MAX_GAP + 1):
        w = tok.get(k + step)
        if w in lex.possessive_only:
            return tok.get(k + step + 1) in ("on", "against")
        if not (w in lex.determiners or _is_head(lex, w)):
            return False
    return False


def _labelled_work(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """A negative label right before a work noun within MAX_GAP words from k, past determiners
    and adjectives ("the globalist agenda", "racist remarks")."""
    for step in range(MAX_GAP + 1):
        w = tok.get(k + step)
        if w in lex.negative and tok.get(k + step + 1) in lex.labelled_works:
            return True
        if not (w in lex.determiners or _is_head(lex, w)):
            return False
    return False


# Words after a number that make it an amount, not a count of things hit: "hit 200,000 in 2005",
# "hit 40 billion tonnes", "rose 5 percent" (not "hit 40 targets")
_AMOUNT_WORDS = frozenset(["in", "on", "at", "by", "for", "last", "this", "and", "while", "after",
                           "million", "billion", "trillion", "bn", "m", "percent", "per", "points",
                           "tonnes", "tons", "barrels", "dollars", "pounds", "euros", "degrees",
                           "ppm", "mph", "units", "copies", "mark"])


def _contest(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether the verb at k is "beat" of a contest, not a beating: harm only with "up", "to
    death" or a victim noun after it ("police beat protesters up", "beaten to death", "beat
    civilians"); "X beat Y 6-2", "X beat Y to the award", "X was beaten in the final" are wins."""
    if lex.harm.get(tok.get(k)) is None or not tok.get(k).startswith("beat"):
        return False
    after = tok.low[k + 1:k + 8]
    if "up" in after[:3] or ("to" in after and after[after.index("to") + 1:][:1] == ["death"]):
        return False
    return not any(w in lex.victim_nouns for w in after[:3])


def _figure_reached(lex: Lexicon, tok: Tokens, k: int) -> bool:
    """Whether the object from k of a verb of reaching is a figure reached or passed, not
    someone harmed: an amount ("hit $412bn", "hit 200,000 in 2005"; not "hit 40 targets") or one
    of the not_objects past determiners and adjectives ("hit a record high", "beat expectations")."""
    if tok.get(k) in ("$", "\u00a3", "\u20ac") or (
            any(c.isdigit() for c in tok.get(k)) and (not _is_word(tok.get(k + 1))
                                                      or tok.get(k + 1) in _AMOUNT_WORDS)):
        return True
    return _noun_ahead(lex, tok, k, lex.harm_not_objects)


def _noun_ahead(lex: Lexicon, tok: Tokens, k: int, nouns: frozenset) -> bool:
    """One of `nouns` within MAX_GAP words from k, past determiners and adjectives."""
    for step in range(MAX_GAP + 1):
        w = tok.get(k + step)
        if w in nouns:
            return True
        if not (w in lex.determiners or _is_head(lex, w)):
            return False
    return False


def _predicate_cues(lex: Lexicon, tok: Tokens, k: int, chain: list[str], negated: bool,
                    modal: bool) -> list[Cue]:
    """After a form of "be": a label, a victim noun, blame or a harm behind ("X is a terrorist
    state", "X was the victim", "X is guilty of", "X was behind the attack")."""
    chain = [c for c in chain if not (c in lex.negation or c.endswith("n't"))]  # "is not a"
    if not chain or chain[-1] not in lex.be and not (chain[-1] == "to" and tok.get(k) == "blame"):
        return []
    if tok.get(k) == "behind" and _noun_ahead(lex, tok, k + 1, lex.harm_nouns | lex.possessive_only):
        return [Cue("agent_of_harm", "predicate behind + harm noun", negated, modal)]
    if tok.get(k) == "one" and tok.get(k + 1) == "of":  # "X is one of the worst polluters"
        k += 2
    elif tok.get(k) == "among":  # "X is among the worst offenders"
        k += 1
    for step in range(MAX_GAP + 1):
        w = tok.get(k + step)
        if _label_phrase(lex, tok, start=k + step):  # "X is a prophet of doom"
            return [Cue("negative_label", "predicate negative phrase", negated, modal)]
        if w in lex.victim_nouns:
            return [Cue("victim_noun", "predicate victim noun", negated, modal)]
        if w in lex.negative:
            return [Cue("negative_label", "predicate negative label", negated, modal)]
        if w in lex.positive:
            return [Cue("positive_label", "predicate positive label", negated, modal)]
        if w in lex.blame_predicates:
            return [Cue("target_of_blame", "predicate of blame", negated, modal)]
        if not (w in lex.determiners or _is_head(lex, w) or w in ("to", "so", "very", "most")):
            return []
    return []


def _before(lex: Lexicon, tok: Tokens, head: int) -> tuple[bool, bool]:
    """Negation and modality in the few words before a verb (its own auxiliaries)."""
    words = []
    for k in range(head - 1, max(head - 5, -1), -1):
        w = tok.low[k]
        if w in _BOUNDARY or w in lex.blockers:
            break
        words.append(w)
    negated = any(w in lex.negation or w.endswith("n't") for w in words)
    return negated, any(w in lex.modal for w in words) or _hedged(lex, tok, head)


def _object_cues(lex: Lexicon, tok: Tokens, i: int, j: int) -> list[Cue]:
    """The actor after its verb or noun: "shelled X", "the shelling of X", "attacks on X",
    "shelled by X", "victims in X", "accused X", "sanctions against X", "the aggressor X",
    "branded X a terrorist state"."""
    k, skipped, prep = i - 1, 0, None
    while k >= 0:
        w = tok.low[k]
        if w in _QUOTES:  # 'protesters "swarmed" X'
            k -= 1
            continue
        if prep is None and (w in ("and", "or") or (w == "," and tok.get(j) in (",", "and", "or"))) \
                and _conjuncts_before(tok, k + (w == ",")) is not None \
                and not _clause_follows(lex, tok, j):  # "impoverish the people of Europe and X"
            k = _conjuncts_before(tok, k + (w == ","))
            continue
        if prep is None and (w in _titles() or (w == "." and tok.get(k - 1) in _titles())):
            k -= 1  # "harassed Sen. Amy Klobuchar", "attacked President X"
            continue
        if prep is None and (w in lex.determiners or (_is_head(lex, w) and skipped < MAX_GAP
                                                      and w not in lex.harm_nouns
                                                      and w not in lex.blame_nouns
                                                      and w not in lex.victim_nouns
                                                      and w not in lex.negative
                                                      and w not in lex.positive)):
            skipped += _is_head(lex, w)
            k -= 1
            continue
        if prep is None and w in ("by", "on", "against", "of", "upon", "into", "at", "toward",
                                  "towards", "from", "in", "among", "inside", "over"):
            prep = w
            k -= 1
            while k >= 0 and tok.low[k] in lex.determiners:
                k -= 1
            continue
        break
    if k < 0:
        return []
    head = tok.low[k]
    negated, modal = _before(lex, tok, k)
    if prep == "by":
        return _by_agent(lex, tok, k)
    if prep is not None:
        if head in lex.weapons and prep in ("on", "at", "into", "against"):  # "missiles at X"
            return [Cue("patient_of_harm", f"weapon + {prep} + actor", negated, modal)]
        if head in lex.harm_nouns and prep in ("on", "against", "upon", "into", "at", "toward",
                                               "towards", "of", "over"):
            if prep == "of" and head in lex.of_agent:
                return [Cue("agent_of_harm", "harm noun + of + actor", negated, modal)]
            if head in lex.criticism and _verbal_attack(lex, tok, k):  # "an attack on X, calling him"
                return [Cue("target_of_blame", f"verbal attack + {prep} + actor", negated, modal)]
            return [Cue("patient_of_harm", f"harm noun + {prep} + actor", negated, modal)]
        if head in lex.suffering_nouns and prep == "of":  # "the plight of X"
            return [Cue("victim_noun", "suffering noun + of + actor", negated, modal)]
        if head in lex.victim_nouns and prep in lex.victim_preps:
            return [Cue("victim_noun", f"victim noun + {prep} + actor", negated, modal)]
        if head in lex.blame_nouns and prep in lex.blame_preps:
            return [Cue("target_of_blame", f"blame noun + {prep} + actor", negated, modal)]
        if prep == "at" and (head in lex.negative or head in lex.positive):  # "tyrants at the UN"
            family = "negative_label" if head in lex.negative else "positive_label"
            return [Cue(family, "label + at + actor", negated, modal)]
        if head in lex.possessive_only and prep in ("on", "against"):  # "Russia's war against X"
            return [Cue("patient_of_harm", f"war + {prep} + actor", negated, modal)]
        if prep in ("of", "in") and _is_head(lex, head):  # "shelled the city of X", "people in X"
            x, heads = k - 1, 0
            while x >= 0 and (tok.low[x] in lex.determiners or (
                    heads < MAX_GAP and _is_head(lex, tok.low[x]) and not tok.low[x].isdigit())):
                heads += tok.low[x] not in lex.determiners
                x -= 1
            verb = tok.get(x)
            if verb in lex.harm and not any(tok.get(y) in lex.be for y in range(x - 2, x)):
                negated, modal = _before(lex, tok, x)
                return [Cue("patient_of_harm", "object of harm verb + noun of + actor", negated,
                            modal)]
        return []
    kind = lex.verb_kind(head)
    # "X was sued" is passive, "Y is suing X" is not: a form of "be" before an -ing form is the
    # progressive
    passive_before = kind != "ing" and any(tok.get(x) in lex.be for x in range(k - 2, k))
    if head in lex.hold and not passive_before and (tok.get(j) in lex.hold_predicates or (
            _is_head(lex, tok.get(j)) and tok.get(j + 1) in lex.hold_predicates)):
        return [Cue("target_of_blame", "hold + actor + accountable", negated, modal)]
    like = head == "like" and _is_head(lex, tok.get(k - 1)) and tok.get(k - 1) not in lex.modal
    if head in lex.listing or (head == "as" and tok.get(k - 1) == "such") or like:
        listed = _listed_as(lex, tok, k - (head == "as"))  # "the big polluters include X, Y"
        if listed is not None:
            return [Cue(listed, "label + include + actor", negated, modal)]
        return _list_member_cues(lex, tok, k - (head == "as"))
    if head in lex.named_participles:  # "a climate terrorist named X", "a hero called X"
        for x in (k - 1, k - 2):
            if tok.get(x) in lex.negative:
                return [Cue("negative_label", "label + named + actor", negated, modal)]
            if tok.get(x) in lex.positive:
                return [Cue("positive_label", "label + named + actor", negated, modal)]
    if head in lex.harm and tok.get(k + 1) == "down":  # "shot down 30 drones": air defence
        return []
    if head in lex.criticism and not passive_before and _verbal_attack(lex, tok, k):
        return [Cue("target_of_blame", "object of verbal attack", negated, modal)]
    if head in lex.harm and _contest(lex, tok, k):  # "beat Martin Scorsese to the award"
        return []
    if head in lex.harm and kind != "ed" or head in lex.harm and not passive_before:
        return [Cue("patient_of_harm", "object of harm verb", negated, modal)]
    if head in lex.blame and not passive_before:
        return [Cue("target_of_blame", "object of blame verb", negated, modal)]
    if head in lex.praise and not passive_before and not _named_as(lex, tok, j, negated, modal):
        act = _nominal_cue(lex, tok, j)
        if act is not None and act.family == "agent_of_harm":  # "celebrated X's war": the act
            return []
        return [Cue("praise", "object of praise verb", negated, modal)]
    if head in lex.naming:
        return _named_as(lex, tok, j, negated, modal)
    if skipped <= 2 and head in lex.negative:  # "the aggressor X", "tyrannical Scottish X"
        return [Cue("negative_label", "negative label + actor", negated, modal)]
    if skipped <= 2 and head in lex.positive:
        return [Cue("positive_label", "positive label + actor", negated, modal)]
    if skipped <= 2 and head in lex.victim_nouns:  # "vulnerable X", "innocent X"
        return [Cue("victim_noun", "victim word + actor", negated, modal)]
    return []


def _list_member_cues(lex: Lexicon, tok: Tokens, k: int) -> list[Cue]:
    """A member of a list opened at k ("including", "such as", "like") after a noun takes that
    noun's cues as an object: "condemned protest groups, including X" (X blamed), "shelled
    cities such as X" (X harmed)."""
    n = k - 1 - (tok.get(k - 1) == ",")
    if n < 0 or not _is_head(lex, tok.low[n]):
        return []
    return [Cue(c.family, f"{c.pattern} (a listed member)", c.negated, c.modal)
            for c in _object_cues(lex, tok, n, n + 1)]


def _listed_as(lex: Lexicon, tok: Tokens, k: int) -> str | None:
    """The family of the label or victim noun a list at k is said to hold ("the victims included
    X", "polluters such as X"): the nearest such noun in the clause before k, else None."""
    for x in range(k - 1, max(k - 9, -1), -1):
        w = tok.low[x]
        if w in (";", ":", ".") or w in lex.auxiliaries - {"to"} or lex.verb_kind(w) is not None:
            return None
        if w in lex.victim_nouns:
            return "victim_noun"
        if w in lex.negative:
            return "negative_label"
        if w in lex.positive:
            return "positive_label"
    return None


def _by_agent(lex: Lexicon, tok: Tokens, k: int) -> list[Cue]:
    """"... shelled by X", "the shelling of Y by X", "rules imposed by X": a harm or coercion
    participle or a harm noun before "by"."""
    for x in range(k, max(k - BY_REACH, -1), -1):
        w = tok.low[x]
        if w in _BOUNDARY:
            return []
        if w in lex.harm and _contest(lex, tok, x):  # "Shrek 2 was beaten by The Incredibles"
            return []
        if (w in lex.harm and lex.harm[w] == "ed") or w in lex.harm_nouns or lex.coercion.get(w) == "ed":
            if tok.get(x + 1) == "down":  # "the drones were shot down by X": air defence
                return []
            negated, modal = _before(lex, tok, x)
            return [Cue("agent_of_harm", "harm participle or noun + by + actor", negated, modal)]
        if lex.help.get(w) == "ed" and x == k:  # "the crew was rescued by X"
            negated, modal = _before(lex, tok, x)
            return [Cue("agent_of_help", "help participle + by + actor", negated, modal)]
        if lex.authoring.get(w) == "ed" and x == k and _condemned_before(lex, tok, x):
            negated, _ = _before(lex, tok, x)  # "the absurd plan pushed by X" ("plan" is no hedge)
            modal = _hedged(lex, tok, x) or any(tok.get(y) in lex.modal and tok.get(y) not in
                                                lex.labelled_works for y in range(x - 3, x))
            return [Cue("negative_label", "condemned work + authoring participle + by + actor",
                        negated, modal)]
        caused = lex.harm_nouns | lex.caused_nouns
        if lex.cause.get(w) == "ed" and x == k and _noun_before(lex, tok, x, caused):
            negated, modal = _before(lex, tok, x)  # "the crisis was caused by X"
            return [Cue("agent_of_harm", "harm noun + cause participle + by + actor", negated, modal)]
    return []


def _condemned_before(lex: Lexicon, tok: Tokens, x: int) -> bool:
    """A condemned adjective ("the absurd plan"), a disowned word ("narrative", "the so-called
    green deal") or a negative label before a work noun ("the globalist agenda") in the noun
    phrase just before the participle at x, or before its "was"/"could be" (NOUN_REACH words;
    the passive of "X pushed the absurd plan")."""
    for y in range(x - 1, max(x - 1 - NOUN_REACH, -1), -1):
        w = tok.low[y]
        if w in lex.condemned or w == "so-called" or (
                w in lex.negative and tok.get(y + 1) in lex.labelled_works):
            return True
        if not (w in lex.determiners or _is_head(lex, w) or w in _QUOTES
                or w in lex.labelled_works  # "plan" and "claims" are other words' too
                or w in lex.be or w in lex.auxiliaries or w in ("could", "would", "might", "may",
                                                                "will", "should", "must")):
            return False
    return False


def _noun_before(lex: Lexicon, tok: Tokens, x: int, nouns: frozenset) -> bool:
    """One of `nouns` just before the participle at x, past a form of "be" and auxiliaries ("the
    crisis was caused", "the floods, caused")."""
    y = x - 1
    while y >= 0 and (tok.low[y] in lex.be or tok.low[y] in lex.auxiliaries or tok.low[y] == ","
                      or (tok.low[y].endswith("ly") and len(tok.low[y]) > 4)):
        y -= 1
    return y >= 0 and tok.low[y] in nouns


def _named_as(lex: Lexicon, tok: Tokens, j: int, negated: bool, modal: bool) -> list[Cue]:
    """After "called X", "branded X": the label that follows ("a terrorist state", "a hero")."""
    for step in range(MAX_GAP + 1):
        w = tok.get(j + step)
        if w in lex.negative:
            return [Cue("negative_label", "named verb + actor + negative label", negated, modal)]
        if w in lex.positive:
            return [Cue("positive_label", "named verb + actor + positive label", negated, modal)]
        if not (w in lex.determiners or w == "as" or _is_head(lex, w)):
            return []
    return []


@cache
def _state_words(path: Path = METONYMS_FILE) -> frozenset[str]:
    """The organs and offices that keep a state's adjective the state before a name
    (data/metonyms.toml's described_persons)."""
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in d.get("described_persons", {}).get("state_words", []))


@cache
def _singular_demonyms(path: Path = METONYMS_FILE) -> frozenset[str]:
    """A country's adjectives that name one person when used as a noun ("the Russian"), not its
    plurals, names or acronyms ("the Russians", "Russia", "US")."""
    meto = metonyms(path)
    rows = meto[(meto["kind"] == "demonym") & (meto["alias"] != meto["actor"])]
    return frozenset(a for a in rows["alias"] if not a.endswith(("s", "'s")) and not a.isupper()
                     and "." not in a and a.split()[-1].endswith(("an", "ish", "ese", "ch")))


@cache
def _described_things(path: Path = METONYMS_FILE) -> frozenset[str]:
    """The things a country's adjective describes (data/metonyms.toml's described_things)."""
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in d.get("described_things", {}).get("nouns", []))


def describes_a_thing(lex: Lexicon, tok: Tokens, i: int, j: int) -> bool:
    """Whether the state's adjective or name at tokens [i, j) describes a thing of the country,
    not the state acting or suffering: a listed noun among the lower-case words of its phrase
    ("new US laws passed", "the American constitution", "the US base in Hawaii", "German lines",
    "American shows which won", "a US TV network"; not "US air strikes", "Ukrainian civilians"), or
    after "pro" or "anti" ("pro US propaganda": a stance towards the state)."""
    if tok.get(i - 1) in ("pro", "anti"):  # "pro US propaganda": a stance towards the state
        return True
    if _possessive(tok, j) or tok.get(j) == "'s":
        return False
    things = _described_things()
    for x in range(j, min(len(tok.low), j + NOUN_REACH)):
        w = tok.low[x]
        if ((not tok.words[x][:1].islower() and w not in things) or not _is_head(lex, w)
                or w in lex.harm_nouns):  # "a US TV network", not "the US Army"
            return False
        if w in things:
            return True
    return False


_AGE = re.compile(r"\d+-year-old")
_CALENDAR = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday"])


def describes_a_person(lex: Lexicon, tok: Tokens, i: int, j: int) -> bool:
    """Whether the state's adjective or name at tokens [i, j) describes one person, not the state:
    a singular adjective used as a noun ("the Russian hit himself", "the 34-year-old American
    stormed to a win": one athlete) or a nationality before a person's or a work's name after
    words that are no organ or office of the state ("US judge Susan Illston", "US rapper Snoop
    Dogg", "hit US cartoon The Simpsons", "Germany's Tommy Haas"; not "US President Joe Biden",
    "Russian troops", "Ukraine's Main Intelligence Directorate")."""
    alias = " ".join(tok.words[i:j])
    if alias in _singular_demonyms():
        x = i - 1
        while x >= 0 and (_AGE.fullmatch(tok.low[x]) or tok.low[x] in ("former", "young", "veteran")
                          or tok.low[x] in _QUOTES):  # 'is a "German war criminal"'
            x -= 1
        after = tok.get(j)  # a verb or a stop, not a noun ("the Russian attack on", "the Russian army")
        if (tok.get(x) in ("the", "a", "an") and not _is_head(lex, after)
                and after not in lex.harm_nouns and after not in lex.blame_nouns):
            return True
        if tok.get(x) in ("a", "an") and any(  # "he is a German war criminal": one person's label
                tok.get(y) in lex.negative or tok.get(y) in lex.positive for y in range(j, j + NOUN_REACH)
                if all(_is_head(lex, tok.get(z)) for z in range(j, y + 1))):
            return True
    if _possessive(tok, j) or tok.get(j) == "'s":  # "Germany's Tommy Haas": a person of the country
        names = list(itertools.takewhile(lambda w: w[:1].isupper() and w.isalpha(),
                               tok.words[j + (tok.get(j) == "'s"):]))  # no office in the name
        return len(names) >= 2 and all(w.lower() not in _name_words()[0] and w not in state_aliases()
                                       for w in names)
    state_words, x = _state_words(), j
    while x < min(len(tok.low), j + 3) and tok.words[x][:1].islower():
        w = tok.low[x]
        if (not w.isalpha() or w in state_words or not _is_head(lex, w) or w in _PREPOSITIONS
                or w in _OPENERS or w in lex.harm_nouns or w in _AMOUNT_WORDS):  # "the US last May"
            return False
        x += 1
    return (x > j and x < len(tok.low) and tok.words[x][:1].isupper() and _is_word(tok.low[x])
            and tok.words[x] not in state_aliases() and tok.low[x] not in _CALENDAR)


def mention_cues(text: str, start: int, end: int, tok: Tokens | None = None,
                 path: Path = ROLES_FILE) -> list[Cue]:
    """The cues of the mention text[start:end] in its sentence, one per family, in family order."""
    lex = lexicon(path)
    tok = tok or Tokens(text)
    i, j = tok.span(start, end)
    if i >= j or (text[start:end] in state_aliases() and (describes_a_person(lex, tok, i, j)
                                                         or describes_a_thing(lex, tok, i, j))):
        return []
    k = i - 1
    while k >= 0 and (tok.low[k] in lex.determiners or _is_head(lex, tok.low[k])) and k >= i - 2:
        k -= 1
    p = k  # the word before the actor's phrase, past the names listed with it ("in A and X")
    if tok.get(k) in ("and", "or") and _conjuncts_before(tok, k) is not None:
        p = _conjuncts_before(tok, k)
        while p >= 0 and tok.low[p] in lex.determiners:
            p -= 1
        if "," in tok.low[p + 1:k] and tok.get(p) != "including":
            p = k  # "Before the fall of the Soviet Union, A, B and X were": a fronted phrase
    inside_phrase = p >= 0 and tok.low[p] in _PREPOSITIONS  # "the war in X killed": not X's act
    if inside_phrase and tok.low[p] in _SUBORDINATORS and _clause_follows(lex, tok, j):
        inside_phrase = False  # "weeks after X was caught lying": X opens a clause
    if inside_phrase and tok.low[p] == "of" and (tok.get(p - 1) in lex.determiners
                                                 or tok.get(p - 1).isdigit()):
        inside_phrase = False  # "thousands of X were forced to flee": X is the subject
    opens = k < 0 or not _is_word(tok.low[k]) or tok.low[k] in _OPENERS  # the clause's first words
    before = [Cue("negative_label", "negative phrase + actor")] if _label_phrase(lex, tok, end=i) else []
    found = [*before, _head_cue(lex, tok, i, j), _nominal_cue(lex, tok, j),
             *([] if inside_phrase else _subject_cues(lex, tok, _past_apposition(lex, tok, i, j), opens)),
             *([] if inside_phrase or not opens or _past_relative(lex, tok, j) is None
               else _subject_cues(lex, tok, _past_relative(lex, tok, j))),
             *(_coordinated_cues(lex, tok, j) if opens and not inside_phrase else []),
             *(_speaker_cues(lex, tok, i, j) if not inside_phrase else []),
             *_concealer_cues(lex, tok, i, j),
             *_what_it_calls_cues(lex, tok, i, j),
             *_indifference_cues(lex, tok, i, j),
             *_gratitude_cues(lex, tok, i),
             *_belied_cues(lex, tok, i, j),
             *_blamed_cause_cues(lex, tok, i),
             *_object_cues(lex, tok, i, j)]
    by_family: dict[str, Cue] = {}
    for cue in found:
        if cue is not None and (cue.family not in by_family or _weight(by_family[cue.family])
                                < _weight(cue)):
            by_family[cue.family] = cue
    return [by_family[f] for f in lex.role_of if f in by_family]


def _weight(cue: Cue, path: Path = ROLES_FILE) -> float:
    """What a cue counts for: 0 negated, else its family's weight (1 unless data/roles.toml says),
    times MODAL_WEIGHT when modal."""
    base = lexicon(path).weights.get(cue.family, 1.0)
    return 0.0 if cue.negated else base * MODAL_WEIGHT if cue.modal else base


# ---- metonyms and the mentions of the pipeline's actors ----------------------------------------

@cache
def metonyms(path: Path = METONYMS_FILE) -> pd.DataFrame:
    """alias -> actor rows of data/metonyms.toml: alias, actor, kind (metonym / demonym), not_after."""
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = [(alias, e["actor"], kind, tuple(e.get("not_after", [])))
            for kind in ("metonym", "demonym") for e in d.get(kind, []) for alias in e["aliases"]]
    return pd.DataFrame(rows, columns=["alias", "actor", "kind", "not_after"])


@cache
def description_heads(path: Path = METONYMS_FILE) -> tuple[str, ...]:
    """The heads of data/metonyms.toml's descriptions ("government": "the government")."""
    return tuple(tomllib.loads(path.read_text(encoding="utf-8")).get("descriptions", {})
                 .get("heads", []))


def is_place_use(text: str, start: int, not_after: tuple[str, ...]) -> bool:
    """Whether the word before text[start:] makes an alias a place ("in Brussels")."""
    before = re.findall(r"[\w']+", text[max(0, start - 40):start])
    return bool(before) and before[-1].lower() in {w.lower() for w in not_after}


@cache
def _name_words(path: Path = METONYMS_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """The words that keep a state's alias the state inside a capitalised name (data/metonyms.toml's
    state organs and capitalised groups of people, data/titles.txt's offices), and the
    organisation nouns a nationality describes."""
    d = tomllib.loads(path.read_text(encoding="utf-8"))
    parts = d.get("name_parts", {})
    organs = frozenset(w.lower() for w in parts.get("state_organs", []) + parts.get("capitalised_groups", []))
    nouns = frozenset(w.lower() for w in d.get("organisation_nouns", {}).get("nouns", []))
    return organs | _titles(), nouns


@cache
def state_aliases(path: Path = METONYMS_FILE) -> frozenset[str]:
    """The names of states and unions of states as written: data/metonyms.toml's aliases, their
    actors, and those actors' aliases in data/actors.csv ("Russian", "USA", "White House")."""
    from analysis.actors import load_aliases

    meto = metonyms(path)
    table = load_aliases()
    states = set(meto["actor"])
    return frozenset(meto["alias"]) | frozenset(states) | frozenset(
        table.loc[table["actor"].isin(states), "alias"])


_NAME_WORD = re.compile(r"[A-Z][\w'\u2019&.]*(?:-[A-Z][\w'\u2019&.]*)*(?![\w-])")  # not "Kremlin-backed"
_WORD_BEFORE = re.compile(r"(\S+)\s+(?:of\s+(?:the\s+)?)?$")
# the capitalised words after an alias, joined by "and", "of", "for" ("Securities and Exchange Commission")
_CAPITALISED_AFTER = re.compile(rf"(?:\s+(?:(?:and|of|for|&)\s+)?{_NAME_WORD.pattern})+")
_WORDS_AFTER = re.compile(r"(?:(?:\s+|-)[a-z][\w-]*){1,3}")


def _bare(word: str) -> str:
    """A word lower-cased without a possessive or a full stop ("Correspondents'" -> "correspondents")."""
    return re.sub(r"(?:['\u2019]s?|\.)$", "", word).lower()


def part_of_a_name(text: str, start: int, end: int) -> bool:
    """Whether the state's alias text[start:end] of a sentence is part of something else's name
    rather than the state: inside a longer capitalised name ("JBS USA Food Company", "North
    America", "Bank of America", "the White House Correspondents' Dinner", "the Russia Collusion
    hoax") unless a word of that name is a state organ, an office or another state ("the Russian
    Defence Ministry", "US President Joe Biden", "Russia Ukraine talks"); or the nationality of a
    business ("the American division", "a Russian oil company"). A headline in title case tells
    nothing."""
    words = _NAME_WORD.findall(text)
    if len(words) > 3 and len(words) >= 0.6 * len(re.findall(r"[A-Za-z][\w'-]*", text)):
        return False
    organs, businesses = _name_words()
    states = state_aliases()

    lex = lexicon()

    def names_other(word: str) -> bool:
        return _bare(word) not in organs and word not in states and word.rstrip(".,") not in states

    def function_word(word: str) -> bool:  # "The", "This", "In" capitalised where a sentence begins
        w = word.lower()
        return w in lex.determiners or w in _PREPOSITIONS or w in _OPENERS or w in lex.auxiliaries

    before = _WORD_BEFORE.search(text, 0, start)
    if before and _NAME_WORD.fullmatch(before.group(1)) and not re.search(r"['\u2019]s$", before.group(1)):
        word = before.group(1)
        first = not text[:before.start(1)].strip(" \"'\u201c\u2018(")  # the sentence's first word
        acronym = word.isupper() and len(word) > 1  # "JBS USA" opening a sentence
        if names_other(word) and not function_word(word) and (not first or acronym):
            return True
    after = _CAPITALISED_AFTER.match(text, end)
    owner = re.search(r"['\u2019]s?$|\.$", text[start:end])  # "NATO's Strategic Concept", "U.S. There"
    if after and not owner:
        run = after.group().split()
        if (not (run[0].isupper() and len(run[0]) > 1) and not function_word(run[0])
                and all(names_other(w) for w in run)):
            return True
    following = _WORDS_AFTER.match(text, end)
    for word in re.findall(r"[a-z][\w-]*", following.group()) if following else []:
        if word in businesses:
            return True
        if (word in lex.determiners or word in lex.auxiliaries or word in _PREPOSITIONS
                or word in _OPENERS or word in organs or lex.verb_kind(word)
                or (word.endswith("ed") and "-" not in word)):
            break
    return False


@lru_cache(maxsize=64)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    """One pattern for the aliases (a trie: longest first), whole words (built once per article's
    set)."""
    return whole_words([literal_alternation(aliases)])


def find_mentions(text: str, aliases: dict[str, str], not_after: dict[str, tuple] | None = None
                  ) -> list[tuple[int, int, str, str]]:
    """(start, end, alias as written, actor) of every alias in a text, longest alias first, whole
    words; an alias with `not_after` words is skipped where one of them comes right before it, a
    state's alias where it is part of another name (part_of_a_name)."""
    if not aliases:
        return []
    pattern = _alias_pattern(tuple(aliases))
    lookup, blocked = dict(aliases), not_after or {}
    states = state_aliases()
    return [(m.start(), m.end(), m.group(), lookup[m.group()]) for m in pattern.finditer(text)
            if not is_place_use(text, m.start(), blocked.get(m.group(), ()))
            and not (m.group() in states and part_of_a_name(text, m.start(), m.end()))]


MENTION_COLUMNS = ["doc_id", "sentence_id", "group", "actor", "alias", "start", "end"]


@per_corpus
def corpus_mentions(corpus: Corpus) -> pd.DataFrame:
    """The actor mentions of notebook 04 (data/actors.csv) plus, per article, "the president" and
    the like for the one person it names with that title, and the metonyms of data/metonyms.toml
    for actors of actors.csv: doc_id, sentence_id, group, actor, alias, start, end (articles in
    parallel partitions)."""
    from analysis.framing import compute_mentions

    base = compute_mentions(corpus)[MENTION_COLUMNS]
    group_of = dict(zip(base["actor"], base["group"], strict=True))
    meto = metonyms()
    joined = partial(article_mentions, group_of=group_of, meto=meto[meto["actor"].isin(group_of)],
                     people=[a for a in group_of if a != group_of[a] and " " in a])
    mentions = map_with(joined, corpus.sentences, (base, corpus.documents[["doc_id", "text"]]))
    return mentions.sort_values(["doc_id", "start"], kind="stable", ignore_index=True)


def article_mentions(sentences: pd.DataFrame, base: pd.DataFrame, documents: pd.DataFrame,
                     group_of: dict[str, str], meto: pd.DataFrame, people: list[str]) -> pd.DataFrame:
    """corpus_mentions for the articles of `sentences`: `base` their actors.csv mentions,
    `documents` their texts, `group_of` each actor's group, `meto` the metonyms of those actors,
    `people` the persons among them (in the corpus's order of first mention); rows unsorted. A
    state's alias inside another name ("JBS USA Food Company", part_of_a_name) is no mention."""
    texts = dict(zip(documents["doc_id"], documents["text"], strict=True))
    rows, by_doc = [], columns_by_document(base, ["sentence_id", "actor", "alias", "start", "end"])
    none: dict[str, list] = {"sentence_id": [], "actor": [], "alias": [], "start": [], "end": []}
    dropped, states = set(), state_aliases()
    metonyms = dict(zip(meto["alias"], meto["actor"], strict=True))
    blocked = dict(zip(meto["alias"], meto["not_after"], strict=True))
    metonyms_of: dict[str, set[str]] = {}
    for alias, actor in zip(meto["alias"], meto["actor"], strict=True):
        metonyms_of.setdefault(actor, set()).add(alias)
    columns = ["doc_id", "sentence_id", "start", "text"]
    for doc_id, part in itertools.groupby(by_document(sentences, columns), key=itemgetter(0)):
        part = list(part)
        mine = by_doc.get(doc_id, none)
        at = {sid: (start, text) for _, sid, start, text in part}
        named = {k for k, (sid, alias, a, b) in enumerate(zip(mine["sentence_id"], mine["alias"],
                                                              mine["start"], mine["end"], strict=True))
                 if alias in states and part_of_a_name(at[sid][1], a - at[sid][0], b - at[sid][0])}
        if named:  # a state's alias inside another name: not the state's mention
            dropped |= {(doc_id, mine["start"][k], mine["actor"][k]) for k in named}
            mine = {c: [v for k, v in enumerate(values) if k not in named] for c, values in mine.items()}
        present = set(mine["actor"])
        taken = sorted(zip(mine["start"], mine["end"], strict=True))
        aliases = dict(metonyms)
        for title, person in titled_people(texts[doc_id], [p for p in people if p in present]).items():
            aliases |= {title: person, title[0].upper() + title[1:]: person}
        written = {a: set(aliases_of) | metonyms_of.get(a, set())
                   for a, aliases_of in _aliases_by_actor(mine["actor"], mine["alias"]).items()}
        aliases |= described_actors(texts[doc_id], written, list(description_heads()))
        aliases |= {form: actor for form, actor in acronym_aliases(texts[doc_id], written).items()
                    if form not in aliases}
        for _, sid, start, text in part:
            for a, b, alias, actor in find_mentions(text, aliases, blocked):
                k = bisect_right(taken, (start + b,)) - 1  # a base mention inside this span?
                if k >= 0 and taken[k][1] > start + a:
                    continue
                rows.append((doc_id, sid, group_of[actor], actor, alias, start + a, start + b))
    extra = pd.DataFrame(rows, columns=base.columns)
    base = base[[key not in dropped for key in zip(base["doc_id"], base["start"], base["actor"],
                                                              strict=True)]]
    mentions = pd.concat([base, extra], ignore_index=True).astype(base.dtypes.to_dict())
    pronouns = pronoun_mentions(sentences, mentions, set(people),
                                set(mentions["actor"]) - set(people) - set(group_of.values()))
    return pd.concat([mentions, pronouns], ignore_index=True).astype(base.dtypes.to_dict())


def acronym_aliases(text: str, written: dict[str, set[str]]) -> dict[str, str]:
    """Within one article: an acronym and the name it stands for where the article spells it out
    ("the World Economic Forum (WEF)", analysis.quotes.acronyms) -> the one actor of `written`
    (actor -> its aliases) either form names: the other form joins it, with and without "the"."""
    from analysis.quotes import acronyms

    out = {}
    for short, long in acronyms(text).items():
        owners = {a for a, forms in written.items() if {short, long} & (set(forms) | {a})}
        if len(owners) == 1:
            actor = next(iter(owners))
            out |= dict.fromkeys((short, long, f"the {long}", f"The {long}"), actor)
    return out


def _aliases_by_actor(actors: list[str], aliases: list[str]) -> dict[str, list[str]]:
    """Each actor of a document's mentions (`actors` and their `aliases`, one a mention) in order
    of first mention, with its aliases in mention order."""
    by_actor: dict[str, list[str]] = {}
    for actor, alias in zip(actors, aliases, strict=True):
        by_actor.setdefault(actor, []).append(alias)
    return by_actor


# ---- evidence, calls and shares -----------------------------------------------------------------

def _voice_at(segments: pd.DataFrame | None, sentence_ids) -> dict:
    """Per sentence of `sentence_ids`: the starts, ends and voices of its voice segments."""
    if segments is None:
        return {}
    ordered = segments[segments["sentence_id"].isin(sentence_ids)].sort_values(["sentence_id", "start"])
    if ordered.empty:
        return {}
    sids = ordered["sentence_id"].to_numpy()
    starts, ends, voices = (ordered[c].tolist() for c in ("start", "end", "voice"))
    cuts = [*np.flatnonzero(np.r_[True, sids[1:] != sids[:-1]]).tolist(), len(sids)]
    return {sids[a]: (starts[a:b], ends[a:b], voices[a:b]) for a, b in itertools.pairwise(cuts)}


def _voice_of(voices: dict, sid: str, start: int) -> str:
    """The voice at a mention starting at `start` in sentence sid (_voice_at's segments)."""
    if sid in voices:
        starts, ends, names = voices[sid]
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < ends[k]:
            return names[k]
    return "narrator"


def role_evidence(sentences: pd.DataFrame, mentions: pd.DataFrame,
                  segments: pd.DataFrame | None = None, path: Path = ROLES_FILE) -> pd.DataFrame:
    """One row per cue of a mention (EVIDENCE_COLUMNS but outlet): mentions give doc_id,
    sentence_id, group, actor, alias and document offsets; sentences their start and text;
    segments (analysis.voice) the voice at the mention, else "narrator"."""
    lex = lexicon(path)
    offset_of = dict(zip(sentences["sentence_id"], sentences["start"], strict=True))
    text_of = dict(zip(sentences["sentence_id"], sentences["text"], strict=True))
    voices = _voice_at(segments, mentions["sentence_id"].unique())
    rows, tokens, in_sentence = [], {}, {}
    for doc_id, sid, group, actor, alias, start, end in mentions[
            ["doc_id", "sentence_id", "group", "actor", "alias", "start", "end"]].itertuples(index=False):
        base, text = offset_of[sid], text_of[sid]
        in_sentence.setdefault(sid, []).append((doc_id, group, actor, alias, start, end))
        tok = tokens.get(sid) or tokens.setdefault(sid, Tokens(text))
        if len(tokens) > 64:
            tokens = {sid: tok}
        cues = mention_cues(text, start - base, end - base, tok, path)
        if not cues:
            continue
        voice = _voice_of(voices, sid, start)
        for cue in cues:
            rows.append((doc_id, group, actor, sid, alias, start, end, cue.family,
                         lex.role_of[cue.family], cue.pattern, voice, cue.negated, cue.modal,
                         _weight(cue), text))
    linked = {"backer": [Cue("backer_of_villain", "backer of an actor called villain")],
              "head": [Cue("head_of_villain", "head of an actor called villain"),
                       Cue("head_of_hero", "head of an actor called hero")]}
    candidates = []
    for sid, found in in_sentence.items():
        if len({m[2] for m in found}) < 2:
            continue
        base, text = offset_of[sid], text_of[sid]
        tok, found = Tokens(text), sorted(found, key=itemgetter(4))
        spans = [(*tok.span(start - base, end - base), actor) for _, _, actor, _, start, end in found]
        for n, backed, kind in backing_links(tok, spans, path):
            doc_id, group, actor, alias, start, end = found[n]
            candidates += [((doc_id, group, actor, sid, alias, start, end, cue.family,
                             lex.role_of[cue.family], cue.pattern, _voice_of(voices, sid, start),
                             False, False, _weight(cue), text), backed) for cue in linked[kind]]
    rows += _backing_rows(rows, candidates)
    columns = [c for c in EVIDENCE_COLUMNS if c != "outlet"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"doc_id": "string", "group": "string", "actor": "string", "sentence_id": "string",
         "alias": "string", "family": "string", "role": "string", "pattern": "string",
         "voice": "string", "negated": bool, "modal": bool, "weight": float, "text": "string"})


def _stop(tok: Tokens, x: int) -> bool:
    """Whether token x ends a clause: ";", ":" or a full stop that is no initial ("Robert F.")."""
    w = tok.low[x]
    return w in (";", ":") or (w == "." and not (x > 0 and len(tok.words[x - 1]) == 1
                                                 and tok.words[x - 1].isupper()))


def backing_links(tok: Tokens, spans: list[tuple[int, int, str]], path: Path = ROLES_FILE
                  ) -> list[tuple[int, str, str]]:
    """Who pays for or heads whom in one sentence: for the mentions at token spans (i, j, actor),
    in order, (index of the backer's mention, actor backed, "backer" or "head"): the backer listed
    after a backer noun ("X's funders include A", "X boasts backers, including A") or after "by"
    with a funding participle ("X, funded by A"), the backed actor the nearest other one before
    that noun or participle (within APPOSITION_REACH words, in the same clause); or a head named
    after the actor and its title ("X CEO A", "X's spokesman A")."""
    lex = lexicon(path)
    links, stops = [], np.cumsum([0, *(_stop(tok, x) for x in range(len(tok.low)))])
    for n, (i, _, actor) in enumerate(spans):
        anchor = None
        title = i - 1 - (tok.get(i - 1) == ",")  # "X's spokesman, A,"
        if tok.get(title) in lex.head_nouns and n and spans[n - 1][2] != actor and (
                spans[n - 1][1] == title or (spans[n - 1][1] == title - 1 and tok.get(title - 1) == "'s")):
            links.append((n, spans[n - 1][2], "head"))
            continue
        if tok.get(i - 1) == "by" and tok.get(i - 2) in lex.backer_participles:
            anchor = i - 2
        else:
            listed = False
            for x in range(i - 1, max(i - 1 - BACKING_REACH, -1), -1):
                w = tok.low[x]
                if _stop(tok, x) or w in lex.be:
                    break
                listed = listed or w in lex.listing or (w == "as" and tok.get(x - 1) == "such")
                if w in lex.backer_nouns:
                    anchor = x if listed else None
                    break
        if anchor is None:
            continue
        for _, a_j, backed in reversed(spans[:n]):  # the nearest other actor before the anchor
            if a_j <= anchor and (stops[anchor] > stops[a_j] or anchor - a_j > APPOSITION_REACH):
                break
            if a_j <= anchor and backed != actor:
                links.append((n, backed, "backer"))
                break
    return links


def _backing_rows(rows: list[tuple], candidates: list[tuple[tuple, str]]) -> list[tuple]:
    """Of the candidates (a backer's or head's evidence row, the actor it backs or heads), the
    rows whose role is the call the article's other evidence rows (`rows`) make of that actor."""
    weights: dict[tuple[str, str], dict[str, float]] = {}
    for row in rows:
        scores = weights.setdefault((row[0], row[2]), {})
        scores[row[8]] = scores.get(row[8], 0.0) + row[13]
    return [row for row, backed in candidates
            if call_role(weights.get((row[0], backed), {}))[0] == row[8]]


def call_role(scores: dict[str, float]) -> tuple[str, str]:
    """The call from role weights, and why it abstains: no cue, or cues that conflict."""
    ranked = sorted(((scores.get(r, 0.0), r) for r in ROLES), reverse=True)
    (top, role), (second, _) = ranked[0], ranked[1]
    if top < MODAL_WEIGHT or top == 0:
        return NONE, "no cue"
    if top < CONFLICT_RATIO * second:
        return NONE, "conflicting cues"
    return role, ""


def _role_weights(evidence: pd.DataFrame) -> dict[tuple[str, str], dict[str, float]]:
    """Per (doc_id, actor) of the evidence, the sum of its cues' weights per role."""
    sums = evidence.groupby(["doc_id", "actor", "role"], sort=False)["weight"].sum()
    weights: dict[tuple[str, str], dict[str, float]] = {}
    for (doc_id, actor, role), weight in sums.items():
        weights.setdefault((doc_id, actor), {})[role] = weight
    return weights


def role_calls(evidence: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Per (doc_id, actor) of `pairs` (with group and n_mentions): role weights, the call with all
    voices and with the narrator's words only, why it abstains, and the evidence sentences."""
    weights = {scope: _role_weights(part) for scope, part in
               (("", evidence), ("narrator_", evidence[evidence["voice"] == "narrator"]))}
    cited: dict[tuple[str, str], list[tuple[str, str]]] = {}  # the cues of weight > 0, in order
    positive = evidence.loc[evidence["weight"] > 0, ["doc_id", "actor", "role", "text"]]
    for doc_id, actor, role, text in positive.itertuples(index=False):
        cited.setdefault((doc_id, actor), []).append((role, text))
    rows = []
    for doc_id, group, actor, n_mentions in pairs[["doc_id", "group", "actor", "n_mentions"]] \
            .itertuples(index=False):
        cues = cited.get((doc_id, actor), [])
        row = {"doc_id": doc_id, "group": group, "actor": actor, "n_mentions": int(n_mentions),
               "n_cues": len(cues)}
        for scope, by_pair in weights.items():
            scores = by_pair.get((doc_id, actor), {})
            call, why = call_role(scores)
            if not scope:
                row |= {r: round(float(scores.get(r, 0.0)), 2) for r in ROLES}
            row |= {f"{scope}call": call, f"{scope}abstain_reason": why}
        texts = dict.fromkeys(text for role, text in cues if row["call"] in (NONE, role))
        row["evidence"] = " | ".join(" ".join(t.split()) for t in list(texts)[:EVIDENCE_SENTENCES])
        rows.append(row)
    columns = ["doc_id", "group", "actor", "n_mentions", "n_cues", *ROLES, "call", "abstain_reason",
               "narrator_call", "narrator_abstain_reason", "evidence"]
    return pd.DataFrame(rows, columns=columns).astype(
        {c: "string" for c in ["doc_id", "group", "actor", "call", "abstain_reason", "narrator_call",
                               "narrator_abstain_reason", "evidence"]})


def pair_score(calls: pd.DataFrame, positive: str, negative: str = "villain",
               tie_break: float = 0.0) -> np.ndarray:
    """A per-pair score for ranking: weight of `positive` minus weight of `negative`; with a
    tie_break (TONE_TIE_BREAK), plus that times the tone of the actor's clauses (column
    clause_tone) in TONE_SIGN's direction."""
    score = (calls[positive] - calls[negative]).to_numpy(dtype=float)
    if tie_break:
        tone = calls["clause_tone"].fillna(0.0).to_numpy(dtype=float)
        score = score + tie_break * TONE_SIGN.get(positive, 0.0) * tone
    return score


def clause_tone(sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """Per (doc_id, actor): the mean VADER compound of the clauses holding its mentions, the names
    masked (analysis.clause_tone), each clause once, rounded to 4 places."""
    from analysis.clause_tone import mention_contexts
    from analysis.lexicons import score_vader

    if mentions.empty:
        return pd.Series(dtype=float, index=pd.MultiIndex.from_tuples([], names=["doc_id", "actor"]))
    offset = mentions["sentence_id"].map(sentences.set_index("sentence_id")["start"]).to_numpy()
    contexts = mention_contexts(sentences, mentions.assign(start=mentions["start"] - offset,
                                                           end=mentions["end"] - offset))
    clauses = mentions[["doc_id", "actor", "sentence_id"]].join(
        contexts[["clause_start", "clause_scored_text"]]).drop_duplicates(
        ["doc_id", "actor", "sentence_id", "clause_start"])
    texts = pd.Series(clauses["clause_scored_text"].unique())
    scores = score_vader(texts)[0]["vader_compound"].set_axis(texts.to_numpy())
    clauses["tone"] = scores.loc[clauses["clause_scored_text"]].to_numpy()
    return clauses.groupby(["doc_id", "actor"], sort=True)["tone"].mean().round(4)


@per_corpus
def compute_role_evidence(corpus: Corpus) -> pd.DataFrame:
    """The role_evidence table: one row per cue of an actor mention, with outlet and voice."""
    from analysis.voice import compute_voice_segments

    evidence = role_evidence(corpus.sentences, corpus_mentions(corpus), compute_voice_segments(corpus))
    evidence.insert(1, "outlet", evidence["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"])
                    .astype("string"))
    return evidence


@per_corpus
def compute_role_calls(corpus: Corpus) -> pd.DataFrame:
    """The role_calls table: per (article, actor) mentioned, the call and its evidence."""
    mentions = corpus_mentions(corpus)
    pairs = (mentions.groupby(["doc_id", "group", "actor"], sort=False).size()
             .rename("n_mentions").reset_index())
    calls = role_calls(compute_role_evidence(corpus), pairs)
    calls.insert(1, "outlet", calls["doc_id"].map(corpus.documents.set_index("doc_id")["outlet"])
                 .astype("string"))
    return calls


def top_actors(calls: pd.DataFrame, n: int = TOP_ACTORS) -> list[str]:
    """The actors mentioned in most articles (ties by name)."""
    counts = calls.groupby("actor")["doc_id"].nunique()
    return sorted(counts.index, key=lambda a: (-counts[a], a))[:n]


def role_shares(calls: pd.DataFrame, outlets: list[str], n: int = TOP_ACTORS) -> pd.DataFrame:
    """Per outlet, top actor, voices (all / narrator only) and role: the share of the outlet's
    articles naming the actor that cast it in the role, with a Clopper-Pearson interval, n, and
    the abstention rate; an example sentence per cell."""
    rows = []
    for actor in top_actors(calls, n):
        for outlet in outlets:
            part = calls[(calls["actor"] == actor) & (calls["outlet"] == outlet)]
            if part.empty:
                continue
            for voices, column in (("all voices", "call"), ("narrator only", "narrator_call")):
                abstain = float((part[column] == NONE).mean())
                for role in ROLES:
                    hits = part[part[column] == role]
                    low, high = clopper_pearson(len(hits), len(part))
                    example = hits["evidence"].str.split(" | ", regex=False).str[0]
                    rows.append((outlet, actor, voices, role, len(part), len(hits),
                                 round(len(hits) / len(part), 4), round(low, 4), round(high, 4),
                                 round(abstain, 4), example.iloc[0] if len(hits) else ""))
    return pd.DataFrame(rows, columns=["outlet", "actor", "voices", "role", "n_articles", "n_calls",
                                       "share", "low", "high", "abstention", "example"])


@per_corpus
def compute_role_shares(corpus: Corpus) -> pd.DataFrame:
    """The role_shares table of the corpus."""
    return role_shares(compute_role_calls(corpus), corpus.outlets)


TABLES = {
    "role_evidence": compute_role_evidence,
    "role_calls": compute_role_calls,
    "role_shares": compute_role_shares,
}


# ---- validation against human role labels (SemEval-2025 entity framing) ------------------------

LABEL_ROLE = {"Antagonist": "villain", "Innocent": "victim", "Protagonist": "hero"}


def utf16_to_char(text: str, utf16: int) -> int:
    """The character position of a UTF-16 code unit position in text."""
    units = np.cumsum([2 if ord(c) > 0xFFFF else 1 for c in text])
    return int(np.searchsorted(units, utf16, side="right"))


def read_role_labels(folder: Path) -> pd.DataFrame:
    """entity-roles.tsv as one row per labelled mention: file, entity (the raw text at its offsets,
    widened to whole words: an annotation cut inside a word is repaired), role (villain / victim /
    hero)."""
    labels = pd.read_csv(folder / "entity-roles.tsv", sep="\t", header=None, usecols=range(5),
                         names=["file", "entity", "start", "end", "label"], quoting=3,
                         dtype={"file": str, "entity": str})
    rows = []
    for file, group in labels.groupby("file", sort=True):
        path = folder / "docs" / file
        text = path.read_bytes().decode("utf-8", errors="replace") if path.is_file() else ""
        for entity, start16, end16, label in group[["entity", "start", "end", "label"]] \
                .itertuples(index=False):
            start, end = utf16_to_char(text, int(start16)), utf16_to_char(text, int(end16)) + 1
            if text[start:end].strip() and text[start:end] in entity + text[end:end + 1]:
                while start > 0 and text[start - 1].isalnum():
                    start -= 1
                while end < len(text) and text[end].isalnum():
                    end += 1
                entity = text[start:end]
            rows.append((file, " ".join(str(entity).split()), LABEL_ROLE.get(label, label)))
    return pd.DataFrame(rows, columns=["file", "entity", "role"])


def _known_aliases() -> dict[str, set[str]]:
    """Every alias of an actor of data/actors.csv and data/metonyms.toml -> the actor's aliases."""
    from analysis.actors import load_aliases

    table = load_aliases()[["actor", "alias"]]
    table = pd.concat([table, metonyms()[["actor", "alias"]],
                       pd.DataFrame({"actor": table["actor"].unique(),
                                     "alias": table["actor"].unique()})])
    by_actor = table.groupby("actor")["alias"].agg(set).to_dict()
    return {alias.lower(): by_actor[actor] for actor, alias in table.itertuples(index=False)}


def labelled_actors(labels: pd.DataFrame) -> pd.DataFrame:
    """Labelled mentions joined into (file, actor) pairs (surnames to full names, acronyms), with
    the majority role (ties: the pair is dropped as conflicting) and the aliases to look for."""
    from analysis.actors import clean_name, join_names, name_aliases

    known, rows = _known_aliases(), []
    for file, group in labels.groupby("file", sort=True):
        joined = join_names(list(group["entity"]))
        group = group.assign(actor=group["entity"].map(joined))
        for actor, part in group.groupby("actor", sort=True):
            counts = part["role"].value_counts()
            if len(counts) > 1 and counts.iloc[0] == counts.iloc[1]:
                continue
            aliases = set().union(*(name_aliases(e) for e in part["entity"]), name_aliases(actor))
            for form in list(aliases):
                aliases |= known.get(clean_name(form).lower(), set())
            rows.append((file, actor, counts.index[0], len(part), sorted(aliases)))
    return pd.DataFrame(rows, columns=["file", "actor", "role", "n_labels", "aliases"])


def written_as_person(text: str, name: str) -> bool:
    """Whether an actor's name is a person's in this article: two or more names, or one name the
    article writes after a first name ("John Kerry" for "Kerry", "Gov. Phil Murphy")."""
    if is_person_name(name):
        return True
    if " " in name.strip():
        return False
    lex = lexicon()
    for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b", text):
        first = m.group(1).lower()
        if (first not in lex.determiners and first not in lex.blockers and first not in _titles()
                and first not in lex.auxiliaries and first not in _OPENERS
                and is_person_name(f"{m.group(1)} {name}")):
            return True
    return False


def labelled_evidence(corpus: Corpus, actors: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Role evidence and mention counts of the labelled actors in the loaded corpus (an alias two
    actors of one article share names neither)."""
    from analysis.voice import compute_voice_segments

    meto = metonyms()
    blocked = dict(zip(meto["alias"], meto["not_after"], strict=True))
    texts = corpus.documents.set_index("doc_id")["text"]
    stem = {Path(f).stem: f for f in actors["file"]}
    rows, everyone, groups = [], set(), set()
    for doc_id, sentences in corpus.sentences.groupby("doc_id", sort=False):
        mine = actors[actors["file"] == stem.get(doc_id, "")]
        owners: dict[str, set[str]] = {}
        for actor, aliases in mine[["actor", "aliases"]].itertuples(index=False):
            for alias in aliases:
                owners.setdefault(alias, set()).add(actor)
        persons = {a for a in mine["actor"] if written_as_person(texts[doc_id], a)}
        people = [a for a in mine["actor"] if " " in a or a in persons]
        everyone |= persons
        groups |= {a for a in mine["actor"] if a not in people}
        for title, person in titled_people(texts[doc_id], people).items():
            for form in (title, title[0].upper() + title[1:]):
                owners.setdefault(form, set()).add(person)
        written = {a: set(al) for a, al in mine[["actor", "aliases"]].itertuples(index=False)}
        for form, actor in described_actors(texts[doc_id], written, list(description_heads())).items():
            owners.setdefault(form, set()).add(actor)
        for form, actor in acronym_aliases(texts[doc_id], written).items():
            owners.setdefault(form, set()).add(actor)
        aliases = {a: next(iter(o)) for a, o in owners.items() if len(o) == 1}
        for sid, start, text in sentences[["sentence_id", "start", "text"]].itertuples(index=False):
            for a, b, alias, actor in find_mentions(text, aliases, blocked):
                rows.append((doc_id, sid, "labelled", actor, alias, start + a, start + b))
    mentions = pd.DataFrame(rows, columns=["doc_id", "sentence_id", "group", "actor", "alias",
                                           "start", "end"])
    mentions = pd.concat([mentions, pronoun_mentions(corpus.sentences, mentions, everyone, groups)],
                         ignore_index=True).sort_values(["doc_id", "start"], kind="stable",
                                                        ignore_index=True)
    evidence = role_evidence(corpus.sentences, mentions, compute_voice_segments(corpus))
    return evidence, mentions


def score_calls(calls: pd.DataFrame, column: str = "call", tie_break: float = 0.0) -> dict:
    """Precision per call, coverage and the two AUCs (pair_score with tie_break) of calls joined
    to human roles (`role`)."""
    def role_auc(positive: str) -> float:
        part = calls[calls["role"].isin([positive, "villain"])]
        scores, truth = pair_score(part, positive, tie_break=tie_break), (part["role"] == positive).to_numpy()
        return auc(scores[truth], scores[~truth])

    out = {"pairs": len(calls), "called": int((calls[column] != NONE).sum())}
    out["coverage"] = out["called"] / len(calls) if len(calls) else float("nan")
    for role in ROLES:
        made = calls[calls[column] == role]
        out[f"{role}_calls"] = len(made)
        out[f"{role}_correct"] = int((made["role"] == role).sum())
        out[f"{role}_precision"] = out[f"{role}_correct"] / len(made) if len(made) else float("nan")
        out[f"{role}_labelled"] = int((calls["role"] == role).sum())
    out["victim_vs_villain_auc"] = role_auc("victim")
    out["hero_vs_villain_auc"] = role_auc("hero")
    return out


def half_of(file: str) -> str:
    """The fixed split of the labelled files: "dev" or "held-out" by a hash of the file name."""
    import zlib

    return "dev" if zlib.crc32(file.encode("utf-8")) % 2 == 0 else "held-out"


def validate_roles(folder: Path) -> pd.DataFrame:
    """Role calls for every labelled (article, actor) of a SemEval-style folder (docs/ and
    entity-roles.tsv), with the human role and the split half: one row per pair."""
    from analysis.corpus import load_corpus

    actors = labelled_actors(read_role_labels(folder))
    with warnings.catch_warnings():  # one group, no metadata: expected of a labelled folder
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = load_corpus(folder / "docs", store=None)
    evidence, mentions = labelled_evidence(corpus, actors)
    counts = mentions.groupby(["doc_id", "actor"]).size()
    pairs = actors.assign(doc_id=actors["file"].map(lambda f: Path(f).stem), group="labelled")
    pairs["n_mentions"] = [int(counts.get((d, a), 0)) for d, a in zip(pairs["doc_id"], pairs["actor"],
                                                                      strict=True)]
    calls = role_calls(evidence, pairs)
    tone = clause_tone(corpus.sentences, mentions)
    calls["clause_tone"] = [float(tone.get((d, a), 0.0)) for d, a in zip(calls["doc_id"], calls["actor"],
                                                                       strict=True)]
    calls["role"] = actors["role"].to_numpy()
    calls["half"] = actors["file"].map(half_of).to_numpy()
    return calls


VALIDATION = PACKAGE_DATA / "roles_validation.csv"  # validation_table of the default labels, kept


def stored_validation() -> pd.DataFrame | None:
    """The validation figures `validate-roles --write` kept with the package (None if absent), so
    a report states them on any machine, with or without the labelled articles beside it."""
    return pd.read_csv(VALIDATION) if VALIDATION.is_file() else None


def default_labels_folder() -> Path:
    """../shared/corpora/semeval2025-cc beside the checkout."""
    return shared_corpora("semeval2025-cc")


def validation_table(calls: pd.DataFrame) -> pd.DataFrame:
    """The scores of validate_roles' calls: one row per voices (all, narrator only) and half
    (dev, held-out, all): pairs, coverage, precision and counts per call, the two AUCs (rounded)."""
    rows = []
    for voices, column in (("all voices", "call"), ("narrator only", "narrator_call")):
        for half, part in [*calls.groupby("half", sort=True), ("all", calls)]:
            s = score_calls(part, column)
            rows.append({"voices": voices, "half": half, "pairs": s["pairs"], "called": s["called"],
                         "coverage": round(s["coverage"], 3),
                         **{f"{r}_{k}": (round(s[f"{r}_{k}"], 3) if k == "precision" else s[f"{r}_{k}"])
                            for r in ROLES for k in ("calls", "correct", "precision")},
                         "victim_vs_villain_auc": round(s["victim_vs_villain_auc"], 3),
                         "hero_vs_villain_auc": round(s["hero_vs_villain_auc"], 3)})
    return pd.DataFrame(rows)
