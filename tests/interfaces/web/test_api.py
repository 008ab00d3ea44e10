"""The JSON API against a real server process: what it answers agrees with the store."""

from __future__ import annotations

import re

import httpx
import pytest

from sitrep import Database
from tests.interfaces.web.conftest import HOSTILE, TOKEN, all_pages


def stored_events(store_path) -> list[dict]:
    with Database(store_path) as db:
        return list(db.iter_events())


def codes(actors: list[dict]) -> set[str]:
    return {a["code"] for a in actors if a.get("code")}


def test_every_event_once_newest_first_across_pages(client, store_path):
    events = all_pages(client, "/api/events", "events", limit=7)
    stored = stored_events(store_path)
    assert sorted(e["id"] for e in events) == sorted(e["id"] for e in stored)
    dated = [e for e in events if e["date"]]
    assert events[: len(dated)] == dated, "undated events come last"
    keys = [(e["date"], e["id"]) for e in dated]
    assert keys == sorted(keys, reverse=True)


@pytest.mark.parametrize("params", [
    {"actor": "VEN"}, {"actor": "Venezuela", "recipient": "RUS"}, {"type": "request"},
    {"modality": "reported", "since": "2025-09-01"}, {"until": "2025-06-30"},
    {"actor": "USA", "main_only": "true"}, {"q": "missile"}, {"q": "missile*", "actor": "VEN"},
])
def test_filters_select_exactly_the_matching_events(client, store_path, params):
    def matches(e: dict) -> bool:
        actor = {"Venezuela": "VEN"}.get(params.get("actor"), params.get("actor"))
        ends = e["enddate"] or e["date"]
        sentence = (e.get("text_info") or {}).get("sentence") or ""
        return ((actor is None or actor in codes(e["actor"]))
                and ("recipient" not in params or params["recipient"] in codes(e["recipient"]))
                and ("type" not in params or e["event"] == params["type"].upper())
                and ("modality" not in params or e["modality"] == params["modality"])
                and ("since" not in params or (ends is not None and ends >= params["since"]))
                and ("until" not in params or (e["date"] is not None
                                               and e["date"] <= params["until"]))
                and ("main_only" not in params or e["main"])
                and ("q" not in params or re.search(
                    r"\bmissile" + ("" if params["q"].endswith("*") else r"s?\b"), sentence,
                    re.IGNORECASE)))

    expected = {e["id"] for e in stored_events(store_path) if matches(e)}
    got = all_pages(client, "/api/events", "events", limit=5, **params)
    assert expected, f"the demo store has events for {params}"
    assert {e["id"] for e in got} == expected
    assert len(got) == len(expected)


def test_event_evidence_quotes_the_original_text(client):
    (event,) = client.get("/api/events", params={"q": "missile", "limit": 1}).json()["events"]
    found = client.get(f"/api/events/{event['id']}").json()
    evidence = found["evidence"]
    doc = client.get(f"/api/documents/{evidence['document_id']}").json()
    assert evidence["quote"] == doc["text"][evidence["start"]:evidence["end"]]
    # the stored span may take in the whitespace after the sentence; the words are the same
    assert evidence["quote"].strip() == found["text_info"]["sentence"]
    assert (evidence["url"], evidence["outlet"], evidence["published"]) == (
        doc["url"], doc["outlet"], doc["published"])
    assert found["id"] in {e["id"] for e in doc["events"]}
    assert {key: found[key] for key in event} == event  # the listed event, plus its evidence


def test_errors_are_json_that_say_the_fix(client):
    cases = {
        "/api/events?since=2025-13-01": (400, "YYYY-MM-DD"),
        "/api/events?type=INVADE": (400, "ASSAULT"),
        "/api/events?modality=maybe": (400, "hypothetical"),
        "/api/events?cursor=bm9wZQ": (400, "leave `cursor` out"),
        "/api/events?limit=0": (400, "limit"),
        "/api/events?actor=Atlantis": (400, "country name or a code"),
        "/api/events?q=%22%22": (400, "give one or more words"),
        "/api/events/no-such-event": (404, "/api/events"),
        "/api/documents/no-such-document": (404, "doc_id"),
        "/api/clusters/no-such-cluster": (404, "/api/clusters"),
        "/api/timeline": (400, "actor"),
        "/api/no-such-endpoint": (404, "/openapi.json"),
    }
    for path, (status, fix) in cases.items():
        response = client.get(path)
        assert response.status_code == status, path
        error = response.json()["error"]
        assert error["status"] == status and fix in error["message"], (path, error)


