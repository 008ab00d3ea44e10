"""Recipients a sentence implies but does not name.

Runs over one sentence's candidate events once their own arguments are read (events.py): an act
takes the target of the purpose it serves ("opened fire to disperse demonstrators"), a protest the
target of the demand it serves or the authorities where it happens, and other acts the country
named inside what they are done to or move to; a concession made after a settlement with a
party is made to that party, and what goes to a peacekeeping force to the country it serves in.
Which types follow which rule is data:
`recipient_defaults` in `data/plover.json`. Implied recipients carry a lower confidence (0.4-0.5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sitrep.actors.parties import TRANSNATIONAL_SECTORS, same_party
from sitrep.coding.lexicon import Lexicon, is_saying
from sitrep.coding.lists import conjuncts
from sitrep.coding.material import PEACEKEEPING
from sitrep.coding.modality import reporting_governor
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.reporters import reporters_own_words
from sitrep.coding.roles import BACKGROUND_MARKS, direct_object, is_purpose, subject
from sitrep.coding.triggers import match_trigger, multiword_trigger
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor
from sitrep.resources import word_class

if TYPE_CHECKING:  # the candidates events.py builds; only their trigger and event are read
    from sitrep.coding.candidate import Candidate

# Prepositions through which an act reaches a place or a people; "in"/"at" name only a venue
# unless the type acts on places ("met in Kathmandu" vs "fired at students in Nairobi").
REACH_PREPS = {"to", "into", "on", "at", "near", "around", "toward", "towards", "against", "in",
               "through", "across", "along", "over", "inside", "off", "outside", "for"}
VENUE_PREPS = {"in", "at"}
INFORMATION_NOUNS = word_class("information_nouns")
# Types of sharing: what is shared is on or about a topic, not given to it.
SHARING_TYPES = {"COOPERATE", "AGREE"}
# The types a promise, a threat or a refusal of another act is coded as (retyping.INTENT_TYPES,
# negation): they keep the reach of the act they promise or refuse.
PROMISED_TYPES = {"AGREE", "THREATEN", "CONCEDE", "REJECT"}


@dataclass(frozen=True)
class Rules:
    """`recipient_defaults` of plover.json: the types each rule applies to."""
    reaches: frozenset[str]
    outward: frozenset[str]
    acts_on_place: frozenset[str]
    group_takes_country: frozenset[str]
    authority_at_home: frozenset[str]
    authorities: frozenset[str]
    body_answered: frozenset[str]
    protest_target: frozenset[str]
    protest_sources: frozenset[str]
    answers_background: frozenset[str]
    promise_reaches: frozenset[str]
    settled_with: frozenset[str]
    peacekeeping_host: frozenset[str]
    measure_at_home: frozenset[tuple[str, str]] = frozenset()
    place_modes: frozenset[str] = frozenset()  # modes acting on places whatever their type

    @classmethod
    def from_plover(cls, plover: dict) -> Rules:
        table = plover["recipient_defaults"]

        def types(name: str) -> frozenset[str]:
            return frozenset(table[name]["types"])

        return cls(reaches=types("reaches"), outward=types("outward"),
                   acts_on_place=types("acts_on_place"),
                   group_takes_country=types("group_takes_country"),
                   authority_at_home=types("authority_at_home"),
                   authorities=frozenset(table["authority_at_home"]["sectors"]),
                   body_answered=types("body_answered"), protest_target=types("protest_target"),
                   protest_sources=frozenset(table["protest_target"]["from"]),
                   answers_background=types("answers_background"),
                   promise_reaches=types("promise_reaches"),
                   settled_with=types("settled_with"),
                   peacekeeping_host=types("peacekeeping_host"),
                   place_modes=frozenset(table["acts_on_place"].get("modes", ())),
                   measure_at_home=frozenset(
                       (kind, mode) for kind in types("measure_at_home")
                       for mode in table["measure_at_home"]["modes"]))


def fill_recipients(candidates: list[Candidate], mentions: Mentions, lexicon: Lexicon) -> None:
    """Give the sentence's events the recipients it implies, in place (`lexicon`: the coder's,
    with the rules of its PLOVER schema and the triggers it codes with)."""
    rules = Rules.from_plover(lexicon.plover)
    stated = [c for c in candidates if c.event.recipient]
    # "police opened fire to disperse demonstrators": an act's target is its purpose's
    purposes = {c.trigger.i: p for c in candidates if not c.event.recipient
                for p in stated if p.trigger.head.i == c.trigger.i and is_purpose(p.trigger)
                and any(r.code or r.sector for r in p.event.recipient)}
    for candidate in candidates:
        _reporters_own(candidate, mentions, lexicon)
        if candidate.event.event in rules.peacekeeping_host:
            _peacekeeping_host(candidate, mentions)
        if candidate.trigger.i not in purposes:
            _implied(candidate, stated, mentions, rules, lexicon)
    for candidate in candidates:
        if candidate.trigger.i in purposes:
            candidate.event.recipient = [replace(r) for r in
                                         purposes[candidate.trigger.i].event.recipient]


def _implied(candidate: Candidate, stated: list[Candidate], mentions: Mentions,
             rules: Rules, lexicon: Lexicon) -> None:
    event = candidate.event
    # a stated intention keeps the rules of the act it promises ("will send experts to help
    # Bolivian investigators" is aid reaching Bolivia)
    # ("peacekeepers arrived in Monrovia" is aid reaching Liberia, whatever "arrive" codes alone)
    kind = candidate.row.event if event.event in PROMISED_TYPES else event.event
    if event.recipient:
        _place_named_groups(candidate, mentions, rules)
        if kind in rules.group_takes_country:
            _facility_of_country(candidate, mentions, lexicon)
    elif kind in rules.protest_target:
        if not any(a.sector == "GOV" for a in event.actor):
            _protest_target(candidate, stated, mentions, rules)
    elif kind in rules.reaches and (kind != "CONSULT" or event.mode == "visit"):
        if event.event == "THREATEN" and _conditioned_party(candidate, mentions):
            return
        _reached_country(candidate, mentions, rules, kind, lexicon)
        if not event.recipient and kind in rules.answers_background:
            _background_party(candidate, mentions)
    if not event.recipient and not event.reciprocal and event.event in rules.promise_reaches:
        _promised_place(candidate, mentions, rules)
    if not event.recipient and not event.reciprocal and event.event in rules.settled_with:
        _settled_with(candidate, mentions)


def _reporters_own(candidate: Candidate, mentions: Mentions, lexicon: Lexicon) -> None:
    """"North Korea said one of its soldiers was killed", "Pakistan said India had arrested two
    of its diplomats": in a clause a party reports, a group named as "its" or "their" something
    is the reporter's (a clause about one's own side says "its own"), wherever it is."""
    verb = reporting_governor(candidate.trigger, lexicon)
    reporter = subject(verb) if verb is not None else None
    # codes only: the sector words are not needed to know whose country the reporter is
    codes = {a.code for a in actors_of(reporter, mentions, {})} - {None} if reporter is not \
        None else set()
    if len(codes) != 1:
        return
    code = codes.pop()
    for party in candidate.event.recipient:
        # the owner beats a place the group is in ("two of its soldiers in Gaza")
        if party.kb_id is None and party.sector and party.sector not in TRANSNATIONAL_SECTORS \
                and reporters_own_words(party.entity_text):
            party.code = code


def _actor_codes(event) -> set[str]:
    return {a.code for a in event.actor if a.code}


def _place_named_groups(candidate: Candidate, mentions: Mentions, rules: Rules) -> None:
    """Stated recipients named only by what they are get a country."""
    event = candidate.event
    if event.event in rules.group_takes_country and all(r.code is None for r in event.recipient):
        # "attacked a village in Nigeria's Borno state": the country named inside the phrase
        reached = _reached(candidate.trigger, mentions, event.event, rules)
        if reached:
            for person in event.recipient:
                person.code = reached[0].code
    codes = _actor_codes(event)
    home = next(iter(codes)) if len(codes) == 1 else None
    if home and event.event in rules.authority_at_home and any(
            a.sector in rules.authorities for a in event.actor):
        # "Cuba will free 52 political prisoners", "Bangladesh's police arrested students"
        for person in event.recipient:
            if person.code is None and person.kb_id is None and person.sector and \
                    person.sector not in TRANSNATIONAL_SECTORS:
                person.code = event.event_loc.country_code or home


def _protest_target(candidate: Candidate, stated: list[Candidate], mentions: Mentions,
                    rules: Rules) -> None:
    """The target of the demand a protest serves ("started a fast to protest
    Sweden's decision"), else a foreign country it is aimed at ("rallied outside the Swedish
    embassy"), else the authorities where it happens or the protesters' own government."""
    event, place = candidate.event, candidate.event.event_loc
    codes = _actor_codes(event)
    named = next(([r for r in o.event.recipient if r.code] for o in stated
                  if o.event.event in rules.protest_sources and _linked(o.trigger, candidate.trigger)
                  and any(r.code for r in o.event.recipient)), None)
    reached = [a for a in _reached(candidate.trigger, mentions, event.event, rules)
               if a.code not in codes and a.code != place.country_code]
    home = place.country_code or next(iter(sorted(codes)), None)
    if named:
        event.recipient = [replace(r) for r in named]
    elif reached:
        event.recipient = reached[:1]
    elif home:
        # "protested the new pension law", "boycotted the vote": the authorities, named by what
        # is protested, as the real-news coders write it; else by the place
        protested = direct_object(candidate.trigger) or next(
            (g for c in candidate.trigger.children if c.dep_ == "prep" and c.lower_ in
             {"against", "over"} for g in c.children if g.dep_ == "pobj"), None)
        words = " ".join(t.text for t in protested.subtree if t.i <= protested.i) \
            if protested is not None and protested.pos_ == "NOUN" else None
        event.recipient = [Actor(entity_text=words or place.extracted_place or "", code=home,
                                 sector="GOV", confidence=0.4)]


def _reached_country(candidate: Candidate, mentions: Mentions, rules: Rules, kind: str,
                     lexicon: Lexicon) -> None:
    """"Massed troops near its border with Ukraine", "warned it would turn Seoul into a sea of
    fire": a foreign country the act reaches; for acts that may be aimed at home, one of the
    actor's own ("lifted the state of emergency in West Darfur"); for a visit, its host."""
    event, place = candidate.event, candidate.event.event_loc
    codes = _actor_codes(event)
    # "stopped its offensive in the hills around Homs": a ceasefire acts on its place
    on_place = event.mode in rules.place_modes
    found = _reached_named(candidate.trigger, mentions, kind, rules, on_place)
    reached = [(a, t) for a, t in found if a.code not in codes]
    if not reached and kind not in rules.outward:
        reached = found
    at_home = (kind in rules.acts_on_place or on_place) and kind not in rules.outward
    unplaced = _unplaced_place(candidate, mentions, kind, rules) if not reached else None
    # "seized two oil wells near Hasakah", "shelled the air base in Syria": the facility, placed
    # in the country the act reaches
    facility = _done_to(candidate, mentions, lexicon) if kind in rules.group_takes_country \
        else None
    if reached and facility is not None:
        event.recipient = [Actor(entity_text=facility, code=reached[0][0].code, confidence=0.5)]
    elif reached:
        event.recipient = _listed_with(reached, mentions)
    elif unplaced is not None and not (place.country_code and unplaced == place.extracted_place) \
            and at_home and _authority_of_one_country(event, codes, rules):
        # "authorities in Pakistan imposed a curfew in parts of Swat district": the place the act
        # is done to, which the knowledge base cannot place, in the authority's own country;
        # not the place the actor is said to be in
        event.recipient = [Actor(entity_text=unplaced, code=next(iter(codes)), confidence=0.4)]
    elif place.country_code and codes and (place.country_code not in codes or at_home):
        # "arrived in Pyongyang"; an act done to a place at home is done to the actor's own
        # country ("Indonesian authorities imposed a curfew in Ambon")
        event.recipient = [Actor(entity_text=facility or place.extracted_place or "",
                                 code=place.country_code, confidence=0.4)]
    elif _measure_at_home(candidate, rules, kind, lexicon) and _authority_of_one_country(
            event, codes, rules) and not _placed_by_words(candidate.trigger):
        # "Kenya declared (lifted) a state of emergency": a measure on the authority's country
        event.recipient = [Actor(entity_text="", code=next(iter(codes)), confidence=0.4)]


def _authority_of_one_country(event, codes: set[str], rules: Rules) -> bool:
    """The act's doers are of one country and include its authorities (acts done at home)."""
    return len(codes) == 1 and any(a.sector in rules.authorities for a in event.actor)


FACILITY_NOUNS = word_class("facility_nouns")


def _facility(trigger, mentions: Mentions) -> str | None:
    """The words of a facility the act is done to, up to its head noun ("two oil wells near
    Hasakah": "two oil wells"), unless a name says what it is (a named site is a mention)."""
    heads = [direct_object(trigger)] + [g for c in trigger.children if c.dep_ == "prep"
                                        and c.lower_ in {"on", "against"}
                                        for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        if head is None or head.lemma_.lower() not in FACILITY_NOUNS:
            continue
        mention = mentions.at(head)
        if mention is not None:  # a named site: its name ("the Shayrat air base")
            if mention.label != "FAC" or (mention.actor is not None and mention.actor.code):
                continue
            return mentions.words(mention, head.doc)
        owner = {t.i for c in head.children if c.dep_ in {"det", "poss", "predet"}
                 for t in c.subtree}  # "Syria's", "the"
        words = [t for t in head.subtree if t.i <= head.i and t.i not in owner]
        return " ".join(t.text for t in words)
    return None


HOLD_NOUNS = word_class("hold_nouns")
WHEN_OR_HOW_MUCH = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"}


def _measure_at_home(candidate: Candidate, rules: Rules, kind: str, lexicon: Lexicon) -> bool:
    """A measure an authority takes on its own country when no place is named: a mode of the
    rules' `measure_at_home`, or a multiword measure conceded ("lifted the state of emergency")."""
    if (kind, candidate.event.mode) in rules.measure_at_home:
        return True
    obj = direct_object(candidate.trigger)
    return kind == "CONCEDE" and obj is not None and multiword_trigger(obj, lexicon) is not None


def _done_to(candidate: Candidate, mentions: Mentions, lexicon: Lexicon) -> str | None:
    """The words of what an attack or a seizure is done to, up to its head noun: a facility
    (`_facility`), or people or things named only by what they are ("abducted 40 schoolgirls
    from a school in Zamfara state": "40 schoolgirls"; "bombed positions of Kurdish militants
    in northern Iraq": "positions"), as the real-news coders write the object; never a name,
    a number, a pronoun or a measure that is itself an act ("imposed a curfew in Ambon")."""
    trigger = candidate.trigger
    facility = _facility(trigger, mentions)
    if facility is not None:
        return facility
    head = direct_object(trigger)
    if head is not None and head.lemma_.lower() in HOLD_NOUNS:  # "seized control of the town"
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
    if head is None or head.pos_ != "NOUN" or head.ent_type_ in WHEN_OR_HOW_MUCH or \
            mentions.at(head) is not None or match_trigger(head, lexicon) is not None \
            or head.lemma_.lower() in candidate.row.object_hint \
            or multiword_trigger(head, lexicon) is not None \
            or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.ent_type_ in WHEN_OR_HOW_MUCH or match_trigger(g, lexicon) is not None
                for g in c.children) for c in head.children):
        return None
    owner = {t.i for c in head.children if c.dep_ in {"det", "poss", "predet"} for t in c.subtree}
    words = [t for t in head.subtree if t.i <= head.i and t.i not in owner]
    return " ".join(t.text for t in words)


