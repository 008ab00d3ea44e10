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


# -- briefs over real-style coverage: several rewrites of one scoop, one independent report, two
# reports in other languages (tests/fixtures/coverage, written for these tests) ---------------------

COVERAGE = Path(__file__).resolve().parents[1] / "fixtures" / "coverage"


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    db = Database(tmp_path_factory.mktemp("coverage") / "s.db")
    summary = ingest(db, [str(COVERAGE)], code_events=True)
    assert summary.new == 6 and not summary.failures
    yield db, write_brief(db, "Bolivia", "China", since="2026-10-01")
    db.close()


def test_footnotes_name_each_documents_own_outlet_then_whom_it_cites(coverage):
    db, brief = coverage
    outlets = {c.doc_id: c.outlet for c in brief.citations}
    assert outlets["cov-andes-wire"] == "andes-wire.example.net"  # the URL's host
    assert outlets["cov-pacific-observer"] == "Pacific Observer"  # the input's metadata
    assert "Altiplano Daily" in outlets.values()  # the HTML's site name
    assert "The Guardian" not in outlets.values()  # cited by all, published none of them
    markdown = brief.markdown()
    assert re.search(r"\[\^\d+\]: andes-wire\.example\.net, 2026-10-21, https://\S+ \(document "
                     r"cov-andes-wire, characters \d+–\d+\): “[^”]+” — citing The Guardian "
                     r"\(Bolivian government documents\)", markdown)


def test_counts_count_publishers_and_independent_sources(coverage):
    _, brief = coverage
    (request,) = [p for p in brief.sections["Key developments"] if "asked China" in p]
    assert "4 reports from 4 outlets" in request
    assert "from 2 independent sources: 3 citing The Guardian, 2026-10-20, 1 by Chaco Herald" \
        in request
    assert "6 radar systems" in request


def test_cluster_data_carries_the_independence(coverage):
    db, _ = coverage
    clusters = [json.loads(row[0]) for row in db.conn.execute("SELECT data FROM clusters")]
    request = max((c for c in clusters if c["event"] == "REQUEST"), key=lambda c: c["sources"])
    assert request["independent_sources"] == 2 and request["unnamed_outlets"] == 0
    assert request["outlets"] == ["Altiplano Daily", "Chaco Herald", "Pacific Observer",
                                  "andes-wire.example.net"]
    guardian = next(o for o in request["origins"] if o["cited"])
    assert guardian["outlet"] == "The Guardian" and len(guardian["documents"]) == 3


def test_assessments_say_how_likely_with_the_assessed_clauses_parties(coverage):
    _, brief = coverage
    speculation = brief.sections["Assessments and speculation"]
    aid = next(p for p in speculation if "provided aid" in p)
    assert aid.startswith("- Assessment, not established fact (judged unlikely): China provided "
                          "aid to Bolivia")
    troops = next(p for p in speculation if "moved forces" in p)
    assert "(judged unlikely)" in troops


def test_standing_relations_are_background_not_news(coverage):
    _, brief = coverage
    background = " ".join(brief.sections["Background"])
    assert "standing, as of 2026-10-21: China provided aid to Bolivia" in background
    assert not any("standing" in p for p in brief.sections["Key developments"])


def test_undated_events_show_the_report_that_bounds_them(coverage):
    _, brief = coverage
    points = [p for section in ("Key developments", "Context") for p in brief.sections[section]]
    approached = next(p for p in points if "Russia" in p and "Iran" in p)
    assert approached.startswith("- undated (reported by 2026-10-22): Bolivia (La Paz) asked")


def test_no_point_aims_a_country_at_itself(coverage):
    _, brief = coverage
    for section in brief.sections.values():
        for point in section:
            sentence = point.split(" (")[0]
            for country in ("Bolivia", "China", "Ukraine", "Russia"):
                assert not re.search(rf"{country}\b.* (?:against|to|with) {country}\b", sentence), \
                    point


def test_reports_it_could_not_read_are_listed(coverage):
    db, brief = coverage
    languages = dict(db.conn.execute("SELECT id, language FROM documents").fetchall())
    assert languages["cov-vostok-vestnik"] == "ru" and languages["cov-noticias-altiplano"] == "es"
    assert "2 more reports could not be read" in brief.summary
    assert any("stored, not coded: Russian; sitrep codes English" in line
               for line in brief.unread)
    assert any("Spanish" in line for line in brief.unread)


def test_demo_brief_keeps_the_seeds_publisher_unknown(store, brief):
    seed = seed_id(store)
    cited = [c for c in brief.citations if c.doc_id == seed]
    assert cited and all(c.outlet.startswith("outlet not stated") for c in cited)
    assert any(c.citing == "citing The Washington Post (leaked U.S. government documents)"
               for c in cited)


def test_demo_assessments_keep_their_polarity(brief):
    speculation = brief.sections["Assessments and speculation"]
    troops = next(p for p in speculation if "moved forces toward" in p)
    assert "(judged unlikely)" in troops  # "None of the analysts expected Russian troops ..."
