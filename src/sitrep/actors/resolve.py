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
             that surname whose dated role covers the date; several of one country: the country;
             a surname thousands bear (data/common_surnames.tsv) only the first way.

A full name many bear ("Stephen Smith": a common given name and a common surname,
`names.is_common_pair`) is a listed person by rules 1 and 2 only with support (`_backed`): a
title of theirs in the mention, the person named with one elsewhere in the document, their
country named in the sentence or their office in the document (`names.Support`).

"former", "ex-", "retired", "ousted" and "exiled" before an office follow PLOVER's agent list
(FORMER_PRESIDENT, RETIRED_GENERAL, OUSTED_LEADER: ELI). A partially recognised state (South
Ossetia, Transnistria, Somaliland, Northern Cyprus, ...) is the state it broke from with the
sector PRE, as the PLOVER manual's section on partially recognised entities says.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from sitrep.actors import names
from sitrep.actors.groups import group_of
from sitrep.actors.knowledge import KBEntry, KnowledgeBase, fold, shipped_kb
from sitrep.actors.name_shape import (
    CONJUNCTIONS,
    JOINED_INITIALS,
    capitalised_tail,
    ends_title,
    looks_like_name,
    lower_case_name,
    name_word,
)
from sitrep.actors.phrases import (
    COMPLEMENT,
    FORMER,
    NOT_OWNER_AFTER,
    NOT_OWNER_BEFORE,
    OFFICIAL,
    SPEAKERS,
    Resolution,
    choose,
    resolve_phrase,
    to_actor,
)
from sitrep.actors.titles import NOT_AN_ACTOR, office_in, sector_of
from sitrep.model import Actor
from sitrep.resources import read_tsv, word_class

__all__ = ["Resolution", "choose", "explain", "memoised", "resolve", "to_actor"]

HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|dame|madam|mme|m)\.?\s+", re.IGNORECASE)

def resolve(text: str, when: date | None = None, label: str | None = None,
            kb: KnowledgeBase | None = None, title: str = "",
            people: dict[str, Actor] | None = None,
            support: names.Support | None = None) -> Actor:
    """Resolve a mention ("Caracas", "Maduro's government", "former President Hugo Chávez",
    "riot police") to an `Actor`; `people` maps surnames the document named in full to them,
    `support` is what the document says that backs a common full name."""
    if title or people or support or kb is None or kb is not _MEMO_KB:
        return explain(text, when, label, kb, title, people, support).actor
    key = (text, when, label)
    known = _RESOLVED.get(key)
    if known is not None:
        _RESOLVED.move_to_end(key)
        return replace(known)  # a copy: callers may set a role or a code on theirs
    actor = explain(text, when, label, kb).actor
    _RESOLVED[key] = replace(actor)
    if len(_RESOLVED) > RESOLVED_CACHE_SIZE:
        _RESOLVED.popitem(last=False)
    return actor


# The same names come back document after document ("Israel", "the police" on the same date).
# While a coder codes a batch (`memoised`), its knowledge base does not change, so what a name
# alone (no title, no people named earlier in the document) resolves to is kept, for the last
# few thousand names; the memo is dropped when the outermost block ends (a batch, or a whole
# run of `Coder.pipe`, whose batches share it).
_RESOLVED: OrderedDict[tuple[str, date | None, str | None], Actor] = OrderedDict()
_MEMO_KB: KnowledgeBase | None = None
RESOLVED_CACHE_SIZE = 4096


@contextmanager
def memoised(kb: KnowledgeBase) -> Iterator[None]:
    """Within the block, `resolve` keeps what names resolve to in `kb` (which must not change)."""
    global _MEMO_KB
    previous = _MEMO_KB
    if kb is not previous:
        _RESOLVED.clear()
    _MEMO_KB = kb
    try:
        yield
    finally:
        _MEMO_KB = previous
        if previous is not kb:
            _RESOLVED.clear()


