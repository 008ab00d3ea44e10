"""Senses a trigger's arguments decide: a raid flown by aircraft (ASSAULT aerial or drone), an
attack made in words (ACCUSE), a campaign or drive with a civil purpose, a fight against a scourge,
an attack that is an illness or an animal's, a border opened to refugees, a warrant out of the
issuer's reach (THREATEN), a measure counted in money, support given by aid, a cut in something,
the party a permission is given to (docs/codebook-boundaries.md).

Reads the parse helpers of `roles.py`; hands on predicates (and the permitted party) to
`build.py`, which re-decides a candidate's type, and `sentence.py`, which declines a trigger.
"""

from __future__ import annotations

from sitrep.coding.candidate import Context
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import QUANTITY_NOUNS, passive_patient, subject
from sitrep.coding.triggers import CONTAINER_NOUNS, nominal_position
from sitrep.model import Actor
from sitrep.resources import word_class

AIRCRAFT_WORDS = word_class("aircraft_words")
DRONE_WORDS = word_class("drone_words")


def raid_from_the_air(verb) -> str | None:
    """The ASSAULT mode of a raid done by aircraft ("Israeli jets raided Hezbollah positions",
    "warplanes carried out a raid on ..."): PLOVER's COERCE raid is a search and seizure on the
    ground; one flown is an air strike (ASSAULT aerial, or drone). None when no aircraft does it."""
    agent = subject(verb)
    if agent is None or passive_patient(verb) is not None:
        return None
    for head in [agent, *agent.conjuncts]:
        lemma = head.lemma_.lower()
        if lemma in DRONE_WORDS:
            return "drone"
        if lemma in AIRCRAFT_WORDS or lemma == "force" and any(
                c.lower_ == "air" for c in head.children if c.dep_ in {"compound", "amod"}):
            return "aerial"
    return None


# "test-fired a missile", "test-launched two rockets": the parse hangs "test" on the verb
TEST_WORDS = word_class("test_words")


def fired_in_a_test(verb) -> bool:
    """A weapon fired or launched in a test ("North Korea test-fired two missiles") is no attack
    on anyone: it shows the weapon's readiness, MOBILIZE weapons (PLOVER manual §MOBILIZE)."""
    return any(c.dep_ in {"npadvmod", "compound", "advmod", "dep"} and c.lemma_.lower() in TEST_WORDS
               for c in verb.children)


NAME_CALLING_VERBS = word_class("name_calling_verbs")
ATTACK_WORDS = word_class("attack_words")


def in_words(token) -> bool:
    """Whether an attack is made in words: "launched an extraordinary attack on the spy chiefs,
    calling them nutters", "attacked the ruling, describing it as a disgrace" — the attack (or
    the verb that carries it) goes on to call its target names (ACCUSE disapprove, as PLOVER
    codes verbal attacks)."""
    if token.lemma_.lower() not in ATTACK_WORDS:
        return False
    holders = [token]
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "pobj", "nsubj"}:
        holders.append(token.head if token.dep_ != "pobj" else token.head.head)
    return any(c.dep_ in {"advcl", "xcomp", "acl", "conj"} and c.tag_ == "VBG" and
               c.lemma_.lower() in NAME_CALLING_VERBS and not _calls_for(c)
               for h in holders for c in h.children)


def _calls_for(verb) -> bool:
    """"calling for reinforcements", "calling on the army": a call that asks, not a name."""
    return any(c.dep_ in {"prep", "prt"} and c.lower_ in {"for", "on", "upon", "up", "off"}
               for c in verb.children)


CIVIL_PURPOSES = word_class("civil_purposes")


CIVIL_PURPOSE_VERBS = word_class("civil_purpose_verbs")


def civil_container(verb) -> bool:
    """"launched a publicity campaign", "began a vaccination drive": the campaign or operation a
    verb carries is named by a civil purpose, so the verb's military sense does not apply; so
    is one whose infinitive names a civil aim ("launched a campaign to immunise two million
    infants", "started a drive on Monday to recruit nurses"), hung on the noun or on the verb."""
    objects = [obj for obj in verb.children
               if obj.dep_ == "dobj" and obj.lemma_.lower() in CONTAINER_NOUNS]
    if any(any(m.dep_ in {"compound", "amod"} and m.lemma_.lower() in CIVIL_PURPOSES
               for m in obj.children) for obj in objects):
        return True
    aims = [c for obj in objects for c in obj.children if c.dep_ in {"acl", "relcl"}]
    if objects:
        aims += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"}]
    return any(aim.pos_ == "VERB" and aim.lemma_.lower() in CIVIL_PURPOSE_VERBS
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in aim.children)
               for aim in aims)


