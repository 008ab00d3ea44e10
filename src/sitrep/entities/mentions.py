"""Mentions: the parsed text's names resolved to actors.

From the spaCy parse (`text/parsing.py`) and the knowledge base (`actors/`): every PERSON, ORG,
GPE, NORP, LOC and FAC the model tags, corrected where the knowledge base knows better, plus names
the knowledge base knows that the model missed. Hands on `Mentions` (findable by token) to the
coder and to `entity_list.py`, which makes the document's `Entity` list from them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sitrep.actors.gazetteer import city_country, resolve_place
from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.names import Support, common_given_names
from sitrep.actors.parties import GROUP_SECTORS
from sitrep.actors.resolve import resolve
from sitrep.entities.recall import is_title_head
from sitrep.entities.support import DocumentSupport, may_be
from sitrep.model import Actor, Document
from sitrep.resources import place_nouns
from sitrep.text.token_arrays import arrays_of

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

    def words(self, mention: Mention, doc) -> str:
        """A mention's words as written (the parsed text kept here, else `doc`'s)."""
        text = self.text if self.text is not None else doc.text
        return text[mention.start:mention.end]

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
    place_heads: set[int] = set()  # tokens of the places found so far
    for ent, model_label in _model_names(parsed, kb):
        title = title_of(ent.root, Mention(ent.start_char, ent.end_char, model_label, None))
        if model_label == "ORG" and _only_bodies_before(ent):
            title = ""  # "Sony, Microsoft and Nintendo" parsed as compounds: no owner's title
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
        located = (before in LOCATIVE and not (model_label == "PERSON"
                                               and _person_not_town(ent, actor, kb))) or \
            ent.text.lower().startswith("near ") or (
            # "to Raqqah", "Ar Raqqah": a direction or an Arabic article before a known town;
            # a one-word "person" no one of that name is known as, and a town is (unless the
            # document names someone of that surname, or a title comes before it)
            model_label == "PERSON" and len(ent) == 1
            and ((before in TOWARDS and resolve_place(ent.text)[1] is not None
                  and key not in full_names and not _person_not_town(ent, actor, kb))
                 or (actor.code is None and key not in full_names
                     and before not in PERSON_TITLES and (_known_town(ent.text, kb)
                                                          or _after_place_noun(parsed, ent)))))
        # "at Normandy, Iwo Jima and Okinawa": a name joined to a place is read as one too
        located = located or (ent.root.dep_ == "conj" and ent.root.head.i in place_heads
                              and not (model_label == "PERSON"
                                       and _person_not_town(ent, actor, kb)))
        label = _label(model_label, actor, ent.text, located)
        if model_label == "ORG" and len(ent) == 1 and key in full_names and \
                not (actor.kb_id or "").startswith(("org:", "organisation:")):
            label = "PERSON"  # "Votel explained ...": the general the document named in full
        if label in {"GPE", "LOC"} and actor.code is None and actor.kb_id is None and \
                (kb.sectors.get(ent.root.lower_) or kb.sectors.get(ent.root.lemma_.lower())) \
                in GROUP_SECTORS:
            label = "ORG"  # "Reserve Airmen": a group the model took for a place no one knows
        if label == "ORG" and model_label == "ORG" and located and actor.kb_id is None and \
                _known_place(ent.text, kb):
            label = "GPE"  # "a court in Koblenz", "based at Tapa": a town no body is named
            actor = Actor(entity_text=ent.text, name=ent.text, code=resolve_place(ent.text)[1],
                          confidence=0.5)
        if label == "GPE" and model_label == "PERSON" and actor.code is None:
            place = re.sub(r"^near\s+", "", ent.text, flags=re.IGNORECASE)
            name, code = resolve_place(place)
            actor = Actor(entity_text=ent.text, name=name, code=code, confidence=0.5)
        if label in {"GPE", "LOC"}:
            place_heads.update(range(ent.start, ent.end))
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
        if span is ent:
            yield from _pieces(parsed, ent, kb)
        else:
            yield span, "ORG"


# Words a name does not hold lower-case but the model sometimes runs a name across ("Shaheds at
# Israel", "the Australian Submarine Corporation in Adelaide, South Australia", "the Northern
# Territory for Exercise Pitch Black"); "of", "for", "on" and "and" stay: "Bank of England",
# "Department for Education", "Council on Foreign Relations", "Trinidad and Tobago".
SPLIT_WORDS = {"in", "at", "near", "from", "into", "during", "after", "before", "outside"}


def _pieces(parsed, ent, kb: KnowledgeBase):
    """The model's entity, or its names on either side of a preposition it ran across and of a
    comma between places ("Adelaide, South Australia"): the name before keeps the model's label,
    a place the gazetteer or knowledge base knows after it is a GPE. A name the knowledge base
    knows whole is one name."""
    if len(ent) < 3 or kb.names.get(fold(ent.text)):
        yield ent, ent.label_
        return
    cut = next((t.i for t in ent[1:-1] if t.lower_ in SPLIT_WORDS and t.text.islower()
                and parsed[t.i + 1].text[:1].isupper()), None)
    if cut is None:
        yield ent, ent.label_
        return
    yield parsed[ent.start:cut], ent.label_
    yield from _places_listed(parsed, parsed[cut + 1:ent.end], kb)


def _places_listed(parsed, span, kb: KnowledgeBase):
    """A span of places written "Town, Region" as its places; else the span whole, with `label`
    (GPE when it is a known place, else LOC: it came after a preposition)."""
    commas = [t.i for t in span if t.text == ","]
    parts = []
    start = span.start
    for comma in commas + [span.end]:
        parts.append(parsed[start:comma])
        start = comma + 1
    if len(parts) > 1 and all(len(part) and _known_place(part.text, kb) for part in parts):
        for part in parts:
            yield part, "GPE"
        return
    if len(span):
        yield span, "GPE" if _known_place(span.text, kb) else "LOC"


def _known_place(name: str, kb: KnowledgeBase) -> bool:
    """A country or place the knowledge base lists, or a place the gazetteer knows by this very
    name (not by a namesake's other name: the gazetteer reads "Google" as a Topeka)."""
    if any(e.kind in {"country", "place"} for e in kb.lookup(name)):
        return True
    resolved, code = resolve_place(name)
    return code is not None and fold(resolved) == fold(name)


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


def _person_not_town(ent, actor: Actor, kb: KnowledgeBase) -> bool:
    """Whether a one-word "person" after "in" stays one ("starred in Ray", "her role in
    Elizabeth": a film's title): no place the knowledge base lists and no big city, and the
    small town the gazetteer finds bears it only as another name ("Ray" for Raytown) or it is a
    given name millions bear ("Gao" in Mali stays a town)."""
    if len(ent) != 1 or actor.code is not None or _known_town(ent.text, kb):
        return False
    word = fold(ent.text)
    name, code = resolve_place(ent.text)
    return code is not None and (fold(name) != word or word in common_given_names())


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
    arrays = arrays_of(parsed)
    words, sent_start, first_words = arrays.text, arrays.sent_start, kb.curated_first_words
    while index < len(words):
        if index in busy:
            index += 1
            continue
        capital = words[index][:1].isupper()
        lower = _lowercase_person(parsed, index, kb, busy) if (
            sent_start[index] or not capital) and arrays.lower[index] in first_words else None
        if lower is None and not capital:
            index += 1
            continue
        token = arrays.tokens[index]
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


def _only_bodies_before(ent) -> bool:
    """Whether the words in front of a body's name that read as its title are all other bodies'
    names (a list the parser took for compounds: "Sony Microsoft"), no country or office."""
    before = [t for child in ent.root.children if child.dep_ in TITLE_DEPS
              and child.i < ent.start for t in child.subtree if t.i < ent.start]
    return bool(before) and all(t.ent_type_ == "ORG" or t.is_punct or t.is_space for t in before)


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