def _facility_of_country(candidate: Candidate, mentions: Mentions, lexicon: Lexicon) -> None:
    """"Gunmen attacked a checkpoint in southern Afghanistan": a country stated only as where the
    facility attacked is, is that facility's country; the facility is the recipient."""
    event = candidate.event
    if len(event.recipient) != 1 or event.recipient[0].sector is not None or \
            not event.recipient[0].code:
        return
    country = event.recipient[0]
    facility = _done_to(candidate, mentions, lexicon)
    if facility is not None and country.entity_text in {event.event_loc.extracted_place,
                                                        *_object_words(candidate.trigger)}:
        event.recipient = [replace(country, entity_text=facility)]


def _object_words(trigger) -> set[str]:
    obj = direct_object(trigger)
    return {t.text for t in obj.subtree} if obj is not None else set()


def _unplaced_place(candidate: Candidate, mentions: Mentions, kind: str,
                    rules: Rules) -> str | None:
    """The words of the first place the act reaches (its object, the places after its own
    prepositions) that the knowledge base names no country for ("in the Kupwara district")."""
    for token in _reach_tokens(candidate.trigger, kind, rules):
        mention = mentions.at(token)
        # not an owner ("following Zelaya's announcement": a person the model took for a place)
        if mention is None or mention.label not in {"GPE", "LOC", "FAC"} or token.dep_ == "poss":
            continue
        name = mentions.words(mention, token.doc)
        actor = mention.actor
        # a place the knowledge base lists by that name with no country spans several ("in
        # Europe", "across the Middle East")
        if actor is None or not actor.code and not (
                actor.kb_id and _bare(actor.name or "") == _bare(name)):
            return name
    return None


