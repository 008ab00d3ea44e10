"""Mentions: the parsed text's names resolved to actors, and the document's entities.

From the spaCy parse (`text/parsing.py`) and the knowledge base (`actors/`): every PERSON, ORG,
GPE, NORP, LOC and FAC the model tags, corrected where the knowledge base knows better, plus names
the knowledge base knows that the model missed. Hands on `Mentions` (findable by token) to the
coder, and the document's `Entity` list (equipment, outlets, sites; ORIGINAL offsets).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache

from sitrep.actors.gazetteer import city_country, resolve_place
from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.names import Support
from sitrep.actors.parties import GROUP_SECTORS
from sitrep.actors.resolve import resolve
from sitrep.entities.equipment import (
    MODEL_LABELS,
    equipment_entities,
    find_facilities,
    merge_entities,
)
from sitrep.entities.recall import is_title_head, recalled_entities, recalled_places
from sitrep.entities.support import DocumentSupport, may_be
from sitrep.model import Actor, Document, Entity
from sitrep.resources import place_nouns, read_tsv, word_class
from sitrep.spans import SpanIndex
from sitrep.text.metadata import find_urls, outlet_country

TITLE_DEPS = {"compound", "amod", "poss", "case", "nmod", "appos"}




@dataclass
class Mention:
    start: int  # offsets in the parsed text
    end: int
    label: str
    actor: Actor | None
    region: bool = False


class Mentions:
    """Entity mentions of one parsed text, findable by token.

    With the knowledge base (and the date) the mentions were resolved with, a mention the model
    ran over a coordination ("Gondor and Arnor") can be resolved conjunct by conjunct."""

    def __init__(self, mentions: list[Mention], kb: KnowledgeBase | None = None,
                 when: date | None = None, text: str | None = None):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.text = text  # the parsed text (spaCy rebuilds `Doc.text` on every access)
        self.starts = [m.start for m in self.items]
        self.kb = kb
        self.when = when

    def resolve_words(self, text: str, label: str | None) -> Actor:
        """Some of a mention's words resolved again, as in a document (a common full name stays
        unbacked: `actors/resolve.py _backed`)."""
        return resolve(text, self.when, label, self.kb, support=Support())

    def at(self, token) -> Mention | None:
        index = bisect_right(self.starts, token.idx) - 1
        if index >= 0:
            mention = self.items[index]
            if mention.start <= token.idx < mention.end:
                return mention
        return None

    def before(self, position: int) -> list[Mention]:
        return self.items[: bisect_right(self.starts, position)]

    def between(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end) (a sentence's), in text order."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def last_region_before(self, position: int) -> Mention | None:
        """The last region (a named area with no country of its own) starting at or before."""
        index = bisect_right(self._region_starts, position)
        return self._regions[index - 1] if index else None

    @cached_property
    def _regions(self) -> list[Mention]:
        return [m for m in self.items if m.region]

    @cached_property
    def _region_starts(self) -> list[int]:
        return [m.start for m in self._regions]


# A title is a few words; in a degenerate parse (a chain of 1,000 possessives) a child's subtree
# holds the whole sentence, and reading it for every name made coding quadratic.
TITLE_TOKENS = 12


def title_of(token, mention: Mention) -> str:
    """Title words in front of a person's name ("Venezuela's President", "Transportation Minister")."""
    words: list = []
    for child in token.children:
        if child.dep_ in TITLE_DEPS and child.idx < mention.start:
            if child.right_edge.i - child.left_edge.i < 4 * TITLE_TOKENS:
                words.extend(t for t in child.subtree if t.idx < mention.start)
            else:  # the words just before the name, in the child's span
                first = max(child.left_edge.i, token.i - TITLE_TOKENS)
                last = min(child.right_edge.i, token.i)
                words.extend(t for t in token.doc[first:last + 1] if t.idx < mention.start)
    words = sorted(set(words), key=lambda t: t.i)
    return " ".join(t.text for t in words if t.dep_ != "det" and t.pos_ != "PUNCT").replace(" 's", "'s")


ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


# A name right after these is a place far more often than a person ("near Raqqah").
LOCATIVE = {"in", "near", "at", "into", "around", "outside", "inside"}


TOWARDS = {"to", "toward", "towards", "from", "ar", "al", "as", "ad", "an"}
# Abbreviated and spelled-out titles before a surname ("Gen. Coe", "Mr Davis").
PERSON_TITLES = {"mr", "mrs", "ms", "dr", "gen", "general", "col", "colonel", "capt", "captain",
                 "lt", "maj", "major", "sgt", "adm", "admiral", "sen", "rep", "gov", "president",
                 "minister", "secretary", "ambassador", "spokesman", "spokeswoman", "judge"}


