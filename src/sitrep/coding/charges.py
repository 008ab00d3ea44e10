"""Charges: the act a verb of accusing or barring names after its object.

"Rights groups accused the army of killing civilians": the killing is the army's, and only
alleged; "the court acquitted the general of ordering the shelling": the shelling is the
general's, and denied; "Kenya banned the party from holding rallies": the rallies are barred, so
no rally is an event. The parser hangs the charge ("of killing civilians") on the verb or on its
object; either way its doer is the verb's object (or, in the passive, its subject), not whoever
does the accusing.

Hands on the sentence's candidates with each charge's doer and modality set, and barred acts
dropped (`sentence.py` runs it after the candidates are built).
"""

from __future__ import annotations

from sitrep.coding.candidate import Candidate, Context
from sitrep.coding.party_phrase import (
    BARRING_VERBS,
    CHARGE_PREPS,
    CLEARING_VERBS,
)
from sitrep.coding.phrase_actors import actors_of


def charged_acts(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates with each charge's doer and modality set; barred acts dropped."""
    kept = []
    for candidate in candidates:
        found = _charging_verb(candidate.trigger)
        if found is None:
            kept.append(candidate)
            continue
        verb, accused = found
        lemma = verb.lemma_.lower()
        if lemma in BARRING_VERBS:
            continue  # "banned the party from holding rallies": no rally happened
        event = candidate.event
        doers = [a for a in actors_of(accused, ctx.mentions, ctx.kb.sectors)
                 if a.code or a.sector] if accused is not None else []
        if doers:
            event.actor = doers
        if lemma in CLEARING_VERBS:
            event.modality = "negated"
        elif event.modality in {"asserted", "historical"}:
            event.modality = "reported"
        kept.append(candidate)
    return kept


def _charging_verb(trigger):
    """(the verb, the accused token or None) when the trigger is the charge after a verb of
    accusing or barring ("accused the army of killing", "was banned from holding"); else None."""
    act = trigger.head if trigger.dep_ == "dobj" and trigger.head.dep_ == "pcomp" else trigger
    prep = act.head  # "from holding rallies": the rallies are held, the holding barred
    if act.dep_ not in {"pcomp", "pobj"} or prep.dep_ != "prep":
        return None
    governor = prep.head
    if governor.dep_ == "dobj":  # the charge hung on the object: "accused [the army of killing]"
        verb, accused = governor.head, governor
    else:
        verb = governor
        accused = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if verb.pos_ not in {"VERB", "AUX"} or \
            prep.lower_ not in CHARGE_PREPS.get(verb.lemma_.lower(), ()):
        return None
    return verb, accused
