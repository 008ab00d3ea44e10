"""The document's `Entity` list (`document_entities`), in ORIGINAL offsets: equipment, the
resolved actor mentions with their labels (a country modifying a noun names the state, not the
place: `data/place_nouns.tsv`; a body "of" a place is that place's; sites and events the model
mislabels), a sector phrase a mention heads ("Kenyan police"), the model's other entities (dates,
numbers, money) and the outlets behind cited URLs.

Reads the document's `Mentions` (`mentions.py`); hands the list to the pipeline and
`coding/document.py`, which store it on the `Document`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sitrep.actors.gazetteer import resolve_place
from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.parties import GROUP_SECTORS
from sitrep.actors.resolve import resolve
from sitrep.entities.equipment import (
    MODEL_LABELS,
    equipment_entities,
    find_facilities,
    find_stations,
    merge_entities,
)
from sitrep.entities.mentions import ACTOR_LABELS, Mention, Mentions
from sitrep.entities.recall import is_title_head, recalled_entities, recalled_places
from sitrep.model import Actor, Document, Entity
from sitrep.resources import place_nouns, read_tsv, word_class
from sitrep.spans import SpanIndex
from sitrep.text.metadata import find_urls, outlet_country


def _sector_phrase(parsed, mention: Mention, sectors: dict[str, str],
                   kb: KnowledgeBase | None = None):
    """"U.S. forces", "Iraqi security forces": a country word modifying a group noun names an
    organisation; returns its span and sector."""
    if mention.label not in {"GPE", "NORP"}:
        return None
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in {"compound", "amod", "nmod"} or head.i <= root.i:
        return None
    sector = sectors.get(head.lower_) or sectors.get(head.lemma_.lower())
    if sector not in GROUP_SECTORS:
        return None
    if kb is not None and is_title_head(head, kb):
        return None  # "the Turkish foreign minister" is a person (entities/recall.py)
    return mention.start, head.idx + len(head), sector


EVENT_NAMES = word_class("event_names")


@lru_cache(maxsize=1)
def site_name_ends() -> dict[str, str]:
    """Last words of a name that is a place even where the model tags an organisation: the
    facility nouns marked so (`data/facility_nouns.tsv`) as FAC, the place nouns as LOC."""
    ends = {row["noun"]: "FAC" for row in read_tsv("facility_nouns.tsv")
            if row["ends_a_place_name"] == "1"}
    return {**{noun: "LOC" for noun in place_nouns(("place",))}, **ends}


def _entity_label(text: str, label: str, actor: Actor) -> str | None:
    """A mention's label as a document entity: an organisation no one knows by that name whose
    name ends in a site or place noun is that place ("Tiyas Military Airfield", "the Ishtar
    Gate", "the Kurdistan Region"); a place whose name ends in an event or document word
    ("the Manama Dialogue", "the G-20 Interfaith Conference") is no entity the document keeps
    (the model's EVENT and LAW are not kept either)."""
    words = fold(text).split()
    if not words:
        return label
    if label == "ORG" and actor.kb_id is None:
        for size in (3, 2, 1):
            site = site_name_ends().get(" ".join(words[-size:]))
            if site and len(words) > size:
                return site
    if label in {"GPE", "LOC", "FAC"} and words[-1] in EVENT_NAMES and len(words) > 1:
        return None
    return label


NEAR = re.compile(r"near\s+(?=\S)", re.IGNORECASE)
OF_PLACE = re.compile(r"(?P<body>\w+)\s+of\s+(?:the\s+)?(?P<place>[A-Z][^,;()]*?)(?:['’]s)?$")
# Bodies whose place is a place of its own in re3d's annotation ("the Government of Iraq", "the
# people of Syria"), unlike a name that only holds one ("the University of Chicago").
PLACE_BODY_SECTORS = GROUP_SECTORS | {"CVL"}


def _place_of_body(parsed, text: str, mention: Mention, kb: KnowledgeBase | None,
                   when: date | None):
    """The country or place a body the knowledge base does not know by name is "of" ("the
    Government of Iraq", "the people of Syria"): a place named inside the body's name, as an
    entity of its own; (start, end, actor) in parsed offsets. A body known by its whole name
    ("Islamic State of Iraq and the Levant") is one name."""
    if kb is None or mention.label != "ORG" or (mention.actor and mention.actor.kb_id):
        return None
    match = OF_PLACE.search(text[mention.start:mention.end])
    if match is None or kb.sectors.get(match.group("body").lower()) not in PLACE_BODY_SECTORS:
        return None
    name = match.group("place")
    if not any(e.kind in {"country", "place"} for e in kb.lookup(name)):
        return None
    start = mention.start + match.start("place")
    actor = resolve(name, when, "GPE", kb)
    return start, start + len(name), actor


# A country word modifies a noun at most this many tokens on ("U.S. service members").
MODIFIER_REACH = 4


def _country_use(parsed, mention: Mention, kb: KnowledgeBase | None) -> str | None:
    """How a country's name modifying a noun that is no place is used: "title" before a title
    for one person ("the U.S. Secretary of State", "U.S. President Obama"), a word of that
    person's title; "state" before another noun ("U.S. airstrikes", "U.K. ships", "U.S.
    assistance"), the state acting or owning, not a place on earth. None elsewhere: before a
    place noun ("the Syria border"), as a possessive ("Syria's Idlib province") or standing
    alone it names the place."""
    if mention.label != "GPE" or not ((mention.actor and mention.actor.kb_id) or "").startswith(
            "country:"):
        return None
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    root, head = span.root, span.root.head
    if not (root.dep_ in {"compound", "nmod", "amod"} and 0 < head.i - root.i <= MODIFIER_REACH
            and head.pos_ in {"NOUN", "PROPN"} and head.lemma_.lower() not in place_nouns()
            and head.ent_type_ not in {"GPE", "LOC", "FAC"}):
        return None
    return "title" if kb is not None and is_title_head(head, kb) else "state"


def _states_not_places(found: list[Entity], uses: dict[tuple[int, int], str]) -> list[Entity]:
    """A country named as the state (`_country_use`) is an ORG; one in a person's title, or
    inside a longer group or title the document already holds ("U.S. service members"), is a
    word of that name, not a second entity."""
    holders = [e for e in found if e.label in {"ORG", "PERSON"}]
    kept = []
    for entity in found:
        use = uses.get((entity.start, entity.end)) if entity.label == "GPE" else None
        if use is not None:
            if use == "title" or any(h.start <= entity.start and entity.end <= h.end
                                     and h.end - h.start > entity.end - entity.start
                                     for h in holders):
                continue
            entity = replace(entity, label="ORG")
        kept.append(entity)
    return kept


PLACE_NOUN_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+(?:the\s+)?$")
PLACE_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-z]+)\b")


