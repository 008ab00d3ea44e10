"""The discourse: parties a sentence does not name itself, found in the clause it sits in or in
the sentences before it; and the sanity rule that no event is aimed at its own actor.

Runs on the document's merged candidates (`document.py`), before events without parties are
dropped:

- the one who comes to someone's aid is the subject of the clause, the one helped the possessor
  ("Moscow would have little appetite to come to its ally's aid": Moscow gives the aid);
- a letter's (a request's, a message's) addressee is the recipient of what it asks for, and a
  party named inside its stated purpose ("to counter the escalation between X and Y") is not;
- a subject that names no party itself ("the letter", "the Venezuelan side" where the model
  finds no country) takes the actor of the sentences just before when they name only one (for a
  letter: the sentence that wrote or sent it, or one naming the same kind of document);
- "Caracas has also approached Beijing and Tehran" after a request by Venezuela: a verb no
  trigger knows, marked "also", whose subject is the earlier actor and whose object names other
  parties, is another act of the earlier kind;
- a prisoner tortured or killed in someone's custody: the holder is the actor, the prisoner the
  target ("died as a result of torture while in Israeli police custody");
- the same named party (the same entity, or country and sector) is never both actor and
  recipient: a nominal keeps its target ("since the invasion of Ukraine"), a verb its subject;
  an event left with no party goes. (A recipient implied for an act at home is not named.)

Parties found this way carry a lower confidence (`DISCOURSE_CONFIDENCE`), and so do their events.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.actors.parties import AUTHORITY_SECTORS, same_party
from sitrep.coding.build import build_candidate
from sitrep.coding.candidate import Candidate, Context
from sitrep.coding.lexicon import Trigger, is_saying
from sitrep.coding.modality import CAPACITY_NOUNS
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import direct_object, prep_objects, subject
from sitrep.model import Actor
from sitrep.resources import word_class

DISCOURSE_CONFIDENCE = 0.5
# How many sentences back an antecedent may be.
REACH = 2

DOCUMENT_NOUNS = word_class("document_nouns")
RESCUE_NOUNS = word_class("rescue_nouns")
RESCUE_VERBS = word_class("rescue_verbs")
SIDE_NOUNS = {"side", "party", "camp"}
# Verbs that write or send a document: their subject is its author.
AUTHOR_VERBS = {"write", "send", "draft", "deliver", "hand", "address", "sign", "dispatch"}


def clause_parties(candidates: list[Candidate], ctx: Context) -> None:
    """Parties each candidate's own clause gives (before the document's mentions merge, so that
    a letter to Xi Jinping is not taken for the request to Russia before it)."""
    for candidate in candidates:
        _rescuer(candidate, ctx)
        _capable(candidate, ctx)
        _addressee(candidate, ctx)
        _custodian(candidate, ctx)


def settle_parties(kept: list[Candidate], ctx: Context, sentences: list) -> list[Candidate]:
    """The merged candidates with parties from the discourse, none aimed at its own actor;
    `sentences` are the parsed document's sentences, in order."""
    index = {sentence.start: n for n, sentence in enumerate(sentences)}
    _from_discourse(kept, ctx, sentences, index)
    kept = kept + _parallel_acts(kept, ctx, sentences, index)
    return [c for c in kept if sane(c)]


# -- the clause ------------------------------------------------------------------------------------


def _rescuer(candidate: Candidate, ctx: Context) -> None:
    """"come to its ally's aid", "rush to Kyiv's defence": the clause's subject helps, the
    possessor is helped."""
    trigger = candidate.trigger
    to = trigger.head
    if candidate.row.pos != "NOUN" or trigger.lemma_.lower() not in RESCUE_NOUNS or \
            trigger.dep_ != "pobj" or to.lower_ != "to" or \
            to.head.lemma_.lower() not in RESCUE_VERBS:
        return
    helped = [a for c in trigger.children if c.dep_ == "poss"
              for a in actors_of(c, ctx.mentions, ctx.kb.sectors) if a.code]
    helper = _controller(to.head)
    actors = actors_of(helper, ctx.mentions, ctx.kb.sectors) if helper is not None else []
    actors = [a for a in actors if a.code and not any(same_party(a, h) for h in helped)]
    if actors or helped:
        candidate.event.actor = actors
        candidate.event.recipient = helped


