"""The local runner: every bad input of a hostile corpus fails alone, with one clear line, and
every good document given with them is stored; a store interrupted anywhere is finished by a
rerun."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.errors import DocumentError, StoreError
from sitrep.interfaces.cli import main
from sitrep.model import Document, content_hash
from sitrep.runners.local import ingest
from sitrep.store.database import Database

from . import hostile


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return hostile.write(tmp_path_factory.mktemp("hostile") / "in")


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("store") / "s.db")
    summary = ingest(db, corpus.paths)
    yield db, summary
    db.close()


def test_every_good_document_is_stored(ingested, corpus):
    db, summary = ingested
    stored = {row["id"]: row["source_path"] for row in db.documents()}
    assert corpus.good_ids <= set(stored)
    assert corpus.good_files <= set(stored.values())
    assert summary.new == len(stored) == len(corpus.good_ids) + len(corpus.good_files)
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert summary.clusters == db.conn.execute("SELECT count(*) FROM clusters").fetchone()[0] > 0


def test_each_bad_input_is_one_clear_failure(ingested, corpus):
    _, summary = ingested
    found = {f"{f.source}:{f.line}" if f.line else f.source: f for f in summary.failures}
    assert set(found) == set(corpus.bad)
    for where, problem in corpus.bad.items():
        failure = found[where]
        assert isinstance(failure, DocumentError)
        message = str(failure)
        assert message.startswith(f"{where}: ") and problem in message, message
        assert "\n" not in message and failure.fix and failure.stage == "read"


def test_the_stored_texts_are_the_inputs_exactly(ingested, corpus):
    db, _ = ingested
    for record in hostile.GOOD_RECORDS:
        doc = db.document(str(record["id"]) if record["id"] != "g-number-id" else "42")
        assert doc["text"] == record["text"] and doc["content_hash"] == content_hash(record["text"])
    cyrillic = db.conn.execute("SELECT text FROM documents WHERE source_path LIKE '%cyrillic.txt'")
    assert cyrillic.fetchone()[0].startswith("Президент России")


def test_a_rerun_stores_nothing_twice_and_fails_the_same(ingested, corpus):
    db, first = ingested
    before = db.count("documents"), db.count("events")
    again = ingest(db, corpus.paths)
    assert (again.new, again.already_stored) == (0, first.new)
    assert (db.count("documents"), db.count("events")) == before
    assert sorted(map(str, again.failures)) == sorted(map(str, first.failures))


def test_the_cli_reports_each_failure_on_one_line_and_exits_1(corpus, tmp_path):
    result = CliRunner().invoke(main, ["ingest", *corpus.paths, "--db", str(tmp_path / "s.db"),
                                       "--no-events"], catch_exceptions=False)
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("failed ")]
    assert len(failed) == len(corpus.bad)
    assert all(any(line.startswith(f"failed {where}: ") for where in corpus.bad) for line in failed)
    assert "Traceback" not in result.output


def test_one_path_or_a_path_object_is_one_input(tmp_path, monkeypatch):
    (tmp_path / "one.txt").write_text("Iran met Iraq.")
    monkeypatch.chdir(tmp_path)
    with Database(tmp_path / "s.db") as db:
        assert ingest(db, "one.txt", code_events=False).new == 1  # not "o", "n", "e", ...
        assert ingest(db, tmp_path / "one.txt", code_events=False).already_stored == 1
    with pytest.raises(TypeError, match="needs a Database"):
        ingest("s.db", "one.txt")  # type: ignore[arg-type]


def test_a_document_the_store_refuses_fails_alone(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"id": i, "text": f"Story {i}."})
                                                for i in ("a", "b", "c")))

    class Refusing(Database):
        def save_document(self, doc: Document) -> bool:
            if doc.id == "b":
                raise ValueError("a value the store cannot take")
            return super().save_document(doc)

    with Refusing(tmp_path / "s.db") as db:
        summary = ingest(db, tmp_path / "a.jsonl", code_events=False)
        assert summary.new == 2 and [f.stage for f in summary.failures] == ["store"]
        assert str(summary.failures[0]).startswith(f"{tmp_path / 'a.jsonl'}:2: store failed")


def test_a_store_that_cannot_be_written_ends_the_run_with_its_fix(tmp_path):
    (tmp_path / "a.txt").write_text("A story.")
    holder = Database(tmp_path / "s.db")
    holder.conn.execute("BEGIN IMMEDIATE")
    try:
        with Database(tmp_path / "s.db", timeout=0.2) as db, pytest.raises(StoreError,
                                                                          match="busy"):
            ingest(db, tmp_path / "a.txt", code_events=False)
    finally:
        holder.conn.execute("ROLLBACK")
        holder.close()


def test_the_console_script_is_the_cli():
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="sitrep")
    assert script.load() is main
