"""Reporters: who reports a passive act is its doer only if it could have done it.

"Police said two men were arrested", "the army said 30 fighters were killed": the coders take
the side that reports a passive act with no agent for its doer (`roles.subject` climbs to the
reporting verb's subject), and so does sitrep. "Amnesty International said three activists were
arrested", "the hospital said five people were killed" are reports by a side that arrests and
kills no one: the act's doer is unstated. Force (ASSAULT, COERCE) is done by states and armed
groups only, so a reporter of another sector is no doer of it.

Hands on the sentence's candidates with such a reporter taken out of the actors (`sentence.py`).
"""

from __future__ import annotations

from sitrep.actors.parties import AUTHORITY_SECTORS
from sitrep.coding.candidate import Candidate, Context
from sitrep.coding.roles import PASSIVE_SUBJECTS, subject

FORCE_TYPES = {"ASSAULT", "COERCE"}
# Dependencies of a noun phrase or prepositional phrase inside a clause (not a clause of its own).
PHRASE_DEPS = {"pobj", "pcomp", "prep", "dobj", "compound", "amod", "nmod", "npadvmod"}
# Possessive pronouns a reported clause uses for the party that reports it.
REPORTED_OWNERS = ("its ", "their ")
# Sectors that use force: the state's (AUTHORITY_SECTORS) and armed groups'.
ARMED_SECTORS = AUTHORITY_SECTORS | {"REB", "UAF", "PRM", "IMG", "PRE", "CRM"}


def unarmed_reporters(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, with a reporter that could not have used force taken out of the actors of
    the passive act of force it reports."""
    for candidate in candidates:
        if candidate.event.actor and unarmed_report(candidate, candidate.event.actor, ctx):
            candidate.event.actor = []
    return candidates


def unarmed_report(candidate: Candidate, actors: list, ctx: Context) -> bool:
    """Whether `actors` are only the reporter of the candidate's passive act of force (with no
    agent), and could not have used force or report it done to their own side (`document.py`
    asks it too, before it gives an event with no doer the subject of the clause above)."""
    clause = _reported_clause(candidate.trigger)
    if candidate.event.event not in FORCE_TYPES or clause is None or \
            not any(c.dep_ in PASSIVE_SUBJECTS for c in clause.children) or \
            any(c.dep_ == "agent" for c in clause.children):
        return False
    reporter = subject(clause.head)
    if reporter is None:
        return False
    # the reporter's words, as the text has them and as the parse's tokens join them
    words = list(reporter.subtree)
    written = (reporter.doc[words[0].i:words[-1].i + 1].text, " ".join(t.text for t in words))
    if not all(a.entity_text and any(a.entity_text in w for w in written) for a in actors):
        return False
    # "North Korea said one of its soldiers was killed": no side reports so its own losses
    own = {a.code for a in actors} & {r.code for r in candidate.event.recipient
                                     if reporters_own_words(r.entity_text)}
    return bool(own - {None}) or not any(_may_use_force(a.sector, a.code) for a in actors)


def _reported_clause(trigger):
    """The reported clause a trigger is the verb of, or stands in a phrase of ("were killed in
    shelling near Khiam, the agency said"); None if it is not in one."""
    token, steps = trigger, 0
    while token.dep_ in PHRASE_DEPS and steps < 4:
        token, steps = token.head, steps + 1
    return token if token.dep_ == "ccomp" else None


def _may_use_force(sector: str | None, code: str | None) -> bool:
    """A state (a country with no sector), its forces and officials, or an armed group."""
    return sector in ARMED_SECTORS if sector else code is not None


def reporters_own_words(text: str) -> bool:
    """Whether a party's words name it as "its" or "their" something (not "its own"): in a
    reported clause, the reporter's own side (`recipients.py` gives it the reporter's country)."""
    text = text.lower()
    return " own " not in f" {text} " and (text.startswith(REPORTED_OWNERS) or any(
        f" of {word}" in text for word in REPORTED_OWNERS))