KIND_LABELS = {"person": "PERSON", "organisation": "ORG"}


def _label(model_label: str, actor: Actor, text: str = "", located: bool = False) -> str:
    """The model's label, corrected where the knowledge base knows better ("Rostec" is no NORP,
    "Raqqah" is no person)."""
    kind = (actor.kb_id or "").split(":", 1)[0]
    if model_label == "PERSON" and kind not in {"person", "cameo"} and located:
        return "GPE"
    if kind in {"person", "cameo"} and actor.sector and model_label != "PERSON" and \
            actor.role is not None:
        return "PERSON"
    if kind in {"org", "organisation"} and model_label not in {"ORG", "FAC", "PERSON"}:
        # a person the model saw stays one: dictionaries list spokesmen under their bodies
        return "ORG"
    if kind == "place" and model_label not in {"GPE", "LOC", "FAC"}:
        return "GPE" if actor.code else "LOC"
    return model_label


def find_mentions(doc: Document, parsed, kb: KnowledgeBase, when: date | None,
              text: str | None = None) -> Mentions:
    # spaCy rebuilds Doc.text on every access: callers pass it once
    text = text if text is not None else parsed.text
    items = []
    people_seen: dict[str, Actor] = {}
    taken = []
    # what backs a full name many bear ("Stephen Smith"): the document's titles, countries, offices
    support = DocumentSupport(parsed, kb, when, lambda ent: title_of(
        ent.root, Mention(ent.start_char, ent.end_char, ent.label_, None)))
    full_names = support.full_names  # by surname: a surname alone is one of them first
    for ent, model_label in _model_names(parsed, kb):
        title = title_of(ent.root, Mention(ent.start_char, ent.end_char, model_label, None))
        actor = resolve(ent.text, _as_of(text, ent.start_char, ent.text, when, kb),
                        model_label, kb, title=title, people=people_seen,
                        support=support.for_name(ent))
        key = fold(ent.text).split()[-1] if fold(ent.text) else ""
        if actor.code is None and key in people_seen and may_be(ent.text, people_seen[key]):
            actor = Actor(**{**people_seen[key].__dict__, "entity_text": ent.text})
        elif support.someone_else(ent, actor, model_label):  # "Mann"; "the Tigers' coach"
            actor = Actor(entity_text=ent.text, confidence=0.2)
        if actor.code and (model_label == "PERSON" or (actor.kb_id or "").startswith("person:")):
            people_seen.setdefault(key, actor)
        before = parsed[ent.start - 1].lower_.rstrip(".") if ent.start else ""
        located = before in LOCATIVE or ent.text.lower().startswith("near ") or (
            # "to Raqqah", "Ar Raqqah": a direction or an Arabic article before a known town;
            # a one-word "person" no one of that name is known as, and a town is (unless the
            # document names someone of that surname, or a title comes before it)
            model_label == "PERSON" and len(ent) == 1
            and ((before in TOWARDS and resolve_place(ent.text)[1] is not None)
                 or (actor.code is None and key not in full_names
                     and before not in PERSON_TITLES and (_known_town(ent.text, kb)
                                                          or _after_place_noun(parsed, ent)))))
        label = _label(model_label, actor, ent.text, located)
        if model_label == "ORG" and len(ent) == 1 and key in full_names and \
                not (actor.kb_id or "").startswith(("org:", "organisation:")):
            label = "PERSON"  # "Votel explained ...": the general the document named in full
        if label in {"GPE", "LOC"} and actor.code is None and actor.kb_id is None and \
                (kb.sectors.get(ent.root.lower_) or kb.sectors.get(ent.root.lemma_.lower())) \
                in GROUP_SECTORS:
            label = "ORG"  # "Reserve Airmen": a group the model took for a place no one knows
        if label == "GPE" and model_label == "PERSON" and actor.code is None:
            place = re.sub(r"^near\s+", "", ent.text, flags=re.IGNORECASE)
            name, code = resolve_place(place)
            actor = Actor(entity_text=ent.text, name=name, code=code, confidence=0.5)
        items.append(Mention(ent.start_char, ent.end_char, label, actor, region=_is_region(label, actor)))
        taken.append((ent.start, ent.end))
    items.extend(_kb_mentions(parsed, kb, when, taken, text, support))
    return Mentions(items, kb=kb, when=when, text=text)


