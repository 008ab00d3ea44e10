"""Arguments: who did it, to whom, through whom and where, read off the dependency parse.

Works on spaCy tokens of the parsed (repaired) text; `Mentions` links tokens to the entities
found on them and to their resolved actors.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from .model import Actor

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
CLIMB = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"}
# Prepositions that introduce the recipient of each kind of event.
RECIPIENT_PREPS = {
    "REQUEST": {"from", "of", "to"},
    "AID": {"to", "for"},
    "AGREE": {"with"},
    "CONSULT": {"with", "to", "between"},
    "COOPERATE": {"with"},
    "SUPPORT": {"for", "to"},
    "SANCTION": {"on", "against", "upon"},
    "ACCUSE": {"against", "of", "on"},
    "THREATEN": {"against", "to"},
    "REJECT": {"from"},
    "PROTEST": {"against"},
    "ASSAULT": {"on", "against", "in"},
    "COERCE": {"in", "from"},
    "MOBILIZE": {"against"},
    "RETREAT": {"from"},
    "CONCEDE": {"to"},
}
PLACE_PREPS = {"in", "at", "to", "near", "inside", "across", "into", "off"}
INTERMEDIARY_VERBS = {"deliver", "convey", "hand", "carry", "transmit", "present", "relay",
                      "pass", "broker", "mediate"}
QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "crowd",
                  "band", "unit", "team", "batch"}
TITLE_DEPS = {"compound", "amod", "poss", "case", "nmod", "appos"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@dataclass
class Mention:
    start: int  # offsets in the parsed text
    end: int
    label: str
    actor: Actor | None
    region: bool = False


class Mentions:
    """Entity mentions of one parsed text, findable by token."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def at(self, token) -> Mention | None:
        index = bisect_right(self.starts, token.idx) - 1
        if index >= 0:
            mention = self.items[index]
            if mention.start <= token.idx < mention.end:
                return mention
        return None

    def before(self, position: int) -> list[Mention]:
        return self.items[: bisect_right(self.starts, position)]


def conjuncts(token) -> list:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def _with_absolute_subject(verb):
    """"with Maduro requesting aid": the noun after "with" right before the verb is its subject."""
    start = verb.head.i if verb.head.i < verb.i else verb.sent.start
    for token in reversed(list(verb.doc[start : verb.i])):
        if token.dep_ == "pobj" and token.head.lower_ == "with" and token.pos_ in {"PROPN", "NOUN"}:
            return token
        if token.pos_ == "VERB":
            break
    return None


PRONOUNS = {"it", "they", "he", "she", "we", "i"}
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
    """The doer of a verb: its subject, the agent of a passive, or the subject it inherits."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.lower_ in PRONOUNS:
                return antecedent(child) or child
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if depth > 4 or verb.head.i == verb.i:
        return None
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl":
        if _is_passive(verb):  # "the appeal, delivered by X": the head is what was delivered
            return None
        return possessor(verb.head) or verb.head  # "Russia's willingness to assist"
    if verb.dep_ == "advcl":
        absolute = _with_absolute_subject(verb)
        if absolute is not None:
            return absolute
    if verb.dep_ in CLIMB:
        head = verb.head
        if head.dep_ == "prep":  # "by signing": pcomp of a preposition
            head = head.head
        return subject(head, depth + 1)
    return None


def possessor(noun):
    """"Russia's capacity and willingness": the owner, shared by conjoined nouns."""
    for candidate in (noun, noun.head if noun.dep_ == "conj" else None):
        if candidate is not None:
            for child in candidate.children:
                if child.dep_ == "poss":
                    return child
    return None


# Verbs that carry a nominal event: "imposed sanctions", "became a key supplier", "waged war".
LIGHT_VERBS = {"be", "become", "remain", "impose", "launch", "hold", "conduct", "carry", "make",
               "issue", "stage", "mount", "begin", "start", "continue", "wage", "announce",
               "extend", "deliver", "sign", "reach", "file", "lodge", "send", "submit", "renew"}


def _is_passive(verb) -> bool:
    return any(child.dep_ in {"auxpass", "agent"} for child in verb.children) or verb.tag_ == "VBN"


def passive_patient(verb):
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECTS:
            return child
    return None


def direct_object(token):
    for child in token.children:
        if child.dep_ in {"dobj", "attr", "dative", "oprd"}:
            return child
    return None


def prep_objects(token, preps: set[str]):
    """Objects of the given prepositions attached to the token (one level)."""
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild


def title_of(token, mention: Mention) -> str:
    """Title words in front of a person's name ("Venezuela's President", "Transportation Minister")."""
    words = []
    for child in token.children:
        if child.dep_ in TITLE_DEPS and child.idx < mention.start:
            words.extend(t for t in child.subtree if t.idx < mention.start)
    words = sorted(set(words), key=lambda t: t.i)
    return " ".join(t.text for t in words if t.dep_ != "det" and t.pos_ != "PUNCT").replace(" 's", "'s")