def _bare(name: str) -> str:
    return name.lower().removeprefix("the ")


def _placed_by_words(trigger) -> bool:
    """Whether a measure names where it applies, placed or not ("a curfew in parts of Kashmir")."""
    obj = direct_object(trigger)
    heads = [trigger] + ([obj] if obj is not None else [])
    return any(c.dep_ == "prep" and c.lower_ in REACH_PREPS and not any(
        o.ent_type_ in {"DATE", "TIME"} for o in c.children) for h in heads for c in h.children)


def _promised_place(candidate: Candidate, mentions: Mentions, rules: Rules) -> None:
    """"Agreed to set up a company in Berlin", "is willing to send resources to Colombia": a
    promise is aimed at the country its promised act reaches, a place it is done in included."""
    event, place = candidate.event, candidate.event.event_loc
    # "agreed to open", or an act promised in the future tense ("will lay down their arms")
    promised = promised_acts(candidate.trigger) if candidate.row.event == event.event else \
        [candidate.trigger]
    for verb in promised:
        reached = _reached_named(verb, mentions, "", rules, on_place=True)
        if reached:
            event.recipient = [replace(a, confidence=0.4) for a in _listed_with(reached, mentions)]
            return
    if promised and place.country_code and place.extracted_place:
        # the place the promised act is done in, placed by the gazetteer ("in Munich")
        event.recipient = [Actor(entity_text=place.extracted_place, code=place.country_code,
                                 confidence=0.4)]


