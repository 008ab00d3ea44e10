"""Resolution: a mention (with its title and the document's date) to country + sector.

Reads the knowledge base (`knowledge.py`): names, accents, metonyms, possessives, sector nouns,
titles, tenure by date. Hands on an `Actor` with the row it came from (`kb_id`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sitrep.actors.knowledge import KBEntry, KnowledgeBase, fold, shipped_kb
from sitrep.model import Actor

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|madam|mme|m)\.?\s+", re.IGNORECASE)
KIND_PREFERENCE = {"organisation": 0, "person": 1, "place": 2, "country": 3}


def choose(entries: list[KBEntry], when: date | None) -> tuple[KBEntry, str | None] | None:
    """The entry for a date: a covering role first, else what the person was outside office."""
    if not entries:
        return None
    people = [e for e in entries if e.kind == "person"]
    if not people:
        return min(entries, key=lambda e: KIND_PREFERENCE.get(e.kind, 9)), None
    covering = [e for e in people if e.covers(when)]
    if covering:
        # the most specific office: latest start
        best = max(covering, key=lambda e: e.start or date.min)
        return best, best.role
    # a person's undated role, which a dictionary may write as a bare country code
    # ("PRINCE OF DOL AMROTH [--- <950630] [DOL]": DOL once the dated role ended)
    ids = {e.kb_id for e in people}
    undated = [e for e in people if e.start is None and e.end is None] + [
        e for e in entries if e.kind != "person" and e.kb_id in ids and e.start is None and
        e.end is None]
    dated = [e for e in people if e.start or e.end]
    if when is None:
        pick = undated[0] if undated else dated[-1]
        return pick, pick.role
    past = [e for e in dated if e.end and e.end < when]
    future = [e for e in dated if e.start and e.start > when]
    fallback = undated[0] if undated else None
    if past:
        last = max(past, key=lambda e: e.end or date.min)
        role = f"former {last.role}" if last.role else "former office holder"
        base = fallback or replace(last, sector=None)
        return replace(base, role=role), role
    if future:
        first = min(future, key=lambda e: e.start or date.max)
        base = fallback or replace(first, sector=None)
        return replace(base, role=None), None
    pick = fallback or people[0]
    return pick, pick.role


def to_actor(text: str, entry: KBEntry, role: str | None, confidence: float) -> Actor:
    name = entry.name
    if entry.kind == "place" and entry.country:
        name = entry.name
    return Actor(entity_text=text, name=name, code=entry.country, sector=entry.sector, role=role,
                 kb_id=entry.kb_id, confidence=confidence)


def resolve(text: str, when: date | None = None, label: str | None = None,
            kb: KnowledgeBase | None = None, title: str = "") -> Actor:
    """Resolve a mention ("Caracas", "Maduro's government", "former President Hugo Chávez")."""
    kb = kb or shipped_kb()
    text = HONORIFIC.sub("", text) or text
    direct = choose(kb.lookup(text), when)
    if direct:
        entry, role = direct
        actor = to_actor(text, entry, role, 0.9)
        return _apply_title(actor, title, kb)
    parts = _decompose(text, kb, when)
    if parts.code or parts.entry:
        actor = Actor(entity_text=text, name=parts.entry.name if parts.entry else None,
                      code=parts.code, sector=parts.sector, role=parts.role,
                      kb_id=parts.entry.kb_id if parts.entry else None, confidence=0.7)
        return _apply_title(actor, title, kb)
    if label == "PERSON":
        tokens = fold(text).split()
        if tokens:
            candidates = kb.surnames.get(tokens[-1], [])
            picked = _pick_by_surname(candidates, when, tokens)
            stated = _title_country(fold(title).split(), kb) if title else None
            if picked and (stated is None or stated == picked[0].country):
                entry, role = picked
                return _apply_title(to_actor(text, entry, role, 0.6), title, kb)
    actor = Actor(entity_text=text, confidence=0.2)
    return _apply_title(actor, title, kb)


def _pick_by_surname(candidates: list[KBEntry], when: date | None, tokens: list[str]):
    if not candidates:
        return None
    if len(tokens) > 1:  # a full name the KB does not know: only accept a first-name match
        candidates = [c for c in candidates if fold(c.name).split()[0] == tokens[0]]
    covering = [c for c in candidates if c.covers(when)]
    people = {c.kb_id for c in (covering or candidates)}
    if len(people) != 1:
        return None
    kb_id = next(iter(people))
    return choose([c for c in candidates if c.kb_id == kb_id], when)


@dataclass
class _Parts:
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    entry: KBEntry | None = None


def _decompose(text: str, kb: KnowledgeBase, when: date | None) -> _Parts:
    """Find a country/person/organisation and sector words inside a longer mention."""
    tokens = fold(text).split()
    parts = _Parts()
    used = [False] * len(tokens)
    names_a_group = _sector_of(tokens, kb) is not None
    # longest KB names first
    for size in range(min(len(tokens), 6), 0, -1):
        for i in range(len(tokens) - size + 1):
            if any(used[i:i + size]):
                continue
            span = " ".join(tokens[i:i + size])
            entries = kb.names.get(span, [])
            if size == 1 < len(tokens) and not names_a_group:
                # "Hassan" inside an unknown "Hassan X" is not Hassan ("Maduro government" is)
                entries = [e for e in entries if e.kind != "person"]
            hit = choose(entries, when)
            if hit and parts.code is None:
                entry, role = hit
                parts.entry, parts.code, parts.role = entry, entry.country, role
                parts.sector = parts.sector or entry.sector
                used[i:i + size] = [True] * size
            elif parts.code is None and (demonym := _demonym(span, kb)):
                parts.code = demonym
                used[i:i + size] = [True] * size
    sector_words = _sector_of(tokens, kb)
    if sector_words:
        parts.sector = sector_words
    return parts


def _demonym(span: str, kb: KnowledgeBase) -> str | None:
    """A nationality adjective, or its plural as a noun for the people ("Kenyans", "Iraqis")."""
    if span in kb.adjectives:
        return kb.adjectives[span]
    if span.endswith("s") and len(span) > 4:
        return kb.adjectives.get(span[:-1])
    return None


def _sector_of(tokens: list[str], kb: KnowledgeBase) -> str | None:
    """The sector named by the right-most sector phrase (the head of a noun phrase)."""
    for end in range(len(tokens), 0, -1):
        for size in range(min(kb.max_sector_words, end), 0, -1):
            phrase = " ".join(tokens[end - size:end])
            if phrase in kb.sectors:
                return kb.sectors[phrase]
    return None


def _title_owner(tokens: list[str], kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """The country a title names, and the sector of the body it names if any: an adjective
    ("South Korean"), a country, or an organisation or seat of power ("Hamas spokesman",
    "Pentagon spokesman"); longest phrase first."""
    for size in range(min(3, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[i:i + size])
            if phrase in kb.adjectives:
                return kb.adjectives[phrase], None
            for entry in kb.names.get(phrase, ()):
                if entry.kind in {"country", "organisation", "place"} and entry.country:
                    return entry.country, entry.sector if entry.kind != "country" else None
    return None, None


def _title_country(tokens: list[str], kb: KnowledgeBase) -> str | None:
    return _title_owner(tokens, kb)[0]


# Words for people who speak for a body: their sector is the body's, not their own.
SPEAKERS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "envoy", "representative",
            "official", "officials", "source", "sources"}


def _apply_title(actor: Actor, title: str, kb: KnowledgeBase) -> Actor:
    """Titles and appositions ("Venezuelan Transportation Minister") fill what the KB lacks."""
    if not title:
        return actor
    tokens = fold(title).split()
    owner_code, owner_sector = _title_owner(tokens, kb)
    if actor.code is None:
        actor.code = owner_code
    if "former" in tokens or "ex" in tokens:
        if actor.sector == "GOV":
            actor.sector = None
        actor.role = actor.role if actor.role and actor.role.startswith("former") else (
            f"former {title.replace('former', '').strip()}")
        return actor
    sector = _sector_of(tokens, kb)
    if owner_sector and (sector is None or tokens[-1] in SPEAKERS):
        sector = owner_sector  # "Pentagon spokesman": the Pentagon's sector, MIL
    if sector and (actor.sector is None or actor.confidence < 0.9):
        actor.sector = sector
    if not actor.role:
        words = [w for w in title.split() if fold(w) not in kb.adjectives]
        actor.role = " ".join(words) or None
    actor.confidence = max(actor.confidence, 0.6 if actor.code else 0.3)
    return actor
