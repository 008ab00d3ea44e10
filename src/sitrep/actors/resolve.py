"""Resolution: a mention (with its title and the document's date) to country + sector.

Reads the knowledge base (`knowledge.py`). The rules, in the order they are tried (the first
that answers wins; `explain` says which one did and which rows it used):

1. name      the whole mention is a name the knowledge base lists ("Hugo Chávez", "the BJP");
             a person's row is the one whose dates cover the document's date.
2. titled    a known person's name ends the mention, titles before it ("Czech Prime Minister
             Petr Fiala", "ex-President Hugo Chávez").
3. initials, spelling   the name written with initials ("J. Biden"), a nickname or another
             transliteration ("Volodymyr Zelenskiy"), when that picks out one person.
4. phrase    a longer phrase: a country stated in it owns it and wins over a word's default
             ("Brazil's Defense Department" is BRA, not the Pentagon; "Mexican Ambassador to the
             United Nations" is MEX GOV); a title with a country gives the office-holder on the
             date ("Georgian Prime Minister"); the head noun gives the sector ("Russia's Pacific
             Fleet": MIL).
5. agent     an agent noun alone gives its sector and no country ("soldier": MIL, "riot police":
             COP, "former deputy prime minister": ELI).
6. surname   a surname alone: a person the document named in full first, else the one person of
             that surname whose dated role covers the date.

"former", "ex-", "retired", "ousted" and "exiled" before an office follow PLOVER's agent list
(FORMER_PRESIDENT, RETIRED_GENERAL, OUSTED_LEADER: ELI). A partially recognised state (South
Ossetia, Transnistria, Somaliland, Northern Cyprus, ...) is the state it broke from with the
sector PRE, as the PLOVER manual's section on partially recognised entities says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from sitrep.actors import names
from sitrep.actors.gazetteer import city_country
from sitrep.actors.knowledge import KBEntry, KnowledgeBase, fold, shipped_kb
from sitrep.model import Actor

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|madam|mme|m)\.?\s+", re.IGNORECASE)
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
NOT_AN_ACTOR = {"JNK", "NON"}


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


def resolve(text: str, when: date | None = None, label: str | None = None,
            kb: KnowledgeBase | None = None, title: str = "",
            people: dict[str, Actor] | None = None) -> Actor:
    """Resolve a mention ("Caracas", "Maduro's government", "former President Hugo Chávez",
    "riot police") to an `Actor`; `people` maps surnames the document named in full to them."""
    return explain(text, when, label, kb, title, people).actor


def explain(text: str, when: date | None = None, label: str | None = None,
            kb: KnowledgeBase | None = None, title: str = "",
            people: dict[str, Actor] | None = None) -> Resolution:
    """`resolve`, with the rule that decided and the knowledge-base rows it read."""
    kb = kb or shipped_kb()
    text = HONORIFIC.sub("", text.strip()) or text
    folded = fold(text)
    stated = _title_owner(fold(title).split(), kb)[0] if title else None
    found = _resolve(text, folded, when, label, kb, people, stated)
    if title:
        found.steps.append(f"title {title!r} applied")
        found.actor = _apply_title(found.actor, title, kb, when)
    return found


def _of_country(entries: list[KBEntry], code: str | None) -> list[KBEntry]:
    """People of the country a title states, when the name has some ("Jordan's King Abdullah")."""
    if code and any(e.kind == "person" and e.country == code for e in entries):
        return [e for e in entries if e.kind != "person" or e.country == code]
    return entries


def _resolve(text: str, folded: str, when: date | None, label: str | None, kb: KnowledgeBase,
             people: dict[str, Actor] | None, stated: str | None = None) -> Resolution:
    entries = _of_country(kb.names.get(folded, []), stated)
    if entries and " " not in folded and text.strip().islower():
        # "who", "ice": a body's short name only when written as one
        entries = [e for e in entries if e.kind in {"country", "place"}]
    direct = choose(entries, when)
    if direct:
        entry, role = direct
        return Resolution(to_actor(text, entry, role, 0.9), "name", [entry],
                          [f"{text!r} is a name of {entry.kb_id} ({entry.source})"])
    tokens = folded.split()
    titled = _titled_person(text, tokens, when, label, kb)
    if titled:
        return titled
    if label in (None, "PERSON") and _looks_like_name(text):
        keyed = _person_by_keys(text, folded, when, kb)
        if keyed:
            return keyed
    phrase = _phrase(text, tokens, when, kb)
    if phrase:
        return phrase
    agent = _agent(text, tokens, kb)
    if agent:
        return agent
    if label in (None, "PERSON") and len(tokens) == 1 and _looks_like_name(text):
        by_surname = _surname(text, tokens[0], when, kb, people, label)
        if by_surname:
            return by_surname
    if label == "PERSON" and len(tokens) > 1:
        namesake = _first_and_last(text, tokens, when, kb)
        if namesake:
            return namesake
    return Resolution(Actor(entity_text=text, confidence=0.2), "unknown", [],
                      [f"no rule resolves {text!r}"])


def _looks_like_name(text: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in names.PARTICLES)


def _titled_person(text: str, tokens: list[str], when: date | None, label: str | None,
                   kb: KnowledgeBase) -> Resolution | None:
    """A known person's name at the end, titles before it."""
    for i in range(1, len(tokens)):
        suffix = " ".join(tokens[i:])
        entries = _of_country([e for e in kb.names.get(suffix, []) if e.kind == "person"],
                              _title_owner(tokens[:i], kb)[0])
        rule = "titled"
        if not entries and len(tokens) - i >= 2 and _capitalised_tail(text, len(tokens) - i):
            keyed = _keyed_people(suffix, when, kb)
            if keyed:
                entries, rule = keyed
        hit = choose(entries, when)
        if hit is None or CONJUNCTIONS & set(tokens[:i]) or not _ends_title(text, tokens[i - 1], kb):
            continue  # "security forces and Hassan", "Yameen Abdul Gayoom": no title before
        entry, role = hit
        title = " ".join(tokens[:i])
        actor = _apply_title(to_actor(text, entry, role, 0.85), title, kb, when)
        return Resolution(actor, rule, [entry], [
            f"{suffix!r} is a name of {entry.kb_id} ({entry.source})",
            f"{title!r} read as its title"])
    return None