def _peacekeeping_host(candidate: Candidate, mentions: Mentions) -> None:
    """"Is sending troops to the UN peacekeeping force in South Sudan", "is ready to contribute
    to peacekeeping operations in Mali": what goes to a peacekeeping force or mission goes to the
    country it keeps the peace in."""
    for verb in [candidate.trigger, *promised_acts(candidate.trigger)]:
        for prep in verb.children:
            if prep.dep_ not in {"prep", "dative"} or prep.lower_ != "to":
                continue
            # the force itself, or a phrase about it ("an extension of the mandate for the
            # peacekeeping force in Lebanon")
            forces = [t if t.dep_ not in {"compound", "amod"} else t.head
                      for g in prep.children if g.dep_ == "pobj" for t in g.subtree
                      if t.lemma_.lower() in PEACEKEEPING or t.lower_ in PEACEKEEPING]
            for force in forces:
                hosts = [mentions.at(g) for p in force.children if p.dep_ == "prep"
                         and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
                host = next((m.actor for m in hosts if m is not None and m.actor is not None
                             and m.actor.code and m.label in {"GPE", "LOC"}), None)
                if host is not None:
                    candidate.event.recipient = [replace(host, sector=None, confidence=0.5)]
                    return


def _settled_with(candidate: Candidate, mentions: Mentions) -> None:
    """"Called off the strike after an agreement with the government", "freed the crew following
    talks with Oman": a concession made after a settlement with a party is made to that party."""
    sectors = mentions.kb.sectors if mentions.kb is not None else {}
    own = _actor_codes(candidate.event)
    for prep in candidate.trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"after", "following"}:
            continue
        # the settlement itself ("after the agreement"), or what a verb reached ("after reaching a
        # deal", "after holding talks")
        nouns = [c for c in prep.children if c.dep_ == "pobj"] + [
            direct_object(c) for c in prep.children if c.dep_ == "pcomp"
            and direct_object(c) is not None]
        for noun in nouns:
            if noun.lemma_.lower() not in SETTLEMENT_NOUNS:
                continue
            found = [replace(a, confidence=0.5) for pobj in noun.children if pobj.dep_ == "prep"
                     and pobj.lower_ == "with" for g in pobj.children if g.dep_ == "pobj"
                     for a in actors_of(g, mentions, sectors)
                     if (a.code or a.sector) and not (a.code in own and a.sector is None)]
            if found:
                candidate.event.recipient = found
                return


