"""The phrase rule of resolution, and what every rule shares: a `Resolution`, `choose` (the row
for a date) and the words that decide ownership and sector.

A longer mention ("Brazil's Defense Department", "Mexican Ambassador to the United Nations",
"Georgian Prime Minister", "Russia's Pacific Fleet"): a country the phrase states owns it and
wins over a name inside it; a complement after a preposition names something else; an office
title with a country gives the holder on the date; the head noun outside the names gives the
sector. See `resolve.py` for the order of the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from sitrep.actors.gazetteer import city_country, subdivision_country
from sitrep.actors.knowledge import KBEntry, KnowledgeBase, fold
from sitrep.actors.names import common_surnames, without_namesakes
from sitrep.actors.titles import (
    NOT_AN_ACTOR,
    SHADOW,
    UNDERLINGS,
    body_post,
    office_holder,
    office_in,
    sector_of,
)
from sitrep.model import Actor
from sitrep.resources import place_nouns, word_class
from sitrep.text.casing import case_forms

KIND_PREFERENCE = {"organisation": 0, "person": 1, "place": 2, "country": 3}
# Words before an office that say its holder has left it: PLOVER's ELI.
FORMER = {"former", "ex", "retired", "ousted", "exiled", "deposed", "onetime", "erstwhile",
          "late"}
# Sectors of offices a former holder is ELI for.
OFFICIAL = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"}
# A country before these does not own the phrase ("Iran-backed Houthi rebels"), nor after these
# ("pro-Russian separatists").
NOT_OWNER_AFTER = {"backed", "supported", "allied", "aligned", "sponsored", "funded", "trained", "linked", "leaning", "friendly", "born", "based", "educated",
                   "inspired", "affiliated", "held", "occupied"}
NOT_OWNER_BEFORE = {"pro", "anti"}
# Prepositions after which a phrase's complement names something else ("ambassador to the UN").
COMPLEMENT = {"to", "at", "in", "with", "on", "against", "near", "from", "toward", "towards",
              "into", "inside", "over", "across", "between", "among", "for"}
# Words for people who speak for a body: their sector is the body's, not their own.
SPEAKERS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "envoy", "representative",
            "official", "officials", "source", "sources", "ally", "allies", "aide", "aides",
            "adviser", "advisers", "advisor", "advisors", "supporters", "loyalists"}
# Words for a body's own members: after the body's name, the body's sector ("Rada deputies":
# LEG, though a sheriff's deputies are PLOVER's COP; "Hamas members": REB, not UNK).
MEMBERS = {"member", "members", "deputy", "deputies"}
# Sectors of armed units ("Force", "Brigade", "Army": sectors_current.tsv), and of the bodies
# that have such units of their own: a unit noun after their name is theirs ("Hamas Brigades",
# "Kremlin Regiment", "UN Force"). After the name of any other body ("Rada Force", "Duma
# Brigade": a parliament has no brigade) it names another body.
ARMED = {"MIL", "REB", "UAF", "PRM"}
BEARS_ARMS = ARMED | {"COP", "SPY", "GOV", "PTY", "CRM", "IGO"}
# The Arabic article in transliterated names ("Fatah al-Islam", "Hezbollah al-Hejaz"): after a
# body's name, it opens another name.
ARTICLES = {"al", "el", "ad", "ash", "as", "at", "an", "ar", "az", "ud", "ul", "ed", "es", "et"}
COALITION_NOUNS = word_class("coalition_nouns")
BODY_HEADS = word_class("body_head_nouns")
NATURAL_FEATURES = word_class("natural_feature_nouns")
LEADERS = word_class("leader_nouns")


@dataclass
class Resolution:
    """An actor and why: the rule that decided (`rule`), the knowledge-base rows it used
    (`rows`), and the steps taken, in words an analyst can check."""
    actor: Actor
    rule: str
    rows: list[KBEntry] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def choose(entries: list[KBEntry], when: date | None) -> tuple[KBEntry, str | None] | None:
    """The entry for a date: a covering role first, else what the person was outside office
    (ELI once an office has ended, as PLOVER codes former officials)."""
    if not entries:
        return None
    people = [e for e in entries if e.kind == "person"]
    if not people:
        # a body whose role changed has dated rows ("Taliban": REB, then GOV from 2021-08-15)
        covering = [e for e in entries if e.covers(when)]
        undated = [e for e in entries if e.start is None and e.end is None]
        pool = covering or undated or entries
        return min(pool, key=lambda e: KIND_PREFERENCE.get(e.kind, 9)), None
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
    if when is None:  # the undated role, else the latest-starting one, whatever order it was read in
        pick = undated[0] if undated else max(dated, key=lambda e: e.start or date.min)
        return pick, pick.role
    past = [e for e in dated if e.end and e.end < when]
    future = [e for e in dated if e.start and e.start > when]
    fallback = undated[0] if undated else None
    if past:
        last = max(past, key=lambda e: e.end or date.min)
        role = f"former {last.role}" if last.role else "former office holder"
        sector = "ELI" if last.sector in OFFICIAL else None
        base = fallback or replace(last, sector=sector)
        return replace(base, role=role), role
    if future:
        first = min(future, key=lambda e: e.start or date.max)
        base = fallback or replace(first, sector=None)
        return replace(base, role=None), None
    pick = fallback or people[0]
    return pick, pick.role


def to_actor(text: str, entry: KBEntry, role: str | None, confidence: float) -> Actor:
    return Actor(entity_text=text, name=entry.name, code=entry.country, sector=entry.sector,
                 role=role, kb_id=entry.kb_id, confidence=confidence)


@dataclass
class _Span:
    start: int
    end: int
    entries: list[KBEntry]
    code: str | None = None  # a country the span states (a country name or adjective)
    country_name: bool = False  # the span is a country's name, not its adjective
    region: bool = False  # a first-level subdivision's name: its offices are no national ones


# The rows a name inside a phrase (tokens start to end) may stand for: the resolver's check that a
# full name many people bear is backed (resolve.py `_backed`).
Backing = Callable[[int, int, list[KBEntry]], list[KBEntry]]


def resolve_phrase(text: str, tokens: list[str], when: date | None,
            kb: KnowledgeBase, backing: Backing | None = None) -> Resolution | None:
    """A longer mention: who owns it (a stated country first), its office, its head noun."""
    if not tokens:
        return None
    region = _state_named_after(tokens, kb)
    if region is not None:
        # "New Jersey", "New South Wales": a state of that name, not the country a word of it
        # names (Jersey, Wales)
        return Resolution(Actor(entity_text=text, name=text, code=region, confidence=0.6), "place",
                          [], [f"{' '.join(tokens)!r} is a first-level subdivision of {region} "
                               f"(ISO 3166-2), not the country its last words name"])
    cut = next((i for i, t in enumerate(tokens) if t in COMPLEMENT and i > 0), len(tokens))
    spans = _spans(tokens, kb, when, text, backing)
    core = [s for s in spans if s.start < cut]
    later = [s for s in spans if s.start >= cut]
    if not core and later and tokens[cut] == "for":
        core, later = later, []  # "spokesman for the Pentagon": the body spoken for owns it
    owner_of = _of_owner(tokens, core, when)
    if owner_of is not None:
        # "the Gondor of the Prince of Dol Amroth": a name followed by "of" and another
        # name is that other's
        core = [owner_of]
    owners = [s for s in core if s.code and _owns(tokens, s)]
    named = [s for s in core if s.entries]
    entity = next((s for s in named if _owns(tokens, s) and _has_country(s, when)), None) or next(
        (s for s in named if _owns(tokens, s)), None) or next(iter(named), None)
    steps: list[str] = []
    former = any(t in FORMER for t in tokens[:cut])
    # the head noun outside the names ("Islamic State targets": not the "state" of a name)
    # and outside a stated country ("Supreme Court of South Africa": not PLOVER's AFRICA, NON)
    masked = list(tokens[:cut])
    for span in named + [s for s in core if s.code and not s.entries]:
        masked[span.start:span.end] = ["·"] * (span.end - span.start)
    head = sector_of(masked, kb)
    of = _of_a_place(masked)
    if of is not None and sector_of(masked[:of], kb):
        # "the government of Sindh province": the body before "of" a place, not the place noun
        # (PLOVER's PROVINCE, CVL)
        head = sector_of(masked[:of], kb)
    office = office_in(tokens[:cut], kb)
    code: str | None = None
    sector: str | None = None
    row: KBEntry | None = None
    rows: list[KBEntry] = []
    another = False
    if owners:
        code = owners[0].code
        steps.append(f"{' '.join(tokens[owners[0].start:owners[0].end])!r} states the country"
                     f" {code}")
    if entity is not None:
        hit = choose(entity.entries, when)
        if hit is not None:
            entry, _ = hit
            phrase = " ".join(tokens[entity.start:entity.end])
            opened = _opens_another_name(text, tokens[:cut], entity, spans, entry, kb) \
                if entry.kind == "organisation" else None
            if opened is not None:
                # "Rada Force" is not Ukraine's parliament, "Fatah al-Islam" not Fatah: the
                # longer name is another body's, of the head noun's sector and no known country
                another = True
                steps.append(f"{phrase!r} ({entry.kb_id}) only opens another name: "
                             f"{opened}")
                if head is None:  # the longer name a kind of body ("Majlis al-Shura": LEG)
                    head = sector_of(tokens[:cut], kb)
            elif entry.kind == "organisation" and (kind := _kind_of_body(tokens, entity, kb)):
                # "National" + "Security Council": a kind of body many states have (agent
                # words: GOV), not the UN's
                sector = kind
                steps.append(f"{phrase!r} ends a kind of body the agent words list: "
                             f"sector {kind}, not {entry.kb_id}")
            elif entry.kind == "organisation" and _named_otherwise(text, tokens, entity, spans):
                # "Mon National Liberation Army" is not Colombia's ELN: a name the knowledge base
                # does not know before a body's name makes another body, of the same sector
                sector = entry.sector
                steps.append(f"{phrase!r} follows the unknown name "
                             f"{tokens[entity.start - 1]!r}: another body, sector {sector}")
            elif code is None or entry.country == code or entity.code == code:
                row = entry
                rows.append(entry)
                code = code or entry.country
                sector = entry.sector
                steps.append(f"{phrase!r} is {entry.kb_id} ({entry.source})")
            else:
                steps.append(f"{phrase!r} ({entry.kb_id}, {entry.country}) gives way to the "
                             f"country stated")
                if head is None:  # the name's own sector word first ("Defense Department": GOV)
                    # (a breakaway state's PRE is no sector of the country stated)
                    sector = sector_of(phrase.split(), kb) or (
                        entry.sector if entry.sector != "PRE" else None)
    if code is None and (row is None or row.country is None):
        # "rebel positions in Yemen's Marib province": a place after a preposition
        first = next((s for s in later if _owns(tokens, s) and _has_country(s, when)), None)
        if first is not None:
            hit = choose(first.entries, when) if first.entries else None
            code = first.code or (hit[0].country if hit else None)
            steps.append(f"the country {code} from the complement")
    # the country of a city or region: its police chief, its premier, no national one
    local = any(s.region for s in owners[:1])
    if code is None and row is None and head is not None and head not in NOT_AN_ACTOR \
            and not another:
        place = _city_in(text, tokens[:cut], kb)
        if place:
            code, local = place[1], True
            steps.append(f"{place[0]!r} is a city or region of {code} (GeoNames, ISO 3166-2)")
    if code is None and row is None and not another:
        return None  # no country, no name: an agent noun at most (`_agent`)
    head_of = None if former or row is None else _body_head(
        kb, tokens[:cut], entity, core, office[0] if office else None, when)
    if head_of is not None and row is not None:
        rows.append(head_of)
        steps.append(f"the head of {row.kb_id} on {when}: {head_of.name} ({head_of.kb_id})")
        actor = Actor(entity_text=text, name=head_of.name, code=head_of.country,
                      sector=head_of.sector, role=head_of.role, kb_id=head_of.kb_id,
                      confidence=0.8)
        return Resolution(actor, "office", rows, steps)
    if office is not None and not former:
        name, office_sector, _ = office
        sector = office_sector
        post = body_post(tokens[:cut], row, kb)
        if post is not None:
            # "Apple's chief executive", "Nigeria's Senate president": the body's post
            sector, local = post, True
            steps.append(f"the title is a post of a body of the sector {post}, no state's")
        local = local or (row is not None and row.kind == "place" and row.role in {"city", "region"})
        lower = not name.startswith(("deputy", "vice")) and any(t in UNDERLINGS for t in tokens[:cut])
        if any(t in SHADOW for t in tokens[:cut]):
            # "Britain's shadow foreign secretary": the opposition's post, no office's holder
            sector, lower = "OPP", True
            steps.append("'shadow' before the title: the opposition's post (OPP), no holder")
        holder = office_holder(kb, code, name, when) if code and not local and not lower else None
        if holder is not None:
            rows.append(holder)
            steps.append(f"the {name.replace('_', ' ')} of {code} on {when}: {holder.name} "
                         f"({holder.kb_id})")
            actor = Actor(entity_text=text, name=holder.name, code=code, sector=holder.sector,
                          role=holder.role, kb_id=holder.kb_id, confidence=0.8)
            return Resolution(actor, "office", rows, steps)
        steps.append(f"the title gives the sector {sector}")
    elif head is not None and head not in NOT_AN_ACTOR:
        last = tokens[cut - 1] if cut else ""
        spoken_for = row is not None and row.kind in {"organisation", "person"} and sector
        # "Hamas spokesman", "Taliban fighters": the body's own sector (UAF is for armed men
        # no one has identified)
        if not spoken_for or (last not in SPEAKERS and last not in MEMBERS and head != "UAF"):
            sector = head
            steps.append(f"the head noun gives the sector {head}")
    if sector is None and head is None and row is None and cut and \
            tokens[cut - 1] in COALITION_NOUNS and \
            any(t == "led" or t.endswith("-led") for t in tokens[:cut]):
        # "the Saudi-led coalition": a coalition of states' forces that the country leads
        sector = "MIL"
        steps.append("a coalition a country leads: its military (MIL)")
    placed = owners[0] if owners else entity if row is not None and row.kind == "place" else None
    if office is None and head is None and cut and tokens[cut - 1] in LEADERS and code and \
            placed is not None and (placed is entity or
                                    " ".join(tokens[placed.start:placed.end]) not in kb.ethnic):
        # "the North Korean leader", "the Abkhaz leader": the place's government; an ethnic
        # group's leaders ("Igbo leaders") and a body's ("Hamas leader") are no government
        sector = "GOV"
        steps.append(f"{tokens[cut - 1]!r} of a country or place: its government (GOV)")
    if former and (sector in OFFICIAL or office is not None):
        sector = "ELI"
        steps.append("'former' before an office: ELI")
    known = bool(code or sector or row)  # another body's name may leave nothing known
    actor = Actor(entity_text=text, name=row.name if row else None, code=code, sector=sector,
                  role=None, kb_id=row.kb_id if row else None, confidence=0.7 if known else 0.2)
    if row is not None and row.kind == "place" and row.sector == "PRE" and sector != "PRE":
        actor.role = "partially recognised entity (PRE)"
    return Resolution(actor, "phrase", rows, steps)


NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _kind_of_body(tokens: list[str], entity: _Span, kb: KnowledgeBase) -> str | None:
    """The sector of a kind of body the agent words list whose name a body's name ends
    ("national security council" around the UN's "Security Council"), or None."""
    for start in range(max(0, entity.start - 2), entity.start):
        found = kb.sectors.get(" ".join(tokens[start:entity.end]))
        if found:
            return found
    return None


def _named_otherwise(text: str, tokens: list[str], entity: _Span, spans: list[_Span]) -> bool:
    """Whether the word before a body's name is a name of no span ("Mon" in "Mon National
    Liberation Army"): written with a capital and not a word cased news writes in lower case
    ("Senior Hamas official" keeps Hamas)."""
    if entity.start == 0:
        return False
    before = entity.start - 1
    word = tokens[before]
    if any(s.start <= before < s.end for s in spans) or not word[:1].isalpha():
        return False
    written = next((w for w in NAME_WORD.findall(text) if fold(w) == word), "")
    share = case_forms().share.get(word)
    return written[:1].isupper() and (share is None or share >= 0.5)


def _opens_another_name(text: str, tokens: list[str], entity: _Span, spans: list[_Span],
                        entry: KBEntry, kb: KnowledgeBase) -> str | None:
    """Why a body's name at the start of a longer proper name is only part of another body's
    name, or None: the words after it, in no other name and not after a possessive, are an
    armed unit's head noun after a body that has no armed units ("Rada Force", "Duma Brigade"),
    or a transliterated Arabic name ("Fatah al-Islam"), written as a name; or a surname many
    bear after a one-word name, which makes a person's name ("Amit Kumar")."""
    rest = tokens[entity.end:]
    if not rest or any(entity.end <= s.start < len(tokens) for s in spans) \
            or _possessive(text, tokens[entity.end - 1]):
        return None
    written = {fold(w): w for w in re.findall(r"[^\W\d_]+", text)}
    capitalised = [written.get(t, "")[:1].isupper() for t in rest]
    unit = kb.sectors.get(rest[-1])
    if all(capitalised) and unit in ARMED and entry.sector is not None \
            and entry.sector not in BEARS_ARMS:
        return f"a {entry.sector} body has no {rest[-1]!r}"
    if len(rest) > 1 and rest[0] in ARTICLES and all(capitalised[1:]):
        return f"{rest[0]!r} opens another name"
    if len(rest) == 1 and capitalised[0] and entity.end - entity.start == 1 \
            and rest[0] in common_surnames():
        return f"{rest[0]!r}, a surname, makes it a person's"
    return None


def _of_a_place(tokens: list[str]) -> int | None:
    """Where "of" opens a place that ends the phrase, after a word that is no place noun ("the
    government of Sindh province", not "the town of Samarra"), or None."""
    nouns = place_nouns(("place",))
    if not tokens or tokens[-1] not in nouns or "of" not in tokens[1:-1]:
        return None
    of = tokens.index("of", 1)
    return of if tokens[of - 1] not in nouns else None


def _possessive(text: str, word: str) -> bool:
    """Whether the word is written as a possessive in the text ("Hamas's", "Hamas'")."""
    return any(fold(w) == word for w in re.findall(r"([^\W\d_]+)(?:'s?|’s?)(?!\w)", text))


def _city_in(text: str, tokens: list[str], kb: KnowledgeBase) -> tuple[str, str] | None:
    """A capitalised word of the mention that is a city ("Kharkiv police", "Lagos University")
    or a first-level subdivision only one country has, of one word or two ("the Texas National
    Guard", "Rhode Island police"), for a body the knowledge base does not list; sector words,
    and for a subdivision words cased news writes in lower case ("Store"), are no place."""
    written = {fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", text) if w[0].isupper()}
    share = case_forms().share
    # a region's name before a place noun is the place ("Ghazni province"), no body; a body
    # of the place is ("the government of Sindh province")
    regions = bool(tokens) and (tokens[-1] not in place_nouns(("place",))
                                or _of_a_place(tokens) is not None)
    for i, token in enumerate(tokens):
        if token not in written or token in kb.sectors or token in kb.adjectives:
            continue
        if regions and i + 1 < len(tokens) and tokens[i + 1] in written:
            code = subdivision_country(f"{token} {tokens[i + 1]}")
            if code:
                return f"{token} {tokens[i + 1]}", code
        if len(token) <= 3:
            continue
        code = city_country(token)
        if code is None and regions and share.get(token, 1.0) >= 0.5:
            code = subdivision_country(token)
        if code:
            return token, code
    return None


def _of_owner(tokens: list[str], core: list[_Span], when: date | None) -> _Span | None:
    """The name after "of" when the phrase opens with a name followed by it ("X of [the] Y"),
    and that name has a country."""
    if len(core) < 2 or core[0].start != 0 or core[0].end >= len(tokens) \
            or tokens[core[0].end] != "of":
        return None
    start = core[0].end + 1 + (tokens[core[0].end + 1:core[0].end + 2] == ["the"])
    after = next((s for s in core[1:] if s.start == start), None)
    return after if after is not None and _has_country(after, when) else None


def _has_country(span: _Span, when: date | None) -> bool:
    hit = choose(span.entries, when) if span.entries else None
    return bool(span.code or (hit and hit[0].country))


def _owns(tokens: list[str], span: _Span) -> bool:
    after = tokens[span.end] if span.end < len(tokens) else ""
    before = tokens[span.start - 1] if span.start else ""
    if span.country_name and after in NATURAL_FEATURES:
        # "the Jordan Valley", "the Niger Delta": a feature named after a river or a region
        # that gave the country its name, often in another country or in several
        return False
    return after not in NOT_OWNER_AFTER and before not in NOT_OWNER_BEFORE


def _spans(tokens: list[str], kb: KnowledgeBase, when: date | None,
           text: str = "", backing: Backing | None = None) -> list[_Span]:
    """Names inside a phrase, longest first, none overlapping: knowledge-base names (a
    one-word person only where the phrase names a group: "Maduro government") and nationality
    adjectives."""
    used = [False] * len(tokens)
    found: list[_Span] = []
    names_a_group = sector_of(tokens, kb) is not None
    for size in (3, 2):  # "New Jersey police": a state's name, not the country "Jersey" in it
        for i in range(len(tokens) - size + 1):
            region = None if any(used[i:i + size]) else _state_named_after(tokens[i:i + size], kb)
            if region is not None:
                used[i:i + size] = [True] * size
                found.append(_Span(i, i + size, [], region, region=True))
    for size in range(min(len(tokens), 6), 0, -1):
        for i in range(len(tokens) - size + 1):
            if any(used[i:i + size]):
                continue
            phrase = " ".join(tokens[i:i + size])
            entries = kb.names.get(phrase, [])
            if size == 1 < len(tokens) and not names_a_group:
                # "Hassan" inside an unknown "Hassan X" is not Hassan
                entries = [e for e in entries if e.kind != "person"]
            elif size == 1:
                entries = without_namesakes(phrase, entries, kb.shared_given_names)  # nor "Hassan" alone
            elif backing is not None and entries:
                entries = backing(i, i + size, entries)  # "Stephen Smith" needs support
            if size == 1 and entries and text and _lower_case(text, phrase):
                # "who", "ice": a body's short name only when written as one
                entries = [e for e in entries if e.kind in {"country", "place"}]
            if phrase in kb.sectors and all(e.kind == "organisation" and e.country is None
                                            for e in entries):
                entries = []  # "police", "army": a sector word before a body of that name
            demonym = None if entries else _demonym(phrase, kb)
            if not entries and demonym is None:
                continue
            countries = [e for e in entries if e.kind == "country"]
            code = countries[0].country if countries else demonym
            found.append(_Span(i, i + size, [] if countries else entries, code, bool(countries)))
            used[i:i + size] = [True] * size
    return sorted(found, key=lambda s: s.start)


ARTICLES = {"la", "le", "les", "el", "the", "al"}


def _state_named_after(tokens: list[str], kb: KnowledgeBase) -> str | None:
    """The country of a first-level subdivision of two or three words whose last words name a
    country, or a part of which is another country's nationality or a place of another country
    or of none, after a word that is no article ("New Jersey", "New South Wales", "Western
    Australia", "British Columbia", "West Bengal": not Jersey, Britain, the West, nor Australia's
    government; not "Hong Kong SAR", "Taiwan Sheng", "La Reunion", nor a compass word before a
    place noun, "Eastern Province"); None otherwise."""
    if not 2 <= len(tokens) <= 3 or " ".join(tokens) in kb.names or tokens[0] in ARTICLES \
            or tokens[-1] in place_nouns(("place",)):
        return None
    code = subdivision_country(" ".join(tokens))
    if code is None:
        return None
    for start in range(len(tokens)):
        for end in range(start + 1, len(tokens) + 1 - (start == 0)):
            part = " ".join(tokens[start:end])
            entries = kb.names.get(part, [])
            if any(e.kind == "country" for e in entries):
                if not start:
                    return None  # a country's name opens it: "Hong Kong SAR", the country's
                if end == len(tokens):
                    return code  # a country's name ends it ("New Jersey", "Western Australia")
            places = {e.country for e in entries if e.kind == "place"}
            if (places and code not in places) or kb.adjectives.get(part, code) != code:
                return code
    return None


def _lower_case(text: str, word: str) -> bool:
    written = [w for w in re.findall(r"[\w'-]+", text) if fold(w) == word]
    return bool(written) and all(w.islower() for w in written)


def _body_head(kb: KnowledgeBase, tokens: list[str], entity: _Span | None, spans: list[_Span],
               office: str | None, when: date | None) -> KBEntry | None:
    """The head of a service or force named by its name ("FSB director", "the head of Mossad",
    "Director of National Intelligence"): the holder people_offices.tsv gives the body on the
    date, when the rest of the words are an office title or a head noun (`body_head_nouns`)."""
    if entity is None:
        return None
    holders = [h for e in entity.entries for h in kb.holders.get(f"{e.kb_id}:head", [])]
    if not holders:
        return None
    inside = {i for s in spans for i in range(s.start, s.end)}
    rest = " ".join(t for i, t in enumerate(tokens) if i not in inside and t not in {"the", "of"})
    if office is None and rest not in BODY_HEADS:
        return None
    covering = [h for h in holders if h.covers(when) and (office is None or h.office == office)]
    return max(covering, key=lambda e: e.start or date.min) if covering else None


def _demonym(span: str, kb: KnowledgeBase) -> str | None:
    """A nationality adjective, or its plural as a noun for the people ("Kenyans", "Iraqis")."""
    if span in kb.adjectives:
        return kb.adjectives[span]
    if span.endswith("s") and len(span) > 4:
        return kb.adjectives.get(span[:-1])
    return None


