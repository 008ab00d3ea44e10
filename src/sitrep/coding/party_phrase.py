"""Party phrases: the words that name a party in an event, read off the parse of its head noun.

Hands on the text an `Actor` carries for a party the knowledge base does not name whole
(phrase_actors.py, participants.py, build.py): the noun phrase of its head, without the other
members of a list, the examples it is followed by ("including ..."), the clauses that say more
about it, or the charge a verb of accusing or
barring hangs after it.
"""

from __future__ import annotations

from sitrep.resources import place_nouns, word_class

PARTY_CLAUSES = {"relcl", "acl"}
PLACE_NOUNS = place_nouns(("place",))
# Words that open examples of a group ("aid workers, including those from Oxfam"): members named
# after the group, not its words.
EXAMPLE_OPENERS = word_class("example_openers")

# Verbs whose object is followed by what it is charged with or barred from ("accused the army of
# killings", "banned the party from holding office"): the parser often hangs that phrase on the
# object, but it belongs to the verb (and, as an act, to charges.py).
ALLEGING_VERBS = word_class("alleging_verbs")  # the charge is alleged
CLEARING_VERBS = word_class("clearing_verbs")  # the charge is denied
BARRING_VERBS = word_class("barring_verbs")  # the act is barred, not done
# The preposition that opens the charge: "accused of", "charged with", "indicted for", "cleared
# of", "barred from" ("banned gatherings of ten people": the people are the gatherings' own)
CHARGE_PREPS = {**{verb: {"of", "with", "for"} for verb in ALLEGING_VERBS},
                **{verb: {"of"} for verb in CLEARING_VERBS},
                **{verb: {"from"} for verb in BARRING_VERBS}}


def phrase(head, party: bool = False) -> str:
    """The noun phrase of a head without the other members of its list, nor the clauses that
    say more about it: a party is "protesters", not "protesters who ignored a ban in Lima
    and threw stones at the police" (relative and participle clauses), and "the army", not "the
    army of killing civilians" after "accused"; "aid workers", not "aid workers, including two
    nurses from Oslo" (the examples a group is followed by); for a party (`party`: a group or body the
    knowledge base places), "protesters", not "protesters in the town of X": where it acts is
    the event's place, not who it is (a thing's place stays: "a state of siege in X")."""
    skip: set[int] = set()
    preps = CHARGE_PREPS.get(head.head.lemma_.lower(), set()) if head.dep_ == "dobj" else set()
    for child in head.children:
        if child.dep_ in {"conj", "cc", "appos"} or (child.dep_ == "punct" and child.i > head.i):
            skip.update(t.i for t in child.subtree)
        elif child.dep_ in PARTY_CLAUSES | {"prep"} and child.i > head.i and (
                child.dep_ != "prep" or child.lower_ in EXAMPLE_OPENERS):
            skip.update(t.i for t in child.subtree)
            # the comma that opened the clause ("the newspaper, which is aligned with ...")
            skip.update(t.i for t in head.doc[head.i + 1:child.left_edge.i] if t.is_punct)
        elif child.dep_ == "prep" and child.i > head.i and (
                (child.lower_ in preps and _is_charge(child))
                or (party and child.lower_ == "in" and _acts_in_place(head, child))):
            skip.update(t.i for t in child.subtree)
    return " ".join(t.text for t in head.subtree if t.i not in skip and not t.is_space)[:80]


PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _acts_in_place(head, prep) -> bool:
    """Whether "in" after a party's head says where it is: its object is a place's name or a
    place noun ("the countryside", "the town of X"; data/place_nouns.tsv), and the head is a
    common noun with no "of" of its own ("a state of siege in X" is a thing of that place)."""
    if head.ent_type_ or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False
    return any(c.dep_ == "pobj" and (c.ent_type_ in PLACE_LABELS or (
        not c.ent_type_ and c.lemma_.lower() in PLACE_NOUNS)) for c in prep.children)


def _is_charge(prep) -> bool:
    """Whether a preposition after a charged object opens the charge (a deed: "of killing
    civilians", "of mass killings"), not a name's own words ("the Party of Regions")."""
    return any(c.dep_ == "pcomp" or (c.dep_ == "pobj" and c.pos_ != "PROPN")
               for c in prep.children)
