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

import copy
import dataclasses
import hashlib
import multiprocessing
import pickle
import traceback
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sitrep.actors.dictionaries import entries_from_files
from sitrep.actors.knowledge import KBEntry, KnowledgeBase, knowledge_base
from sitrep.actors.resolve import memoised
from sitrep.coding.dates import reference_date
from sitrep.coding.document import code_parsed
from sitrep.coding.lexicon import Lexicon, load_lexicon, read_verb_dictionary, with_verbs
from sitrep.coding.sentence_type import load_type_model
from sitrep.coding.verbpatterns import read_verb_patterns, with_patterns
from sitrep.collector import loaded_frozen
from sitrep.entities.entity_list import document_entities
from sitrep.entities.mentions import find_mentions
from sitrep.errors import DocumentError, SitrepError
from sitrep.model import Document, Event
from sitrep.options import Options
from sitrep.text.casing import restore_case
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


def prepared(doc: Document) -> Document | DocumentError:
    """`prepare`, with a failure returned as this document's `DocumentError`, not raised."""
    try:
        return prepare(doc)
    except Exception as error:  # noqa: BLE001 - becomes this document's failure
        return failure(doc, "prepare", error)


# What to do about an error nobody foresaw, by its kind.
FIXES = {
    "MemoryError": "give sitrep more memory, or split the document",
    "RecursionError": "split the document; report it if it is an ordinary article",
}
BUG_FIX = "the rest of the run went on; this is a bug in sitrep: please report it with the document"


def failure(doc: Document, stage: str, error: BaseException) -> DocumentError:
    """`error`, raised while `stage` ran on `doc`, as a DocumentError naming the document (its
    file, `file:line`, or its id), the stage and the fix; the traceback is kept in `detail`."""
    if isinstance(error, DocumentError):
        return error
    source = doc.source_path or f"document {doc.id}"
    if isinstance(error, SitrepError):
        problem, fix = f"{stage} failed: {error}", "the rest of the run went on"
    else:
        message = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
        problem = f"{stage} failed ({type(error).__name__}{': ' + message if message else ''})"
        fix = FIXES.get(type(error).__name__, BUG_FIX)
    return DocumentError(source, problem, fix, stage=stage,
                         detail="".join(traceback.format_exception(error)))


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
        # an imported verb dictionary is its user's codebook: the model learned the shipped one
        self.type_judge = load_type_model() if self.options.type_model and not \
            self.options.verbs else None

    def _parse_text(self, doc: Document) -> str:
        if doc.repaired is None:
            doc = prepare(doc)
        repaired = restore_case(repair_text(doc.text) if doc.repaired is None else doc.repaired,
                                self.kb.given_names)
        doc.repaired = capitalise_known_words(repaired, self.kb.proper_forms)
        return parse_text(doc)

    def code(self, doc: Document) -> Document:
        """Entities and events of one document (in place); runs the text stages if not yet run.
        A document in a language sitrep does not code comes back as it went in."""
        if doc.repaired is None:
            doc = prepare(doc)
        if not is_coded(doc.language):
            return doc
        (parsed,) = parse_texts(self.nlp, [self._parse_text(doc)])
        return code_parsed(doc, parsed, self.kb, self.lexicon, self.options, self.type_judge)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document | DocumentError]:
        """Code many documents in order, parsing them in batches of `options.batch_size`; with
        `options.processes` > 1, in that many worker processes, each coding whole batches.

        Each document comes back in its place, coded, or as a `DocumentError` naming it, the
        stage that failed and the fix: nothing one document does (its repair, parse or coding
        raising, its worker process dying) stops the others, and nothing is raised for a
        document's sake. A batch whose parse raises is parsed again one document at a time.

        While it runs, what the coder loaded is out of the garbage collector's walks
        (`collector.loaded_frozen`); in one process, the names a batch resolved are kept for the
        next batches (`memoised`: the same names come back document after document)."""
        with loaded_frozen():
            if self.options.processes > 1:
                yield from _pipe_in_processes(self, docs)
                return
            with memoised(self.kb):
                for batch in _batches(docs, self.options.batch_size):
                    yield from self._code_batch(batch)

    def code_batch(self, docs: Sequence[Document]) -> list[Document | DocumentError]:
        """One batch, coded in this process: a list as long as `docs`, in order, each entry the
        coded document or its `DocumentError`. Never raises for a document's sake (what a worker
        process or a Dask worker calls)."""
        return list(self._code_batch(docs))

    def _code_batch(self, docs: Sequence[Document]) -> Iterator[Document | DocumentError]:
        with memoised(self.kb):  # names resolved once per batch (actors/resolve.py)
            yield from self._code_batch_memoised(docs)

    def _code_batch_memoised(self, docs: Sequence[Document]
                             ) -> Iterator[Document | DocumentError]:
        entries = [self._prepared(doc) for doc in docs]
        ready = [entry for entry in entries if isinstance(entry, tuple)]
        alone = False  # set once the batch's parse raised: the rest are parsed one at a time
        try:
            parsed = parse_texts(self.nlp, (text for _, text in ready), self.options.batch_size)
        except Exception:  # noqa: BLE001 - which document broke it is found below
            alone = True
        for entry in entries:
            if not isinstance(entry, tuple):
                yield entry  # its failure, or a document in a language sitrep does not code
                continue
            doc, text = entry
            found: Doc | DocumentError | None = None
            if not alone:
                try:
                    found = next(parsed)
                except Exception:  # noqa: BLE001 - which document broke it is found below
                    alone = True
            if found is None:
                found = self._parse_alone(doc, text)
            yield found if isinstance(found, DocumentError) else self._code_parsed(doc, found)

    def _prepared(self, doc: Document) -> tuple[Document, str] | Document | DocumentError:
        """The document prepared with the text to parse; or, not to be coded (its language),
        the document alone; or its failure."""
        stage = "prepare"
        try:
            if doc.repaired is None:
                doc = prepare(doc)
            if not is_coded(doc.language):
                return doc
            stage = "parse"
            return doc, self._parse_text(doc)
        except Exception as error:  # noqa: BLE001 - becomes this document's failure
            return failure(doc, stage, error)

    def _parse_alone(self, doc: Document, text: str) -> Doc | DocumentError:
        try:
            (parsed,) = parse_texts(self.nlp, [text])
            return parsed
        except Exception as error:  # noqa: BLE001 - becomes this document's failure
            return failure(doc, "parse", error)

    def _code_parsed(self, doc: Document, parsed: Doc) -> Document | DocumentError:
        try:
            return code_parsed(doc, parsed, self.kb, self.lexicon, self.options,
                               self.type_judge)
        except Exception as error:  # noqa: BLE001 - becomes this document's failure
            return failure(doc, "code", error)
        finally:
            # the rules' memos on the parse (text/token_arrays.py) hold its tokens, and each
            # token holds the parse: emptied once it is coded, the parse is freed there and
            # then, not left (with every object it holds) for the garbage collector to find
            parsed.user_data.clear()

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


