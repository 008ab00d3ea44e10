"""Reversing a restriction, a penalty or a tie: revoke, rescind, overturn, quash, annul, reverse,
invalidate, nullify (data/triggers.tsv rows after CAMEO's REVOKE_ block;
docs/codebook-boundaries.md, "Reversing a restriction or a penalty")."""

from __future__ import annotations

import pytest

from ..conftest import codes, one


@pytest.mark.parametrize("text, recipient", [
    # undoing a restriction or a penalty eases it: CONCEDE (CAMEO 081, manual §CONCEDE); before
    # the rows the detention, the ban or the conviction named in the object was coded as imposed
    ("An appeals court in Nairobi quashed the conviction of the Kenyan journalist.", ["KEN"]),
    ("A court in Lima revoked the decision on the pre-trial detention of the former Peruvian "
     "minister.", ["PER"]),
    ("The Thai cabinet rescinded the curfew in the southern provinces.", None),
    ("The Zambian government reversed its decision to deport the Chinese traders.", None),
])
def test_reversing_a_restriction_or_a_penalty_is_a_concession(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "CONCEDE"
    if recipient:
        assert codes(event.recipient) == recipient


def test_reversing_sanctions_eases_them(coder):
    event = one(coder, "The European Union reversed its sanctions on Belarusian potash.")
    assert event.event == "RETREAT" and codes(event.recipient) == ["BLR"]


def test_revoking_a_right_to_report_or_to_belong_restricts(coder):
    # CAMEO REVOKE RIGHTS OF [1721], REVOKE CITIZENSHIP [172]: COERCE restrict
    event = one(coder, "Russia revoked the accreditation of two Dutch journalists.")
    assert (event.event, event.mode) == ("COERCE", "restrict") and codes(event.recipient) == ["NLD"]


def test_revoking_an_agreement_reduces_relations(coder):
    # CAMEO RESCIND [160], REVOKE RECOGNITION OF [160]: SANCTION discontinue
    event = one(coder, "Niger revoked its defence agreement with France.")
    assert (event.event, event.mode) == ("SANCTION", "discontinue") and codes(event.recipient) == ["FRA"]


@pytest.mark.parametrize("text", [
    "The referee's decision was overturned after a video review.",
    "The retailer reversed its earlier losses in the second quarter.",
])
def test_other_reversals_are_no_event(coder, text):
    # controls (pass without the rows too): no party eased, no restriction named
    assert coder.code_text(text) == [] or not any(
        e.event in {"CONCEDE", "RETREAT", "COERCE", "SANCTION"} for e in coder.code_text(text))
