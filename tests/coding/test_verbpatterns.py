"""Word patterns of imported CAMEO/PETRARCH verb dictionaries: read, matched, and coded."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Coder

from ..conftest import codes

DICTIONARY = """\
<!-- SYNSETS -->
&MONEYWORD
+DOLLARS
+SWISS_FRANCS

--- FREE  [066] ---
FREE
- + * FROM $  [066]
- SAID * HOSTAGES  [053]

--- GIVE  [070] ---
GIVE
- * &MONEYWORD  [071]
- * &MONEYWORD TO_ +  [0711]

--- CELEBRATE  [181] ---
CELEBRATE
- * EID AT ^ WITH +  [043]

--- ALLOW  [080] ---
ALLOW
- RECENTLY_*  [025]
- * REALLY_PLEASANT  [024]

--- WARN  [160] ---
WARN
- * THEIR ^ ABOUT +  [162]

--- HALT  [191] ---
HALT
- * MARCH  [192]

--- POSTPONE  [191] ---
POSTPONE
- % HAVE *  [191]

--- SAID  [023] ---
SAID
- * LAY DOWN ARMS  [094]

--- CONFISCATE  [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING }
+CORDON_OFF {+CORDONED_OFF}
- WILL NOT * [081]

--- ARRIVE  [032:033]  ---
ARRIVE

