"""The document: every sentence's candidates merged into the document's events (a definite
mention, "the request", or a second mention by the same actor adds its details to the first),
list bullets given to the event that introduces them, the main event of each sentence marked,
and stable event ids.

`code_parsed(doc, parsed, coder)` is the coder's entry point: entities and mentions
(`entities/mentions.py`), then `sentence.py` per sentence, then the merge here.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import defaultdict

from sitrep.actors.knowledge import KnowledgeBase
from sitrep.coding.attribution import find_sources
from sitrep.coding.candidate import FACT_CLASS, Candidate, Context
from sitrep.coding.dates import reference_date, span_days
from sitrep.coding.discourse import clause_parties, sane, settle_parties
from sitrep.coding.items import bullet_items
from sitrep.coding.lexicon import Lexicon
from sitrep.coding.participants import is_resolved
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.relevance import (
    Frames,
    addressed_to_public,
    is_licensed,
    is_political,
    is_public_notice,
    needs_licence,
    standing,
)
from sitrep.coding.reporters import unarmed_report
from sitrep.coding.roles import direct_object, subject
from sitrep.coding.sentence import code_sentence
from sitrep.coding.sentence_type import TypeJudge, retype_mains
from sitrep.entities.entity_list import document_entities
from sitrep.entities.mentions import find_mentions
from sitrep.model import Actor, Document, Event, Item
from sitrep.options import Options
from sitrep.spans import SpanIndex

BULLET = re.compile(r"^[ \t]*(?:[*•\-–]|\d{1,2}[.)])[ \t]+(?P<body>.+)$", re.MULTILINE)


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
    standing = [c.event.date_basis == "standing" for c in (a, b)]
    if standing[0] != standing[1] and (b if standing[0] else a).event.date_basis == "text":
        return False  # "bought jets a decade ago" is not "buys Russian rifles" (a standing tie)
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
    event.actor = _placed(event.actor) or _placed(extra.actor) or event.actor or extra.actor
    event.recipient = _placed(event.recipient) or _placed(extra.recipient) or event.recipient \
        or extra.recipient
    event.intermediary = event.intermediary or extra.intermediary
    if not event.event_loc.extracted_place:
        event.event_loc = extra.event_loc
    if other.date_range and (main.date_range is None or span_days(other.date_range) < span_days(main.date_range)):
        main.date_range = other.date_range
        event.date = other.event.date
        event.enddate = other.event.enddate
        event.date_text = other.event.date_text
        event.date_basis = other.event.date_basis
    if extra.attribution and (event.attribution is None or not event.attribution.basis and (
            extra.attribution.basis or not (event.attribution.url or event.attribution.outlet))):
        event.attribution = extra.attribution
    if extra.modality == "reported" and event.modality == "asserted":
        event.modality = "reported"
    for context in extra.context:
        if context not in event.context:
            event.context.append(context)
    event.items = event.items or extra.items
    event.mode = event.mode or extra.mode
    event.confidence = max(event.confidence, extra.confidence)


def code_parsed(doc: Document, parsed, kb: KnowledgeBase, lexicon: Lexicon,
                options: Options, type_judge: TypeJudge | None = None) -> Document:
    """Entities and events of one parsed document (in place). An event needs an actor or a
    recipient, one of them political, and a trigger licensed in its sense (`relevance.py`).
    `type_judge` (the learned sentence type, `sentence_type.py`) re-decides each sentence's main
    type."""
    reference = reference_date(doc)
    text = parsed.text
    mentions = find_mentions(doc, parsed, kb, reference, text)
    doc.entities = document_entities(doc, parsed, mentions, kb.sectors)
    organisations = list(dict.fromkeys(text[m.start:m.end] for m in mentions.items
                                       if m.label == "ORG"))
    # Attribution reads the repaired text, where the URLs blanked for the parser are still there.
    repaired_text = doc.repaired.text if doc.repaired else doc.text
    sents = list(parsed.sents)  # spaCy walks every token for each `Doc.sents`: once
    sentences = [(s.start_char, repaired_text[s.start_char:s.end_char]) for s in sents]
    ctx = Context(doc=doc, parsed=parsed, mentions=mentions, lexicon=lexicon, kb=kb,
                  reference=reference, sources=find_sources(sentences, doc.cited_sources),
                  organisations=organisations, text=text,
                  fallback_threshold=options.classifier_threshold if len(sentences) > 1
                  else options.classifier_threshold_one_sentence,
                  frames=Frames(repaired_text, options.relevance_threshold,
                                options.relevance_sentence_threshold, len(sentences)))
    groups = _bullet_groups(text)
    skip = [(m.start(), m.end()) for _, _, bullets in groups for m in bullets]
    title_line = text.split("\n", 1)[0]
    if doc.title and title_line.strip() == doc.title.strip():
        skip.append((0, len(title_line)))  # the headline retells the story the body codes
    candidates: list[Candidate] = []
    skipped = SpanIndex(skip)
    for sentence in sents:
        candidates.extend(code_sentence(sentence, ctx, skipped))
    clause_parties(candidates, ctx)  # who comes to whose aid, a letter's addressee
    kept = _merge(candidates, lambda candidate: _protest_act(candidate, ctx))
    _give_lists_their_items(groups, candidates, kept, organisations)
    kept = settle_parties(kept, ctx, sents)  # the discourse's parties; no self-targets
    # An event needs a participant the knowledge base placed, and a political one
    # (docs/coding-rules.md): a text whose candidates name no one, only words it cannot place,
    # or only companies, bands and clubs, has no event.
    for c in kept:
        if not _argued(c.event):
            found = clause_party(c.trigger, ctx)
            if found and not unarmed_report(c, found, ctx):
                c.event.actor = found
    # The clause's doer may be the party the event was aimed at: the sanity rule again.
    kept = [c for c in kept if (_argued(c.event) or _protest_act(c, ctx)) and sane(c)
            and political(c, ctx)]
    doc.events = _rank(kept)
    if type_judge is not None:
        by_sentence: dict[int, list[Candidate]] = defaultdict(list)
        for candidate in candidates:
            by_sentence[candidate.sentence_start].append(candidate)
        retype_mains([c for c in kept if c.event.main], by_sentence, type_judge, lexicon)
    for c in kept:
        c.event.id = hashlib.sha1(
            f"{doc.content_hash}:{c.sentence_start}:{c.trigger.idx}"
            f"{':reverse' if c.reverse else ''}".encode()
        ).hexdigest()[:16]
    return doc


def clause_party(trigger, ctx: Context) -> list[Actor]:
    """The doer a trigger with no participant of its own takes from the clause it stands in:
    the subject of the nearest verb above it ("The FBI has joined a criminal investigation",
    "the agency will investigate"), if that names a party with a standing or a sector
    ("dockers stopped work on the first day of a strike")."""
    token = trigger
    for _ in range(5):
        if token.pos_ in {"VERB", "AUX"}:
            doer = subject(token)
            if doer is not None:
                found = [a for a in actors_of(doer, ctx.mentions, ctx.kb.sectors)
                         if standing(a) or a.sector]
                if found:
                    return found
        if token.head.i == token.i:
            break
        token = token.head
    return []


def political(candidate: Candidate, ctx: Context) -> bool:
    """Whether a candidate is a political event: a political participant (rule 1) and, for a
    trigger with a non-political sense, a licence from its participants or the frame (rule 2).
    The fallback classifier's guesses have no trigger word to vouch for them: they need the
    "party" licence."""
    event, row = candidate.event, candidate.row
    protest_act = _protest_act(candidate, ctx)
    if not is_political(event, protest_act) or is_public_notice(
            event, row.lemma, addressed_to_public(candidate.trigger)):
        return False
    if len(row.words) > 1 or (protest_act and row.event != "PROTEST"):
        # "peace talks", "air strike": the phrase says which sense; "end the strike": its object
        licence = None
    elif candidate.guessed:
        # the classifier's guess ("thrashed", "won", "topped"): no trigger word vouches for its
        # political sense, so it needs a placed political party or a political sentence frame
        licence = "party"
    else:
        licence = needs_licence(row.lemma, row.pos, row.event)
    if ctx.frames is None:
        return is_licensed(event, licence, True, True)
    sentence = event.text_info.sentence if event.text_info else ""
    return is_licensed(event, licence, ctx.frames.sentence(sentence), ctx.frames.document)


def _on_a_protest(trigger, ctx: Context) -> bool:
    """Whether a verb acts on a protest ("will not end the strike", "lifted a boycott of the
    venue"): its direct object is a noun with a protest sense ("strike" has others too; the
    verb's own row chose the sense: "end" with a strike is ending a protest)."""
    if trigger.pos_ not in {"VERB", "AUX"}:
        return False
    obj = direct_object(trigger)
    rows = ctx.lexicon.triggers.get((obj.lemma_.lower(), "NOUN"), ()) if obj is not None else ()
    return any(row.event == "PROTEST" for row in rows)


def _protest_act(candidate: Candidate, ctx: Context) -> bool:
    """A protest a trigger word names, or an act on one, by a doer the text names ("Ana Ruiz
    said the miners will stay on strike", "the Hirak movement boycotted the vote"): protesting is
    the group's own political act whoever the group is (`is_political`), so words that name the
    doer are enough; it still needs a political frame. A guess of the fallback classifier has
    no protest word to vouch for it."""
    if candidate.guessed or not candidate.event.actor:
        return False
    return candidate.event.event == "PROTEST" or _on_a_protest(candidate.trigger, ctx)


def _placed(parties: list) -> list:
    """The parties the knowledge base placed (words alone, `name_unresolved`, are not)."""
    return [a for a in parties if is_resolved(a)]


def _argued(event: Event) -> bool:
    """An event with a party the knowledge base placed (words alone do not count)."""
    return bool(_placed(event.actor + event.recipient))


def _rank(kept: list[Candidate]) -> list[Event]:
    """The events in text order, each sentence's main event first (see `main_event`); an event
    in a clause below its sentence's main one ("... after X attacked Y") is less likely to be
    what the sentence reports, and its confidence says so."""
    kept.sort(key=lambda c: (c.sentence_start, c.depth, -c.event.confidence))
    first: dict[int, Candidate] = {}
    for c in kept:
        first.setdefault(c.sentence_start, c)
    for c in kept:
        main = first[c.sentence_start]
        c.event.depth = c.depth
        c.event.main = c is main
        below = c.depth - main.depth
        if below > 0:
            c.event.confidence = round(max(0.1, min(c.event.confidence, 0.6) - 0.1 * below), 2)
    return [c.event for c in kept]


def _merge(candidates: list[Candidate], stands_alone=lambda candidate: False) -> list[Candidate]:
    """Candidates that are new happenings; a later mention of one (same type and parties, or a
    definite noun) adds its details to the first. Only candidates of the same type can merge,
    and only those of one sentence can crowd out a bare noun, so the work stays linear;
    `stands_alone` says which candidates with no placed party are events all the same (a protest
    act: `_protest_act`)."""
    kept: list[Candidate] = []
    kept_by_type: dict[str, list[Candidate]] = defaultdict(list)
    in_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        in_sentence[candidate.trigger.sent.start].append(candidate)
    for candidate in candidates:
        target = next((k for k in kept_by_type[candidate.event.event]
                       if _same_happening(k, candidate)), None)
        if target is not None:
            _absorb(target, candidate)
            candidate.event = target.event  # later lookups (bullet owners) reach the merged event
            continue
        if candidate.definite and not _placed(candidate.event.actor):
            continue  # "this request" with nothing earlier to refer to: not an event of its own
        if not _argued(candidate.event) and not stands_alone(candidate) and any(
                c is not candidate and _placed(c.event.actor)
                for c in in_sentence[candidate.trigger.sent.start]):
            continue  # a bare noun next to a fully argued event in the same sentence
        kept.append(candidate)
        kept_by_type[candidate.event.event].append(candidate)
    return kept


def _give_lists_their_items(groups: list[tuple[int, int, list[re.Match]]],
                            candidates: list[Candidate], kept: list[Candidate],
                            organisations: list[str]) -> None:
    """A bulleted list belongs to the first kept event mentioned on the line that introduces
    it ("Venezuela asked for the following:"); its bullets become that event's items."""
    by_event = {id(k.event): k for k in kept}
    # (trigger offset, candidate order) of candidates whose event was kept, to find by offset
    placed = sorted((c.trigger.idx, order) for order, c in enumerate(candidates)
                    if id(c.event) in by_event)
    offsets = [offset for offset, _ in placed]
    for intro, _, bullets in groups:
        first_bullet = bullets[0].start()
        inside = placed[bisect_left(offsets, intro):bisect_left(offsets, first_bullet)]
        if not inside:
            continue
        owner = by_event[id(candidates[min(order for _, order in inside)].event)]
        items: list[Item] = []
        for bullet in bullets:
            items.extend(bullet_items(bullet.group("body"), organisations))
        owner.event.items = items


def main_event(events: list[Event]) -> Event | None:
    """The main event of a sentence, as published coders report one label per sentence: the
    event whose trigger is nearest the root of the parse (`depth`), then the most confident,
    then the first in the text. Computed from stored fields only, so tests, evaluation, briefs,
    exports and the store agree; `Event.main` marks it for each evidence sentence."""
    return min(events, key=lambda e: (e.depth, -e.confidence), default=None)
