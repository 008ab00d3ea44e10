"""Lists of parties read off the parse: the members of a list a noun heads (`conjuncts`), also
where the parser broke it, and the names coordinated as modifiers of one noun
(`listed_owners`: "U.S. and British forces", "UK and EU negotiators").

Used by `phrase_actors.py` (the actors a phrase names) and, through it, by every role finder.
"""

from __future__ import annotations

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}


def conjuncts(token) -> list:
    """The token and the members of the list it heads, also where the parser broke the list:
    "Mali, the Central African Republic, Niger and Chad" (a member parsed as an apposition that
    the list goes on from) and "Students, workers, and police" (the last member parsed as a
    second subject of the verb after a dangling "and")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj" or (child.dep_ == "appos" and _continues_list(child)):
            found.extend(conjuncts(child))
    if token.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        dangling = [c for member in found for c in member.children
                    if c.dep_ == "cc" and c.i > member.i
                    and not any(d.dep_ == "conj" and d.i > c.i for d in member.children)]
        if dangling:
            for sibling in token.head.children:
                if sibling.dep_ == token.dep_ and sibling.i > dangling[0].i and \
                        all(t.dep_ != "cc" for t in token.doc[dangling[0].i + 1:sibling.left_edge.i]):
                    found.extend(conjuncts(sibling))
                    break
    return found


def _continues_list(appos) -> bool:
    """An apposition that is really a list member: a name after a comma that a list of names
    continues from ("Mordor, the Shire, Fornost and Bree"); "Lavrov, Russia's foreign minister
    and a veteran diplomat" is no list (its members are not names)."""
    if appos.pos_ != "PROPN" or appos.i == 0 or appos.doc[appos.left_edge.i - 1].text != ",":
        return False
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in appos.children)


def listed_owners(token) -> list:
    """A modifier and the names coordinated with it: "U.S. and British forces", also where the
    parser left the "and" dangling and hung the next name on the noun ("UK and EU negotiators")."""
    found = [t for t in conjuncts(token) if t.i < token.head.i or t is token]
    if any(c.dep_ == "cc" for c in found[-1].children):
        found += [t for t in token.head.children if found[-1].i < t.i < token.head.i
                  and t.dep_ in {"compound", "nmod", "amod"}][:1]
    return found
