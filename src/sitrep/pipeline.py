"""The pipeline: named stages over one `Document`, and the `Coder` that runs them.

    read (text/reading) -> language -> repair -> describe (metadata)  prepare(doc): no model needed
    -> restore case -> parse (text/parsing)                           the spaCy pipeline
    -> entities + actors (entities/mentions, actors/)                Coder.entities(doc)
    -> events (coding/)                                               Coder.code(doc), Coder.pipe(docs)

A `Coder` holds what coding needs, loaded once for one `Options`: the spaCy pipeline, the
knowledge base (shipped, plus imported actor dictionaries) and the lexicon (shipped, plus
imported verb dictionaries). The runner names a stage that breaks. A document in a language
sitrep does not code (text/language) is prepared and passed through with no entities or events.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from sitrep.actors.dictionaries import entries_from_files
from sitrep.actors.knowledge import KBEntry, KnowledgeBase, knowledge_base
from sitrep.coding.dates import reference_date
from sitrep.coding.document import code_parsed
from sitrep.coding.lexicon import Lexicon, load_lexicon, read_verb_dictionary, with_verbs
from sitrep.coding.verbpatterns import read_verb_patterns, with_patterns
from sitrep.entities.mentions import document_entities, find_mentions
from sitrep.errors import SitrepError
from sitrep.model import Document, Event
from sitrep.options import Options
from sitrep.text.language import detect_language, is_coded
from sitrep.text.metadata import describe
from sitrep.text.parsing import load_nlp, parse_text, parse_texts
from sitrep.text.repair import capitalise_known_words, repair_text

Stage = Callable[[Document], Document]


def repair(doc: Document) -> Document:
    doc.repaired = repair_text(doc.text)
    return doc


TEXT_STAGES: list[tuple[str, Stage]] = [("language", detect_language), ("repair", repair),
                                         ("describe", describe)]


def run_stages(doc: Document, stages: Iterable[tuple[str, Stage]]) -> Document:
    for name, stage in stages:
        result = stage(doc)
        if not isinstance(result, Document):
            raise SitrepError(f"stage {name!r} returned {type(result).__name__}, not a Document")
        doc = result
    return doc


def prepare(doc: Document) -> Document:
    """The text stages: language, repair and metadata."""
    return run_stages(doc, TEXT_STAGES)


class Coder:
    """Codes documents for one `Options`: `code(doc)`, `pipe(docs)`, `entities(doc)`.

    `imported` adds knowledge-base entries kept elsewhere (a store's imported dictionaries);
    `kb` and `lexicon` replace the ones the options would load (tests, evaluations)."""

    def __init__(self, options: Options | None = None,
                 imported: Sequence[tuple[KBEntry, list[str]]] = (),
                 kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None):
        self.options = options or Options()
        self.nlp = load_nlp(self.options.model)
        self.kb = kb or knowledge_base(
            [*entries_from_files(Path(p) for p in self.options.dictionaries), *imported])
        self.lexicon = lexicon or lexicon_for(self.options.verbs)

    def _parse_text(self, doc: Document) -> str:
        if doc.repaired is None:
            doc = prepare(doc)
        doc.repaired = capitalise_known_words(repair_text(doc.text) if doc.repaired is None
                                              else doc.repaired, self.kb.proper_forms)
        return parse_text(doc)

    def code(self, doc: Document) -> Document:
        """Entities and events of one document (in place); runs the text stages if not yet run.
        A document in a language sitrep does not code comes back as it went in."""
        if doc.repaired is None:
            doc = prepare(doc)
        if not is_coded(doc.language):
            return doc
        (parsed,) = parse_texts(self.nlp, [self._parse_text(doc)])
        return code_parsed(doc, parsed, self.kb, self.lexicon, self.options)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Code many documents in order, parsing them in batches; with `options.processes` > 1,
        in that many worker processes, each coding whole batches (parse and code)."""
        if self.options.processes > 1:
            yield from _pipe_in_processes(self, docs)
            return
        pending: deque[Document] = deque()  # in input order, those not coded among them

        def texts() -> Iterator[str]:
            for doc in docs:
                if doc.repaired is None:
                    doc = prepare(doc)
                pending.append(doc)
                if is_coded(doc.language):
                    yield self._parse_text(doc)

        for parsed in parse_texts(self.nlp, texts(), self.options.batch_size):
            while not is_coded(pending[0].language):
                yield pending.popleft()
            yield code_parsed(pending.popleft(), parsed, self.kb, self.lexicon, self.options)
        yield from pending  # documents after the last coded one, none of them coded

    def entities(self, doc: Document) -> Document:
        """Entities and resolved actors only (no events): `sitrep entities`."""
        if doc.repaired is None:
            doc = prepare(doc)
        if not is_coded(doc.language):
            return doc
        (parsed,) = parse_texts(self.nlp, [self._parse_text(doc)])
        mentions = find_mentions(doc, parsed, self.kb, reference_date(doc), parsed.text)
        doc.entities = document_entities(doc, parsed, mentions, self.kb.sectors)
        return doc

    def code_text(self, text: str, published: str | None = None,
                  doc_id: str = "text") -> list[Event]:
        """Events of a bare text (a sentence or a story)."""
        return self.code(Document(id=doc_id, text=text, published=published)).events


# -- coding in worker processes ------------------------------------------------------------------

# The coder of a worker process, inherited from the parent when the pool forks (not pickled).
_WORKER_CODER: Coder | None = None


def _install(coder: Coder) -> None:
    global _WORKER_CODER
    _WORKER_CODER = coder


def _code_batch(docs: list[Document]) -> list[Document]:
    assert _WORKER_CODER is not None, "a worker codes only after _install"
    return list(_WORKER_CODER.pipe(docs))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _pipe_in_processes(coder: Coder, docs: Iterable[Document]) -> Iterator[Document]:
    """Whole batches coded in `processes` forked workers (each holds the loaded coder), results in
    input order; at most two batches per worker are in flight, so memory stays bounded."""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from dataclasses import replace

    workers = coder.options.processes
    single = Coder.__new__(Coder)
    single.__dict__.update(coder.__dict__, options=replace(coder.options, processes=1))
    in_flight: deque[Future[list[Document]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_install, initargs=(single,)) as pool:
        for batch in _batches(docs, coder.options.batch_size):
            in_flight.append(pool.submit(_code_batch, batch))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


# Lexicons with imported verb dictionaries, by the dictionaries' content (a long-running server
# or worker reloads nothing, and keeps no more than a few).
_LEXICONS: OrderedDict[str, Lexicon] = OrderedDict()
LEXICON_CACHE_SIZE = 4


def lexicon_for(verbs: Sequence[str | Path]) -> Lexicon:
    """The shipped lexicon plus the given CAMEO/PETRARCH verb dictionaries: their verb rows
    (`lexicon.read_verb_dictionary`) and word patterns (`verbpatterns.py`)."""
    if not verbs:
        return load_lexicon()
    paths = [Path(p) for p in verbs]
    for path in paths:
        if not path.is_file():
            raise SitrepError(f"{path}: no such verb dictionary; check the path given to --verbs")
    key = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    if key in _LEXICONS:
        _LEXICONS.move_to_end(key)
        return _LEXICONS[key]
    lexicon = load_lexicon()
    for path in paths:
        lexicon = with_patterns(with_verbs(lexicon, read_verb_dictionary(path)),
                                *read_verb_patterns(path))
    _LEXICONS[key] = lexicon
    while len(_LEXICONS) > LEXICON_CACHE_SIZE:
        _LEXICONS.popitem(last=False)
    return lexicon