SETTLEMENT_NOUNS = word_class("settlement_nouns")


def promised_acts(trigger) -> list:
    """The verbs a trigger promises: its complement ("agreed to open"), also through an
    adjective ("is willing to send", "is ready to contribute")."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "acomp"]
    return [c for head in heads for c in head.children
            if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]


def _conditioned_party(candidate: Candidate, mentions: Mentions) -> bool:
    """"Threatened to stop the talks if the United States deploys new missiles": a threat is
    aimed at the party whose act would trigger it."""
    verbs = [candidate.trigger] + [c for c in candidate.trigger.children
                                   if c.dep_ in {"xcomp", "ccomp"}]
    return any(_clause_party(candidate, verb, {"if", "unless"}, mentions, 0.5) for verb in verbs)


def _background_party(candidate: Candidate, mentions: Mentions) -> None:
    """"Greece put its navy on alert as a Turkish vessel headed for disputed waters": a show of
    force or a sanction answers the party acting in the clause that sets its scene."""
    _clause_party(candidate, candidate.trigger, BACKGROUND_MARKS, mentions, 0.4)


def _clause_party(candidate: Candidate, verb, marks: set[str], mentions: Mentions,
                  confidence: float) -> bool:
    """Make the doer of a subordinate clause of `verb` (introduced by one of `marks`) the
    recipient, when it is another country than the actor's."""
    codes = _actor_codes(candidate.event)
    sectors = mentions.kb.sectors if mentions.kb is not None else {}
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in marks
                                             for m in clause.children):
            continue
        doer = subject(clause)
        found = [replace(a, confidence=confidence) for a in
                 (actors_of(doer, mentions, sectors) if doer is not None else [])
                 if a.code and a.code not in codes]
        if found:
            candidate.event.recipient = found
            return True
    return False


