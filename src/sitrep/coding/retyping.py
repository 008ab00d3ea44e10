"""Sentence-level retyping: PLOVER's rules that change a candidate's type once its modality and
parties are known (a promised act is AGREE or THREATEN; a refusal REJECT; an ultimatum
THREATEN; violence by protesters a riot; a conviction with a prison sentence an arrest; a
consultation or an operation with a purpose), demands inside reported speech (REQUEST),
complements folded into the verb that governs them, and the other side's act an imported
dictionary codes (docs/codebook-boundaries.md). The senses a trigger's arguments decide are in
`senses.py`, what a material act comes with in `material.py`.

Hands the promise, refusal and riot rules to `build.py` (one candidate) and the rules that read
several candidates to `sentence.py`.
"""

from __future__ import annotations

import copy

from sitrep.actors.parties import same_party
from sitrep.coding.candidate import Candidate, Context
from sitrep.coding.lexicon import Lexicon
from sitrep.coding.modality import RECEIVING_VERBS
from sitrep.coding.party_phrase import phrase
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import LIGHT_VERBS, QUANTITY_NOUNS, passive_patient, subject
from sitrep.model import Actor
from sitrep.resources import word_class

# PLOVER manual: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; promised force or pressure
# is THREATEN. A promised retreat or concession ("will release the hostages", "is ready to pull
# its soldiers out", "will lift the curfew") is AGREE as the PLOVER gold records and the coders
# of the real-news development set code it (CAMEO 035 express intent to yield, which
# CAMEO2PLOVER maps to AGREE), where the manual's text says CONCEDE (docs/codebook-boundaries.md).
INTENT_TYPES = {**dict.fromkeys(["SUPPORT", "CONSULT", "COOPERATE", "AID", "RETREAT", "CONCEDE"],
                                "AGREE"),
                **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
                                "THREATEN")}

# Verbs that stop a meeting or talks (boycott, cancel, call off, postpone): announced for the
# future, a threat to suspend talks (PLOVER manual, THREATEN relations).
MEETING_STOPPERS = word_class("meeting_stoppers")


# Verbs that promise their complement; a promised act of force or pressure is a threat
# (PLOVER manual: promised force or pressure is THREATEN; "vowed to attack", "promised to strike").
PROMISING_VERBS = word_class("promising_verbs")
HOSTILE_ACTS = {"ASSAULT", "COERCE", "SANCTION"}


def fold_complements(candidates: list[Candidate]) -> list[Candidate]:
    """"threatened to strike X", "agreed to cooperate with X": one event, the outer verb's type,
    with the complement's arguments where the outer verb has none. A promise of force or
    pressure ("vowed to attack the soldiers") is a threat."""
    by_token = {c.trigger.i: c for c in candidates}
    kept = []
    for candidate in candidates:
        outer = by_token.get(candidate.trigger.head.i)
        if outer is not None and outer is not candidate and (
                candidate.trigger.dep_ == "xcomp" or _requested_act(candidate, outer)):
            if outer.event.event == "AGREE" and outer.trigger.lemma_ in PROMISING_VERBS \
                    and candidate.trigger.dep_ == "xcomp" and candidate.row.event in HOSTILE_ACTS:
                outer.event.event, outer.event.mode = "THREATEN", None
            outer.event.recipient = outer.event.recipient or candidate.event.recipient
            outer.event.items = outer.event.items or candidate.event.items
            if not outer.event.event_loc.extracted_place:
                outer.event.event_loc = candidate.event.event_loc
            continue
        kept.append(candidate)
    return kept


ORDERING_VERBS = word_class("ordering_verbs")
OBJECT_CONTROL_VERBS = word_class("object_control_verbs")


def _requested_act(candidate: Candidate, outer: Candidate) -> bool:
    """"pushed Iran to free the sailors": a to-infinitive the parser hung as an adverbial clause
    of a request made to the verb's object is what was requested, as its complement would be."""
    trigger = candidate.trigger
    return outer.event.event == "REQUEST" and trigger.dep_ == "advcl" and \
        outer.trigger.lemma_.lower() in OBJECT_CONTROL_VERBS and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and \
        not any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children) and \
        any(c.dep_ == "dobj" for c in outer.trigger.children)