CONJUNCTIONS = {"and", "or", "nor", "with", "plus", "versus", "vs"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "sheikh", "sheik", "general", "gen", "colonel", "col",
               "lt", "adm", "admiral", "marshal", "field", "brigadier", "major", "captain", "rep",
               "sen", "gov", "mayor", "chief", "commander", "leader", "secretary", "envoy",
               "ambassador", "deputy", "vice", "acting", "interim", "pope", "ayatollah", "imam",
               "cardinal", "archbishop", "bishop", "rabbi", "judge", "justice", "lawmaker",
               "senator", "congressman", "congresswoman", "mp", "candidate", "counterpart",
               "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier",
               "chancellor", "king", "queen", "prince", "princess", "emir", "sultan", "dictator",
               "strongman", "rival", "ally", "elect", "designate", "incumbent", "opposition"}


def _ends_title(text: str, word: str, kb: KnowledgeBase) -> bool:
    """The word before a name can end a title: a title word, a sector noun, a nationality, a
    country or body ("Kremlin"), "former" ..., or any word written in lower case."""
    if word in TITLE_WORDS or word in FORMER or word in kb.sectors or word in kb.adjectives:
        return True
    if any(e.kind != "person" for e in kb.names.get(word, ())):
        return True
    written = [w for w in re.findall(r"[\w'-]+", text) if fold(w) == word]
    return bool(written) and not written[-1][:1].isupper()


def _capitalised_tail(text: str, count: int) -> bool:
    """The mention's last `count` words are written as a name (capitalised)."""
    words = [w for w in re.split(r"[\s,]+", text) if w]
    tail = words[-count:]
    return len(tail) == count and all(
        w[:1].isupper() or w.lower().rstrip(".") in names.PARTICLES for w in tail)


def _keyed_people(folded: str, when: date | None,
                  kb: KnowledgeBase) -> tuple[list[KBEntry], str] | None:
    """The one person a name written with initials, a nickname or another spelling fits."""
    if names.is_initialled(folded):
        key = names.initial_key(folded)
        candidates, rule = (kb.initials.get(key, []) if key else []), "initials"
    else:
        candidates, rule = [], "spelling"
        for key in names.loose_keys(folded):
            candidates.extend(e for e in kb.loose.get(key, []) if e not in candidates)
    # the curated layers only: the generated Phoenix rows' variants are too loose for this
    candidates = [e for e in candidates if not e.source.endswith(".txt")]
    if not candidates:
        return None
    ids = {e.kb_id for e in candidates}
    if len(ids) > 1:  # several people fit: the one in a dated role on the date, if only one is
        ids = {e.kb_id for e in candidates if e.covers(when)}
    if len(ids) != 1:
        return None
    kb_id = next(iter(ids))
    return [e for e in candidates if e.kb_id == kb_id], rule


