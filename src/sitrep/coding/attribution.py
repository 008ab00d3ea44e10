"""Attribution and modality: according to whom, and how sure the text is.

Sources are collected once per document ("leaked U.S. government documents obtained by the
Washington Post <url>", "The Washington Post cites observers"), so that a later "according to
the reported documents" points back to the outlet, basis, URL and date of the first mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from sitrep.model import Attribution, CitedSource
from sitrep.resources import read_tsv, words_pattern

BASIS_NOUNS = (
    r"documents?|reports?|letters?|cables?|memos?|memorandums?|assessments?|officials|sources|"
    r"observers|analysts|diplomats|statements?|data|records|e-?mails|papers|intelligence|"
    r"files|recordings?|transcripts?|images|footage|survey|study"
)
BASIS = re.compile(
    rf"(?P<basis>(?:(?:leaked|classified|internal|secret|confidential|official|unnamed|"
    rf"anonymous|senior|western|u\.?s\.?|american|russian|government|the|these|those|"
    rf"reported|(?-i:[A-Z][\w.]*))\s+){{0,5}}(?P<head>{BASIS_NOUNS}))\b",
    re.IGNORECASE,
)
OBTAINED = re.compile(
    r"\b(?:(?:obtained|seen|reviewed|published|released|cited|quoted|revealed|reported|leaked)\s+"
    r"(?:by|to|in)|told)\s+(?P<outlet>.{3,60})",
    re.IGNORECASE,
)
ACCORDING = re.compile(r"\baccording\s+to\s+(?P<what>[^,;.]{2,80})", re.IGNORECASE)
# "..., The Washington Post reported on Friday, citing internal documents": an outlet that
# reports the story (the name must be a listed outlet, see `outlet_in`).
REPORTS = re.compile(r"(?P<outlet>[^,;.:“”\"]{3,60}?)\s+(?:first\s+|had\s+|has\s+)?"
                     r"(?:reported|reports|revealed|reveals|wrote|writes|said|says)\b",
                     re.IGNORECASE)
CITING = re.compile(r"\bciting\s+(?P<basis>[^,;]{3,80})", re.IGNORECASE)
CITES = re.compile(r"(?P<outlet>.{3,60}?)\s+(?:cites|quotes|quoted|cited)\s+(?P<basis>[\w\s-]{3,40})",
                   re.IGNORECASE)


@dataclass
class Source:
    """A source a document names, with the sentence offset where it is first named."""

    outlet: str | None
    basis: str | None
    basis_head: str | None
    url: str | None
    date: str | None
    position: int
    reports: bool = False  # the outlet itself is said to report it ("the Post reported")

    def attribution(self) -> Attribution:
        return Attribution(outlet=self.outlet, basis=self.basis, url=self.url, date=self.date)


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Lower-cased outlet names (and the name without a leading "The") -> the outlet's name."""
    names: dict[str, str] = {}
    for row in read_tsv("outlets.tsv"):
        name = row["name"]
        names[name.lower()] = name
        if name.lower().startswith("the "):
            names[name[4:].lower()] = name
    return names


def _outlet_alternatives() -> str:
    """The listed names of four letters or more as one pattern, the longest at a position first
    (`words_pattern`: a trie, a sixteenth of the cost of plain alternatives)."""
    return words_pattern(k for k in outlet_names() if len(k) >= 4)


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_outlet_alternatives()})(?!\w)")


@lru_cache(maxsize=1)
def _outlet_anywhere() -> re.Pattern[str]:
    """Any listed name as plain lower-cased text, word boundaries or not: where it finds none,
    no stretch of the text names an outlet (`outlet_in` of any part finds nothing)."""
    return re.compile(_outlet_alternatives())


def outlet_in(text: str) -> str | None:
    """The outlet named in a stretch of text (the longest name, if several); a listed name that
    ends a longer proper name ("the Chaco Herald" is not "The Herald") does not count."""
    found = [m.group(0) for m in _outlet_pattern().finditer(text.lower())
             if not LONGER_NAME.search(text[:m.start()])]
    return outlet_names()[max(found, key=len)] if found else None


# A capitalised word just before a match: the match is the end of a longer name.
LONGER_NAME = re.compile(r"(?<![.!?]\s)\b(?!The\b)[A-Z][\w'’-]*\s+$")


REPORTING_WORDS = ("report", "reveal", "wrote", "write", "said", "says")


