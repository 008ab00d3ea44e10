"""What a title or a head noun says, for the phrase rule (`phrases.py`) and the others: the
office a title names and its holder on a date, the sector of the right-most sector phrase, and
the body a shared title ("president", "chief executive") is a post of.
"""

from __future__ import annotations

from datetime import date

from sitrep.actors.knowledge import KBEntry, KnowledgeBase
from sitrep.resources import word_class

NOT_AN_ACTOR = {"JNK", "NON"}
# Agent nouns that before another word are a title's modifier and name no sector: PLOVER's
# DEPUTY (COP) is a sheriff's deputy, "deputy leader" no police officer.
TITLE_MODIFIERS = {"deputy"}
# Words that make a title another, lower post's ("Deputy Defence Minister", "Under Secretary of
# State", "deputy army chief"): the title's sector, not its holder.
UNDERLINGS = {"deputy", "vice", "assistant", "under", "undersecretary"}
SHARED_TITLES = word_class("shared_office_titles")
# Words that make an office title the opposition's post ("shadow foreign secretary": OPP).
SHADOW = word_class("shadow_title_modifiers")


def office_holder(kb: KnowledgeBase, code: str, office: str, when: date | None) -> KBEntry | None:
    holders = kb.holders.get(f"{code}:{office}", [])
    if office == "head_of_government" and not holders:
        holders = kb.holders.get(f"{code}:head_of_state", [])  # presidential systems
    covering = [e for e in holders if e.covers(when)]
    if office in kb.shared_offices and len({e.kb_id for e in covering}) > 1:
        return None  # "Russia's intelligence chief": one of several services' heads, not known
    return max(covering, key=lambda e: e.start or date.min) if covering else None


def office_in(tokens: list[str], kb: KnowledgeBase) -> tuple[str, str, frozenset[str] | None] | None:
    """The right-most office title in the words, longest first."""
    found = office_at(tokens, kb)
    return found[1] if found else None


def office_at(tokens: list[str], kb: KnowledgeBase
               ) -> tuple[int, tuple[str, str, frozenset[str] | None]] | None:
    for end in range(len(tokens), 0, -1):
        for size in range(min(kb.max_title_words, end), 0, -1):
            phrase = " ".join(tokens[end - size:end])
            for office in kb.office_titles.get(phrase, ()):
                return end - size, office
    return None


def body_post(tokens: list[str], row: KBEntry | None, kb: KnowledgeBase) -> str | None:
    """The sector of the body whose post the office title is, not the state's: a title many
    bodies share after a body of another sector ("Apple's chief executive": BUS, "the ANC
    president": PTY, "Nigeria's Senate president": LEG); None otherwise."""
    found = office_at(tokens, kb)
    if found is None:
        return None
    start, (_, sector, _) = found
    body = row.sector if row is not None and row.kind == "organisation" else None
    return post_of(tokens, start, kb, sector, body)


def sector_of(tokens: list[str], kb: KnowledgeBase) -> str | None:
    """The sector named by the right-most sector phrase (the head of a noun phrase); a head
    PLOVER leaves unknown ("members", "group": UNK) takes a modifier's sector ("gang members":
    CRM); a title many bodies share takes the sector of the body named before it
    (`post_of`: "university chancellor" EDU, "party president" PTY)."""
    unknown, end = None, len(tokens)
    while end > 0:
        size = next((n for n in range(min(kb.max_sector_words, end), 0, -1)
                     if " ".join(tokens[end - n:end]) in kb.sectors), 0)
        phrase = " ".join(tokens[end - size:end])
        if size and not (phrase in TITLE_MODIFIERS and end < len(tokens)):
            if kb.sectors[phrase] == "GOV" and end - size > 0 and tokens[end - size - 1] in SHADOW:
                return "OPP"  # "shadow foreign secretary", "shadow cabinet": the opposition's
            if kb.sectors[phrase] != "UNK":
                return post_of(tokens, end - size, kb, kb.sectors[phrase]) or kb.sectors[phrase]
            unknown = "UNK"  # a modifier before it, not a word inside it ("general secretary")
        end -= max(size, 1)
    return unknown


def post_of(tokens: list[str], start: int, kb: KnowledgeBase, sector: str,
             body: str | None = None) -> str | None:
    """The sector of the body a title at `start` is a post of, where the title is one clubs,
    companies, parties and chambers use as well as states (`shared_office_titles`) and the
    body named (`body`, a listed body's sector) or the agent phrase before it is of another
    sector ("Senate president": LEG, "company chief executive": BUS); None otherwise."""
    if all(" ".join(tokens[start:e]) not in SHARED_TITLES for e in range(start, len(tokens) + 1)):
        return None
    if body and body not in NOT_AN_ACTOR | {"UNK", sector}:
        return body
    for size in (2, 1):
        words = " ".join(tokens[max(0, start - size):start])
        body = None if words in TITLE_MODIFIERS else kb.sectors.get(words)
        if start >= size and body and body not in NOT_AN_ACTOR | {"UNK", sector}:
            return body
    return None