def explain(text: str, when: date | None = None, label: str | None = None,
            kb: KnowledgeBase | None = None, title: str = "",
            people: dict[str, Actor] | None = None,
            support: names.Support | None = None) -> Resolution:
    """`resolve`, with the rule that decided and the knowledge-base rows it read."""
    kb = kb or shipped_kb()
    honorific = HONORIFIC.match(text.strip())
    text = HONORIFIC.sub("", text.strip()) or text
    folded = fold(text)
    stated = _title_owner(fold(title).split(), kb)[0] if title else None
    context = _Context(fold(title).split(), people, support)
    found = _resolve(text, folded, when, label, kb, people, stated, context)
    if honorific and found.rule == "agent" and folded.split()[-1] not in word_class(
            "addressed_offices"):
        # "Mr Dean", "Ms King": a surname, not the dean or the king ("Mr President" is one)
        found = Resolution(Actor(entity_text=text, confidence=0.2), "unknown", [], [
            f"{text!r} after {honorific.group(0).strip()!r} is a surname, not an agent noun"])
    if title:
        found.steps.append(f"title {title!r} applied")
        found.actor = _apply_title(found.actor, title, kb, when)
    before = _successions().get(found.actor.code or "")
    if before and when is not None and when < before[1]:
        found.steps.append(f"{found.actor.code} became independent on {before[1]}: "
                           f"{before[0]} on {when}")
        found.actor.code = before[0]
        if (found.actor.kb_id or "").startswith("place:") and found.actor.sector == "GOV":
            found.actor.sector = None  # the new state's capital stood for no government then
    return found


@lru_cache(maxsize=1)
def _successions() -> dict[str, tuple[str, date]]:
    """A state's code -> the state it was part of, and the day it became independent
    (`data/successions.tsv`)."""
    return {row["code"]: (row["before"], date.fromisoformat(row["independent"]))
            for row in read_tsv("successions.tsv")}


def _of_country(entries: list[KBEntry], code: str | None) -> list[KBEntry]:
    """People of the country a title states, when the name has some ("Jordan's King Abdullah")."""
    if code and any(e.kind == "person" and e.country == code for e in entries):
        return [e for e in entries if e.kind != "person" or e.country == code]
    return entries


@dataclass(frozen=True)
class _Context:
    """What backs a common full name: the title before the mention, the people the document
    named in full before it, and what the document says around it."""

    title: list[str]
    people: dict[str, Actor] | None = None
    support: names.Support | None = None


def _resolve(text: str, folded: str, when: date | None, label: str | None, kb: KnowledgeBase,
             people: dict[str, Actor] | None, stated: str | None = None,
             context: _Context | None = None) -> Resolution:
    context = context or _Context([], people)
    entries = _of_country(kb.names.get(folded, []), stated)
    if entries and " " not in folded and text.strip().islower():
        # "who", "ice": a body's short name only when written as one
        entries = [e for e in entries if e.kind in {"country", "place"}]
    # "Hassan" alone names no one, as such a surname does not (`_surname`: the document's own
    # people first), nor does a given name ("Albert") name a Phoenix row's monarch
    entries = names.without_namesakes(folded, entries, kb.shared_given_names)
    entries, backing = _backed(folded, entries, kb, context)
    direct = choose(entries, when)
    if direct:
        entry, role = direct
        return Resolution(to_actor(text, entry, role, 0.9), "name", [entry],
                          [f"{text!r} is a name of {entry.kb_id} ({entry.source})", *backing])
    tokens = folded.split()
    owners = _Context([], people, context.support)
    group = group_of(text, lambda owner: _resolve(owner, fold(owner), when, None, kb, people,
                                                  None, owners).actor)
    if group:
        return group
    if label in (None, "PERSON") and JOINED_INITIALS.fullmatch(text.strip()):
        # "R.T. Erdogan": initials written together fold to one word ("rt"), not a title
        spaced = re.sub(r"([A-Z])\.(?=[A-Z])", r"\1. ", text.strip())
        keyed = _person_by_keys(text, fold(spaced), when, kb)
        if keyed:
            return keyed
    titled = _titled_person(text, tokens, when, label, kb, context)
    if titled:
        return titled
    if label in (None, "PERSON") and looks_like_name(text):
        keyed = _person_by_keys(text, folded, when, kb)
        if keyed:
            return keyed
    phrase = resolve_phrase(text, tokens, when, kb, lambda start, end, rows: _backed(
        " ".join(tokens[start:end]), rows, kb,
        replace(context, title=context.title + tokens[:start]))[0])
    if phrase and _unlisted_person(text, tokens, label, kb) and \
            not (phrase.actor.kb_id or "").startswith("person:"):
        backing.append(f"{text!r}, a given name and a name, is a person the knowledge base "
                       f"does not list, not {phrase.actor.kb_id or phrase.actor.code}")
    elif phrase:
        return _named_for_place(phrase, tokens, label)
    # "Claude King", "Christian Harris": a given name and a surname, not the king or a Christian
    agent = None if _unlisted_person(text, tokens, label, kb) or \
        lower_case_name(text, tokens, label) else _agent(text, tokens, kb)
    if agent:
        return agent
    if label in (None, "PERSON") and len(tokens) == 1 and looks_like_name(text):
        by_surname = _surname(text, tokens[0], when, kb, people, label)
        if by_surname:
            return by_surname
    if label == "PERSON" and len(tokens) > 1:
        namesake = _first_and_last(text, tokens, when, kb)
        if namesake:
            return namesake
    return Resolution(Actor(entity_text=text, confidence=0.2), "unknown", [],
                      [*backing, f"no rule resolves {text!r}"])


