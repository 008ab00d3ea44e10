"""Mentions and entities: names resolved to actors, sites, offsets into the original text."""

from __future__ import annotations


def test_sites_named_by_owner_or_weapon_are_locations(coder):
    from sitrep.model import Document

    text = "Coalition aircraft destroyed an ISIL-held building and a VBIED facility near Mosul."
    doc = coder.code(Document(id="x", text=text, published="2016-01-05"))
    places = {e.text for e in doc.entities if e.label == "FAC"}
    assert {"ISIL-held building", "VBIED facility"} <= places
