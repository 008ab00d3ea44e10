"""Events: PLOVER coding of a parsed document, with modality, dates, places, items and
attribution, each event traceable to its evidence span in the ORIGINAL text.

    code_document(doc, nlp)  ->  doc.entities, doc.events

Per sentence: find triggers (lexicon), read their arguments off the parse (arguments), their
modality (cues) and attribution (attribution). Per document: a definite mention ("the request",
"this buildup") or a second mention by the same actor refers back to an earlier event and adds
its details; a bulleted list introduced by such a mention gives that event its items.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .actors import KnowledgeBase, fold, resolve, shipped_kb
from .arguments import (
    BACKGROUND_MARKS,
    LIGHT_VERBS,
    NOT_AN_ACTOR,
    QUANTITY_NOUNS,
    RECIPIENT_PREPS,
    Mention,
    Mentions,
    actors_of,
    clause_tokens,
    direct_object,
    intermediaries,
    is_purpose,
    passive_patient,
    place_of,
    prep_objects,
    subject,
    title_of,
)
from .attribution import Source, attribute, find_sources
from .dates import DateRange, find_dates
from .entities import MODEL_LABELS, equipment_entities, find_facilities, merge_entities
from .gazetteer import resolve_place
from .items import bullet_items, phrase_items
from .lexicon import (
    COMPOUND_SUBJECT,
    Lexicon,
    Trigger,
    is_saying,
    load_lexicon,
    verb_forms,
    word_class,
)
from .metadata import find_urls, outlet_country
from .model import Actor, Document, Entity, Event, Item, Place, TextInfo
from .pipeline import prepare
from .recipients import TRANSNATIONAL_SECTORS, fill_recipients, same_party
from .repair import capitalise_known_words
from .verbpatterns import pattern_trigger

BULLET = re.compile(r"^[ \t]*(?:[*•\-–]|\d{1,2}[.)])[ \t]+(?P<body>.+)$", re.MULTILINE)
DEFINITE = {"the", "this", "that", "these", "those", "such"}
MODALITY_ORDER = ["negated", "hypothetical", "future", "reported", "historical", "asserted"]
# Whether two mentions may be one happening: asserted and reported versions merge; a speculation,
# a denial, a plan or history stays its own event.
FACT_CLASS = {"asserted": "fact", "reported": "fact"}
DEFAULT_ACTOR_SECTOR = {"MOBILIZE": "MIL", "ASSAULT": "MIL", "SANCTION": "GOV", "AGREE": "GOV",
                        "REQUEST": "GOV", "CONSULT": "GOV", "ACCUSE": "GOV", "REJECT": "GOV",
                        "THREATEN": "GOV", "SUPPORT": "GOV", "CONCEDE": "GOV", "RETREAT": "GOV",
                        "COERCE": "GOV", "AID": "GOV", "COOPERATE": "GOV"}


@dataclass
class Candidate:
    """One event mention, before document-level merging."""

    trigger: object  # spaCy token
    row: Trigger
    event: Event
    definite: bool  # "the request": refers back rather than introduces
    depth: int
    date_range: DateRange | None = None
    item_phrases: list[str] = field(default_factory=list)
    reverse: bool = False  # the other side's act a dictionary codes with this one


@dataclass
class _Context:
    doc: Document
    parsed: object
    mentions: Mentions
    lexicon: Lexicon
    kb: KnowledgeBase
    reference: date | None
    sources: list[Source]
    organisations: list[str]
    text: str = ""  # the parsed text, once (spaCy's Doc.text joins the tokens on every access)
    fallback_threshold: float = 0.4


# -- entities and mentions --------------------------------------------------------------------


def proper_forms(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-case forms of unambiguous country and region names -> their written form."""
    forms = {}
    for key, entries in kb.names.items():
        for entry in entries:
            if entry.kind in {"country", "place"} and len(entry.name) >= 5 \
                    and entry.name[0].isupper() and entry.name.lower() == key:
                forms[key] = entry.name
    for word in AMBIGUOUS_LOWERCASE:
        forms.pop(word, None)
    return forms


AMBIGUOUS_LOWERCASE = {"turkey", "chad", "jordan", "georgia", "china", "guinea", "niger",
                       "panama", "israel", "victoria", "regina", "nice", "reading", "mobile"}


def parse_text(doc: Document) -> str:
    """The repaired text with URLs blanked (same length), so the parser sees sentences."""
    text = doc.repaired.text if doc.repaired else doc.text
    for start, end, _ in find_urls(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# A name right after these is a place far more often than a person ("near Raqqah").
LOCATIVE = {"in", "near", "at", "into", "around", "outside", "inside"}
TOWARDS = {"to", "toward", "towards", "from", "ar", "al", "as", "ad", "an"}
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


def _mentions(doc: Document, parsed, kb: KnowledgeBase, when: date | None,
              text: str | None = None) -> Mentions:
    # spaCy rebuilds Doc.text on every access: callers pass it once
    text = text if text is not None else parsed.text
    items = []
    people_seen: dict[str, Actor] = {}
    taken = []
    for ent in parsed.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        title = title_of(ent.root, Mention(ent.start_char, ent.end_char, ent.label_, None))
        actor = resolve(ent.text, _as_of(text, ent.start_char, ent.text, when, kb),
                        ent.label_, kb, title=title)
        key = fold(ent.text).split()[-1] if fold(ent.text) else ""
        if actor.code is None and key in people_seen:
            actor = Actor(**{**people_seen[key].__dict__, "entity_text": ent.text})
        if actor.code and (ent.label_ == "PERSON" or (actor.kb_id or "").startswith("person:")):
            people_seen.setdefault(key, actor)
        before = parsed[ent.start - 1].lower_ if ent.start else ""
        located = before in LOCATIVE or ent.text.lower().startswith("near ") or (
            # "to Raqqah", "Ar Raqqah": a direction or an Arabic article before a known town
            before in TOWARDS and ent.label_ == "PERSON" and len(ent) == 1
            and resolve_place(ent.text)[1] is not None)
        label = _label(ent.label_, actor, ent.text, located)
        if label == "GPE" and ent.label_ == "PERSON" and actor.code is None:
            place = re.sub(r"^near\s+", "", ent.text, flags=re.IGNORECASE)
            name, code = resolve_place(place)
            actor = Actor(entity_text=ent.text, name=name, code=code, confidence=0.5)
        items.append(Mention(ent.start_char, ent.end_char, label, actor, region=_is_region(label, actor)))
        taken.append((ent.start, ent.end))
    items.extend(_kb_mentions(parsed, kb, when, taken, text))
    return Mentions(items, kb=kb, when=when)


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
                 text: str):
    """Names the knowledge base knows that the model did not tag ("since the era of Hugo Chávez")."""
    busy = set()
    for start, end in taken:
        busy.update(range(start, end))
    index = 0
    while index < len(parsed):
        token = parsed[index]
        if index in busy or not token.text[:1].isupper():
            index += 1
            continue
        if fold(token.text) in kb.adjectives and token.pos_ in {"ADJ", "PROPN", "NOUN"}:
            # "Ugandan troops ..." opening a sentence, which the model leaves untagged
            actor = resolve(token.text, when, "NORP", kb)
            yield Mention(token.idx, token.idx + len(token), "NORP", actor)
            index += 1
            continue
        opening_common_word = token.is_sent_start and token.pos_ != "PROPN"
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
                    _lone_name(span[0]) and fold(span.text) in kb.imported)):
                found = (span, entries)
        if found is None:
            index += 1
            continue
        span, entries = found
        actor = resolve(span.text, _as_of(text, span.start_char, span.text, when, kb), None, kb)
        label = {"person": "PERSON", "organisation": "ORG"}.get(entries[0].kind, "GPE" if actor.code else "LOC")
        yield Mention(span.start_char, span.end_char, label, actor, region=_is_region(label, actor))
        index = span.end


GROUP_SECTORS = {"MIL", "GOV", "COP", "REB", "SPY", "LEG", "JUD", "OPP", "UAF", "PTY"}


def _lone_name(token) -> bool:
    """A one-word name the model tagged as a proper noun but no entity ("Gollum allowed that
    ..."), standing as a subject or object: an imported dictionary's person of that name (the
    shipped knowledge base's one-word names, Hassan or Albert, are too common to trust). A
    one-word name elsewhere ("the Albert Hall") is too weak a clue."""
    return token.pos_ == "PROPN" and not token.ent_type_ and token.dep_ in {
        "nsubj", "nsubjpass", "dobj"}


