"""Participants: the actor and recipient of one trigger, by the rules of its part of speech and
type (subject and object, passives, prepositions each type takes, what a noun's clause says,
who is blamed for what an object names, an imported pattern's bound parties).

Reads the parse helpers of `roles.py`, whether an object names the act coded
(`targets.own_act`) and whether an act is mutual (`joint.is_reciprocal`); hands on (actors,
recipients) to `build.py`.
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.actors.parties import AUTHORITY_SECTORS, GROUP_SECTORS, same_party
from sitrep.coding.candidate import Context
from sitrep.coding.handover import handed_to
from sitrep.coding.joint import is_reciprocal
from sitrep.coding.lexicon import Trigger, is_saying, verb_forms
from sitrep.coding.lists import conjuncts
from sitrep.coding.modality import MESSAGE_NOUNS, RECEIVING_VERBS, made_before
from sitrep.coding.phrase_actors import actors_of, leading_country
from sitrep.coding.places import clause_tokens
from sitrep.coding.reattach import CONTENT_NOUNS, clause_of_noun
from sitrep.coding.recipients import INFORMATION_NOUNS, SHARING_TYPES, name_head, topic_of
from sitrep.coding.relevance import NATURAL_FORCE
from sitrep.coding.roles import (
    LIGHT_VERBS,
    NOT_AN_ACTOR,
    PRONOUNS,
    RECIPIENT_PREPS,
    direct_object,
    passive_patient,
    possessor,
    prep_objects,
    referent,
    subject,
)
from sitrep.coding.targets import POSSESSIVE_PRONOUNS, REACTION_TYPES, own_act
from sitrep.coding.triggers import (
    CARRIER_VERBS,
    is_anaphoric,
    match_trigger,
    multiword_trigger,
    nominal_position,
)
from sitrep.model import Actor
from sitrep.resources import word_class

DEFAULT_ACTOR_SECTOR = {"MOBILIZE": "MIL", "ASSAULT": "MIL", "SANCTION": "GOV", "AGREE": "GOV",
                        "REQUEST": "GOV", "CONSULT": "GOV", "ACCUSE": "GOV", "REJECT": "GOV",
                        "THREATEN": "GOV", "SUPPORT": "GOV", "CONCEDE": "GOV", "RETREAT": "GOV",
                        "COERCE": "GOV", "AID": "GOV", "COOPERATE": "GOV"}


def participants(trigger, row: Trigger, ctx: Context) -> tuple[list[Actor], list[Actor]]:
    sectors = ctx.kb.sectors
    # an act of opening access goes to whom "to" names ("opened its borders to refugees")
    preps = RECIPIENT_PREPS.get(row.event, set()) | ({"to"} if row.mode == "access" else set())
    actor: list[Actor] = []
    recipient: list[Actor] = []
    if row.pos == "VERB":
        patient = passive_patient(trigger)
        agent = subject(trigger)
        if agent is not None:
            actor = actors_of(agent, ctx.mentions, sectors)
        if not actor and agent is not None and agent.tag_ in {"WDT", "WP"} \
                and trigger.dep_ == "relcl":
            # "after floods that killed forty people": a natural force or an accident the
            # relative pronoun stands for is the doer, and its act no one's (relevance rule 0)
            actor = [a for a in actors_of(trigger.head, ctx.mentions, sectors)
                     if a.sector == NATURAL_FORCE]
        if patient is not None:
            own_agent = any(c.dep_ == "agent" for c in trigger.children)
            # "peacekeepers were deployed to Mali", "Cuban doctors were sent": what aid sends
            # (the row's object) is the giver's, not the one given to
            sent = row.event == "AID" and patient.lemma_.lower() in row.object_hint
            if (row.event == "MOBILIZE" or sent) and not own_agent:
                # "troops were deployed", "analysts expected Russian troops to be deployed"
                actor = actors_of(patient, ctx.mentions, sectors)
            elif not sent:
                recipient = actors_of(patient, ctx.mentions, sectors)
        obj = referent(direct_object(trigger))
        if not recipient and row.event == "COOPERATE" and "legal" in row.context:
            # "extradited Viktor Bout to the United States": the receiving state, not the person
            recipient = [a for pobj in prep_objects(trigger, {"to"})
                         for a in _prep_actors(pobj, ctx) if a.code or a.sector == "IGO"]
        handed = handed_to(trigger, obj, row.event)
        if not recipient and handed:
            # "surrendered to the police", "handed the town over to the army": whom it goes to
            recipient = [a for pobj in handed for a in _prep_actors(pobj, ctx) if a.code or a.sector]
        if not recipient and obj is not None and row.event in BLAME_TYPES:
            # "condemned an attack by Osgiliath soldiers", "is investigating war crimes by
            # Croatian extremists": the one blamed is who did what the object names
            doers = list(prep_objects(obj, {"by"})) + [
                g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj"  # the parser often hangs it on the verb
            ] + _made_by(obj)
            recipient = [a for pobj in doers for a in actors_of(pobj, ctx.mentions, sectors)
                         if a.code or a.sector]  # "a protest by white farmers" too
        askers = _made_by(obj, ASKING_VERBS) if obj is not None and row.event in ANSWER_TYPES \
            else []
        if not recipient and obj is not None and (
                obj.lemma_.lower() in MESSAGE_NOUNS | CONTENT_NOUNS or askers):
            # "accepted demands from the striking dockers", "turned down a plea filed by the
            # defence": an answer to a message goes to whoever made it, a group named only by its
            # sector too; so does what one asked for ("granted the injunction sought by the union")
            makers = askers or [*prep_objects(obj, {"from", "by"}), *_made_by(obj)]
            recipient = [a for pobj in makers for a in actors_of(pobj, ctx.mentions, sectors)
                         if a.code or a.sector]
        if not recipient and obj is not None and "with" in preps:
            # "discussed Libya with Trump", "agreed a plan with Kenya": a mutual act's partner
            # follows "with"; its object is what the act is about
            # (the parser often hangs "with Peru" on the object: "discussed Bolivia with Peru")
            recipient = [a for holder in (trigger, obj) for pobj in prep_objects(holder, {"with"})
                         if pobj.lemma_.lower() not in HELP_NOUNS
                         for a in _prep_actors(pobj, ctx) if a.code or a.sector]
        if not recipient and obj is not None and not _doers_own(obj, row, ctx) and not handed \
                and multiword_trigger(obj, ctx.lexicon) is None:  # "lifted the state of emergency"
            # the object is the recipient when it names an actor ("asked Russia"), not a thing;
            # an object naming the act coded is its doer's ("reiterated Turkey's support for
            # Libya": Turkey supports), whose target follows it
            recipient = [a for a in actors_of(obj, ctx.mentions, sectors)
                         if a.code or row.event in SECTOR_OBJECT_EVENTS or (
                             row.event in PEOPLE_OBJECT_EVENTS and a.sector not in GROUP_SECTORS)]
            home = {a.code for a in actor if a.code and (a.sector in AUTHORITY_SECTORS or (
                a.kb_id or "").startswith("country:"))}
            if row.event in PEOPLE_OBJECT_EVENTS and len(home) == 1:
                # "Iran released 20 political prisoners": people an authority frees are its own,
                # unless the phrase names where they are ("settlements in the Gaza Strip")
                inside = first_coded(obj.subtree, ctx)
                for person in recipient:
                    person.code = person.code or (inside.code if inside else next(iter(home)))
        complement = next((c for t in [trigger, *(a for a in trigger.children if a.dep_ == "acomp")]
                           for c in t.children if c.dep_ == "xcomp"), None)  # "is willing to"
        # "gave a grant and a loan to the city": the parser may hang "to" on the last thing given
        holders = [trigger] + [h for h in (obj, complement) if h is not None] + (
            conjuncts(obj)[1:] if obj is not None else [])
        # "spoke by telephone with Putin": the parser may hang "with" on the means
        holders += prep_objects(trigger, {"by"}) if trigger.pos_ in {"VERB", "AUX"} else []
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
                if pobj.head.lower_ in {"on", "about"} and row.event in SHARING_TYPES and \
                        INFORMATION_NOUNS & {h.lemma_.lower() for h in (holder, obj) if h is not None}:
                    continue  # "share information on Iran": the topic, not a recipient
                if pobj.head.lower_ in TOPIC_PREPS and allowed is not preps and \
                        is_reciprocal(trigger, actor, []):
                    continue  # "X and Y reached a deal on the Somali border": what it is about
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
        leader = leading_country(trigger, ctx.mentions) if not actor else None
        if leader is not None:  # "a Saudi-led strike on a bus": the leading country's
            actor = [replace(leader)]
        definite = is_anaphoric(trigger)
        position = nominal_position(trigger)
        givers = [*prep_objects(trigger, {"from"}), *prep_objects(position.head, {"from"})]
        # "Poland is weighing a request from Kyiv", "received Morocco's offer", "will study the
        # request" (made before): a message whose maker is named, or one referred back to, is
        # made to the subject of the verb that weighs or receives it (not "is weighing new
        # sanctions", "does not consider a ceasefire": its own acts)
        received = row.event in MESSAGE_TYPES and bool(
            givers or actor or made_before(trigger)) and bool(
            verb_forms(position.head) & RECEIVING_VERBS)
        if position.dep_ == "dobj" and (verb_forms(position.head) & UNDERGOING_VERBS or received):
            # "Iran faces criticism from the U.N.", "the plan drew condemnation from Arab
            # states": the act is done to the verb's subject, by whoever it comes from
            verb = position.head
            sufferer = subject(verb)
            actor = [a for g in givers[:1] for a in actors_of(g, ctx.mentions, sectors)] or (
                actor if received else [])
            recipient = actors_of(sufferer, ctx.mentions, sectors) if sufferer is not None \
                else []
        # "the ILO reiterated its demand", "Russia renewed their call": a third-person
        # possessive on the object stands for the verb's subject
        bound = position.dep_ == "dobj" and position.head.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "poss" and c.lower_ in BOUND_POSSESSIVES for c in trigger.children)
        if not actor and (bound or position.dep_ in {"dobj", "attr"} and (
                (not definite and verb_forms(position.head) & LIGHT_VERBS)
                or verb_forms(position.head) & PACE_VERBS)):
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
        carrier = position.dep_ == "dobj" and verb_forms(position.head) & (
            LIGHT_VERBS | CARRIER_VERBS | PACE_VERBS)
        holders = [trigger] + ([position] if position.i != trigger.i else []) + (
            [position.head] if carrier else [])
        for pobj in (p for holder in holders for p in prep_objects(holder, preps | {"between"})
                     if not recipient):
            recipient = _prep_actors(pobj, ctx)
            if recipient:
                if not actor and pobj.head.lower_ == "between" and len(recipient) > 1:
                    # "talks between Iran and Oman resumed": a joint act of both, no one's target
                    actor, recipient = recipient, []
                break
        if row.event in BLAME_TYPES and not any(r.code or r.sector for r in recipient):
            recipient = _blamed_in_topic(holders, preps, ctx) or recipient
        clause = clause_of_noun(trigger) if not recipient else None
        asked = subject(clause) if clause is not None else None
        if asked is not None:
            # "its demand that Israel ease restrictions": the one the clause asks or blames
            recipient = [a for a in actors_of(asked, ctx.mentions, sectors) if a.code]
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
    mutual = is_reciprocal(trigger, actor, []) and not any(c.dep_ == "xcomp"
                                                          for c in trigger.children)
    if not recipient and row.pos == "VERB" and not mutual:
        # (several parties' mutual act is with one another, not with whom its object names; what
        # they agree to do is aimed at whom that act is)
        recipient = _named_in_object(trigger, row, actor, ctx)
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


# Verbs whose subject undergoes the act their object names ("faces criticism from the U.N.").
UNDERGOING_VERBS = word_class("undergoing_verbs")
# Acts made to another party as a message: requests, offers, invitations, complaints, threats,
# apologies (what a party receives or weighs).
MESSAGE_TYPES = {"REQUEST", "AGREE", "ACCUSE", "THREATEN", "CONCEDE"}


# Verbs of taking part: the subject of "converged for a rally" or "joined the strike" is the
# noun's actor.
PARTICIPATION_VERBS = word_class("participation_verbs")


GATHERING_VERBS = word_class("gathering_verbs")


# "offered to hand over to Great Britain", "agreed to US mediation": a named actor after one of
# these, on the trigger, its object or its complement, is the recipient whatever the type.
ANY_RECIPIENT_PREPS = {"to", "with", "against", "on", "for", "from", "toward", "towards"}


# "warned of the Prince of Dol Amroth", "warned their populations about the Taliban": whatever
# type a warning is coded as, the one warned about is its target when no one is addressed.
WARNING_VERBS = word_class("warning_verbs")
WARNED_ABOUT = {"of", "about"}
# Prepositions that say what a mutual act is about, not with whom.
TOPIC_PREPS = {"on", "about", "over"}


# Possessives that refer back to the third-person subject of the verb whose object they own.
BOUND_POSSESSIVES = {"its", "their", "his", "her"}

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


def _doers_own(obj, row: Trigger, ctx: Context) -> bool:
    """Whether the object names the act coded ("reiterated Turkey's support") or the stance the
    row's object stands for ("reiterated the UN's commitment to ...", "expressed Japan's
    readiness"): whose it is, is the doer's side, not the recipient."""
    lemma = obj.lemma_.lower()
    return own_act(obj, row, ctx) or (row.event in STANCE_TYPES and lemma in STANCE_NOUNS
                                      and obj.pos_ == "NOUN")


