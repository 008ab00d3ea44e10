"""Handovers: a verb of handing something or oneself over ("returned the statues to Cambodia",
"surrendered to the police", "handed the town over to the army") goes to whom "to" names; what
is handed over, its object, is never the recipient ("returned a stolen portrait to its owners":
the owners, not the portrait, nor the painter's country a phrase inside it names). An honour
conferred goes the same way: "awarded the Order of Freedom to the US envoy", "bestowed a medal on
the army chief" (SUPPORT, CAMEO 051) go to the envoy and the chief, not to the order or the medal.

Read by `participants.py` (the resolved recipient and the target named by words).
"""

from __future__ import annotations

from sitrep.coding.lexicon import verb_forms
from sitrep.coding.roles import prep_objects
from sitrep.resources import word_class

# Verbs of handing something or oneself over: "to" names who receives it.
HANDOVER_VERBS = word_class("handover_verbs")
# Verbs of conferring an honour: "to" or "on" names who receives it.
CONFERRAL_VERBS = word_class("conferral_verbs")


def handed_to(trigger, obj, event_type: str) -> list:
    """The objects of "to" on a RETREAT handover verb or on its object (of "to", "on" or "upon"
    on a SUPPORT verb of conferring an honour), in order; [] for any other verb or type."""
    forms = verb_forms(trigger)
    if event_type == "RETREAT" and forms & HANDOVER_VERBS:
        preps = {"to"}
    elif event_type == "SUPPORT" and forms & CONFERRAL_VERBS:
        preps = {"to", "on", "upon"}
    else:
        return []
    return [p for holder in (trigger, obj) if holder is not None
            for p in prep_objects(holder, preps)] or _hung_on_a_clause(trigger, obj, preps)


def _hung_on_a_clause(trigger, obj, preps: set[str]) -> list:
    """"returned a painting stolen in 1989 from a gallery to its owners", "returned a manuscript,
    missing since 1943, to the town": the parser hangs the handover's "to" on the clause that
    qualifies what is handed over (or on a participle set off after the object): the last such
    phrase of a participle or passive clause (a state of the thing, not a journey of its own) is
    the handover's."""
    clauses = [c for c in obj.children if c.dep_ in {"relcl", "acl"}] if obj is not None else []
    clauses += [c for c in trigger.children if c.dep_ == "advcl" and c.i > trigger.i
                and (obj is None or c.i > obj.i)]
    for clause in clauses:
        if clause.tag_ not in {"VBN", "VBG", "JJ"} or any(
                c.dep_ == "aux" for c in clause.children):
            continue  # "returned the migrants who had sailed to Lesbos": their own journey
        found = list(prep_objects(clause, preps))
        if found:
            return found[-1:]
    return []