def _code_batch(docs: list[Document]) -> list[Document | DocumentError]:
    assert _WORKER_CODER is not None, "a worker codes only after _install"
    return _WORKER_CODER.code_batch(docs)


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


WORKER_DIED = ("the coding process died while coding it (out of memory, or a crash in the "
               "parser)")
WORKER_DIED_FIX = "split it, or run with --processes 1 to see the error; report it if it persists"


class _Workers:
    """A pool of forked coding processes, each holding the loaded coder, started again when one
    dies (a document that kills its worker fails alone)."""

    def __init__(self, coder: Coder):
        self.count = coder.options.processes
        self.coder = copy.copy(coder)
        self.coder.options = dataclasses.replace(coder.options, processes=1)
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.count, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_install, initargs=(self.coder,))

    def submit(self, batch: list[Document]) -> Future[list[Document | DocumentError]]:
        return self.pool.submit(_code_batch, batch)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def next_results(self, in_flight: deque[tuple[list[Document], Future[list[Any]]]]
                     ) -> Iterator[Document | DocumentError]:
        """The results of the oldest batch in flight. If its worker died, the pool is started
        again and every batch that was in flight is coded one document at a time; if its results
        could not come back, that batch is."""
        batch, future = in_flight.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            lost = [batch, *(other for other, _ in in_flight)]
            in_flight.clear()
            self.restart()
        except Exception:  # noqa: BLE001 - e.g. a result that cannot be pickled: one at a time
            lost = [batch]
        else:
            yield from results
            return
        for each in lost:
            for doc in each:
                yield self._alone(doc)

    def _alone(self, doc: Document) -> Document | DocumentError:
        try:
            (result,) = self.submit([doc]).result()
            return result
        except BrokenProcessPool:
            self.restart()
            return DocumentError(doc.source_path or f"document {doc.id}", WORKER_DIED,
                                 WORKER_DIED_FIX, stage="code")
        except Exception as error:  # noqa: BLE001 - becomes this document's failure
            return failure(doc, "code", error)


def _pipe_in_processes(coder: Coder, docs: Iterable[Document]
                       ) -> Iterator[Document | DocumentError]:
    """Whole batches coded in `processes` forked workers (each holds the loaded coder), results in
    input order; at most two batches per worker are in flight, so memory stays bounded."""
    workers = _Workers(coder)
    in_flight: deque[tuple[list[Document], Future[list[Any]]]] = deque()
    try:
        for batch in _batches(docs, coder.options.batch_size):
            in_flight.append((batch, workers.submit(batch)))
            if len(in_flight) >= 2 * workers.count:
                yield from workers.next_results(in_flight)
        while in_flight:
            yield from workers.next_results(in_flight)
    finally:
        workers.close()


# Coders of a remote worker process (Dask), by what they were built from.
_CODERS: OrderedDict[str, Coder] = OrderedDict()


def code_batch(docs: Sequence[Document], options: Options | None = None,
               imported: Sequence[tuple[KBEntry, list[str]]] = ()
               ) -> list[Document | DocumentError]:
    """Code one batch in this process with the coder for `options` (and a store's imported
    dictionaries), loaded once per process and kept: what a remote worker calls. Returns one
    entry per document, in order: the coded document, or its `DocumentError`; never raises for a
    document's sake (a coder that cannot be built, e.g. a missing model, still raises)."""
    options = options or Options()
    key = hashlib.sha256(pickle.dumps((options, list(imported)))).hexdigest()
    coder = _CODERS.get(key)
    if coder is None:
        coder = _CODERS[key] = Coder(dataclasses.replace(options, processes=1), imported=imported)
        while len(_CODERS) > LEXICON_CACHE_SIZE:
            _CODERS.popitem(last=False)
    return coder.code_batch(docs)


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