# Types whose object may be a stance (commitment, readiness, solidarity) rather than a party.
STANCE_TYPES = {"SUPPORT", "AGREE"}
STANCE_NOUNS = word_class("stance_nouns")


def _made_by(obj, verbs: frozenset[str] | None = None) -> list:
    """"rejected an appeal filed by the defence", "condemned the threats made by Kenya": the
    agent of a participle clause on the object (or on a member of its list) made what it names
    (`verbs`: only a participle of these, "sought", "requested")."""
    return [pobj for member in conjuncts(obj) for clause in member.children
            if clause.dep_ == "acl" and clause.tag_ == "VBN"
            and (verbs is None or clause.lemma_.lower() in verbs)
            for pobj in prep_objects(clause, {"by"})]


# Verbs of asking for something, and the types that answer what someone asked for.
ASKING_VERBS = word_class("asking_verbs")
ANSWER_TYPES = {"CONCEDE", "RETREAT", "REJECT", "AGREE", "AID", "SUPPORT"}


def _blamed_in_topic(holders: list, preps: set[str], ctx: Context) -> list[Actor]:
    """"an investigation into war crimes by Ethiopian troops", "a probe into attacks carried out
    by Togolese militants", "an inquiry into claims that Ugandan soldiers looted shops": the one
    blamed is who did what the noun's topic names (its "by", or the subject of the claim), on
    the noun or the verb that carries it."""
    for pobj in (p for holder in holders for p in prep_objects(holder, preps)):
        doers = list(prep_objects(pobj, {"by"})) + _made_by(pobj) + [
            subject(c) for c in pobj.children if c.dep_ in {"acl", "ccomp"} and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
        found = [a for doer in doers if doer is not None
                 for a in actors_of(doer, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]
        if found:
            return found
    return []


def awaited_party(trigger, ctx: Context) -> list[Actor]:
    """"will stay on strike until the ministry pays them", "will not lift the
    embargo until Cuba reforms": a refusal held until another party acts is aimed at that party
    (the subject of the "until" or "unless" clause)."""
    own = subject(trigger)
    for clause in trigger.children:
        if clause.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in {"until", "unless", "till", "before"}
                for c in clause.children):
            continue
        doer = subject(clause) or passive_patient(clause)
        if doer is not None and own is not None and (doer.i == own.i or (
                doer.lower_ in PRONOUNS and doer.lower_ == own.lower_)):
            # "until she is convinced Ghana has kept its word": the refuser's own judgement
            # waits on whom it judges, the subject of what it is satisfied of
            judged = next((c for h in [clause, *clause.children] if h.dep_ in {"advcl", "acomp"}
                           for c in h.children if c.dep_ == "ccomp"), None)
            doer = subject(judged) if judged is not None else None
        if doer is not None:
            return [a for a in actors_of(doer, ctx.mentions, ctx.kb.sectors)
                    if a.code or a.sector]
    return []


def _prep_actors(pobj, ctx: Context) -> list[Actor]:
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


def first_coded(tokens, ctx: Context, labels: set[str] | None = None,
                 accept=lambda actor: True) -> Actor | None:
    """The first party with a country code that the tokens name (in text order), as a copy."""
    for token in sorted(tokens, key=lambda t: t.i):
        mention = ctx.mentions.at(token)
        if mention and mention.actor and mention.actor.code and (
                labels is None or mention.label in labels) and accept(mention.actor):
            return replace(mention.actor)
    return None


def _first_party_after(trigger, actor: list[Actor], ctx: Context) -> list[Actor]:
    """The target an imported CAMEO verb dictionary means: its codes were written for PETRARCH,
    whose target is the first party named in the verb's phrase after the verb ("halted his
    march towards ... in the vicinity of Cirith Ungol"). Only rows of such a dictionary use it."""
    found = first_coded((t for t in trigger.subtree if t.i > trigger.i), ctx,
                         accept=lambda party: not any(same_party(party, a) for a in actor))
    return [found] if found else []


def _named_in_object(trigger, row: Trigger, actor: list[Actor], ctx: Context) -> list[Actor]:
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
        tokens = list(clause_tokens(obj))
        owner = possessor(obj)
        if owner is not None and _doers_own(obj, row, ctx):
            # "reiterated Turkey's support for the GNA": whose the act is, is its doer's side
            tokens = [t for t in tokens if t not in set(owner.subtree)]
        if obj.lemma_.lower() in INFORMATION_NOUNS and row.event in SHARING_TYPES:
            # "shared intelligence on Iran": the topic
            tokens = [t for t in tokens if t not in topic_of(obj)]
        meeting = match_trigger(obj, ctx.lexicon) if obj.pos_ == "NOUN" else None
        if meeting is not None and meeting.event == "CONSULT":
            # "agreed to resume peace talks in Tanzania": a meeting's place is its venue
            venue = {t.i for c in obj.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                     for t in c.subtree}
            tokens = [t for t in tokens if t.i not in venue]
        found = first_coded(tokens, ctx, {"GPE", "NORP", "ORG", "PERSON"},
                             lambda party: party.code not in codes)
        reacted = _reacted_to(obj, found, tokens, ctx) if found and holder is trigger and \
            row.event in REACTION_TYPES and not _doers_own(obj, row, ctx) else None
        if reacted is not None:
            return [reacted]
        if found:
            return [found] + _listed_after(found, tokens, codes, ctx)
    return []


def _reacted_to(obj, place: Actor, tokens: list, ctx: Context) -> Actor | None:
    """"Condemned the terrorist attack on a church in Quetta", "rejected the election results
    in Kenya", "convicted the cement maker Lafarge of financing terrorism in Syria": a reaction
    is to the thing or the unplaced party its object names, by the object's words up to its
    head, in the country of the place named in a phrase after it (not "Serbia's crackdown",
    whose owner is the party), as the real-news coders write the object."""
    mention = ctx.mentions.at(obj)
    if obj.pos_ not in {"NOUN", "PROPN"} or (
            mention is not None and mention.actor is not None and mention.actor.code):
        return None
    modifiers = {t.i for c in obj.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                 for t in c.subtree}
    named = next((t for t in sorted(tokens, key=lambda t: t.i) if (m := ctx.mentions.at(t))
                  and m.actor is not None and m.actor.code == place.code), None)
    if named is None or named.i in modifiers:
        return None
    at = ctx.mentions.at(named)
    if at is None or at.label not in {"GPE", "LOC", "FAC"}:
        return None
    left = {t.i for c in obj.children if c.dep_ in {"det", "predet"} for t in c.subtree}
    words = " ".join(t.text for t in obj.subtree if t.i <= obj.i and t.i not in left)
    return replace(place, entity_text=words, kb_id=None, sector=None)


def _listed_after(first: Actor, tokens: list, codes: set, ctx: Context) -> list[Actor]:
    """"threatened to ban Ugandan and Kenyan candidates", "a force of Kenyan, Ugandan and Rwandan
    troops": the countries listed with the first one named inside the object."""
    head = next(t for t in sorted(tokens, key=lambda t: t.i) if (m := ctx.mentions.at(t))
                and m.actor and m.actor.code == first.code)
    head = name_head(head, ctx.mentions, set(tokens))
    members = conjuncts(head)[1:]
    if head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ",":
        # "Ethiopian, Mozambican and South African troops" parsed as modifiers side by side: the
        # list goes on in the next ones
        members += [c for s in head.head.children if s.dep_ == head.dep_ and s.i > head.i
                    for c in conjuncts(s)]
    found: list[Actor] = []
    for member in members:
        named = ctx.mentions.at(member)
        if named is not None and named.actor and named.actor.code and \
                named.actor.code not in codes | {first.code} | {a.code for a in found}:
            found.append(replace(named.actor))
    return found


def fallback_recipient(sentence, actor: list[Actor], ctx: Context) -> list[Actor]:
    """A nominal event with no stated target ("continued U.S. sanctions") in a sentence that
    names exactly one other country: that country."""
    codes = {a.code for a in actor}
    others = {}
    for mention in ctx.mentions.between(sentence.start_char, sentence.end_char):
        if mention.actor and mention.actor.code and mention.actor.code not in codes and \
                mention.label == "GPE":
            others[mention.actor.code] = mention.actor
    return [Actor(**{**next(iter(others.values())).__dict__})] if len(others) == 1 else []


def bound_actors(root, ctx: Context) -> list[Actor]:
    """The parties a pattern's phrase names: its own, else the first coded one inside it ("the
    leaders of Gondor", "an anti-Gondor parade")."""
    found = actors_of(root, ctx.mentions, ctx.kb.sectors)
    if any(a.code for a in found):
        return found
    inner = first_coded(root.subtree, ctx)
    return [inner] if inner else found


def is_resolved(party: Actor) -> bool:
    """A party the knowledge base placed: a country, a sector or a known name. Parties kept only
    by their words (`targets.name_unresolved`) never make an event count as argued."""
    return bool(party.code or party.sector or party.kb_id)
