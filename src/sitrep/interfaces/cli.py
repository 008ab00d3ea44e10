"""The `sitrep` command: a thin shell over the library. Each command parses, calls, formats."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep.errors import SitrepError
from sitrep.interfaces.cli_shared import (
    coding_options,
    console,
    db_option,
    exit_after,
    out,
    progress_bar,
    report_failure,
)
from sitrep.model import Document
from sitrep.options import Options
from sitrep.runners.local import ingest as run_ingest
from sitrep.store.database import Database


class SitrepGroup(click.Group):
    """Turns SitrepError into a one-line message and exit code 1, never a traceback.

    Exit codes (docs/reliability.md): 0 when everything given went in; 1 when something failed
    (some inputs, after the rest were done; or the store, the model, ...); 2 for usage errors."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SitrepError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=SitrepGroup)
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: news reporting to source-attributed PLOVER event data, and back into briefs."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--events/--no-events", default=True, show_default=True,
              help="Parse and code events (needs the spaCy model) or only read and repair.")
@click.option("--workers", type=click.IntRange(1, 512), default=None,
              help="Code on a local Dask cluster of N worker processes (docs/scaling.md).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Code on an existing Dask cluster (workers need sitrep and the model).")
@click.option("--output", "output_dir", type=click.Path(file_okay=False), default=None,
              help="With --workers or --scheduler: the workers write coded events into DIR as "
                   "Parquet partitions by month instead of the store (`sitrep import DIR`).")
@coding_options
def ingest(paths: tuple[str, ...], db_path: str, events: bool, workers: int | None,
           scheduler: str | None, output_dir: str | None, options: Options):
    """Read PATHS (files, folders, - for stdin) into the store. Exits 0 when everything went
    in, 1 when some inputs failed (each named with its fix; the others are stored)."""
    if workers or scheduler or output_dir:
        summary = _ingest_on_dask(paths, db_path, events, workers, scheduler, output_dir, options)
    else:
        with Database(db_path) as db, progress_bar() as progress:
            task = progress.add_task("ingesting", total=None)
            summary = run_ingest(db, paths, options, code_events=events,
                                 on_document=lambda: progress.advance(task))
    table = Table(title=f"ingest into {output_dir or db_path}", show_header=False)
    for label, value in (("read", summary.read), ("new", summary.new),
                         ("already stored", summary.already_stored),
                         ("failed", len(summary.failures)), ("events", summary.events),
                         ("event clusters", summary.clusters)):
        table.add_row(label, str(value))
    console.print(table)
    for note in summary.not_coded:
        console.print(f"[yellow]not coded[/yellow] {note}", markup=True, highlight=False)
    for failure in summary.failures:
        report_failure(failure)
    exit_after(summary.failures)


def _ingest_on_dask(paths: tuple[str, ...], db_path: str, events: bool, workers: int | None,
                   scheduler: str | None, output_dir: str | None, options: Options):
    """`ingest` on a Dask cluster, with done / total, rate and failures on the terminal."""
    if workers and scheduler:
        raise click.UsageError("give --workers (a local cluster) or --scheduler, not both")
    if not (workers or scheduler):
        raise click.UsageError("--output needs a cluster: add --workers N or --scheduler ADDRESS")
    if not events or options.processes > 1:
        raise click.UsageError("--no-events and --processes are for in-process ingest; "
                               "a cluster codes events with one process per worker")
    from sitrep.runners.dask import run

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} docs/s, {task.fields[failed]} failed"),
        TimeElapsedColumn(), console=console, transient=True, disable=not console.is_terminal)

    def started(link: str | None) -> None:
        import importlib.util

        plots = not workers or importlib.util.find_spec("bokeh")  # a local scheduler's needs it
        console.print(f"Dask dashboard: {link}{'' if plots else ' (pip install bokeh to see it)'}"
                      if link else "Dask cluster up (no dashboard)")

    with Database(db_path) as db, progress:
        task = progress.add_task("coding", total=None, rate=0.0, failed=0)
        return run(db, paths, options, workers=workers, scheduler=scheduler, output=output_dir,
                   on_start=started,
                   on_progress=lambda p: progress.update(task, completed=p.done, total=p.total,
                                                         rate=p.rate, failed=p.failed))