def ordered_acts(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """"A judge ordered three former ministers jailed", "ordered the editor to be detained": the
    act ordered done to someone, a participle, is done by whoever ordered it (their order is
    no request), to the one it is done to."""
    by_token = {c.trigger.i: c for c in candidates}
    orders = set()
    for candidate in candidates:
        act = candidate.trigger
        done_to = act.head.head if act.dep_ == "acl" and act.head.dep_ == "dobj" else act.head
        order = by_token.get(done_to.i)
        if act.tag_ not in {"VBN", "VBD"} or act.dep_ not in {"ccomp", "xcomp", "oprd", "acl"} or \
                order is None or order.event.event != "REQUEST" or \
                done_to.lemma_.lower() not in ORDERING_VERBS:
            continue
        patient = passive_patient(act) or next(
            (c for c in act.children if c.dep_ == "nsubj"), None) or (
            act.head if act.dep_ == "acl" else next(
                (c for c in done_to.children if c.dep_ == "dobj"), None))
        held = [a for a in actors_of(patient, ctx.mentions, ctx.kb.sectors) if a.code or a.sector] \
            if patient is not None else []
        if patient is not None and not held:  # kept by its words, as `targets.name_unresolved`
            held = [Actor(entity_text=phrase(patient, party=True), confidence=0.2)]
        candidate.event.actor = order.event.actor
        candidate.event.recipient = held
        candidate.depth = order.depth
        orders.add(id(order))
    return [c for c in candidates if id(c) not in orders]


def reversed_acts(candidate: Candidate, ctx: Context) -> list[Candidate]:
    """The other side's act, where an imported dictionary codes one ("MEET [031:031]": each
    meets the other; "ARRIVE [032:033]": the visit, and the host's reception)."""
    event = candidate.event
    if not (event.actor and event.recipient):
        return []
    other = copy.deepcopy(event)
    other.actor, other.recipient = other.recipient, other.actor
    other.event, other.mode = candidate.row.reverse or event.event, None
    other.quad_code = ctx.lexicon.quad(other.event)
    other.event_scale = ctx.lexicon.score(other.event, None)
    return [Candidate(trigger=candidate.trigger, row=candidate.row, event=other,
                      definite=candidate.definite, depth=candidate.depth + 1,
                      date_range=candidate.date_range, reverse=True)]


RIOT_MODES = {"ASSAULT": "riot", "COERCE": "obstruct"}


PROTEST_PARTICIPANTS = word_class("protest_participants")


CAMPAIGNERS = word_class("campaigners")
CONTAINER_NOUNS = word_class("container_nouns")
CARRIER_VERBS = word_class("carrier_verbs")


def by_protesters(verb, event_type: str) -> bool:
    """Whether the verb's doers are people in a protest ("thousands of protesters"); for a
    blockade, campaigners too."""
    agent = subject(verb)
    if agent is None or passive_patient(verb) is not None:
        return False
    who = PROTEST_PARTICIPANTS | (CAMPAIGNERS if event_type == "COERCE" else frozenset())
    heads = [agent] + [c for c in agent.children if c.dep_ == "conj"]
    return any(h.lemma_.lower() in who or (
        h.lemma_.lower() in QUANTITY_NOUNS and any(
            g.lemma_.lower() in who for p in h.children if p.lower_ == "of"
            for g in p.children)) for h in heads)


def on_condition_unless(token, actor: list[Actor], ctx: Context) -> bool:
    """An ultimatum: the act is held over another party, who must do something first ("will
    withdraw its force unless Chad's president arranges a ceasefire"; not "unless the court
    objects")."""
    own = {a.code for a in actor if a.code}
    for clause in token.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                          for m in clause.children):
            doer = subject(clause)
            others = actors_of(doer, ctx.mentions, ctx.kb.sectors) if doer is not None else []
            if any((a.code or a.kb_id) and a.code not in own and
                   not any(same_party(a, b) for b in actor) for a in others):
                return True
    return False


