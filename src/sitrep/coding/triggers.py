"""Triggers: which lexicon row (PLOVER type, mode, context) a word of the sentence stands for.

A row matches on the word's lemma and part of speech, its particle, the words of a multiword
trigger and its object hints (what the verb acts on, or what a noun's clause is about); the most
specific row wins. Hands on a `Trigger` row per token to `sentence.py`.
"""

from __future__ import annotations

from sitrep.coding.candidate import DEFINITE, Context
from sitrep.coding.lexicon import COMPOUND_SUBJECT, OBJECT_AND_ACT, Lexicon, Trigger, verb_forms
from sitrep.coding.roles import direct_object, object_at
from sitrep.resources import word_class
from sitrep.text.token_arrays import arrays_of

# Nouns that only measure or group what follows "of": "part of an aid program", "a team of
# inspectors" are about the program and the inspectors.
PARTITIVES = word_class("partitives")
CURRENCY_NOUNS = word_class("currency_nouns")
# Quantifiers that stand for part of what follows "of" ("some of the protesters").
QUANTIFIERS = word_class("quantifiers")
# Occasions of speaking to reporters ("press conference", "news briefing"): an object naming one
# selects no row its head would ("held a conference" is CONSULT, "held a press conference" a
# statement).
STATEMENT_OCCASIONS = word_class("statement_occasions")
JOINT_WORDS = word_class("joint_words")


def _object_lemmas(heads: list, alone: bool = False) -> set[str]:
    """Lemmas an object hint may match: the objects' heads (`object_heads`), their compounds, the
    multiword phrase they form ("hunger strike", "state of emergency"), and what a partitive
    measures. A party `alone` that speaks to reporters ("held a press conference") selects no
    row with it: a statement, not a meeting (two parties holding one together meet)."""
    lemmas: set[str] = set()
    for head in heads:
        found = phrase_lemmas(head)
        if not (alone and _statement_occasion(head, found)):
            lemmas.update(found)
    return lemmas


def _statement_occasion(head, lemmas: set[str]) -> bool:
    """An occasion of speaking to reporters not said to be joint ("a joint news conference")."""
    return bool(lemmas & STATEMENT_OCCASIONS) and not any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in JOINT_WORDS for c in head.children)


def speaks_to_reporters(verb) -> bool:
    """Whether a verb's subject, one party, holds an occasion of speaking to reporters ("held a
    press conference"): a statement, for which the fallback classifier guesses no act (two
    parties holding one together meet)."""
    return not _joint_subject(verb) and any(
        _statement_occasion(head, phrase_lemmas(head)) for head in object_heads(verb))


def _joint_subject(verb) -> bool:
    arrays = arrays_of(verb.doc)
    dep, kids = arrays.dep, arrays.children
    return any(dep[c] == "nsubj" and any(dep[g] == "conj" for g in kids[c])
               for c in kids[verb.i])


