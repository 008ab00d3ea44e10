"""The Dask runner: coding on a Dask cluster, the client the only writer of the store.

    with cluster_client(workers=2) as client:           # or scheduler="tcp://host:8786"
        summary = ingest_on_dask(db, ["examples/"], Options(), client)

    client (this process)                                 each worker process
    read -> skip what is stored or in flight  --batch->   the Coder for the run's Options, loaded
                                                          once (worker_coder), codes the batch
    save_document, one transaction each  <-coded docs-    (a document that fails is a Failure)
    (as batches complete), clusters at the end

At most `in_flight` batches (two per worker thread) are out at once, and results are written as
they complete, so memory stays bounded whatever the corpus. A document stored, or already sent,
is not sent again: a rerun after the client stopped finishes the job and stores nothing twice. A
worker that dies mid-batch has its tasks rescheduled by Dask; a batch that kills workers Dask's
`allowed-failures` times is split into single documents, so only a document that itself kills
the worker is reported as failed.

With `output`, workers write coded events straight into Parquet partitions by month
(`analysis.exports.write_partitions`: DIR/events/month=YYYY-MM/NAME.parquet) and a manifest of the
batch's documents (DIR/documents/NAME.parquet), written last: a batch is done when its manifest
is there, so a rerun skips done documents and removes the files of batches that never finished.
`sitrep import DIR` loads the events into a store later. Nothing is written to the store.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from sitrep.errors import DocumentError, ReadError, SitrepError
from sitrep.model import Document
from sitrep.options import Options
from sitrep.runners.local import IngestSummary
from sitrep.store.database import Database
from sitrep.text.language import is_coded, not_coded_note
from sitrep.text.reading import iter_input_files, read_paths

DOCUMENTS_FOLDER = "documents"  # the manifests of finished batches, under an --output DIR
SCALING_DOC = "docs/scaling.md"
WAIT_FOR_WORKERS = 60  # seconds an existing cluster has to show one worker
PRE_SPAWN = "distributed.nanny.pre-spawn-environ"


@dataclass(frozen=True)
class Job:
    """What every task of a run needs besides its documents: small, pickled with each task."""

    options: Options  # resolved on the client: model named, dictionary paths absolute
    imports: str = ""  # the key of the store's imported dictionaries (an ImportsPlugin) or ""
    output: str | None = None  # an --output DIR (absolute), or None: coded documents come back


@dataclass
class Failure:
    content_hash: str
    error: DocumentError


@dataclass
class BatchResult:
    documents: list[Document] = field(default_factory=list)  # coded, for the client to store
    written: list[tuple[str, int]] = field(default_factory=list)  # (hash, events) in --output
    failures: list[Failure] = field(default_factory=list)
    not_coded: list[str] = field(default_factory=list)  # written in --output, not coded


@dataclass
class RunProgress:
    done: int  # documents stored, skipped or failed
    total: int | None  # documents in the inputs (None when reading standard input)
    failed: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0


# -- on the workers ----------------------------------------------------------------------------

# Coders by (options, imports key), loaded once per worker process and kept for the next run; the
# lock also serialises coding, since a worker started with several threads would otherwise run
# one spaCy pipeline from two threads (start workers with --nthreads 1: docs/scaling.md).
_CODERS: OrderedDict[tuple[Options, str], Any] = OrderedDict()
_IMPORTS: dict[str, list] = {}
_LOCK = threading.Lock()
CODER_CACHE_SIZE = 2
_loaded = 0


def coders_loaded() -> int:
    """How many coders this process has loaded (read on workers by the tests)."""
    return _loaded


class ImportsPlugin(WorkerPlugin):
    """Hands the store's imported dictionaries to every worker, restarted ones included (the
    scheduler runs a registered plugin's `setup` on each worker that joins)."""

    def __init__(self, key: str, entries: list):
        self.key, self.entries = key, entries

    def setup(self, worker: Any) -> None:
        _IMPORTS[self.key] = self.entries

    def teardown(self, worker: Any) -> None:
        _IMPORTS.pop(self.key, None)