HAZARDS = word_class("hazard_words")
WARNING_VERBS = word_class("warning_verbs")
WARNING_NOUNS = {"alert", "caution", "warning"}


def _hazard(noun) -> bool:
    """A noun naming a hazard of weather, nature or disease, or measuring one ("an inch of
    rain", "gusts of wind")."""
    if noun.lemma_.lower() in HAZARDS or noun.lower_ in HAZARDS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in HAZARDS for g in c.children)
        for c in noun.children)


def warns_of_a_hazard(trigger) -> bool:
    """"warned of extreme fire danger", "cautioned that more rain would fall", "issued a warning
    of gale-force winds": a forecast of weather, nature or disease addressed to no one is no
    threat (PLOVER THREATEN is a party's warning of its own act); "warned of a reaction",
    "warned that the army would strike" and a warning addressed to a party stay threats."""
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.head.pos_ in {"VERB", "AUX"} \
        else trigger
    notices = [t for t in {trigger, verb} if t.lemma_.lower() in WARNING_VERBS
               or t.lemma_.lower() in WARNING_NOUNS]
    notices += [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in WARNING_NOUNS]
    if not notices:
        return False
    if any(c.dep_ == "dative" or (c.dep_ == "dobj" and c not in notices)
           or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children):
        return False  # someone is addressed: "warned residents", "a warning to the rebels"
    about = [g for t in {verb, *notices} for c in t.children
             if c.dep_ == "prep" and c.lower_ in {"of", "about"}
             for g in c.children if g.dep_ == "pobj"]
    said = [subject(c) for c in verb.children if c.dep_ == "ccomp"]
    found = about + [s for s in said if s is not None]
    return bool(found) and all(_hazard(n) for n in found)


SCOURGES = word_class("scourges")


