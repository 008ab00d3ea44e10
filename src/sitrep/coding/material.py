"""Material senses: what a material act is by what it comes with. Troops deployed or arriving as
peacekeepers provide protection (AID); goods or services supplied under a deal or in exchange
for something are COOPERATE economic, not AID; a person handed over under a warrant is judicial
cooperation (COOPERATE legal), not a release (PLOVER manual §AID, §COOPERATE).

Reads the parse helpers of `roles.py`; `sentence.py` calls `material_senses` on each candidate,
`recipients.py` reads the peacekeeping words (`PEACEKEEPING`).
"""

from __future__ import annotations

from sitrep.coding.candidate import Candidate
from sitrep.coding.lexicon import Lexicon
from sitrep.coding.roles import direct_object, subject
from sitrep.resources import word_class

PEACEKEEPING = {"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "peacekeep"}


def peacekeeping(candidate: Candidate, lexicon) -> None:
    """Troops deployed or arriving as peacekeepers provide protection: AID (manual §AID,
    CAMEO 074), not a show of force (MOBILIZE) nor a visit (CONSULT)."""
    event = candidate.event
    if event.event not in {"MOBILIZE", "CONSULT"}:
        return
    # the peacekeepers may be named by the trigger's phrase, by its doers ("Russian
    # peacekeepers began deploying"), or by a phrase on the verb that carries it ("announced
    # the dispatch of 150 soldiers to Mali on a peacekeeping mission")
    trigger = candidate.trigger
    tokens = list(trigger.subtree)
    if trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        tokens += [t for c in trigger.head.children if c.dep_ == "prep" for t in c.subtree]
    doer = subject(trigger) if trigger.pos_ in {"VERB", "AUX"} else None
    if doer is not None:
        tokens += list(doer.subtree)
    words = [w for t in tokens for w in (t.lemma_.lower(), t.lower_)]
    if not any(w in PEACEKEEPING for w in words):
        return
    event.event, event.mode = "AID", None
    event.quad_code, event.event_scale = lexicon.quad("AID"), lexicon.score("AID", None)
    if "peacekeeping" not in event.context:
        event.context.append("peacekeeping")


# What makes a delivery a trade: the deal it is made under, what it is exchanged for (word class
# `exchange_nouns`: "supplied gas under a 15-year contract", "in exchange for oil").
EXCHANGE_NOUNS = word_class("exchange_nouns")


# Nouns of money given, which stays aid whatever it is given under (manual §AID: monetary aid,
# grants and credit: "disbursed a loan tranche under its credit arrangement").
MONEY_NOUNS = {"loan", "credit", "grant", "fund", "funding", "tranche", "money", "cash", "aid",
               "assistance", "financing", "budget", "bailout"}


def _exchanged(trigger) -> str | None:
    """What a delivery is made under: "trade" (a deal, or in exchange for something) or
    "judicial" (a warrant: "handed over a suspect under a European arrest warrant")."""
    obj = direct_object(trigger)
    if obj is not None and any(t.ent_type_ == "MONEY" or t.lemma_.lower() in MONEY_NOUNS
                               for t in obj.subtree):
        return None
    for token in trigger.subtree:
        if token.dep_ != "pobj":
            continue
        lemma, prep = token.lemma_.lower(), token.head.lower_
        if prep == "under" and (lemma in {"warrant", "extradition"} or any(
                c.lemma_.lower() == "extradition" for c in token.children)):
            return "judicial"  # "under an extradition treaty", "... request"
        if prep == "under" and (lemma in EXCHANGE_NOUNS or any(
                c.dep_ == "amod" and c.lower_ == "mutual" for c in token.children)):
            return "trade"  # "under a $25 billion loans-for-oil deal", "under a mutual ... request"
        if prep == "in" and lemma in {"exchange", "return"}:
            return "trade"  # "in exchange for discounted oil" (the parser may hang "for" apart)
    return None


def material_senses(candidate: Candidate, lexicon: Lexicon) -> None:
    """What a material act is by what it comes with: peacekeepers' deployments provide
    protection (`peacekeeping`: AID); goods or services supplied under a deal or in exchange
    for something are an exchange that benefits both sides, COOPERATE economic, not AID (manual
    §COOPERATE, "distinguished from AID because the activity is generally understood to directly
    benefit both parties"), and a person handed over under a warrant is judicial cooperation
    (manual §COOPERATE: extraditions), not a release."""
    peacekeeping(candidate, lexicon)
    event = candidate.event
    if event.event not in {"AID", "RETREAT"} or candidate.trigger.pos_ not in {"VERB", "AUX"}:
        return
    kind = _exchanged(candidate.trigger)
    if kind is None or (event.event == "RETREAT" and kind != "judicial"):
        return  # "released the prisoners under the ceasefire deal" is a release
    event.event, event.mode = "COOPERATE", None
    event.quad_code = lexicon.quad("COOPERATE")
    event.event_scale = lexicon.score("COOPERATE", None)
    context = "economic" if kind == "trade" else "legal"
    if context not in event.context:
        event.context.append(context)
