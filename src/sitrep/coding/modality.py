"""Modality: whether an event is asserted, reported, planned (future), speculated
(hypothetical), denied (negated) or past history, from the cues around its trigger (`cues.tsv`).

Hands on one of `MODALITY_ORDER` per trigger; `retyping.py` turns some modalities into types
(a promise to cooperate is AGREE, a refusal REJECT).
"""

from __future__ import annotations

from sitrep.coding.candidate import MODALITY_ORDER, Context
from sitrep.coding.lexicon import Lexicon, is_saying, verb_forms
from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import is_purpose, subject
from sitrep.model import Actor
from sitrep.resources import word_class
from sitrep.text.token_arrays import arrays_of


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
    verbal = trigger.pos_ in {"VERB", "AUX"}  # every step so far a verb completing the next
    while head.head.i != head.i and steps < 6:
        child, head, steps = head, head.head, steps + 1
        verbal = verbal and child.dep_ in {"xcomp", "ccomp", "acl"}
        # A relative or participle clause ("weapons seized last year", "whom they had taken
        # hostage") keeps its own time: only a verb of saying above it still reports it.
        # A past clause of time ("declined to send troops after Togo attacked") is its own act
        # too; one still to come ("will be allowed once an agreement is signed") is not.
        own_clause = own_clause or child.dep_ in {"relcl", "acl"} and not _completes(
            child, head) or _past_time_clause(child)
        lemma = head.lemma_.lower()
        if lemma in INTENTION_NOUNS and child.dep_ in {"acl", "prep", "relcl"} and any(
                c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            found.add("negated")  # "has no plans to impose sanctions", "no intention of leaving"
        if steps == 1 and lemma in RECEIVING_VERBS and child.dep_ == "dobj" and \
                made_before(child):
            continue  # "would study the request", "is weighing a request from Kyiv": it was made
        for modality, relation in cues.get(lemma, ()):
            if relation == "gov" and not (modality == "reported" and child.dep_ in {"nsubj"}):
                if own_clause and modality != "reported":
                    continue
                if lemma in AIM_NOUNS and not verbal:
                    continue  # "an effort to end the crisis over X's support": X did support
                if modality in {"future", "imminent"} and child.dep_ not in COMPLEMENT_DEPS \
                        and not is_purpose(child) and not (
                            lemma in INTENTION_NOUNS and _completes(child, head)):
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
            if child.dep_ in {"nsubj", "nsubjpass", "csubj"} and _ruled_out(sibling):
                found.add("negated")  # "lifting the ban is out of the question"
            if sibling.dep_ == "neg" and (child.dep_ in {"xcomp", "dobj", "attr", "ccomp"} or (
                    child.dep_ == "prep" and verb_forms(head) & PARTICIPATION_VERBS)):
                found.add("negated")  # "would not take part in direct talks"
            if sibling.dep_ in {"aux"} and child.dep_ in {"xcomp", "dobj", "attr", "ccomp", "acomp"}:
                for modality, relation in cues.get(sibling.lemma_.lower(), ()):
                    if relation == "aux":
                        found.add(modality)
                        if child.dep_ in {"xcomp", "acomp"} or (  # "would be ready to host"
                                child.i == trigger.i and child.dep_ == "dobj"
                                and head.lemma_.lower() in LIGHT_VERBS):
                            modals.add(sibling.lemma_.lower())  # "would hold talks"
    if _denied_by_subject(trigger):
        found.add("negated")
    found |= _sentence_cues(trigger.sent, cues)
    if modals & {"would", "will", "may", "could"} and "reported" in found and not speculated \
            and speaker_is_actor:
        # "said it would allow", "said they would meet the mediator if ...": what a speaker says
        # its own side would do is a stated intention (or an offer on a condition), not a guess;
        # "analysts said Russia could send ..." stays a guess
        found.discard("hypothetical")
        found.add("future")
    if "hypothetical" in found and modals == {"would"} and not speculated \
            and planned_by_date(trigger):
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


FUTURE_TIME_WORDS = word_class("future_time_words")
# Subordinators of a clause of time: what happens in it is not what the clause above refuses,
# promises or guesses.
TIME_MARKS = word_class("time_marks")
CONDITION_MARKS = {"if", "unless"}


def planned_by_date(trigger) -> bool:
    """"The EU would hold talks with Abbas next month": a "would" clause dated in time still to
    come, with no condition in its sentence, reports a plan (its verb of saying left in an
    earlier sentence), not a guess; "would hold talks if ..." stays hypothetical."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    if any(t.lower_ in CONDITION_MARKS for t in trigger.sent):
        return False
    return any(c.dep_ in {"npadvmod", "prep", "advmod"} and any(
        t.lower_ in FUTURE_TIME_WORDS for t in c.subtree) for c in verb.children)


def _past_time_clause(clause) -> bool:
    """"after Togo attacked the post", "when he was arrested": an adverbial clause of time in
    the past tense, which happened whatever the clause above refuses, promises or guesses."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in clause.children) and (
        clause.tag_ == "VBD" or any(a.dep_ in {"aux", "auxpass"} and a.tag_ == "VBD"
                                    for a in clause.children))