def _sector_phrase(parsed, mention: Mention, sectors: dict[str, str]):
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
    return mention.start, head.idx + len(head), sector


def _entities(doc: Document, parsed, mentions: Mentions, sectors: dict[str, str]) -> list[Entity]:
    """Entities in ORIGINAL offsets: equipment, resolved actor mentions, the model's other
    entities (dates, numbers, money) and the outlets behind cited URLs."""
    def original(start: int, end: int) -> tuple[int, int]:
        return _to_original(doc, start, end)

    found = []
    for mention in mentions.items:
        actor = mention.actor or Actor(entity_text="")
        group = _sector_phrase(parsed, mention, sectors)
        if group is not None:
            span_start, span_end, sector = group
            start, end = original(span_start, span_end)
            found.append(Entity(start=start, end=end, text=doc.text[start:end], label="ORG",
                                code=actor.code, sector=sector))
            if mention.label != "NORP":
                continue  # "U.S." in "U.S. forces" modifies the group; it is no place here
        start, end = original(mention.start, mention.end)
        found.append(Entity(start=start, end=end, text=doc.text[start:end], label=mention.label,
                            code=actor.code, sector=actor.sector, kb_id=actor.kb_id))
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
                                  code=outlet_country(source.outlet), sector="JRN",
                                  kb_id=f"outlet:{source.outlet}"))
    repaired_sites = [original(start, end) for start, end in find_facilities(repaired_text)]
    sites = [Entity(start=s, end=e, text=doc.text[s:e], label="FAC") for s, e in repaired_sites
             if not any(m.start < e and s < m.end for m in found
                        if m.label in {"GPE", "LOC", "FAC", "PERSON"})]
    # sites nest over what names them ("VBIED facility" holds the weapon "VBIED")
    merged = merge_entities(equipment_entities(doc) + outlets, found) + sites
    return sorted(merged, key=lambda e: (e.start, e.end))


# -- triggers ---------------------------------------------------------------------------------


# Nouns that only measure or group what follows "of": "part of an aid program", "a team of
# inspectors" are about the program and the inspectors.
PARTITIVES = word_class("partitives")


def _object_lemmas(token) -> set[str]:
    """Lemmas an object hint may match: the objects' heads, their compounds, the multiword
    phrase they form ("hunger strike", "state of emergency"), and what a partitive measures."""
    lemmas: set[str] = set()
    for head in _object_heads(token):
        lemmas.update(_phrase_lemmas(head))
    return lemmas


def _object_heads(token) -> list:
    """The heads of what a trigger acts on: its objects and their conjuncts, what is allowed
    or ordered, and what a partitive measures ("a batch of rifles")."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "attr", "nsubjpass", "pobj",
                                                      "oprd", "dative"}]
    for child in token.children:
        if child.dep_ == "prep":
            objects.extend(g for g in child.children if g.dep_ == "pobj")
        if child.dep_ in {"ccomp", "xcomp"} and token.pos_ in {"VERB", "AUX"}:
            # "allowed a UN convoy to enter": the convoy is what is allowed; "ordered Iran to pay
            # damages": what is ordered
            objects.extend(g for g in child.children if g.dep_ in {"nsubj", "nsubjpass"} or (
                g.dep_ == "dobj" and child.dep_ == "xcomp"))
    objects.extend(c for head in list(objects) for c in head.children
                   if c.dep_ == "conj")  # "provided food and medicine"
    objects.extend(pobj for head in list(objects) if head.lemma_.lower() in PARTITIVES
                   for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj")
    return objects


def _phrase_lemmas(head) -> set[str]:
    lemma = head.lemma_.lower()
    found = {lemma}
    if head.ent_type_ == "PERSON":
        found.add("@person")  # an object hint for "released opposition leader Ana Ruiz"
    if head.ent_type_ == "GPE":
        found.add("@country")  # an object hint for "recognised Kosovo"
    modifiers = [c for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i]
    found.update(c.lemma_.lower() for c in modifiers if c.dep_ == "compound")
    found.update(f"{c.lemma_.lower()} {lemma}" for c in modifiers)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found.update(f"{lemma} of {p.lemma_.lower()}" for p in prep.children
                         if p.dep_ == "pobj")
    return found


def match_trigger(token, lexicon: Lexicon) -> Trigger | None:
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
    if pos is None:
        return None
    rows = lexicon.triggers.get((token.lemma_.lower(), pos)) or lexicon.triggers.get(
        (token.lower_, pos))
    if not rows and pos == "VERB":  # the small model lemmatises "cordoned" as "cordone"
        rows = next((lexicon.triggers[(form, pos)] for form in sorted(verb_forms(token))
                     if (form, pos) in lexicon.triggers), None)
    if not rows and pos == "NOUN" and token.lower_.endswith("ing") and token.dep_ in VERBAL_DEPS:
        # "signed a decree pardoning 100 prisoners": a participle the tagger took for a noun
        stem = token.lower_[:-3]
        pos = "VERB"
        rows = next((lexicon.triggers[(form, pos)] for form in (stem, stem + "e", stem[:-1])
                     if (form, pos) in lexicon.triggers), None)
    if not rows:
        return None
    objects = _object_lemmas(token)
    # a hint the objects' own heads match beats one only a modifier matches ("ordered ten
    # battalions and tank units": battalions, not a purchase of tanks)
    heads = {t.lemma_.lower() for t in _object_heads(token)}
    # an imported dictionary's word follows the verb whatever it modifies ("- * DIPLOMATIC":
    # "renewed diplomatic ties"); a shipped hint names the object ("military aid" is aid)
    adjectives = {c.lemma_.lower() for t in _object_heads(token) for c in t.children
                  if c.dep_ == "amod" and c.i < t.i}
    if pos == "VERB" and direct_object(token) is None:
        # an intransitive verb's subject says what it is about: "troops massed", "protesters
        # massed"
        for child in token.children:
            if child.dep_ == "nsubj":
                objects |= _phrase_lemmas(child)
                objects.update(g.lemma_.lower() for g in child.children if g.dep_ == "conj")
    if pos == "VERB" and any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)
                             for c in token.children):
        objects.add(COMPOUND_SUBJECT)  # "the Philippines and France agree"
    # a preposition of time ("called up reservists ... on Monday") is not the verb's particle
    particles = {c.lower_ for c in token.children if c.dep_ == "prt" or (
        c.dep_ == "prep" and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children))}
    true_particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in {"amod", "compound"}}
    if pos == "NOUN":
        modifiers |= _clause_subject_lemmas(token)
    best, best_score = None, -1
    for row in rows:
        if len(row.words) > 1:
            others = set(row.words) - {row.lemma}
            if pos == "NOUN" and not others <= modifiers:
                continue
            if pos == "VERB" and not others <= (particles | objects):
                continue
        if row.particle and row.particle not in particles:
            continue
        if row.object_hint and not (row.object_hint & (objects | modifiers | (
                adjectives if row.priority else set()))):
            continue
        score = 10 * row.priority + 3 * bool(row.object_hint) + bool(row.particle) + (
            row.particle in true_particles) + (len(row.words) > 1) + 0.5 * bool(
            row.object_hint & heads)
        if score > best_score:
            best, best_score = row, score
    return best


# Dependencies only a verb takes: a token in one of them tagged as a noun is a mistagged verb.
VERBAL_DEPS = {"advcl", "acl", "xcomp", "pcomp", "ccomp", "relcl"}


def _clause_subject_lemmas(noun) -> set[str]:
    """Who the clause around a nominal trigger is about: "workers stopped work on the first day
    of an open-ended strike", "teachers began a strike" (a labour strike, not an attack)."""
    head, steps = noun.head, 0
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
    found = set()
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            found.add(child.lemma_.lower())
            found.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return found


def _is_background(token) -> bool:
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                         for c in token.children)


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


# -- modality ---------------------------------------------------------------------------------