def _named_for_place(found: Resolution, tokens: list[str], label: str | None) -> Resolution:
    """A body the model tagged, named for a place and one word the resolver does not know ("ITV
    London", "Lycos Europe", "the Tehran Times"): in the place's country if it has one, but not
    the place, and not its government (a capital stands for it only named alone). Longer names
    are left as they were ("Santa Rosa de Lima" is a town)."""
    row = found.rows[0] if len(found.rows) == 1 else None
    words = [t for t in tokens if t != "the"]
    if label != "ORG" or row is None or row.kind != "place" or \
            found.actor.kb_id != row.kb_id or len(words) != len(fold(row.name).split()) + 1 or \
            any(step.startswith(("the head noun", "the title")) for step in found.steps):
        return found
    sector = None if found.actor.sector == row.sector else found.actor.sector
    actor = Actor(entity_text=found.actor.entity_text, code=found.actor.code, sector=sector,
                  confidence=0.5 if found.actor.code else 0.2)
    return Resolution(actor, "phrase", found.rows, [
        *found.steps, f"a body named for {row.name!r}, not the place or its government"])


def _backed(folded: str, entries: list[KBEntry], kb: KnowledgeBase,
            context: _Context) -> tuple[list[KBEntry], list[str]]:
    """A full name many people bear ("Stephen Smith", "Sergei Ivanov": `names.is_common_pair`)
    stands for a listed person only with support: in a sports, business or culture story most
    bearers are other people, and a wrong country is worse than none. The person's rows are
    kept, with the step that says what backed them, when a title of theirs comes before the
    name, or the document names them with a title elsewhere (or in full before, `people`), or
    their country is named in the sentence or their office in the document (`names.Support`);
    else only the bodies and places of that name stay. A name looked up alone, with no
    document and no title, is the listed person (the step says the name is common). Heads of
    state and government are no exception: Paul Martin and John Howard were heads of
    government, Pedro Sánchez and Li Qiang are, and political copy about them names their
    country or office anyway."""
    if not names.is_common_pair(folded):
        return entries, []
    if context.support is None and not context.title:
        # a name looked up alone, outside any document ("sitrep actors resolve", a brief's
        # focus): whoever asks means the listed person; in a document the rule applies
        people = sorted({e.kb_id for e in entries if e.kind == "person"})
        return entries, [f"{folded!r} is a name many bear, looked up with no document: "
                         f"taken as {', '.join(people)}"] if people else []
    rows: dict[str, list[KBEntry]] = {}
    for entry in entries:
        if entry.kind == "person":
            rows.setdefault(entry.kb_id, []).append(entry)
    steps, backed = [], set()
    for kb_id, own in rows.items():
        reason = _backing(kb_id, own, kb, context)
        steps.append(f"{folded!r} is a name many bear: {kb_id} " + (
            f"backed by {reason}" if reason else "not backed by the mention or the document"))
        if reason:
            backed.add(kb_id)
    return [e for e in entries if e.kind != "person" or e.kb_id in backed], steps


def _backing(kb_id: str, rows: list[KBEntry], kb: KnowledgeBase, context: _Context) -> str | None:
    """What backs one listed bearer of a common full name, if anything (`_backed`)."""
    countries = {r.country for r in rows if r.country}
    offices = {r.office for r in rows if r.office}
    title = context.title
    if title:
        owner = _title_owner(title, kb)[0]
        office = office_in(title, kb)
        sectors = {r.sector for r in rows} | {s for o in offices for s in _office_sectors(kb, o)}
        if owner is None or owner in countries:
            if (office[0] in offices) if office else (sector_of(title, kb) in sectors):
                return f"the title {' '.join(title)!r}"
            if owner:
                return f"the country in the title {' '.join(title)!r}"
    if context.people and any(a.kb_id == kb_id for a in context.people.values()):
        return "the document's earlier mention"
    support = context.support
    if support is None:
        return None
    if kb_id in support.people:
        return "the document's mention with a title"
    if countries & support.countries:
        return f"the sentence's {sorted(countries & support.countries)[0]}"
    if offices & support.offices:
        return f"the document's {sorted(offices & support.offices)[0]}"
    return None