@main.command()
@db_option
@click.option("--limit", type=int, default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
def documents(db_path: str, limit: int | None, as_json: bool) -> None:
    """List stored documents."""
    with Database(db_path) as db:
        rows = db.documents(limit)
    if as_json:
        for row in rows:
            out.print(json.dumps(dict(row), ensure_ascii=False))
        return
    table = Table("id", "title", "outlet", "published", "not before", "truncated")
    for row in rows:
        table.add_row(row["id"], (row["title"] or "")[:60], row["outlet"] or "",
                      row["published"] or "", row["published_not_before"] or "",
                      "yes" if row["truncated"] else "")
    out.print(table)


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--json", "as_json", is_flag=True)
def show(doc_id: str, db_path: str, as_json: bool) -> None:
    """Show one document: metadata, cited sources, repairs."""
    with Database(db_path) as db:
        doc = db.document(doc_id)
    if doc is None:
        raise click.ClickException(f"no document {doc_id!r}; list them with `sitrep documents`")
    if as_json:
        doc.pop("offsets", None)
        out.print(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for key in ("id", "title", "url", "outlet", "published", "published_not_before", "language",
                "truncated", "source_path", "content_hash"):
        out.print(f"[bold]{key}[/bold]: {doc[key]}")
    from sitrep.text.language import is_coded, not_coded_note

    if not is_coded(doc["language"]):
        out.print(f"[bold]coding[/bold]: {not_coded_note(doc['language'])}")
    out.print("[bold]cited sources[/bold]:")
    for source in doc["cited_sources"]:
        out.print(f"  {source['date'] or '?':10}  {source['outlet'] or '?'}  {source['url']}")
    out.print(f"[bold]repairs[/bold] ({len(doc['repairs'])}):")
    for repair in doc["repairs"]:
        out.print(f"  {repair['kind']:28} @{repair['start']}: "
                  f"{repair['original']!r} -> {repair['replacement']!r}")



# -- entities, actors, events ------------------------------------------------------------------


def _documents_from(paths: tuple[str, ...], options: Options,
                    failures: list[SitrepError]) -> Iterator[Document]:
    """The documents read from `paths`; what cannot be read is reported and kept in `failures`."""
    from sitrep.text.reading import read_paths

    for result in read_paths(paths, max_bytes=options.max_bytes, encoding=options.encoding):
        if isinstance(result, SitrepError):
            report_failure(result)
            failures.append(result)
            continue
        yield result


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@coding_options
def entities(paths: tuple[str, ...], fmt: str, options: Options) -> None:
    """Print named entities (offsets into the ORIGINAL text), one JSON object a line."""
    from sitrep.pipeline import Coder, failure

    coder = Coder(options)
    failures: list[SitrepError] = []
    for doc in _documents_from(paths, options, failures):
        try:
            coder.entities(doc)
        except Exception as error:  # noqa: BLE001 - this document fails alone
            found = failure(doc, "entities", error)
            report_failure(found)
            failures.append(found)
            continue
        for entity in doc.entities:
            record = {"doc_id": doc.id, "start": entity.start, "end": entity.end,
                      "text": entity.text, "label": entity.label}
            for key in ("code", "sector", "kb_id", "category", "origin"):
                if getattr(entity, key):
                    record[key] = getattr(entity, key)
            out.print(json.dumps(record, ensure_ascii=False) if fmt == "jsonl" else
                      f"{entity.start:6}-{entity.end:<6} {entity.label:10} {entity.text}"
                      f"  {entity.code or ''} {entity.sector or ''}", markup=False)
    exit_after(failures)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)
@click.option("--db", "db_path", default=None, help="Also use dictionaries imported into this store.")
@coding_options
def extract(paths: tuple[str, ...], fmt: str, db_path: str | None, options: Options) -> None:
    """Print coded events without storing them, one JSON object a line (docs/event-schema.md).
    Exits 0 when every input was coded, 1 when some failed (the others are printed)."""
    from sitrep.pipeline import Coder

    coder = Coder(options, imported=_imported(db_path))
    failures: list[SitrepError] = []
    for doc in coder.pipe(_documents_from(paths, options, failures)):
        if isinstance(doc, SitrepError):
            report_failure(doc)
            failures.append(doc)
            continue
        for event in doc.events:
            if fmt == "jsonl":
                out.print(json.dumps(event.to_dict(), ensure_ascii=False), markup=False)
            else:
                out.print(_event_line(event.to_dict()), markup=False)
    exit_after(failures)


def _imported(db_path: str | None) -> list:
    """The dictionaries imported into a store (none without one)."""
    if not db_path:
        return []
    with Database(db_path) as db:
        return db.imported_entries()


def _event_line(event: dict) -> str:
    def names(actors):
        return "+".join(f"{a['code'] or '?'}{a['sector'] or ''}" for a in actors) or "-"

    return (f"{event['date'] or '?':10} {event['event']:9} {names(event['actor'])} -> "
            f"{names(event['recipient'])} [{event['modality']}] {event['event_text']!r}")


@main.command()
@db_option
@click.option("--actor", help="Country code of an actor (e.g. VEN).")
@click.option("--recipient", help="Country code of a recipient.")
@click.option("--type", "event_type", help="PLOVER event type (e.g. REQUEST).")
@click.option("--since", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only events on or before this date.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@click.option("--limit", type=int, default=200, show_default=True)
@click.option("--main-only", is_flag=True,
              help="Only each sentence's main event (one label per sentence).")
def events(db_path: str, actor: str | None, recipient: str | None, event_type: str | None,
           since: str | None, until: str | None, as_json: bool, limit: int,
           main_only: bool) -> None:
    """List stored events."""
    from sitrep.analysis.queries import find_events

    with Database(db_path) as db:
        rows = find_events(db, actor=actor, recipient=recipient, event_type=event_type,
                           since=since, until=until, limit=limit, main_only=main_only)
    for event in rows:
        out.print(json.dumps(event, ensure_ascii=False) if as_json else _event_line(event),
                  markup=False)


@main.group()
def actors() -> None:
    """Resolve mentions, import CAMEO dictionaries."""


@actors.command("resolve")
@click.argument("text")
@click.option("--date", "when", help="Resolve as of this date (YYYY-MM-DD); default today.")
@click.option("--db", "db_path", default=None, help="Also use dictionaries imported into this store.")
@click.option("--why", is_flag=True, help="Also say which rule decided and which rows it read.")
def actors_resolve(text: str, when: str | None, db_path: str | None, why: bool) -> None:
    """Resolve TEXT ("Caracas", "former President Hugo Chávez") to country and sector."""
    from datetime import date

    from sitrep.actors.knowledge import knowledge_base
    from sitrep.actors.resolve import explain

    try:
        as_of = date.fromisoformat(when) if when else date.today()
    except ValueError:
        raise click.BadParameter(f"{when!r} is not YYYY-MM-DD", param_hint="--date") from None
    found = explain(text, as_of, kb=knowledge_base(_imported(db_path)))
    result = asdict(found.actor)
    if why:
        result["why"] = {"rule": found.rule, "steps": found.steps, "rows": [
            {"kb_id": r.kb_id, "name": r.name, "country": r.country, "sector": r.sector,
             "role": r.role, "start": r.start and r.start.isoformat(),
             "end": r.end and r.end.isoformat(), "source": r.source} for r in found.rows]}
    out.print(json.dumps(result, ensure_ascii=False), markup=False)


@actors.command("import")
@click.argument("files", nargs=-1, required=True)
@db_option
def actors_import(files: tuple[str, ...], db_path: str) -> None:
    """Import CAMEO-format actor or agent dictionaries into the store."""
    from pathlib import Path

    from sitrep.actors.dictionaries import entries_from_file

    with Database(db_path) as db:
        for file in files:
            count = db.import_dictionary(Path(file).name, entries_from_file(Path(file)))
            console.print(f"{file}: {count} entries imported into {db_path}")


@main.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--limit", type=int, default=None, help="Score only the first N cases.")
@click.option("--details/--no-details", default=True, show_default=True)
@coding_options
def eval_command(gold: tuple[str, ...], limit: int | None, details: bool, options: Options):
    """Score the coder on gold files: seed gold.json, PLOVER records, PETRARCH XML, sentence CSV,
    re3d folders, negatives (JSON Lines of articles with no political event: false-positive
    rates). The coder is configured exactly as ingest's with the same options."""
    from sitrep.evaluation.evaluate import evaluate_paths

    for report in evaluate_paths(gold, options, limit):
        lines = report.lines() if details else report.summary()
        for line in lines:
            out.print(line, highlight=False, markup=False)
        out.print("")



# -- analysis --------------------------------------------------------------------------------


@main.command()
@click.argument("actor")
@click.argument("other", required=False)
@db_option
@click.option("--since")
@click.option("--until")
@click.option("--json", "as_json", is_flag=True)
def timeline(actor: str, other: str | None, db_path: str, since: str | None, until: str | None,
             as_json: bool) -> None:
    """Events of ACTOR (or between ACTOR and OTHER) in date order."""
    from sitrep.analysis.brief import resolve_code
    from sitrep.analysis.queries import timeline as build

    with Database(db_path) as db:
        rows = build(db, resolve_code(actor), resolve_code(other) if other else None, since, until)
    for row in rows:
        out.print(json.dumps(row) if as_json else
                  f"{row['date'] or '?':10} {row['event']:9} {row['role']:9} {row['modality']:12} "
                  f"{row['doc_id']}", markup=False)


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--since")
@click.option("--until")
@click.option("--json", "as_json", is_flag=True)
def dyad(a: str, b: str, db_path: str, since: str | None, until: str | None, as_json: bool):
    """Monthly A->B and B->A series: counts by PLOVER quad class and mean score."""
    from sitrep.analysis.brief import resolve_code
    from sitrep.analysis.queries import QUAD_NAMES, dyad_series

    with Database(db_path) as db:
        rows = dyad_series(db, resolve_code(a), resolve_code(b), since, until)
    if as_json:
        for row in rows:
            out.print(json.dumps(row), markup=False)
        return
    table = Table("month", "direction", *QUAD_NAMES.values(), "events", "mean score")
    for row in rows:
        table.add_row(row["month"], row["direction"], *[str(row[q]) for q in QUAD_NAMES.values()],
                      str(row["events"]), f"{row['mean_score']:.2f}")
    out.print(table)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "graphml"]), default="json",
              show_default=True)