# Tokens a name the knowledge base knows may run past the model's entity: "Islamic State of
# Iraq" + "and the Levant", which the model splits at the conjunction into an ORG and a LOC.
LONGER_NAME_TOKENS = 4


def _model_names(parsed, kb: KnowledgeBase):
    """The model's PERSON, ORG, GPE, NORP, LOC and FAC entities with their labels; an ORG or a
    NORP that opens a longer name of an organisation the knowledge base knows ("Islamic" +
    "State group") is read as that name, an ORG, and the entities it swallows are dropped."""
    covered_until = 0
    for ent in parsed.ents:
        if ent.label_ not in ACTOR_LABELS or ent.start < covered_until:
            continue
        if ent.label_ == "PERSON" and any(t.is_digit for t in ent):
            continue  # "Bill 512", "Resolution 1244": a number names a text, never a person
        span = ent
        # only an organisation the model saw ends early, or a people's word it took for the
        # whole name ("Islamic" of "the Islamic State group"); a country before an office the
        # knowledge base files as a body ("U.S." + "Secretary of State") stays a country
        # (not a country's adjective: "Iraqi Kurdistan" is a region, whatever else it names)
        last = min(ent.end + LONGER_NAME_TOKENS, ent.sent.end) \
            if ent.label_ == "ORG" or ent.label_ == "NORP" and fold(ent.text) not in kb.adjectives \
            else 0
        for end in range(last, ent.end, -1):
            longer = parsed[ent.start:end]
            added = parsed[ent.end:end]
            # words only ("the Moro Islamic Liberation Front (MILF" is a name and an acronym),
            # and no office the knowledge base files as a body ("UN" + "Secretary General")
            if longer[-1].text[:1].isupper() and not any(t.is_punct for t in added) \
                    and not is_title_head(longer[-1], kb) and any(
                    e.kind == "organisation" for e in kb.names.get(fold(longer.text), ())):
                span = longer
                break
        covered_until = span.end
        yield span, "ORG" if span is not ent else ent.label_


def _after_place_noun(parsed, ent) -> bool:
    """Whether the text calls the name a place: "the town of Gao" (`data/place_nouns.tsv`)."""
    start = ent.start - (2 if ent.start >= 2 and parsed[ent.start - 1].lower_ == "the" else 1)
    return start >= 1 and parsed[start].lower_ == "of" and \
        parsed[start - 1].lemma_.lower() in place_nouns(("place",))


def _known_town(name: str, kb: KnowledgeBase) -> bool:
    """A place the knowledge base lists, or a city of at least 250,000 people: a one-word
    "person" of that name no one is known as is the town ("Raqqah"; not "Bush", a village)."""
    return any(e.kind == "place" and e.country for e in kb.lookup(name)) or \
        city_country(name) is not None


ERA_OF = re.compile(r"\b(?:era|years|days|time|rule|regime|presidency|reign|tenure) of\s*$",
                    re.IGNORECASE)


def _as_of(text: str, start: int, name: str, when: date | None, kb: KnowledgeBase) -> date | None:
    """The date a name is resolved at: the document's, except for a person named as an era
    ("since the era of Hugo Chávez"), who is resolved within their last time in office."""
    if not ERA_OF.search(text[max(0, start - 40):start]):
        return when
    starts = [e.start for e in kb.lookup(name) if e.kind == "person" and e.start]
    return max(starts) if starts else when


def _is_region(label: str, actor: Actor) -> bool:
    return label == "LOC" or (actor.kb_id or "").startswith("place:") and not actor.code


