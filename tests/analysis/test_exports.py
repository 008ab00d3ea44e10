"""Exports round-trip, flat formats carry the right columns, and analysis agrees with its events.

The store is built from hand-made events (no spaCy), so every expected figure below is computed
from EVENTS themselves rather than written down twice.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from datetime import date
from statistics import mean

import pytest

from sitrep.analysis import queries as analysis
from sitrep.analysis.exports import (
    FLAT_COLUMNS,
    event_from_dict,
    export_events,
    import_events,
    partition_files,
    write_partitions,
)
from sitrep.errors import ExportError, ReadError, SitrepError, StoreError
from sitrep.model import Actor, Attribution, Document, Event, Item, Place, TextInfo
from sitrep.store.database import Database


def _actor(code: str | None, text: str, sector: str | None = "GOV") -> Actor:
    return Actor(entity_text=text, name=text, code=code, sector=sector, confidence=0.9)


def _event(
    number: int,
    doc_id: str,
    kind: str,
    quad: int,
    scale: float,
    actors: list[Actor],
    recipients: list[Actor],
    date: str | None,
    **extra,
) -> Event:
    sentence = f"Sentence {number} about {kind.lower()}, in Bogotá."
    return Event(
        id=f"e{number}",
        doc_id=doc_id,
        event=kind,
        quad_code=quad,
        event_scale=scale,
        actor=actors,
        recipient=recipients,
        date=date,
        enddate=extra.pop("enddate", date),
        event_text=kind.lower(),
        text_info=TextInfo(sentence=sentence, start=100 * number, end=100 * number + len(sentence)),
        confidence=0.5 + number / 100,
        **extra,
    )


VEN, RUS = _actor("VEN", "Venezuela"), _actor("RUS", "Russia")
USA, GBR, COL = _actor("USA", "Washington"), _actor("GBR", "London", None), _actor("COL", "Bogotá")

EVENTS = {
    "d1": [
        _event(
            1,
            "d1",
            "REQUEST",
            1,
            3.0,
            [VEN],
            [RUS],
            "2025-10-15",
            mode="assist",
            context=["military"],
        ),
        _event(
            2,
            "d1",
            "CONSULT",
            1,
            1.0,
            [VEN],
            [RUS],
            "2025-10-20",
            event_loc=Place("Caracas", "Caracas", "VEN"),
        ),
        _event(
            3,
            "d1",
            "AID",
            2,
            7.0,
            [VEN],
            [RUS],
            "2025-11-02",
            items=[
                Item(
                    text="12 Su-30 jets",
                    quantity=12,
                    item="Su-30",
                    kind="combat aircraft",
                    action="deliver",
                    provider="RUS",
                )
            ],
        ),
    ],
    "d2": [
        _event(
            4,
            "d2",
            "AGREE",
            1,
            4.0,
            [RUS],
            [VEN],
            "2025-11-05",
            modality="reported",
            attribution=Attribution(
                outlet="Reuters", basis="officials", url="https://reuters.com/x", date="2025-11-06"
            ),
        ),
        _event(
            5,
            "d2",
            "SANCTION",
            4,
            -8.0,
            [USA, GBR],
            [VEN],
            "2025-09-01",
            enddate="2025-09-30",
            context=["economic", "diplomatic"],
        ),
    ],
    "d3": [
        _event(
            6,
            "d3",
            "ACCUSE",
            3,
            -2.0,
            [COL],
            [VEN],
            None,
            enddate="2025-12-01",
            date_text="in recent months",
        ),
        _event(7, "d3", "REQUEST", 1, 3.0, [VEN], [RUS], "2025-12-03"),
    ],
}
ALL = [event for events in EVENTS.values() for event in events]


def _text(events: list[Event]) -> str:
    """A document text holding each event's sentence at its evidence offsets."""
    text = "The text."
    for event in events:
        info = event.text_info
        text = text.ljust(info.end)
        text = text[: info.start] + info.sentence + text[info.end :]
    return text + " The end."