def test_openapi_describes_every_endpoint_and_its_filters(client):
    spec = client.get("/openapi.json").json()
    for path in ["/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}",
                 "/api/clusters", "/api/clusters/{cluster_id}", "/api/timeline", "/api/dyad",
                 "/api/network", "/api/actors/top", "/api/actors/resolve", "/api/brief",
                 "/api/extract", "/api/documents"]:
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {"actor", "recipient", "type", "modality", "since", "until", "q", "limit",
                     "cursor"}
    assert "Event" in spec["components"]["schemas"]


def test_clusters_pages_and_members(client, store_path):
    clusters = all_pages(client, "/api/clusters", "clusters", limit=9)
    with Database(store_path) as db:
        assert len(clusters) == db.conn.execute("SELECT count(*) FROM clusters").fetchone()[0]
    biggest = max(clusters, key=lambda c: c["sources"])
    assert biggest["sources"] >= 3
    found = client.get(f"/api/clusters/{biggest['id']}").json()
    assert sorted(m["id"] for m in found["members"]) == sorted(biggest["events"])
    for member in found["members"]:
        evidence = client.get(f"/api/events/{member['id']}").json()["evidence"]
        assert member["quote"] == evidence["quote"]
    ven = all_pages(client, "/api/clusters", "clusters", actor="VEN")
    assert ven and all("VEN" in c["actors"] + c["recipients"] for c in ven)


def test_timeline_dyad_network_and_rankings_agree(client):
    pair = all_pages(client, "/api/timeline", "events", actor="VEN", partner="RUS", limit=4)
    dated = [row for row in pair if row["date"]]
    dyad = client.get("/api/dyad", params={"a": "Venezuela", "b": "RUS"}).json()
    assert (dyad["a"], dyad["b"]) == ("VEN", "RUS")
    # a reciprocal act ("X and Y signed a pact") is a dyad each way: it counts in both directions
    reciprocal = {row["id"] for row in pair
                  if client.get(f"/api/events/{row['id']}").json()["reciprocal"]}
    assert reciprocal  # the examples hold "X and Y signed a treaty"

    def directions(rows):
        return sum(2 if row["id"] in reciprocal else 1 for row in rows)

    assert sum(row["events"] for row in dyad["series"]) == directions(dated)
    assert {row["role"] for row in pair} <= {"actor", "recipient"}
    network = client.get("/api/network").json()
    edge_weight = sum(e["weight"] for e in network["edges"]
                      if {e["source"], e["target"]} == {"VEN", "RUS"})
    assert edge_weight == directions(pair)  # the network counts undated events too
    ranked = client.get("/api/actors/top", params={"limit": 3}).json()
    top = ranked["actors"]
    assert len(top) == 3 and top[0]["events"] >= top[-1]["events"]
    everyone = client.get("/api/actors/top", params={"limit": 500}).json()
    assert ranked["total"] == everyone["total"] == len(everyone["actors"]) > 3
    assert everyone["actors"][:3] == top
    pairs = client.get("/api/actors/top", params={"pairs": "true"}).json()["pairs"]
    assert pairs[0]["events"] >= pairs[-1]["events"]
    # the search page's facets say how many actors there are beyond the ten shown
    facets = client.get("/index.json").json()["facets"]
    assert facets["distinct"]["actor"] >= len(facets["actor"])
    assert facets["total"] == sum(row["count"] for row in facets["type"])


def test_resolve_says_which_entry_decided(client):
    caracas = client.get("/api/actors/resolve", params={"text": "Caracas"}).json()
    assert caracas["code"] == "VEN" and caracas["entry"] and "Caracas" in caracas["why"]
    chavez = client.get("/api/actors/resolve", params={
        "text": "former President Hugo Chávez", "date": "2015-01-01"}).json()
    assert chavez["code"] == "VEN" and chavez["date"] == "2015-01-01"
    assert client.get("/api/actors/resolve", params={"text": "x", "date": "soon"}).status_code \
        == 400


def test_brief_citations_open_their_evidence(client):
    brief = client.get("/api/brief", params={"focus": "Venezuela", "with": "Russia",
                                             "since": "2025-09-01"}).json()
    assert brief["markdown"].startswith("# Brief: Venezuela")
    numbers = {int(n) for n in re.findall(r"\[\^(\d+)\]", brief["markdown"])}
    assert numbers == {c["number"] for c in brief["citations"]}
    for citation in brief["citations"]:
        event = client.get(f"/api/events/{citation['event_id']}").json()
        assert " ".join(event["evidence"]["quote"].split()) == citation["quote"]
        assert event["evidence"]["document_id"] == citation["doc_id"]