def actors_of(token, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """The actors a noun phrase names: the token and its conjuncts, each through its mention, or
    a sector noun ("government", "navy") owned by a mention ("Maduro's government")."""
    found = []
    for head in conjuncts(token):
        actor = _actor_of_head(head, mentions, sectors)
        if actor is not None:
            found.append(actor)
    return found


def _actor_of_head(head, mentions: Mentions, sectors: dict[str, str]) -> Actor | None:
    mention = mentions.at(head)
    if mention and mention.actor and mention.label in ACTOR_LABELS:
        return replace(mention.actor)
    sector = sectors.get(head.lower_) or sectors.get(head.lemma_.lower())
    if sector == NOT_AN_ACTOR:
        return None
    for child in head.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            owner = mentions.at(child)
            if owner and owner.actor and owner.actor.code and owner.label in ACTOR_LABELS:
                actor = replace(owner.actor)
                if sector:
                    actor.sector = sector
                    actor.entity_text = " ".join(t.text for t in head.subtree)[:80]
                return actor
    for child in head.children:
        # "thousands of people", "leaders of the opposition coalition", "members of Hamas"
        if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in {"NUM", "NOUN"} \
                and (head.like_num or head.lemma_.lower() in QUANTITY_NOUNS or sector):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _actor_of_head(pobj, mentions, sectors)
                    if found is not None and (found.code or not sector):
                        if sector and found.sector is None:
                            found.sector = sector
                        return found
    if sector and head.pos_ in {"NOUN", "PROPN"}:
        # "police", "protesters": a sector without a country; the event's place may give one
        return Actor(entity_text=" ".join(t.text for t in head.subtree)[:80], sector=sector,
                     confidence=0.4)
    return None


def intermediaries(trigger, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """"appeal, delivered by Minister X": the agent of a delivering verb under the trigger."""
    for token in trigger.subtree:
        if token.lemma_.lower() in INTERMEDIARY_VERBS and token.head == trigger:
            for child in token.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return actors_of(pobj, mentions, sectors)
    return []


CLAUSES = {"advcl", "ccomp", "relcl", "parataxis", "conj", "csubj"}


def clause_tokens(root):
    """The root's subtree without the clauses embedded in it (their places are their own)."""
    stack = [root]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in token.children if c.dep_ not in CLAUSES)


def place_of(trigger, mentions: Mentions):
    """The first location reached through in/at/to/near in the trigger's clause."""
    roots = [trigger] + ([trigger.head] if trigger.dep_ in {"dobj", "pobj", "attr"} else [])
    for root in roots:
        for token in sorted(clause_tokens(root), key=lambda t: t.i):
            if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS:
                continue
            mention = mentions.at(token)
            if mention and mention.label in {"GPE", "LOC", "FAC"}:
                return token, mention
            if token.lemma_.lower() == "region" and any(c.lower_ == "the" for c in token.children):
                regions = [m for m in mentions.before(token.idx) if m.region]
                if regions:
                    return token, regions[-1]
    return None
