"""Date expressions in news text, normalised against a reference (publication) date.

Everything reporters write about time is turned into a `DateRange`: a start and an end day (either
may be open) and a precision saying how vague the expression was. A regex grammar finds and reads
the expressions dateparser cannot ("mid-October", "in recent weeks", "since 1999", "the autumn of
2025", "between March and May 2025"); dateparser reads written calendar days ("7 May 2025",
"Tuesday, May 7") so their many spellings stay its problem. Conventions:

- A month, season or day written without a year is the latest one not after the reference.
- early = days 1-10 of a month, mid = 8-24, late = 21-end; early/mid/late YEAR = Jan-Apr,
  May-Aug, Sep-Dec. Seasons are northern-hemisphere; "winter 2024" is Dec 2024 - Feb 2025.
- "last week" is the Monday-Sunday week before the reference's week; "the past week" is the
  seven days up to the reference. "on Tuesday" may be the reference day itself.
- "recent(ly)" = 90 days up to the reference, "recent days/weeks/months/years" = 7/42/180/1095.
- A bare number is never a year: it needs a cue (in, of, since, by, until, from, between,
  early/mid/late or a month name) and must fall in 1900-2100. A lone month or season name found
  in running text needs a preposition before it ("Theresa May", "the fall of Kabul").
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.actors.knowledge import KnowledgeBase, fold
from sitrep.model import Document, Event

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

    from sitrep.entities.mentions import Mentions

Span = tuple[datetime.date | None, datetime.date | None, str]  # start, end, precision


@dataclass(frozen=True)
class DateRange:
    start: datetime.date | None  # None = open start
    end: datetime.date | None  # None = open end
    precision: str  # "day", "week", "month", "part-of-month", "season", "year", "range", "open"
    text: str  # the expression as written


# Month and weekday names are matched case-sensitively: lowercase "may" and "march" are verbs.
# An abbreviation may not run into a hyphen: "Mar-a-Lago" is no month.
MONTH_ABBREVIATION = r"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|(?![\w-])))"
MONTH = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November"
    rf"|December)(?!\w)|{MONTH_ABBREVIATION})"
)
WEEKDAY = r"(?-i:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\w))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
YEAR = r"(?<![\d,.])(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
UNIT = r"(?:day|week|month|year|decade)s?"
NUMBER_WORDS = "a an one two three four five six seven eight nine ten eleven twelve"
COUNTS = {word: max(1, n - 1) for n, word in enumerate(NUMBER_WORDS.split())}  # a, an = 1
COUNT = r"(?:\d{1,3}|" + "|".join(COUNTS) + r")(?!\w)"
PART = r"(?:early|mid|late|end|(?:the\s+)?(?:beginning|start|middle|end)\s+of)"
PREP = r"(?:in|on|during|throughout|over|at|for)"
NAME = r"(?-i:[A-Z\u00c0-\u00de][\w'’-]*(?:\s+[A-Z\u00c0-\u00de][\w'’-]*)*)"
ERA = (
    rf"(?:the\s+(?:era|days|time|rule|reign|presidency|government|administration)\s+of\s+{NAME}"
    rf"|(?:the\s+)?{NAME}\s+(?:era|years|presidency|government|administration))"
)

SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
PART_DAYS = {"early": (1, 10), "mid": (8, 24), "late": (21, 31)}
PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
PART_WORDS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
RECENT_DAYS = {"": 90, "days": 7, "weeks": 42, "months": 180, "years": 1095}
DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1}


def _month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def _shift_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier), clipped to the length of the target month."""
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    return datetime.date(year, index + 1, min(day.day, calendar.monthrange(year, index + 1)[1]))


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _month_number(name: str) -> int:
    return "janfebmaraprmayjunjulaugsepoctnovdec".index(name[:3].lower()) // 3 + 1


def _weekday_number(name: str) -> int:
    return "montuewedthufrisatsun".index(name[:3].lower()) // 3


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


def _words(text: str | None) -> str:
    """Lowercase with single spaces, so "earlier  This" and "earlier this" compare equal."""
    return " ".join(text.lower().split()) if text else ""


def _year_of_month(month: int, reference: datetime.date, relation: str | None) -> int:
    """The year of the named month: the latest not after the reference unless told otherwise."""
    if relation == "this":
        return reference.year
    if relation == "next":
        return reference.year + (month <= reference.month)
    if relation == "last":
        return reference.year - (month >= reference.month)
    return reference.year - (month > reference.month)


