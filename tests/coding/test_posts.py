"""Posts and listed pairs of words: a group named by two words the agent dictionaries list
together, and a name no one knows placed by its post in a political body (or not, for a
company's post or no post at all). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from ..conftest import event_of


@pytest.mark.parametrize("text, trigger, sector", [
    # two words the agent dictionaries list together name another kind than the head alone
    ("Peacekeeping troops arrived in Goma on Monday.", "arrived", "IGO"),
    ("Rebel forces attacked the town of Bor.", "attacked", "REB"),
    # a modifier the dictionaries do not list with the head leaves the head's kind
    ("Government troops attacked the town of Bor.", "attacked", "MIL"),
])
def test_a_group_named_by_a_listed_pair_of_words(coder, text, trigger, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert actor.sector == sector


@pytest.mark.parametrize("text, trigger, code, sector", [
    # a name no one knows, described by a post in a political body
    ("Jane Roe, a spokeswoman for the United Nations, condemned the attack on the convoy.",
     "condemned", "UNO", "IGO"),
    ("Ahmed Saleh, a spokesman for the Yemeni government, rejected the proposal.", "rejected",
     "YEM", "GOV"),
])
def test_a_name_known_by_its_post_in_a_political_body(coder, text, trigger, code, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize("text", [
    "Jane Roe, a spokeswoman for Sony, criticised the ruling.",  # a company's post
    "Tom Reed, a critic of the Russian government, condemned the arrests.",  # no post
])
def test_a_name_holding_no_political_post_is_not_placed(coder, text):
    events = coder.code_text(text, published="2024-05-01")
    assert not [a for e in events for a in e.actor if a.sector or a.code]


@pytest.mark.parametrize("text, trigger, published, name, code, sector", [
    # a nationality's "counterpart" names the person in apposition, not the nationality alone
    # (was the country with no sector and no name)
    ("The chancellor phoned her Pakistani counterpart Shehbaz Sharif on Tuesday.",
     "phoned", "2023-03-07", "Shehbaz Sharif", "PAK", "GOV"),
    ("The foreign minister met her Iranian counterpart, Mohammad Javad Zarif, in Oslo.",
     "met", "2017-06-01", "Mohammad Javad Zarif", "IRN", "GOV"),
    ("The president criticised his French counterpart, Emmanuel Macron, over the tariffs.",
     "criticised", "2019-08-20", "Emmanuel Macron", "FRA", "GOV"),
])
def test_a_counterpart_named_in_apposition(coder, text, trigger, published, name, code,
                                           sector):
    events = [e for e in coder.code_text(text, published=published) if e.event_text == trigger]
    assert events, f"no event on {trigger!r} in {text!r}"
    (recipient,) = events[0].recipient
    assert (recipient.name, recipient.code, recipient.sector) == (name, code, sector)


@pytest.mark.parametrize("text, trigger, code", [
    # a party's kin are civilians of its country, not the party (PLOVER's FAMILY: CVL)
    ("Relatives of the Kenyan president met the Ugandan foreign minister in Kampala.", "met",
     "KEN"),
    ("The Nigerian senator's family urged the police to release the detained aide.", "urged",
     "NGA"),
])
def test_a_partys_kin_are_civilians_of_its_country(coder, text, trigger, code):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.code, actor.sector) == (code, "CVL")
