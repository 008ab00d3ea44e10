"""One sentence: which of its tokens trigger an event (not a date, a name, a participle before
its noun, a compound's modifier, a declined sense, the object of a trigger verb), each trigger's
candidate (`build.py`), and the sentence-level choices: a reported obligation or a wanted act of
another party is a demand (REQUEST), a blame for a hostile act; with no trigger, the fallback
classifier may name the type; then the retypings that read several candidates at once, material
senses, recipients a sentence implies, and the reporters of a passive act of force.

Hands the sentence's candidates to `document.py`, which merges them across the document.
"""

from __future__ import annotations

from sitrep.coding.build import build_candidate, placed_parties
from sitrep.coding.candidate import Candidate, Context
from sitrep.coding.charges import charged_acts
from sitrep.coding.dates import era_starts
from sitrep.coding.lexicon import Trigger, is_saying
from sitrep.coding.material import material_senses
from sitrep.coding.modality import (
    RECEIVING_VERBS,
    has_obligation,
    reporting_governor,
    states_only,
)
from sitrep.coding.recipients import fill_recipients
from sitrep.coding.reporters import unarmed_reporters
from sitrep.coding.retyping import (
    consultation_purposes,
    convictions,
    fold_complements,
    operation_purposes,
    ordered_acts,
    reversed_acts,
)
from sitrep.coding.roles import direct_object, subject
from sitrep.coding.senses import (
    an_illness_or_animal,
    civil_container,
    fights_a_scourge,
    market_demand,
    warns_of_a_hazard,
)
from sitrep.coding.targets import name_unresolved, undergone
from sitrep.coding.triggers import (
    CONTAINER_NOUNS,
    NAME_TYPES,
    carries,
    counts_money,
    match_trigger,
    noun_event_object,
    speaks_to_reporters,
)
from sitrep.coding.ultimatums import ultimatum_holders
from sitrep.coding.verbpatterns import pattern_trigger
from sitrep.resources import word_class
from sitrep.spans import SpanIndex
from sitrep.text.parsing import tokens_of


def code_sentence(sentence, ctx: Context, skip: SpanIndex) -> list[Candidate]:
    """The sentence's candidate events; tokens inside `skip` (bullets, a headline) trigger none."""
    candidates = []
    eras = era_starts(sentence, ctx.mentions, ctx.kb)
    verb_triggers = set()
    declined = False
    for token in tokens_of(sentence):
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
        if row.event == "THREATEN" and warns_of_a_hazard(token):
            declined = True  # "warned of more rain": a forecast, no one threatened
            continue
        if row.event == "REQUEST" and market_demand(token):
            declined = True  # "strong demand for hybrids": buyers', no one asked anything
            continue
        if row.event == "ASSAULT" and (civil_container(token) or fights_a_scourge(token)
                                       or an_illness_or_animal(token)):
            declined = True  # the classifier would guess the same military sense
            continue
        if row.pos == "NOUN":
            head = token.head
            if head.dep_ == "prep":
                head = head.head
            if head.dep_ == "dobj" and counts_money(head):
                head = head.head  # "froze $2 billion in aid": the amount is the verb's object
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
    fill_recipients(candidates, ctx.mentions, ctx.lexicon)
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
    if root.lemma_.lower() in PERSONNEL_VERBS and placed_parties(direct_object(root) or next(
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


def demands(sentence, candidates: list[Candidate], ctx: Context, era_starts) -> list[Candidate]:
    """"Russia said Sudan must return the helicopter": a demand by the speaker (REQUEST), which
    replaces whatever the obliged clause itself would have coded."""
    for token in tokens_of(sentence):
        if not has_obligation(token, ctx.lexicon):
            continue
        speaker = reporting_governor(token, ctx.lexicon)
        if speaker is None:
            continue
        demand, candidates = _demand_by(speaker, token, placed_parties(subject(token), ctx),
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
    for token in tokens_of(sentence):
        if token.lemma_.lower() not in WANTING_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        wanted = _wanted_act(token)
        if wanted is None:
            continue
        act, doer = wanted
        addressed = placed_parties(doer, ctx)
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
# "was behind a plot to ...": a plot is a hostile act whatever it plots (word class `plot_nouns`)
PLOT_NOUNS = word_class("plot_nouns")


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
        if act.lemma_.lower() in PLOT_NOUNS:
            continue
        row = match_trigger(act, ctx.lexicon)
        if row is None or row.event not in HOSTILE_TYPES:
            return None
    return subject_token, predicate


def blames(sentence, candidates: list[Candidate], ctx: Context, era_starts) -> list[Candidate]:
    """"Nigeria's army said bandits were responsible for the raid": the speaker blames the
    clause's subject (ACCUSE), whether or not the act blamed for is named there; the act keeps
    its own event, below the accusation."""
    for token in tokens_of(sentence):
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
        accusation.event.recipient = placed_parties(blamed[0], ctx)
        candidates.append(accusation)
    return candidates