def _office_sectors(kb: KnowledgeBase, office: str) -> set[str]:
    """The sectors an office's holders act in (`data/offices.tsv`)."""
    return {sector for options in kb.office_titles.values() for name, sector, _ in options
            if name == office}


def _unlisted_person(text: str, tokens: list[str], label: str | None,
                     kb: KnowledgeBase) -> bool:
    """Whether a mention the model took for a person (or for a body, `name_word`) is a given
    name and one more name word ("Sofia Coppola", "Tony Jordan", "Leonardo DiCaprio", initials
    between changing nothing): a person the knowledge base does not list, not the place,
    country or body a word of it names."""
    words = [t for t in tokens if len(t) > 1]
    return label in {"PERSON", "ORG"} and len(words) == 2 and looks_like_name(text) and \
        words[0] in kb.given_names and words[0] not in names.PARTICLES and \
        words[0] not in word_class("name_titles") and words[0] not in names.TITLES and \
        words[0] not in kb.adjectives and (label == "PERSON" or (
            all(e.kind == "organisation" for e in kb.names.get(words[0], ()))
            and name_word(words[1], kb)))


def _titled_person(text: str, tokens: list[str], when: date | None, label: str | None,
                   kb: KnowledgeBase, context: _Context) -> Resolution | None:
    """A known person's name at the end, titles before it: a listed name first, then one fitted
    by spelling ("Deputy President X" is X's listed name after "Deputy President", not
    "President X" fitted by spelling after "Deputy")."""
    for by_keys in (False, True):  # every split by listed names first, then by spelling
        for i in range(1, len(tokens)):
            suffix = " ".join(tokens[i:])
            listed = kb.names.get(suffix, [])
            people = {e.kb_id for e in listed if e.kind == "person"}
            # a person's rows, with the undated identity a dictionary may give them as a country
            entries = _of_country([e for e in listed if e.kb_id in people],
                                  _title_owner(tokens[:i], kb)[0])
            rule = "titled"
            if by_keys and not entries and len(tokens) - i >= 2 and \
                    capitalised_tail(text, len(tokens) - i):
                keyed = _keyed_people(suffix, when, kb)
                if keyed:
                    entries, rule = keyed
            entries, backing = _backed(suffix, entries, kb, replace(
                context, title=context.title + tokens[:i]))
            hit = choose(entries, when)
            if hit is None or CONJUNCTIONS & set(tokens[:i]) or \
                    not ends_title(text, tokens[i - 1], kb):
                continue  # "security forces and Hassan", "Yameen Abdul Gayoom": no title before
            entry, role = hit
            title = " ".join(tokens[:i])
            actor = _apply_title(to_actor(text, entry, role, 0.85), title, kb, when)
            return Resolution(actor, rule, [entry], [
                f"{suffix!r} is a name of {entry.kb_id} ({entry.source})",
                f"{title!r} read as its title", *backing])
    return None


def _keyed_people(folded: str, when: date | None,
                  kb: KnowledgeBase) -> tuple[list[KBEntry], str] | None:
    """The one person a name written with initials, a nickname or another spelling fits."""
    tokens = names.name_tokens(folded)
    if tokens and names.surname_of(tokens) in names.common_surnames():
        return None  # "Mohammed Ali", "J. Smith": many fit, not just a listed "Mohamed Irfaan Ali"
    if names.is_initialled(folded):
        key = names.initial_key(folded)
        candidates, rule = (kb.initials.get(key, []) if key else []), "initials"
    else:
        candidates, rule = [], "spelling"
        # a surname of fewer than three consonants ("Peel", "Paul": "pl") fits too many words
        # spelt another way: it must be written as the listed person's
        last = names.surname_of(tokens).split()[-1] if tokens else ""
        short = len(names.skeleton(last)) < 3
        for key in names.loose_keys(folded):
            candidates.extend(e for e in kb.loose.get(key, []) if e not in candidates and (
                not short or last in fold(e.name).split()))
    # the curated layers only: the generated Phoenix rows' variants are too loose for this
    candidates = [e for e in candidates if not e.generated]
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