@click.option("--since")
@click.option("--until")
@click.option("--min-weight", type=int, default=1, show_default=True)
def network(db_path: str, fmt: str, since: str | None, until: str | None, min_weight: int):
    """The actor network: weighted edges typed by PLOVER event type."""
    from sitrep.analysis.queries import network as build
    from sitrep.analysis.queries import network_graphml

    with Database(db_path) as db:
        graph = build(db, since, until, min_weight)
    click.echo(network_graphml(graph) if fmt == "graphml" else json.dumps(graph, indent=2))


@actors.command("top")
@db_option
@click.option("--limit", type=int, default=10, show_default=True)
@click.option("--pairs", is_flag=True, help="Rank actor -> recipient pairs instead.")
@click.option("--since")
@click.option("--until")
def actors_top(db_path: str, limit: int, pairs: bool, since: str | None, until: str | None):
    """The most active actors (or pairs)."""
    from sitrep.analysis.queries import top_actors, top_pairs

    with Database(db_path) as db:
        rows = (top_pairs if pairs else top_actors)(db, limit, since, until)
    for row in rows:
        out.print(json.dumps(row), markup=False)


@main.command()
@db_option
def cluster(db_path: str) -> None:
    """Recompute event clusters (the same happening across articles)."""
    from sitrep.analysis.clusters import build_clusters

    with Database(db_path) as db:
        console.print(f"{build_clusters(db)} clusters in {db_path}")


