"""Issue 13, precision in non-political news: the people an entertainment or technology story names
are seldom the office-holders who share a word of their names. Sentences written for these tests;
names of the knowledge base's curated people (Scott Morrison, Shwe Mann, Nicola Willis, Vladimir
Putin, Pak Thae Song)."""

from __future__ import annotations

import pytest

from sitrep.model import Document


def people(coder, text: str, published: str) -> dict[str, str | None]:
    doc = coder.entities(Document(id="x", text=text, published=published))
    return {e.text: e.code for e in doc.entities if e.label == "PERSON"}


@pytest.mark.parametrize(("text", "published", "surname"), [
    ("The singer Mark Morrison played two new tracks in Leeds. Morrison said the tour would "
     "end in March.", "2020-02-11", "Morrison"),
    ("Director Michael Mann wrapped the shoot in Toronto, and the studio said Mann would edit "
     "the film over the summer.", "2014-06-03", "Mann"),
    ("Bruce Willis thanked the crew in Auckland. Willis said the shoot was the hardest of his "
     "career.", "2024-01-20", "Willis"),
])
def test_a_surname_alone_is_the_person_the_document_names_in_full(coder, text, published,
                                                                   surname):
    found = people(coder, text, published)
    assert surname in found and found[surname] is None, found


def test_a_surname_alone_stays_the_listed_person_the_document_names_in_full(coder):
    for text in ("Vladimir Putin met the envoy in Moscow. Putin said the talks would go on.",
                 "Putin said the talks would go on. Vladimir Putin met the envoy in Moscow."):
        found = people(coder, text, "2019-04-02")
        assert found.get("Putin") == "RUS", found


def test_a_common_word_in_lower_cased_text_is_no_one(coder):
    # "song" is the given name of people the knowledge base lists (Pak Thae Song): in a story
    # that lost its capitals it is still a song, not a North Korean official
    text = ("the band played the song live for the first time on friday  and the crowd sang "
            "along. the song reached number two in the charts  the label said.")
    doc = coder.entities(Document(id="x", text=text, published="2021-06-01"))
    assert not [e for e in doc.entities if e.code == "PRK"], doc.entities


@pytest.mark.parametrize("text", [
    "Mike Johnson and the Tigers' coach criticised the league over the ban.",
    "The Tigers sacked their coach after a third defeat in a row.",
    "The referee sent off two Tigers players before half-time.",
])
def test_a_team_named_like_an_armed_group_is_no_armed_group(coder, text):
    # "Tigers" is an armed group's name in the knowledge base (a Phoenix row); in a sports
    # story's sentence it is a team
    doc = coder.entities(Document(id="x", text=text, published="2024-10-12"))
    assert not [e for e in doc.entities if e.sector == "REB"], doc.entities


def test_without_a_sports_word_the_group_keeps_its_row(coder):
    doc = coder.entities(Document(id="x", text="The Tigers attacked an army camp on Monday, "
                                  "the military said.", published="2008-10-12"))
    assert [e for e in doc.entities if e.text == "Tigers" and e.sector == "REB"], doc.entities