--- BARGAIN  [031] ---
BARGAIN
- * FOR_ASYLUM  [174K]
"""


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


@pytest.fixture
def lexicon(dictionary):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from sitrep.coding.verbpatterns import read_verb_patterns, with_patterns

    return with_patterns(with_verbs(load_lexicon(), read_verb_dictionary(dictionary)),
                         *read_verb_patterns(dictionary))


def test_patterns_and_synsets_are_read(dictionary):
    from sitrep.coding.verbpatterns import read_verb_patterns

    patterns, synsets = read_verb_patterns(dictionary)
    assert synsets == {"moneyword": frozenset({"dollars", "francs"})}
    free = [p for p in patterns if p.verb == "free"]
    assert [(p.code, p.before, p.after) for p in free] == [
        ("066", (("target", "+", False),), (("word", "from", False), ("source", "$", False))),
        ("053", (("word", "said", False),), (("word", "hostages", False),)),
    ]
    recently = next(p for p in patterns if p.code == "025")
    assert recently.joined_to_verb == (True, False)
    pleasant = next(p for p in patterns if p.code == "024")
    assert pleasant.after == (("word", "really", True), ("word", "pleasant", False))
    # a code with a letter (a dictionary's own sub-code) is kept for the crosswalk's prefix
    assert any(p.code == "174K" for p in patterns)


def _match(nlp, lexicon, text, verb):
    from sitrep.coding.verbpatterns import match_patterns

    doc = nlp(text)
    token = next(t for t in doc if t.lemma_.lower() == verb)
    found = match_patterns(token, lexicon)
    return (found[0].code, {k: v.text for k, v in found[1].items()}) if found else None


def test_target_before_and_source_after_the_verb(nlp, lexicon):
    assert _match(nlp, lexicon, "Twelve Chilean sailors were freed from Peru on Monday.",
                  "free") == ("066", {"target": "sailors", "source": "Peru"})


def test_words_in_order_with_others_between_unless_joined(nlp, lexicon):
    assert _match(nlp, lexicon, "Chile recently allowed the convoy to pass.", "allow")[0] == "025"
    assert _match(nlp, lexicon, "Recently Chile allowed the convoy to pass.", "allow") is None
    assert _match(nlp, lexicon, "Chile allowed that Peru is a really pleasant place.",
                  "allow")[0] == "024"
    assert _match(nlp, lexicon, "Chile allowed that Peru is a really very pleasant place.",
                  "allow") is None


def test_a_skipped_phrase_and_the_longest_pattern(nlp, lexicon):
    assert _match(nlp, lexicon, "Chile celebrated Eid at Santiago with Peru.", "celebrate") == (
        "043", {"target": "Peru"})
    # both money patterns match; the longer one wins and binds the target
    assert _match(nlp, lexicon, "Chile gave ten million dollars to Peru.", "give") == (
        "0711", {"target": "Peru"})
    assert _match(nlp, lexicon, "Chile gave ten million Swiss francs.", "give") == ("071", {})


def test_a_skip_starts_in_the_phrase_the_walk_is_in(nlp, lexicon):
    # "their" opens the phrase "their own citizens", which "^" then skips
    assert _match(nlp, lexicon, "Chile warned their own citizens about Peru.", "warn") == (
        "162", {"target": "Peru"})


def test_a_dictionary_verb_targets_the_first_party_after_it(coder, lexicon):
    from sitrep.model import Document

    # PETRARCH's rule, which the dictionary's codes assume; the shipped lexicon does not use it
    text = "Chile halted its march towards the border with Peru."
    (halt,) = Coder(lexicon=lexicon).code(Document(id="h", text=text)).events
    assert halt.event == "COERCE" and codes(halt.recipient) == ["PER"]
    shipped = coder.code(Document(id="s", text=text)).events
    assert all(codes(e.recipient) != ["PER"] or e.event_text != "halted" for e in shipped)


def test_a_list_before_the_verb_acts_jointly(lexicon):
    from sitrep.model import Document

    (event,) = Coder(lexicon=lexicon).code(Document(id="j", text="Chile and Peru have postponed their meeting "
                                      "after riots broke out in Bolivia.")).events
    assert codes(event.actor) == ["CHL", "PER"] and event.recipient == []


def test_a_form_listed_as_its_own_verb_and_sequences_are_not_object_hints(lexicon):
    from sitrep.model import Document

    # "* LAY DOWN ARMS" is a sequence, not an object hint "arms": an arms embargo is no match
    (said,) = [e for e in Coder(lexicon=lexicon).code(Document(id="s", text="Chile said an arms embargo on "
                                                 "Peru would not work.")).events if e.event_text == "said"]
    assert said.event == "REQUEST"  # CAMEO 023, the SAID block's own code
    (rebels,) = [e for e in Coder(lexicon=lexicon).code(Document(id="r", text="Chile said the rebels must lay "
                                                   "down arms.")).events if e.event_text == "said"]
    assert rebels.event == "REQUEST"


def test_a_block_holds_for_every_verb_it_lists(dictionary, nlp, lexicon):
    from sitrep.coding.lexicon import read_verb_dictionary
    from sitrep.coding.verbpatterns import read_verb_patterns

    rows = read_verb_dictionary(dictionary)
    # "+CORDON_OFF": cordon, then "off"; "WIRE_+TAP" is a sequence, left to the pattern matcher
    assert ("cordon", "1711", None, "off") in rows and not any(r[0] == "tap" for r in rows)
    taps = [(p.code, p.before) for p in read_verb_patterns(dictionary)[0] if p.verb == "tap"]
    assert taps == [("1711", (("word", "wire", True),)),
                    ("081", (("word", "will", False), ("word", "not", False),
                             ("word", "wire", True)))]
    assert _match(nlp, lexicon, "Chilean agents wire tapped the phones of Peru's embassy.",
                  "tap")[0] == "1711"
    assert _match(nlp, lexicon, "Chile will not wire tap the phones.", "tap")[0] == "081"
    assert _match(nlp, lexicon, "Chile tapped the phones of Peru's embassy.", "tap") is None


def test_a_code_for_each_side_codes_the_other_sides_act(lexicon):
    from sitrep.model import Document

    events = Coder(lexicon=lexicon).code(Document(id="a", text="Chile's president arrived in Peru on Monday.")).events
    pairs = sorted((e.event, codes(e.actor), codes(e.recipient)) for e in events)
    # CAMEO 032 (the visit) and 033 (its reception) through the crosswalk
    assert pairs == [("AGREE", ["CHL"], ["PER"]), ("AGREE", ["PER"], ["CHL"])]
    assert len({e.id for e in events}) == 2


def test_a_matched_pattern_codes_its_type_and_parties(lexicon):
    from sitrep.model import Document

    events = Coder(lexicon=lexicon).code(Document(id="p", text="Twelve Chilean sailors were freed from Peru on "
                                    "Monday.")).events
    freed = next(e for e in events if e.event_text == "freed")
    assert freed.event == "COOPERATE"  # CAMEO 066 through the crosswalk
    assert codes(freed.actor) == ["PER"] and codes(freed.recipient) == ["CHL"]
    (gift,) = Coder(lexicon=lexicon).code(Document(id="g", text="Chile gave ten million dollars to Peru.")).events
    assert gift.event == "AID" and codes(gift.actor) == ["CHL"] and codes(gift.recipient) == ["PER"]


def test_the_shipped_lexicon_has_no_patterns(nlp):
    from sitrep.coding.lexicon import load_lexicon
    from sitrep.coding.verbpatterns import match_patterns

    doc = nlp("Twelve sailors were freed from Peru.")
    assert load_lexicon().patterns == {} and match_patterns(doc[3], load_lexicon()) is None


def test_joins_headers_synsets_and_member_codes_are_read_as_written(tmp_path, nlp):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary
    from sitrep.coding.verbpatterns import match_patterns, read_verb_patterns, with_patterns

    path = tmp_path / "verbs.txt"
    path.write_text(
        "&TIES\n+RELATIONS\n\n&CLOSER\n+&TIES\n+NEARER\n+DID N'T\n\n"
        "--- FREE  [066] ---\nFREE\n- FOR_ASYLUM *  [0233]\n\n"
        "--- NOCODE ---\n- * AGREEMENT  [057]\n\n"
        "--- SEIZE  [1711] ---\nSEIZE\nKLM_+GRAB [002]\n", encoding="utf-8")
    patterns, synsets = read_verb_patterns(path)
    assert synsets["closer"] == {"relations", "nearer"}  # nested, and no bare "n't"
    assert not any(p.code == "057" for p in patterns)  # an unreadable header ends the block
    assert ("grab", "002") in {(p.verb, p.code) for p in patterns}  # the line's own code
    assert not any(r[0] == "meet" for r in read_verb_dictionary(path))
    lexicon = with_patterns(load_lexicon(), patterns, synsets)
    # "FOR_ASYLUM *": "for" right before "asylum", "asylum" right before the verb
    doc = nlp("For years asylum seekers were freed by Chile.")
    freed = next(t for t in doc if t.lower_ == "freed")
    assert match_patterns(freed, lexicon) is None


def test_a_pattern_binds_only_phrases_that_name_a_party(lexicon):
    from sitrep.model import Document

    # "+ * FROM $" is written for "X was freed from Y"; in the active voice it would bind the
    # freer as target and a prison as source
    (event,) = [e for e in Coder(lexicon=lexicon).code(Document(id="f", text="Chile freed the Peruvian "
                                                  "fishermen from a prison in Arica.")).events if e.event_text == "freed"]
    assert codes(event.actor) == ["CHL"] and codes(event.recipient) == ["PER"]


def test_both_readers_take_a_header_with_two_brackets_alike(tmp_path):
    from sitrep.coding.lexicon import read_verb_dictionary
    from sitrep.coding.verbpatterns import read_verb_patterns

    path = tmp_path / "verbs.txt"
    path.write_text("--- DELAY [120]  [031:031]  ---\nDELAY\n- % HAVE  *  [191]\n",
                    encoding="utf-8")
    assert ("delay", "120", None, None) in read_verb_dictionary(path)
    assert [(p.verb, p.code) for p in read_verb_patterns(path)[0]] == [("delay", "191")]


def test_verb_dictionary_compound_subject_pattern(tmp_path):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from sitrep.model import Document

    path = tmp_path / "verbs.txt"
    path.write_text("--- CONCUR  [081] ---\nCONCUR\n- % * [030:030]\n", encoding="utf-8")
    rows = read_verb_dictionary(path)
    # "030:030": the act's code, then the other side's (kept for with_verbs to read)
    assert rows == [("concur", "081", None, None), ("concur", "030:030", "@compound", None)]
    lexicon = with_verbs(load_lexicon(), rows)
    joint = Coder(lexicon=lexicon).code(Document(id="j", text="Chile and Peru concur that the border is "
                                   "settled.")).events
    alone = Coder(lexicon=lexicon).code(Document(id="a", text="Chile concurs that the border is settled.")).events
    assert joint[0].event == "AGREE" and alone[0].event == "CONCEDE"


def test_verb_dictionary_rows_win_over_shipped_rows(coder, tmp_path):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from sitrep.model import Document

    path = tmp_path / "verbs.txt"
    path.write_text("--- WELCOME  [041] ---\nWELCOME\n- * TIES [064]\n", encoding="utf-8")
    rows = read_verb_dictionary(path)
    assert rows == [("welcome", "041", None, None), ("welcome", "064", "tie", None)]
    lexicon = with_verbs(load_lexicon(), rows)
    text = "Chile welcomed Peru's new ambassador."
    shipped = coder.code(Document(id="x", text=text)).events
    imported = Coder(lexicon=lexicon).code(Document(id="y", text=text)).events
    assert shipped[0].event == "SUPPORT" and imported[0].event == "CONSULT"


@pytest.fixture
def imported_kb(tmp_path):
    """A knowledge base with a CAMEO actor dictionary imported, names the model does not know."""
    from sitrep.actors.dictionaries import entries_from_file
    from sitrep.actors.knowledge import shipped_kb, with_entries

    path = tmp_path / "actors.txt"
    path.write_text("ZEMBLA  [ZEM]\nVALDORIA  [VAL/VAM]\nGRIMWALD  [ZEM]\n"
                    "WARDEN OF THE MARCHES\n\t[--- <950630]\n\t[ZEM]\n", encoding="utf-8")
    return with_entries(shipped_kb(), entries_from_file(path))


def test_a_country_the_model_tags_as_a_common_noun_opening_a_sentence(imported_kb):

    events = Coder(kb=imported_kb).code_text("Zembla and Chile welcome a resumption of talks with Peru.")
    assert codes(events[0].actor) == ["CHL", "ZEM"] and codes(events[0].recipient) == ["PER"]


def test_a_name_coded_as_several_actors_is_each_of_them(imported_kb):

    (event,) = Coder(kb=imported_kb).code_text("Chile expelled the ambassador of Valdoria on Monday.")
    assert codes(event.recipient) == ["VAL", "VAM"]


def test_a_lone_name_the_model_leaves_untagged_as_a_subject(imported_kb):

    events = Coder(kb=imported_kb).code_text("Grimwald accused Chile of spying.")
    assert codes(events[0].actor) == ["ZEM"] and codes(events[0].recipient) == ["CHL"]


def test_a_saying_coded_as_an_event_is_not_addressed_to_what_it_is_about(tmp_path):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from sitrep.model import Document

    path = tmp_path / "verbs.txt"
    path.write_text("--- SAY  [023] ---\nSAY\n", encoding="utf-8")
    lexicon = with_verbs(load_lexicon(), read_verb_dictionary(path))
    doc = Document(id="s", text="Chile is about to restore, it seems, complete, full diplomatic "
                                "ties with Peru almost five years after Bolivian crowds burned "
                                "down its embassy, a senior Bolivian official said on Saturday.")
    said = [e for e in Coder(lexicon=lexicon).code(doc).events if e.event_text == "said"]
    assert said and said[0].event == "REQUEST" and said[0].recipient == []


def test_verb_dictionary_preposition_patterns(tmp_path):
    from sitrep.coding.lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from sitrep.model import Document

    path = tmp_path / "verbs.txt"
    path.write_text("--- CONCUR  [081] ---\nCONCUR\n- * WITH % [031]\n"
                    "- * EID AT ^ WITH +  [043]\n", encoding="utf-8")
    rows = read_verb_dictionary(path)
    # a sequence of words is left to verbpatterns.py
    assert rows == [("concur", "081", None, None), ("concur", "031", None, "with")]
    lexicon = with_verbs(load_lexicon(), rows)
    events = Coder(lexicon=lexicon).code(Document(id="w", text="Chile concurs with Peru and Bolivia that the "
                                    "border is settled.")).events
    assert events[0].event == "AGREE" and codes(events[0].recipient) == ["BOL", "PER"]