def modality_of(trigger, lexicon: Lexicon, speaker_is_actor: bool = False) -> str:
    """One of MODALITY_ORDER. `speaker_is_actor`: the clause is reported by the side that acts
    in it ("Iraq said it would allow ..."), so its modal states an intention, not a guess."""
    found = set()
    speculated = False  # a word of guessing ("believe", "unlikely", "perhaps"), not only a modal
    modals = set()  # modal auxiliaries on the trigger or the clauses it completes
    cues = lexicon.cues
    for child in trigger.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "neg":
            found.add("negated")
        for modality, relation in cues.get(lemma, ()):
            if relation == "aux" and child.dep_ in {"aux", "auxpass"}:
                found.add(modality)
                modals.add(lemma)
            if relation == "mod" and child.dep_ in {"amod", "advmod", "det", "mark", "neg"}:
                found.add(modality)
                speculated |= modality == "hypothetical" and lemma not in {"if", "whether"}
    head, steps, own_clause = trigger, 0, False
    while head.head.i != head.i and steps < 6:
        child, head, steps = head, head.head, steps + 1
        # A relative or participle clause ("weapons seized last year", "whom they had taken
        # hostage") keeps its own time: only a verb of saying above it still reports it.
        own_clause = own_clause or child.dep_ in {"relcl", "acl"}
        lemma = head.lemma_.lower()
        for modality, relation in cues.get(lemma, ()):
            if relation == "gov" and not (modality == "reported" and child.dep_ in {"nsubj"}):
                if own_clause and modality != "reported":
                    continue
                if modality in {"future", "imminent"} and child.dep_ not in COMPLEMENT_DEPS \
                        and not is_purpose(child):
                    continue  # "set fire ... following the killing": no plan of a killing
                found.add(modality)
                speculated |= modality == "hypothetical"
        if own_clause:
            continue
        for sibling in head.children:
            if sibling.dep_ in {"acomp", "attr"} and sibling.i != child.i and child.dep_ in {
                    "nsubj", "nsubjpass", "csubj"}:
                for modality, relation in cues.get(sibling.lemma_.lower(), ()):
                    if relation == "gov":  # "a confrontation ... is unlikely"
                        found.add(modality)
                        speculated |= modality == "hypothetical"
            if sibling.dep_ == "neg" and (child.dep_ in {"xcomp", "dobj", "attr", "ccomp"} or (
                    child.dep_ == "prep" and verb_forms(head) & PARTICIPATION_VERBS)):
                found.add("negated")  # "would not take part in direct talks"
            if sibling.dep_ in {"aux"} and child.dep_ in {"xcomp", "dobj", "attr", "ccomp", "acomp"}:
                for modality, relation in cues.get(sibling.lemma_.lower(), ()):
                    if relation == "aux":
                        found.add(modality)
                        if child.dep_ in {"xcomp", "acomp"}:  # "would be ready to host"
                            modals.add(sibling.lemma_.lower())
    for token in trigger.sent:
        for modality, relation in cues.get(token.lemma_.lower(), ()):
            if relation == "any":
                found.add(modality)
    if modals & {"would", "will", "may", "could"} and "reported" in found and not speculated \
            and speaker_is_actor:
        # "said it would allow", "said they would meet the mediator if ...": what a speaker says
        # its own side would do is a stated intention (or an offer on a condition), not a guess;
        # "analysts said Russia could send ..." stays a guess
        found.discard("hypothetical")
        found.add("future")
    if "obligation" in found:
        found.discard("obligation")
        found.add("hypothetical")  # "X must Y" outside reported speech: an opinion
    if "imminent" in found:
        found.discard("imminent")
        found.add("future")
    for modality in MODALITY_ORDER:
        if modality in found:
            return modality
    return "asserted"


# How a planned or promised act hangs from the word that plans it ("vowed to fight", "ready to
# send", "about to restore").
COMPLEMENT_DEPS = {"xcomp", "ccomp", "acomp", "pcomp", "conj"}


def reporting_governor(token, lexicon: Lexicon):
    """The verb of saying that a clause is the complement of ("Russia said Sudan must ...")."""
    return _governing_cue(token, lexicon, "reported", {"ccomp", "xcomp", "conj"}, 4)


def _governing_cue(token, lexicon: Lexicon, modality: str, through: set[str], most: int):
    """The nearest head, up the complement chain, that is a governing cue of this modality."""
    head, steps = token, 0
    while head.head.i != head.i and steps < most and head.dep_ in through:
        head, steps = head.head, steps + 1
        if (modality, "gov") in lexicon.cues.get(head.lemma_.lower(), ()):
            return head
    return None


def has_obligation(token, lexicon: Lexicon) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and ("obligation", "aux") in lexicon.cues.get(
        c.lemma_.lower(), ()) for c in token.children)


# -- one sentence ----------------------------------------------------------------------------


def _date_for(trigger, sentence, ctx: _Context, era_starts) -> DateRange | None:
    if ctx.reference is None:
        return None
    offset = sentence.start_char
    found = find_dates(sentence.text, ctx.reference, era_starts)
    if not found:
        return None
    subtree = {t.idx for t in trigger.subtree}
    inside = [f for f in found if any(offset + f[0] <= i < offset + f[1] for i in subtree)]
    pool = inside or found
    best = min(pool, key=lambda f: abs(offset + f[0] - trigger.idx))
    return best[2]


def _era_starts(sentence, mentions: Mentions, kb: KnowledgeBase) -> dict[str, date]:
    starts = {}
    for mention in mentions.items:
        if mention.label == "PERSON" and sentence.start_char <= mention.start < sentence.end_char:
            entries = [e for e in kb.names.get(fold(mention.actor.name or ""), [])
                       if e.start and e.kind == "person" and e.sector == "GOV"]
            if entries:
                text = sentence.text[mention.start - sentence.start_char:mention.end - sentence.start_char]
                starts[text] = min(e.start for e in entries)
    return starts


