"""Targets: whom or what a trigger's own words name as its target ("condemned the attack",
"lifted a ban on girls", "signed an agreement with Milrem", "arrested 26 members of a gang"),
and the doer and target a role keeps by its words when the knowledge base names no party
(`name_unresolved`). Tells whether an object names the very act coded (`own_act`), and
whether a trigger verb's subject only undergoes it (`undergone`: no one's act).

Reads the parse helpers of `roles.py` and the lexicon's triggers; hands on `named_target` to
`build.py`, `name_unresolved` and `undergone` to `sentence.py`, `own_act` and `POSSESSIVE_PRONOUNS` to
`participants.py`.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.coding.candidate import Context
from sitrep.coding.handover import handed_to
from sitrep.coding.lexicon import Trigger
from sitrep.coding.lists import conjuncts
from sitrep.coding.naming import known_name, place_party
from sitrep.coding.party_phrase import phrase
from sitrep.coding.reattach import aim_verb
from sitrep.coding.roles import (
    NOT_AN_ACTOR,
    PRONOUNS,
    QUANTITY_NOUNS,
    RECIPIENT_PREPS,
    direct_object,
    passive_patient,
    possessor,
    prep_objects,
    referent,
    subject,
)
from sitrep.coding.triggers import (
    match_trigger,
    multiword_trigger,
    nominal_position,
    phrase_lemmas,
)
from sitrep.model import Actor
from sitrep.resources import place_nouns, word_class

POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}


# Types whose direct object is what they are aimed at even when it names an act or a thing
# ("condemned the attack", "rejected the election results", "welcomed the decision").
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "PROTEST"}


# Types whose direct object is what is given, moved, promised or done together, not to whom.
OBJECT_IS_NO_RECIPIENT = {"AID", "MOBILIZE", "AGREE", "COOPERATE", "THREATEN"}


NOT_PARTIES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"}


def name_unresolved(candidate, ctx: Context) -> None:
    """Where no party the knowledge base knows fills a role, the words of the phrase that does
    ("Imam Suliman Gani demanded an apology", "condemned the Quetta attack", "arrested 26
    members of a gang"): the actor and recipient as the text names them, unresolved (no code,
    no sector), so a reader sees who or what, and nothing counts them as a political party."""
    event, trigger, row = candidate.event, candidate.trigger, candidate.row
    # a noun trigger's own preposition names its target ("an investigation of the licensing
    # process", "talks with the mine owners"); only the doer's words are not it
    taken = {trigger.i}
    if not event.actor:
        doer = _doer(trigger, row)
        event.actor = _unresolved(doer, ctx) if doer is not None else []
        if doer is not None:
            taken |= {t.i for t in doer.subtree}
    if not event.recipient and not event.reciprocal:
        target = _target(trigger, row, ctx)
        if target is None and event.event in PROMISE_TYPES:
            target = _promised_target(trigger, row, ctx)
        named = _unresolved(target, ctx) if target is not None and target.i not in taken else []
        actors = {a.entity_text.lower() for a in event.actor}  # "the army was deployed": no target
        event.recipient = [r for r in named if r.entity_text.lower() not in actors]


# Types a promise, a threat or a refusal of another act is coded as: whom or what they name is
# whom or what the act promised or refused names ("threatened to shell the hilltop tower").
PROMISE_TYPES = {"AGREE", "THREATEN", "CONCEDE", "REJECT"}


def _promised_target(trigger, row: Trigger, ctx: Context):
    """"Threatened to shell the tower on the hill", "refused to allow the ship to dock", "agreed
    to let aid into the flooded districts": the target of the act a verb promises or refuses, read
    by that act's own row where it is a trigger (a refusal keeps its own)."""
    if row.pos != "VERB":
        return None
    for verb in (c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}):
        own = match_trigger(verb, ctx.lexicon)
        found = _target(verb, own if own is not None and own.pos == "VERB" else row, ctx)
        if found is not None:
            return found
    return None