def _kb_mentions(parsed, kb: KnowledgeBase, when: date | None, taken: list[tuple[int, int]],
                 text: str, support: DocumentSupport):
    """Names the knowledge base knows that the model did not tag ("since the era of Hugo Chávez")."""
    busy: set[int] = set()
    for start, end in taken:
        busy.update(range(start, end))
    index = 0
    while index < len(parsed):
        token = parsed[index]
        if index in busy:
            index += 1
            continue
        lower = _lowercase_person(parsed, index, kb, busy) \
            if token.is_sent_start or not token.text[:1].isupper() else None
        if lower is None and not token.text[:1].isupper():
            index += 1
            continue
        if lower is not None:
            span = lower
            actor = resolve(span.text, when, "PERSON", kb, support=support.for_name(span))
            yield Mention(span.start_char, span.end_char, "PERSON", actor)
            index = span.end
            continue
        if fold(token.text) in kb.adjectives and token.pos_ in {"ADJ", "PROPN", "NOUN"}:
            # "Ugandan troops ..." opening a sentence, which the model leaves untagged
            actor = resolve(token.text, when, "NORP", kb)
            yield Mention(token.idx, token.idx + len(token), "NORP", actor)
            index += 1
            continue
        # (an acronym in capitals is no common word capitalised to open the sentence: "ICE")
        opening_common_word = token.is_sent_start and token.pos_ != "PROPN" and not (
            token.text.isupper() and len(token) > 1 and not text.isupper())
        found = None
        for size in range(1, 6):
            span = parsed[index:index + size]
            if span.end > len(parsed) or any(i in busy for i in range(span.start, span.end)):
                break
            if not span[-1].text[:1].isupper():
                continue
            entries = [e for e in kb.names.get(fold(span.text), ())
                       if e.kind in {"person", "organisation", "place", "country"}]
            if opening_common_word and not any(e.kind == "country" for e in entries):
                # "Talks", "Troops" open sentences capitalised; a country the model tags as a
                # common noun there ("Fornost and Gondor welcome ...") is still a country
                continue
            if entries and (size > 1 or entries[0].kind != "person" or (
                    _lone_name(span[0]) and fold(span.text) in kb.imported) or (
                    _paired_with_person(span[0])) or (
                    # "KERRY:" in a transcript: a surname in capitals, of someone in office
                    span[0].text.isupper() and len(span[0]) > 3
                    and any(e.covers(when) for e in entries if e.kind == "person"))):
                found = (span, entries)
        if found is None:
            index += 1
            continue
        span, entries = found
        actor = resolve(span.text, _as_of(text, span.start_char, span.text, when, kb), None, kb,
                        support=support.for_name(span))
        label = {"person": "PERSON", "organisation": "ORG"}.get(entries[0].kind, "GPE" if actor.code else "LOC")
        yield Mention(span.start_char, span.end_char, label, actor, region=_is_region(label, actor))
        index = span.end


def _lowercase_person(parsed, index: int, kb: KnowledgeBase, busy: set[int]):
    """A curated person's full name written in lower case ("sergey lavrov met ..."): two or
    three lower-case words that are the name of someone in the curated layers."""
    if parsed[index].lower_ not in kb.curated_first_words:
        return None
    for size in (3, 2):
        span = parsed[index:index + size]
        if len(span) < size or any(i in busy for i in range(span.start, span.end)) or not all(
                t.is_alpha and (t.text.islower() or (t.is_sent_start and t.text[1:].islower()))
                for t in span) or span[-1].text[:1].isupper():
            continue
        entries = kb.names.get(fold(span.text), ())
        if any(e.kind == "person" and not e.generated for e in entries) \
                and all(e.kind == "person" for e in entries):
            return span
    return None


def _paired_with_person(token) -> bool:
    """A one-word name the model left untagged, joined by "and" to a name it tagged as a person
    ("Smith and Jones met"): conjuncts are the same kind of thing, so a listed person's name
    there is that person, not the common word it may also be."""
    if token.pos_ != "PROPN" or token.ent_type_:
        return False
    pair = [token.head] if token.dep_ == "conj" else []
    pair += [c for c in token.children if c.dep_ == "conj"]
    return any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in pair)


def _lone_name(token) -> bool:
    """A one-word name the model tagged as a proper noun but no entity ("Gollum allowed that
    ..."), standing as a subject or object: an imported dictionary's person of that name (the
    shipped knowledge base's one-word names, Hassan or Albert, are too common to trust). A
    one-word name elsewhere ("the Albert Hall") is too weak a clue."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ in {
        "nsubj", "nsubjpass", "dobj"}


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
        found.append(Entity(start=start, end=end, text=doc.text[start:end], label=label,
                            code=actor.code, sector=actor.sector, kb_id=actor.kb_id))
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
    repaired_sites = [original(start, end) for start, end in find_facilities(repaired_text)]
    named = SpanIndex((m.start, m.end) for m in found if m.label in {"GPE", "LOC", "FAC", "PERSON"})
    sites = [Entity(start=s, end=e, text=doc.text[s:e], label="FAC") for s, e in repaired_sites
             if not named.overlaps(s, e)]
    # sites nest over what names them ("VBIED facility" holds the weapon "VBIED")
    merged = merge_entities(equipment_entities(doc) + outlets, found) + sites
    return sorted(merged, key=lambda e: (e.start, e.end))
