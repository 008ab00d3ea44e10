"""Support: what a document says that backs a full name many people bear as one listed person.

A name such as "Stephen Smith" (a common given name and a common surname, `names.is_common_pair`)
is a listed office-holder only when the mention or the document backs it (actors/resolve.py
`_backed`; docs/actors.md "common full names"). The entity stage gathers, for such a mention, the
countries its sentence names, the offices the document names by a title, and the people the
document names with a title elsewhere, the way it gathers the people named in full for a
surname alone (`find_mentions`' `people_seen`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import Any

from sitrep.actors import names
from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.resolve import resolve
from sitrep.model import Actor
from sitrep.resources import word_class

# The model's labels of names that can state a country: a country, a people, a body, a place.
PLACING_LABELS = {"GPE", "NORP", "ORG", "LOC", "FAC"}
# Sectors of bodies that field no sports team under their own name.
TEAMLESS = {"REB", "PTY", "UAF", "PRM", "MIL", "CRM", "SPY"}
SPORT_NOUNS = word_class("sport_nouns")
SHARED_OFFICE_TITLES = word_class("shared_office_titles")


class DocumentSupport:
    """Built once per document; `for_name` answers per mention, and only for common full
    names (every other mention resolves as before, from the memo)."""

    def __init__(self, parsed, kb: KnowledgeBase, when: date | None,
                 title_of: Callable[[Any], str]):
        self.parsed = parsed
        self.kb = kb
        self.when = when
        self.title_of = title_of  # a name's title words before it, from the parse
        self._countries: dict[int, frozenset[str]] = {}
        self._bearers: dict[int, Actor] = {}  # a full name's resolution, by its start

    def for_name(self, span) -> names.Support | None:
        """What backs the name `span` (a spaCy span), if it is a common full name."""
        if not names.is_common_pair(fold(span.text)):
            return None
        return names.Support(self.sentence_countries(span.sent), self.offices, self.people)

    def sentence_countries(self, sent) -> frozenset[str]:
        """The countries a sentence names: a country, a nationality, or a body or place of one
        ("Canberra", "the Pentagon")."""
        known = self._countries.get(sent.start)
        if known is None:
            codes = set()
            for ent in sent.ents:
                if ent.label_ not in PLACING_LABELS:
                    continue
                folded = fold(ent.text)
                code = self.kb.adjectives.get(folded) or next(
                    (e.country for e in self.kb.names.get(folded, ())
                     if e.kind in {"country", "organisation", "place"} and e.country), None)
                if code:
                    codes.add(code)
            known = self._countries[sent.start] = frozenset(codes)
        return known

    @cached_property
    def offices(self) -> frozenset[str]:
        """The offices (`data/offices.tsv`) the document names by a title of their own ("the
        defence minister"), not by one that clubs and companies use too ("president",
        `shared_office_titles` in `data/word_classes.tsv`)."""
        words = [fold(t.text) for t in self.parsed if not t.is_punct and fold(t.text)]
        found: set[str] = set()
        for start in range(len(words)):
            for size in range(1, self.kb.max_title_words + 1):
                phrase = " ".join(words[start:start + size])
                if phrase not in SHARED_OFFICE_TITLES:
                    found.update(office for office, _, _ in self.kb.office_titles.get(phrase, ()))
        return frozenset(found)

    @cached_property
    def people(self) -> frozenset[str]:
        """The listed people the document names with a title or office that backs them
        ("Defence Minister Stephen Smith"): a bare "Stephen Smith" elsewhere is that person."""
        found = set()
        for ent in self.parsed.ents:
            if ent.label_ != "PERSON":
                continue
            title = self.title_of(ent)
            if title or len(ent) > 2:  # a title before the name, or in it
                # checked as in a document that backs nothing else: the title must be theirs
                actor = resolve(ent.text, self.when, "PERSON", self.kb, title=title,
                                support=names.Support())
                if (actor.kb_id or "").startswith("person:"):
                    found.add(actor.kb_id or "")
        return frozenset(found)

    @cached_property
    def full_names(self) -> dict[str, list]:
        """The people the document names in full (the model's PERSONs of two words or more), by
        surname."""
        found: dict[str, list] = {}
        for ent in self.parsed.ents:
            words = fold(ent.text).split()
            if ent.label_ == "PERSON" and len(words) > 1:
                found.setdefault(words[-1], []).append(ent)
        return found

    def someone_else(self, span, actor: Actor, label: str) -> bool:
        """Whether the listed person or body the resolver gave a name is rather someone the
        document means by it: a person it names in full (`another_bearer`) or a team
        (`a_team`)."""
        return label == "PERSON" and self.another_bearer(span, actor) or self.a_team(span, actor)

    def another_bearer(self, span, actor: Actor) -> bool:
        """Whether a surname alone the resolver gave a listed person's row ("Mann": Shwe Mann)
        is rather someone else the document names in full ("Michael Mann", whom the knowledge
        base does not know): none of the document's full names of that surname is that person,
        or of that country."""
        words = fold(span.text).split()
        if len(words) == 1 and not actor.code and not actor.kb_id and actor.sector and \
                self.kb.sectors.get(words[0]) == actor.sector:
            # "Dean" after "Rick Dean": the surname of someone the document names, no dean
            return bool(self.full_names.get(words[0]))
        if len(words) != 1 or not actor.code or not (
                actor.kb_id is None or actor.kb_id.startswith("person:")):
            return False
        bearers = self.full_names.get(words[0], [])
        for ent in bearers:
            other = self._bearer(ent)
            if other.kb_id == actor.kb_id if actor.kb_id else other.code == actor.code:
                return False
        return bool(bearers)

    def _bearer(self, ent) -> Actor:
        """A full name of the document resolved once, however many times its surname recurs."""
        known = self._bearers.get(ent.start)
        if known is None:
            known = self._bearers[ent.start] = resolve(
                ent.text, self.when, "PERSON", self.kb, title=self.title_of(ent),
                support=self.for_name(ent))
        return known

    def a_team(self, span, actor: Actor) -> bool:
        """Whether a body the resolver found is rather a team: an armed group, party or force
        named by one plural word ("the Tigers", "Falcons"; not an acronym) in a sentence of a
        sports story ("the Tigers' coach criticised the league")."""
        words = [t for t in span if t.lower_ != "the" and not t.is_punct and t.text != "'s"]
        if len(words) != 1 or actor.sector not in TEAMLESS or words[0].text.isupper() or \
                not words[0].lower_.endswith("s") or \
                not (actor.kb_id or "").startswith(("org:", "organisation:")):
            return False
        return any(t.lemma_.lower() in SPORT_NOUNS for t in span.sent)


def may_be(text: str, seen: Actor) -> bool:
    """Whether a name the resolver left unknown may be the person of that surname the document
    named before (`seen`): any name may, except a full name many bear that is not theirs ("John
    Smith" after "Foreign Minister Stephen Smith")."""
    folded = fold(text)
    if not names.is_common_pair(folded):
        return True
    return fold(seen.entity_text).endswith(folded) or fold(seen.name or "") == folded
