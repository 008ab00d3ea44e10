"""Character spans: which of many spans a span overlaps, in logarithmic time, so that checks over
every entity or every skipped line of a long document stay linear in its length."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """A fixed set of [start, end) spans, asked whether a span overlaps any of them."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # the furthest end among the spans starting at or before each position in `starts`
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span [a, b) has a < end and start < b (they share a character, or the
        empty span [start, start) lies strictly inside it)."""
        before = bisect_left(self.starts, end)  # spans that start before `end`
        return before > 0 and self.reach[before - 1] > start

    def covers(self, position: int) -> bool:
        """Whether the character at `position` lies inside a span."""
        return self.overlaps(position, position + 1)