@lru_cache(maxsize=64)
def _dateparser_for(reference: datetime.date) -> DateDataParser:
    # One parser per reference date: RELATIVE_BASE is fixed when the parser is made. dateparser
    # is imported here, at the first written day, not with sitrep (a text without a reference
    # date never reads one).
    from dateparser.date import DateDataParser

    base = datetime.datetime.combine(reference, datetime.time())
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _written_day(match: re.Match, reference: datetime.date) -> Span | None:
    parsed = _dateparser_for(reference).get_date_data(match.group()).date_obj
    return (parsed.date(), parsed.date(), "day") if parsed else None


def _iso_day(match: re.Match, reference: datetime.date) -> Span | None:
    try:
        day = datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:  # dateparser would quietly read 2025-13-01 as 13 January
        return None
    return day, day, "day"


def _part_of_month(match: re.Match, reference: datetime.date) -> Span:
    month = _month_number(match["mon"])
    year = int(match["y"]) if match["y"] else _year_of_month(month, reference, None)
    part = _words(match["part"]).removeprefix("the ").split()[0]
    first_day, last_day = PART_DAYS[PART_WORDS.get(part, part)]
    first, last = _month_bounds(year, month)
    return first.replace(day=first_day), last.replace(day=min(last_day, last.day)), "part-of-month"


def _part_of_year(match: re.Match, reference: datetime.date) -> Span:
    step = {"last": -1, "next": 1}.get(_words(match["rel"]), 0)
    year = int(match["y"]) if match["y"] else reference.year + step
    part = _words(match["part"]).removeprefix("the ").split()[0]
    first_month, last_month = PART_MONTHS[PART_WORDS.get(part, part)]
    return _month_bounds(year, first_month)[0], _month_bounds(year, last_month)[1], "range"


def _month(match: re.Match, reference: datetime.date) -> Span:
    month = _month_number(match["mon"])
    year = int(match["y"]) if match["y"] else _year_of_month(month, reference, _words(match["rel"]))
    return *_month_bounds(year, month), "month"


def _season_bounds(season: str, year: int) -> tuple[datetime.date, datetime.date]:
    first = SEASON_FIRST_MONTH[season]
    last_month = _shift_months(datetime.date(year, first, 1), 2)
    return datetime.date(year, first, 1), _month_bounds(last_month.year, last_month.month)[1]


def _season(match: re.Match, reference: datetime.date) -> Span | None:
    season, relation = match["season"].lower(), _words(match["rel"])
    if match["y"]:
        return *_season_bounds(season, int(match["y"])), "season"
    if relation == "this":  # January's "this winter" began the December before
        year = reference.year - (season == "winter" and reference.month <= 2)
        return *_season_bounds(season, year), "season"
    seasons = [_season_bounds(season, reference.year + k) for k in (-2, -1, 0, 1)]
    if relation == "next":
        return *min(s for s in seasons if s[0] > reference), "season"
    if relation == "last":  # the latest one already over
        return *max(s for s in seasons if s[1] < reference), "season"
    return *max(s for s in seasons if s[0] <= reference), "season"


def _weekday(match: re.Match, reference: datetime.date) -> Span:
    weekday = _weekday_number(match["wd"])
    relation = _words(match["rel"])
    if relation == "next":
        day = reference + datetime.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    else:  # "last Tuesday" said on a Tuesday is a week ago; "on Tuesday" is that very day
        back = (reference.weekday() - weekday) % 7 or (7 if relation == "last" else 0)
        day = reference - datetime.timedelta(days=back)
    return day, day, "day"


def _ago(match: re.Match, reference: datetime.date) -> Span:
    count, unit = _count(match["n"]), match["unit"].lower().rstrip("s")
    if unit == "day":
        day = reference - datetime.timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        monday = _monday(reference - datetime.timedelta(weeks=count))
        return monday, monday + datetime.timedelta(days=6), "week"
    if unit == "month":
        month = _shift_months(reference, -count)
        return *_month_bounds(month.year, month.month), "month"
    return *_year_bounds(reference.year - count * (10 if unit == "decade" else 1)), "year"


def _trailing(match: re.Match, reference: datetime.date) -> Span:
    count = _count(match["n"]) if match["n"] else 1
    unit = match["unit"].lower().rstrip("s")
    if unit in ("day", "week"):
        start = reference - datetime.timedelta(days=count * (7 if unit == "week" else 1))
    else:
        start = _shift_months(reference, -count * {"year": 12, "decade": 120}.get(unit, 1))
    return start, reference, "range"