def _person_by_keys(text: str, folded: str, when: date | None,
                    kb: KnowledgeBase) -> Resolution | None:
    keyed = _keyed_people(folded, when, kb)
    if keyed is None:
        return None
    entries, rule = keyed
    hit = choose(entries, when)
    if hit is None:
        return None
    entry, role = hit
    return Resolution(to_actor(text, entry, role, 0.75), rule, [entry],
                      [f"{text!r} fits {entry.name!r} ({entry.kb_id}) by {rule}"])


@dataclass
class _Span:
    start: int
    end: int
    entries: list[KBEntry]
    code: str | None = None  # a country the span states (a country name or adjective)


def _phrase(text: str, tokens: list[str], when: date | None,
            kb: KnowledgeBase) -> Resolution | None:
    """A longer mention: who owns it (a stated country first), its office, its head noun."""
    if not tokens:
        return None
    cut = next((i for i, t in enumerate(tokens) if t in COMPLEMENT and i > 0), len(tokens))
    spans = _spans(tokens, kb, when, text)
    core = [s for s in spans if s.start < cut]
    later = [s for s in spans if s.start >= cut]
    if not core and later and tokens[cut] == "for":
        core, later = later, []  # "spokesman for the Pentagon": the body spoken for owns it
    owners = [s for s in core if s.code and _owns(tokens, s)]
    named = [s for s in core if s.entries]
    entity = next((s for s in named if _owns(tokens, s) and _has_country(s, when)), None) or next(
        (s for s in named if _owns(tokens, s)), None) or next(iter(named), None)
    steps: list[str] = []
    former = any(t in FORMER for t in tokens[:cut])
    # the head noun outside the names ("Islamic State targets": not the "state" of a name)
    masked = list(tokens[:cut])
    for span in named:
        masked[span.start:span.end] = ["·"] * (span.end - span.start)
    head = _sector_of(masked, kb)
    office = _office(tokens[:cut], kb)
    code: str | None = None
    sector: str | None = None
    row: KBEntry | None = None
    rows: list[KBEntry] = []
    if owners:
        code = owners[0].code
        steps.append(f"{' '.join(tokens[owners[0].start:owners[0].end])!r} states the country"
                     f" {code}")
    if entity is not None:
        hit = choose(entity.entries, when)
        if hit is not None:
            entry, _ = hit
            phrase = " ".join(tokens[entity.start:entity.end])
            if code is None or entry.country == code or entity.code == code:
                row = entry
                rows.append(entry)
                code = code or entry.country
                sector = entry.sector
                steps.append(f"{phrase!r} is {entry.kb_id} ({entry.source})")
            else:
                steps.append(f"{phrase!r} ({entry.kb_id}, {entry.country}) gives way to the "
                             f"country stated")
                if head is None:  # the name's own sector word first ("Defense Department": GOV)
                    sector = _sector_of(phrase.split(), kb) or entry.sector
    if code is None and (row is None or row.country is None):
        # "Islamic State targets in Syria's Hama province": a place after a preposition
        first = next((s for s in later if _owns(tokens, s) and _has_country(s, when)), None)
        if first is not None:
            hit = choose(first.entries, when) if first.entries else None
            code = first.code or (hit[0].country if hit else None)
            steps.append(f"the country {code} from the complement")
    if code is None and row is None and head is not None and head not in NOT_AN_ACTOR:
        place = _city_in(text, tokens[:cut], kb)
        if place:
            code = place[1]
            steps.append(f"{place[0]!r} is a city of {code} (GeoNames)")
    if code is None and row is None:
        return None  # no country, no name: an agent noun at most (`_agent`)
    if office is not None and not former:
        name, office_sector, _ = office
        sector = office_sector
        holder = _holder(kb, code, name, when) if code else None
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
        if not spoken_for or (last not in SPEAKERS and head != "UAF"):
            sector = head
            steps.append(f"the head noun gives the sector {head}")
    if former and (sector in OFFICIAL or office is not None):
        sector = "ELI"
        steps.append("'former' before an office: ELI")
    actor = Actor(entity_text=text, name=row.name if row else None, code=code, sector=sector,
                  role=None, kb_id=row.kb_id if row else None, confidence=0.7)
    if row is not None and row.kind == "place" and row.sector == "PRE" and sector != "PRE":
        actor.role = "partially recognised entity (PRE)"
    return Resolution(actor, "phrase", rows, steps)


