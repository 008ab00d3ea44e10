"""`sitrep.resources`: shared readers and the patterns built from word lists."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.resources import words_pattern

LETTERS = st.text(alphabet="ab .-", min_size=1, max_size=6)


def test_a_trie_matches_a_listed_word_whole_and_the_longest_one_first():
    pattern = re.compile(rf"(?<!\w)(?:{words_pattern(['the times', 'the times of india', 'times'])})(?!\w)")
    assert pattern.search("read the times of india today").group() == "the times of india"
    assert pattern.search("read the times today").group() == "the times"
    assert pattern.search("the timeshare") is None  # the longer word fails its boundary
    assert re.fullmatch(words_pattern(["a+b", "a.b"]), "a+b")  # letters are literal
    assert not re.fullmatch(words_pattern(["a.b"]), "axb")


@settings(max_examples=300, deadline=None)
@given(st.lists(LETTERS, min_size=1, max_size=12, unique=True), st.text(alphabet="ab .-x", max_size=30))
def test_a_trie_finds_what_longest_first_alternatives_find(words, text):
    plain = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    for wrap in ("{}", r"(?<!\w)(?:{})(?!\w)"):
        old, new = re.compile(wrap.format(plain)), re.compile(wrap.format(words_pattern(words)))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