@main.command()
@click.argument("focus")
@click.option("--with", "partner", help="Only what happened between FOCUS and this actor.")
@click.option("--since", help="Key developments from this date; earlier ones are background.")
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file.")
def brief(focus: str, partner: str | None, since: str | None, db_path: str, output: str | None):
    """Write a sourced Markdown brief on FOCUS (every sentence footnoted to its evidence).

    Set SITREP_LLM_URL and SITREP_LLM_MODEL to have an OpenAI-compatible endpoint rewrite the
    prose; a rewrite that loses a citation is refused and the deterministic brief kept."""
    import os

    from sitrep.analysis.brief import rewrite, write_brief

    with Database(db_path) as db:
        text = write_brief(db, focus, partner, since).markdown()
    url, model = os.environ.get("SITREP_LLM_URL"), os.environ.get("SITREP_LLM_MODEL")
    if url:
        try:
            text = rewrite(text, url, model or "default")
        except SitrepError as error:
            console.print(f"[yellow]{error}[/yellow]")
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        console.print(f"brief written to {output}")
    else:
        out.print(text, markup=False, highlight=False)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "csv", "parquet"]),
              default="plover-jsonl", show_default=True)
@click.option("--output", "-o", help="File to write (default: standard output; not for parquet).")
@click.option("--since")
@click.option("--until")
@click.option("--actor", help="Only events with this actor code.")
@click.option("--main-only", is_flag=True,
              help="Only each sentence's main event (one label per sentence).")