def _ruled_out(phrase) -> bool:
    """"out of the question", "off the table": said of an act, it is refused (the PLOVER records
    code "removing the sanctions is out of the question" REJECT)."""
    if phrase.dep_ != "prep":
        return False
    if phrase.lower_ == "off":
        return any(g.dep_ == "pobj" and g.lower_ == "table" for g in phrase.children)
    return phrase.lower_ == "out" and any(
        of.dep_ == "prep" and of.lower_ == "of" and any(
            g.dep_ == "pobj" and g.lower_ == "question" for g in of.children)
        for of in phrase.children)


def _completes(clause, noun) -> bool:
    """An infinitive that completes a noun of being able or willing, of an aim or of an intention
    ("the ability to come", "appetite to intervene", "in a bid to retake the town", "has plans
    to close the border": planned, not done) is what the noun's clause is about, not a clause
    of its own."""
    nouns = CAPACITY_NOUNS | AIM_NOUNS | INTENTION_NOUNS
    return clause.dep_ == "acl" and clause.tag_ == "VB" and (
        noun.lemma_.lower() in nouns or noun.dep_ == "conj" and noun.head.lemma_.lower() in nouns)


def _sentence_cues(sentence, cues: dict) -> set[str]:
    """The modalities of the sentence-wide cues in a sentence, read once per sentence (kept on
    the parsed Doc): read for every trigger, a long sentence cost triggers x words."""
    memo = sentence.doc.user_data.setdefault("sitrep.sentence_cues", {})
    key = (sentence.start, id(cues))
    if key not in memo:
        memo[key] = {modality for token in sentence
                     for modality, relation in cues.get(token.lemma_.lower(), ())
                     if relation == "any"}
    return memo[key]


# Verbs of taking part ("would not take part in direct talks"): a negation on them negates the act.
PARTICIPATION_VERBS = word_class("participation_verbs")
# Verbs that weigh or receive an act their object names ("is weighing a request from Kyiv"):
# read by the modality here and by the roles (participants.py) and the fallback (sentence.py).
RECEIVING_VERBS = word_class("receiving_verbs")


MESSAGE_NOUNS = word_class("message_nouns")
# Verbs that carry the act their object names ("would hold talks"): their modal is the act's.
LIGHT_VERBS = word_class("light_verbs")


def made_before(noun) -> bool:
    """A message whose maker is named on it ("a request from Kyiv", "Kyiv's request") or that is
    referred back to ("the request"): weighing it, even as a plan ("would study"), does not make
    it hypothetical. (A nationality adjective may name a target instead: "weighing Russian
    sanctions".)"""
    return noun.pos_ == "NOUN" and any(
        (c.dep_ == "prep" and c.lower_ == "from") or (c.dep_ == "poss" and c.ent_type_) or (
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
            and noun.lemma_.lower() in MESSAGE_NOUNS)
        for c in noun.children)


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
    arrays = arrays_of(token.doc)
    dep, lemma, cues = arrays.dep, arrays.lemma, lexicon.cues
    return any(dep[c] in {"aux", "auxpass"} and ("obligation", "aux") in cues.get(lemma[c], ())
               for c in arrays.children[token.i])


SPEAKER_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


def speaker_is_actor(token, actor: list[Actor], ctx: Context) -> bool:
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


