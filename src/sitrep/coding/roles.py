"""Roles: the parse helpers every role finder reads, on spaCy tokens of the parsed (repaired)
text: a verb's subject (climbing through complements and conjoined verbs, a pronoun to its
antecedent), a possessor, passives and their patients, the direct object and what a pronoun
object refers to, prepositional objects (also through a relation noun), purpose clauses; the
prepositions each type's recipient takes.

Hands on tokens, not actors: `phrase_actors.py` reads the actors a phrase names; participants,
targets, recipients, places (the event's place) and intermediaries read the roles.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.coding.lists import PASSIVE_SUBJECTS, SUBJECTS
from sitrep.coding.reattach import aim_doer, controller, fronted_subject, mistagged_subject
from sitrep.resources import word_class
from sitrep.text.token_arrays import TokenArrays, arrays_of

CLIMB = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"}


# Prepositions that introduce the recipient of each kind of event.
RECIPIENT_PREPS = {
    "REQUEST": {"from", "of", "to", "on", "upon"},
    "AID": {"to", "for"},
    "AGREE": {"with", "between"},
    "CONSULT": {"with", "to", "between"},
    "COOPERATE": {"with", "between"},
    "SUPPORT": {"for", "to", "between"},
    "SANCTION": {"on", "against", "upon"},
    "ACCUSE": {"against", "of", "on", "about", "over", "into"},  # "an inquiry into X"
    "THREATEN": {"against", "to", "about"},
    "REJECT": {"from"},
    "PROTEST": {"against", "over", "at"},
    "ASSAULT": {"on", "against", "in", "at"},
    "COERCE": {"in", "from", "at"},
    "MOBILIZE": {"against"},
    "RETREAT": {"from"},
    "CONCEDE": {"to"},
}


QUANTITY_NOUNS = word_class("quantity_nouns")
PURPOSE_NOUNS = word_class("purpose_nouns")


def _with_absolute_subject(verb):
    """"with Maduro requesting aid": the noun after "with" right before the verb (an adverb
    between at most) is its subject; one a comma parts from the verb is not ("near the border
    with Mali, killing two officers": the main clause's doer kills)."""
    before = verb.i - 1
    while before > verb.sent.start and verb.doc[before].pos_ == "ADV":
        before -= 1
    token = verb.doc[before]
    if before >= verb.sent.start and token.dep_ == "pobj" and token.head.lower_ == "with" and \
            token.pos_ in {"PROPN", "NOUN"}:
        return token
    return None


PRONOUNS = {"it", "they", "he", "she", "we", "i"}
OWN_STATE_NOUNS = word_class("own_state_nouns")


# The agent dictionaries mark words that look like actors but are not ("Friday", "cash") NON.
NOT_AN_ACTOR = "NON"


def antecedent(pronoun):
    """"Hungary has said it will support ...": a subject pronoun in a reported clause stands for
    the subject of the verb that reports it."""
    head, steps = pronoun.head, 0
    while head.head.i != head.i and steps < 4 and head.dep_ in {"ccomp", "xcomp", "conj",
                                                                  "advcl", "acomp"}:
        head, steps = head.head, steps + 1
        for child in head.children:
            if child.dep_ in SUBJECTS and child.lower_ not in PRONOUNS:
                return child
    return None


def subject(verb, depth: int = 0):
    """The doer of a verb: its subject, the agent of a passive, or the subject it inherits
    (found once per verb of a parse: the stages ask again of the same verbs)."""
    if depth:
        return _subject(verb, depth)
    memo = verb.doc.user_data.setdefault(SUBJECT_MEMO, {})
    if verb.i not in memo:
        memo[verb.i] = _subject(verb, 0)
    return memo[verb.i]


SUBJECT_MEMO = "sitrep.subjects"


def _subject(verb, depth: int):
    arrays = arrays_of(verb.doc)
    subjects = [arrays.tokens[c] for c in arrays.children[verb.i] if arrays.dep[c] in SUBJECTS]
    if len(subjects) > 1 and any(c.pos_ == "PROPN" for c in subjects):
        # "Old foes Gondor and Osgiliath have renewed ...", parsed as two subjects: the names
        subjects = [c for c in subjects if c.pos_ == "PROPN"]
    if subjects:
        return _resolved(subjects[0])
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    fronted = fronted_subject(verb) if verb.pos_ in {"VERB", "AUX"} and not any(
        c.dep_ in PASSIVE_SUBJECTS | {"auxpass"} for c in verb.children) else None
    if fronted is not None:
        return fronted
    mistagged = mistagged_subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if mistagged is not None:
        return mistagged
    if depth > 4 or verb.head.i == verb.i:
        return None
    if verb.dep_ in {"acl", "relcl"} and verb.head.dep_ == "attr" and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Germany became the first major power to recognise Croatia": whoever the noun
        # describes
        return subject(verb.head.head, depth + 1)
    if verb.dep_ == "relcl":
        # "the journalists who were arrested": the noun is who the act was done to, not its doer
        return None if passive_patient(verb) is not None else verb.head
    if verb.dep_ == "acl":
        if _is_passive(verb):  # "the appeal, delivered by X": the head is what was delivered
            return None
        return possessor(verb.head) or aim_doer(verb.head, lambda v: subject(v, depth + 1))
    if verb.dep_ == "advcl":
        absolute = _with_absolute_subject(verb)
        if absolute is not None:
            return absolute
    if verb.dep_ in CLIMB:
        head = verb.head
        if head.dep_ == "prep":  # "by signing": pcomp of a preposition
            head = head.head
        if verb.dep_ == "conj" and verb.tag_ != "VBN" and not _shares_passive(verb):
            # "the prime minister has been indicted by the court and will resign": a conjoined
            # verb shares the grammatical subject, not the agent of a passive
            shared = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if shared is not None:
                return _resolved(shared)
        aim = next((c for c in head.children if c.dep_ == "nsubj" and c.lemma_.lower() in
                    PURPOSE_NOUNS), None) if verb.dep_ == "xcomp" and head.lemma_ == "be" else None
        if aim is not None:
            # "Iran's aim is to enrich uranium": Iran's (as "Iran's plan" is); "the only way ...": none
            owner = possessor(aim)
            return None if owner is None else _resolved(owner) if owner.pos_ == "PRON" else aim
        if verb.dep_ == "xcomp":
            # "Iran is believed to have supplied drones", "Serbia was urged to withdraw", "forced
            # the army to retreat": the passive subject or the object does what it says
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), controller(head))
            if raised is not None:
                return _resolved(raised)
        return subject(head, depth + 1)
    return None