def worker_coder(job: Job) -> Any:
    """The loaded `Coder` for the job's options (and imported dictionaries); call under _LOCK."""
    global _loaded
    key = (job.options, job.imports)
    if key in _CODERS:
        _CODERS.move_to_end(key)
        return _CODERS[key]
    from sitrep.pipeline import Coder

    if job.imports and job.imports not in _IMPORTS:
        raise SitrepError(f"imported dictionaries {job.imports} are not on this worker; the "
                          "client registers them before it sends work: rerun the ingest")
    coder = Coder(job.options, imported=_IMPORTS.get(job.imports, []))
    _loaded += 1
    _CODERS[key] = coder
    while len(_CODERS) > CODER_CACHE_SIZE:
        _CODERS.popitem(last=False)
    return coder


def code_batch(job: Job, batch: list[Document]) -> BatchResult:
    """Code a batch on a worker; into the --output DIR, or back to the client."""
    with _LOCK:
        coded, failures = code_each(worker_coder(job), batch)
    if job.output is None:
        return BatchResult(documents=coded, failures=failures)
    from sitrep.analysis.exports import write_partitions

    name = batch_name(batch)
    write_partitions(coded, job.output, name)
    _write_manifest(Path(job.output), name, coded)
    return BatchResult(written=[(d.content_hash, len(d.events)) for d in coded],
                       failures=failures, not_coded=[_not_coded(d) for d in coded
                                                     if not is_coded(d.language)])


def code_each(coder: Any, batch: list[Document]) -> tuple[list[Document], list[Failure]]:
    """The batch coded together (`Coder.code_batch`: a document that fails to parse or code is
    its own `DocumentError`, the rest of the batch is coded as if it were not there)."""
    coded, failures = [], []
    for doc, result in zip(batch, coder.code_batch(batch), strict=True):
        if isinstance(result, DocumentError):
            failures.append(Failure(doc.content_hash, result))
        else:
            coded.append(result)
    return coded, failures


def _where(doc: Document) -> str:
    return doc.source_path or doc.id


def _not_coded(doc: Document) -> str:
    return f"{_where(doc)}: {not_coded_note(doc.language)}"


def batch_name(batch: Sequence[Document]) -> str:
    """A batch's file name in --output: the same documents always give the same name, so a task
    Dask runs again (its worker died) replaces its own files rather than adding to them."""
    digest = hashlib.sha256("\n".join(d.content_hash for d in batch).encode()).hexdigest()
    return f"part-{digest[:20]}"


def _write_manifest(directory: Path, name: str, coded: list[Document]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = directory / DOCUMENTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"content_hash": d.content_hash, "id": d.id, "source_path": d.source_path,
             "title": d.title, "url": d.url, "outlet": d.outlet, "published": d.published,
             "events": len(d.events)} for d in coded]
    schema = pa.schema([(name_, pa.int64() if name_ == "events" else pa.string())
                        for name_ in ("content_hash", "id", "source_path", "title", "url",
                                      "outlet", "published", "events")])
    partial = folder / f".{name}.{os.getpid()}.partial"
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), partial)
    os.replace(partial, folder / f"{name}.parquet")


def check_worker(options: Options, output: str | None) -> dict[str, Any]:
    """Run on every worker before any work: what would stop it coding."""
    import importlib.util

    import sitrep

    problems = []
    model = options.model or ""
    try:
        installed = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        installed = False
    if not installed and not Path(model).exists():
        problems.append(f"the spaCy pipeline {model!r} is not installed")
    for path in (*options.verbs, *options.dictionaries):
        if not Path(path).is_file():
            problems.append(f"{path} is not there (give dictionaries at a path every worker has)")
    if output:
        try:
            Path(output).mkdir(parents=True, exist_ok=True)
            probe = Path(output) / f".probe-{os.getpid()}"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            problems.append(f"cannot write into {output} ({error.strerror})")
    return {"version": sitrep.__version__, "problems": problems}