def _agent(text: str, tokens: list[str], kb: KnowledgeBase) -> Resolution | None:
    """An agent noun with no name in it: its sector, no country."""
    sector = sector_of(tokens, kb)
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
    if surname in names.common_surnames() or surname in names.common_given_names():
        # "Smith", "Garcia": thousands share it; "Richard", "Alexander": millions bear it as a
        # given name (a singer, a film's title); the document must name the person
        return None
    # the curated layers first; the generated rows (thousands of minor office-holders) only
    # for a name the curated layers lack, and only someone in a role on the date
    everyone = kb.surnames.get(surname, [])
    candidates = [c for c in everyone if not c.generated]
    covering = [c for c in (candidates or everyone) if c.covers(when)]
    # a surname that is also a given name ("Sharon") names its one curated bearer alone on a
    # date only while a row of theirs covers it: Ariel Sharon in 2003, no one in 2022
    ids = {c.kb_id for c in covering} or (
        {c.kb_id for c in candidates} if when is None or surname not in kb.given_names else set())
    if len(ids) > 1 and candidates:
        return _kin(text, surname, covering or candidates, bool(covering))
    if len(ids) != 1:
        return None  # no one, or several people of that name on the date
    kb_id = next(iter(ids))
    hit = choose([c for c in everyone if c.kb_id == kb_id], when)
    if hit is None:
        return None
    entry, role = hit
    return Resolution(to_actor(text, entry, role, 0.6), "surname", [entry], [
        f"{text!r}: the one {surname!r} in a dated role on {when}: {entry.kb_id}"])


def _kin(text: str, surname: str, namesakes: list[KBEntry], dated: bool) -> Resolution | None:
    """Several curated people of that surname, all of one country (a political family: two
    presidents Bush, the Bhuttos): which one is not known, their country is; and their sector,
    when all of them hold roles of one sector on the date (two US officials named Sullivan)."""
    countries = {c.country for c in namesakes}
    if len(countries) != 1 or None in countries:
        return None
    code = next(iter(countries))
    sectors = {c.sector for c in namesakes}
    sector = next(iter(sectors)) if dated and len(sectors) == 1 else None
    return Resolution(Actor(entity_text=text, code=code, sector=sector, confidence=0.5),
                      "surname", namesakes, [
        f"{text!r}: {len({c.kb_id for c in namesakes})} curated people named {surname!r}, "
        f"all of {code}"])


def _first_and_last(text: str, tokens: list[str], when: date | None,
                    kb: KnowledgeBase) -> Resolution | None:
    """A full name the knowledge base does not list, whose first and last words are one listed
    person's (one person on the date, or one at all): most likely that person, or kin of the
    same country; a weak clue, kept at low confidence."""
    if tokens[-1] in names.common_surnames():
        return None  # "John Smith" is not "John Hilary Smith": too many people share the name
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
    # with no date the knowledge base cannot tell which of a person's roles applies: the title
    # the text gives does ("Thai opposition leader Abhisit Vejjajiva"; "President X" is no
    # former president whatever the person's undated row says)
    undated = when is None and (actor.kb_id or "").startswith("person:")
    if undated and (actor.role or "").startswith("former") and \
            not any(t in FORMER for t in tokens):
        actor.role = None
    if any(t in FORMER for t in tokens) or (actor.role or "").startswith("former"):
        # "former President X", or a title the person no longer held on the date; a former
        # office the title names is ELI whatever the person does now ("former President X" who
        # leads an opposition party: PLOVER's FORMER_PRESIDENT)
        stated = [t for t in tokens[:cut] if t not in FORMER]
        office = office_in(stated, kb)
        named = office[1] if office is not None else sector_of(stated, kb)
        if named is None and (actor.role or "").startswith("former"):
            # the name's own variant held the office ("former" + "President Jacob Zuma")
            held = [t for t in fold(actor.role or "").split() if t not in FORMER]
            office = office_in(held, kb)
            named = office[1] if office is not None else sector_of(held, kb)
        if actor.sector in OFFICIAL or actor.sector is None or (
                named in OFFICIAL and any(t in FORMER for t in tokens)):
            actor.sector = "ELI"
        actor.role = actor.role if actor.role and actor.role.startswith("former") else (
            f"former {title.replace('former', '').strip()}")
        return actor
    sector = sector_of(tokens[:cut], kb)
    office = office_in(tokens[:cut], kb)
    if office is not None:
        sector = office[1]
    if owner_sector and owner_sector != "PRE" and (sector is None or tokens[cut - 1] in SPEAKERS):
        # "Pentagon spokesman": the Pentagon's sector, MIL; a breakaway state's PRE is no
        # sector of the person its title names ("Abkhaz leader X": X's own, GOV)
        sector = owner_sector
    if sector and sector not in NOT_AN_ACTOR and (
            actor.sector is None or actor.confidence < 0.9 or undated):
        actor.sector = sector
    if not actor.role:
        words = [w for w in title.split() if fold(w) not in kb.adjectives]
        actor.role = " ".join(words) or None
    actor.confidence = max(actor.confidence, 0.6 if actor.code else 0.3)
    return actor
