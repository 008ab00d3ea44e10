"""The one document model that flows through sitrep's stages.

A `Document` is read (reading), repaired (repair), described (metadata), parsed (parsing),
its mentions resolved to actors (actors) and its events coded (events). Every span kept on the
model is a pair of character offsets into the ORIGINAL text (`Document.text`), so any fact can be
traced to the exact characters a reporter wrote, however much the text was repaired before parsing.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """The document key: SHA-256 of the original text, so the same text is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Repair:
    """One change made to the scraped text: its kind, the original span and what replaced it."""

    kind: str  # "missing-space", "lowercase-sentence-start", ...
    start: int  # offsets into the original text
    end: int
    original: str
    replacement: str


@dataclass
class RepairedText:
    """Repaired text plus a map from each of its characters back to the original.

    `offsets[i]` is the original offset of repaired character i; `offsets[len(text)]` is
    `len(original)`, so that the end of a span maps too.
    """

    original: str
    text: str
    offsets: list[int]
    repairs: list[Repair] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the repaired text to the original text."""
        if start >= end:
            pos = self.offsets[start]
            return pos, pos
        # An inserted character maps to the original character after it; a span must not end on
        # one, or its end would reach one character too far.
        while end - 1 > start and self.offsets[end - 1] == self.offsets[end]:
            end -= 1
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class CitedSource:
    url: str
    outlet: str | None = None
    date: str | None = None  # ISO date found in the URL path, if any


@dataclass
class Entity:
    """A named mention: offsets into the original text."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, DATE, CARDINAL, MONEY, QUANTITY, EQUIPMENT
    code: str | None = None  # country code (ISO 3166-1 alpha-3 or a dictionary code)
    sector: str | None = None  # PLOVER sector (GOV, MIL, BUS, JRN, ...)
    kb_id: str | None = None
    kind: str | None = None  # equipment kind (combat aircraft, ...)
    category: str | None = None  # equipment category (combat aircraft, air defence, sensors, ...)
    origin: str | None = None  # equipment country of origin


@dataclass
class Actor:
    entity_text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    confidence: float = 0.0


@dataclass
class Item:
    text: str
    quantity: float | None = None
    item: str | None = None
    kind: str | None = None
    action: str | None = None
    provider: str | None = None
    term_years: float | None = None
    amount: float | None = None
    currency: str | None = None


@dataclass
class Attribution:
    outlet: str | None = None
    basis: str | None = None
    url: str | None = None
    date: str | None = None


@dataclass
class Place:
    extracted_place: str | None = None
    resolved_place: str | None = None
    country_code: str | None = None


@dataclass
class TextInfo:
    sentence: str
    start: int  # offsets of the evidence span in the original text
    end: int


@dataclass
class Event:
    """One PLOVER event; field names follow PLOVER where it has them (docs/event-schema.md)."""

    id: str
    doc_id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    quad_code: int | None = None
    event_scale: float | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    intermediary: list[Actor] = field(default_factory=list)
    date: str | None = None
    enddate: str | None = None
    date_text: str | None = None
    # What the dates rest on: "text" (the sentence dates it), "report" (no date of its own: it
    # happened by the report, within the window up to it), "standing" (a standing relation or
    # characterisation, true as of the report, not a happening).
    date_basis: str | None = None
    event_loc: Place = field(default_factory=Place)
    event_text: str = ""
    modality: str = "asserted"
    # How likely a hypothetical event is judged: "likely", "possible" or "unlikely".
    likelihood: str | None = None
    items: list[Item] = field(default_factory=list)
    attribution: Attribution | None = None
    text_info: TextInfo | None = None
    confidence: float = 0.0
    # How deep the trigger sits below its sentence's root (0: the main verb), and whether this is
    # the sentence's main event (coding/document.py `main_event`: least deep, then most confident).
    depth: int = 0
    main: bool = True
    # The actors act with one another ("X and Y met / agreed / signed a pact / fought"): PLOVER
    # lists them all as actors with no recipient; read as dyads, each acts towards each other.
    reciprocal: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def dyads(self) -> list[tuple[Actor, Actor]]:
        """The directed (actor, recipient) pairs the event stands for: each actor towards each
        recipient; for a reciprocal act, each actor towards each other one, in text order, so
        the first pair is the first party named towards the second (the convention of dyadic
        event data, e.g. CAMEO's, and of sentence gold that gives one source and one target)."""
        if not self.reciprocal:
            return [(a, r) for a in self.actor for r in self.recipient]
        return [(a, b) for a in self.actor for b in self.actor
                if a is not b and not _same_side(a, b)]


def _same_side(a: Actor, b: Actor) -> bool:
    return (a.code, a.kb_id, a.entity_text) == (b.code, b.kb_id, b.entity_text) or bool(
        a.code and a.code == b.code and side_of(a) == side_of(b))


# A country's state: the sectors that act for it (actors/parties.py AUTHORITY_SECTORS).
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG", "MIL", "SPY"})


def side_of(actor: Actor) -> str:
    """Which side of its country a party is on: its state (or the country named alone), else its
    own sector ("the Ethiopian government and the Oromo Liberation Army": two sides, two
    parties of one country, as the real-news coders write a government and its rebels)."""
    return "state" if not actor.sector or actor.sector in STATE_SECTORS else actor.sector


@dataclass
class Document:
    """A news document as read, and everything the stages learn about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date stated by the input, its HTML or its URL
    published_not_before: str | None = None  # latest date among cited URLs when none is stated
    language: str = "en"
    source_path: str | None = None
    content_hash: str = ""
    truncated: bool = False
    cited_sources: list[CitedSource] = field(default_factory=list)
    repaired: RepairedText | None = None
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A span of the repaired text (what was parsed) as a span of the original text."""
        return self.repaired.to_original(start, end) if self.repaired else (start, end)

    @property
    def reference_date(self) -> str | None:
        """The date relative expressions are read against: stated, else inferred."""
        return self.published or self.published_not_before