def _doer(trigger, row: Trigger):
    if row.pos == "VERB":
        return subject(trigger)
    owner = possessor(trigger) or next((c for c in trigger.children if c.dep_ == "compound"
                                        and c.pos_ == "PROPN"), None)
    if owner is not None:
        return owner
    by = next(prep_objects(trigger, {"by"}), None)
    if by is not None:
        return by
    position = nominal_position(trigger)
    if position.dep_ in {"dobj", "attr"} and position.head.pos_ in {"VERB", "AUX"}:
        return subject(position.head)  # "launched an investigation", "voiced support"
    return None


def named_target(trigger, row: Trigger, ctx: Context, actor: list[Actor]) -> list[Actor]:
    """The target the text states when it is a person or a group named by words ("tortured a
    young inmate", "ordered the arrest of two men"), placed as far as the knowledge base allows
    (`naming.py`); [] when it states none or names a thing. Stated, it comes before any
    recipient `recipients.py` would imply from the event's place."""
    target = _target(trigger, row, ctx)
    if target is None or target.i == trigger.i or target.lower_ in PRONOUNS:
        return []
    found = [party for head in conjuncts(target)
             for party in place_party(head, ctx.mentions, ctx.kb.sectors)]
    # the actor's own country named as a people is no target ("Iranian police ... Iranians");
    # another party of it is ("the rebels will not talk to the Sudanese government")
    # and the phrase that already names the actor is not its target ("Indian troops were moved")
    own = {a.code for a in actor if a.code}
    named = {(a.entity_text, a.code) for a in actor}
    return [p for p in found if not (p.code in own and p.sector is None)
            and (p.entity_text, p.code) not in named]


def _target(trigger, row: Trigger, ctx: Context):
    preps = RECIPIENT_PREPS.get(row.event, set()) | {"with"} if row.event in WITH_TYPES else \
        RECIPIENT_PREPS.get(row.event, set())
    if row.pos == "VERB":
        patient = passive_patient(trigger)
        if patient is not None and not (row.event in OBJECT_IS_NO_RECIPIENT and row.object_hint
                                        and _hinted_things(patient, row, ctx)):
            return patient  # not "the drill was staged by ...": the thing its row's hint chose
        obj = referent(direct_object(trigger))
        if obj is None and row.particle:
            # "called for sanctions against the junta": the particle's object names the act,
            # and whom it is aimed at follows it
            named = next(prep_objects(trigger, {row.particle}), None)
            aimed = next(prep_objects(named, AIMED_PREPS), None) if named is not None else None
            if aimed is not None:
                return aimed
        if obj is None:
            # "demanded that the minister resign": the one asked to act
            obj = next((subject(c) for c in trigger.children if c.dep_ == "ccomp"
                        and subject(c) is not None), None)
            if obj is not None and obj.i < trigger.i:
                obj = None
        handed = handed_to(trigger, obj, row.event)
        if handed:
            return handed[0]  # "returned a stolen portrait to its owners": whom it goes to
        if obj is not None and obj.ent_type_ not in NOT_PARTIES and not (
                _own(obj) and not _names_an_act(obj, ctx)):  # "stopped its war on X": X
            if obj.lemma_.lower() in AGREEMENT_NOUNS:
                # "signed an agreement with Milrem": the other party, not the document
                aimed = next(prep_objects(obj, {"with", "between"}), None)
                if aimed is not None:
                    return aimed
            elif row.event in REACTION_TYPES and not own_act(obj, row, ctx):
                return obj  # "condemned the attack", "rejected the results"
            elif _names_an_act(obj, ctx) or own_act(obj, row, ctx):
                # "lifted a ban on girls", "suspended aid to Liberia": the act's own target (the
                # parser may hang it on the verb), never a date ("lifted the ban on Monday")
                aimed = next((p for p in [*_party_objects(obj, preps | AIMED_PREPS),
                                          *_party_objects(trigger, AIMED_PREPS - {"in", "of"}),
                                          *_imposed_on(obj), *_measure_place(trigger, ctx)]
                              if not _names_an_act(p, ctx)), None)
                if aimed is not None:
                    return aimed
            elif row.event not in OBJECT_IS_NO_RECIPIENT and not (
                    row.event in MOVES_FORCES and _forces_or_arms(obj, ctx)):
                # "arrested 26 members of a gang"; not "withdrew troops"; what was laid on
                # someone is an act ("lifted the conditions imposed on X"): X
                return next(_imposed_on(obj), obj)
    stated = next(_party_objects(trigger, preps), None)
    if stated is None and row.event == "MOBILIZE":
        # "remained on alert in the north region", "massed troops along the frontier": where
        # forces are readied, as the real-news coders write it, when a noun of places says it (a
        # named place at home is no target: "police deployed across Nairobi")
        stated = next((place for place in _measure_place(trigger, ctx, FORCES_PLACE_PREPS)
                       if place.lemma_.lower() in AREA_NOUNS), None)
    if stated is None:
        # "mobilized the army for an assault against the rebels": whom the act it is for is
        # aimed against
        stated = next((aimed for act in prep_objects(trigger, {"for"}) if _names_an_act(act, ctx)
                       for aimed in _party_objects(act, {"against"})), None)
    return stated