def object_heads(token) -> list:
    """The heads of what a trigger acts on: its objects and their conjuncts, what is allowed
    or ordered, and what a partitive measures ("a batch of rifles")."""
    arrays = arrays_of(token.doc)
    dep, pos, kids, i = arrays.dep, arrays.pos, arrays.children, token.i
    verbal = pos[i] in {"VERB", "AUX"}
    objects = [c for c in kids[i] if dep[c] in {"dobj", "attr", "nsubjpass", "pobj", "oprd",
                                                 "dative"}]
    for child in kids[i]:
        if dep[child] == "prep":
            objects.extend(g for g in kids[child] if dep[g] == "pobj")
        if dep[child] in {"ccomp", "xcomp"} and verbal:
            # "allowed a UN convoy to enter": the convoy is what is allowed; "ordered Iran to pay
            # damages": what is ordered
            objects.extend(g for g in kids[child] if dep[g] in {"nsubj", "nsubjpass"} or (
                dep[g] == "dobj" and dep[child] == "xcomp"))
    if dep[i] == "acl" and arrays.tag[i] == "VBN" and pos[arrays.head[i]] in {"NOUN", "PROPN"} \
            and any(dep[c] == "agent" for c in kids[i]):
        # "the people evacuated by Canada": a participle with its doer acts on the noun it
        # qualifies ("soldiers stationed overseas", with none, only says where they are)
        objects.append(arrays.head[i])
    if verbal:
        # "found the minister guilty": the verdict the parser hangs as the verb's complement
        # "set the prisoners free": the state the verb leaves its object in
        objects.extend(c for c in kids[i] if dep[c] in {"ccomp", "acomp", "oprd", "advcl"}
                       and pos[c] == "ADJ")
        obj = object_at(arrays, i)
        if obj is not None:  # ... or hangs after the object ("set the ministers free")
            objects.extend(c for c in kids[obj] if dep[c] == "amod" and pos[c] == "ADJ"
                           and c > obj)
    # "was found not guilty": a negated verdict names nothing
    objects = [o for o in objects if not (pos[o] == "ADJ" and any(dep[c] == "neg"
                                                                  for c in kids[o]))]
    objects.extend(c for head in list(objects) for c in arrays.conjuncts(head)
                   if c > head)  # "provided food, tents and medicine"
    tokens, lower = arrays.tokens, arrays.lower
    measured = [pobj for head in objects
                for prep in kids[head] if dep[prep] == "prep" and (
                    lower[prep] == "of" and _measures(tokens[head]) or
                    lower[prep] == "in" and counts_money(tokens[head]))
                for pobj in kids[prep] if dep[pobj] == "pobj"]
    # "a team of surgeons, tents and vaccines", "$4 million worth of equipment and
    # medicines": what the partitive measures, with its conjuncts
    objects.extend(measured)
    objects.extend(c for head in measured for c in arrays.conjuncts(head) if c > head)
    return [tokens[o] for o in objects]


def _negated_verdicts(token) -> set[str]:
    """A verdict the verb's complement negates, as "not guilty": "found the minister not guilty"
    acquits (object hints read "not guilty"; `object_heads` drops the negated verdict)."""
    arrays = arrays_of(token.doc)
    dep, pos, kids = arrays.dep, arrays.pos, arrays.children
    if pos[token.i] not in {"VERB", "AUX"}:
        return set()
    return {f"not {arrays.lemma[c]}" for c in kids[token.i]
            if dep[c] in {"ccomp", "acomp", "oprd"} and pos[c] == "ADJ"
            and any(dep[g] == "neg" for g in kids[c])}


def _object_and_act(verb) -> bool:
    """Whether the verb has a direct object and a to-infinitive with no subject of its own, for
    the object to carry out ("pressed Pakistan to crack down on militants")."""
    arrays = arrays_of(verb.doc)
    dep, pos, lower, kids, i = arrays.dep, arrays.pos, arrays.lower, arrays.children, verb.i
    return (object_at(arrays, i) is not None and any(
        dep[c] in {"xcomp", "advcl"} and pos[c] == "VERB" and c > i
        and any(dep[g] == "aux" and lower[g] == "to" for g in kids[c])
        and not any(dep[g] in {"nsubj", "nsubjpass"} for g in kids[c])
        for c in kids[i])) or any(
        # the parser's other reading: the object as the infinitive's subject ("welcomed [Putin
        # to mediate]")
        dep[c] == "ccomp" and pos[c] == "VERB" and c > i
        and any(dep[g] == "aux" and lower[g] == "to" for g in kids[c])
        and any(dep[g] == "nsubj" and i < g < c for g in kids[c])
        for c in kids[i])


def _measures(head) -> bool:
    """Whether an object only measures or counts what follows its "of": a partitive noun ("a
    batch of rifles"), a number or a quantifier ("released 20 of the protesters", "freed some of
    the hostages": the hint reads the protesters and the hostages)."""
    return head.lemma_.lower() in PARTITIVES or head.lower_ in QUANTIFIERS or (
        head.pos_ == "NUM" and head.like_num and head.ent_type_ != "MONEY")


def counts_money(head) -> bool:
    """Whether an object is an amount of money, which measures what follows its "in": "froze $2
    billion in aid", "released 150 million euros in budget support" (the hint reads the aid and
    the support)."""
    return head.ent_type_ == "MONEY" or head.lemma_.lower() in CURRENCY_NOUNS