def _resolved(token):
    """A pronoun's antecedent where one is found, else the token itself; "his country" or "her
    government" a reported clause's subject names is its speaker's (`own_state_nouns`)."""
    own = token.lemma_.lower() in OWN_STATE_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in token.children)
    return (antecedent(token) or token) if token.lower_ in PRONOUNS or own else token


def possessor(noun):
    """"Russia's capacity and willingness": the owner, shared by conjoined nouns."""
    for candidate in (noun, noun.head if noun.dep_ == "conj" else None):
        if candidate is not None:
            for child in candidate.children:
                if child.dep_ == "poss":
                    return child
    return None


# Verbs that carry a nominal event: "imposed sanctions", "became a key supplier", "waged war".
LIGHT_VERBS = word_class("light_verbs")


def _is_passive(verb) -> bool:
    return any(child.dep_ in {"auxpass", "agent"} for child in verb.children) or verb.tag_ == "VBN"


def passive_patient(verb):
    """Who a passive verb's act is done to; the noun a relative pronoun stands for ("the
    journalists who were arrested"); a shared passive's ("was shot by gunmen and killed")."""
    for child in (verb.head if _shares_passive(verb) else verb).children:
        if child.dep_ in PASSIVE_SUBJECTS:
            return verb.head if verb.dep_ == "relcl" and child.tag_ in {"WP", "WDT"} else child
    return None