def _arguments(trigger, row: Trigger, ctx: _Context) -> tuple[list[Actor], list[Actor]]:
    sectors = ctx.kb.sectors
    preps = RECIPIENT_PREPS.get(row.event, set())
    actor: list[Actor] = []
    recipient: list[Actor] = []
    if row.pos == "VERB":
        patient = passive_patient(trigger)
        agent = subject(trigger)
        if agent is not None:
            actor = actors_of(agent, ctx.mentions, sectors)
        if patient is not None:
            own_agent = any(c.dep_ == "agent" for c in trigger.children)
            if row.event == "MOBILIZE" and not own_agent:
                # "troops were deployed", "analysts expected Russian troops to be deployed"
                actor = actors_of(patient, ctx.mentions, sectors)
            else:
                recipient = actors_of(patient, ctx.mentions, sectors)
        obj = direct_object(trigger)
        if not recipient and row.event == "COOPERATE" and "legal" in row.context:
            # "extradited Viktor Bout to the United States": the receiving state, not the person
            recipient = [a for pobj in prep_objects(trigger, {"to"})
                         for a in _prep_actors(pobj, ctx) if a.code or a.sector == "IGO"]
        if not recipient and obj is not None and row.event in BLAME_TYPES:
            # "condemned an attack by Osgiliath soldiers", "is investigating war crimes by
            # Croatian extremists": the one blamed is who did what the object names
            doers = list(prep_objects(obj, {"by"})) + [
                g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"]  # the parser often hangs it on the verb
            recipient = [a for pobj in doers for a in actors_of(pobj, ctx.mentions, sectors)
                         if a.code]
        if not recipient and obj is not None:
            # the object is the recipient when it names an actor ("asked Russia"), not a thing
            recipient = [a for a in actors_of(obj, ctx.mentions, sectors)
                         if a.code or row.event in SECTOR_OBJECT_EVENTS or (
                             row.event in PEOPLE_OBJECT_EVENTS and a.sector not in GROUP_SECTORS)]
            home = {a.code for a in actor if a.code and (a.sector in AUTHORITY_SECTORS or (
                a.kb_id or "").startswith("country:"))}
            if row.event in PEOPLE_OBJECT_EVENTS and len(home) == 1:
                # "Iran released 20 political prisoners": people an authority frees are its own,
                # unless the phrase names where they are ("settlements in the Gaza Strip")
                inside = _first_coded(obj.subtree, ctx)
                for person in recipient:
                    person.code = person.code or (inside.code if inside else next(iter(home)))
        complement = next((c for c in trigger.children if c.dep_ == "xcomp"), None)
        holders = [trigger] + [h for h in (obj, complement) if h is not None]
        own_preps = [(h, preps | WARNED_ABOUT) for h in (trigger, obj) if h is not None] \
            if verb_forms(trigger) & WARNING_VERBS else []
        if own_preps and recipient and actor and all(
                r.code in {a.code for a in actor} | {None} for r in recipient):
            # "Japan warned its citizens about North Korea": the one warned about, if named, not
            # the actor's own people
            about = [a for holder, allowed in own_preps
                     for pobj in prep_objects(holder, WARNED_ABOUT) for a in _prep_actors(pobj, ctx)
                     if a.code]
            recipient = about or recipient
        for holder, allowed in own_preps + [(h, preps) for h in holders] + [
                (h, ANY_RECIPIENT_PREPS) for h in holders]:
            if recipient:
                break
            for pobj in prep_objects(holder, allowed):
                if pobj.head.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS:
                    continue  # "with Albania's help": a helper, not a recipient
                # beyond the type's own prepositions, only a named, coded actor counts
                recipient = [a for a in _prep_actors(pobj, ctx) if a.code or allowed is preps]
                if recipient:
                    break
    else:
        for child in trigger.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and not actor:
                found = actors_of(child, ctx.mentions, sectors)
                # "completed their pullout": a possessive pronoun only if it resolved to a
                # country; the verb's subject says whose otherwise
                actor = [a for a in found if a.code or a.kb_id or (
                    a.sector and child.lower_ not in POSSESSIVE_PRONOUNS)]
        definite = _anaphoric(trigger)
        position = _nominal_position(trigger)
        if not actor and position.dep_ in {"dobj", "attr"} and (
                (not definite and verb_forms(position.head) & LIGHT_VERBS)
                or verb_forms(position.head) & PACE_VERBS):
            agent = subject(position.head)
            if agent is not None:
                actor = actors_of(agent, ctx.mentions, sectors)
        if not actor and trigger.dep_ == "pobj" and trigger.head.lower_ in {"for", "in", "at",
                                                                          "into"}:
            # "Thousands of Nigerians converged for a rally", "took part in the strike": those
            # who take part in the act the noun names (gathering only "for" it)
            verb = trigger.head.head
            joins = verb_forms(verb) & PARTICIPATION_VERBS or (
                trigger.head.lower_ == "for" and verb_forms(verb) & GATHERING_VERBS)
            if verb.pos_ in {"VERB", "AUX"} and joins:
                agent = subject(verb)
                if agent is not None:
                    actor = actors_of(agent, ctx.mentions, sectors)
        if not actor and trigger.dep_ == "pobj" and trigger.head.lower_ == "with" and \
                trigger.head.head.pos_ == "VERB":
            # "the European Union hit Syria with an embargo", "slapped China with tariffs": the
            # verb's subject does it to the verb's object
            verb = trigger.head.head
            agent, target = subject(verb), direct_object(verb)
            if agent is not None and target is not None:
                actor = actors_of(agent, ctx.mentions, sectors)
                recipient = [a for a in actors_of(target, ctx.mentions, sectors) if a.code]
        if not actor:
            for pobj in prep_objects(trigger, {"by"}):  # "the request by Venezuela"
                actor = actors_of(pobj, ctx.mentions, sectors)
        # "began joint exercises with the French Navy": the verb that carries the act may hold
        # its prepositions
        holders = [trigger] + ([position.head] if position.dep_ == "dobj" and
                               verb_forms(position.head) & (LIGHT_VERBS | CARRIER_VERBS |
                                                            PACE_VERBS) else [])
        for pobj in (p for holder in holders for p in prep_objects(holder, preps | {"between"})
                     if not recipient):
            recipient = _prep_actors(pobj, ctx)
            if recipient:
                if not actor and pobj.head.lower_ == "between" and len(recipient) > 1:
                    # "talks between Iran and Oman resumed": a joint act of both, no one's target
                    actor, recipient = recipient, []
                break
    saying = is_saying(trigger.lemma_.lower(), ctx.lexicon)
    if not recipient and row.pos == "VERB" and not saying:
        # "demanded that the US cancel ...", "urged Israel to ...": the one asked or blamed; a
        # verb of saying coded as an event (an imported dictionary may code "said") is told,
        # not addressed, to the subject of what it says
        for child in trigger.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                asked = subject(child) if child.dep_ == "ccomp" else None
                if asked is not None and asked.i != trigger.i:
                    # the actor's own side in the clause is no recipient ("warned that the
                    # People's Liberation Army would crush ...")
                    own = {a.code for a in actor if a.code} if row.event == "THREATEN" else set()
                    recipient = [a for a in actors_of(asked, ctx.mentions, sectors)
                                 if a.code and a.code not in own]
                if recipient:
                    break
    if not recipient and row.pos == "VERB":
        recipient = _named_in_object(trigger, actor, ctx)
    if not recipient and row.pos == "VERB" and trigger.dep_ == "pcomp" and \
            trigger.head.lower_ == "by" and trigger.head.head.pos_ == "VERB":
        # "China punished Norway by suspending salmon imports": the means is aimed at whom the
        # act it carries out is
        main = direct_object(trigger.head.head)
        if main is not None:
            recipient = [a for a in actors_of(main, ctx.mentions, sectors) if a.code]
    if not recipient and row.pos == "VERB" and row.priority > 0:
        recipient = _first_party_after(trigger, actor, ctx)
    actor = [a for a in actor if (a.code or a.sector) and a.sector != NOT_AN_ACTOR]
    recipient = [r for r in recipient if (r.code or r.sector) and r.sector != NOT_AN_ACTOR]
    # The actor is not its own recipient; another party of the same country is ("an Argentine
    # judge ordered former president Menem to appear", "Nigerian police arrested MASSOB members").
    recipient = [r for r in recipient if not any(same_party(r, a) for a in actor)]
    return actor, recipient


# Verbs that set the pace of the act their object names: its doer is their subject ("the United
# States speeded up the withdrawal of its forces").
PACE_VERBS = word_class("pace_verbs")


# Verbs of taking part: the subject of "converged for a rally" or "joined the strike" is the
# noun's actor.
PARTICIPATION_VERBS = word_class("participation_verbs")
GATHERING_VERBS = word_class("gathering_verbs")


# Nouns that measure out an act named after "of": "10 days of war games", "a round of talks".
MEASURE_NOUNS = word_class("measure_nouns")


def _nominal_position(noun):
    """Where a nominal trigger stands in its clause: "launched 10 days of war games" stands as
    the object of "launched"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and (
            noun.head.head.lemma_.lower() in MEASURE_NOUNS | PARTITIVES):
        return noun.head.head
    return noun


def _anaphoric(noun) -> bool:
    """"the request", "this buildup": a definite noun that refers back, unless a complement says
    whose or of what it is ("the withdrawal of invasion forces from Panama")."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
    described = any(c.dep_ == "prep" and c.lower_ in {"of", "by", "from"} for c in noun.children)
    return definite and not described


# PLOVER manual: future CONSULT, SUPPORT, COOPERATE and AID are AGREE; "announced ... would
# withdraw troops" (RETREAT + future) and future concessions are CONCEDE, not AGREE; promised
# force or pressure is THREATEN.
INTENT_TYPES = {**dict.fromkeys(["SUPPORT", "CONSULT", "COOPERATE", "AID"], "AGREE"),
                **dict.fromkeys(["RETREAT", "CONCEDE"], "CONCEDE"),
                **dict.fromkeys(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
                                "THREATEN")}


# "offered to hand over to Great Britain", "agreed to US mediation": a named actor after one of
# these, on the trigger, its object or its complement, is the recipient whatever the type.
ANY_RECIPIENT_PREPS = {"to", "with", "against", "on", "for", "from", "toward", "towards"}

# "warned of the Prince of Dol Amroth", "warned their populations about the Taliban": whatever
# type a warning is coded as, the one warned about is its target when no one is addressed.
WARNING_VERBS = word_class("warning_verbs")
WARNED_ABOUT = {"of", "about"}


POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}


# Types whose recipient is the one blamed: who did what their object names ("an attack by X").
BLAME_TYPES = {"ACCUSE", "REJECT", "SANCTION"}
# "with Albania's help": nouns that make the party after "with" a helper.
HELP_NOUNS = {"help", "support", "assistance", "backing", "aid", "cooperation", "consent",
              "approval", "blessing", "participation"}