def multiword_trigger(token, lexicon: Lexicon) -> Trigger | None:
    """"The state of emergency", "martial law": the multiword noun trigger the noun's phrase is,
    if any."""
    return next((hit for words in phrase_lemmas(token) if " " in words
                 for hit in lexicon.triggers.get((words.split()[-1], "NOUN"), [])
                 if " ".join(hit.words) == words), None)


def phrase_lemmas(head) -> set[str]:
    arrays = arrays_of(head.doc)
    dep, lemmas, kids, i = arrays.dep, arrays.lemma, arrays.children, head.i
    lemma = lemmas[i]
    found = {lemma}
    if arrays.tag[i] == "NNPS" and lemma.endswith("s"):
        found.add(lemma[:-1])  # the model keeps plural proper nouns whole: "19 Christians"
    if arrays.ent_type[i] == "PERSON":
        found.add("@person")  # an object hint for "released opposition leader Ana Ruiz"
    if arrays.ent_type[i] == "GPE":
        found.add("@country")  # an object hint for "recognised Kosovo"
    modifiers = [c for c in kids[i] if dep[c] in {"compound", "amod"} and c < i]
    found.update(lemmas[c] for c in modifiers if dep[c] == "compound")
    found.update(f"{lemmas[c]} {lemma}" for c in modifiers)
    for prep in kids[i]:
        if dep[prep] == "prep" and arrays.lower[prep] == "of":
            found.update(f"{lemma} of {lemmas[p]}" for p in kids[prep] if dep[p] == "pobj")
    return found


def match_trigger(token, lexicon: Lexicon) -> Trigger | None:
    """The lexicon row the token stands for, or None; worked out once per token and lexicon
    (kept with the parse's `TokenArrays`: the stages ask again of the same words)."""
    memo = token.doc.user_data.setdefault(TRIGGER_MEMO, {})
    found = memo.get(token.i)
    if found is None or found[0] is not lexicon:
        found = memo[token.i] = (lexicon, _match_trigger(token, lexicon))
    return found[1]


TRIGGER_MEMO = "sitrep.triggers"


def _match_trigger(token, lexicon: Lexicon) -> Trigger | None:
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
    object_tokens = object_heads(token)  # walked once: read three times below
    objects = _object_lemmas(object_tokens, alone=pos == "VERB" and not _joint_subject(token)) \
        | _negated_verdicts(token)
    # a hint the objects' own heads match beats one only a modifier matches ("ordered ten
    # battalions and tank units": battalions, not a purchase of tanks)
    heads = {t.lemma_.lower() for t in object_tokens}
    # an imported dictionary's word follows the verb whatever it modifies ("- * DIPLOMATIC":
    # "renewed diplomatic ties"); a shipped hint names the object ("military aid" is aid)
    adjectives = {c.lemma_.lower() for t in object_tokens for c in t.children
                  if c.dep_ == "amod" and c.i < t.i}
    if pos == "VERB" and direct_object(token) is None:
        # an intransitive verb's subject says what it is about: "troops massed", "protesters
        # massed"
        doers = [c for c in token.children if c.dep_ == "nsubj"]
        if not doers and token.dep_ == "xcomp":
            # "teachers decided to strike": the governing verb's subject does it
            doers = [c for c in token.head.children if c.dep_ == "nsubj"]
        for child in doers:
            objects |= phrase_lemmas(child)
            objects.update(g.lemma_.lower() for g in child.children if g.dep_ == "conj")
    if pos == "VERB" and _joint_subject(token):
        objects.add(COMPOUND_SUBJECT)  # "the Philippines and France agree"
    if pos == "VERB" and _object_and_act(token):
        objects.add(OBJECT_AND_ACT)
    # a preposition of time ("called up reservists ... on Monday") is not the verb's particle
    arrays = arrays_of(token.doc)
    dep, lower, kids = arrays.dep, arrays.lower, arrays.children[token.i]
    particles = {lower[c] for c in kids if dep[c] == "prt" or (
        dep[c] == "prep" and not any(arrays.ent_type[g] in {"DATE", "TIME"}
                                     for g in arrays.children[c]))}
    true_particles = {lower[c] for c in kids if dep[c] == "prt"}
    # a noun's possessor selects a sense as its modifiers do ("the teachers' strike")
    modifiers = {arrays.lemma[c] for c in kids if dep[c] in {"amod", "compound"} or (
        dep[c] == "poss" and pos == "NOUN")}
    if pos == "NOUN":
        modifiers |= _clause_subject_lemmas(token)
    best, best_score = None, -1.0
    for row in rows:
        if len(row.words) > 1:
            others = set(row.words) - {row.lemma}
            if pos == "NOUN" and not others <= modifiers:
                continue
            # a verb's other words are its particles or objects, or follow it ("let free")
            following = {t.lemma_.lower() for t in token.doc[token.i + 1:token.i + len(row.words)]}
            if pos == "VERB" and not others <= (particles | objects | following):
                continue
        if row.particle and row.particle not in particles:
            continue
        if row.object_hint and not (row.object_hint & (objects | modifiers | (
                adjectives if row.priority else set()))):
            continue
        # a multiword hint beats a single-lemma one ("defence pact" over "pact"), as the
        # lexicon's header says; an object with the act it is to carry out beats the object
        # alone ("welcomed the envoy to mediate" endorses, "welcomed the envoy" hosts)
        score = 10 * row.priority + 3 * bool(row.object_hint) + bool(row.particle) + (
            row.particle in true_particles) + (len(row.words) > 1) + 0.5 * bool(
            row.object_hint & heads) + 0.75 * any(" " in hint for hint in row.object_hint & objects) \
            + 0.75 * (OBJECT_AND_ACT in row.object_hint & objects)
        if score > best_score:
            best, best_score = row, score
    return best


