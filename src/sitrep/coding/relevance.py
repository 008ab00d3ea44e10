"""Relevance: whether a coded event is political, so that a real news feed (sport, business,
entertainment, technology) fills the store with events someone reported, not with tennis matches
coded as assaults. The rules are written down in docs/coding-rules.md; in short:

- a participant's standing (`standing`): a political sector, a transnational body or a named
  political person or group is "political"; a country (or its capital) named as such is a
  "state"; a domestic collective (civilians, labour, students, ...: `data/political_sectors.tsv`)
  is "collective"; everyone else (companies, bands, clubs, fans, unnamed people) has none;
- an event needs a political participant (`is_political`): at least one side political or a
  state; a collective's PROTEST counts when the collective is of a named country;
- a trigger with a non-political sense (`data/trigger_senses.tsv`: "beat", "attack", "meet",
  "sign", "tour", ...) is licensed only by a political participant (a state alone does not
  license it) or by a political frame: the document's and the sentence's relevance
  (`relevance_score`, the learned gate of docs/relevance-gate.md).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sitrep.actors.knowledge import fold_uncached
from sitrep.actors.parties import TRANSNATIONAL_SECTORS
from sitrep.model import Actor, Event
from sitrep.resources import data_json, read_tsv, word_class

POLITICAL = "political"  # a placed political sector, a named political body or person
UNPLACED = "unplaced"  # a political sector of no named country ("police", "the judge"), or a
#                        political person named by one word only ("Bono", "Jonathan")
STATE = "state"  # a country, its capital or a nationality standing for it ("Britain", "Israeli")
COLLECTIVE = "collective"  # a domestic group of a named country ("Iraqi students"), a nationality
STANDINGS = (POLITICAL, UNPLACED, STATE, COLLECTIVE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def sector_standing() -> dict[str, str]:
    """Sector code -> standing ("political", "collective" or "none"), from
    `data/political_sectors.tsv`."""
    return {row["sector"]: row["standing"] for row in read_tsv("political_sectors.tsv")}


def _words(text: str) -> int:
    return len(_ARTICLE.sub("", text.strip()).split())


def standing(actor: Actor) -> str:
    """One participant's standing: "political", "unplaced", "state", "collective" or "".

    A country or capital named as such ("the UK", "London") is a state whatever sector the
    coder gave it; a political sector is political when it is placed ("the British government",
    "French troops", a named body or a person named in full), unplaced when it is not ("police",
    "the government", "Jonathan"); a nationality standing for its state ("Israeli tanks") is a
    state; a domestic group of a named country is a collective; a business, a criminal, a
    private person or a group of no named country has no standing. An actor of an imported CAMEO
    actor dictionary (`--dictionaries`) is political: its user listed it as an actor."""
    by_sector = sector_standing().get(actor.sector or "", "")
    kb_id = actor.kb_id or ""
    words = _words(actor.entity_text)
    political = by_sector == POLITICAL or actor.sector in TRANSNATIONAL_SECTORS - {"MNC"}
    if kb_id.startswith(("country:", "place:")) and words <= 2:
        return STATE  # "uk", "Britain", "London", "the US"
    if kb_id.startswith("cameo:"):
        return POLITICAL  # an imported CAMEO actor dictionary is its user's list of actors
    if kb_id.startswith("person:"):
        # a former office holder is PLOVER's ELI ("former prime minister Andreas Papandreou")
        if not political and not (actor.role or "").startswith("former "):
            return ""  # a private person, or a politician's namesake before taking office
        return POLITICAL if words >= 2 else UNPLACED
    if political:
        return POLITICAL if actor.code or kb_id else UNPLACED
    if by_sector == "none":
        return ""
    if kb_id.startswith("org:") and actor.sector in (None, "", "UNK"):
        return STATE  # a group the political dictionaries list without a sector
    if actor.sector in (None, "") and actor.code:
        # a nationality ("Israeli tanks", "the Dutch winger") or a group named with its country
        # ("the Liberian Peace Council"): the people or things of a country
        return COLLECTIVE
    if by_sector == COLLECTIVE and actor.code:
        return COLLECTIVE  # civilians, workers, students, media, people of a named country
    return ""


# The sector PLOVER's agent list gives natural disasters and epidemics (earthquake, flood,
# cyclone; sectors_current.tsv adds quakes, disasters, epidemics): not an actor.
NATURAL_FORCE = "JNK"


@lru_cache(maxsize=1)
def natural_force_words() -> frozenset[str]:
    """The words and two-word phrases the sector lists give JNK ("typhoon", "cholera", "crash"),
    folded, from `data/sectors_current.tsv` and `data/sectors.tsv`."""
    return frozenset(fold_uncached(row["phrase"]) for file in ("sectors_current.tsv", "sectors.tsv")
                     for row in read_tsv(file) if row["sector"] == NATURAL_FORCE)


def is_natural_force(actor: Actor) -> bool:
    """A natural force, an accident or an animal: the sector JNK, or a name no one is known by
    that a JNK word is part of ("Typhoon Haiyan", "Cholera" opening a sentence, "Covid-19"),
    which the coder resolves as a name, not by its sector noun."""
    if actor.sector == NATURAL_FORCE:
        return True
    if actor.kb_id or actor.sector not in (None, "", "UNK"):
        return False
    words = [fold_uncached(w) for w in actor.entity_text.split()]
    if actor.code:
        # "Indonesia's Mount Marapi", "Japan's Typhoon Lan": a country's possessive gave the name
        # its code; a name that opens with a natural force's word is still that force
        return bool(words) and words[0] in natural_force_words()
    phrases = set(words) | {" ".join(pair) for pair in zip(words, words[1:], strict=False)}
    return bool(phrases & natural_force_words())


# An act aimed at a natural force only is no one's act towards anyone: "firefighters battled
# the blaze", "crews attacked the flames", "the state recorded its heaviest monsoon rain". Only
# help and its preparations may be aimed at a disaster ("sent aid to fight the epidemic").
AIMED_AT_DISASTERS = frozenset({"AID", "MOBILIZE", "COOPERATE", "REQUEST", "SUPPORT", "CONSULT"})


def participants_standing(event: Event) -> set[str]:
    return {standing(a) for a in event.actor + event.recipient} - {""}


def is_political(event: Event, protest_act: bool = False) -> bool:
    """Rule 1: some participant has a standing (a collective's needs a political frame besides,
    `is_licensed`); a protest is a group's own political act, wherever the group is from
    ("teachers went on strike"), and needs the frame too. `protest_act`: a protest a trigger
    word names, or an act on one ("will not end the strike", "lifted their boycott"), by anyone
    who is not a business or a club ("Ana Ruiz said the miners will stay on strike").
    Rule 0: what a natural force does ("the earthquake killed 300 people", "floods displaced
    thousands") is no one's act, whoever suffers it (PLOVER's agent list: JNK), as is what an
    accident or an animal does ("a bus crash killed eleven pilgrims", `is_natural_force`); and a
    act aimed at one only, other than help ("firefighters battled the blaze",
    `AIMED_AT_DISASTERS`)."""
    if event.actor and all(is_natural_force(a) for a in event.actor):
        return False
    if event.event not in AIMED_AT_DISASTERS and event.recipient and all(
            is_natural_force(r) for r in event.recipient):
        return False
    if participants_standing(event):
        return True
    if protest_act:
        return any(sector_standing().get(a.sector or "") != "none" for a in event.actor)
    return event.event == "PROTEST" and any(
        sector_standing().get(a.sector or "") == COLLECTIVE for a in event.actor)


# Civil authorities that speak to the public in the course of their service: a government's
# officials and agencies, the police, the courts, health services.
CIVIL_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "MED"})
PUBLIC = "CVL"


def addressed_to_public(trigger) -> bool:
    """Whether a verb of appeal names only the public as whom it asks ("asked anyone with
    information to call", "appealed for witnesses", "urged everyone to lock their cars"): its
    objects, and the objects of its for/to, are words for the public (`public_nouns`)."""
    public = word_class("public_nouns")
    words = [c for c in trigger.children if c.dep_ in {"dobj", "dative"}] + [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"for", "to"}
        for g in c.children if g.dep_ == "pobj"]
    return bool(words) and all(w.lower_ in public or w.lemma_.lower() in public for w in words)


def is_public_notice(event: Event, lemma: str, to_public: bool = False) -> bool:
    """An official's appeal or warning to the public ("the county urged residents to leave",
    "health officials warned residents to use insect repellent", "the mayor called on
    residents to check on elderly neighbours"): public service, not an act aimed at a political
    actor (docs/codebook-boundaries.md, "Political or not"). A REQUEST or THREATEN of a verb of
    appeal or warning (word class `public_notice_verbs`) by civil authorities only, none of
    them a state named as such, whose every recipient is the public: civilians the knowledge
    base does not name, called by a word for the public (word class `public_nouns`: residents,
    people, families, motorists; not protesters or activists). Armed forces warning civilians
    ("the army told villagers to leave before the offensive"), a state's appeal ("Israel urged residents to move south") and an appeal to
    any political party stay events. An appeal with no recipient is one when its objects are
    words for the public (`addressed_to_public`: "asked anyone who saw the car to come forward",
    "appealed for witnesses"). A word for the public the sector lists do not know
    ("parents", "motorists") has no sector: it is the public too."""
    if event.event not in ("REQUEST", "THREATEN") or lemma not in word_class(
            "public_notice_verbs"):
        return False
    if not event.actor or any(a.sector not in CIVIL_AUTHORITIES or standing(a) == STATE
                              for a in event.actor):
        return False
    public = word_class("public_nouns")
    if not event.recipient:
        return to_public  # "police asked anyone with information to call": no party named
    return all(
        r.sector in (PUBLIC, None, "") and not r.kb_id
        and bool(public.intersection(fold_uncached(r.entity_text).split()))
        for r in event.recipient)


@dataclass(frozen=True)
class Sense:
    """A trigger word with a non-political sense: political only when licensed."""

    lemma: str
    pos: str
    event: str  # "" for every type the word triggers
    licence: str


@lru_cache(maxsize=1)
def trigger_senses() -> dict[tuple[str, str], list[Sense]]:
    """(lemma, pos) -> its senses, from `data/trigger_senses.tsv`."""
    senses: dict[tuple[str, str], list[Sense]] = {}
    for row in read_tsv("trigger_senses.tsv"):
        sense = Sense(lemma=row["lemma"].lower(), pos=row["pos"].upper(),
                      event=(row.get("event") or "").upper(), licence=row["licence"])
        senses.setdefault((sense.lemma, sense.pos), []).append(sense)
    return senses


def needs_licence(lemma: str, pos: str, event_type: str) -> str | None:
    """The licence a trigger needs ("party", "state", "actor" or None): rows of `trigger_senses.tsv` for the lemma
    and part of speech, for this type or every type."""
    for sense in trigger_senses().get((lemma, pos), ()):
        if sense.event in ("", event_type):
            return sense.licence
    return None


def is_licensed(event: Event, licence: str | None, sentence_frame: bool,
                document_frame: bool) -> bool:
    """Rules 2 and 3 (docs/coding-rules.md).

    In a document the gate reads as political, a placed political participant licenses any
    trigger; a state or an unplaced political sector licenses a trigger with no non-political
    sense; a state licenses the "state" and "actor" senses too ("Iran asked China for drones");
    the "party" senses, whose other sense takes countries as teams ("England beat Wales"), and
    an event whose only parties are collectives ("a man was stabbed in Leeds") need a political
    sentence frame.

    In a document it reads as not political, every event needs a placed political participant
    (a state, a collective, "police" or "the government" of no named country are not enough
    there), and a trigger with a non-political sense a political sentence frame as well, unless
    its licence is "actor" and the placed political participant is the doer ("the competition
    authority fined Vodafone"): the document's frame makes the political sense the unlikely one.
    """
    found = participants_standing(event)
    if POLITICAL in found:
        if document_frame or licence is None or sentence_frame:
            return True
        return licence == "actor" and any(standing(a) == POLITICAL for a in event.actor)
    if not document_frame:
        return False
    if licence is None and found & {UNPLACED, STATE}:
        return True
    if licence in ("state", "actor") and STATE in found:
        return True  # "Iran will ask China for drones": a country takes the political sense
    return sentence_frame


# -- the relevance gate -------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['’‘`]")
_SCORELINE = re.compile(r"\b\d+\s?[-–]\s?\d+\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def normalise(text: str) -> str:
    """What the gate reads: lower case, no apostrophes (scraped feeds lose them), numbers as
    their shape ("2-1" -> "numdash", "1,050" -> "num"); mirrored by scripts/train_relevance.py."""
    text = _APOSTROPHES.sub("", text.lower())
    return _NUMBER.sub(" num ", _SCORELINE.sub(" numdash ", text))


@dataclass(frozen=True)
class GateModel:
    token: re.Pattern[str]
    intercept: float
    index: dict[str, int]
    idf: list[float]
    weights: list[float]


@lru_cache(maxsize=1)
def load_gate() -> GateModel:
    """The relevance gate trained by `scripts/train_relevance.py` (docs/relevance-gate.md)."""
    data = data_json("relevance_gate.json")
    return GateModel(token=re.compile(data["token_pattern"]), intercept=data["intercept"],
                     index={term: i for i, term in enumerate(data["vocabulary"])},
                     idf=data["idf"], weights=data["weights"])


def relevance_score(text: str) -> float:
    """The probability that a text (a document or a sentence) is about politics, conflict,
    diplomacy, security or economy as policy: TF-IDF word uni- and bigrams of the lower-cased
    text without apostrophes, and a logistic regression, scored in plain Python."""
    gate = load_gate()
    tokens = gate.token.findall(normalise(text))
    terms = Counter(tokens)
    terms.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    features: dict[int, float] = {}
    for term, count in terms.items():
        index = gate.index.get(term)
        if index is not None:
            features[index] = (1.0 + math.log(count)) * gate.idf[index]
    norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
    score = gate.intercept + sum(gate.weights[i] * v / norm for i, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(score, 50.0), -50.0)))


STORY_SENTENCES = 3


class Frames:
    """The gate's reading of one document: whether the document is political, and, asked
    sentence by sentence (each scored once), whether a sentence is, read in its document: the
    mean of the two scores, so that a sentence of a political story that names only states
    ("China would have little appetite to come to Bolivia's aid") keeps its story's frame, and
    one of a sports story needs strong words of its own.

    A text of fewer than `STORY_SENTENCES` sentences is no story: the gate reads its sentences
    only (rule 2); the document's rule 3 is for stories, which the gate reads far more reliably
    (about 0.99 of documents on the right side in cross-validation, against 0.92-0.95 of
    sentences), and which a stray line of markup or a dateline cannot tip."""

    def __init__(self, text: str, threshold: float, sentence_threshold: float, sentences: int):
        self.threshold = threshold
        self.sentence_threshold = sentence_threshold
        self.text = text.strip()
        self.score = relevance_score(text) if threshold > 0 or sentence_threshold > 0 else 1.0
        self.document = threshold <= 0 or sentences < STORY_SENTENCES or \
            self.score >= threshold
        self._sentences: dict[str, bool] = {}

    def sentence(self, text: str) -> bool:
        if self.sentence_threshold <= 0:
            return True
        if text not in self._sentences:
            own = self.score if text.strip() == self.text else relevance_score(text)
            self._sentences[text] = (self.score + own) / 2 >= self.sentence_threshold
        return self._sentences[text]
