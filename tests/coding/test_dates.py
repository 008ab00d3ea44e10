from __future__ import annotations

import datetime
import socket

import pytest

from sitrep.coding.dates import DateRange, find_dates, normalise_date

from ..conftest import one

D = datetime.date
FRI = D(2025, 10, 31)  # a Friday
MON = D(2026, 1, 5)  # a Monday, just after a year boundary
CHAVEZ = D(1999, 2, 2)

CASES = [
    # part of a month: the latest such month not after the reference
    ("mid-October", FRI, D(2025, 10, 8), D(2025, 10, 24), "part-of-month"),
    ("mid-November", FRI, D(2024, 11, 8), D(2024, 11, 24), "part-of-month"),
    ("early September", FRI, D(2025, 9, 1), D(2025, 9, 10), "part-of-month"),
    ("late September", FRI, D(2025, 9, 21), D(2025, 9, 30), "part-of-month"),
    ("in mid October 2024", FRI, D(2024, 10, 8), D(2024, 10, 24), "part-of-month"),
    ("the end of October", FRI, D(2025, 10, 21), D(2025, 10, 31), "part-of-month"),
    ("late December", MON, D(2025, 12, 21), D(2025, 12, 31), "part-of-month"),
    ("mid-January", MON, D(2026, 1, 8), D(2026, 1, 24), "part-of-month"),
    ("late February 2024", FRI, D(2024, 2, 21), D(2024, 2, 29), "part-of-month"),
    # months
    ("In May 2025", FRI, D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("May 2025", FRI, D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("May", FRI, D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("in December", FRI, D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("last October", FRI, D(2024, 10, 1), D(2024, 10, 31), "month"),
    ("last month", FRI, D(2025, 9, 1), D(2025, 9, 30), "month"),
    ("this month", FRI, D(2025, 10, 1), D(2025, 10, 31), "month"),
    ("last month", MON, D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("two months ago", MON, D(2025, 11, 1), D(2025, 11, 30), "month"),
    # days
    ("on 7 May 2025", FRI, D(2025, 5, 7), D(2025, 5, 7), "day"),
    ("May 7, 2025", FRI, D(2025, 5, 7), D(2025, 5, 7), "day"),
    ("2025-05-07", FRI, D(2025, 5, 7), D(2025, 5, 7), "day"),
    ("the 7th of May", FRI, D(2025, 5, 7), D(2025, 5, 7), "day"),
    ("Tuesday, 7 May 2025", FRI, D(2025, 5, 7), D(2025, 5, 7), "day"),
    ("Nov 7", FRI, D(2024, 11, 7), D(2024, 11, 7), "day"),  # no year: not after the reference
    ("31 October", FRI, D(2025, 10, 31), D(2025, 10, 31), "day"),
    ("December 28", MON, D(2025, 12, 28), D(2025, 12, 28), "day"),
    ("yesterday", FRI, D(2025, 10, 30), D(2025, 10, 30), "day"),
    ("today", FRI, FRI, FRI, "day"),
    ("yesterday", MON, D(2026, 1, 4), D(2026, 1, 4), "day"),
    ("on Tuesday", FRI, D(2025, 10, 28), D(2025, 10, 28), "day"),
    ("on Friday", FRI, FRI, FRI, "day"),  # the reference day itself
    ("last Friday", FRI, D(2025, 10, 24), D(2025, 10, 24), "day"),
    ("on Sunday", MON, D(2026, 1, 4), D(2026, 1, 4), "day"),
    ("two days ago", FRI, D(2025, 10, 29), D(2025, 10, 29), "day"),
    # weeks and years
    ("last week", FRI, D(2025, 10, 20), D(2025, 10, 26), "week"),
    ("last week", MON, D(2025, 12, 29), D(2026, 1, 4), "week"),
    ("three weeks ago", FRI, D(2025, 10, 6), D(2025, 10, 12), "week"),
    ("in 2024", FRI, D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("last year", FRI, D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("this year", FRI, D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("last year", MON, D(2025, 1, 1), D(2025, 12, 31), "year"),
    # vague spans ending at the reference
    ("recently", FRI, D(2025, 8, 2), FRI, "range"),
    ("recent", FRI, D(2025, 8, 2), FRI, "range"),
    ("in recent weeks", FRI, D(2025, 9, 19), FRI, "range"),
    ("in recent months", FRI, D(2025, 5, 4), FRI, "range"),
    ("in recent weeks", MON, D(2025, 11, 24), MON, "range"),
    ("in the past week", FRI, D(2025, 10, 24), FRI, "range"),
    ("over the last two weeks", FRI, D(2025, 10, 17), FRI, "range"),
    ("two decades ago", FRI, D(2005, 1, 1), D(2005, 12, 31), "year"),
    ("over the past decade", FRI, D(2015, 10, 31), FRI, "range"),
    ("earlier this year", FRI, D(2025, 1, 1), FRI, "range"),
    ("in early 2025", FRI, D(2025, 1, 1), D(2025, 4, 30), "range"),
    # open ranges
    ("since the era of Hugo Chávez", FRI, None, FRI, "open"),
    ("since 1999", FRI, D(1999, 1, 1), FRI, "open"),
    ("since March", FRI, D(2025, 3, 1), FRI, "open"),
    ("since December", MON, D(2025, 12, 1), MON, "open"),
    ("continued", FRI, None, FRI, "open"),
    ("ongoing", FRI, None, FRI, "open"),
    ("continuing", FRI, None, FRI, "open"),
    ("until 2021", FRI, None, D(2021, 12, 31), "open"),
    ("by mid-2026", FRI, None, D(2026, 8, 31), "open"),
    ("more than a decade ago", FRI, None, D(2015, 12, 31), "open"),
    ("over three years ago", FRI, None, D(2022, 12, 31), "open"),
    # explicit ranges: the first end takes its year from the second
    ("between March and May 2025", FRI, D(2025, 3, 1), D(2025, 5, 31), "range"),
    ("from 2019 to 2021", FRI, D(2019, 1, 1), D(2021, 12, 31), "range"),
    ("from December to February", FRI, D(2024, 12, 1), D(2025, 2, 28), "range"),
    ("from 7 to 9 May 2025", FRI, D(2025, 5, 7), D(2025, 5, 9), "range"),
    ("from Monday to Wednesday", FRI, D(2025, 10, 27), D(2025, 10, 29), "range"),
    # seasons, northern hemisphere
    ("the autumn of 2025", FRI, D(2025, 9, 1), D(2025, 11, 30), "season"),
    ("this autumn", FRI, D(2025, 9, 1), D(2025, 11, 30), "season"),
    ("summer 2024", FRI, D(2024, 6, 1), D(2024, 8, 31), "season"),
    ("last summer", FRI, D(2025, 6, 1), D(2025, 8, 31), "season"),
    ("last winter", FRI, D(2024, 12, 1), D(2025, 2, 28), "season"),
    ("this winter", MON, D(2025, 12, 1), D(2026, 2, 28), "season"),
]

NOT_DATES = [
    "the request",
    "14 missile units",
    "five",
    "14",
    "1,000",
    "2024",  # a plain number is not a year without a cue
    "Theresa May",
    "may",
    "march",
    "",
    "31 February 2025",
    "2025-13-01",
    "since the request",
    "the fall of Kabul",
    "from 14 to 20 people",
]


@pytest.mark.parametrize(("text", "reference", "start", "end", "precision"), CASES)
def test_normalise_date(text, reference, start, end, precision):
    assert normalise_date(text, reference) == DateRange(start, end, precision, text)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert normalise_date(text, FRI) is None


def test_era_start_from_the_callers_lookup():
    eras = {"Hugo Chávez": CHAVEZ}
    found = normalise_date("since the era of Hugo Chávez", FRI, eras)
    assert (found.start, found.end, found.precision) == (CHAVEZ, FRI, "open")
    assert normalise_date("since the Chávez era", FRI, {"chávez": CHAVEZ}).start == CHAVEZ
    assert (
        normalise_date("since the era of Hugo Chávez", FRI, {"Nicolás Maduro": FRI}).start is None
    )


def test_a_datetime_reference_is_read_as_its_day():
    found = normalise_date("yesterday", datetime.datetime(2025, 10, 31, 23, 59))
    assert found.start == D(2025, 10, 30)


def test_find_dates_gives_offsets_into_the_sentence():
    sentence = (
        "In mid-October, 14 missile units moved; since 1999 the army has fought, "
        "on Tuesday more than 1,000 troops arrived, and in recent weeks between March and May 2025."
    )
    found = find_dates(sentence, FRI)
    assert [sentence[start:end] for start, end, _ in found] == [
        "In mid-October",
        "since 1999",
        "on Tuesday",
        "in recent weeks",
        "between March and May 2025",
    ]
    assert all(sentence[start:end] == found_range.text for start, end, found_range in found)
    assert found[0][2].start == D(2025, 10, 8)


def test_find_dates_agrees_with_normalise_date():
    sentence = (
        "The attack on Tuesday, 28 October 2025 followed fighting earlier this month, "
        "the May 9 parade and clashes over the past week and in the autumn of 2024."
    )
    found = find_dates(sentence, FRI)
    assert [r.text for _, _, r in found] == [
        "on Tuesday, 28 October 2025",
        "earlier this month",
        "May 9",
        "over the past week",
        "in the autumn of 2024",
    ]
    assert all(normalise_date(r.text, FRI) == r for _, _, r in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "14 missile units and 1,000 troops came in 2,024 vehicles.",
        "He said 2023 troops and 1999 tanks were ready.",
        "Theresa May spoke after the fall of Kabul.",
        "A spring offensive may march on.",
        "Talks at Mar-a-Lago ended with a meeting at Jan Egeland's office.",
    ],
)
def test_find_dates_ignores_numbers_and_names(sentence):
    assert find_dates(sentence, FRI) == []


def test_find_dates_needs_a_preposition_before_a_lone_month_or_season():
    sentence = "Theresa May visited in May, in the fall of 2021 and in winter."
    assert [r.text for _, _, r in find_dates(sentence, FRI)] == [
        "in May",
        "in the fall of 2021",
        "in winter",
    ]


def test_find_dates_passes_era_starts_on():
    sentence = "Prices have continued to rise since the era of Hugo Chávez, officials said."
    found = find_dates(sentence, FRI, {"Hugo Chávez": CHAVEZ})
    assert [(r.text, r.start) for _, _, r in found] == [
        ("continued", None),
        ("since the era of Hugo Chávez", CHAVEZ),
    ]


def test_find_dates_reads_an_iso_timestamp_as_its_day():
    found = find_dates("Filed 2025-10-30T10:00:00.5Z, updated 2025-10-31T08:15.", FRI)
    assert [(r.text, r.start) for _, _, r in found] == [
        ("2025-10-30T10:00:00.5Z", D(2025, 10, 30)),
        ("2025-10-31T08:15", D(2025, 10, 31)),
    ]


def test_nothing_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("dates tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert normalise_date("May 7, 2025", D(2024, 3, 3)).start == D(2025, 5, 7)
    assert find_dates("on 7 May 2025 and mid-October", D(2024, 3, 4))


def test_dates_read_against_publication(coder):
    event = one(coder, "Iran asked China for air defence systems in mid-March.", "2025-06-10")
    assert (event.date, event.enddate) == ("2025-03-08", "2025-03-24")