def test_extract_codes_without_storing(client, store_path):
    before = len(stored_events(store_path))
    response = client.post("/api/extract", json={
        "text": "Cuba asked Mexico for fuel shipments.", "published": "2025-03-04"})
    assert response.status_code == 200, response.text
    (event,) = [e for e in response.json()["events"] if e["main"]]
    assert event["event"] == "REQUEST" and codes(event["actor"]) == {"CUB"}
    assert codes(event["recipient"]) == {"MEX"}
    assert len(stored_events(store_path)) == before
    assert client.post("/api/extract", json={"text": ""}).status_code == 400


def test_a_read_only_server_refuses_writes(client):
    response = client.post("/api/documents", json={"text": "Peru thanked Chile."},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert "SITREP_TOKEN" in response.json()["error"]["message"]


def test_writes_need_the_token_and_bad_records_cost_nothing_else(writer):
    record = {"id": "peru-1", "date": "2025-05-05", "title": "Peru and Chile",
              "text": "Peru accused Chile of spying on its navy in April 2025."}
    with httpx.Client(base_url=writer, timeout=120) as http:
        assert http.post("/api/documents", json=record).status_code == 401
        wrong = http.post("/api/documents", json=record,
                          headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = http.post("/api/documents", json=[record, {"id": "empty"}], headers=auth)
        assert response.status_code == 200, response.text
        summary = response.json()
        assert (summary["new"], summary["events"] >= 1, len(summary["failures"])) == (1, True, 1)
        assert "request body:2" in summary["failures"][0] and '"text"' in summary["failures"][0]
        events = http.get("/api/events", params={"q": "spying", "actor": "PER"}).json()["events"]
        assert [e["doc_id"] for e in events] == ["peru-1"]
        again = http.post("/api/documents", json=record, headers=auth).json()
        assert (again["new"], again["already_stored"]) == (0, 1)
        too_big = http.post("/api/documents", headers=auth,
                            json={"text": "Peru thanked Chile. " * 12_000})
        assert too_big.status_code == 413
        assert "200,000 bytes" in too_big.json()["error"]["message"]
        assert "content-security-policy" in too_big.headers

        def chunks():  # no Content-Length: the limit counts the bytes as they come
            yield b'{"text": "'
            for _ in range(30):
                yield b"Peru thanked Chile. " * 500
            yield b'"}'

        streamed = http.post("/api/documents", headers={**auth, "content-type":
                                                        "application/json"}, content=chunks())
        assert streamed.status_code == 413, streamed.text


def test_security_headers_and_escaping(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    page = client.get("/documents/hostile-1").text
    assert "<script>window.pwned" not in page and "onerror=" not in page.replace(
        "onerror=&#34;", "")
    assert "&lt;script&gt;window.pwned" in page
    assert "javascript:" not in page.split("<main>")[1].split('class="url"')[0]
    (event,) = client.get("/api/events", params={"q": "sabotage"}).json()["events"]
    evidence_page = client.get(f"/events/{event['id']}").text
    assert "<script>window.pwned" not in evidence_page
    assert 'href="javascript:' not in evidence_page
    assert HOSTILE["outlet"] not in evidence_page


def test_every_page_has_a_json_twin_with_its_data(client):
    (event,) = client.get("/api/events", params={"q": "missile", "limit": 1}).json()["events"]
    twins = {
        "/": "/index.json", f"/events/{event['id']}": f"/events/{event['id']}.json",
        f"/documents/{event['doc_id']}": f"/documents/{event['doc_id']}.json",
        "/actors/VEN": "/actors/VEN.json", "/dyads/VEN/RUS": "/dyads/VEN/RUS.json",
        "/network": "/network.json", "/brief?focus=Venezuela": "/brief.json?focus=Venezuela",
    }
    for page, twin in twins.items():
        html = client.get(page)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
        assert f'href="{twin}"'.replace("&", "&amp;") in html.text, page
        assert client.get(twin).headers["content-type"] == "application/json", twin
    data = client.get(f"/events/{event['id']}.json").json()
    assert data["event"]["evidence"] == client.get(f"/api/events/{event['id']}").json()[
        "evidence"]
    assert client.get("/index.json", params={"type": "REQUEST"}).json()["facets"]["type"] == [
        {"value": "REQUEST", "count": len(all_pages(client, "/api/events", "events",
                                                    type="REQUEST"))}]
    missing = client.get("/events/no-such-event")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