def _calendar(match: re.Match, reference: datetime.date) -> Span:
    relation, unit = _words(match["rel"]), match["unit"].lower()
    step = {"last": -1, "next": 1}.get(relation, 0)
    if unit == "week":
        start = _monday(reference) + datetime.timedelta(weeks=step)
        end = start + datetime.timedelta(days=6)
    elif unit == "month":
        month = _shift_months(reference, step)
        start, end = _month_bounds(month.year, month.month)
    else:
        start, end = _year_bounds(reference.year + step)
    if relation == "earlier this":
        return start, reference, "range"
    return start, end, unit


def _day_word(match: re.Match, reference: datetime.date) -> Span:
    word = _words(match["w"]).removeprefix("the ")
    offset = -2 if word == "day before yesterday" else DAY_WORD_OFFSETS.get(word, 0)
    day = reference + datetime.timedelta(days=offset)
    return day, day, "day"


AtomHandler = Callable[[re.Match, datetime.date], Span | None]
ATOM_RULES: list[tuple[str, AtomHandler]] = [
    (r"(?P<y>\d\d\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:T[\d:]+(?:\.\d+)?(?:Z|[+-][\d:]+)?)?", _iso_day),
    (
        rf"(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY})"
        rf"(?:,?\s+{YEAR})?",
        _written_day,
    ),
    (rf"(?P<part>{PART})[\s-]+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", _part_of_month),
    (rf"(?P<part>{PART})[\s-]+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)", _part_of_year),
    (rf"(?:(?P<rel>last|this|next)\s+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?", _month),
    (
        rf"(?:(?P<rel>last|this|next)\s+)?(?P<season>{SEASON})"
        rf"(?:(?:\s+of)?\s+(?P<y>{YEAR})|(?!\s+of\b))",  # "the fall of Kabul" is no season
        _season,
    ),
    (rf"(?:(?P<rel>last|this|next)\s+)?(?P<wd>{WEEKDAY})", _weekday),
    (rf"(?P<n>{COUNT})\s+(?P<unit>{UNIT})\s+ago", _ago),
    (
        rf"(?P<lead>(?:the\s+)?past|the\s+last|last(?=\s+{COUNT}))\s+(?:(?P<n>{COUNT})\s+)?"
        rf"(?P<unit>{UNIT})",
        _trailing,
    ),
    (r"(?P<rel>last|this|next|earlier\s+this)\s+(?P<unit>week|month|year)", _calendar),
    (
        r"(?P<w>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday"
        r"|this\s+(?:morning|afternoon|evening)|last\s+night)",
        _day_word,
    ),
]


def _unnamed(pattern: str) -> str:
    """The pattern with its groups made anonymous, so that several can be combined into one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@lru_cache(maxsize=1)
def _atoms() -> list[tuple[re.Pattern, AtomHandler]]:
    return [(re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in ATOM_RULES]


ANY_ATOM = "(?:" + "|".join(_unnamed(pattern) for pattern, _ in ATOM_RULES) + ")"
ANCHOR = rf"(?:{ANY_ATOM}|the\s+{ANY_ATOM}|{YEAR})"  # after since/until/between a year is plain
LEADING_THE = re.compile(r"the\s+", re.IGNORECASE)
LEADING_PREP = re.compile(rf"{PREP}\s+", re.IGNORECASE)
ERA_WORDS = re.compile(
    r"^(?:the\s+)?(?:\w+\s+of\s+)?|\s+(?:era|years|presidency|government|administration)$",
    re.IGNORECASE,
)


def _parse_anchor(text: str, reference: datetime.date, plain_year: bool = False) -> Span | None:
    for regex, handler in _atoms():
        if (match := regex.fullmatch(text)) and (span := handler(match, reference)):
            return span
    if the := LEADING_THE.match(text):
        return _parse_anchor(text[the.end() :], reference, plain_year)
    if plain_year and re.fullmatch(YEAR, text):
        return *_year_bounds(int(text)), "year"
    return None


def _era_start(era: str, era_starts: Mapping[str, datetime.date]) -> datetime.date | None:
    """The caller's start date for an era, by its whole phrase or the name inside it."""
    starts = {name.casefold(): start for name, start in era_starts.items()}
    names = (era, LEADING_THE.sub("", era, count=1), ERA_WORDS.sub("", era))
    return next((starts[n.casefold()] for n in names if n.casefold() in starts), None)