# Events whose direct object may be a group named only by its sector ("arrested protesters").
SECTOR_OBJECT_EVENTS = {"COERCE", "ASSAULT", "ACCUSE", "SUPPORT", "CONSULT", "THREATEN",
                        "CONCEDE"}  # "pardoned 6,000 prisoners"
# ... and those whose object is such a group unless it is a force or an authority, often the
# actor's own ("freed 20 detainees", but "withdrew its troops")
PEOPLE_OBJECT_EVENTS = {"RETREAT"}
AUTHORITY_SECTORS = {"GOV", "COP", "JUD", "LEG", "MIL", "SPY"}


def _prep_actors(pobj, ctx: _Context) -> list[Actor]:
    """Actors behind a preposition; "in X" names a target only when X is a country ("war in
    Ukraine"), since a city after "in" is where something happened, not to whom."""
    found = actors_of(pobj, ctx.mentions, ctx.kb.sectors)
    if pobj.head.lower_ in {"in", "at"}:
        # "fired at students" names a target; "attacked the convoy at Goma" a place
        mention = ctx.mentions.at(pobj)
        found = [a for a in found if (a.kb_id or "").startswith("country:") or (
            pobj.head.lower_ == "at" and (mention is None or mention.label not in PLACE_LABELS))]
    return found


PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _first_coded(tokens, ctx: _Context, labels: set[str] | None = None,
                 accept=lambda actor: True) -> Actor | None:
    """The first party with a country code that the tokens name (in text order), as a copy."""
    for token in sorted(tokens, key=lambda t: t.i):
        mention = ctx.mentions.at(token)
        if mention and mention.actor and mention.actor.code and (
                labels is None or mention.label in labels) and accept(mention.actor):
            return replace(mention.actor)
    return None


def _first_party_after(trigger, actor: list[Actor], ctx: _Context) -> list[Actor]:
    """The target an imported CAMEO verb dictionary means: its codes were written for PETRARCH,
    whose target is the first party named in the verb's phrase after the verb ("halted his
    march towards ... in the vicinity of Cirith Ungol"). Only rows of such a dictionary use it."""
    found = _first_coded((t for t in trigger.subtree if t.i > trigger.i), ctx,
                         accept=lambda party: not any(same_party(party, a) for a in actor))
    return [found] if found else []


def _named_in_object(trigger, actor: list[Actor], ctx: _Context) -> list[Actor]:
    """"denounced Serbia's crackdown", "demanded an admission by Moscow", "threatened to ban
    Ugandan candidates": the first named actor inside the (complement's) object is whom the
    event is about."""
    codes = {a.code for a in actor}
    holders = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]
    for holder in holders:
        obj = direct_object(holder)
        if obj is None and holder is not trigger:
            # "offered to help Iran complete the plant", "refused to let Ban Ki-moon visit":
            # the one helped or let is the subject of the complement's own clause
            obj = next((subject(c) for c in holder.children if c.dep_ == "ccomp" and
                        subject(c) is not None and subject(c).i > holder.i), None)
        if obj is None:
            continue
        found = _first_coded(clause_tokens(obj), ctx, {"GPE", "NORP", "ORG", "PERSON"},
                             lambda party: party.code not in codes)
        if found:
            return [found]
    return []


def _fallback_recipient(sentence, actor: list[Actor], ctx: _Context) -> list[Actor]:
    """A nominal event with no stated target ("continued U.S. sanctions") in a sentence that
    names exactly one other country: that country."""
    codes = {a.code for a in actor}
    others = {}
    for mention in ctx.mentions.items:
        if sentence.start_char <= mention.start < sentence.end_char and mention.actor and \
                mention.actor.code and mention.actor.code not in codes and mention.label == "GPE":
            others[mention.actor.code] = mention.actor
    return [Actor(**{**next(iter(others.values())).__dict__})] if len(others) == 1 else []


def code_sentence(sentence, ctx: _Context, skip: list[tuple[int, int]]) -> list[Candidate]:
    candidates = []
    era_starts = _era_starts(sentence, ctx.mentions, ctx.kb)
    verb_triggers = set()
    for token in sentence:
        if any(start <= token.idx < end for start, end in skip):
            continue
        if token.ent_type_ in {"DATE", "TIME"}:
            continue  # "March" the month, not a march
        if token.pos_ == "PROPN" and token.ent_type_ in NAME_TYPES:
            continue  # "the Agency for Development and Cooperation", "the Gulf War": a name
        if token.dep_ == "compound" and token.head.pos_ in {"NOUN", "PROPN"} and \
                token.head.lemma_.lower() not in CONTAINER_NOUNS:
            # "aid workers", "war crimes tribunal", "an aid convoy": the noun it modifies says
            # what the phrase is ("a mediation mission" is a mediation); a multiword trigger
            # ("hunger strike") is matched on its head
            continue
        patterned = pattern_trigger(token, ctx.lexicon)
        row = patterned[0] if patterned else match_trigger(token, ctx.lexicon)
        if row is None:
            continue
        if row.pos == "NOUN":
            head = token.head
            if head.dep_ == "prep":
                head = head.head
            carried = _carries(head) and (token.dep_ == "dobj" or token.dep_ == "nsubj" and
                                          direct_object(head) is None)
            if not carried and head.i != token.i and (
                    head.i in verb_triggers or match_trigger(head, ctx.lexicon) is not None):
                continue  # the object of a trigger verb is part of that event
        elif _carries(token) and _noun_event_object(token, ctx):
            continue  # "continued their hunger strike": the noun says what happened
        else:
            verb_triggers.add(token.i)
        candidates.append(_candidate(token, row, sentence, ctx, era_starts,
                                     patterned[1] if patterned else None))
        if row.reverse:
            candidates.extend(_reversed(candidates[-1], ctx))
    candidates = _demands(sentence, candidates, ctx, era_starts)
    if not candidates and not any(start <= sentence.root.idx < end for start, end in skip):
        fallback = _classified(sentence, ctx, era_starts)
        if fallback is not None:
            candidates.append(fallback)
    candidates = _fold_complements(candidates)
    fill_recipients(candidates, ctx.mentions, ctx.lexicon.plover)
    return candidates


def _classified(sentence, ctx: _Context, era_starts) -> Candidate | None:
    """No trigger fired: the learned classifier names the type, the root verb is the trigger,
    and the parse still has to give it an actor or a recipient to count (see code_parsed)."""
    from .classifier import predict

    root = sentence.root
    if is_saying(root.lemma_.lower(), ctx.lexicon):
        # "X is ready to ..., the minister said": what was said is the event, not the saying
        root = next((c for c in root.children if c.dep_ == "ccomp"
                     and c.pos_ in {"VERB", "AUX"}), root)
    if root.pos_ not in {"VERB", "AUX", "NOUN"} or len(sentence) < 4:
        return None
    event_type, probability = predict(sentence.text)
    if probability < ctx.fallback_threshold:
        return None
    row = Trigger(lemma=root.lemma_.lower(), words=(root.lemma_.lower(),),
                  pos="VERB" if root.pos_ != "NOUN" else "NOUN", event=event_type, mode=None,
                  context=(), particle=None, object_hint=frozenset())
    candidate = _candidate(root, row, sentence, ctx, era_starts)
    candidate.event.confidence = round(min(candidate.event.confidence, probability), 2)
    return candidate


# Entity types whose proper-noun words name something rather than tell what happened.
NAME_TYPES = {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT",
              "PRODUCT"}


# Nouns that only hold the act their modifier names: "a mediation mission", "a rescue operation".
CONTAINER_NOUNS = word_class("container_nouns")


# Verbs that only carry the event their object names: "staged rallies", "began a hunger strike".
CARRIER_VERBS = word_class("carrier_verbs")