def export(db_path: str, fmt: str, output: str | None, since: str | None, until: str | None,
           actor: str | None, main_only: bool) -> None:
    """Export stored events (PLOVER JSONL re-imports to the same events)."""
    from sitrep.analysis.exports import export_events

    if fmt == "parquet" and not output:
        raise click.UsageError("parquet is binary: give a file with --output")
    with Database(db_path) as db:
        target: Any = output or sys.stdout
        count = export_events(db, target, fmt, since=since, until=until, actor=actor,
                              main_only=main_only)
    console.print(f"{count} events exported")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the store to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1),
              help="Refuse request bodies larger than this many bytes (413).")
@coding_options
def serve(db_path: str, host: str, port: int, max_body: int, options: Options) -> None:
    """Serve the store: a JSON API (/api/..., OpenAPI at /openapi.json) and web pages.

    Read-only unless SITREP_TOKEN is set: then POST /api/documents accepts writes that carry
    `Authorization: Bearer <token>`. The coding options apply to POST /api/extract and
    /api/documents."""
    import os

    from sitrep.interfaces.web import serve as run

    token = os.environ.get("SITREP_TOKEN") or None
    mode = "accepting writes with SITREP_TOKEN" if token else "read-only (set SITREP_TOKEN to accept writes)"
    console.print(f"serving {db_path} at http://{host}:{port}/ ({mode})", highlight=False)
    run(db_path, host, port, options, token, max_body)


@main.command("import")
@click.argument("files", nargs=-1, required=True)
@db_option
def import_command(files: tuple[str, ...], db_path: str) -> None:
    """Import PLOVER JSONL exports (or directories written by `ingest --output`) into the store,
    then recompute clusters."""
    from sitrep.analysis.clusters import ensure_clusters
    from sitrep.analysis.imports import import_events

    with Database(db_path) as db:
        for file in files:
            console.print(f"{file}: {import_events(db, file)} events imported")
        ensure_clusters(db)


if __name__ == "__main__":  # pragma: no cover
    main()
