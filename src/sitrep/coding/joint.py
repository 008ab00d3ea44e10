"""Joint and reciprocal acts: the partners an exercise or patrol is held with ("held drills with
France", "joined U.S. warships for the exercises"), whoever joins another's force, whether an
exercise is held jointly, and whether several parties do a mutual act ("X and Y met": PLOVER lists
them all as actors with no recipient).

Reads the parse helpers of `roles.py`; hands on to `participants.py` (a mutual act takes no
recipient) and `build.py` (a joint exercise's partners, `Event.reciprocal`).
"""

from __future__ import annotations

from sitrep.coding.candidate import Context
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import direct_object, passive_patient, prep_objects, subject
from sitrep.model import Actor, side_of
from sitrep.resources import word_class


def partners(trigger, ctx: Context) -> list[Actor]:
    """The countries an exercise or patrol is held with ("held exercises with France", "held a
    week of drills with France"), or whose forces are joined for it ("joined U.S. warships for
    the exercises")."""
    noun = trigger
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "a week of drills"
    holders = [trigger, noun] + ([noun.head] if noun.dep_ == "dobj" else [])  # "held ... with"
    obj = direct_object(trigger) if trigger.pos_ in {"VERB", "AUX"} else None
    holders += [obj] if obj is not None else []  # "staged drills with Sudan"
    joined = [_joined_force(trigger)]
    held_with = [pobj for holder in {h.i: h for h in holders}.values()
                 for pobj in prep_objects(holder, {"with"})]
    return [a for pobj in held_with + joined if pobj is not None
            for a in actors_of(pobj, ctx.mentions, ctx.kb.sectors) if a.code]


def _joined_force(trigger):
    """The force joined for an exercise or patrol ("joined U.S. warships for the exercises",
    "joined Malaysian vessels in patrols"; the parse may hang "for" or "in" on the vessels)."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"for", "in"}:
        return None
    owner = trigger.head.head
    if owner.lemma_.lower() == "join":
        return direct_object(owner)
    return owner if owner.dep_ == "dobj" and owner.head.lemma_.lower() == "join" else None


def joining_party(trigger, ctx: Context) -> list[Actor]:
    """Whoever joins another's force for an exercise ("The Indian Navy joined U.S. warships for
    the exercises"): the subject of "join"."""
    force = _joined_force(trigger)
    if force is None:
        return []
    verb = force if force.lemma_.lower() == "join" else force.head
    doer = subject(verb)
    return actors_of(doer, ctx.mentions, ctx.kb.sectors) if doer is not None else []


JOINT_WORDS = word_class("joint_words")


def held_jointly(trigger, held) -> bool:
    """An exercise or patrol said to be joint ("began joint drills", "coordinated patrols"),
    joined for, or held by a party with its allies ("the US and its allies launched war games"),
    is held with others whoever they are (PLOVER manual §MOBILIZE: joint military operations are
    COOPERATE)."""
    if _joined_force(trigger) is not None:
        return True
    exercise = held if held is not None else trigger
    if any(c.dep_ in {"amod", "compound"} and c.lemma_.lower() in JOINT_WORDS
           for c in exercise.children):
        return True
    verb = trigger.head if trigger.dep_ in {"dobj", "pobj"} else trigger
    doer = subject(verb)
    return doer is not None and any(t.lemma_.lower() in JOINT_WORDS for t in doer.subtree)


# "X and Y met / agreed / signed a pact / fought": predicates whose doers act with one another.
RECIPROCAL_PREDICATES = word_class("reciprocal_predicates")


def is_reciprocal(trigger, actor: list[Actor], recipient: list[Actor]) -> bool:
    """Several parties do a mutual act and no one else is named as its object: PLOVER lists them
    all as actors with no recipient (manual, "Compound and Reciprocal Actors"); read as dyads,
    each acts towards the other (`Event.dyads`), the first named towards the second."""
    if recipient or len(parties(actor)) < 2:
        return False
    words = {trigger.lemma_.lower()}
    if trigger.pos_ in {"VERB", "AUX"}:
        obj = direct_object(trigger) or passive_patient(trigger)  # "the drill was held by"
        if obj is not None:
            words.add(obj.lemma_.lower())
    return bool(words & RECIPROCAL_PREDICATES)


def parties(actors: list[Actor]) -> list[Actor]:
    """The distinct parties of a list: one per country's state and one per other side of it
    ("the Ethiopian government and the Oromo Liberation Army agreed": a government and its
    rebels are two parties, as the real-news coders write them), else one per name."""
    seen: dict[tuple[str, str], Actor] = {}
    for actor in actors:
        key = (actor.code, side_of(actor)) if actor.code else \
            (actor.kb_id or actor.entity_text.lower(), "")
        seen.setdefault(key, actor)
    return list(seen.values())