CUSTODY_WORDS = word_class("custody_words")
# Prepositions that put someone where they are held ("in police custody", "under detention").
HELD_IN = {"in", "under", "inside", "at"}


def _custodian(candidate: Candidate, ctx: Context) -> None:
    """"A prisoner died as a result of torture while in Israeli police custody", "the beatings
    he suffered in a remand prison in Tver": whoever holds a prisoner did what
    was done to them there (PLOVER's agent list has a prison as COP, police); the one held is the
    target. Only for an attack no authority is already named as doing."""
    event = candidate.event
    if event.event != "ASSAULT" or any(a.sector in AUTHORITY_SECTORS and (a.code or a.kb_id)
                                       for a in event.actor):
        return
    for token in candidate.trigger.sent:
        if token.lemma_.lower() not in CUSTODY_WORDS:
            continue
        held_in = token.head if token.dep_ == "compound" else token  # "a detention center"
        if held_in.dep_ != "pobj" or held_in.head.lower_ not in HELD_IN:
            continue
        named = actors_of(held_in, ctx.mentions, ctx.kb.sectors) + [
            a for owner in prep_objects(held_in, {"of"})
            for a in actors_of(owner, ctx.mentions, ctx.kb.sectors)]
        holders = [a for a in named if a.code]
        # the place the prisoner is held in: the event's, or the custody phrase's own ("in
        # captivity in Iran", "in a detention centre in Asmara")
        places, above = [*prep_objects(held_in, {"in"})], held_in.head.head
        for _ in range(3):  # up to the verb the custody phrase hangs from ("died ... in Iran")
            places += [p for p in prep_objects(above, {"in"}) if p.i != held_in.i]
            if above.pos_ in {"VERB", "AUX"} or above.head.i == above.i:
                break
            above = above.head
        country = event.event_loc.country_code or next(
            (a.code for place in places
             for a in actors_of(place, ctx.mentions, ctx.kb.sectors) if a.code), None)
        if not holders and country:
            # "in army custody in Santiago", "in a detention center in X": the place's
            # authority of the kind named (a prison, by default, is police: COP)
            holders = [Actor(entity_text=ctx.text[held_in.left_edge.idx:held_in.idx + len(held_in)],
                             code=country,
                             sector=next((a.sector for a in named if a.sector), "COP"),
                             confidence=DISCOURSE_CONFIDENCE)]
        if holders:
            held = [a for a in event.actor if not any(same_party(a, h) for h in holders)]
            event.actor = holders
            where = ctx.text[held_in.left_edge.idx:held_in.idx + len(held_in)].lower()
            event.recipient = [r for r in event.recipient if r.entity_text.lower() not in where]
            event.recipient = event.recipient or held or _who_died(candidate.trigger, ctx)
            return


