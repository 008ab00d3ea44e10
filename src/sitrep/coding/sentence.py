"""One sentence: its triggers become candidate events with participants, modality, retyping,
place, date, attribution, items and a confidence; with no trigger, the fallback classifier may
name the type.

Hands the sentence's candidates to `document.py`, which merges them across the document.
"""

from __future__ import annotations

from sitrep.actors.gazetteer import resolve_place
from sitrep.actors.parties import TRANSNATIONAL_SECTORS, same_party
from sitrep.coding.attribution import attribute
from sitrep.coding.candidate import Candidate, Context, depth_of, is_background
from sitrep.coding.charges import charged_acts
from sitrep.coding.dates import date_for, era_starts, set_date
from sitrep.coding.intermediaries import intermediaries
from sitrep.coding.items import phrase_items
from sitrep.coding.joint import held_jointly, is_reciprocal, joining_party, partners
from sitrep.coding.lexicon import Trigger, is_saying
from sitrep.coding.material import material_senses
from sitrep.coding.modality import (
    RECEIVING_VERBS,
    has_obligation,
    is_imminent,
    is_standing,
    likelihood_of,
    modality_of,
    reporting_governor,
    speaker_is_actor,
    states_only,
)
from sitrep.coding.participants import (
    DEFAULT_ACTOR_SECTOR,
    awaited_party,
    bound_actors,
    fallback_recipient,
    participants,
)
from sitrep.coding.party_phrase import phrase
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.places import place_of, unnamed_bomber
from sitrep.coding.recipients import fill_recipients
from sitrep.coding.reporters import unarmed_reporters
from sitrep.coding.retyping import (
    INTENT_TYPES,
    MEETING_STOPPERS,
    RIOT_MODES,
    by_protesters,
    consultation_purposes,
    convictions,
    fold_complements,
    lapsed_sanction,
    on_condition_unless,
    operation_purposes,
    ordered_acts,
    reversed_acts,
    threatened_sanction,
)
from sitrep.coding.roles import direct_object, is_purpose, passive_patient, prep_objects, subject
from sitrep.coding.senses import (
    an_illness_or_animal,
    civil_container,
    counted_in_money,
    cut_in,
    fights_a_scourge,
    in_words,
    opened_to_refugees,
    out_of_reach,
    permitted_party,
    raid_from_the_air,
    support_given_by_aid,
)
from sitrep.coding.targets import name_unresolved, named_target, undergone
from sitrep.coding.triggers import (
    CONTAINER_NOUNS,
    NAME_TYPES,
    carries,
    is_anaphoric,
    match_trigger,
    noun_event_object,
    speaks_to_reporters,
)
from sitrep.coding.ultimatums import ultimatum_holders, ultimatum_party
from sitrep.coding.verbpatterns import pattern_trigger
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor, Event, Place, TextInfo
from sitrep.resources import word_class
from sitrep.spans import SpanIndex