def _since(match: re.Match, reference: datetime.date, eras: Mapping) -> Span | None:
    anchor = _parse_anchor(match["what"], reference, plain_year=True)
    start = anchor[0] if anchor else _era_start(match["what"], eras)
    return None if start and start > reference else (start, reference, "open")


def _until(match: re.Match, reference: datetime.date, eras: Mapping) -> Span | None:
    anchor = _parse_anchor(match["what"], reference, plain_year=True)
    return (None, anchor[1], "open") if anchor else None


def _between(match: re.Match, reference: datetime.date, eras: Mapping) -> Span | None:
    last = _parse_anchor(match["b"], reference, plain_year=True)
    if last is None:
        return None
    last_start, last_end, precision = last
    if last_start is None or last_end is None:
        return None
    if day := re.fullmatch(r"(\d\d?)(?:st|nd|rd|th)?", match["a"]):  # "from 7 to 9 May"
        first = last_start.replace(day=int(day[1])) if precision == "day" else None
    else:  # the first end is read before the second: "between March and May 2025"
        anchor = _parse_anchor(match["a"], last_end, plain_year=True)
        first = anchor[0] if anchor else None
    return (first, last_end, "range") if first and first <= last_end else None


def _year(match: re.Match, reference: datetime.date, eras: Mapping) -> Span:
    return *_year_bounds(int(match["y"])), "year"


def _recent(match: re.Match, reference: datetime.date, eras: Mapping) -> Span:
    days = RECENT_DAYS[_words(match["unit"])]
    return reference - datetime.timedelta(days=days), reference, "range"


def _longer_ago(match: re.Match, reference: datetime.date, eras: Mapping) -> Span | None:
    """"more than a decade ago": at the latest then, how much earlier unknown."""
    anchor = _parse_anchor(match["what"], reference)
    return (None, anchor[1], "open") if anchor else None


def _ongoing(match: re.Match, reference: datetime.date, eras: Mapping) -> Span:
    return None, reference, "open"


PhraseHandler = Callable[[re.Match, datetime.date, Mapping], Span | None]
PHRASE_RULES: list[tuple[str, PhraseHandler]] = [
    (rf"since\s+(?P<what>{ANCHOR}|{ERA})", _since),
    (rf"(?:until|till|by)\s+(?P<what>{ANCHOR})", _until),
    (
        rf"(?:between|from)\s+(?P<a>{ANCHOR}|{DAY})\s*(?:and|to|until|till|through|[-–—])\s*"
        rf"(?P<b>{ANCHOR})",
        _between,
    ),
    (rf"(?:in|of|during|throughout)\s+(?:the\s+year\s+)?(?P<y>{YEAR})", _year),
    (
        r"(?:(?:in|over|during)\s+(?:the\s+)?)?recent\s+(?P<unit>days|weeks|months|years)"
        r"|recent(?:ly)?",
        _recent,
    ),
    (r"ongoing|continued|continuing", _ongoing),
    (rf"(?:more\s+than|over)\s+(?P<what>{COUNT}\s+{UNIT}\s+ago)", _longer_ago),
]