def _documents() -> list[Document]:
    docs = []
    for doc_id, events in EVENTS.items():
        doc = Document(id=doc_id, text=_text(events), outlet="Example News",
                       title=f"Title of {doc_id}", url=f"https://example.org/{doc_id}",
                       published="2025-12-05")
        doc.events = [Event(**vars(e)) for e in events]  # a copy: the store must not alias them
        docs.append(doc)
    return docs


def _store(path) -> Database:
    db = Database(path)
    for doc in _documents():
        assert db.save_document(doc)
    return db


@pytest.fixture
def store(tmp_path):
    db = _store(tmp_path / "source.db")
    yield db
    db.close()


@pytest.fixture
def fresh(tmp_path):
    db = Database(tmp_path / "fresh.db")
    yield db
    db.close()


def _jsonl(db: Database, **filters) -> list[str]:
    out = io.StringIO()
    count = export_events(db, out, "plover-jsonl", **filters)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    return lines


def _ids(lines: list[str]) -> list[str]:
    return [json.loads(line)["id"] for line in lines]


# -- round trip ------------------------------------------------------------------------------


def test_event_from_dict_rebuilds_nested_dataclasses():
    for event in ALL:
        assert event_from_dict(event.to_dict()) == event
    rebuilt = event_from_dict({**ALL[2].to_dict(), "cluster_id": 9, "future_field": "x"})
    assert isinstance(rebuilt.items[0], Item) and isinstance(rebuilt.actor[0], Actor)
    assert isinstance(rebuilt.text_info, TextInfo) and isinstance(rebuilt.event_loc, Place)


EXPORT_KEYS = {"cluster_id", "document", "quote"}


def test_jsonl_is_the_stored_data_with_its_document_and_quote(store):
    lines = [json.loads(line) for line in _jsonl(store)]
    stored = {row[0]: json.loads(row[1]) for row in store.conn.execute("SELECT id, data FROM events")}
    assert len(lines) == len(ALL)
    for line in lines:
        assert {k: v for k, v in line.items() if k not in EXPORT_KEYS} == stored[line["id"]]
        document = line["document"]
        assert document["id"] == line["doc_id"] and len(document["content_hash"]) == 64
        assert document["outlet"] == "Example News" and document["published"] == "2025-12-05"
        assert document["title"] == f"Title of {line['doc_id']}"
        assert line["quote"] == line["text_info"]["sentence"]


