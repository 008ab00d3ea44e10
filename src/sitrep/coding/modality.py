"""Modality: whether an event is asserted, reported, planned (future), speculated
(hypothetical), denied (negated) or past history, from the cues around its trigger (`cues.tsv`).

Hands on one of `MODALITY_ORDER` per trigger; `retyping.py` turns some modalities into types
(a promise to cooperate is AGREE, a refusal REJECT).
"""

from __future__ import annotations

from sitrep.coding.candidate import MODALITY_ORDER, Context
from sitrep.coding.lexicon import Lexicon, is_saying, verb_forms
from sitrep.coding.roles import actors_of, is_purpose, subject
from sitrep.model import Actor
from sitrep.resources import word_class


def modality_of(trigger, lexicon: Lexicon, speaker_is_actor: bool = False) -> str:
    """One of MODALITY_ORDER. `speaker_is_actor`: the clause is reported by the side that acts
    in it ("Iraq said it would allow ..."), so its modal states an intention, not a guess."""
    found = set()
    speculated = False  # a word of guessing ("believe", "unlikely", "perhaps"), not only a modal
    modals = set()  # modal auxiliaries on the trigger or the clauses it completes
    cues = lexicon.cues
    for child in trigger.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "neg":
            found.add("negated")
        for modality, relation in cues.get(lemma, ()):
            if relation == "aux" and child.dep_ in {"aux", "auxpass"}:
                found.add(modality)
                modals.add(lemma)
            if relation == "mod" and child.dep_ in {"amod", "advmod", "det", "mark", "neg"}:
                found.add(modality)
                speculated |= modality == "hypothetical" and lemma not in {"if", "whether"}
    head, steps, own_clause = trigger, 0, False
    while head.head.i != head.i and steps < 6:
        child, head, steps = head, head.head, steps + 1
        # A relative or participle clause ("weapons seized last year", "whom they had taken
        # hostage") keeps its own time: only a verb of saying above it still reports it.
        own_clause = own_clause or child.dep_ in {"relcl", "acl"}
        lemma = head.lemma_.lower()
        for modality, relation in cues.get(lemma, ()):
            if relation == "gov" and not (modality == "reported" and child.dep_ in {"nsubj"}):
                if own_clause and modality != "reported":
                    continue
                if modality in {"future", "imminent"} and child.dep_ not in COMPLEMENT_DEPS \
                        and not is_purpose(child):
                    continue  # "set fire ... following the killing": no plan of a killing
                found.add(modality)
                speculated |= modality == "hypothetical"
        if own_clause:
            continue
        for sibling in head.children:
            if sibling.dep_ in {"acomp", "attr"} and sibling.i != child.i and child.dep_ in {
                    "nsubj", "nsubjpass", "csubj"}:
                for modality, relation in cues.get(sibling.lemma_.lower(), ()):
                    if relation == "gov":  # "a confrontation ... is unlikely"
                        found.add(modality)
                        speculated |= modality == "hypothetical"
            if sibling.dep_ == "neg" and (child.dep_ in {"xcomp", "dobj", "attr", "ccomp"} or (
                    child.dep_ == "prep" and verb_forms(head) & PARTICIPATION_VERBS)):
                found.add("negated")  # "would not take part in direct talks"
            if sibling.dep_ in {"aux"} and child.dep_ in {"xcomp", "dobj", "attr", "ccomp", "acomp"}:
                for modality, relation in cues.get(sibling.lemma_.lower(), ()):
                    if relation == "aux":
                        found.add(modality)
                        if child.dep_ in {"xcomp", "acomp"}:  # "would be ready to host"
                            modals.add(sibling.lemma_.lower())
    for token in trigger.sent:
        for modality, relation in cues.get(token.lemma_.lower(), ()):
            if relation == "any":
                found.add(modality)
    if modals & {"would", "will", "may", "could"} and "reported" in found and not speculated \
            and speaker_is_actor:
        # "said it would allow", "said they would meet the mediator if ...": what a speaker says
        # its own side would do is a stated intention (or an offer on a condition), not a guess;
        # "analysts said Russia could send ..." stays a guess
        found.discard("hypothetical")
        found.add("future")
    if "obligation" in found:
        found.discard("obligation")
        found.add("hypothetical")  # "X must Y" outside reported speech: an opinion
    if "imminent" in found:
        found.discard("imminent")
        found.add("future")
    for modality in MODALITY_ORDER:
        if modality in found:
            return modality
    return "asserted"


# Verbs of taking part ("would not take part in direct talks"): a negation on them negates the act.
PARTICIPATION_VERBS = word_class("participation_verbs")


# How a planned or promised act hangs from the word that plans it ("vowed to fight", "ready to
# send", "about to restore").
COMPLEMENT_DEPS = {"xcomp", "ccomp", "acomp", "pcomp", "conj"}


def reporting_governor(token, lexicon: Lexicon):
    """The verb of saying that a clause is the complement of ("Russia said Sudan must ...")."""
    return _governing_cue(token, lexicon, "reported", {"ccomp", "xcomp", "conj"}, 4)


def _governing_cue(token, lexicon: Lexicon, modality: str, through: set[str], most: int):
    """The nearest head, up the complement chain, that is a governing cue of this modality."""
    head, steps = token, 0
    while head.head.i != head.i and steps < most and head.dep_ in through:
        head, steps = head.head, steps + 1
        if (modality, "gov") in lexicon.cues.get(head.lemma_.lower(), ()):
            return head
    return None


def has_obligation(token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and ("obligation", "aux") in lexicon.cues.get(
        c.lemma_.lower(), ()) for c in token.children)


SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


def speaker_is_actor(token, actor: list[Actor], ctx: Context) -> bool:
    """Whether the one reporting the clause is its actor: "it"/"they" in what a speaker says,
    or a speaker of the same country ("France will ..., the French defence minister said")."""
    governor, pronoun, head, steps = None, False, token, 0
    while head.head.i != head.i and steps < 6:
        pronoun = pronoun or any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in SPEAKER_PRONOUNS
                                 for c in head.children)
        head, steps = head.head, steps + 1
        if is_saying(head.lemma_.lower(), ctx.lexicon):
            governor = head
            break
    if governor is None:
        return False
    if pronoun:
        return True
    speaker = subject(governor)
    if speaker is None:
        return False

    def sides(actors: list[Actor]) -> set[str]:
        return {a.code or a.kb_id or a.entity_text.lower() for a in actors}

    return bool(sides(actors_of(speaker, ctx.mentions, ctx.kb.sectors)) & sides(actor))


def is_imminent(token, lexicon: Lexicon) -> bool:
    """"Arnor is about to restore ties", "is set to release": the reporter says the act is near,
    which is the act itself (future), not anyone's promise of it."""
    return _governing_cue(token, lexicon, "imminent", {"xcomp", "acomp", "pcomp"}, 3) is not None
