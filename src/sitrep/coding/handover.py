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
            for p in prep_objects(holder, preps)]
