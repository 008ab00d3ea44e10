"""Parties: when two actors are the same side, and the sector sets the coding rules reason with.

`same_party` keeps an actor from being its own recipient; the sector sets say which groups act
for a state (authorities), which name an organised group (groups), and which belong to no one
country (transnational bodies).
"""

from __future__ import annotations

from sitrep.model import STATE_SECTORS, Actor

# Sectors of bodies that belong to no one country (a named court or agency keeps its own code).
TRANSNATIONAL_SECTORS = {"IGO", "NGO", "MNC", "IMG"}

# Sectors that name an organised group of a country ("U.S. forces", "Iraqi police").
GROUP_SECTORS = {"MIL", "GOV", "COP", "REB", "SPY", "LEG", "JUD", "OPP", "UAF", "PTY"}
# Sectors that act for a state at home (its authorities).
AUTHORITY_SECTORS = set(STATE_SECTORS)


def same_party(one: Actor, other: Actor) -> bool:
    """The same actor twice: the same entity, or the same country and sector, where a bare
    country name ("Germany") is the same party as its government but its people ("Germans")
    or a group of it is not."""
    if one.kb_id and one.kb_id == other.kb_id and (
            one.sector == other.sector or not _of_a_country(one)):
        return True  # not "Iran's political prisoners" freed by Iran: a group of it (its row kept)
    if _is_person(one) and _is_person(other):
        return False  # two people the knowledge base knows apart ("Mbeki released Zuma")
    if _body_name(one) and _body_name(other) and not (
            _body_name(one) <= _body_name(other) or _body_name(other) <= _body_name(one)):
        return False  # two bodies named apart ("the Ohio Department of Health" gave a grant
        # to "the Toledo Port Authority"), whatever country and sector they share
    if one.code is None or one.code != other.code:
        return False
    if _is_state(one) and _is_state(other):
        return True
    return one.sector is not None and one.sector == other.sector


def _body_name(actor: Actor) -> set[str]:
    """The words of a body's proper name ("the Ohio Housing Authority"), without its article and
    linking words; empty for a country, a person, or a group named by common nouns ("the
    government", "Kenyan police")."""
    if (actor.kb_id or "").startswith(("country:", "person:")):
        return set()
    words = [w for w in (actor.entity_text or "").split() if w.lower() not in NAME_LINKS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return set()
    return {w.lower() for w in words}


# Words a body's name links its proper words with ("the Department of State and Defence").
NAME_LINKS = {"the", "of", "and", "for", "on", "&"}


def _is_person(actor: Actor) -> bool:
    return (actor.kb_id or "").startswith("person:")


def _of_a_country(actor: Actor) -> bool:
    return (actor.kb_id or "").startswith("country:")


def _is_state(actor: Actor) -> bool:
    """A country named as such ("Germany") or its government, not a group of it that keeps the
    country's row ("Iran's political prisoners")."""
    return (_of_a_country(actor) and actor.sector in {None, "GOV"}) or (
        actor.sector == "GOV" and actor.kb_id is None)
