"""Case restoration for scraped, lower-cased text: names found as names, offsets kept exact.
Sentences written for these tests."""

from __future__ import annotations

from sitrep.model import Document
from sitrep.text.casing import LOWERCASE_NAME, is_lowercased, restore_case
from sitrep.text.repair import repair_text

NAMES = frozenset({"tommy", "nicolas", "tim", "george", "larry"})


def restored(text: str) -> str:
    return restore_case(repair_text(text), NAMES).text


def test_a_lower_cased_text_gets_its_names_back():
    text = ("tommy robredo beat nicolas kiefer of germany 6-4 6-3 to reach the semi-finals "
            "in rotterdam on friday.")
    assert restored(text) == ("Tommy Robredo beat Nicolas Kiefer of Germany 6-4 6-3 to reach "
                              "the semi-finals in Rotterdam on Friday.")


def test_titles_start_names_and_lost_apostrophes_end_them():
    text = ("the jury heard that mr halvorsen and mr okafor s firms sent the emails. "
            "during the campaign  president george w bush promised cheaper broadband.")
    out = restored(text)
    assert "Mr Halvorsen and Mr Okafor s firms" in out
    assert "president George W Bush promised" in out


def test_punctuation_and_common_words_end_a_name():
    out = restored("the singer thanked tim henman, his neighbours and the fans who came to "
                   "see the show in the park on monday.")
    assert "Tim Henman, his neighbours" in out and "Monday" in out
    assert "the fans who came" in out


def test_cased_text_is_left_alone():
    text = "Tim Henman beat a qualifier in Rotterdam, and the crowd in the arena cheered him on."
    assert not is_lowercased(text)
    repaired = repair_text(text)
    assert restore_case(repaired, NAMES) is repaired


def test_offsets_map_back_to_the_original_and_repairs_are_recorded():
    original = ("ljubicic beat tim henman in the last eight,the match lasted two hours and the "
                "crowd stayed until the end")
    repaired = restore_case(repair_text(original), NAMES)
    start = repaired.text.index("Tim Henman")
    assert repaired.to_original(start, start + len("Tim Henman")) == (
        original.index("tim henman"), original.index("tim henman") + len("tim henman"))
    kinds = {r.kind for r in repaired.repairs}
    assert LOWERCASE_NAME in kinds and "missing-space" in kinds
    for repair in repaired.repairs:
        if repair.kind == LOWERCASE_NAME:
            assert original[repair.start:repair.end] == repair.original
            assert repair.replacement.lower() == repair.original


def test_the_coder_finds_the_names_of_a_lower_cased_story(coder):
    text = ("tommy robredo beat nicolas kiefer of germany 6-4 6-3 in rotterdam on friday. the "
            "spaniard will now meet the top seed in the final on sunday afternoon.")
    doc = coder.entities(Document(id="t", text=text))
    people = {(e.text, e.label) for e in doc.entities if e.label == "PERSON"}
    assert ("tommy robredo", "PERSON") in people and ("nicolas kiefer", "PERSON") in people
    for entity in doc.entities:
        assert text[entity.start:entity.end] == entity.text


def test_a_given_name_that_is_also_a_common_word_opens_a_name_only_with_a_name_after_it():
    names = NAMES | {"song", "may", "theresa"}
    text = ("the band said the song was recorded in a barn  and said the tickets may sell out by friday  "
            "the promoter added. later song kang-ho and theresa may were seen at the premiere")
    out = restore_case(repair_text(text), names).text
    assert "the song was recorded" in out and "said the tickets may sell out" in out
    assert "Song Kang-Ho" in out and "Theresa May were" in out