def _shares_passive(verb) -> bool:
    """"was shot by gunmen and killed": a past form conjoined to a passive, with no auxiliary or
    subject of its own, is that passive's participle (the tagger often reads it as a past tense)."""
    return verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBN"} and _is_passive(verb.head) and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and \
        not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "dobj"} for c in verb.children)


# Conjunctions of a clause that sets the scene for the main one ("... one day after a jet shot
# down a helicopter", "... as protesters gathered").
BACKGROUND_MARKS = {"after", "before", "since", "when", "while", "as", "until", "following",
                    "because", "although", "though"}


def is_purpose(token) -> bool:
    """"staged demonstrations to demand reforms": a clause of purpose, not the main event."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in token.children)


def direct_object(token):
    arrays = arrays_of(token.doc)
    found = object_at(arrays, token.i)
    return None if found is None else arrays.tokens[found]


def object_at(arrays: TokenArrays, i: int) -> int | None:
    """`direct_object` on the parse's arrays: the offset of token `i`'s object, or None."""
    dep, kids = arrays.dep, arrays.children
    for child in kids[i]:
        if dep[child] in {"dobj", "attr", "dative", "oprd"}:
            return child
    for child in kids[i]:
        # "kidnapped up to 16 Russian advisers": the parser hangs the object on "up to"
        if dep[child] in {"prt", "advmod", "prep"} and arrays.lower[child] == "up":
            for prep in kids[child]:
                if dep[prep] == "prep" and arrays.lower[prep] == "to":
                    return next((g for g in kids[prep] if dep[g] == "pobj"), None)
    return None


def referent(obj):
    """"Ali Musa was freed after the president pardoned him": an object pronoun of a clause that
    hangs on another ("after", "when", "because") stands for that clause's subject, a person for
    "him" or "her", several for "them"; any other object is itself."""
    if obj is None or obj.lower_ not in OBJECT_PRONOUNS or obj.head.dep_ != "advcl":
        return obj
    main = obj.head.head
    named = next((c for c in main.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS), None)
    if named is None or named.lower_ in PRONOUNS or (
            named.ent_type_ != "PERSON" if obj.lower_ != "them" else named.tag_ != "NNS"):
        return obj
    return named


OBJECT_PRONOUNS = {"him", "her", "them"}


# Nouns naming a relation between parties: "the resumption of ties with Somalia" is a relation
# with Somalia, whatever the relation's fate.
RELATION_NOUNS = word_class("relation_nouns")


def prep_objects(token, preps: set[str]):
    """Objects of the given prepositions attached to the token, then those of a relation it is
    "of" ("welcomed the resumption of ties with Somalia and Ethiopia")."""
    arrays = arrays_of(token.doc)
    tokens = arrays.tokens
    return (tokens[i] for i in _prep_objects(arrays, token.i, preps))


def _prep_objects(arrays: TokenArrays, i: int, preps: set[str]) -> Iterator[int]:
    dep, lower, kids = arrays.dep, arrays.lower, arrays.children
    for child in kids[i]:
        # the parser labels "to Egypt" after give/send/export a dative
        if dep[child] in {"prep", "agent", "dative"} and lower[child] in preps:
            for grandchild in kids[child]:
                if dep[grandchild] == "pobj":
                    yield grandchild
        if "from" in preps and dep[child] in {"prep", "prt"} and lower[child] == "out":
            # "pulled out of Estonia and Latvia": "out of" is "from"
            for of in (c for c in kids[child] + kids[i] if dep[c] == "prep" and lower[c] == "of"):
                yield from (g for g in kids[of] if dep[g] == "pobj")
    if "by" in preps:  # a doer is the token's own, not its relation's
        return
    for child in kids[i]:
        if dep[child] == "prep" and lower[child] == "of":
            for relation in kids[child]:
                if dep[relation] == "pobj" and arrays.pos[relation] == "NOUN" and \
                        arrays.lemma[relation] in RELATION_NOUNS:
                    yield from _prep_objects(arrays, relation, preps)