def is_imminent(token, lexicon: Lexicon) -> bool:
    """"Arnor is about to restore ties", "is set to release": the reporter says the act is near,
    which is the act itself (future), not anyone's promise of it."""
    return _governing_cue(token, lexicon, "imminent", {"xcomp", "acomp", "pcomp"}, 3) is not None


# -- how likely a speculated act is judged -------------------------------------------------------

LIKELY_CUES = word_class("likely_cues")
UNLIKELY_CUES = word_class("unlikely_cues")
EXPECTATION_VERBS = word_class("expectation_verbs")
CAPACITY_NOUNS = word_class("capacity_nouns")
AIM_NOUNS = word_class("aim_nouns")
INTENTION_NOUNS = word_class("intention_nouns")
SCARCITY_WORDS = word_class("scarcity_words")
NOBODY_WORDS = word_class("nobody_words")
DENYING_SUBJECTS = word_class("denying_subjects")
BACK_REFERENCES = {"this", "that", "it", "such", "which"}


def likelihood_of(trigger) -> str:
    """How likely the text judges a hypothetical act: "unlikely" when the words over it deny or
    doubt it (unlikely, "none of the analysts expected", "little ability or appetite to",
    "limited capability or interest in", "may not be able to", "but added that this was
    unlikely"), "likely" when they back it (likely, probably, "may well", "expected to"), else
    "possible" (could, may, might)."""
    chain = _governing_chain(trigger)
    if any(_doubts(node, chain) for node in chain):
        return "unlikely"
    if any(_backs(node) for node in chain):
        return "likely"
    return "possible"


def _governing_chain(trigger, most: int = 8) -> list:
    chain, head = [trigger], trigger
    while head.head.i != head.i and len(chain) <= most:
        head = head.head
        chain.append(head)
    return chain


def _doubts(node, chain: list) -> bool:
    lemma = node.lemma_.lower()
    if lemma in UNLIKELY_CUES or lemma == "unable":
        return True
    if lemma in EXPECTATION_VERBS and node.pos_ in {"VERB", "AUX"} and (
            any(c.dep_ == "neg" for c in node.children) or _nobody(node)):
        return True  # "none of the analysts expected", "did not expect"
    if lemma == "able" and any(c.dep_ == "neg" for c in node.head.children if c.i < node.i) \
            or lemma == "able" and any(c.dep_ == "neg" for c in node.children):
        return True  # "may not be able to"
    if lemma in CAPACITY_NOUNS and _scarce(node):
        return True  # "little ability or appetite to", "limited capability or interest in"
    on_chain = {t.i for t in chain}
    for child in node.children:
        if child.i in on_chain:
            continue
        if child.dep_ in {"acomp", "advmod", "attr", "amod", "oprd"} and \
                child.lemma_.lower() in UNLIKELY_CUES:
            return True  # "a confrontation ... is unlikely"
        if child.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and _judged_unlikely(child):
            return True  # "analysts said Russia could ..., but added that this was unlikely"
    return False


def _denied_by_subject(trigger) -> bool:
    """The act's own subject denies it: "no country agreed", "neither side signed", "neither
    the government nor the university was willing to fund it" (up through the complements
    that carry the act: willing to, ready to)."""
    node = trigger
    for _ in range(4):
        if node.pos_ not in {"VERB", "AUX", "ADJ"}:
            return False
        for child in node.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and (
                    child.lower_ in DENYING_SUBJECTS or any(
                        d.dep_ in {"det", "preconj"} and d.lower_ in DENYING_SUBJECTS
                        for d in child.children)):
                return True
        if node.dep_ not in {"xcomp", "acomp"}:
            return False
        node = node.head
    return False


def _nobody(verb) -> bool:
    """The verb's subject denies it: "none of the analysts", "nobody", "no one", "few experts"."""
    return any(child.dep_ in {"nsubj", "nsubjpass"} and (
        child.lemma_.lower() in NOBODY_WORDS - {"one"} or any(
            d.dep_ == "det" and d.lemma_.lower() in {"no", "few"} for d in child.children))
        for child in verb.children)


