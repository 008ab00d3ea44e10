"""Repairs of the parser's known misattachments, read where the coder looks for a role.

The small English pipeline hangs some phrases on the wrong head in ways that recur in news
prose; each function here recognises one such shape from the parse alone and says where the
phrase belongs, so the role finders (`roles`, `participants`) and the depth of a trigger can use
the repaired reading without re-parsing.
"""

from __future__ import annotations

from sitrep.coding.lexicon import is_saying
from sitrep.resources import word_class

# Nouns whose "that" clause says what they demand, claim or promise ("its demand that Israel
# ease restrictions").
CONTENT_NOUNS = word_class("content_nouns")
# Verbs of meeting or visiting, which take no "that" clause of their own ("after meeting Scholz").
ENCOUNTER_VERBS = word_class("encounter_verbs")


def fronted_subject(verb):
    """"With the signing of a memorandum, the Sudanese government and the SPLM have agreed":
    the parser hangs a subject that follows a fronted phrase and its comma on the phrase, as a
    list member; a noun so attached, right before the verb (its auxiliaries between) and after
    a comma with no "and" before it, is the verb's subject (also where it is taken for an
    apposition of the phrase's last noun: "With the signing of the accord in Addis Ababa, the
    Ethiopian government and the TPLF have agreed")."""
    if not any(c.dep_ == "prep" and c.i < verb.i for c in verb.lefts):
        return None  # no fronted phrase
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].dep_ in {"aux", "auxpass", "neg"}:
        before -= 1
    if before <= verb.sent.start:
        return None
    for token in verb.doc[verb.sent.start:before + 1]:
        if token.dep_ not in {"conj", "appos"} or token.right_edge.i != before or \
                token.pos_ not in {"NOUN", "PROPN"} or token.head.i > token.i:
            continue
        if verb.doc[token.left_edge.i - 1].text != "," or any(
                c.dep_ == "cc" and c.i < token.i for c in token.head.children):
            continue
        top = token.head
        while top.head.i != top.i and top.head.i != verb.i:
            top = top.head
        if top.head.i == verb.i and top.dep_ == "prep" and top.i < token.i:
            return token
    return None


# Entity labels of a party; a token of one, tagged as an adverb or the like before the verb, is
# the tagger misreading a name (often an all-capitals acronym: "USAID had announced ...").
PARTY_ENTITIES = {"ORG", "GPE", "PERSON", "NORP"}


def mistagged_subject(verb):
    """"USAID had announced new grants": the tagger reads the acronym as an adverb and the
    parser hangs it on the verb as its modifier; a name so hung before a verb with no subject, a
    party's entity, is the verb's subject."""
    for child in verb.lefts:
        if child.dep_ in {"advmod", "npadvmod", "dep", "intj"} and child.ent_type_ in \
                PARTY_ENTITIES and child.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return child
    return None


def noun_clause(verb):
    """"reiterated its demand today that Israel ease restrictions": the parser hangs a noun's
    "that" clause on the verb whose object the noun is; a "that" clause right after such an
    object (a time word between at most), whose noun says what it demands or claims, is the
    noun's. The noun, or None."""
    if verb.dep_ != "ccomp" or not _introduced_by_that(verb):
        return None
    governor = verb.head
    for obj in governor.children:
        if obj.dep_ != "dobj" or obj.i > verb.i or obj.lemma_.lower() not in CONTENT_NOUNS:
            continue
        between = verb.doc[obj.right_edge.i + 1:verb.left_edge.i]
        if all(t.dep_ in {"npadvmod", "advmod", "punct"} or t.head.dep_ == "npadvmod"
               or _names_a_time(t) for t in between):
            return obj
    return None


def clause_of_saying(clause, time_marks):
    """"said after meeting Scholz that France would send troops": the parser hangs the "that"
    clause of a verb of saying on the gerund of a time phrase standing between them ("after
    meeting", "before visiting"), or on the gerund's object. A gerund of meeting or visiting
    (`encounter_verbs`) takes no "that" clause of its own, so the clause is what was said
    ("after learning that ..." keeps its clause). The verb of saying, or None. `time_marks`:
    the prepositions of such a phrase."""
    if clause.dep_ not in {"ccomp", "acl", "advcl"} or not _introduced_by_that(clause):
        return None
    gerund = clause.head
    if clause.dep_ == "acl" and gerund.dep_ == "dobj":
        gerund = gerund.head  # "before visiting Kyiv that Berlin would ...": on its object
    prep = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or \
            gerund.lemma_.lower() not in ENCOUNTER_VERBS or \
            prep.dep_ != "prep" or prep.lower_ not in time_marks:
        return None
    saying = prep.head
    return saying if saying.i < gerund.i < clause.i and is_saying(saying.lemma_.lower()) else None


def _introduced_by_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _names_a_time(token) -> bool:
    """"on Monday", "today": a time word, or the preposition that introduces one."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    return token.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in token.children)


def clause_of_noun(noun):
    """The "that" clause a content noun owns ("its demand that Ethiopia withdraw"), also where
    the parser hung it on the noun's verb."""
    if noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    own = next((c for c in noun.children if c.dep_ in {"acl", "ccomp"}
                and _introduced_by_that(c)), None)
    if own is not None or noun.dep_ != "dobj":
        return own
    for clause in noun.head.children:
        owner = noun_clause(clause) if clause.dep_ == "ccomp" else None
        if owner is not None and owner.i == noun.i:
            return clause
    return None


# Nouns that only state the aim of the act around them ("in a bid to", "launched an effort to").
AIM_NOUNS = word_class("aim_nouns")
# Verbs that carry the act their object names ("launched an effort to"): roles.LIGHT_VERBS and
# triggers.CARRIER_VERBS together, read here because roles imports this module.
AIM_CARRIERS = word_class("light_verbs") | word_class("carrier_verbs")


def aim_verb(noun):
    """The verb whose doer does what an aim noun's infinitive says: "closed the border in a bid
    to block supplies" (the verb "in" hangs on), "launched an effort to free the hostages" (a
    light verb whose object it is); None for any other noun ("condemned the decision to expel":
    the decision is someone else's)."""
    if noun.lemma_.lower() not in AIM_NOUNS or any(c.dep_ == "poss" for c in noun.children) \
            or not any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                               for a in c.children) for c in noun.children):
        return None  # no aim noun, someone's own, or no infinitive of what it aims at
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in AIM_CARRIERS:
        return head
    return None


def aim_doer(noun, subject_of):
    """The doer of an infinitive hung on a noun: the noun's own (`noun`) unless it is an aim
    noun, whose doer is its verb's subject (`subject_of`; None if the verb has none)."""
    verb = aim_verb(noun)
    return noun if verb is None else subject_of(verb)


# Verbs whose object does what their infinitive complement says ("forced the army to retreat").
OBJECT_CONTROL_VERBS = word_class("object_control_verbs")


def controller(verb):
    """The object of an object-control verb, who does what its complement says ("persuaded Seoul
    to send troops": Seoul sends them), or None."""
    if verb.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)
