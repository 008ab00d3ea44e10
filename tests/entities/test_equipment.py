"""Equipment and sites found in text (entities/equipment.py)."""

from __future__ import annotations

from sitrep.entities.equipment import find_facilities


def test_a_site_is_named_by_its_owner():
    text = "Strikes destroyed an ISIL-held building and a VBIED staging facility."
    found = [text[s:e] for s, e in find_facilities(text)]
    assert "ISIL-held building" in found and "VBIED staging facility" in found


def test_as_well_is_no_well():
    text = "The talks covered efforts to defeat Daesh as well as the refugee crisis."
    assert find_facilities(text) == []
    oil = "Strikes hit an ISIL oil well."
    assert [oil[s:e] for s, e in find_facilities(oil)] == ["ISIL oil well"]