def code_sentence(sentence, ctx: Context, skip: SpanIndex) -> list[Candidate]:
    """The sentence's candidate events; tokens inside `skip` (bullets, a headline) trigger none."""
    candidates = []
    eras = era_starts(sentence, ctx.mentions, ctx.kb)
    verb_triggers = set()
    declined = False
    for token in sentence:
        if skip.covers(token.idx):
            continue
        if token.ent_type_ in {"DATE", "TIME"}:
            continue  # "March" the month, not a march
        if token.pos_ == "PROPN" and token.ent_type_ in NAME_TYPES:
            continue  # "the Agency for Development and Cooperation", "the Gulf War": a name
        if token.dep_ == "amod" and token.pos_ == "VERB" and token.i < token.head.i and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            # "the looted statues", "the police-backed forces": a participle before its noun
            # says what state the noun is in, not what anyone did (a verb with its own subject
            # the parser hung there is still a clause)
            continue
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
        if row.event == "THREATEN" and ultimatum_holders(token) == []:
            declined = True
            continue  # "set a deadline for filing tax returns": a schedule, no one threatened
        if row.event == "ASSAULT" and (civil_container(token) or fights_a_scourge(token)
                                       or an_illness_or_animal(token)):
            declined = True  # the classifier would guess the same military sense
            continue
        if row.pos == "NOUN":
            head = token.head
            if head.dep_ == "prep":
                head = head.head
            carried = carries(head) and (token.dep_ == "dobj" or token.dep_ == "nsubj" and
                                          direct_object(head) is None)
            if not carried and head.i != token.i and (
                    head.i in verb_triggers or match_trigger(head, ctx.lexicon) is not None):
                continue  # the object of a trigger verb is part of that event
        elif carries(token) and noun_event_object(token, ctx):
            continue  # "continued their hunger strike": the noun says what happened
        else:
            verb_triggers.add(token.i)
        candidate = build_candidate(token, row, sentence, ctx, eras,
                                    patterned[1] if patterned else None)
        if not candidate.event.actor and undergone(token, row, ctx):
            declined = True
            continue  # "the negotiations ended": what happened to a thing, no one's act
        candidates.append(candidate)
        if row.reverse:
            candidates.extend(reversed_acts(candidates[-1], ctx))
    candidates = demands(sentence, candidates, ctx, eras)
    candidates = wishes(sentence, candidates, ctx, eras)
    candidates = blames(sentence, candidates, ctx, eras)
    if not candidates and not declined and not skip.covers(sentence.root.idx):
        fallback = classified(sentence, ctx, eras)
        if fallback is not None:
            candidates.append(fallback)
    candidates = charged_acts(fold_complements(convictions(operation_purposes(
        consultation_purposes(ordered_acts(candidates, ctx), ctx.lexicon)))), ctx)
    for candidate in candidates:
        material_senses(candidate, ctx.lexicon)  # peacekeeping, trade
    fill_recipients(candidates, ctx.mentions, ctx.lexicon.plover)
    for candidate in candidates:
        name_unresolved(candidate, ctx)
    return unarmed_reporters(candidates, ctx)


def classified(sentence, ctx: Context, era_starts) -> Candidate | None:
    """No trigger fired: the learned classifier names the type, the root verb is the trigger,
    and the parse still has to give it an actor or a recipient to count (see code_parsed)."""
    from sitrep.coding.classifier import predict

    root = sentence.root
    if is_saying(root.lemma_.lower(), ctx.lexicon):
        # "X is ready to ..., the minister said": what was said is the event, not the saying
        root = next((c for c in root.children if c.dep_ == "ccomp"
                     and c.pos_ in {"VERB", "AUX"}), root)
    if root.pos_ not in {"VERB", "AUX", "NOUN"} or len(sentence) < 4 or \
            root.lemma_.lower() in RECEIVING_VERBS or states_only(root, ctx.lexicon) or \
            speaks_to_reporters(root):  # "held a news conference": a statement, no act
        return None  # weighing, receiving, being or having is no act ("will review the plan")
    if root.lemma_.lower() in PERSONNEL_VERBS and _parties_of(direct_object(root) or next(
            (c for c in root.children if c.dep_ == "nsubjpass"), None), ctx):
        return None  # "fired six ministers", "the chief was sacked": a post filled or emptied
    event_type, probability = predict(sentence.text)
    if probability < ctx.fallback_threshold or \
            not ctx.lexicon.plover["event_types"][event_type].get("guessed", True):
        return None  # a threat is made in words the lexicon knows ("warned", "vowed to")
    if event_type == "CONCEDE" and root.lemma_.lower() in RETREAT_VERBS:
        event_type = "RETREAT"  # "will free the engineers": a retreat's verb (PLOVER §RETREAT)
    pos = "VERB" if root.pos_ != "NOUN" else "NOUN"
    senses = {row.event for row in ctx.lexicon.triggers.get((root.lemma_.lower(), pos), [])}
    conflict = {ctx.lexicon.quad(event) for event in senses} & {3, 4}
    if senses and ctx.lexicon.quad(event_type) == 4 and not conflict:
        # "the bookmark was returned by US officials": a verb the lexicon knows only in
        # peaceful senses (its rows' objects did not match) is no attack, arrest or sanction,
        # whatever the sentence's other words suggest to the classifier
        return None
    row = _word_row(root, event_type, pos)
    candidate = build_candidate(root, row, sentence, ctx, era_starts)
    candidate.event.confidence = round(min(candidate.event.confidence, probability), 2)
    candidate.guessed = True
    return candidate