def _carries(token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and bool(verb_forms(token) & CARRIER_VERBS)


def _noun_event_object(verb, ctx: _Context) -> bool:
    """The noun that names what a carrier verb carries: its object ("began a hunger strike"),
    or with none its subject ("talks between Iran and Oman resumed")."""
    obj = direct_object(verb)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return False
    row = match_trigger(obj, ctx.lexicon)
    return row is not None and row.pos == "NOUN"


def _demands(sentence, candidates: list[Candidate], ctx: _Context, era_starts) -> list[Candidate]:
    """"Russia said Sudan must return the helicopter": a demand by the speaker (REQUEST), which
    replaces whatever the obliged clause itself would have coded."""
    for token in sentence:
        if not has_obligation(token, ctx.lexicon):
            continue
        speaker = reporting_governor(token, ctx.lexicon)
        if speaker is None:
            continue
        row = Trigger(lemma=speaker.lemma_.lower(), words=(speaker.lemma_.lower(),), pos="VERB",
                      event="REQUEST", mode=None, context=(), particle=None,
                      object_hint=frozenset())
        demand = _candidate(speaker, row, sentence, ctx, era_starts)
        if speaker.dep_ == "advcl" and speaker.tag_ == "VBG":
            demand.depth += 1  # "staged rallies, saying he must resign": the rallies come first
        obliged = subject(token)
        demand.event.recipient = actors_of(obliged, ctx.mentions, ctx.kb.sectors) \
            if obliged is not None else []
        demand.event.recipient = [a for a in demand.event.recipient if a.code or a.sector]
        inner = [c for c in candidates if c.trigger.i in {t.i for t in token.subtree}]
        for c in inner:
            demand.event.items = demand.event.items or c.event.items
            demand.event.context = demand.event.context or c.event.context
        candidates = [c for c in candidates if c not in inner and c.trigger.i != speaker.i]
        candidates.append(demand)
    return candidates


def _fold_complements(candidates: list[Candidate]) -> list[Candidate]:
    """"threatened to strike X", "agreed to cooperate with X": one event, the outer verb's type,
    with the complement's arguments where the outer verb has none."""
    by_token = {c.trigger.i: c for c in candidates}
    kept = []
    for candidate in candidates:
        outer = by_token.get(candidate.trigger.head.i)
        if candidate.trigger.dep_ == "xcomp" and outer is not None and outer is not candidate:
            outer.event.recipient = outer.event.recipient or candidate.event.recipient
            outer.event.items = outer.event.items or candidate.event.items
            if not outer.event.event_loc.extracted_place:
                outer.event.event_loc = candidate.event.event_loc
            continue
        kept.append(candidate)
    return kept


def _reversed(candidate: Candidate, ctx: _Context) -> list[Candidate]:
    """The other side's act, where an imported dictionary codes one ("MEET [031:031]": each
    meets the other; "ARRIVE [032:033]": the visit, and the host's reception)."""
    event = candidate.event
    if not (event.actor and event.recipient):
        return []
    other = copy.deepcopy(event)
    other.actor, other.recipient = other.recipient, other.actor
    other.event, other.mode = candidate.row.reverse, None
    other.quad_code = ctx.lexicon.quad(other.event)
    other.event_scale = ctx.lexicon.score(other.event, None)
    return [Candidate(trigger=candidate.trigger, row=candidate.row, event=other,
                      definite=candidate.definite, depth=candidate.depth + 1,
                      date_range=candidate.date_range, reverse=True)]


RIOT_MODES = {"ASSAULT": "riot", "COERCE": "obstruct"}
PROTEST_PARTICIPANTS = word_class("protest_participants")
CAMPAIGNERS = word_class("campaigners")


def _by_protesters(verb, event_type: str) -> bool:
    """Whether the verb's doers are people in a protest ("thousands of protesters"); for a
    blockade, campaigners too."""
    agent = subject(verb)
    if agent is None or passive_patient(verb) is not None:
        return False
    who = PROTEST_PARTICIPANTS | (CAMPAIGNERS if event_type == "COERCE" else frozenset())
    heads = [agent] + [c for c in agent.children if c.dep_ == "conj"]
    return any(h.lemma_.lower() in who or (
        h.lemma_.lower() in QUANTITY_NOUNS and any(
            g.lemma_.lower() in who for p in h.children if p.lower_ == "of"
            for g in p.children)) for h in heads)


def _bound_actors(root, ctx: _Context) -> list[Actor]:
    """The parties a pattern's phrase names: its own, else the first coded one inside it ("the
    leaders of Gondor", "an anti-Gondor parade")."""
    found = actors_of(root, ctx.mentions, ctx.kb.sectors)
    if any(a.code for a in found):
        return found
    inner = _first_coded(root.subtree, ctx)
    return [inner] if inner else found


def _candidate(token, row: Trigger, sentence, ctx: _Context, era_starts,
               bound: dict | None = None) -> Candidate:
    actor, recipient = _arguments(token, row, ctx)
    if bound:
        # an imported verb pattern says where its source ($) and target (+, %) are
        # (only phrases that name a coded party count: a pattern written for "X was freed from
        # Y" also matches "Iran freed the tourists from Evin prison")
        source = [a for a in _bound_actors(bound["source"], ctx) if a.code] \
            if "source" in bound else []
        # a list of parties after the verb is its target ("agrees with % "), before it its doers
        after = "compound" in bound and bound["compound"].i > token.i
        target = [a for key in ("target", "compound") if key in bound and (key == "target" or after)
                  for a in _bound_actors(bound[key], ctx) if a.code]
        if source:
            actor = source
        target = [t for t in target if not any(same_party(t, a) for a in actor)]
        if target:
            recipient = target
        elif "compound" in bound and not after:
            recipient = []  # "% HAVE * [191]": a joint act of the listed parties, no one's target
    definite = row.pos == "NOUN" and _anaphoric(token)
    requires_recipient = ctx.lexicon.plover["event_types"][row.event].get("requires_recipient")
    if row.pos == "NOUN" and requires_recipient and not recipient and actor and not definite:
        recipient = _fallback_recipient(sentence, actor, ctx)
    default_sector = DEFAULT_ACTOR_SECTOR.get(row.event)
    for person in actor:
        if person.sector is None and default_sector and person.kb_id and \
                person.kb_id.startswith("country:"):
            person.sector = default_sector
    alias = ctx.lexicon.plover["event_types"][row.event].get("mode_aliases", {}).get(row.mode)
    if alias:
        obj = direct_object(token)
        hit = match_trigger(obj, ctx.lexicon) if obj is not None else None
        if row.event == "CONSULT" and hit is not None and hit.event == row.event:
            mode = "third-party"  # "hosted talks between X and Y"
        else:
            # "Kenya's president hosted his Ugandan counterpart": the guest is the actor;
            # "Malawi received maize from South Africa": the giver is
            if alias.get("swap_roles"):
                actor, recipient = recipient, actor
            mode = alias["mode"]
    else:
        mode = row.mode if row.mode in ctx.lexicon.modes(row.event) else None
    contexts = list(row.context)
    for t in (token.sent if row.pos == "VERB" else token.subtree):
        context = ctx.lexicon.contexts.get(t.lemma_.lower())
        if context and context not in contexts:
            contexts.append(context)
    place = place_of(token, ctx.mentions)
    event_loc = Place()
    if place:
        place_token, mention = place
        name = ctx.text[mention.start:mention.end]
        code = mention.actor.code if mention.actor else None
        resolved = mention.actor.name if mention.actor and mention.actor.name else name
        if code is None and not mention.region:
            resolved, code = resolve_place(name)
            # a gazetteer guess gives way to a country the sentence names ("in Borno state in
            # north-eastern Nigeria" is not Borna in Germany)
            named = _countries_named(sentence, ctx.mentions)
            if named and code not in named:
                resolved, code = name, min(named, key=lambda c: abs(named[c] - place_token.i))
        event_loc = Place(extracted_place=name, resolved_place=resolved, country_code=code)
    for person in actor + recipient:
        if person.code is None and person.sector and event_loc.country_code and \
                person.kb_id is None and person.sector not in TRANSNATIONAL_SECTORS:
            person.code = event_loc.country_code  # "police in Caracas": Venezuelan police
    modality = modality_of(token, ctx.lexicon, _speaker_is_actor(token, actor, ctx))
    event_type, mode = row.event, mode
    if event_type in RIOT_MODES and row.pos == "VERB" and _by_protesters(token, event_type):
        # "Chinese protesters pelted the Japanese embassy with stones": violence by people in a
        # protest is a riot, their blockade an obstruction (PLOVER manual, PROTEST modes)
        event_type, mode = "PROTEST", RIOT_MODES[event_type]
    if event_type == "PROTEST" and row.pos == "VERB" and any(c.dep_ == "ccomp"
                                                             for c in token.children):
        # "X is failing refugees, a rights group protested": a protest that says something is a
        # complaint (ACCUSE disapprove), not a demonstration
        event_type, mode = "ACCUSE", "disapprove"
    joint = ctx.lexicon.plover["event_types"][row.event].get("joint")
    partners = _partners(token, ctx) if joint and row.lemma in joint["lemmas"] else None
    if partners is not None and len({a.code for a in actor + recipient + partners if a.code}) >= 2:
        # "French and Egyptian warships launched war games", "held drills with Russia"
        event_type, mode = joint["event"], None
        own = {a.code for a in actor}
        recipient = recipient or [a for a in partners if a.code not in own]
        if joint["context"] not in contexts:
            contexts.append(joint["context"])
    if modality in {"future", "hypothetical"} and _on_condition_unless(token, actor, ctx):
        # "will withdraw its force unless X arranges a ceasefire": an ultimatum, which PLOVER
        # codes as THREATEN whatever the action held over the recipient
        event_type, mode, modality = "THREATEN", None, "asserted"
    if modality == "negated" and ctx.lexicon.quad(event_type) in (1, 2):
        # PLOVER: refusing to cooperate is REJECT ("would not meet the demands")
        event_type, mode, modality = "REJECT", None, "asserted"
    if modality == "future" and event_type in INTENT_TYPES and not _imminent(token, ctx.lexicon):
        # PLOVER codes a stated intention as its own act: a promise to cooperate is AGREE, a
        # promised concession or retreat CONCEDE, a promise of force or pressure THREATEN
        # ("will send troops", "would withdraw from", "would impose sanctions").
        kept_mode = mode if INTENT_TYPES[event_type] == event_type else None
        event_type, mode, modality = INTENT_TYPES[event_type], kept_mode, "asserted"
    repaired_text = ctx.doc.repaired.text if ctx.doc.repaired else ctx.doc.text
    attribution, reported = attribute(repaired_text[sentence.start_char:sentence.end_char],
                                      sentence.start_char, ctx.sources, ctx.doc.cited_sources)
    if reported and modality in {"asserted", "historical"}:
        modality = "reported"
    date_range = _date_for(token, sentence, ctx, era_starts)
    if date_range and modality == "asserted" and date_range.precision == "open" and \
            date_range.start is None and "era" in date_range.text.lower():
        modality = "historical"
    start, end = _to_original(ctx.doc, sentence.start_char, sentence.end_char)
    trigger_start, trigger_end = _to_original(ctx.doc, token.idx, token.idx + len(token))
    event = Event(
        id="", doc_id=ctx.doc.id, event=event_type, mode=mode, context=contexts,
        quad_code=ctx.lexicon.quad(event_type), event_scale=ctx.lexicon.score(event_type, mode),
        actor=actor, recipient=recipient,
        intermediary=intermediaries(token, ctx.mentions, ctx.kb.sectors),
        event_loc=event_loc, event_text=ctx.doc.text[trigger_start:trigger_end],
        modality=modality, attribution=attribution,
        text_info=TextInfo(sentence=ctx.doc.text[start:end].strip(), start=start, end=end),
    )
    _set_date(event, date_range, modality, ctx.reference)
    object_phrase = _object_phrase(token, ctx.text)
    candidate = Candidate(trigger=token, row=row, event=event, definite=definite,
                          depth=_depth(token) + is_purpose(token) + _is_background(token),
                          date_range=date_range)
    if object_phrase:
        event.items = phrase_items(object_phrase, ctx.organisations)
    event.confidence = round(min(0.95, 0.4 + 0.25 * bool(actor) + 0.15 * bool(recipient)
                                 + 0.1 * bool(row.object_hint) + 0.05 * bool(event.date)), 2)
    return candidate


SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


def _speaker_is_actor(token, actor: list[Actor], ctx: _Context) -> bool:
    """Whether the one reporting the clause is its actor: "it"/"they" in what a speaker says,
    or a speaker of the same country ("France will ..., the French defence minister said")."""
    governor, pronoun, head, steps = None, False, token, 0
    while head.head.i != head.i and steps < 6:
        pronoun = pronoun or any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in SPEAKER_PRONOUNS
                                 for c in head.children)
        head, steps = head.head, steps + 1
        if is_saying(head.lemma_.lower(), ctx.lexicon):
            governor = head
            break
    if governor is None:
        return False
    if pronoun:
        return True
    speaker = subject(governor)
    if speaker is None:
        return False

    def sides(actors: list[Actor]) -> set[str]:
        return {a.code or a.kb_id or a.entity_text.lower() for a in actors}

    return bool(sides(actors_of(speaker, ctx.mentions, ctx.kb.sectors)) & sides(actor))