def _city_in(text: str, tokens: list[str], kb: KnowledgeBase) -> tuple[str, str] | None:
    """A capitalised word of the mention that is a city ("Kharkiv police", "Lagos University"),
    for a body the knowledge base does not list; sector words and common words are no city."""
    written = {fold(w) for w in re.findall(r"[^\W\d_][\w'-]*", text) if w[0].isupper()}
    for token in tokens:
        if token in written and len(token) > 3 and token not in kb.sectors \
                and token not in kb.adjectives:
            code = city_country(token)
            if code:
                return token, code
    return None


def _has_country(span: _Span, when: date | None) -> bool:
    hit = choose(span.entries, when) if span.entries else None
    return bool(span.code or (hit and hit[0].country))


def _owns(tokens: list[str], span: _Span) -> bool:
    after = tokens[span.end] if span.end < len(tokens) else ""
    before = tokens[span.start - 1] if span.start else ""
    return after not in NOT_OWNER_AFTER and before not in NOT_OWNER_BEFORE


def _spans(tokens: list[str], kb: KnowledgeBase, when: date | None,
           text: str = "") -> list[_Span]:
    """Names inside a phrase, longest first, none overlapping: knowledge-base names (a
    one-word person only where the phrase names a group: "Maduro government") and nationality
    adjectives."""
    used = [False] * len(tokens)
    found: list[_Span] = []
    names_a_group = _sector_of(tokens, kb) is not None
    for size in range(min(len(tokens), 6), 0, -1):
        for i in range(len(tokens) - size + 1):
            if any(used[i:i + size]):
                continue
            phrase = " ".join(tokens[i:i + size])
            entries = kb.names.get(phrase, [])
            if size == 1 < len(tokens) and not names_a_group:
                # "Hassan" inside an unknown "Hassan X" is not Hassan
                entries = [e for e in entries if e.kind != "person"]
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
            found.append(_Span(i, i + size, [] if countries else entries, code))
            used[i:i + size] = [True] * size
    return sorted(found, key=lambda s: s.start)


def _lower_case(text: str, word: str) -> bool:
    written = [w for w in re.findall(r"[\w'-]+", text) if fold(w) == word]
    return bool(written) and all(w.islower() for w in written)


def _holder(kb: KnowledgeBase, code: str, office: str, when: date | None) -> KBEntry | None:
    holders = kb.holders.get(f"{code}:{office}", [])
    if office == "head_of_government" and not holders:
        holders = kb.holders.get(f"{code}:head_of_state", [])  # presidential systems
    covering = [e for e in holders if e.covers(when)]
    return max(covering, key=lambda e: e.start or date.min) if covering else None


def _office(tokens: list[str], kb: KnowledgeBase) -> tuple[str, str, frozenset[str] | None] | None:
    """The right-most office title in the words, longest first."""
    for end in range(len(tokens), 0, -1):
        for size in range(min(kb.max_title_words, end), 0, -1):
            phrase = " ".join(tokens[end - size:end])
            for office in kb.office_titles.get(phrase, ()):
                return office
    return None


def _agent(text: str, tokens: list[str], kb: KnowledgeBase) -> Resolution | None:
    """An agent noun with no name in it: its sector, no country."""
    sector = _sector_of(tokens, kb)
    if sector is None or sector in NOT_AN_ACTOR:
        return None
    steps = [f"the agent noun gives the sector {sector} (no country named)"]
    if any(t in FORMER for t in tokens) and sector in OFFICIAL:
        sector = "ELI"
        steps.append("'former' before an office: ELI")
    return Resolution(Actor(entity_text=text, sector=sector, confidence=0.5), "agent", [], steps)