def build_candidate(token, row: Trigger, sentence, ctx: Context, era_starts,
               bound: dict | None = None) -> Candidate:
    mode: str | None
    actor, recipient = participants(token, row, ctx)
    if row.event == "THREATEN":
        recipient = ultimatum_party(token, ctx) or recipient  # who must act by a deadline
    permitted = permitted_party(token, ctx) if row.event in {"SUPPORT", "CONCEDE"} else []
    recipient = permitted or recipient  # "gave approval for the UN to deliver aid"
    if not recipient and not bound:
        # a target named by words only ("tortured a young inmate") is stated, not implied
        recipient = named_target(token, row, ctx, actor)
    if bound:
        # an imported verb pattern says where its source ($) and target (+, %) are
        # (only phrases that name a coded party count: a pattern written for "X was freed from
        # Y" also matches "Iran freed the tourists from Evin prison")
        source = [a for a in bound_actors(bound["source"], ctx) if a.code] \
            if "source" in bound else []
        # a list of parties after the verb is its target ("agrees with % "), before it its doers
        after = "compound" in bound and bound["compound"].i > token.i
        target = [a for key in ("target", "compound") if key in bound and (key == "target" or after)
                  for a in bound_actors(bound[key], ctx) if a.code]
        if source:
            actor = source
        target = [t for t in target if not any(same_party(t, a) for a in actor)]
        if target:
            recipient = target
        elif "compound" in bound and not after:
            recipient = []  # "% HAVE * [191]": a joint act of the listed parties, no one's target
    definite = row.pos == "NOUN" and is_anaphoric(token)
    requires_recipient = ctx.lexicon.plover["event_types"][row.event].get("requires_recipient")
    if row.pos == "NOUN" and requires_recipient and not recipient and actor and not definite:
        recipient = fallback_recipient(sentence, actor, ctx)
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
    if row.event == "ASSAULT" and event_loc.extracted_place and \
            not any(a.code or a.sector for a in actor):
        # the bomb's own phrase stands for its unnamed users ("a car bomb in Kiev")
        doer = subject(token) if row.pos == "VERB" else None
        written = phrase(doer) if doer is not None else event_loc.extracted_place
        bomber = unnamed_bomber(token, doer, written, event_loc.country_code, ctx.mentions)
        actor = [bomber] if bomber is not None else actor
    if row.event == "COERCE" and row.mode == "arrest" and row.pos == "VERB" and \
            event_loc.country_code and not any(a.code or a.sector for a in actor) and \
            any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children):
        # "was arrested in Rwanda", by no one named: the authorities of the country it happens in
        actor = [Actor(entity_text=event_loc.extracted_place or "", code=event_loc.country_code,
                       confidence=0.4)]
    if (row.event, row.mode) in {("COERCE", "deport"), ("SANCTION", "expel")} and \
            row.pos == "VERB" and not any(a.code or a.sector for a in actor) and \
            any(c.dep_ == "auxpass" for c in token.children):
        # "were expelled from Eritrea", by no one named: the state or body they are put out of
        # expels them, and the expelled are the recipients
        expellers = [a for pobj in prep_objects(token, {"from"})
                     for a in actors_of(pobj, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]
        if expellers:
            actor = expellers
            expelled = passive_patient(token)
            recipient = (actors_of(expelled, ctx.mentions, ctx.kb.sectors)
                         if expelled is not None else []) or [
                r for r in recipient if r.entity_text not in {e.entity_text for e in expellers}]
    for person in actor + recipient:
        if person.code is None and person.sector and event_loc.country_code and \
                person.kb_id is None and person.sector not in TRANSNATIONAL_SECTORS:
            person.code = event_loc.country_code  # "police in Caracas": Venezuelan police
        elif event_loc.country_code and person.kb_id is None and _ethnic(person, sentence.text):
            # "ethnic Albanians demonstrated in Serbia": an ethnic minority is coded by the country
            # it lives in, as PLOVER's records code it, not by its kin state
            person.code = event_loc.country_code
    modality = modality_of(token, ctx.lexicon, speaker_is_actor(token, actor, ctx))
    # a date on the verb of saying dates a report of a past act, but a stated intention or a
    # threat is the saying itself
    past_act = modality in {"asserted", "reported", "historical"}
    event_type, mode = row.event, mode
    if event_type in RIOT_MODES and row.pos == "VERB" and by_protesters(token, event_type):
        # "Chinese protesters pelted the Japanese embassy with stones": violence by people in a
        # protest is a riot, their blockade an obstruction (PLOVER manual, PROTEST modes)
        event_type, mode = "PROTEST", RIOT_MODES[event_type]
    if event_type == "RETREAT" and mode == "access" and opened_to_refugees(token):
        event_type, mode = "AID", "asylum"  # "opened its borders to refugees": giving refuge
    if event_type == "SUPPORT" and permitted:
        event_type, mode = "CONCEDE", None  # leave given to a party to act, not praise
    if event_type == "SUPPORT" and row.pos == "VERB" and support_given_by_aid(token):
        event_type, mode = "AID", None  # "Canadian grants supported the police academy"
    if event_type == "SUPPORT" and row.pos == "NOUN" and counted_in_money(token):
        event_type, mode = "AID", None  # "announced $300 million support for Kenya"
        if "economic" not in contexts:
            contexts.append("economic")
    if event_type == "COERCE" and mode == "arrest" and row.pos == "NOUN" and out_of_reach(token):
        event_type = "THREATEN"  # "an arrest warrant in absentia": a threat of arrest
    if event_type in {"AID", "COOPERATE"} and row.pos == "NOUN" and cut_in(token):
        event_type, mode = "SANCTION", "discontinue"  # "a cut in military aid to Egypt"
    if event_type == "ASSAULT" and in_words(token):
        event_type, mode = "ACCUSE", "disapprove"  # "an attack on the spy chiefs, calling them ..."
    if event_type == "COERCE" and mode == "seize" and row.pos == "VERB":
        flown = raid_from_the_air(token)
        if flown is not None:
            event_type, mode = "ASSAULT", flown  # "jets raided ...": an air strike
    if event_type == "PROTEST" and row.pos == "VERB" and any(c.dep_ == "ccomp"
                                                             for c in token.children):
        # "X is failing refugees, a rights group protested": a protest that says something is a
        # complaint (ACCUSE disapprove), not a demonstration
        event_type, mode = "ACCUSE", "disapprove"
    joint = ctx.lexicon.plover["event_types"][row.event].get("joint")
    held = (direct_object(token) or passive_patient(token)) if row.pos == "VERB" else None
    joined = partners(token, ctx) if joint and (row.lemma in joint["lemmas"] or (
        held is not None and held.lemma_.lower() in joint["lemmas"])) else None  # "staged drills"
    if joined is not None and (len({a.code for a in actor + recipient + joined if a.code}) >= 2
                               or held_jointly(token, held)):
        # "French and Egyptian warships launched war games", "held drills with Russia"
        event_type, mode = joint["event"], None
        actor = actor or joining_party(token, ctx)
        own = {a.code for a in actor}
        recipient = recipient or [a for a in joined if a.code not in own]
        if joint["context"] not in contexts:
            contexts.append(joint["context"])
    if modality in {"future", "hypothetical"} and on_condition_unless(token, actor, ctx):
        # "will withdraw its force unless X arranges a ceasefire": an ultimatum, which PLOVER
        # codes as THREATEN whatever the action held over the recipient
        event_type, mode, modality = "THREATEN", None, "asserted"
    if lapsed_sanction(row, event_type, modality):
        event_type, mode, modality = "RETREAT", None, "asserted"
    if modality == "negated" and ctx.lexicon.quad(event_type) in (1, 2):
        # PLOVER: refusing to cooperate is REJECT ("would not meet the demands")
        event_type, mode, modality = "REJECT", None, "asserted"
        recipient = recipient or awaited_party(token, ctx)
        if not actor and token.dep_ == "csubj":
            # "Israel said releasing the prisoners is out of the question": the speaker refuses
            speaker = reporting_governor(token.head, ctx.lexicon)
            doer = subject(speaker) if speaker is not None else None
            actor = _parties_of(doer, ctx)
    if modality == "future" and event_type == "REJECT" and mode == "meet" and \
            row.lemma in MEETING_STOPPERS:
        # "vowed to boycott the summit": a threat to suspend talks (PLOVER manual,
        # THREATEN relations), as the PLOVER records and the real-news coders code it
        event_type, mode, modality = "THREATEN", "relations", "asserted"
    if modality == "hypothetical" and threatened_sanction(row, event_type, token):
        event_type, mode, modality = "THREATEN", None, "asserted"  # "a bill that would sanction"
    if modality == "future" and event_type in INTENT_TYPES and not is_imminent(token, ctx.lexicon):
        # PLOVER codes a stated intention as its own act: a promise to cooperate, to concede or
        # to retreat is AGREE, a promise of force or pressure THREATEN ("will send troops",
        # "would withdraw from", "will lift the curfew", "would impose sanctions").
        kept_mode = mode if INTENT_TYPES[event_type] == event_type else None
        event_type, mode, modality = INTENT_TYPES[event_type], kept_mode, "asserted"
    repaired_text = ctx.doc.repaired.text if ctx.doc.repaired else ctx.doc.text
    attribution, reported = attribute(repaired_text[sentence.start_char:sentence.end_char],
                                      sentence.start_char, ctx.sources, ctx.doc.cited_sources)
    if reported and modality in {"asserted", "historical"}:
        modality = "reported"
    date_range = date_for(token, sentence, ctx.reference, era_starts,
                          (lambda lemma: is_saying(lemma, ctx.lexicon)) if past_act else None)
    if date_range and modality == "asserted" and date_range.precision == "open" and \
            date_range.start is None and "era" in date_range.text.lower():
        modality = "historical"
    start, end = ctx.doc.to_original(sentence.start_char, sentence.end_char)
    trigger_start, trigger_end = ctx.doc.to_original(token.idx, token.idx + len(token))
    event = Event(
        id="", doc_id=ctx.doc.id, event=event_type, mode=mode, context=contexts,
        quad_code=ctx.lexicon.quad(event_type), event_scale=ctx.lexicon.score(event_type, mode),
        actor=actor, recipient=recipient,
        intermediary=intermediaries(token, ctx.mentions, ctx.kb.sectors),
        event_loc=event_loc, event_text=ctx.doc.text[trigger_start:trigger_end],
        modality=modality, attribution=attribution,
        text_info=TextInfo(sentence=ctx.doc.text[start:end].strip(), start=start, end=end),
    )
    event.reciprocal = is_reciprocal(token, actor, recipient)
    set_date(event, date_range, modality, ctx.reference)
    if modality in {"asserted", "reported"} and is_standing(token):
        # a standing relation is background as of the report, not a happening in a window
        event.date_basis = "standing"
        if date_range is None:
            event.date, event.enddate = None, event.enddate
    if modality == "hypothetical":
        event.likelihood = likelihood_of(token)
    object_phrase = _object_phrase(token, ctx.text)
    candidate = Candidate(trigger=token, row=row, event=event, definite=definite,
                          depth=depth_of(token) + is_purpose(token) + is_background(token),
                          date_range=date_range)
    if object_phrase:
        event.items = phrase_items(object_phrase, ctx.organisations)
    event.confidence = round(min(0.95, 0.4 + 0.25 * bool(actor) + 0.15 * bool(recipient)
                                 + 0.1 * bool(row.object_hint) + 0.05 * bool(event.date)), 2)
    return candidate


def _countries_named(sentence, mentions: Mentions) -> dict[str, int]:
    """The countries a sentence names outright, with the position of their first mention."""
    named: dict[str, int] = {}
    for token in sentence:
        mention = mentions.at(token)
        if mention is not None and mention.actor is not None and mention.actor.code and \
                (mention.actor.kb_id or "").startswith("country:"):
            named.setdefault(mention.actor.code, token.i)
    return named


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


def _demand_by(verb, clause, addressed, candidates: list[Candidate], sentence, ctx: Context,
               era_starts) -> tuple[Candidate, list[Candidate]]:
    """A REQUEST triggered by `verb` (the one who says or wants), addressed to `addressed`, that
    replaces the candidates coded inside `clause` (keeping their items and context); the demand
    and the candidates left."""
    demand = build_candidate(verb, _word_row(verb, "REQUEST"), sentence, ctx, era_starts)
    demand.event.recipient = addressed
    inner = [c for c in candidates if c.trigger.i in {t.i for t in clause.subtree}]
    for c in inner:
        demand.event.items = demand.event.items or c.event.items
        demand.event.context = demand.event.context or c.event.context
    return demand, [c for c in candidates if c not in inner and c.trigger.i != verb.i]


def _word_row(word, event_type: str, pos: str = "VERB") -> Trigger:
    """A one-word trigger row for a word a sentence rule (or the fallback classifier) codes as
    `event_type` ("said", "wants"), with no mode, context or object hint of its own."""
    return Trigger(lemma=word.lemma_.lower(), words=(word.lemma_.lower(),), pos=pos,
                   event=event_type, mode=None, context=(), particle=None,
                   object_hint=frozenset())


def _parties_of(token, ctx: Context) -> list:
    """The placed parties a token names (none for None)."""
    if token is None:
        return []
    return [a for a in actors_of(token, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]


def demands(sentence, candidates: list[Candidate], ctx: Context, era_starts) -> list[Candidate]:
    """"Russia said Sudan must return the helicopter": a demand by the speaker (REQUEST), which
    replaces whatever the obliged clause itself would have coded."""
    for token in sentence:
        if not has_obligation(token, ctx.lexicon):
            continue
        speaker = reporting_governor(token, ctx.lexicon)
        if speaker is None:
            continue
        demand, candidates = _demand_by(speaker, token, _parties_of(subject(token), ctx),
                                        candidates, sentence, ctx, era_starts)
        if speaker.dep_ == "advcl" and speaker.tag_ == "VBG":
            demand.depth += 1  # "staged rallies, saying he must resign": the rallies come first
        candidates.append(demand)
    return candidates


WANTING_VERBS = word_class("wanting_verbs")
PERSONNEL_VERBS = word_class("personnel_verbs")
COPULAR_VERBS = word_class("copular_verbs")
RETREAT_VERBS = word_class("retreat_verbs")


def _wanted_act(verb):
    """The act a wanting verb wants someone else to do, with its doer: "wants Russia to deliver
    the missiles" (a complement with its own subject), "wants the equipment delivered" (an
    object the act is done to); (act verb, its subject or None). A want of one's own act
    ("wants to expand trade") is an intention, not a demand: None."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"} and \
                any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children):
            return child, subject(child)
        if child.dep_ == "dobj":
            for act in child.children:
                if act.dep_ in {"acl", "oprd", "xcomp"} and act.tag_ == "VBN":
                    return act, None
    return None


def wishes(sentence, candidates: list[Candidate], ctx: Context, era_starts) -> list[Candidate]:
    """"Washington wants Tehran to halt enrichment", "Caracas wants the equipment delivered": a
    demand by the one who wants (REQUEST, addressed to the wanted act's doer when named), which
    replaces what the wanted clause itself would have coded: the act is wanted, not done."""
    for token in sentence:
        if token.lemma_.lower() not in WANTING_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        wanted = _wanted_act(token)
        if wanted is None:
            continue
        act, doer = wanted
        addressed = _parties_of(doer, ctx)
        coded_inside = any(c.trigger.i in {t.i for t in act.subtree} for c in candidates)
        if act.lemma_.lower() in COPULAR_VERBS or not (
                coded_inside or addressed or (act.lemma_.lower(), "VERB") in ctx.lexicon.triggers):
            continue  # "wants the report published", "wants Iran to be a partner": no demand
        demand, candidates = _demand_by(token, act, addressed, candidates, sentence, ctx,
                                        era_starts)
        candidates.append(demand)
    return candidates


BLAME_PREDICATES = word_class("blame_predicates")


# What one can be blamed for: "responsible for the bombing", "behind the arrests".
HOSTILE_TYPES = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE"}


def _blamed(clause, ctx: Context):
    """The subject of a clause that says it is to blame ("Taliban militants were responsible",
    "Iran was behind the attack", "the rebels are to blame"), with the predicate's token; None
    for any other clause, a denied one ("was not responsible") or a duty ("was responsible for
    security": what one is responsible for or behind must be a hostile act)."""
    if clause.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in clause.children):
        return None
    predicate = next((c for c in clause.children if c.dep_ in {"acomp", "prep", "xcomp"}
                      and c.lower_ in BLAME_PREDICATES), None)
    subject_token = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if predicate is None or subject_token is None:
        return None
    acts = [o for o in (predicate.children if predicate.dep_ == "prep" else
                        (g for c in predicate.children if c.dep_ == "prep" and c.lower_ == "for"
                         for g in c.children)) if o.dep_ == "pobj"]
    if predicate.dep_ == "prep" and not acts:
        return None
    for act in acts:
        row = match_trigger(act, ctx.lexicon)
        if row is None or row.event not in HOSTILE_TYPES:
            return None
    return subject_token, predicate


def blames(sentence, candidates: list[Candidate], ctx: Context, era_starts) -> list[Candidate]:
    """"Nigeria's army said bandits were responsible for the raid": the speaker blames the
    clause's subject (ACCUSE), whether or not the act blamed for is named there; the act keeps
    its own event, below the accusation."""
    for token in sentence:
        if token.dep_ != "ccomp":
            continue
        blamed = _blamed(token, ctx)
        speaker = reporting_governor(token, ctx.lexicon) if blamed is not None else None
        if blamed is None or speaker is None or any(c.trigger.i == speaker.i for c in candidates):
            continue
        # "are to blame": the predicate's own ACCUSE, of no one, gives way to the speaker's
        candidates = [c for c in candidates if c.trigger.i != blamed[1].i]
        accusation = build_candidate(speaker, _word_row(speaker, "ACCUSE"), sentence, ctx,
                                     era_starts)
        accusation.event.recipient = _parties_of(blamed[0], ctx)
        candidates.append(accusation)
    return candidates


def _ethnic(actor, sentence: str) -> bool:
    """"ethnic Albanians", "ethnic Serb civilians": a people the sentence names as an ethnicity."""
    named = (actor.entity_text or "").lower()
    return bool(named) and f"ethnic {named}" in sentence.lower()