def _partners(trigger, ctx: _Context) -> list[Actor]:
    """The countries an exercise or patrol is held with ("held exercises with France")."""
    holders = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" else [])  # "held ... with"
    return [a for holder in holders for pobj in prep_objects(holder, {"with"})
            for a in actors_of(pobj, ctx.mentions, ctx.kb.sectors) if a.code]


def _countries_named(sentence, mentions: Mentions) -> dict[str, int]:
    """The countries a sentence names outright, with the position of their first mention."""
    named: dict[str, int] = {}
    for token in sentence:
        mention = mentions.at(token)
        if mention is not None and mention.actor is not None and mention.actor.code and \
                (mention.actor.kb_id or "").startswith("country:"):
            named.setdefault(mention.actor.code, token.i)
    return named


def _imminent(token, lexicon: Lexicon) -> bool:
    """"Arnor is about to restore ties", "is set to release": the reporter says the act is near,
    which is the act itself (future), not anyone's promise of it."""
    return _governing_cue(token, lexicon, "imminent", {"xcomp", "acomp", "pcomp"}, 3) is not None


def _on_condition_unless(token, actor: list[Actor], ctx: _Context) -> bool:
    """An ultimatum: the act is held over another party, who must do something first ("will
    withdraw its force unless Chad's president arranges a ceasefire"; not "unless the court
    objects")."""
    own = {a.code for a in actor if a.code}
    for clause in token.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                          for m in clause.children):
            doer = subject(clause)
            others = actors_of(doer, ctx.mentions, ctx.kb.sectors) if doer is not None else []
            if any((a.code or a.kb_id) and a.code not in own and
                   not any(same_party(a, b) for b in actor) for a in others):
                return True
    return False


def _object_phrase(token, text: str) -> str:
    obj = direct_object(token)
    parts = []
    if obj is not None:
        parts.append(obj)
    parts.extend(child for child in token.children if child.dep_ == "prep" and child.lower_ == "for")
    if not parts:
        return ""
    start = min(p.left_edge.idx for p in parts)
    end = max(p.right_edge.idx + len(p.right_edge) for p in parts)
    return text[start:end]


def _set_date(event: Event, found: DateRange | None, modality: str, reference: date | None) -> None:
    if found:
        event.date = found.start.isoformat() if found.start else None
        event.enddate = found.end.isoformat() if found.end else None
        event.date_text = found.text
    elif reference and modality in {"asserted", "reported"}:
        # Stated without a date: it holds at publication time, read as the preceding quarter.
        event.date = (reference - timedelta(days=90)).isoformat()
        event.enddate = reference.isoformat()


def _to_original(doc: Document, start: int, end: int) -> tuple[int, int]:
    return doc.repaired.to_original(start, end) if doc.repaired else (start, end)


# -- the document -------------------------------------------------------------------------------


def _bullet_groups(text: str) -> list[tuple[int, int, list[re.Match]]]:
    """Runs of bullet lines: (start of the line that introduces them, end of the run, bullets)."""
    groups: list[tuple[int, int, list[re.Match]]] = []
    for match in BULLET.finditer(text):
        if groups and text[groups[-1][1]:match.start()].strip() == "":
            intro, _, bullets = groups[-1]
            groups[-1] = (intro, match.end(), bullets + [match])
        else:
            intro = text.rfind("\n", 0, max(match.start() - 1, 0)) + 1
            groups.append((intro, match.end(), [match]))
    return groups


def _same_happening(a: Candidate, b: Candidate) -> bool:
    if a.event.event != b.event.event:
        return False
    if FACT_CLASS.get(a.event.modality, a.event.modality) != FACT_CLASS.get(
            b.event.modality, b.event.modality):
        return False
    codes_a = {x.code for x in a.event.actor if x.code}
    codes_b = {x.code for x in b.event.actor if x.code}
    if codes_a and codes_b and not codes_a & codes_b:
        return False
    rec_a = {x.code for x in a.event.recipient if x.code}
    rec_b = {x.code for x in b.event.recipient if x.code}
    if rec_a and rec_b and not rec_a & rec_b:
        return False
    return bool(codes_a & codes_b) or b.definite


