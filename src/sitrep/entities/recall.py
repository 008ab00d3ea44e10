"""Recall: people and groups the model leaves untagged, found from the parse and the knowledge
base's words.

* A person named by a title ("the U.S. Secretary of State", "Central Command spokesman", "the
  CJTF-OIR commanding general"): a noun phrase whose head is a title for one person (an office
  title of `data/offices.tsv`, or a word of TITLE_NOUNS), singular, with a written name in it
  (a capitalised word that is not the sentence's first).
* A named group ("Coalition military forces", "U.S. service members", "the Coalition"): a plural
  noun phrase whose head the knowledge base's sector words call a group (`GROUP_SECTORS`), with
  a name or nationality in it, or a group noun written capitalised mid-sentence as a name.

* A place named after "near" ("Near Al Huwayjah, one strike destroyed ..."): the capitalised
  words right after the preposition, which the model leaves untagged in the lists of strike
  reports; a place, with the gazetteer's country when it knows the name (GPE), else a LOC.

All are entities of the document (PERSON, ORG, GPE, LOC), in parsed-text offsets; the coder's
actor mentions are not changed by them.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator

from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.actors.parties import GROUP_SECTORS
from sitrep.spans import SpanIndex

# Head nouns of a phrase naming one person by role (besides the offices' title words).
TITLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "commander", "general", "secretary", "adviser",
    "advisor", "ambassador", "minister", "president", "premier", "chancellor", "envoy",
    "director", "chief", "governor", "mayor", "senator", "congressman", "congresswoman",
    "lawmaker", "chairman", "chairwoman", "chargé", "charge", "attaché", "official", "officer",
    "captain", "colonel", "lieutenant", "sergeant", "admiral", "commissioner", "representative",
    "prosecutor", "judge", "king", "queen", "prince", "emir", "sultan", "leader", "deputy",
    "member", "coordinator", "administrator", "counselor", "counsellor",
}
# Group nouns a writer capitalises when they name one body ("the Coalition", "the Alliance").
GROUP_NAMES = {"coalition", "alliance", "army", "navy", "government", "ministry", "police",
               "command", "corps", "force", "forces", "council", "parliament", "regime"}
GROUP_EXTRA = {"coalition": "MIL", "alliance": "IGO", "partners": "GOV", "nations": "GOV",
               "allies": "GOV", "members": "MIL", "advisers": "MIL", "advisors": "MIL",
               "personnel": "MIL", "airmen": "MIL", "sailors": "MIL", "marines": "MIL"}


def recalled_entities(parsed, kb: KnowledgeBase, taken: list[tuple[int, int, str]]
                      ) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of title people and named groups no entity covers; `taken` holds the
    document's entities so far (parsed offsets, label): a phrase may hold a nationality or place
    (NORP, GPE) but no other entity."""
    blocked = _Blocked((s, e, label) for s, e, label in taken if label not in {"NORP", "GPE"})
    for chunk in parsed.noun_chunks:
        root = chunk.root
        if root.tag_ not in NOUN_TAGS:
            continue  # "they", "whom": no title and no group (_label), so not walked
        words = [t for t in chunk if t.dep_ != "det" and t.pos_ != "PRON"]
        if not words:
            continue
        start, end = words[0].idx, chunk[-1].idx + len(chunk[-1])
        head = root.idx
        # a body may modify a title ("Central Command spokesman"), nothing else may overlap
        inside = blocked.overlapping(start, end)
        if any(not (label == "ORG" and chunk.start_char <= s and e <= head)
               for s, e, label in inside):
            continue
        label = _label(chunk, words, kb)
        if label == "ORG" and inside:
            continue
        if label:
            blocked.add((start, end, label))
            yield start, end, label


class _Blocked:
    """The labelled spans a recalled phrase may not overlap, growing as phrases are recalled;
    asked for the spans overlapping a span in logarithmic time (a long document has thousands of
    noun phrases and entities)."""

    def __init__(self, spans: Iterable[tuple[int, int, str]]):
        self.spans = sorted(spans)
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def add(self, span: tuple[int, int, str]) -> None:
        insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The spans [s, e) with s < end and start < e."""
        found = []
        # spans starting before `end`, back to the first that could still reach past `start`
        for index in range(bisect_left(self.spans, (end,)) - 1, -1, -1):
            s, e, label = self.spans[index]
            if s + self.longest <= start:
                break
            if start < e:
                found.append((s, e, label))
        return found


# Words of a place's name after "near": "Dayr Az Zawr" has three.
PLACE_NAME_TOKENS = 4


def recalled_places(parsed, taken: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """(start, end) of the places named after "near" that no entity covers."""
    busy = SpanIndex((s, e) for s, e, _ in taken)
    for token in parsed:
        if token.lower_ != "near" or (token.text != "near" and not token.is_sent_start):
            continue  # "the Near East" is a name
        words = []
        for word in parsed[token.i + 1:token.i + 1 + PLACE_NAME_TOKENS]:
            if not (word.text[:1].isupper() and word.is_alpha and word.pos_ == "PROPN"):
                break
            words.append(word)
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if busy.overlaps(start, end):
            continue
        yield start, end


# The tags of a phrase head that may be a title (singular) or a group: any other head is neither.
NOUN_TAGS = {"NNS", "NNPS", "NN", "NNP"}


def _label(chunk, words, kb: KnowledgeBase) -> str | None:
    root = chunk.root
    lemma = root.lemma_.lower()
    written = [t for t in words if t.text[:1].isupper() and not t.is_sent_start]
    if root.tag_ in {"NN", "NNP"} and _is_title(words, lemma, kb):
        return "PERSON" if written else None
    if root.tag_ not in NOUN_TAGS:
        return None
    plural = root.tag_ in {"NNS", "NNPS"} or root.lower_.endswith("s")
    sector = kb.sectors.get(root.lower_) or kb.sectors.get(lemma) or GROUP_EXTRA.get(root.lower_) \
        or GROUP_EXTRA.get(lemma)
    if sector not in GROUP_SECTORS and sector != "IGO":
        return None
    if root.text[:1].isupper() and not root.is_sent_start and lemma in GROUP_NAMES:
        return "ORG"  # "the Coalition": a group noun written as a name
    named = [t for t in written if t.i != root.i] or [
        t for t in words if t.ent_type_ in {"NORP", "GPE", "ORG"} and t.i != root.i]
    return "ORG" if plural and named else None


def is_title_head(token, kb: KnowledgeBase) -> bool:
    """A singular noun that names one person by role ("minister", "spokesman")."""
    return token.tag_ in {"NN", "NNP"} and _is_title([token], token.lemma_.lower(), kb)


def _is_title(words, lemma: str, kb: KnowledgeBase) -> bool:
    if lemma in TITLE_NOUNS:
        return True
    phrase = fold(" ".join(t.text for t in words)).split()
    for size in range(min(kb.max_title_words, len(phrase)), 0, -1):
        if " ".join(phrase[-size:]) in kb.office_titles:
            return True
    return False