def _scarce(noun) -> bool:
    """A capacity noun (or the first of a pair, "little ability or appetite") that a word of
    scarcity modifies."""
    pair = [noun.head] if noun.dep_ == "conj" else []
    pair += [c for c in noun.head.children if c.i != noun.i and c.lemma_.lower() in CAPACITY_NOUNS]
    for holder in [noun, *pair]:
        if any(c.dep_ in {"amod", "det", "neg", "nummod"} and (
                c.lemma_.lower() in SCARCITY_WORDS or c.lower_ in SCARCITY_WORDS)
               for c in holder.children):
            return True
    # "lacks the capacity to", "limit the ability of the state oil company to"
    return noun.head.lemma_.lower() in {"lack", "limit", "restrict", "curb", "reduce"}


def _judged_unlikely(clause) -> bool:
    """A following clause that judges what came before unlikely ("... this was unlikely")."""
    for token in clause.subtree:
        if token.lemma_.lower() in UNLIKELY_CUES and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in BACK_REFERENCES
                for c in token.head.children):
            return True
    return False


def _backs(node) -> bool:
    lemma = node.lemma_.lower()
    if lemma in LIKELY_CUES:
        return True
    if lemma in EXPECTATION_VERBS and node.tag_ == "VBN" and any(
            c.dep_ == "auxpass" for c in node.children):
        return True  # "Russia is expected to send ..."
    for child in node.children:
        if child.dep_ in {"advmod", "acomp", "amod"} and child.lemma_.lower() in LIKELY_CUES:
            return True  # "would probably avoid", "is likely to send"
        if child.dep_ in {"aux"} and child.lemma_.lower() in {"may", "might", "could"} and any(
                c.dep_ == "advmod" and c.lower_ == "well" and c.i == child.i + 1
                for c in node.children):
            return True  # "may well send"
    return False


# -- standing relations: states, not happenings ----------------------------------------------------

COPULAR_VERBS = word_class("copular_verbs")
STANDING_MODIFIERS = word_class("standing_modifiers")
DOCUMENT_NOUNS = word_class("document_nouns")


def is_standing(trigger) -> bool:
    """A standing relation or characterisation rather than something that happened: a trigger
    noun that is what its subject is, has become or remains ("Russia has become a key supplier
    of arms", "Venezuela remains a customer"), a relation noun said to be long-standing ("a
    long-standing partner"), or a verb in the simple present telling a habit ("Venezuela buys
    Russian helicopters"; but "the letter asks ..." tells what a letter says)."""
    if trigger.lemma_.lower() in COPULAR_VERBS:
        return True  # the fallback classifier's trigger is the root: "X is a partner of Y"
    if trigger.pos_ in {"NOUN", "PROPN"}:
        if trigger.dep_ in {"attr", "acomp"} and trigger.head.lemma_.lower() in COPULAR_VERBS:
            return True
        head = trigger.head
        if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "attr" and \
                head.head.head.lemma_.lower() in COPULAR_VERBS:
            return True  # "is one of Russia's main partners"
        return any(c.dep_ == "amod" and _words(c) in STANDING_MODIFIERS for c in trigger.children)
    if trigger.pos_ == "VERB" and trigger.tag_ in {"VBZ", "VBP"} and trigger.dep_ in {
            "ROOT", "conj"} and not any(c.dep_ in {"aux", "auxpass", "neg"}
                                        for c in trigger.children):
        agent = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        return agent is not None and agent.lemma_.lower() not in DOCUMENT_NOUNS \
            and agent.pos_ != "PRON"
    return False


STATE_VERBS = word_class("state_verbs")


def states_only(verb, lexicon) -> bool:
    """Whether a clause's verb tells a state, not an act ("Finland is on the verge of ...",
    "the island has no law against ...", "the town has become a focal point"): a verb of being
    or having, unless its attribute is a readiness cue that governs an act ("is willing to send
    troops", "are ready to help": a stated intention, `cues.tsv`)."""
    if verb.lemma_.lower() not in STATE_VERBS:
        return False
    return not any(c.dep_ in {"acomp", "attr"} and any(
        modality in {"future", "imminent"} and relation == "gov"
        for modality, relation in lexicon.cues.get(c.lemma_.lower(), ()))
        and any(g.dep_ == "xcomp" for g in c.children) for c in verb.children)


def _words(modifier) -> str:
    """A modifier as written, hyphenated words joined ("long-standing")."""
    return "".join(t.lower_ for t in modifier.subtree)
