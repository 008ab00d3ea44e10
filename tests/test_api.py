"""The public Python surface stays explicit (sitrep.__all__)."""

from __future__ import annotations

import sitrep


def test_all_names_exist_and_nothing_else_is_advertised():
    assert sorted(sitrep.__all__) == sorted(set(sitrep.__all__))
    for name in sitrep.__all__:
        assert hasattr(sitrep, name), name


def test_python_api_end_to_end(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "a", "date": "2025-03-01", "text": "Iran asked China for drones '
                    'in February 2025."}\n', encoding="utf-8")
    with sitrep.Database(tmp_path / "s.db") as db:
        summary = sitrep.ingest(db, [str(path)], code_events=True)
        assert summary.new == 1 and summary.events == 1
        (event,) = sitrep.find_events(db, actor="IRN")
        assert event["event"] == "REQUEST" and event["date"] == "2025-02-01"
        assert "Iran" in sitrep.write_brief(db, "Iran").markdown()
