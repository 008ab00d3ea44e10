"""Generated (Phoenix) rows beside the office tables' terms of the same person: the rows that
fall before, between or after the dated terms are kept (another post the tables do not list),
the rows that overlap a term or run open-ended past one give way, but for their time outside the
terms (`parts_beside_terms`)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.knowledge import beside_terms, office_of_role, parts_beside_terms, shipped_kb
from sitrep.actors.resolve import resolve

D = date.fromisoformat
# Two dated terms and a third still open, as a minister moved between offices would have.
TERMS = [(D("2004-05-10"), D("2006-09-20")), (D("2009-02-01"), D("2011-11-15")),
         (D("2014-03-01"), None)]


@pytest.mark.parametrize("start, end, kept", [
    ("1998-01-01", "2003-12-31", True),    # the career before the tables begin
    (None, "2004-01-31", True),            # the same, its start unknown
    ("2006-10-01", "2008-12-31", True),    # another post between two terms
    ("2006-09-01", "2009-02-28", True),    # the same, dated to the month at both ends
    ("2011-12-01", "2013-11-30", True),    # between the second term and the open one
    ("2005-01-01", "2005-12-31", False),   # inside a term: the table's dates win
    ("2008-01-01", "2010-06-30", False),   # over the start of a term by more than a month
    ("2011-01-01", "2012-06-30", False),   # over the end of a term by more than a month
    ("2015-01-01", "2016-12-31", False),   # inside the open term
    ("2007-01-01", None, False),           # open-ended past a term
    (None, None, False),                   # undated
])
def test_generated_row_beside_terms(start, end, kept):
    assert beside_terms(start and D(start), end and D(end), TERMS) is kept


@pytest.mark.parametrize("text, when, code, sector", [
    # ministers whose tabled office came after another cabinet post the tables do not list
    ("Alan Johnson", "2008-03-01", "GBR", "GOV"),       # health secretary, home secretary later
    ("Margaret Beckett", "2004-06-01", "GBR", "GOV"),   # environment secretary, then foreign
    ("Pierre Pettigrew", "2004-03-01", "CAN", "GOV"),   # health minister, then foreign
    ("Charles Clarke", "2003-07-01", "GBR", "GOV"),     # education secretary, then home
    ("Stockwell Day", "2009-06-01", "CAN", "GOV"),      # trade minister after public safety
    # and while in the tabled office, the table's row
    ("Alan Johnson", "2009-09-01", "GBR", "GOV"),
    ("Stockwell Day", "2007-02-01", "CAN", "GOV"),
])
def test_other_posts_between_tabled_offices_stay_government(text, when, code, sector):
    actor = resolve(text, D(when))
    assert (actor.code, actor.sector) == (code, sector)


# One tabled term, ended: a generated row still open that began after it is a later post.
ONE_TERM = [(D("2004-05-10"), D("2006-09-20"))]


@pytest.mark.parametrize("terms, start, end, parts", [
    (TERMS, "1998-01-01", "2003-12-31", [("1998-01-01", "2003-12-31")]),  # beside: kept whole
    (TERMS, "2003-01-01", "2005-12-31", [("2003-01-01", "2004-05-10")]),  # over a term's start
    (TERMS, "2005-01-01", "2010-06-30", [("2006-09-20", "2009-02-01")]),  # over an end and a start
    (TERMS, "2003-01-01", None, [("2003-01-01", "2004-05-10")]),  # open: the post before only
    (TERMS, "2004-06-01", None, []),            # open, begun inside a term: that term's office
    (TERMS, "2004-04-20", None, []),            # the same, dated a few weeks early
    (TERMS, "2005-01-01", "2006-08-31", []),    # inside a term: the table's dates win
    (TERMS, None, "2005-01-01", []),            # its start unknown
    (ONE_TERM, "2007-03-01", None, [("2007-03-01", None)]),  # open, begun after: a later post
])
def test_generated_row_parts_beside_terms(terms, start, end, parts):
    got = parts_beside_terms(start and D(start), end and D(end), terms)
    assert got == [(D(first), last and D(last)) for first, last in parts]


@pytest.mark.parametrize("text, when, code, sector", [
    # Phoenix's finance minister of 2003-2007, prime minister in the tables from 2004-08-28
    ("Shaukat Aziz", "2003-06-01", "PAK", "GOV"),
    # Phoenix's vice-president from 2007 (open), tabled president 2010-2015: not still in office
    ("Goodluck Jonathan", "2008-06-01", "NGA", "GOV"),
    ("Goodluck Jonathan", "2017-01-01", "NGA", "ELI"),
])
def test_generated_rows_keep_their_time_outside_the_tabled_terms(text, when, code, sector):
    actor = resolve(text, D(when))
    assert (actor.code, actor.sector) == (code, sector)


def test_undated_mention_takes_the_latest_role():
    # with no date, a person's latest-starting role (the president of 2001-2008), not the row
    # read last (a part of Phoenix's row of his career before the tabled army command)
    actor = resolve("Pervez Musharraf", None)
    assert (actor.code, actor.sector) == ("PAK", "GOV")


@pytest.mark.parametrize("role, country, office", [
    ("Prime Minister of Japan", "JPN", "head_of_government"),
    ("Minister of Foreign Affairs (acting)", "IRN", "foreign_minister"),
    ("Minister of Interior, Justice and Peace", "VEN", "interior_minister"),
    ("Defence Minister and Deputy Prime Minister", "AUS", "defence_minister"),
    # a longer title that only begins like an office is another post
    ("Chief of Defence Intelligence", "UKR", None),
    ("Chief of Defence Procurement", "GBR", None),
    ("Defence Minister's Chief Adviser", "GBR", None),
])
def test_office_of_role_takes_a_title_only_where_it_ends(role, country, office):
    assert office_of_role(shipped_kb(), role, country) == office
