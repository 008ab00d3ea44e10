from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.interfaces.cli import main
from sitrep.store.database import Database


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_ingest_seed_then_show(tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = run("ingest", str(tmp_path / "seed.txt"), "--db", db, "--no-events")
    assert result.exit_code == 0, result.output
    listed = run("documents", "--db", db, "--json")
    (row,) = [json.loads(line) for line in listed.output.splitlines()]
    assert row["published_not_before"] == "2025-10-31" and row["truncated"] == 1
    shown = json.loads(run("show", row["id"], "--db", db, "--json").output)
    assert [s["outlet"] for s in shown["cited_sources"]] == ["The Washington Post", "The Moscow Times"]
    assert [s["date"] for s in shown["cited_sources"]] == ["2025-10-31", "2025-05-07"]
    assert any(r["original"] == "" and r["replacement"] == " " for r in shown["repairs"])
    text_view = run("show", row["id"], "--db", db)
    assert "cited sources" in text_view.output and "repairs" in text_view.output


def test_ingest_bad_inputs_reports_each_and_stores_the_rest(tmp_path):
    good = tmp_path / "in"
    good.mkdir()
    (good / "ok.txt").write_text("A fine story about talks in Geneva.")
    (good / "empty.txt").write_text("")
    (good / "bin.txt").write_bytes(b"\x00\x01binary\x00")
    (good / "lines.jsonl").write_text('{"id": "j1", "text": "Line one."}\n{oops\n')
    (good / "big.txt").write_text("x " * 5000)
    db = str(tmp_path / "s.db")
    result = run("ingest", str(good), str(tmp_path / "missing.txt"), "--db", db,
                 "--no-events", "--max-bytes", "2000")
    assert result.exit_code == 1
    output = result.output
    for expected in ("empty.txt", "bin.txt", "lines.jsonl:2", "big.txt", "missing.txt"):
        assert expected in output
    with Database(db) as store:
        assert store.count("documents") == 2


def test_rerun_after_interruption_stores_each_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Story number {i} about a meeting.")
    db = str(tmp_path / "s.db")
    # An interrupted run: only some files got in.
    run("ingest", str(folder / "0.txt"), str(folder / "1.txt"), "--db", db, "--no-events")
    result = run("ingest", str(folder), "--db", db, "--no-events")
    assert result.exit_code == 0
    with Database(db) as store:
        assert store.count("documents") == 6
    again = run("ingest", str(folder), "--db", db, "--no-events")
    assert "already stored" in again.output
    with Database(db) as store:
        assert store.count("documents") == 6


def test_show_unknown_document(tmp_path):
    result = run("show", "nope", "--db", str(tmp_path / "s.db"))
    assert result.exit_code != 0 and "sitrep documents" in result.output


def test_ingest_codes_events_and_lists_them(tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert run("ingest", str(tmp_path / "seed.txt"), "--db", db).exit_code == 0
    listed = run("events", "--db", db, "--actor", "VEN", "--type", "REQUEST",
                 "--since", "2025-10-01", "--json")
    (event,) = [json.loads(line) for line in listed.output.splitlines()]
    assert event["recipient"][0]["code"] == "RUS" and event["date"] == "2025-10-08"
    brief = run("brief", "Venezuela", "--with", "Russia", "--db", db)
    assert "asked Russia" in brief.output and "[^1]:" in brief.output
    extracted = run("extract", str(tmp_path / "seed.txt"), "--format", "jsonl")
    assert {json.loads(line)["event"] for line in extracted.output.splitlines()} >= {
        "REQUEST", "MOBILIZE", "AGREE", "SANCTION"}
    entities = run("entities", str(tmp_path / "seed.txt"), "--format", "jsonl")
    rows = [json.loads(line) for line in entities.output.splitlines()]
    assert all(seed_text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert any(r["label"] == "EQUIPMENT" and r["text"].endswith("su-30MK2") for r in rows)


def test_brief_uses_the_configured_rewrite_endpoint_and_keeps_citations(tmp_path, seed_text,
                                                                     monkeypatch):
    from ..analysis.test_brief import FakeLLM, HTTPServer, threading

    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    run("ingest", str(tmp_path / "seed.txt"), "--db", db)
    server = HTTPServer(("127.0.0.1", 0), FakeLLM)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        FakeLLM.drop_citation = False
        monkeypatch.setenv("SITREP_LLM_URL", f"http://127.0.0.1:{server.server_port}/v1")
        monkeypatch.setenv("SITREP_LLM_MODEL", "fake")
        assert "formally asked" in run("brief", "Venezuela", "--db", db).output
        FakeLLM.drop_citation = True
        kept = run("brief", "Venezuela", "--db", db).output
        assert "formally asked" not in kept and "lost or invented citations" in kept
    finally:
        server.shutdown()


def test_imported_cameo_dictionary_resolves_its_fictional_countries(tmp_path):
    from ..conftest import FIXTURES

    db = str(tmp_path / "s.db")
    before = json.loads(run("actors", "resolve", "Arnor", "--db", db).output)
    assert before["code"] is None
    imported = run("actors", "import", str(FIXTURES / "PETR.Validate.actors.txt"),
                   str(FIXTURES / "PETR.Validate.agents.txt"), "--db", db)
    assert imported.exit_code == 0
    for name, code in (("Arnor", "ARN"), ("Gondor", "GON"), ("Osgiliath", "OSG")):
        assert json.loads(run("actors", "resolve", name, "--db", db).output)["code"] == code
    text = tmp_path / "s.txt"
    text.write_text("Arnor accused Gondor of sabotage.", encoding="utf-8")
    (event,) = [json.loads(line) for line in
                run("extract", str(text), "--db", db).output.splitlines()]
    assert event["actor"][0]["code"] == "ARN" and event["recipient"][0]["code"] == "GON"


def test_missing_model_is_a_clear_error(monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("Iran asked China for help.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--model",
                                       "no_such_pipeline_xyz"])
    assert result.exit_code == 1 and "no_such_pipeline_xyz" in result.output
    assert "pip" in result.output and "Traceback" not in result.output


def test_a_report_in_another_language_is_stored_and_says_it_was_not_coded(tmp_path):
    (tmp_path / "ru.jsonl").write_text(json.dumps({
        "id": "ru1", "url": "https://vostok.example.org/2026/10/22/x/",
        "text": "Боливия попросила Китай поставить шесть радиолокационных станций и выделить "
                "кредит на их оплату, сообщает британская газета."}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = run("ingest", str(tmp_path / "ru.jsonl"), "--db", db)
    assert result.exit_code == 0, result.output
    assert "not coded" in result.output and "Russian; sitrep codes English" in result.output
    shown = run("show", "ru1", "--db", db).output
    assert "language: ru" in shown
    assert "stored, not coded: Russian; sitrep codes English" in shown


def test_the_installed_sitrep_command_starts():
    """The console script pyproject declares resolves to the CLI (README's commands run it)."""
    import subprocess
    import sys
    from importlib.metadata import entry_points
    from pathlib import Path

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "sitrep"]
    assert script.load() is main
    executable = Path(sys.executable).with_name("sitrep")
    if executable.exists():
        result = subprocess.run([str(executable), "--version"], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0 and "version" in result.stdout


# -- one exit rule for ingest and extract: 0 all in, 1 some failed (the rest done), 2 usage -------


def test_extract_exits_0_when_every_input_was_coded(tmp_path):
    (tmp_path / "a.txt").write_text("Iran asked China for drones.", encoding="utf-8")
    result = run("extract", str(tmp_path / "a.txt"))
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["event"]


def test_extract_exits_1_after_coding_the_inputs_that_did_not_fail(tmp_path):
    (tmp_path / "a.txt").write_text("Iran asked China for drones.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "b", "text": "x", "url": ["list"]}\n{oops\n')
    (tmp_path / "c.txt").write_bytes("Le président français".encode("latin-1"))
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl"),
                 str(tmp_path / "c.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("{") and '"REQUEST"' in line for line in lines)
    failed = [line for line in lines if line.startswith("failed ")]
    assert len(failed) == 4 and "Traceback" not in result.output
    assert any("b.jsonl:1" in line and '"url" is a list' in line for line in failed)
    assert any("--encoding cp1252" in line for line in failed)
    encoded = run("extract", str(tmp_path / "c.txt"), "--encoding", "cp1252")
    assert encoded.exit_code == 0


@pytest.mark.parametrize("command", ["ingest", "extract"])
@pytest.mark.parametrize("arguments", [
    [],  # no paths
    ["a.txt", "--encoding", "klingon"],
    ["a.txt", "--max-bytes", "0"],
    ["a.txt", "--no-such-option"],
])
def test_usage_errors_exit_2(command, arguments, tmp_path):
    result = CliRunner().invoke(main, [command, *arguments, *(
        ["--db", str(tmp_path / "s.db")] if command == "ingest" else [])])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_store_that_is_not_sqlite_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "a.txt").write_text("A story.")
    (tmp_path / "s.db").write_text("not a database" * 100)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db",
                                       str(tmp_path / "s.db"), "--no-events"])
    assert result.exit_code == 1 and "not a sitrep store" in result.output
    assert "Traceback" not in result.output