def _party_objects(token, preps: set[str]):
    """The objects of the prepositions that may name a party: not a date, a time or a sum ("granted
    a pardon on Tuesday to the editor" is aimed at the editor, not at Tuesday); a number may
    ("the arrest of one of two men")."""
    return (p for p in prep_objects(token, preps) if p.ent_type_ not in WHEN_OR_HOW_MUCH)


WHEN_OR_HOW_MUCH = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}


IMPOSING_VERBS = word_class("imposing_verbs")


def _imposed_on(act):
    """"lifted the curbs imposed on the newspaper", "the blockade they put on the port": whom an
    act noun was laid on, named by its participle or relative clause of laying."""
    return (p for verb in act.children if verb.dep_ in {"acl", "relcl"}
            and verb.lemma_.lower() in IMPOSING_VERBS
            for p in _party_objects(verb, {"on", "upon", "against"}))


# Types whose other party may follow "with" ("signed a pact with", "agreed with").
WITH_TYPES = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "REJECT"}


AGREEMENT_NOUNS = {"treaty", "agreement", "accord", "deal", "pact", "memorandum", "protocol",
                   "contract", "mou", "convention", "charter", "communique", "text", "draft"}


def _forces_or_arms(obj, ctx: Context) -> bool:
    """"withdrew 2,000 troops", "returned weapons depots": what a retreat moves, not to whom."""
    lemma = obj.lemma_.lower()
    return ctx.kb.sectors.get(lemma) == "MIL" or lemma in ARMS


ARMS = {"weapon", "arm", "troop", "force", "soldier", "equipment", "depot", "base", "tank",
        "missile", "ammunition", "gun", "artillery", "peacekeeper"}

# Types whose act may move one's own forces, never their recipient: a retreat ("withdrew
# troops") and CAMEO 1661's withdrawal of peacekeepers (SANCTION, aimed at where they were).
MOVES_FORCES = {"RETREAT", "SANCTION"}


def _own(obj) -> bool:
    """"withdrew its troops", "lay down their weapons": the doer's own, never a recipient (its
    own act is aimed at someone: "halted its air strikes on the town")."""
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in obj.children)


# "a ban on ...", "aid to ...", "sanctions against ...", "a curfew in ...", "a boycott of ...":
# whom an act named as the object of a verb is aimed at.
FORCES_PLACE_PREPS = frozenset({"in", "along", "to", "into", "near", "across", "on"})
AIMED_PREPS = {"on", "against", "to", "for", "in", "into", "over", "upon", "of"}


ACT_NOUNS = word_class("act_nouns")
PENALTY_NOUNS = word_class("penalty_nouns")
LAWSUIT_NOUNS = word_class("lawsuit_nouns")
CONTAINER_NOUNS = word_class("container_nouns")
AREA_NOUNS = place_nouns(("place",)) | word_class("area_nouns")


