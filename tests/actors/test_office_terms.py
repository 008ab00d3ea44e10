"""Generated (Phoenix) rows beside the office tables' terms of the same person: the rows that
fall before, between or after the dated terms are kept (another post the tables do not list),
the rows that overlap a term or run open-ended past one give way."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.knowledge import beside_terms
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