def _places_by_their_nouns(text: str, found: list[Entity]) -> list[Entity]:
    """A name no one knows that the text calls a place, after "the town of" or before
    "neighborhood" ("the Syrian town of Dabiq", "the Al-Sinek neighborhood"), is that place
    however the model labelled it, and so is every other unknown mention of that name in the
    document ("Dabiq held symbolic importance")."""
    nouns = place_nouns(("place",))

    def unknown(entity: Entity) -> bool:
        return entity.label in {"ORG", "PERSON"} and entity.kb_id is None

    def named_as_place(entity: Entity) -> bool:
        before = PLACE_NOUN_BEFORE.search(text, max(0, entity.start - 40), entity.start)
        after = PLACE_NOUN_AFTER.match(text, entity.end)
        return any(match and match.group("noun").removesuffix("s") in nouns
                   for match in (before, after))

    places = {fold(e.text) for e in found if unknown(e) and named_as_place(e)}
    if not places:
        return found
    kept = []
    for entity in found:
        if unknown(entity) and fold(entity.text) in places:
            code = resolve_place(entity.text)[1]
            entity = replace(entity, label="GPE" if code else "LOC", code=code, sector=None)
        kept.append(entity)
    return kept


def document_entities(doc: Document, parsed, mentions: Mentions, sectors: dict[str, str]) -> list[Entity]:
    """Entities in ORIGINAL offsets: equipment, resolved actor mentions, the model's other
    entities (dates, numbers, money) and the outlets behind cited URLs."""
    def original(start: int, end: int) -> tuple[int, int]:
        return doc.to_original(start, end)

    text = mentions.text if mentions.text is not None else parsed.text
    found = []
    groups = []
    uses: dict[tuple[int, int], str] = {}
    for mention in mentions.items:
        actor = mention.actor or Actor(entity_text="")
        use = _country_use(parsed, mention, mentions.kb)
        if use is not None:
            uses[original(mention.start, mention.end)] = use
        group = _sector_phrase(parsed, mention, sectors, mentions.kb)
        if group is not None:
            span_start, span_end, sector = group
            groups.append((span_start, span_end))
            start, end = original(span_start, span_end)
            found.append(Entity(start=start, end=end, text=doc.text[start:end], label="ORG",
                                code=actor.code, sector=sector))
            if mention.label != "NORP":
                continue  # "U.S." in "U.S. forces" modifies the group; it is no place here
        near = NEAR.match(text, mention.start, mention.end) \
            if mention.label in {"GPE", "LOC"} else None
        # "Near Palmyra", which the model tagged whole: the place is "Palmyra"
        start, end = original(near.end() if near else mention.start, mention.end)
        label = _entity_label(text[mention.start:mention.end], mention.label, actor)
        if label is None:
            continue
        code = actor.code
        if code is None and label in {"GPE", "LOC"}:
            # a city is no actor the knowledge base lists ("Lagos", "Kano"), but the entity list
            # still says where it is, as it does for the places the model missed (below)
            code = resolve_place(text[near.end() if near else mention.start:mention.end])[1]
        found.append(Entity(start=start, end=end, text=doc.text[start:end], label=label,
                            code=code, sector=actor.sector, kb_id=actor.kb_id))
        place = _place_of_body(parsed, text, mention, mentions.kb, mentions.when)
        if place is not None:
            span_start, span_end, place_actor = place
            start, end = original(span_start, span_end)
            found.append(Entity(start=start, end=end, text=doc.text[start:end], label="GPE",
                                code=place_actor.code, kb_id=place_actor.kb_id))
    taken = [(m.start, m.end, m.label) for m in mentions.items] + [
        (e.start_char, e.end_char, e.label_) for e in parsed.ents if e.label_ not in ACTOR_LABELS]
    taken += [(s, e, "ORG") for s, e in groups]
    if mentions.kb is not None:
        recalled = list(recalled_entities(parsed, mentions.kb, taken))
        for span_start, span_end, label in recalled:
            actor = mentions.resolve_words(text[span_start:span_end], label)
            start, end = original(span_start, span_end)
            found.append(Entity(start=start, end=end, text=doc.text[start:end], label=label,
                                code=actor.code, sector=actor.sector, kb_id=actor.kb_id))
        taken += recalled
        for span_start, span_end in recalled_places(parsed, taken):
            code = resolve_place(text[span_start:span_end])[1]
            start, end = original(span_start, span_end)
            found.append(Entity(start=start, end=end, text=doc.text[start:end],
                                label="GPE" if code else "LOC", code=code))
    found = _places_by_their_nouns(doc.text, _states_not_places(found, uses))
    for ent in parsed.ents:
        if ent.label_ in MODEL_LABELS and ent.label_ not in ACTOR_LABELS:
            start, end = original(ent.start_char, ent.end_char)
            found.append(Entity(start=start, end=end, text=doc.text[start:end], label=ent.label_))
    repaired_text = doc.repaired.text if doc.repaired else doc.text
    outlets = []
    for start, end, url in find_urls(repaired_text):
        source = next((c for c in doc.cited_sources if c.url == url and c.outlet), None)
        if source:
            start, end = original(start, end)
            outlets.append(Entity(start=start, end=end, text=doc.text[start:end], label="ORG",
                                  code=outlet_country(source.outlet or ""), sector="JRN",
                                  kb_id=f"outlet:{source.outlet}"))
    units = set(mentions.kb.sectors) if mentions.kb is not None else set()
    stations = [(*original(start, end), code) for start, end, code
                in find_stations(repaired_text, units)]
    if stations:  # "RAF Akrotiri": the base, not the air force and a town
        within = SpanIndex((start, end) for start, end, _ in stations)
        found = [e for e in found if not within.overlaps(e.start, e.end)] + [
            Entity(start=start, end=end, text=doc.text[start:end], label="FAC", code=code)
            for start, end, code in stations]
    repaired_sites = [original(start, end) for start, end in find_facilities(repaired_text)]
    named = SpanIndex((m.start, m.end) for m in found if m.label in {"GPE", "LOC", "FAC", "PERSON"})
    sites = [Entity(start=s, end=e, text=doc.text[s:e], label="FAC") for s, e in repaired_sites
             if not named.overlaps(s, e)]
    # sites nest over what names them ("VBIED facility" holds the weapon "VBIED")
    merged = merge_entities(equipment_entities(doc) + outlets, found) + sites
    return sorted(merged, key=lambda e: (e.start, e.end))