def _linked(other, trigger) -> bool:
    """Whether `other` says what the act of `trigger` is about: its purpose, complement or
    conjunct ("started a fast to protest China's policies"), not a clause
    that merely happens alongside ("rallied as Bangladesh accused India")."""
    attached = other.dep_ in {"xcomp", "ccomp", "conj"} or is_purpose(other)
    if other.head.i == trigger.i and attached:
        return True
    if trigger.head.i == other.i and trigger.dep_ in {"xcomp", "conj"}:
        return True
    # the purpose of the verb that carries a nominal act: "began a strike to protest"
    return other.head.i == trigger.head.i and is_purpose(other) and trigger.dep_ == "dobj"


def _reached(trigger, mentions: Mentions, event_type: str, rules: Rules,
             on_place: bool = False) -> list[Actor]:
    return [a for a, _ in _reached_named(trigger, mentions, event_type, rules, on_place)]


def _reached_named(trigger, mentions: Mentions, event_type: str, rules: Rules,
                   on_place: bool = False) -> list[tuple[Actor, object]]:
    """Countries named inside what the trigger acts on or moves to (its object, its
    destination, its purpose, or, for a stated intention, its complement's), nearest first;
    `on_place`: a place after in/at counts whatever the type; each with the word naming it."""
    found: list[tuple[Actor, object]] = []
    for token in _reach_tokens(trigger, event_type, rules, on_place):
        candidate = _reached_actor(mentions, token, event_type, rules)
        if candidate is not None and not any(same_party(candidate, a) for a, _ in found):
            found.append((candidate, token))
    return found