# -- on the client -----------------------------------------------------------------------------


def worker_options(options: Options) -> Options:
    """The options as every worker must read them: the model named here (not left to a worker's
    $SITREP_MODEL), dictionary paths absolute, one process per worker."""
    from sitrep.text.parsing import model_name

    return options.replace(
        model=model_name(options.model), processes=1,
        verbs=[str(Path(p).resolve()) for p in options.verbs],
        dictionaries=[str(Path(p).resolve()) for p in options.dictionaries])


@contextmanager
def cluster_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client: on an existing cluster (`scheduler`), else on a local cluster of `workers`
    processes with one thread each (the coder is CPU-bound Python)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise SitrepError(
                f"cannot reach the Dask scheduler at {scheduler} ({error}); start one with "
                f"`dask scheduler` and workers with `dask worker {scheduler} --nthreads 1` "
                f"({SCALING_DOC}), or use --workers N for a cluster on this machine") from None
        with client:
            try:
                client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
            except TimeoutError:
                raise SitrepError(
                    f"no Dask worker joined the scheduler at {scheduler} in {WAIT_FOR_WORKERS} s; "
                    f"start some with `dask worker {scheduler} --nthreads 1` ({SCALING_DOC})"
                ) from None
            yield client
        return
    import dask

    # Dask's nannies start workers with glibc told to return freed memory at once
    # (MALLOC_TRIM_THRESHOLD_=65536); spaCy allocates and frees so much per batch that this cost
    # workers about 15% more CPU time (system calls) per document, measured: left at its default.
    with dask.config.set({f"{PRE_SPAWN}.MALLOC_TRIM_THRESHOLD_": None}), \
            LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                         dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def dashboard_link(client: Any) -> str | None:
    """The address of the cluster's dashboard, when its scheduler serves one."""
    services = client.scheduler_info().get("services", {})
    return client.dashboard_link if "dashboard" in services else None