def own_act(obj, row: Trigger, ctx: Context) -> bool:
    """"ordered an investigation against X": the object names the very act coded (an
    investigation is an accusation), so its target is whom that act is aimed at."""
    named = match_trigger(obj, ctx.lexicon) if obj.pos_ == "NOUN" else None
    if "legal" in row.context and obj.lemma_.lower() in PENALTY_NOUNS | LAWSUIT_NOUNS:
        # "sought prison sentences for three editors", "began court proceedings against the
        # minister": whom the penalty or the suit is for or against
        return True
    if named is None and obj.pos_ == "NOUN":
        # "declared a state of siege in Pando": the object's phrase is a multiword trigger
        named = multiword_trigger(obj, ctx.lexicon)
    return named is not None and named.event == row.event


def undergone(trigger, row: Trigger, ctx: Context) -> bool:
    """"The negotiations ended", "the boycott ended": an intransitive verb whose subject is the
    thing its row's hint chose says what happened to that thing, and is no one's act."""
    if row.pos != "VERB" or not row.object_hint or direct_object(trigger) is not None:
        return False
    return any(c.dep_ == "nsubj" and _hinted_things(c, row, ctx) for c in trigger.children)


def _hinted_things(token, row: Trigger, ctx: Context) -> frozenset[str] | None:
    """The row's hints a phrase matched, if none of them names a party (a sector word, a person,
    a country); None otherwise."""
    matched = row.object_hint & phrase_lemmas(token)
    if any(hint.startswith("@") or hint in ctx.kb.sectors for hint in matched):
        return None
    return matched


def _measure_place(trigger, ctx: Context, preps: frozenset[str] = frozenset({"in"})):
    """"Lifted the curfew in three southern provinces", "lifted the state of emergency in the
    Amhara region": the place after "in" that the parse hangs on the verb is where the measure
    its object names applies, when it is a place (a place name or a noun of places), not a
    venue or an occasion ("lifted the ban in a statement")."""
    for place in prep_objects(trigger, set(preps)):
        mention = ctx.mentions.at(place)
        if (mention is not None and mention.label in {"GPE", "LOC"}) or \
                place.lemma_.lower() in AREA_NOUNS:
            yield place


def _names_an_act(token, ctx: Context) -> bool:
    return token.lemma_.lower() in ACT_NOUNS or (
        token.pos_ == "NOUN" and match_trigger(token, ctx.lexicon) is not None) or (
        token.pos_ == "NOUN" and multiword_trigger(token, ctx.lexicon) is not None) or (
        token.lemma_.lower() in CONTAINER_NOUNS and any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and _names_an_act(c, ctx)
            for c in token.children))  # "a mediation effort", "a rescue operation"


def _unresolved(token, ctx: Context) -> list[Actor]:
    found = []
    for head in conjuncts(token):
        head = _counted(head)
        if head.pos_ not in {"NOUN", "PROPN"} or head.lower_ in PRONOUNS or \
                head.ent_type_ in NOT_PARTIES or aim_verb(head) is not None:
            continue  # "in a bid to block": an aim, no party
        sector = ctx.kb.sectors.get(head.lower_) or ctx.kb.sectors.get(head.lemma_.lower())
        if sector == NOT_AN_ACTOR:
            continue
        known = known_name(head, ctx.mentions)  # a listed body the entity model missed
        found.append(replace(known, entity_text=phrase(head, party=True)) if known is not None
                     else Actor(entity_text=phrase(head, party=bool(sector)), confidence=0.2))
    return found


def _counted(head):
    """"hundreds of banks", "dozens of firms": a count names no party; what it counts does."""
    if head.ent_type_ == "CARDINAL" and (head.like_num or head.lemma_.lower() in QUANTITY_NOUNS):
        return next(prep_objects(head, {"of"}), head)
    return head