# The expressions are compiled at their first use, not at import (FINDER alone takes tens of
# milliseconds): a text without a reference date reads no dates (date_for), and a process
# coding only such texts never compiles them.
@lru_cache(maxsize=1)
def _phrases() -> list[tuple[re.Pattern, PhraseHandler]]:
    return [(re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in PHRASE_RULES]


# Running text keeps "the" only before a season ("the autumn of 2025"); in "the May 9 parade"
# it belongs to the parade.
SEASON_ATOM = next(_unnamed(pattern) for pattern, handler in ATOM_RULES if handler is _season)
FINDER = (
    r"(?<!\w)(?:"
    + "|".join(_unnamed(pattern) for pattern, _ in PHRASE_RULES)
    + rf"|(?:{PREP}\s+)?(?:{ANY_ATOM}|the\s+{SEASON_ATOM}))(?!\w)"
)
# "May" alone is as often Theresa May, "the fall" the fall of a city, "at Jan" at Jan Egeland's.
LONE_NAME = rf"(?:the\s+)?(?:{MONTH}|{SEASON})|{PREP}\s+{MONTH_ABBREVIATION}"


@lru_cache(maxsize=4)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def normalise_date(
    text: str, reference: datetime.date, era_starts: Mapping[str, datetime.date] | None = None
) -> DateRange | None:
    """The dates `text` stands for, read on `reference`; None when it is not a date expression.

    `era_starts` maps era names ("Hugo Chávez", "the Chávez era") to the day each began, for
    "since the era of ..." phrases.
    """
    written = text.strip()
    if isinstance(reference, datetime.datetime):  # a datetime would not compare with dates
        reference = reference.date()
    for regex, handler in _phrases():
        if (match := regex.fullmatch(written)) and (
            span := handler(match, reference, era_starts or {})
        ):
            return DateRange(*span, written)
    prep = LEADING_PREP.match(written)
    span = _parse_anchor(written[prep.end() :] if prep else written, reference)
    return DateRange(*span, written) if span else None


def find_dates(
    sentence: str, reference: datetime.date, era_starts: Mapping[str, datetime.date] | None = None
) -> list[tuple[int, int, DateRange]]:
    """Every date expression in `sentence`, as (start, end) character offsets and its range."""
    found = []
    lone_name = _compiled(LONE_NAME)
    for match in _compiled(FINDER).finditer(sentence):
        if lone_name.fullmatch(match.group()):
            continue
        if found_range := normalise_date(match.group(), reference, era_starts):
            found.append((match.start(), match.end(), found_range))
    return found


# -- dates of events ----------------------------------------------------------------------------


def date_for(trigger, sentence, reference: datetime.date | None,
             era_starts: Mapping[str, datetime.date],
             is_saying: Callable[[str], bool] | None = None) -> DateRange | None:
    """The date an event's sentence gives it: the expression inside the trigger's phrase,
    else the one nearest the trigger. With `is_saying`, a date in the clause of a verb of saying
    other than the trigger dates the report, not the event ("X asked Y for help, the newspaper
    reported on Friday"): the event has no date of its own then."""
    if reference is None:
        return None
    offset = sentence.start_char
    found = find_dates(sentence.text, reference, era_starts)
    # a wire dateline ("LA PAZ, Oct 21 -") dates the report
    found = [f for f in found if not DATELINE.match(sentence.text[:f[0]])]
    if is_saying is not None:
        found = [f for f in found if not _dates_report(sentence, offset + f[0], trigger,
                                                       is_saying)]
    if not found:
        return None
    subtree = {t.idx for t in trigger.subtree}
    inside = [f for f in found if any(offset + f[0] <= i < offset + f[1] for i in subtree)]
    pool = inside or found
    best = min(pool, key=lambda f: abs(offset + f[0] - trigger.idx))
    return best[2]


DATELINE = re.compile(r"^\W*(?:[^\n]*\n)?\s*[A-Z][A-Z .'’-]{2,40},\s*$")


def _dates_report(sentence, start: int, trigger, is_saying: Callable[[str], bool]) -> bool:
    """Whether the date expression at `start` hangs from a verb of saying before it reaches the
    trigger (up the parse)."""
    token = next((t for t in sentence if t.idx <= start < t.idx + len(t)), None)
    steps = 0
    while token is not None and token.i != trigger.i and steps < 12:
        if token.pos_ in {"VERB", "AUX"} and is_saying(token.lemma_.lower()):
            return True
        if token.head.i == token.i:
            return False
        token, steps = token.head, steps + 1
    return False


def era_starts(sentence, mentions: Mentions, kb: KnowledgeBase) -> dict[str, datetime.date]:
    """When each leader a sentence names first took office ("since the era of X")."""
    starts = {}
    for mention in mentions.between(sentence.start_char, sentence.end_char):
        if mention.label == "PERSON" and mention.actor:
            began = [e.start for e in kb.names.get(fold(mention.actor.name or ""), [])
                     if e.start and e.kind == "person" and e.sector == "GOV"]
            if began:
                text = sentence.text[mention.start - sentence.start_char:
                                     mention.end - sentence.start_char]
                starts[text] = min(began)
    return starts


def set_date(event: Event, found: DateRange | None, modality: str,
             reference: datetime.date | None) -> None:
    if found:
        event.date = found.start.isoformat() if found.start else None
        event.enddate = found.end.isoformat() if found.end else None
        event.date_text = found.text
        event.date_basis = "text"
    elif reference and modality in {"asserted", "reported"}:
        # Stated without a date: it holds at publication time, read as the preceding quarter.
        event.date = (reference - datetime.timedelta(days=90)).isoformat()
        event.enddate = reference.isoformat()
        event.date_basis = "report"


def span_days(found: DateRange) -> int:
    if found.start is None or found.end is None:
        return 10**6
    return (found.end - found.start).days


def reference_date(doc: Document) -> datetime.date | None:
    """The date a document's relative expressions are read against (stated, else inferred)."""
    value = doc.reference_date
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
