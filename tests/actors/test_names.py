"""Name keys: initials, nicknames, transliterations (actors/names.py)."""

from __future__ import annotations

from sitrep.actors.knowledge import fold
from sitrep.actors.names import initial_key, is_initialled, loose_keys, name_tokens, skeleton


def test_initials_key_first_letter_and_surname():
    assert initial_key(fold("J. Biden")) == initial_key(fold("Joseph R. Biden Jr.")) == "j biden"
    assert is_initialled(fold("J. Biden")) and not is_initialled(fold("Joe Biden"))


def test_particles_stay_with_the_surname():
    assert initial_key(fold("Bashar al-Assad")) == "b al assad"


def test_titles_and_suffixes_are_no_part_of_a_name():
    assert name_tokens(fold("President Joseph R. Biden Jr.")) == ["joseph", "r", "biden"]


def test_transliterations_share_a_skeleton():
    assert skeleton("zelenskyy") == skeleton("zelenskiy") == skeleton("zelensky")
    assert skeleton("sergei") == skeleton("sergey")
    assert skeleton("mohammed") == skeleton("muhammad") == skeleton("mohamed")
    assert skeleton("volodymyr") == skeleton("vladimir")


def test_nicknames_meet_formal_names():
    assert loose_keys(fold("Joe Biden")) & loose_keys(fold("Joseph Biden"))
    assert loose_keys(fold("Bill Clinton")) & loose_keys(fold("William Jefferson Clinton"))


def test_short_words_are_no_first_names():
    assert loose_keys(fold("in Nigeria")) == set()
