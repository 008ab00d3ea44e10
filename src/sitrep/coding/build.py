"""One candidate event from one trigger (`build_candidate`): its participants (an ultimatum's
party, a permitted party, a named target, an imported pattern's bound parties, a joint exercise's
partners), modality and likelihood, the promise, refusal and riot retypings, the senses its
arguments decide, its place, date, items, intermediaries, attribution, depth and confidence.

Reads every per-trigger stage (participants, joint, modality, retyping, senses, targets, places,
dates, items); hands the candidate to `sentence.py` (a trigger's event, the fallback classifier's,
a reported demand) and to `discourse.py`.
"""

from __future__ import annotations

from sitrep.actors.gazetteer import resolve_place
from sitrep.actors.parties import TRANSNATIONAL_SECTORS, same_party
from sitrep.coding.attribution import attribute
from sitrep.coding.candidate import Candidate, Context, depth_of, is_background
from sitrep.coding.dates import date_for, set_date
from sitrep.coding.intermediaries import intermediaries
from sitrep.coding.items import phrase_items
from sitrep.coding.joint import held_jointly, is_reciprocal, joining_party, partners
from sitrep.coding.lexicon import Trigger, is_saying
from sitrep.coding.modality import (
    is_imminent,
    is_standing,
    likelihood_of,
    modality_of,
    reporting_governor,
    speaker_is_actor,
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
from sitrep.coding.retyping import (
    INTENT_TYPES,
    MEETING_STOPPERS,
    RIOT_MODES,
    by_protesters,
    lapsed_sanction,
    on_condition_unless,
    threatened_sanction,
)
from sitrep.coding.roles import direct_object, is_purpose, passive_patient, prep_objects, subject
from sitrep.coding.senses import (
    counted_in_money,
    cut_in,
    fired_in_a_test,
    in_words,
    opened_to_refugees,
    out_of_reach,
    permitted_party,
    raid_from_the_air,
    support_given_by_aid,
)
from sitrep.coding.targets import named_target
from sitrep.coding.triggers import (
    is_anaphoric,
    match_trigger,
)
from sitrep.coding.ultimatums import ultimatum_party
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor, Event, Place, TextInfo
from sitrep.text.parsing import tokens_of


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
    for t in (tokens_of(token.sent) if row.pos == "VERB" else token.subtree):
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
    if event_type == "ASSAULT" and row.pos == "VERB" and fired_in_a_test(token):
        event_type, mode = "MOBILIZE", "weapons"  # "test-fired a missile": readiness, no attack
    if event_type == "PROTEST" and row.pos == "VERB" and any(c.dep_ == "ccomp"
                                                             for c in token.children):
        # "X is failing refugees, a rights group protested": a protest that says something is a
        # complaint (ACCUSE disapprove), not a demonstration
        event_type, mode = "ACCUSE", "disapprove"
    joint = ctx.lexicon.plover["event_types"][row.event].get("joint")
    held = (direct_object(token) or passive_patient(token)) if row.pos == "VERB" else None
    joined = partners(token, ctx) if joint and (row.lemma in joint["lemmas"] or (
        held is not None and held.lemma_.lower() in joint["lemmas"])) else None  # "staged drills"
    if joined is not None and (len({a.code for a in actor + joined if a.code}) >= 2
                               or held_jointly(token, held)):
        # "French and Egyptian warships launched war games", "held drills with Russia"; drills
        # staged around or near another country are aimed at it, not held with it (MOBILIZE)
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
            actor = placed_parties(doer, ctx)
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
    for token in tokens_of(sentence):
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


def placed_parties(token, ctx: Context) -> list:
    """The placed parties a token names (none for None)."""
    if token is None:
        return []
    return [a for a in actors_of(token, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]


def _ethnic(actor, sentence: str) -> bool:
    """"ethnic Albanians", "ethnic Serb civilians": a people the sentence names as an ethnicity."""
    named = (actor.entity_text or "").lower()
    return bool(named) and f"ethnic {named}" in sentence.lower()