def _surname(text: str, surname: str, when: date | None, kb: KnowledgeBase,
             people: dict[str, Actor] | None, label: str | None) -> Resolution | None:
    """A surname alone: the person the document named in full, else the one person of that
    name in a dated role on the date (with the model's PERSON label, or a name at least five
    letters long when there is no label)."""
    if people and surname in people:
        seen = people[surname]
        actor = replace(seen, entity_text=text, confidence=min(seen.confidence, 0.7))
        return Resolution(actor, "surname", [], [
            f"{text!r} is {seen.name or seen.entity_text!r}, named in full in the document"])
    if label is None and len(surname) < 5:
        return None
    # the curated layers first; the generated rows (thousands of minor office-holders) only
    # for a name the curated layers lack, and only someone in a role on the date
    everyone = kb.surnames.get(surname, [])
    candidates = [c for c in everyone if not c.source.endswith(".txt")]
    covering = [c for c in (candidates or everyone) if c.covers(when)]
    ids = {c.kb_id for c in covering} or {c.kb_id for c in candidates}
    if len(ids) != 1:
        return None  # no one, or several people of that name on the date
    kb_id = next(iter(ids))
    hit = choose([c for c in everyone if c.kb_id == kb_id], when)
    if hit is None:
        return None
    entry, role = hit
    return Resolution(to_actor(text, entry, role, 0.6), "surname", [entry], [
        f"{text!r}: the one {surname!r} in a dated role on {when}: {entry.kb_id}"])


def _first_and_last(text: str, tokens: list[str], when: date | None,
                    kb: KnowledgeBase) -> Resolution | None:
    """A full name the knowledge base does not list, whose first and last words are one listed
    person's (one person on the date, or one at all): most likely that person, or kin of the
    same country; a weak clue, kept at low confidence."""
    candidates = [c for c in kb.surnames.get(tokens[-1], [])
                  if fold(c.name).split()[0] == tokens[0]]
    covering = [c for c in candidates if c.covers(when)]
    ids = {c.kb_id for c in (covering or candidates)}
    if len(ids) != 1:
        return None
    hit = choose([c for c in candidates if c.kb_id in ids], when)
    if hit is None:
        return None
    entry, role = hit
    return Resolution(to_actor(text, entry, role, 0.5), "surname", [entry], [
        f"{text!r} shares its first and last words with {entry.name!r} ({entry.kb_id})"])


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
    "Pentagon spokesman"); longest phrase first, a country or adjective before a body."""
    body: tuple[str | None, str | None] = (None, None)
    for size in range(min(3, len(tokens)), 0, -1):
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[i:i + size])
            before = tokens[i - 1] if i else ""
            after = tokens[i + size] if i + size < len(tokens) else ""
            if before in NOT_OWNER_BEFORE or after in NOT_OWNER_AFTER:
                continue
            if phrase in kb.adjectives:
                return kb.adjectives[phrase], None
            for entry in kb.names.get(phrase, ()):
                if entry.kind == "country":
                    return entry.country, None
                if entry.kind in {"organisation", "place"} and entry.country and body[0] is None:
                    body = (entry.country, entry.sector)
    return body


def _apply_title(actor: Actor, title: str, kb: KnowledgeBase, when: date | None = None) -> Actor:
    """Titles and appositions ("Venezuelan Transportation Minister") fill what the KB lacks."""
    if not title:
        return actor
    tokens = fold(title).split()
    cut = next((i for i, t in enumerate(tokens) if t in COMPLEMENT and i > 0), len(tokens))
    owner_code, owner_sector = _title_owner(tokens[:cut], kb)
    if actor.code is None:
        actor.code = owner_code
    if any(t in FORMER for t in tokens) or (actor.role or "").startswith("former"):
        # "former President X", or a title the person no longer held on the date
        actor.sector = "ELI" if actor.sector in OFFICIAL or actor.sector is None else actor.sector
        actor.role = actor.role if actor.role and actor.role.startswith("former") else (
            f"former {title.replace('former', '').strip()}")
        return actor
    sector = _sector_of(tokens[:cut], kb)
    office = _office(tokens[:cut], kb)
    if office is not None:
        sector = office[1]
    if owner_sector and (sector is None or tokens[cut - 1] in SPEAKERS):
        sector = owner_sector  # "Pentagon spokesman": the Pentagon's sector, MIL
    # with no date the knowledge base cannot tell which of a person's roles applies: the title
    # the text gives does ("Thai opposition leader Abhisit Vejjajiva")
    undated = when is None and (actor.kb_id or "").startswith("person:")
    if sector and sector not in NOT_AN_ACTOR and (
            actor.sector is None or actor.confidence < 0.9 or undated):
        actor.sector = sector
    if not actor.role:
        words = [w for w in title.split() if fold(w) not in kb.adjectives]
        actor.role = " ".join(words) or None
    actor.confidence = max(actor.confidence, 0.6 if actor.code else 0.3)
    return actor
