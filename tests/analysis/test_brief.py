"""Briefs from the demo corpus: the seed's developments with citations that point at real spans,
speculation marked as assessment, and an optional rewrite that must keep every citation."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from sitrep.analysis.brief import rewrite, write_brief
from sitrep.errors import SitrepError
from sitrep.runners.local import ingest
from sitrep.store.database import Database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("brief") / "s.db")
    summary = ingest(db, [str(EXAMPLES / "seed"), str(EXAMPLES / "synthetic")], code_events=True)
    assert not summary.failures
    yield db
    db.close()


@pytest.fixture(scope="module")
def brief(store):
    return write_brief(store, "Venezuela", "Russia", since="2025-09-01")


def seed_id(store):
    (doc_id,) = store.conn.execute(
        "SELECT id FROM documents WHERE source_path LIKE '%000_ca64f977583370ee.txt'").fetchone()
    return doc_id


def points_citing(brief, doc_id, section):
    cited = {c.number for c in brief.citations if c.doc_id == doc_id}
    return [p for p in brief.sections[section]
            if cited & {int(n) for n in re.findall(r"\[\^(\d+)\]", p)}]


def test_seed_developments_are_stated_with_citations(store, brief):
    seed = seed_id(store)
    key = " ".join(points_citing(brief, seed, "Key developments"))
    context = " ".join(points_citing(brief, seed, "Context"))
    background = " ".join(points_citing(brief, seed, "Background"))
    assert "Venezuela (Nicolás Maduro) asked Russia" in key and "14 missile units" in key
    assert "(12 in other reports)" in key  # the conflicting report, side by side
    assert "United States built up its military presence" in context
    assert "United States kept sanctions on Venezuela" in context
    assert "reached an agreement" in background and "May 2025" in background


def test_speculation_is_marked_as_assessment(brief):
    speculation = brief.sections["Assessments and speculation"]
    assert speculation and all(p.startswith("- Assessment, not established fact") for p in speculation)
    for heading in ("Key developments", "Context", "Background"):
        assert not any("hypothetical" in p for p in brief.sections[heading])


def test_every_citation_points_at_its_span(store, brief):
    assert brief.citations
    for citation in brief.citations:
        (text,) = store.conn.execute("SELECT text FROM documents WHERE id = ?",
                                     (citation.doc_id,)).fetchone()
        assert " ".join(text[citation.start:citation.end].split()) == citation.quote
    markdown = brief.markdown()
    used = set(re.findall(r"\[\^(\d+)\](?!:)", markdown))
    defined = set(re.findall(r"^\[\^(\d+)\]:", markdown, re.MULTILINE))
    assert used == defined


def test_brief_is_deterministic(store, brief):
    again = write_brief(store, "Venezuela", "Russia", since="2025-09-01")
    assert again.markdown() == brief.markdown()


class FakeLLM(BaseHTTPRequestHandler):
    drop_citation = False

    def do_POST(self):  # noqa: N802 (the http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        text = body["messages"][0]["content"].split("\n\n", 1)[1]
        text = text.replace("asked", "formally asked")
        if FakeLLM.drop_citation:
            text = text.replace("[^1]", "")
        payload = json.dumps({"choices": [{"message": {"content": text}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def llm_url():
    server = HTTPServer(("127.0.0.1", 0), FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def test_rewrite_keeps_citations(brief, llm_url):
    FakeLLM.drop_citation = False
    text = rewrite(brief.markdown(), llm_url, "fake")
    assert "formally asked" in text
    assert set(re.findall(r"\[\^\d+\]", text)) == set(re.findall(r"\[\^\d+\]", brief.markdown()))


def test_rewrite_that_loses_a_citation_is_refused(brief, llm_url):
    FakeLLM.drop_citation = True
    with pytest.raises(SitrepError, match="lost or invented citations"):
        rewrite(brief.markdown(), llm_url, "fake")
