"""Deadlines and ultimatums: who is given one.

A deadline given to a party is an ultimatum, which PLOVER codes THREATEN (CAMEO 139 "Give
ultimatum"; the trigger rows give, set, impose and issue + deadline|ultimatum in triggers.tsv).
Its recipient is the party that must act: the verb's indirect object ("gave Canada a deadline"),
the "for", "to" or "on" phrase of the deadline ("a deadline for the council", "imposed a
deadline on Nigeria"), or the subject of a "for ... to" clause ("set a deadline for the
government to release the prisoners"). A deadline no party is given ("set a deadline for filing
tax returns") is a schedule, not a threat: `code_sentence` drops it. Hands `build_candidate` the party (or nothing) for one trigger token.
"""

from __future__ import annotations

from sitrep.coding.candidate import Context
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import subject
from sitrep.model import Actor

ULTIMATUM_NOUNS = {"deadline", "ultimatum"}


def given_ultimatum(token):
    """The deadline or ultimatum noun the trigger verb gives, if it gives one."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
                 and c.lemma_.lower() in ULTIMATUM_NOUNS), None)


def ultimatum_holders(token) -> list | None:
    """The phrases naming whoever is given the deadline the trigger verb gives: None where it
    gives none, empty for a schedule."""
    deadline = given_ultimatum(token)
    if deadline is None:
        return None
    holders = [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    for head in (deadline, token):
        for child in head.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in {"for", "to", "on"}:
                holders += [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in {"advcl", "acl", "relcl"} and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in child.children):
                doer = subject(child)
                if doer is not None:
                    holders.append(doer)
    # "a deadline for filing returns" names an act, not a party
    return [h for h in holders if h.pos_ in {"NOUN", "PROPN", "PRON"}
            and h.lemma_.lower() not in ULTIMATUM_NOUNS]


def ultimatum_party(token, ctx: Context) -> list[Actor]:
    """The parties given the deadline, as actors (none where the verb gives no deadline)."""
    return [a for holder in ultimatum_holders(token) or ()
            for a in actors_of(holder, ctx.mentions, ctx.kb.sectors)]