def _who_died(trigger, ctx: Context) -> list[Actor]:
    """The subject of the verb an attack noun hangs from ("a prisoner died as a result of
    torture"): the one it was done to."""
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    doer = subject(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if doer is None:
        return []
    return [a for a in actors_of(doer, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]


def _capable(candidate: Candidate, ctx: Context) -> None:
    """"Moscow would have limited capability or interest in sending troops": whoever would be
    able or willing to act is the actor of the act assessed."""
    if any(a.code for a in candidate.event.actor):
        return
    token, steps = candidate.trigger, 0
    while token.head.i != token.i and steps < 3:
        if token.dep_ in {"amod", "compound", "nmod", "nsubj", "nsubjpass", "dobj"}:
            return  # "the agreed ability to": a modifier, not the act the capacity is for
        token, steps = token.head, steps + 1
        if token.lemma_.lower() in CAPACITY_NOUNS:
            holder = _controller(token)
            actors = [a for a in actors_of(holder, ctx.mentions, ctx.kb.sectors) if a.code] \
                if holder is not None else []
            actors = [a for a in actors if not any(same_party(a, r)
                                                   for r in candidate.event.recipient)]
            if actors:
                candidate.event.actor = actors
            return


def _controller(verb):
    """Who does what an infinitive or its noun says: the nearest subject up the parse ("Moscow
    would have little ability to come ...")."""
    token, steps = verb, 0
    while steps < 5:
        found = subject(token)
        if found is not None:
            return found
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def _document(trigger):
    """The letter (request, message) whose content the trigger tells, and the verb that sends it:
    "sent a letter to Xi asking for ...", "a letter to Xi requesting ...", "the letter asks ..."."""
    head = trigger.head
    if trigger.dep_ in {"acl", "relcl", "advcl", "xcomp"} and \
            head.lemma_.lower() in DOCUMENT_NOUNS:
        return head, head.head if head.dep_ in {"dobj", "pobj"} else None
    if trigger.dep_ in {"advcl", "xcomp", "conj"} and head.pos_ == "VERB":
        obj = direct_object(head)
        if obj is not None and obj.lemma_.lower() in DOCUMENT_NOUNS:
            return obj, head
    agent = subject(trigger) if trigger.pos_ == "VERB" else None
    if agent is not None and agent.lemma_.lower() in DOCUMENT_NOUNS:
        return agent, None
    return None, None


def _addressee(candidate: Candidate, ctx: Context) -> None:
    """A letter's addressee is the recipient of what it asks for, unless the trigger names its
    own target as its object ("the letter asks Beijing to ...")."""
    trigger = candidate.trigger
    letter, verb = _document(trigger)
    if letter is None:
        return
    sender = subject(verb) if verb is not None and verb.pos_ == "VERB" else None
    if not any(a.code or a.sector for a in candidate.event.actor) and sender is not None:
        # "X sent a letter to Y asking for ...": the letter asks on its sender's behalf (a body
        # of no one country too: "Human Rights Watch issued a report blaming ...")
        candidate.event.actor = [a for a in actors_of(sender, ctx.mentions, ctx.kb.sectors)
                                 if a.code or a.sector]
    holders = [letter] + ([verb] if verb is not None else []) + [
        c for c in letter.children if c.dep_ == "acl"]  # "a letter addressed to ..."
    addressed = [a for holder in holders for pobj in prep_objects(holder, {"to"})
                 for a in actors_of(pobj, ctx.mentions, ctx.kb.sectors) if a.code]
    addressed = [a for a in addressed if not any(same_party(a, b) for b in candidate.event.actor)]
    if not addressed:
        return
    obj = direct_object(trigger) if trigger.pos_ == "VERB" else None
    own = actors_of(obj, ctx.mentions, ctx.kb.sectors) if obj is not None else []
    if any(a.code for a in own):
        return
    candidate.event.recipient = addressed


# -- the sentences before --------------------------------------------------------------------------


def _sentence_of(candidate: Candidate, index: dict[int, int]) -> int:
    return index.get(candidate.trigger.sent.start, -1)


def _antecedents(candidate: Candidate, kept: list[Candidate], index: dict[int, int]):
    here = _sentence_of(candidate, index)
    return [k for k in kept if k is not candidate and k.event.actor
            and here - REACH <= _sentence_of(k, index) <= here
            and (_sentence_of(k, index) < here or k.trigger.i < candidate.trigger.i)]


def _one_actor(antecedents: list[Candidate]) -> Candidate | None:
    """The latest antecedent, when all of them name one and the same country as actor."""
    codes = {a.code for k in antecedents for a in k.event.actor if a.code}
    if len(codes) != 1:
        return None
    return max(antecedents, key=lambda k: (k.trigger.sent.start, k.trigger.i))


def _placeholder(candidate: Candidate) -> str | None:
    """What stands for the actor in the sentence when it names none: "letter", "it", "side"."""
    trigger = candidate.trigger
    agent = subject(trigger) if candidate.row.pos == "VERB" else next(
        (c for c in trigger.children if c.dep_ == "poss"), None)
    if agent is None:
        return None
    lemma = agent.lemma_.lower()
    if lemma in DOCUMENT_NOUNS and any(c.lower_ in {"the", "this", "that"}
                                       for c in agent.children):
        return "document"
    if lemma in SIDE_NOUNS:
        return "side"
    # a pronoun is left alone: in a feature or a review "he", "it" and "we" are seldom the
    # state acting in the sentence before (measured on the negatives set)
    return None


def _author(candidate: Candidate, ctx: Context, sentences: list,
            index: dict[int, int]) -> tuple[list[Actor], list[Actor]]:
    """Who wrote or sent the letter a sentence starts from, and to whom: the subject of the
    nearest sentence before that writes or sends one ("Maduro wrote to Xi Jinping", "Maduro
    sent a letter to Xi"), when it names one party."""
    here = _sentence_of(candidate, index)
    for sentence in reversed(sentences[max(0, here - REACH):max(here, 0)]):
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in AUTHOR_VERBS:
                continue
            obj = direct_object(verb)
            if verb.lemma_.lower() != "write" and (
                    obj is None or obj.lemma_.lower() not in DOCUMENT_NOUNS):
                continue
            agent = subject(verb)
            authors = [a for a in actors_of(agent, ctx.mentions, ctx.kb.sectors) if a.code] \
                if agent is not None else []
            if len({a.code for a in authors}) != 1:
                continue
            holders = [verb] + ([obj] if obj is not None else [])
            addressed = [a for h in holders for pobj in prep_objects(h, {"to"})
                         for a in actors_of(pobj, ctx.mentions, ctx.kb.sectors) if a.code]
            return authors, addressed
    return [], []


def _from_discourse(kept: list[Candidate], ctx: Context, sentences: list,
                    index: dict[int, int]) -> None:
    for candidate in kept:
        event = candidate.event
        if any(a.code for a in event.actor):
            continue
        kind = _placeholder(candidate)
        if kind is None:
            continue
        antecedents = _antecedents(candidate, kept, index)
        if kind == "document":
            # the letter's author: who wrote or sent it, or the actor of a sentence before
            # that names the same kind of document
            lemma = (subject(candidate.trigger) or candidate.trigger).lemma_.lower()
            antecedents = [k for k in antecedents
                           if any(t.lemma_.lower() == lemma for t in k.trigger.sent)]
        antecedent = _one_actor(antecedents)
        if antecedent is not None:
            author, addressee = antecedent.event.actor, antecedent.event.recipient
        elif kind == "document":
            author, addressee = _author(candidate, ctx, sentences, index)
        else:
            continue
        if not author:
            continue
        event.actor = [_lowered(a) for a in author if a.code]
        event.recipient = [r for r in event.recipient
                           if not any(same_party(r, a) for a in event.actor)]
        if kind == "document" and not event.recipient:
            # "the letter also asks for spare parts": the letter's addressee
            event.recipient = [_lowered(a) for a in addressee if a.code]
        event.confidence = round(min(event.confidence, 0.6), 2)


def _lowered(actor: Actor) -> Actor:
    return replace(actor, confidence=min(actor.confidence or DISCOURSE_CONFIDENCE,
                                         DISCOURSE_CONFIDENCE))


def _parallel_acts(kept: list[Candidate], ctx: Context, sentences: list,
                   index: dict[int, int]) -> list[Candidate]:
    """"Venezuela asked Russia for help. Caracas has also approached Beijing and Tehran.": a
    verb no trigger knows, marked "also", whose subject is the earlier actor and whose object
    names other parties, is another act of the earlier kind, aimed at them."""
    coded = {c.trigger.sent.start for c in kept}
    found: list[Candidate] = []
    for sentence in sentences:
        root = sentence.root
        if is_saying(root.lemma_.lower(), ctx.lexicon):
            # "Caracas has also approached Beijing, the newspaper said": what was said
            root = next((c for c in root.children if c.dep_ == "ccomp"), root)
        if sentence.start in coded or root.pos_ != "VERB" or \
                is_saying(root.lemma_.lower(), ctx.lexicon) or \
                not any(c.dep_ == "advmod" and c.lower_ == "also" for c in root.children):
            continue
        agent, obj = subject(root), direct_object(root)
        if agent is None or obj is None:
            continue
        actors = [a for a in actors_of(agent, ctx.mentions, ctx.kb.sectors) if a.code]
        targets = [a for a in actors_of(obj, ctx.mentions, ctx.kb.sectors) if a.code]
        here = index.get(sentence.start, -1)
        earlier = [k for k in kept if k.event.actor and k.event.recipient
                   and here - REACH <= _sentence_of(k, index) < here]
        antecedent = _one_actor(earlier)
        if antecedent is None or not actors or not targets or \
                {a.code for a in actors} != {a.code for a in antecedent.event.actor if a.code} or \
                any(t.code in {a.code for a in actors} for t in targets):
            continue
        row = Trigger(lemma=root.lemma_.lower(), words=(root.lemma_.lower(),), pos="VERB",
                      event=antecedent.event.event, mode=antecedent.event.mode,
                      context=tuple(antecedent.event.context), particle=None,
                      object_hint=frozenset())
        candidate = build_candidate(root, row, sentence, ctx, {})
        candidate.event.actor = actors
        candidate.event.recipient = [_lowered(t) for t in targets]
        candidate.event.confidence = round(min(candidate.event.confidence, 0.6), 2)
        found.append(candidate)
    return found


# -- sanity ------------------------------------------------------------------------------------------


def same_named_party(one: Actor, other: Actor) -> bool:
    """Two named parties that are one: the same country named twice by its plain name
    ("Ukraine" ... "Ukraine", "Kyiv" ... "Ukraine"), or the same name with the same sector. A
    recipient implied for an act at home ("lifted the state of emergency": the actor's own
    country) is not named, and a body that starts with a country's name ("the Montenegro
    Assembly") is not the country: both stay."""
    if one.code != other.code:
        return False
    if one.sector == other.sector and one.entity_text and one.entity_text == other.entity_text:
        return True  # the same words placed the same way, known to the knowledge base or not
    return bool(one.kb_id and other.kb_id and _bare(one) and _bare(other))


def _bare(actor: Actor) -> bool:
    """A party named by its plain name ("Ukraine", "Kyiv"), not a body that merely starts with
    one ("the Montenegro Assembly")."""
    if not (actor.kb_id or "").startswith(("country:", "place:")):
        return False  # two people of one country named in full are two parties
    text = actor.entity_text.lower().removeprefix("the ").removesuffix(" 's").strip()
    return bool(actor.name) and text == (actor.name or "").lower().removeprefix("the ")


def sane(candidate: Candidate) -> bool:
    """No party is both actor and recipient: a nominal keeps its target ("the invasion of
    Ukraine" names the attacked, not the attacker), a verb its subject. False when the event
    is left with no party at all (it is dropped)."""
    event = candidate.event
    if not any(same_named_party(a, r) for a in event.actor for r in event.recipient):
        return True
    if candidate.row.pos == "NOUN":
        event.actor = [a for a in event.actor
                       if not any(same_named_party(a, r) for r in event.recipient)]
    else:
        event.recipient = [r for r in event.recipient
                           if not any(same_named_party(r, a) for a in event.actor)]
    return bool(event.actor or event.recipient)