def count_documents(paths: Iterable[str], max_bytes: int) -> int | None:
    """How many documents (or read failures) `read_paths` will yield, without coding anything:
    a line per JSONL record, the records of a JSON array, one per other file. None for stdin."""
    total = 0
    for item in iter_input_files(paths):
        if item == "-":
            return None
        if isinstance(item, ReadError):
            total += 1
            continue
        suffix = Path(item).suffix.lower()
        try:
            if Path(item).stat().st_size > max_bytes:
                total += 1
            elif suffix in {".jsonl", ".ndjson"}:
                with open(item, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif suffix == ".json":
                data = json.loads(Path(item).read_bytes())
                total += len(data) if isinstance(data, list) else 1
            else:
                total += 1
        except (OSError, ValueError):
            total += 1  # read_paths reports it as one failure
    return total


def check_workers(client: Any, options: Options, output: str | None) -> None:
    """Every worker can run this sitrep with these options, or a SitrepError saying what to do."""
    import sitrep

    try:
        reports = client.run(check_worker, options, output)
    except Exception as error:  # noqa: BLE001 - typically sitrep missing on a worker
        raise SitrepError(
            f"the Dask workers cannot run sitrep ({type(error).__name__}: {error}); install "
            f"sitrep {sitrep.__version__} and its spaCy model on every worker ({SCALING_DOC})"
        ) from None
    if not reports:
        raise SitrepError("the Dask cluster has no workers; start some with "
                          f"`dask worker SCHEDULER --nthreads 1` ({SCALING_DOC})")
    problems = [f"{worker}: {problem}" for worker, report in sorted(reports.items())
                for problem in report["problems"]]
    problems += [f"{worker}: sitrep {report['version']}, not {sitrep.__version__} as here"
                 for worker, report in sorted(reports.items())
                 if report["version"] != sitrep.__version__]
    if problems:
        raise SitrepError("the Dask workers cannot code: " + "; ".join(problems)
                          + f"; install sitrep and the model on every worker ({SCALING_DOC})")


def _imports_key(entries: list) -> str:
    if not entries:
        return ""
    digest = hashlib.sha256(repr(entries).encode()).hexdigest()[:16]
    return f"sitrep-imports-{digest}"


def done_in_output(directory: Path) -> set[str]:
    """Content hashes of the documents of finished batches in an --output DIR; the files of
    batches that never finished (no manifest: the client stopped) are removed first."""
    import pyarrow.parquet as pq

    from sitrep.analysis.exports import partition_files

    manifests = directory / DOCUMENTS_FOLDER
    finished = {path.stem for path in manifests.glob("*.parquet")}
    for path in partition_files(directory):
        if path.stem not in finished:
            path.unlink()
    for path in directory.glob("**/.*.partial"):
        path.unlink()
    done: set[str] = set()
    for path in manifests.glob("*.parquet"):
        done.update(pq.read_table(path, columns=["content_hash"]).column(0).to_pylist())
    return done


class _Run:
    """One ingest on a cluster: what is in flight, what is done, the summary."""

    def __init__(self, db: Database, client: Any, job: Job, in_flight: int,
                 on_progress: Callable[[RunProgress], None] | None, total: int | None):
        self.db, self.client, self.job = db, client, job
        self.limit = in_flight
        self.on_progress, self.total = on_progress, total
        self.summary = IngestSummary()
        self.done_before = done_in_output(Path(job.output)) if job.output else set()
        self.sent: dict[str, str] = {}  # content hash in flight -> the id it is stored under
        self.ids: dict[str, str] = {}  # id in flight -> its content hash
        self.batches: dict[str, list[Document]] = {}  # task key -> its documents
        # Documents of a batch whose workers died, each to be coded alone with nothing else in
        # flight: a worker that dies then died of that document, not of a neighbour's.
        self.suspects: deque[list[Document]] = deque()
        self.alone: str | None = None  # the key of the suspect being coded alone
        self.token, self.tasks = uuid.uuid4().hex[:12], 0
        self.done, self.start = 0, time.perf_counter()

    def progress(self) -> None:
        if self.on_progress:
            self.on_progress(RunProgress(self.done, self.total, len(self.summary.failures),
                                         time.perf_counter() - self.start))

    def fresh(self, results: Iterable[Document | ReadError]) -> Iterator[Document]:
        """Documents to send: not stored, not done in --output, not already in flight."""
        for result in results:
            if isinstance(result, ReadError):
                self.summary.failures.append(result)
                self.done += 1
                self.progress()
                continue
            self.summary.read += 1
            digest = result.content_hash
            if digest in self.sent or digest in self.done_before or \
                    self.db.has_document(digest):
                self.summary.already_stored += 1
                self.done += 1
                self.progress()
                continue
            self.sent[digest] = self._final_id(result)
            self.ids[self.sent[digest]] = digest
            yield result

    def _final_id(self, doc: Document) -> str:
        """The id the document will be stored under, decided in input order as the local runner
        decides it (a clash takes the hash's first 8 characters), whatever order batches finish
        in. Coding still sees the id as read, so events carry the same doc_id as in-process."""
        if self.job.output:
            return doc.id
        owner = self.ids.get(doc.id)
        if owner is not None and owner != doc.content_hash:
            return f"{doc.id}-{doc.content_hash[:8]}"
        return self.db._free_id(doc.id, doc.content_hash)

    def submit(self, batch: list[Document], completed: Any, alone: bool = False) -> None:
        self.tasks += 1
        future = self.client.submit(code_batch, self.job, batch, pure=False,
                                    key=f"sitrep-code-{self.token}-{self.tasks}")
        self.batches[future.key] = batch
        if alone:
            self.alone = future.key
        completed.add(future)

    def finish(self, future: Any, completed: Any) -> None:
        """Store (or count) a finished batch; a batch whose workers kept dying is split into
        suspects, each coded alone (`top_up`); one that still kills its worker alone fails."""
        from distributed.scheduler import KilledWorker

        batch = self.batches.pop(future.key)
        was_alone = future.key == self.alone
        if was_alone:
            self.alone = None
        try:
            result: BatchResult = future.result()
        except KilledWorker:
            if not was_alone:  # a neighbour may have killed the workers: each document alone
                self.suspects.extend([doc] for doc in batch)
                return
            result = BatchResult(failures=[Failure(batch[0].content_hash, DocumentError(
                _where(batch[0]), "a worker died each time it coded this document; it was not "
                "stored", "check its size and encoding; a rerun tries it again", stage="code"))])
        except Exception as error:  # noqa: BLE001 - the batch's documents fail, the run goes on
            result = BatchResult(failures=[Failure(doc.content_hash, DocumentError(
                _where(doc), f"its batch failed on the cluster ({type(error).__name__}: {error})",
                "a rerun tries it again", stage="code")) for doc in batch])
        finally:
            future.release()
        for doc in result.documents:
            doc.id = self.sent[doc.content_hash]
            if self.db.save_document(doc):
                self.summary.new += 1
                self.summary.events += len(doc.events)
                if not is_coded(doc.language):
                    self.summary.not_coded.append(_not_coded(doc))
            else:
                self.summary.already_stored += 1
        for _digest, events in result.written:
            self.summary.new += 1
            self.summary.events += events
        self.summary.failures += [failure.error for failure in result.failures]
        self.summary.not_coded += result.not_coded
        for doc in batch:
            self.ids.pop(self.sent.pop(doc.content_hash), None)
        self.done += len(batch)
        self.progress()


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_on_dask(db: Database, paths: str | Iterable[str], options: Options | None,
                   client: Any, output: str | Path | None = None,
                   on_progress: Callable[[RunProgress], None] | None = None,
                   in_flight: int | None = None) -> IngestSummary:
    """Read `paths` here, code them on the cluster behind `client`, store them in `db` (or, with
    `output`, let the workers write Parquet partitions there); the same summary as `ingest`."""
    from distributed import as_completed

    options = worker_options(options or Options())
    paths = [paths] if isinstance(paths, str) else list(paths)
    output = str(Path(output).resolve()) if output else None
    check_workers(client, options, output)
    entries = db.imported_entries()
    job = Job(options, _imports_key(entries), output)
    if job.imports:
        client.register_plugin(ImportsPlugin(job.imports, entries), name=job.imports)
    threads = sum(client.nthreads().values())
    run = _Run(db, client, job, in_flight or max(2, 2 * threads), on_progress,
               count_documents(paths, options.max_bytes))
    batches = _batches(run.fresh(read_paths(paths, max_bytes=options.max_bytes,
                                                   encoding=options.encoding)),
                       options.batch_size)
    completed = as_completed()

    def top_up() -> None:
        if run.suspects:  # once nothing else is in flight, the next suspect alone
            if not run.batches:
                run.submit(run.suspects.popleft(), completed, alone=True)
            return
        while len(run.batches) < run.limit:
            batch = next(batches, None)
            if batch is None:
                return
            run.submit(batch, completed)

    try:
        top_up()
        for future in completed:
            run.finish(future, completed)
            top_up()
    finally:
        if job.imports:
            client.unregister_worker_plugin(job.imports)
    if output:
        done_in_output(Path(output))  # files of a batch split after its workers died
    elif run.summary.new:
        from sitrep.analysis.clusters import build_clusters

        run.summary.clusters = build_clusters(db)
    run.progress()
    return run.summary


def run(db: Database, paths: str | Iterable[str], options: Options | None = None, *,
        workers: int | None = None, scheduler: str | None = None,
        output: str | Path | None = None,
        on_progress: Callable[[RunProgress], None] | None = None,
        on_start: Callable[[str | None], None] | None = None) -> IngestSummary:
    """`ingest_on_dask` on a local cluster of `workers` processes or at `scheduler`;
    `on_start` receives the dashboard's address (None without one) once the cluster is up."""
    with cluster_client(workers, scheduler) as client:
        if on_start:
            on_start(dashboard_link(client))
        return ingest_on_dask(db, paths, options, client, output, on_progress)
