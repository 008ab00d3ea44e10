"""Groups named by their tie to a party (its kin, opponents, supporters) are not the party.
Mentions written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve

WHEN = date(2022, 5, 1)


@pytest.mark.parametrize("mention, code, sector", [
    ("relatives of the Kenyan president", "KEN", "CVL"),
    ("the Kenyan president's family", "KEN", "CVL"),
    ("opponents of the Kenyan government", "KEN", "OPP"),
    ("supporters of President Joe Biden", "USA", None),
    ("Toyota's rivals", None, None),  # a company's rivals: no country of the company's
])
def test_a_group_tied_to_a_party_is_not_the_party(mention, code, sector):
    actor = resolve(mention, WHEN)
    assert (actor.code, actor.sector, actor.kb_id) == (code, sector, None)


def test_a_listed_name_of_that_shape_stays_the_listed_body():
    # an armed group the knowledge base lists under a "Supporters of ..." name
    assert resolve("Supporters of Horst Ludwig Meyer", WHEN).kb_id is not None
