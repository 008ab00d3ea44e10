"""Source independence: reports resting on one original source are one source, whatever their
number; a report of an outlet's own reporting is its own."""

from __future__ import annotations

from sitrep.analysis.sources import Report, origins

POST = {"outlet": "The Washington Post", "basis": "leaked U.S. government documents",
        "url": "https://www.washingtonpost.com/world/2025/10/31/x/", "date": "2025-10-31"}


def report(doc_id, publisher, attribution=None, published="2025-11-01"):
    return Report(doc_id=doc_id, publisher=publisher, published=published,
                  attribution=attribution)


def test_rewrites_of_one_scoop_are_one_source():
    groups = origins([
        report("a", "Wire One", POST),
        report("b", "Aggregator", {"outlet": "The Washington Post", "basis": "documents"}),
        report("c", "Daily Two", {"outlet": "The Washington Post", "basis": None}),
        report("d", None, {"outlet": None, "url": POST["url"], "basis": None}),
    ])
    assert len(groups) == 1
    (only,) = groups
    assert only.cited and only.outlet == "The Washington Post" and only.date == "2025-10-31"
    assert only.documents == ["a", "b", "c", "d"]
    assert only.publishers == ["Aggregator", "Daily Two", "Wire One"]


def test_the_original_joins_the_rewrites_citing_it():
    groups = origins([report("post", "The Washington Post", None, published="2025-10-31"),
                      report("a", "Wire One", POST)])
    assert len(groups) == 1 and groups[0].documents == ["a", "post"]


def test_own_reporting_is_independent():
    groups = origins([
        report("a", "Wire One", POST),
        report("b", "Chaco Herald", {"outlet": None, "basis": "officials"}),
        report("c", "Chaco Herald", {"outlet": "Chaco Herald", "basis": "a letter"}),
        report("d", None),  # no publisher, no citation: its own source
    ])
    assert [(g.cited, g.outlet, g.documents) for g in groups] == [
        (True, "The Washington Post", ["a"]), (False, "Chaco Herald", ["b", "c"]),
        (False, None, ["d"])]


def test_one_outlet_with_different_kinds_of_basis_is_two_sources():
    groups = origins([
        report("a", "Wire One", {"outlet": "The Guardian", "basis": "leaked documents"}),
        report("b", "Wire Two", {"outlet": "The Guardian", "basis": "officials"}),
        report("c", "Wire Three", {"outlet": "The Guardian", "basis": None}),
    ])
    assert [g.documents for g in groups] == [["a", "c"], ["b"]]
