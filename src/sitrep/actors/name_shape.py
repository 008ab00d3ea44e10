"""The shape of a name in a mention: whether words read as a person's name, a title before it,
initials, a lower-cased given name. Plain predicates over the mention's text and words, used by
`resolve` to decide which rule a mention goes to; they look nothing up beyond the knowledge
base's word lists."""

from __future__ import annotations

import re

from sitrep.actors import names
from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.phrases import FORMER
from sitrep.text.casing import LOWER_CASE, case_forms


def lower_case_name(text: str, tokens: list[str], label: str | None) -> bool:
    """Whether a "person" in a text that lost its capitals is a given name millions bear and one
    more word ("stephen king", "paul fisher"): a name, whatever the second word also means."""
    return label == "PERSON" and len(tokens) == 2 and text.islower() and \
        tokens[0] in names.common_given_names() and tokens[0] not in names.TITLES


def name_word(word: str, kb: KnowledgeBase) -> bool:
    """Whether a word after a body's one-word name (no country's or place's) that is also a given
    name makes a person's name of it ("Leonardo DiCaprio", "Rafael Nadal" the model took for bodies): no word the
    knowledge base knows, none cased news writes in lower case ("Wagner Group", "Leonardo
    helicopters" stay the bodies)."""
    return word not in kb.names and word not in kb.sectors and word not in kb.adjectives and \
        case_forms().share.get(word, 1.0) >= LOWER_CASE


def looks_like_name(text: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in names.PARTICLES)


JOINED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3} ?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?")
CONJUNCTIONS = {"and", "or", "nor", "with", "plus", "versus", "vs"}
FUNCTION_WORDS = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "from", "and",
                  "or", "that", "this", "his", "her", "its", "their"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "sheikh", "sheik", "general", "gen", "colonel", "col",
               "lt", "adm", "admiral", "marshal", "field", "brigadier", "major", "captain", "rep",
               "sen", "gov", "mayor", "chief", "commander", "leader", "secretary", "envoy",
               "ambassador", "deputy", "vice", "acting", "interim", "pope", "ayatollah", "imam",
               "cardinal", "archbishop", "bishop", "rabbi", "judge", "justice", "lawmaker",
               "senator", "congressman", "congresswoman", "mp", "candidate", "counterpart",
               "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier",
               "chancellor", "king", "queen", "prince", "princess", "emir", "sultan", "dictator",
               "strongman", "rival", "ally", "elect", "designate", "incumbent", "opposition"}


def ends_title(text: str, word: str, kb: KnowledgeBase) -> bool:
    """The word before a name can end a title: a title word, a sector noun, a nationality, a
    country or body ("Kremlin"), "former" ..., or any word written in lower case."""
    if word in FUNCTION_WORDS:
        return False  # "the Gondor of the Prince of Dol Amroth": no title ends in "the"
    if word in TITLE_WORDS or word in FORMER or word in kb.sectors or word in kb.adjectives:
        return True
    if any(e.kind != "person" for e in kb.names.get(word, ())):
        return True
    written = [w for w in re.findall(r"[\w'-]+", text) if fold(w) == word]
    return bool(written) and not written[-1][:1].isupper()


def capitalised_tail(text: str, count: int) -> bool:
    """The mention's last `count` words are written as a name (capitalised)."""
    words = [w for w in re.split(r"[\s,]+", text) if w]
    tail = words[-count:]
    return len(tail) == count and all(
        w[:1].isupper() or w.lower().rstrip(".") in names.PARTICLES for w in tail)