def _head(basis: str | None) -> str | None:
    if not basis:
        return None
    word = basis.lower().split()[-1]
    return re.sub(r"s$", "", word)


def _clean_basis(basis: str) -> str:
    basis = re.sub(r"^(?:the|these|those|this)\s+", "", basis.strip(), flags=re.IGNORECASE)
    return basis


class Sources:
    """The sources a document names, in text order, findable by where they are named."""

    def __init__(self, sources: list[Source]):
        self.items = sources
        self.positions = [s.position for s in sources]  # found in text order: sorted

    def named_at(self, position: int) -> list[Source]:
        return self.items[bisect_left(self.positions, position):
                          bisect_right(self.positions, position)]

    def named_by(self, position: int) -> list[Source]:
        """Those named at or before `position`."""
        return self.items[:bisect_right(self.positions, position)]


def find_sources(sentences: list[tuple[int, str]], cited: list[CitedSource]) -> Sources:
    """Sources named in the document: a basis (documents, officials) with an outlet or a URL."""
    by_url = {source.url: source for source in cited}
    found: list[Source] = []
    for position, sentence in sentences:
        urls = [url for url in by_url if url in sentence] if by_url and (
            "http" in sentence or "www." in sentence) else []
        cited_source = by_url[urls[0]] if urls else None
        outlet = None
        basis = None
        lowered = sentence.lower()
        if cited_source is None and not _outlet_anywhere().search(lowered):
            continue  # no outlet named and no URL cited: no source, whatever the wording
        # cheap substring checks first: the patterns below backtrack over the whole sentence
        obtained = OBTAINED.search(sentence) if " by " in lowered or " to " in lowered \
            or " in " in lowered or " told " in lowered else None
        if obtained:
            outlet = outlet_in(obtained.group("outlet"))
            before = sentence[: obtained.start()]
            bases = list(BASIS.finditer(before))
            basis = _clean_basis(bases[-1].group("basis")) if bases else None
        cites = CITES.search(sentence) if "cite" in lowered or "quot" in lowered else None
        if not outlet and cites and outlet_in(cites.group("outlet")):
            outlet = outlet_in(cites.group("outlet"))
            match = BASIS.search(cites.group("basis"))
            basis = _clean_basis(match.group("basis")) if match else None
        reports = False
        if not outlet and any(word in lowered for word in REPORTING_WORDS):
            for match in REPORTS.finditer(sentence):
                outlet = outlet_in(match.group("outlet"))
                if outlet:
                    reports = True
                    citing = CITING.search(sentence, match.end())
                    named = BASIS.search(citing.group("basis")) if citing else None
                    basis = _clean_basis(named.group("basis")) if named else None
                    break
        if cited_source and (outlet is None or outlet == cited_source.outlet):
            outlet = outlet or cited_source.outlet
        if outlet or basis and cited_source:
            found.append(Source(
                outlet=outlet, basis=basis, basis_head=_head(basis),
                url=cited_source.url if cited_source and cited_source.outlet == outlet else None,
                date=cited_source.date if cited_source and cited_source.outlet == outlet else None,
                position=position, reports=reports,
            ))
    return Sources(found)


def attribute(sentence: str, position: int, sources: Sources,
              cited: list[CitedSource]) -> tuple[Attribution | None, bool]:
    """The attribution of an event in `sentence`, and whether the sentence reports it.

    "according to the reported documents" points back to the latest earlier source with the same
    kind of basis; a source named in the sentence itself is used as is; a bare URL in the sentence
    gives outlet, URL and date but does not make the event reported.
    """
    according = ACCORDING.search(sentence)
    if according:
        what = according.group("what")
        outlet = outlet_in(what)
        match = BASIS.search(what)
        head = _head(match.group("head")) if match else None
        earlier = next((s for s in reversed(sources.named_by(position))
                        if (head and s.basis_head == head) or (outlet and s.outlet == outlet)),
                       None)
        if earlier:
            return earlier.attribution(), True
        basis = _clean_basis(match.group("basis")) if match else what.strip()
        return Attribution(outlet=outlet, basis=basis), True
    here = sources.named_at(position)
    if here:
        return here[0].attribution(), here[0].basis is not None or here[0].reports
    for source in cited:
        if source.url in sentence:
            return Attribution(outlet=source.outlet, url=source.url, date=source.date), False
    return None, False