def fights_a_scourge(trigger) -> bool:
    """"to fight the Ebola epidemic", "the battle against corruption", "fighting the root causes
    of migration": a fight against a disease, a disaster or a social ill is no attack on anyone."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"] + [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"against", "on"}
        for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(o.lemma_.lower() in SCOURGES or any(
        f"{m.lemma_.lower()} {o.lemma_.lower()}" in SCOURGES for m in o.children
        if m.dep_ in {"compound", "amod"}) for o in objects)


SEIZURE_WORDS = word_class("seizure_words")


def an_illness_or_animal(trigger) -> bool:
    """"died of a heart attack", "a panic attack", "a shark attack": the modifier says the attack
    is an illness or an animal's, not violence by anyone; so is harm a verb says came from one
    ("was injured in a shark attack")."""
    if trigger.pos_ in {"VERB", "AUX"}:
        return any(an_illness_or_animal(g) for c in trigger.children
                   if c.dep_ == "prep" and c.lower_ in {"in", "by", "of", "from", "after"}
                   for g in c.children if g.dep_ == "pobj")
    return trigger.pos_ == "NOUN" and any(
        m.dep_ in {"compound", "amod"} and m.lemma_.lower() in SEIZURE_WORDS
        for m in trigger.children)


REFUGEE_WORDS = word_class("refugee_words")


def opened_to_refugees(verb) -> bool:
    """"opened its borders to refugees", "... to a large number of Syrians and Afghans": a border
    opened to people fleeing is refuge given (AID, as granting asylum: CAMEO 075), not a border
    opened to a state (RETREAT access)."""
    people = [g for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
              for g in c.children if g.dep_ == "pobj"]
    people += [g for p in people if p.lemma_.lower() in QUANTITY_NOUNS
               for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]
    # a nationality as the object of "to" or "of" names people ("to Syrians"), not a state
    return any(p.lemma_.lower() in REFUGEE_WORDS or p.ent_type_ == "NORP" for p in people)


ABSENCE_WORDS = word_class("absence_words")


def out_of_reach(noun) -> bool:
    """"issued an arrest warrant in absentia", "an international arrest warrant": a warrant for
    someone out of the issuer's reach threatens an arrest (PLOVER manual §THREATEN: an
    in-absentia arrest is THREATEN arrest); an ordinary warrant is COERCE arrest. "In absentia"
    may hang on the warrant or on the verb that issues it."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
    return any(c.lemma_.lower() in ABSENCE_WORDS for c in noun.children if c.dep_ == "amod") or \
        any(g.lower_ in ABSENCE_WORDS for h in holders for c in h.children
            if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj")


def counted_in_money(noun) -> bool:
    """"$300 million support", "€45m support for farmers": support counted in money is money
    given (AID, with an economic context: PLOVER manual §AID, monetary aid, grants and credit),
    not words of support. The amount is a money entity or a currency sign before the noun."""
    return noun.pos_ == "NOUN" and any(
        t.ent_type_ == "MONEY" or t.tag_ == "$"
        for child in noun.children if child.i < noun.i for t in child.subtree)


# Nouns of material aid that can do the supporting (word class `aid_nouns`).
AID_NOUNS = word_class("aid_nouns")


def support_given_by_aid(verb) -> bool:
    """"Canadian grants supported the Haitian police academy", "backed the clinics with a grant
    of $2 million": support whose doer or means is aid, funding or a grant is aid given (PLOVER
    manual §AID), not words of support."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in AID_NOUNS for c in verb.children):
        return True
    # the means may hang on the verb or on its object ("renewed its pledge ... with a grant")
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ == "with" and g.dep_ == "pobj" and
               g.lemma_.lower() in AID_NOUNS
               for holder in holders for c in holder.children for g in c.children)


# Change nouns that reduce the act named after "in" (word class `cut_nouns`).
CUT_NOUNS = word_class("cut_nouns")


def cut_in(noun) -> bool:
    """"a sharp cut in military aid to Egypt": aid or cooperation reduced is a sanction (PLOVER
    manual §SANCTION discontinue), on whom it went to."""
    return nominal_position(noun).lemma_.lower() in CUT_NOUNS


# Nouns of leave to act (word class `permission_nouns`).
PERMISSION_NOUNS = word_class("permission_nouns")


def permitted_party(verb, ctx: Context) -> list[Actor]:
    """"gave approval for the Red Cross to visit the camps", "granted permission for Kenyan
    jets to land": leave given to a party to act eases a restriction on it (PLOVER manual
    §CONCEDE), and that party, the subject of the "for ... to" clause, is its recipient.
    Approval of a plan ("gave its approval to the plan") names no one given leave: no party."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    for noun in verb.children:
        words = {noun.lemma_.lower(), *(f"{c.lemma_.lower()} {noun.lemma_.lower()}"
                                        for c in noun.children if c.dep_ in {"amod", "compound"})}
        if noun.dep_ not in {"dobj", "nsubjpass"} or not words & PERMISSION_NOUNS:
            continue
        clauses = [c for c in [*noun.children, *verb.children]
                   if c.dep_ in {"advcl", "acl", "relcl", "xcomp"} and c.i > noun.i]
        doers = [subject(c) for c in clauses if any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        # the parser may hang "for X" on the verb and "to act" beside it
        doers += [g for c in [*noun.children, *verb.children]
                  if c.dep_ in {"prep", "dative"} and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj"
                  and any(k.i > g.i and any(a.lower_ == "to" for a in k.children
                                            if a.dep_ == "aux") for k in clauses)]
        for doer in (d for d in doers if d is not None):
            found = [a for a in actors_of(doer, ctx.mentions, ctx.kb.sectors) if a.code or a.sector]
            if found:
                return found
    return []


MARKET_WORDS = word_class("market_words")


def market_demand(noun) -> bool:
    """"strong demand for hybrids", "weaker chip demand from China": demand a market adjective
    measures is buyers' demand for goods, not a party's demand of another (REQUEST); a party's
    demand is counted ("a demand", "demands"), not measured."""
    return noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.lemma_.lower() == "demand" and \
        any(c.dep_ == "amod" and c.lemma_.lower() in MARKET_WORDS for c in noun.children) and \
        not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in {"a", "an"}
                for c in noun.children)  # "a strong demand from Iran", "their firm demand"