def test_jsonl_round_trip_gives_identical_lines(store, fresh, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export_events(store, path, "plover-jsonl") == len(ALL)
    assert import_events(fresh, path) == len(ALL)
    assert sorted(_jsonl(fresh)) == sorted(path.read_text(encoding="utf-8").splitlines())
    columns = "content_hash, id, title, url, outlet, published, imported"
    rows = fresh.conn.execute(f"SELECT {columns} FROM documents ORDER BY id").fetchall()
    originals = store.conn.execute(f"SELECT {columns} FROM documents ORDER BY id").fetchall()
    # the same documents, metadata and all, marked as stand-ins for the texts
    assert [tuple(r)[:-1] for r in rows] == [tuple(r)[:-1] for r in originals]
    assert {r["imported"] for r in rows} == {1} and {r["imported"] for r in originals} == {0}
    assert fresh.count("event_actors") == store.count("event_actors")
    for event in ALL:  # the quotes sit at their offsets in the stand-in's text
        info = event.text_info
        (text,) = fresh.conn.execute("SELECT text FROM documents WHERE id = ?",
                                     (event.doc_id,)).fetchone()
        assert text[info.start:info.end] == info.sentence


def test_import_into_the_source_store_uses_its_documents(store, tmp_path):
    path = tmp_path / "events.jsonl"
    export_events(store, path, "plover-jsonl")
    before = _jsonl(store)
    assert import_events(store, path) == len(ALL)
    assert store.count("documents") == len(EVENTS)
    assert _jsonl(store) == before


def test_reimport_does_not_duplicate(store, fresh, tmp_path):
    path = tmp_path / "events.jsonl"
    export_events(store, path, "plover-jsonl")
    import_events(fresh, path)
    counts = [fresh.count(t) for t in ("documents", "events", "event_actors")]
    import_events(fresh, path)
    assert [fresh.count(t) for t in ("documents", "events", "event_actors")] == counts
    assert counts == [len(EVENTS), len(ALL), store.count("event_actors")]


# -- malformed imports -----------------------------------------------------------------------

GOOD = json.dumps(ALL[0].to_dict())


@pytest.mark.parametrize(
    "bad, problem",
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not an object"),
        (json.dumps({**ALL[1].to_dict(), "id": None}), "'id'"),
        (json.dumps({**ALL[1].to_dict(), "actor": [{"name": "no entity_text"}]}), "entity_text"),
        (json.dumps({**ALL[1].to_dict(), "text_info": "a sentence"}), "text_info"),
        (json.dumps({**ALL[1].to_dict(), "modality": None}), "'modality' is null"),
        (json.dumps({**ALL[1].to_dict(), "confidence": "high"}),
         "field 'confidence' is a string \"high\", not a finite number"),
        (json.dumps({**ALL[1].to_dict(), "quad_code": True}), "'quad_code' is true/false"),
        (json.dumps({**ALL[1].to_dict(), "context": "military"}), "'context' is a string"),
        (json.dumps({**ALL[1].to_dict(), "date": "20 Oct 2025"}), "not an ISO date"),
        (json.dumps({**ALL[1].to_dict(), "actor": [{"entity_text": ["x"]}]}),
         "entity_text is a list"),
        (json.dumps({**ALL[1].to_dict(), "items": [{"text": "jets", "quantity": "12"}]}),
         "quantity is a string"),
        (json.dumps({**ALL[1].to_dict(), "text_info": {"sentence": "s", "start": 9, "end": 2}}),
         "not a span"),
        (json.dumps({**ALL[1].to_dict(), "event_text": "\ud800"}), "lone surrogate"),
        (json.dumps({**ALL[1].to_dict(), "quote": "too short"}), "does not fit"),
        (json.dumps({**ALL[1].to_dict(), "document": {"id": "d", "content_hash": "x"}}),
         "SHA-256"),
        (json.dumps({**ALL[1].to_dict(), "document": {"id": "d", "title": 5,
                                                      "content_hash": "0" * 64}}),
         "document.title is a number"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_malformed_line_names_file_and_line_and_stores_nothing(fresh, tmp_path, bad, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{GOOD}\n\n{bad}\n{GOOD}\n", encoding="utf-8")
    with pytest.raises(ReadError, match=problem) as raised:
        import_events(fresh, path)
    assert str(raised.value).startswith(f"{path}:3: ")
    assert isinstance(raised.value, SitrepError) and raised.value.line == 3
    assert [fresh.count(t) for t in ("documents", "events", "event_actors")] == [0, 0, 0]
    assert not fresh.conn.in_transaction


def test_missing_import_file_is_a_read_error(fresh, tmp_path):
    with pytest.raises(ReadError, match="missing.jsonl: cannot open"):
        import_events(fresh, tmp_path / "missing.jsonl")


# -- flat formats ----------------------------------------------------------------------------


def test_csv_has_header_and_one_row_per_event(store, tmp_path):
    path = tmp_path / "events.csv"
    assert export_events(store, path, "csv") == len(ALL)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = {row["id"]: row for row in reader}
    assert tuple(reader.fieldnames) == FLAT_COLUMNS and len(rows) == len(ALL)
    for event in ALL:
        row = rows[event.id]
        assert row["actor_codes"] == ";".join(a.code for a in event.actor)
        assert row["recipient_codes"] == ";".join(a.code for a in event.recipient)
        assert row["context"] == ";".join(event.context)
        assert row["sentence"] == event.text_info.sentence
    assert rows["e5"]["actor_sectors"] == "GOV;"  # parallel to actor_codes USA;GBR
    assert rows["e4"]["outlet"] == "Reuters" and rows["e2"]["country_code"] == "VEN"
    assert rows["e6"]["date"] == "" and rows["e6"]["enddate"] == "2025-12-01"


def test_parquet_reads_back_with_types(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_events(store, path, "parquet") == len(ALL)
    table = pq.read_table(path)
    assert table.num_rows == len(ALL) and table.column_names == list(FLAT_COLUMNS)
    assert sorted(table.column("id").to_pylist()) == sorted(e.id for e in ALL)
    types = {field.name: str(field.type) for field in table.schema}
    assert types["date"] == "date32[day]" and types["quad_code"] == "int64"
    assert types["event_scale"] == "double" and types["evidence_start"] == "int64"
    rows = {row["id"]: row for row in table.to_pylist()}
    assert json.loads(rows["e5"]["actor_codes"]) == ["USA", "GBR"]
    assert json.loads(rows["e5"]["actor_sectors"]) == ["GOV", None]
    assert rows["e5"]["date"].isoformat() == "2025-09-01" and rows["e6"]["date"] is None


def test_parquet_of_nothing_is_an_empty_table(fresh, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    assert export_events(fresh, path, "parquet") == 0
    assert pq.read_table(path).num_rows == 0


# -- partitions by month (ingest --output) -------------------------------------------------------


def test_partitions_by_month_read_as_a_flat_table(tmp_path):
    ds = pytest.importorskip("pyarrow.dataset")
    assert write_partitions(_documents(), tmp_path, "part-a") == dict(Counter(
        e.date[:7] if e.date else "unknown" for e in ALL))
    table = ds.dataset(tmp_path / "events", format="parquet", partitioning="hive").to_table()
    assert table.column_names == [*FLAT_COLUMNS, "data", "month"]
    rows = {row["id"]: row for row in table.to_pylist()}
    for event in ALL:
        row = rows[event.id]
        assert row["month"] == (event.date[:7] if event.date else "unknown")
        line = json.loads(row["data"])
        assert {key: line[key] for key in event.to_dict()} == event.to_dict()
        assert line["document"]["outlet"] == "Example News"
        assert line["quote"] == event.text_info.sentence  # the original text at the span
        assert row["date"] == (None if event.date is None else date.fromisoformat(event.date))
    assert not list(tmp_path.glob("**/.*.partial"))


def test_partitions_import_as_the_jsonl_export_does(store, fresh, tmp_path):
    jsonl = tmp_path / "events.jsonl"
    export_events(store, jsonl, "plover-jsonl")
    for doc in _documents():  # one file per batch and month, as workers write them
        write_partitions([doc], tmp_path / "out", f"part-{doc.id}")
    assert len(partition_files(tmp_path / "out")) == 6
    assert import_events(fresh, tmp_path / "out") == len(ALL)
    assert sorted(_jsonl(fresh)) == sorted(jsonl.read_text(encoding="utf-8").splitlines())
    assert fresh.count("event_actors") == store.count("event_actors")
    assert import_events(fresh, tmp_path / "out") == len(ALL)  # again: nothing duplicated
    assert [fresh.count(t) for t in ("documents", "events")] == [len(EVENTS), len(ALL)]


def test_rewriting_a_partition_replaces_it(tmp_path):
    first = _documents()[:1]  # three events
    write_partitions(first, tmp_path, "part-a")
    write_partitions(first, tmp_path, "part-a")
    pq = pytest.importorskip("pyarrow.parquet")
    assert sum(pq.read_table(f).num_rows for f in partition_files(tmp_path)) == 3


def test_a_directory_without_partitions_or_data_is_refused(fresh, tmp_path):
    with pytest.raises(ReadError, match="no events/month=.*sitrep ingest --output"):
        import_events(fresh, tmp_path)
    folder = tmp_path / "events" / "month=2025-01"
    folder.mkdir(parents=True)
    with _store(tmp_path / "flat.db") as flat:
        export_events(flat, folder / "flat.parquet", "parquet")
    with pytest.raises(ReadError, match="flat.parquet: has no `data` column"):
        import_events(fresh, tmp_path)
    assert fresh.count("events") == 0


def test_unknown_format_and_unwritable_path(store, tmp_path):
    with pytest.raises(SitrepError, match="unknown export format 'xml'"):
        export_events(store, tmp_path / "x.xml", "xml")
    with pytest.raises(SitrepError, match="no-such-dir.*check the directory"):
        export_events(store, tmp_path / "no-such-dir" / "x.csv", "csv")


# -- filters and clusters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["e6", "e5", "e1", "e2", "e3", "e4", "e7"]),  # date order, open start first
        ({"actor": "VEN"}, ["e1", "e2", "e3", "e7"]),
        ({"since": "2025-11-01"}, ["e6", "e3", "e4", "e7"]),  # e6 runs to 2025-12-01
        ({"until": "2025-10-31"}, ["e5", "e1", "e2"]),
        ({"actor": "VEN", "since": "2025-10-18", "until": "2025-11-30"}, ["e2", "e3"]),
    ],
)
def test_filters_match_find_events(store, filters, expected):
    assert _ids(_jsonl(store, **filters)) == expected
    found = analysis.find_events(store, limit=None, **filters)
    assert [e["id"] for e in found] == expected
    out = io.StringIO(newline="")
    assert export_events(store, out, "csv", **filters) == len(expected)


def _cluster(db: Database, cluster_id: str, event_ids: list[str]) -> None:
    """A cluster made by hand, the clusters marked current (so no export rebuilds them)."""
    with db.transaction():
        db.conn.execute("DELETE FROM clusters")
        db.conn.execute(
            "INSERT INTO clusters (id, event, fact_class, first_date, last_date, sources, data) "
            "VALUES (?, 'REQUEST', 'x', NULL, NULL, 1, '{}')",
            (cluster_id,),
        )
        db.conn.executemany(
            "INSERT INTO cluster_members (cluster_id, event_id) VALUES (?, ?)",
            [(cluster_id, event_id) for event_id in event_ids],
        )
        db.mark_clusters_stale(False)


def test_cluster_id_added_when_clusters_exist(store, fresh, tmp_path):
    _cluster(store, "c1", ["e1", "e7"])
    by_id = {json.loads(line)["id"]: json.loads(line) for line in _jsonl(store)}
    assert by_id["e1"]["cluster_id"] == "c1" and by_id["e7"]["cluster_id"] == "c1"
    assert "cluster_id" not in by_id["e3"]
    path = tmp_path / "clustered.jsonl"
    export_events(store, path, "plover-jsonl")
    assert import_events(fresh, path) == len(ALL)  # cluster_id is ignored on the way in ...
    assert fresh.clusters_stale
    rebuilt = [json.loads(line) for line in _jsonl(fresh)]  # ... clusters are built from events
    assert not fresh.clusters_stale
    assert "c1" not in {event["cluster_id"] for event in rebuilt}
    members = dict(fresh.conn.execute("SELECT event_id, cluster_id FROM cluster_members"))
    assert {event["id"]: event["cluster_id"] for event in rebuilt} == members
    assert sorted(({k: v for k, v in e.items() if k != "cluster_id"} for e in rebuilt),
                  key=lambda e: e["id"]) == sorted(
        ({k: v for k, v in e.items() if k != "cluster_id"} for e in by_id.values()),
        key=lambda e: e["id"],
    )


def test_reimport_keeps_cluster_membership(store, tmp_path):
    _cluster(store, "c1", ["e1", "e7"])
    path = tmp_path / "events.jsonl"
    export_events(store, path, "plover-jsonl")
    assert import_events(store, path) == len(ALL)
    members = store.conn.execute("SELECT event_id FROM cluster_members ORDER BY event_id")
    assert [row[0] for row in members] == ["e1", "e7"]


def test_reimport_replaces_changed_events(store, tmp_path):
    path = tmp_path / "events.jsonl"
    changed = {**ALL[0].to_dict(), "event_scale": 9.5, "recipient": []}
    path.write_text(json.dumps(changed) + "\n", encoding="utf-8")
    assert import_events(store, path) == 1
    (stored,) = store.iter_events("WHERE id = 'e1'")
    assert stored["event_scale"] == 9.5 and stored["recipient"] == []
    roles = store.conn.execute("SELECT role FROM event_actors WHERE event_id = 'e1'").fetchall()
    assert [r[0] for r in roles] == ["actor"] and store.count("events") == len(ALL)


def test_store_without_cluster_tables_exports_plain(store):
    store.conn.executescript("DROP TABLE cluster_members; DROP TABLE clusters;")
    lines = _jsonl(store)
    assert len(lines) == len(ALL) and all("cluster_id" not in json.loads(x) for x in lines)


def test_cluster_members_of_another_shape_are_refused(store):
    store.conn.executescript(
        "DROP TABLE cluster_members; CREATE TABLE cluster_members (cluster TEXT, event TEXT);"
    )
    with pytest.raises(StoreError, match="cluster_members has columns"):
        export_events(store, io.StringIO(), "plover-jsonl")


# -- analysis agrees with the events it was computed from ------------------------------------


def _directed(source: str, target: str) -> list[Event]:
    return [
        e for e in ALL
        if e.date and any(a.code == source for a in e.actor)
        and any(r.code == target for r in e.recipient)
    ]  # fmt: skip


def test_dyad_series_counts_and_means_match_the_events(store):
    series = analysis.dyad_series(store, "VEN", "RUS")
    for source, target in (("VEN", "RUS"), ("RUS", "VEN")):
        months: dict[str, list[Event]] = defaultdict(list)
        for event in _directed(source, target):
            months[event.date[:7]].append(event)
        got = {r["month"]: r for r in series if r["direction"] == f"{source}->{target}"}
        assert set(got) == set(months)
        for month, events in months.items():
            assert got[month]["events"] == len(events)
            assert got[month]["mean_score"] == round(mean(e.event_scale for e in events), 3)
            quads = Counter(analysis.QUAD_NAMES[e.quad_code] for e in events)
            assert all(got[month][name] == quads[name] for name in analysis.QUAD_NAMES.values())
    assert {r["month"]: r["events"] for r in series if r["direction"] == "VEN->RUS"} == {
        "2025-10": 2, "2025-11": 1, "2025-12": 1,
    }  # fmt: skip


def test_network_edge_weights_and_scores_match_the_events(store):
    graph = analysis.network(store)
    expected: dict[tuple, list[float]] = defaultdict(list)
    for event in ALL:
        for a in event.actor:
            for r in event.recipient:
                if a.code and r.code and a.code != r.code:
                    expected[(a.code, r.code, event.event)].append(event.event_scale)
    edges = {(e["source"], e["target"], e["type"]): e for e in graph["edges"]}
    assert set(edges) == set(expected)
    for key, scores in expected.items():
        assert edges[key]["weight"] == len(scores)
        assert edges[key]["mean_score"] == round(mean(scores), 3)
    assert edges[("VEN", "RUS", "REQUEST")]["weight"] == 2
    nodes = {n["id"]: n["weight"] for n in graph["nodes"]}
    assert nodes["VEN"] == sum(len(s) for k, s in expected.items() if "VEN" in k[:2])


def test_analysis_agrees_after_a_round_trip(store, fresh, tmp_path):
    path = tmp_path / "events.jsonl"
    export_events(store, path, "plover-jsonl")
    import_events(fresh, path)
    assert analysis.network(fresh) == analysis.network(store)
    assert analysis.dyad_series(fresh, "VEN", "RUS") == analysis.dyad_series(store, "VEN", "RUS")
    assert analysis.timeline(fresh, "VEN") == analysis.timeline(store, "VEN")


def test_two_actors_of_one_country_count_one_event(db):
    doc = Document(id="d", text="Maduro and Gil asked Russia for help.")
    event = _event(1, "d", "REQUEST", 1, 3.0, [VEN, _actor("VEN", "Gil")], [RUS], "2025-10-15")
    doc.events = [event]
    db.save_document(doc)
    (row,) = analysis.dyad_series(db, "VEN", "RUS")
    (edge,) = analysis.network(db)["edges"]
    assert (row["events"], edge["weight"]) == (1, 1)


# -- reliability: no broken files, types checked, documents once, briefs intact ------------------


def _corrupt(db: Database, event_id: str, **fields) -> None:
    """An event stored as an older sitrep (or a hand edit) might have left it."""
    (data,) = db.conn.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
    with db.transaction():
        db.conn.execute("UPDATE events SET data = ? WHERE id = ?",
                        (json.dumps({**json.loads(data), **fields}), event_id))


def test_a_failed_parquet_export_leaves_no_file_behind(store, tmp_path):
    pytest.importorskip("pyarrow")
    _corrupt(store, "e4", confidence="high")
    path = tmp_path / "events.parquet"
    with pytest.raises(ExportError, match="event e4: a value Parquet cannot hold"):
        export_events(store, path, "parquet")
    assert not path.exists() and not list(tmp_path.glob(".events.parquet*"))
    path.write_bytes(b"an older export")
    with pytest.raises(ExportError):
        export_events(store, path, "parquet")
    assert path.read_bytes() == b"an older export"  # replaced only by a complete export


def test_an_export_is_complete_or_absent_for_every_format(store, tmp_path):
    _corrupt(store, "e2", date="next week")
    for fmt in ("csv", "plover-jsonl"):
        path = tmp_path / f"events.{fmt}"
        assert export_events(store, path, fmt) == len(ALL)  # these formats take any value
        assert not list(tmp_path.glob(f".events.{fmt}*"))
    with pytest.raises(ExportError, match="next week"):
        export_events(store, tmp_path / "events.parquet", "parquet")
    assert not (tmp_path / "events.parquet").exists()


def test_importing_an_export_then_ingesting_the_articles_stores_each_once(coder, tmp_path):
    from sitrep.runners.local import ingest

    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "date": "2025-03-02", "outlet": "Reuters", "url": "https://reuters.com/a",
         "text": "Iran asked China for drones in February 2025."},
        {"id": "b", "date": "2025-03-03", "text": "Russia accused Ukraine of shelling the plant."},
    ]), encoding="utf-8")
    with Database(tmp_path / "first.db") as first:
        ingest(first, articles)
        export_events(first, tmp_path / "events.jsonl", "plover-jsonl")
        expected = sorted(_jsonl(first))
    with Database(tmp_path / "second.db") as second:
        import_events(second, tmp_path / "events.jsonl")
        assert second.count("documents") == 2
        summary = ingest(second, articles)
        assert summary.new == 2 and not summary.failures  # the real texts replace the stand-ins
        assert second.count("documents") == 2
        assert [r[0] for r in second.conn.execute("SELECT imported FROM documents")] == [0, 0]
        assert sorted(_jsonl(second)) == expected
        again = ingest(second, articles)
        assert again.already_stored == 2 and second.count("documents") == 2


def test_a_brief_over_imported_events_keeps_its_outlets_and_quotes(coder, tmp_path, seed_text):
    from sitrep.analysis.brief import write_brief
    from sitrep.runners.local import ingest

    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    with Database(tmp_path / "first.db") as first:
        ingest(first, tmp_path / "seed.txt")
        export_events(first, tmp_path / "events.jsonl", "plover-jsonl")
        original = write_brief(first, "Venezuela", "Russia").markdown()
    with Database(tmp_path / "second.db") as second:
        import_events(second, tmp_path / "events.jsonl")
        rebuilt = write_brief(second, "Venezuela", "Russia").markdown()  # clusters built first
    assert "The Washington Post" in original and "“" in original
    assert rebuilt == original