# Dependencies only a verb takes: a token in one of them tagged as a noun is a mistagged verb.
VERBAL_DEPS = {"advcl", "acl", "xcomp", "pcomp", "ccomp", "relcl"}


def _clause_subject_lemmas(noun) -> set[str]:
    """Who the clause around a nominal trigger is about: "workers stopped work on the first day
    of an open-ended strike", "teachers began a strike", "nurses marched, staging a strike" (a
    labour strike, not an attack)."""
    head, steps = noun.head, 0
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and steps < 4:
        head, steps = head.head, steps + 1
    if head.dep_ in {"advcl", "xcomp", "conj"} and head.head.i != head.i and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        # "workers walked out, staging a strike": a participle's doer is its clause's subject
        head = head.head
    found = set()
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            found.add(child.lemma_.lower())
            found.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
    return found


# Nouns that measure out an act named after "of": "10 days of war games", "a round of talks".
MEASURE_NOUNS = word_class("measure_nouns")
CHANGE_NOUNS = word_class("change_nouns")


def nominal_position(noun):
    """Where a nominal trigger stands in its clause: "launched 10 days of war games" stands as
    the object of "launched", "an increase in aid to Kenya" where "increase" stands."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and (
            noun.head.head.lemma_.lower() in MEASURE_NOUNS | PARTITIVES):
        return noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "NOUN" and (
            noun.head.head.lemma_.lower() in CHANGE_NOUNS):
        return noun.head.head  # "announced an increase in aid to Kenya"
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and counts_money(noun.head.head):
        return noun.head.head  # "announced $250 million in military assistance for Ukraine"
    return noun


def is_anaphoric(noun) -> bool:
    """"the request", "this buildup": a definite noun that refers back, unless a complement says
    whose or of what it is ("the withdrawal of invasion forces from Panama")."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children)
    described = any(c.dep_ == "prep" and c.lower_ in {"of", "by", "from"} for c in noun.children)
    return definite and not described


# Entity types whose proper-noun words name something rather than tell what happened.
NAME_TYPES = {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT",
              "PRODUCT"}


# Nouns that only hold the act their modifier names: "a mediation mission", "a rescue operation".
CONTAINER_NOUNS = word_class("container_nouns")


# Verbs that only carry the event their object names: "staged rallies", "began a hunger strike".
CARRIER_VERBS = word_class("carrier_verbs")


def carries(token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and bool(verb_forms(token) & CARRIER_VERBS)


def noun_event_object(verb, ctx: Context) -> bool:
    """The noun that names what a carrier verb carries: its object ("began a hunger strike"),
    or with none its subject ("talks between Iran and Oman resumed")."""
    obj = direct_object(verb)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return False
    row = match_trigger(obj, ctx.lexicon)
    return row is not None and row.pos == "NOUN"