def _reach_tokens(trigger, event_type: str, rules: Rules, on_place: bool = False):
    """The words of what the trigger acts on or moves to (`_reached_named`), nearest first."""
    on_place = on_place or event_type in rules.acts_on_place
    # a complement's object only when the verb has none of its own ("urged Egyptians to avoid
    # Libya" is aimed at the Egyptians, not at Libya)
    complements = [] if direct_object(trigger) is not None or is_saying(
        trigger.lemma_.lower()) else [c for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}]
    # the purpose of the verb a noun trigger is the object of is the act's ("announced aid to
    # help people in Chad")
    holders = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj"
                           else [])
    verbs = [trigger] + complements + [c for h in holders for c in h.children
                                       if on_place and is_purpose(c)]
    preps = REACH_PREPS if on_place else REACH_PREPS - VENUE_PREPS
    if trigger.pos_ in {"NOUN", "PROPN"} and on_place:
        preps = preps | {"of"}  # "the invasion of South Lebanon", "the bombing of Gaza"
    heads = []
    for verb in verbs:
        obj = direct_object(verb)
        if obj is not None:
            heads.append(obj)
        if verb is trigger and event_type in rules.group_takes_country:
            # "a camp for Congolese refugees was attacked by Burundian militiamen"
            heads.extend(c for c in verb.children if c.dep_ == "nsubjpass")
        for child in verb.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                heads.extend(g for g in child.children if g.dep_ == "pobj")
    return (token for head in heads for token in _own_phrase(head, event_type))


def name_head(token, mentions: Mentions, within: set | None = None):
    """The head word of the name `token` is part of ("South African": "African"), where a list
    of names hangs; with `within`, no higher than those tokens."""
    mention = mentions.at(token)
    while token.head.i != token.i and mentions.at(token.head) is mention and \
            (within is None or token.head in within):
        token = token.head
    return token


def _listed_with(found: list[tuple[Actor, Any]], mentions: Mentions) -> list[Actor]:
    """The first party an act reaches and the parties listed with it ("massed troops near its
    borders with Ukraine and Georgia", "a force of Kenyan, Ugandan and Rwandan troops"): a list
    is reached whole."""
    first, token = found[0]
    mention = mentions.at(token)
    token = name_head(token, mentions)
    listed = {id(m) for c in conjuncts(token) if (m := mentions.at(c)) is not None} - {id(mention)}
    return [first] + [a for a, t in found[1:] if id(mentions.at(t)) in listed]


def _reached_actor(mentions: Mentions, token, event_type: str, rules: Rules) -> Actor | None:
    mention = mentions.at(token)
    if mention is None or mention.actor is None:
        return None
    actor = mention.actor
    if mention.label in {"GPE", "NORP", "LOC", "FAC"} and actor.code:
        # a place reached is the country, not its government ("fired at students in Nairobi");
        # a people named keeps what it is
        return replace(actor, sector=actor.sector if mention.label == "NORP" else None,
                       confidence=0.5)
    if mention.label == "ORG" and event_type in rules.body_answered and (
            actor.code or actor.sector in TRANSNATIONAL_SECTORS):
        # "turned down an offer of African Union mediation": whose offer it was
        return replace(actor, confidence=0.5)
    return None


def _own_phrase(head, event_type: str = ""):
    """The words of a phrase without its relative and participle clauses ("a law that critics say
    mirrors Russian legislation" is about a law, not about Russia)."""
    skip = {t.i for child in head.subtree if child.dep_ in {"relcl", "acl"} and child.i != head.i
            for t in child.subtree}
    if head.lemma_.lower() in INFORMATION_NOUNS and event_type in SHARING_TYPES | {""}:
        # "agreed to share information on North Korea": its topic
        skip |= {t.i for t in topic_of(head)}
    return [t for t in head.subtree if t.i not in skip]


def topic_of(noun) -> set:
    """The words of what information is on or about ("intelligence on the militants"), without
    a partner the parser hung inside it ("intelligence about the rebels with Uganda", "... to
    Iraq")."""
    topic = {t for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in {"on", "about"}
             for t in prep.subtree}
    return topic - {t for w in topic if w.dep_ in {"prep", "dative"} and w.lower_ in {"with", "to"}
                    for t in w.subtree}