def _absorb(main: Candidate, other: Candidate) -> None:
    """Fill what the first mention lacks from a later one ("Maduro's appeal, delivered by...")."""
    event, extra = main.event, other.event
    event.actor = event.actor or extra.actor
    event.recipient = event.recipient or extra.recipient
    event.intermediary = event.intermediary or extra.intermediary
    if not event.event_loc.extracted_place:
        event.event_loc = extra.event_loc
    if other.date_range and (main.date_range is None or _span(other.date_range) < _span(main.date_range)):
        main.date_range = other.date_range
        event.date = other.event.date
        event.enddate = other.event.enddate
        event.date_text = other.event.date_text
    if extra.attribution and (event.attribution is None or not event.attribution.basis):
        event.attribution = extra.attribution
    if extra.modality == "reported" and event.modality == "asserted":
        event.modality = "reported"
    for context in extra.context:
        if context not in event.context:
            event.context.append(context)
    event.items = event.items or extra.items
    event.mode = event.mode or extra.mode
    event.confidence = max(event.confidence, extra.confidence)


def _span(found: DateRange) -> int:
    if found.start is None or found.end is None:
        return 10**6
    return (found.end - found.start).days


def code_document(doc: Document, nlp, kb: KnowledgeBase | None = None,
                  require_participant: bool = True, lexicon: Lexicon | None = None) -> Document:
    """Entities and events of one document (in place); runs the text stages if not yet run.

    An event needs an actor or a recipient; `require_participant=False` keeps the others too
    (sentence-level evaluation scores the event type of every sentence).
    """
    if doc.repaired is None:
        doc = prepare(doc)
    kb = kb or shipped_kb()
    doc.repaired = capitalise_known_words(doc.repaired, proper_forms_cached(kb))
    parsed = nlp(parse_text(doc))
    return code_parsed(doc, parsed, kb, require_participant, lexicon)


def code_documents(docs: Iterable[Document], nlp, kb: KnowledgeBase | None = None,
                   n_process: int = 1, batch_size: int = 32) -> Iterator[Document]:
    """Code many documents, parsing them in batches (and in `n_process` processes)."""
    kb = kb or shipped_kb()
    forms = proper_forms_cached(kb)

    pending: deque[Document] = deque()

    def texts():
        for doc in docs:
            if doc.repaired is None:
                doc = prepare(doc)
            doc.repaired = capitalise_known_words(doc.repaired, forms)
            pending.append(doc)
            yield parse_text(doc)

    # Bare texts, not (text, Document) tuples: with processes, spaCy would pickle every
    # Document to the workers and back. nlp.pipe keeps order, so the queue pairs them again.
    for parsed in nlp.pipe(texts(), n_process=n_process, batch_size=batch_size):
        yield code_parsed(pending.popleft(), parsed, kb)


# Knowledge bases are unhashable dataclasses: cache by id, keeping the base alive with its forms so
# that an id is never reused for another one.
_FORMS: dict[int, tuple[KnowledgeBase, dict[str, str]]] = {}


def proper_forms_cached(kb: KnowledgeBase) -> dict[str, str]:
    if id(kb) not in _FORMS:
        _FORMS[id(kb)] = (kb, proper_forms(kb))
    return _FORMS[id(kb)][1]


def code_parsed(doc: Document, parsed, kb: KnowledgeBase,
                require_participant: bool = True, lexicon: Lexicon | None = None) -> Document:
    reference = _reference(doc)
    text = parsed.text
    mentions = _mentions(doc, parsed, kb, reference, text)
    doc.entities = _entities(doc, parsed, mentions, kb.sectors)
    organisations = [text[m.start:m.end] for m in mentions.items if m.label == "ORG"]
    # Attribution reads the repaired text, where the URLs blanked for the parser are still there.
    repaired_text = doc.repaired.text if doc.repaired else doc.text
    sentences = [(s.start_char, repaired_text[s.start_char:s.end_char]) for s in parsed.sents]
    ctx = _Context(doc=doc, parsed=parsed, mentions=mentions, lexicon=lexicon or load_lexicon(),
                   kb=kb,
                   reference=reference, sources=find_sources(sentences, doc.cited_sources),
                   organisations=organisations, text=text,
                   fallback_threshold=0.4 if require_participant and len(sentences) > 1
                   else 0.0)
    groups = _bullet_groups(text)
    skip = [(m.start(), m.end()) for _, _, bullets in groups for m in bullets]
    title_line = text.split("\n", 1)[0]
    if doc.title and title_line.strip() == doc.title.strip():
        skip.append((0, len(title_line)))  # the headline retells the story the body codes
    candidates: list[Candidate] = []
    for sentence in parsed.sents:
        candidates.extend(code_sentence(sentence, ctx, skip))
    kept = _merge(candidates)
    for intro, _, bullets in groups:
        owner = _owner_of_list(intro, bullets[0].start(), candidates, kept)
        if owner is not None:
            items: list[Item] = []
            for bullet in bullets:
                items.extend(bullet_items(bullet.group("body"), organisations))
            owner.event.items = items
    if require_participant:
        argued = [c for c in kept if c.event.actor or c.event.recipient]
        # A text with events but none argued (often a single sentence) keeps its best guess.
        kept = argued or sorted(kept, key=lambda c: (c.depth, -c.event.confidence))[:1]
    # Within a sentence, the event nearest the root of the parse comes first.
    kept.sort(key=lambda c: (c.event.text_info.start, c.depth, -c.event.confidence))
    shallowest: dict[int, int] = {}
    for c in kept:
        shallowest[c.event.text_info.start] = min(shallowest.get(c.event.text_info.start, 99),
                                                  c.depth)
    for c in kept:
        # How close the trigger is to its sentence's root; not a schema field, not serialised.
        c.event.depth = c.depth  # type: ignore[attr-defined]
        # An event in a clause below its sentence's main one ("... after X attacked Y") is less
        # likely to be what the sentence reports, and says so.
        below = c.depth - shallowest[c.event.text_info.start]
        if below > 0:
            c.event.confidence = round(max(0.1, min(c.event.confidence, 0.6) - 0.1 * below), 2)
    doc.events = [c.event for c in kept]
    for c in kept:
        c.event.id = hashlib.sha1(
            f"{doc.content_hash}:{c.event.text_info.start}:{c.trigger.idx}"
            f"{':reverse' if c.reverse else ''}".encode()
        ).hexdigest()[:16]
    return doc


def _reference(doc: Document) -> date | None:
    value = doc.reference_date
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in candidates:
        target = next((k for k in kept if _same_happening(k, candidate)), None)
        if target is not None:
            _absorb(target, candidate)
            candidate.event = target.event  # later lookups (bullet owners) reach the merged event
            continue
        if candidate.definite and not candidate.event.actor:
            continue  # "this request" with nothing earlier to refer to: not an event of its own
        if not candidate.event.actor and not candidate.event.recipient and any(
                c.trigger.sent == candidate.trigger.sent and c is not candidate and c.event.actor
                for c in candidates):
            continue  # a bare noun next to a fully argued event in the same sentence
        kept.append(candidate)
    return kept


def _owner_of_list(intro: int, first_bullet: int, candidates: list[Candidate],
                   kept: list[Candidate]) -> Candidate | None:
    """The event a list belongs to: one mentioned on the line that introduces the list."""
    for candidate in candidates:
        if intro <= candidate.trigger.idx < first_bullet:
            for k in kept:
                if k.event is candidate.event:
                    return k
    return None


def code_text(text: str, nlp, published: str | None = None, doc_id: str = "text",
              kb: KnowledgeBase | None = None) -> list[Event]:
    """Events of a bare text (a sentence or a story), for evaluation and the Python API."""
    doc = Document(id=doc_id, text=text, published=published)
    return code_document(doc, nlp, kb, require_participant=False).events


def main_event(events: list[Event]) -> Event | None:
    """The event a one-sentence coder would report: the one nearest the root of the parse,
    then the one with the most arguments."""
    return min(events, key=lambda e: (getattr(e, "depth", 0), -e.confidence), default=None)
