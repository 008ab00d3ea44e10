"""Lists of parties read off the parse: the members of a list a noun heads (`conjuncts`), also
where the parser broke it, and the names coordinated as modifiers of one noun
(`listed_owners`: "U.S. and British forces", "UK and EU negotiators").

Used by `phrase_actors.py` (the actors a phrase names) and, through it, by every role finder.
"""

from __future__ import annotations

from sitrep.text.token_arrays import TokenArrays, arrays_of

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}


def conjuncts(token) -> list:
    """The token and the members of the list it heads, also where the parser broke the list:
    "Mali, the Central African Republic, Niger and Chad" (a member parsed as an apposition that
    the list goes on from) and "Students, workers, and police" (the last member parsed as a
    second subject of the verb after a dangling "and")."""
    arrays = arrays_of(token.doc)
    return [token] + [arrays.tokens[i] for i in _members(arrays, token.i)[1:]]


def _members(arrays: TokenArrays, i: int) -> list[int]:
    """`conjuncts` on the parse's arrays: offsets, token `i` first."""
    dep, kids = arrays.dep, arrays.children
    found = [i]
    for child in kids[i]:
        if dep[child] == "conj" or (dep[child] == "appos"
                                    and _continues_list(arrays.tokens[child])):
            found.extend(_members(arrays, child))
    if dep[i] in SUBJECTS | PASSIVE_SUBJECTS:
        dangling = [c for member in found for c in kids[member]
                    if dep[c] == "cc" and c > member
                    and not any(dep[d] == "conj" and d > c for d in kids[member])]
        if dangling:
            for sibling in kids[arrays.head[i]]:
                if dep[sibling] == dep[i] and sibling > dangling[0] and all(
                        dep[t] != "cc" for t in range(
                            dangling[0] + 1, arrays.tokens[sibling].left_edge.i)):
                    found.extend(_members(arrays, sibling))
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