CONDITION_MARKS = {"if", "unless", "whether"}


def imposes_sanctions(row, event_type: str) -> bool:
    """A SANCTION, or sanctions imposed, which the real-news coders code COERCE (the rows COERCE
    restrict with the context economic; docs/codebook-boundaries.md)."""
    return event_type == "SANCTION" or (event_type == row.event == "COERCE" and
                                        row.mode == "restrict" and "economic" in row.context)


def threatened_sanction(row, event_type: str, token) -> bool:
    """A sanction that would or may follow, not in a condition of its own: held over its
    target, THREATEN (CAMEO 1312 threaten with sanctions; as a future sanction is): "a bill that
    would sanction Turkish officials", "the EU may suspend talks if ..."; but "if they imposed
    sanctions" is the condition of someone else's threat, and "is weighing sanctions" only
    considers them; nor is a sanction ended ("would terminate the embargo": the verb it is the
    object of is no light verb that imposes it), nor one no one means to impose ("has no
    intention of seeking to revoke the accord")."""
    if not imposes_sanctions(row, event_type):
        return False
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj" and \
            token.head.lemma_.lower() not in LIGHT_VERBS:
        return False
    clause = token
    while clause.head.i != clause.i:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
               for c in clause.head.children):
            return False
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                          for m in clause.children):
            return False
        if clause.head.lemma_.lower() in RECEIVING_VERBS:
            return False
        if clause.dep_ not in {"xcomp", "conj", "dobj", "prep", "pobj", "pcomp"}:
            break
        clause = clause.head
    return True


RENEWAL_VERBS = word_class("renewal_verbs")


def lapsed_sanction(row, event_type: str, modality: str) -> bool:
    """A sanction not renewed, extended or kept ("the Council failed to renew the arms embargo")
    lapses: eased, RETREAT as "lifted" (CAMEO 085)."""
    return modality == "negated" and imposes_sanctions(row, event_type) and row.lemma in RENEWAL_VERBS


# What a meeting, call or visit is for, when that is an act of its own: PLOVER codes a
# consultation "for the content of the action" (manual §CONSULT).
PURPOSE_TYPES = {"SUPPORT", "ACCUSE", "REQUEST", "AID", "REJECT", "THREATEN", "COOPERATE"}


# Verbs of helping a visit may be made for ("arrived in Lombardy to help"): no trigger of their
# own, too common alone (word class `help_verbs`).
HELP_VERBS = word_class("help_verbs")


def _made_to_help(trigger, coded: set[int]) -> bool:
    """A visit made to help, with no act of its own named under the help ("arrived in Lima to
    help mediate" is the mediation's, "to assist in the talks" the talks'); an act that only
    describes whom it helps ("to treat people wounded in the clashes") is no act of the help."""
    return any(c.dep_ in {"xcomp", "advcl"} and c.lemma_.lower() in HELP_VERBS and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and not any(
        t.i in coded for t in _help_acts(c)) for c in trigger.children)


def _help_acts(help_verb) -> list:
    """What a help names as its own act: its words, its object, its complements and what its
    prepositions govern, not the clauses that describe them."""
    acts = []
    for child in help_verb.children:
        acts.append(child)
        if child.dep_ in {"prep", "dobj", "xcomp", "ccomp"}:
            acts += [g for g in child.children if g.dep_ in {"pobj", "pcomp", "xcomp", "compound"}]
    return acts


