"""The candidate model: one event mention found in a sentence, before document-level merging,
and the context every stage of the coder reads (the parse, mentions, lexicon, knowledge base).

Built by `build.py` (one per trigger), adjusted by `retyping.py` and `recipients.py`, merged
into the document's events by `document.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from sitrep.actors.knowledge import KnowledgeBase
from sitrep.coding.attribution import Sources
from sitrep.coding.dates import DateRange
from sitrep.coding.lexicon import Lexicon, Trigger
from sitrep.coding.reattach import clause_of_saying, noun_clause
from sitrep.coding.relevance import Frames
from sitrep.coding.roles import BACKGROUND_MARKS
from sitrep.entities.mentions import Mentions
from sitrep.model import Document, Event

DEFINITE = {"the", "this", "that", "these", "those", "such"}


MODALITY_ORDER = ["negated", "hypothetical", "future", "reported", "historical", "asserted"]


# Whether two mentions may be one happening: asserted and reported versions merge; a speculation,
# a denial, a plan or history stays its own event.
FACT_CLASS = {"asserted": "fact", "reported": "fact"}


@dataclass
class Candidate:
    """One event mention, before document-level merging."""

    trigger: Token
    row: Trigger
    event: Event
    definite: bool  # "the request": refers back rather than introduces
    depth: int
    date_range: DateRange | None = None
    item_phrases: list[str] = field(default_factory=list)
    reverse: bool = False  # the other side's act a dictionary codes with this one
    guessed: bool = False  # typed by the fallback classifier, with no trigger word

    @property
    def sentence_start(self) -> int:
        """Where the evidence sentence starts in the original text (the coder always sets it)."""
        return self.event.text_info.start if self.event.text_info else 0


@dataclass
class Context:
    doc: Document
    parsed: object
    mentions: Mentions
    lexicon: Lexicon
    kb: KnowledgeBase
    reference: date | None
    sources: Sources
    organisations: list[str]
    text: str = ""  # the parsed text, once (spaCy's Doc.text joins the tokens on every access)
    fallback_threshold: float = 0.4
    # the relevance gate's reading of the document (coding/relevance.py); None: all political
    frames: Frames | None = None


def is_background(token) -> bool:
    """A clause of time or cause that sets the scene for the main one: "... after Israeli jets
    bombed a depot" (a clause with its conjunction), "... said after meeting the envoy" (a
    gerund after its preposition)."""
    if token.dep_ == "pcomp":
        return token.head.dep_ == "prep" and token.head.lower_ in BACKGROUND_MARKS
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS
                                         for c in token.children)


def depth_of(token) -> int:
    """Steps from the token to the root of its parse; a clause the parser hung on a verb that
    belongs to the verb's object ("its demand today that Israel ease ...") is a step lower; one
    it hung on the gerund of a time phrase ("said after meeting Scholz that France would ...")
    is what the verb of saying said, a step below that verb."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        saying = clause_of_saying(token, BACKGROUND_MARKS)
        if saying is not None:
            token, depth = saying, depth + 1
            continue
        if token.dep_ == "ccomp" and noun_clause(token) is not None:
            depth += 1
        token, depth = token.head, depth + 1
    return depth
