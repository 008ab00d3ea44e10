"""Bodies a mention names by its head noun or by a longer proper name (issue 13): a military
command of a country, a body that is a kind (a national guard) rather than one state's, a known
name that only opens another body's name, and group nouns PLOVER gives no sector."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve

WHEN = date(2022, 3, 1)


def resolved(text: str) -> tuple[str | None, str | None]:
    actor = resolve(text, WHEN)
    return actor.code, actor.sector


@pytest.mark.parametrize(("text", "code", "sector"), [
    # a country's military command, named by its region: the country's military
    ("India's Northern Command", "IND", "MIL"),
    ("the Nigerian Navy's Western Naval Command", "NGA", "MIL"),
    ("Ukraine's Operational Command South", "UKR", "MIL"),
    # guards (passed before): a military region, and a region's police command is the police
    ("the Egyptian army's Eastern Military Region", "EGY", "MIL"),
    ("Kano State Police Command", "NGA", "COP"),
])
def test_a_countrys_command_is_its_military(text, code, sector):
    assert resolved(text) == (code, sector)