def consultation_purposes(candidates: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """"called his counterpart to congratulate him" (SUPPORT), "summoned the envoy to protest"
    (ACCUSE), "doctors arrived in Lombardy to help" (AID), "arrived in Iran seeking refuge"
    (REQUEST): the consultation takes its purpose's type, keeping its own parties, and the
    purpose is not coded again."""
    coded = {c.trigger.i for c in candidates}
    for visit in candidates:
        if visit.event.event == "CONSULT" and _made_to_help(visit.trigger, coded):
            aid = visit.event  # "rescue teams arrived in Pakistan to help survivors": aid
            aid.event, aid.mode = "AID", None
            aid.quad_code, aid.event_scale = lexicon.quad("AID"), lexicon.score("AID", None)
    by_token = {c.trigger.i: c for c in candidates}
    dropped: set[int] = set()
    for purpose in candidates:
        token = purpose.trigger
        if token.dep_ == "dobj" and token.head.i not in by_token:
            # "called Erdogan to convey Pakistan's support": the purpose is what is conveyed
            token = token.head
        outer = by_token.get(token.head.i)
        if outer is None or outer is purpose or outer.event.event != "CONSULT" or \
                purpose.event.event not in PURPOSE_TYPES or token.dep_ not in {"xcomp", "advcl"} \
                or not (any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or (
                    # "arrived in Kyrgyzstan seeking refuge": an arrival's participle says why
                    outer.event.mode == "visit" and token.tag_ == "VBG" and token.dep_ == "advcl")):
            continue
        event = outer.event
        event.event, event.mode = purpose.event.event, purpose.event.mode
        event.quad_code, event.event_scale = purpose.event.quad_code, purpose.event.event_scale
        event.recipient = event.recipient or purpose.event.recipient
        for context in purpose.event.context:
            if context not in event.context:
                event.context.append(context)
        dropped.add(id(purpose))
    return [c for c in candidates if id(c) not in dropped]


def operation_purposes(candidates: list[Candidate]) -> list[Candidate]:
    """"launched operations to detain 110 soldiers", "began a campaign to expel the envoys": an
    operation or campaign that a carrier verb (launch, begin, conduct ...) carries is what it is
    for ("endorsed the plan to demobilise" stays an endorsement); the carrying verb's event
    takes its purpose's type
    (its own parties kept, the purpose's recipient where it has none), and the purpose is not
    coded again."""
    by_token = {c.trigger.i: c for c in candidates}
    dropped: set[int] = set()
    for purpose in candidates:
        token = purpose.trigger
        if token.dep_ in {"acl", "relcl"}:  # "an operation to detain"
            outer = by_token.get(token.head.head.i) if token.head.dep_ == "dobj" else None
            containers = [token.head]
        elif token.dep_ == "advcl":  # the same, parsed as the verb's purpose
            outer = by_token.get(token.head.i)
            containers = [c for c in token.head.children if c.dep_ == "dobj"]
        else:
            continue
        if outer is None or outer is purpose or \
                outer.trigger.lemma_.lower() not in CARRIER_VERBS or not any(
                c.lemma_.lower() in CONTAINER_NOUNS for c in containers) or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue
        event = outer.event
        event.event, event.mode = purpose.event.event, purpose.event.mode
        event.quad_code, event.event_scale = purpose.event.quad_code, purpose.event.event_scale
        event.recipient = event.recipient or purpose.event.recipient
        event.items = event.items or purpose.event.items
        dropped.add(id(purpose))
    return [c for c in candidates if id(c) not in dropped]


# Verbs of a conviction, and of the sentence that may follow it.
CONVICTING = {"convict", "find"}
SENTENCING = {"sentence", "jail", "imprison"}


def convictions(candidates: list[Candidate]) -> list[Candidate]:
    """"convicted the blogger and sentenced her to 18 months in jail": a conviction with a
    prison sentence is COERCE arrest (manual §SANCTION), one event with the conviction's
    parties; a conviction alone stays ACCUSE (docs/codebook-boundaries.md)."""
    by_token = {c.trigger.i: c for c in candidates}
    dropped: set[int] = set()
    for sentence in candidates:
        token = sentence.trigger
        outer = by_token.get(token.head.i)
        if outer is None or outer is sentence or token.dep_ != "conj" or \
                token.lemma_.lower() not in SENTENCING or sentence.event.event != "COERCE" or \
                outer.trigger.lemma_.lower() not in CONVICTING:
            continue
        event = outer.event
        event.event, event.mode = "COERCE", sentence.event.mode
        event.quad_code, event.event_scale = sentence.event.quad_code, sentence.event.event_scale
        event.recipient = event.recipient or sentence.event.recipient
        dropped.add(id(sentence))
    return [c for c in candidates if id(c) not in dropped]


