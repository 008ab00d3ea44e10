"""Intermediaries: who delivers an act for its actor ("an appeal, delivered by Minister X").

Reads the agent of a delivering verb (word class `intermediary_verbs`) under a trigger and hands
its actors to `build.py` for the event's `intermediary` field.
"""

from __future__ import annotations

from sitrep.coding.phrase_actors import actors_of
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor
from sitrep.resources import word_class

INTERMEDIARY_VERBS = word_class("intermediary_verbs")


def intermediaries(trigger, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """"appeal, delivered by Minister X": the agent of a delivering verb under the trigger."""
    # the tokens under the trigger whose head it is: its children, and itself when it heads the
    # sentence (a root is its own head), in text order (walking the whole subtree costs a Token
    # object per word)
    children = list(trigger.children)
    if trigger.head.i == trigger.i:
        children = sorted([*children, trigger], key=lambda t: t.i)
    for token in children:
        if token.lemma_.lower() in INTERMEDIARY_VERBS:
            for child in token.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return actors_of(pobj, mentions, sectors)
    return []
