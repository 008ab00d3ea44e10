"""Relevance: a political event needs a political participant, a trigger with a non-political
sense needs a licence, and the relevance gate reads the frame (docs/coding-rules.md). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from sitrep.coding.relevance import (
    COLLECTIVE,
    POLITICAL,
    STATE,
    UNPLACED,
    Frames,
    is_licensed,
    is_political,
    needs_licence,
    relevance_score,
    standing,
    trigger_senses,
)
from sitrep.model import Actor, Event
from sitrep.resources import read_tsv

from ..conftest import one


def actor(text, code=None, sector=None, kb_id=None):
    return Actor(entity_text=text, code=code, sector=sector, kb_id=kb_id)


@pytest.mark.parametrize("who, expected", [
    (actor("the Belgian government", "BEL", "GOV"), POLITICAL),
    (actor("Peruvian troops", "PER", "MIL"), POLITICAL),
    (actor("NATO", None, "IGO", "org:nato"), POLITICAL),
    (actor("Evo Morales", "BOL", "GOV", "person:evo-morales"), POLITICAL),
    (actor("Morales", "BOL", "GOV", "person:evo-morales"), UNPLACED),
    (actor("police", None, "COP"), UNPLACED),
    (actor("the judge", None, "JUD"), UNPLACED),
    (actor("Chile", "CHL", "GOV", "country:CHL"), STATE),  # the coder's default sector
    (actor("Lima", "PER", "GOV", "place:lima"), STATE),
    (actor("Peruvian", "PER"), COLLECTIVE),  # "Peruvian troops" or "the Peruvian striker"
    (actor("Bolivian miners", "BOL", "LAB"), COLLECTIVE),
    (actor("miners", None, "LAB"), ""),
    (actor("a Chilean mining company", "CHL", "BUS"), ""),
    (actor("Juan Perez", "CHL", None, "person:juan-perez"), ""),  # no office on that date
    (actor("a Leeds man", None, "CVL"), ""),
    (actor("the Liberian Peace Council", "LBR"), COLLECTIVE),
    (actor("Chelsea", None, None, None), ""),
    (actor("Arnor", "ARN", None, "cameo:arnor"), POLITICAL),  # from an imported dictionary
])
def test_standing_of_participants(who, expected):
    assert standing(who) == expected


def test_an_event_needs_a_political_side():
    firm = actor("Vodafone", "GBR", "BUS", "org:vodafone")
    rival = actor("a German rival", "DEU", "BUS")
    assert not is_political(Event(id="", doc_id="", event="ACCUSE", actor=[firm], recipient=[rival]))
    regulator = actor("the Dutch competition authority", "NLD", "GOV")
    assert is_political(Event(id="", doc_id="", event="SANCTION", actor=[regulator],
                              recipient=[firm]))
    strikers = actor("nurses", None, "MED")
    striking = Event(id="", doc_id="", event="PROTEST", actor=[strikers])
    assert is_political(striking)  # a group's own protest, political in a political frame only
    assert is_licensed(striking, None, sentence_frame=True, document_frame=True)
    assert not is_licensed(striking, None, sentence_frame=False, document_frame=True)
    assert not is_political(Event(id="", doc_id="", event="ACCUSE", actor=[strikers]))


def test_a_non_political_sense_needs_a_placed_party_or_a_political_frame():
    team = Event(id="", doc_id="", event="ASSAULT", actor=[actor("Chile", "CHL", None,
                                                                "country:CHL")])
    army = Event(id="", doc_id="", event="ASSAULT", actor=[actor("Chilean troops", "CHL", "MIL")])
    assert needs_licence("beat", "VERB", "ASSAULT") == "party"
    assert needs_licence("ask", "VERB", "REQUEST") == "state"
    asking = Event(id="", doc_id="", event="REQUEST", actor=team.actor)
    assert is_licensed(asking, "state", sentence_frame=False, document_frame=True)
    assert needs_licence("bomb", "VERB", "ASSAULT") is None
    assert not is_licensed(team, "party", sentence_frame=False, document_frame=True)
    assert is_licensed(team, "party", sentence_frame=True, document_frame=True)
    assert is_licensed(army, "party", sentence_frame=False, document_frame=True)
    # in a document the gate reads as not political, only a placed political party counts
    assert not is_licensed(team, None, sentence_frame=True, document_frame=False)
    assert is_licensed(army, None, sentence_frame=False, document_frame=False)
    assert not is_licensed(army, "party", sentence_frame=False, document_frame=False)
    # a coercive act's doer licenses it: the authority's fine, not a fine of the authority
    assert needs_licence("fine", "VERB", "SANCTION") == "actor"
    fined = Event(id="", doc_id="", event="SANCTION", actor=[actor("a firm", "PER", "BUS")],
                  recipient=[actor("Chilean troops", "CHL", "MIL")])
    fining = Event(id="", doc_id="", event="SANCTION", actor=fined.recipient,
                   recipient=fined.actor)
    assert is_licensed(fining, "actor", sentence_frame=False, document_frame=False)
    assert not is_licensed(fined, "actor", sentence_frame=False, document_frame=False)


def test_every_sense_row_names_a_trigger_of_the_lexicon():
    triggers = {(r["lemma"].lower(), r["pos"].upper()) for r in read_tsv("triggers.tsv")}
    types = {(r["lemma"].lower(), r["pos"].upper(), r["event"]) for r in read_tsv("triggers.tsv")}
    for (lemma, pos), senses in trigger_senses().items():
        assert (lemma, pos) in triggers, lemma
        for sense in senses:
            assert sense.licence in {"party", "state", "actor"}
            assert not sense.event or (lemma, pos, sense.event) in types, lemma


def test_every_sector_has_a_standing():
    sectors = {r["sector"] for r in read_tsv("sectors.tsv")} | {"IGO", "NGO", "OPP"}
    standings = {r["sector"]: r["standing"] for r in read_tsv("political_sectors.tsv")}
    assert set(standings.values()) == {"political", "collective", "none"}
    assert sectors <= set(standings)


def test_the_gate_reads_topics_not_places():
    assert relevance_score("The defence ministers of Peru and Chile signed a border security "
                           "pact after talks on troop withdrawals.") > 0.5
    assert relevance_score("Peru beat Chile 2-1 in Lima with a late goal from their striker, "
                           "and the coach praised his defenders.") < 0.5
    assert relevance_score("The bakery chain reported higher profits and plans to open 40 "
                           "shops next year.") < 0.5


def test_a_gate_threshold_of_zero_reads_every_frame_as_political():
    story = ("The bakery chain opened 40 shops. Its profits rose by a tenth. The shares rose "
             "4% in early trading.")
    frames = Frames(story, 0.0, 0.0, sentences=3)
    assert frames.document and frames.sentence("The bakery chain opened 40 shops.")
    gated = Frames(story, 0.5, 0.5, sentences=3)
    assert not gated.document and not gated.sentence("The bakery chain opened 40 shops.")


def test_a_sentence_is_read_in_its_story_and_a_lone_sentence_as_a_sentence():
    story = ("The defence ministers of Peru and Chile met in Lima to discuss border security and "
             "troop withdrawals. The talks ended without a deal on the disputed frontier. "
             "Analysts said Chile would have little appetite to help.")
    frames = Frames(story, 0.5, 0.5, sentences=3)
    assert frames.document and frames.sentence("Analysts said Chile would have little appetite "
                                               "to help.")
    lone = "The bakery chain opened 40 shops."
    alone = Frames(lone, 0.5, 0.5, sentences=1)  # no story: read as a sentence only
    assert alone.document and not alone.sentence(lone)


@pytest.mark.parametrize("text", [
    "Tommy Robredo beat Nicolas Kiefer of Germany 6-4 6-3 in the quarter-finals.",
    "tommy robredo beat nicolas kiefer of germany 6-4 6-3 in the quarter-finals.",
    "Peru beat Chile 2-1 in Lima on Saturday with a late goal.",
    "The supermarket group sued its former supplier over unpaid invoices.",
    "The band will begin a tour of Japan and South Korea in May.",
    "A man was stabbed outside a nightclub in Leeds on Saturday night.",
    "The deal was a disaster for everyone involved.",
])
def test_no_event_without_a_political_participant_or_frame(coder, text):
    assert coder.code_text(text, published="2005-03-01") == []


@pytest.mark.parametrize("text, event_type", [
    ("Chilean troops attacked a rebel camp near the border.", "ASSAULT"),
    ("The Dutch competition authority fined Vodafone 20 million euros.", "SANCTION"),
    ("Police arrested two Bolivian activists outside the presidential palace in La Paz.",
     "COERCE"),
    ("Peru and Chile signed a border security agreement in Lima.", "SUPPORT"),  # codebook-boundaries.md
])
def test_political_events_stay(coder, text, event_type):
    assert one(coder, text).event == event_type


@pytest.mark.parametrize("text, doer", [
    # a group with a sector but no country, and a person or body the knowledge base does not know:
    # refusing to end one's own strike is a refusal (REJECT), whoever strikes
    ("Striking dock workers said they would not call off their walkout until the port authority "
     "raised their pay.", "dock workers"),
    ("Olena Hrytsenko told reporters that the hunger strikers will not call off the strike before "
     "the ministry reopens the talks.", "hunger strikers"),
    ("The federation of bus drivers declared it will not call off the boycott of the new ticket "
     "system until the transport ministry withdraws it.", "federation"),
])
def test_what_a_group_does_with_its_own_protest_is_political(coder, text, doer):
    event = one(coder, text)
    assert event.event == "REJECT"
    assert doer in " ".join(a.entity_text for a in event.actor)


@pytest.mark.parametrize("text", [
    "The airline said it would not end the boycott of the trade fair until the organisers cut "
    "their fees.",  # a company's boycott is business, not a protest (docs/coding-rules.md)
    "A storm at the stadium forced 300 fans from their seats.",  # no protest word: a guess
])
def test_a_protest_act_needs_a_protester(coder, text):
    assert all(e.event not in {"REJECT", "PROTEST"} for e in
               coder.code_text(text, published="2005-03-01"))


@pytest.mark.parametrize("text", [
    # natural forces: PLOVER's agent list gives natural disasters the sector JNK, no actor
    "The earthquake killed 300 people in southern Haiti.",
    "Floods killed forty people in northern Mozambique last week.",
    "The disaster killed forty people in the coastal provinces of Peru.",
    "The epidemic has killed 200 people in Yemen since March.",
    # a name with a natural-force word in it ("Typhoon Melor", "Cholera" written capitalised)
    # is resolved as a name, not by its sector noun: still no one's act
    "Typhoon Melor killed sixty people in the central Philippines on Monday.",
    "Cholera has killed ninety people in northern Nigeria since June.",
    "Tropical Storm Bret killed eight people in eastern Honduras.",
    # accidents and animals
    "A bus crash killed eleven pilgrims in western Peru on Sunday.",
    "The accident killed two police officers near the Kenyan border.",
    "A stampede killed nine worshippers at a shrine in northern India.",
    "A crocodile killed a fisherman on the river in eastern Zambia.",
    "Lightning killed four farmers in two districts of Bangladesh.",
])
def test_what_a_natural_force_an_accident_or_an_animal_does_is_no_ones_act(coder, text):
    assert coder.code_text(text, published="2025-06-10") == [], text


@pytest.mark.parametrize("text", [
    # a volcano is a natural force (sectors_current.tsv: volcano, eruption, and 'Mount' opening a
    # volcano's name), and so is a force whose name a country's possessive codes
    "Indonesia's Mount Semeru erupted on Saturday, sending ash clouds over East Java.",
    "The volcano killed thirty villagers on the slopes above Goma in eastern Congo.",
    "Japan's Typhoon Lan hit the Kansai region on Tuesday, cutting power to 80,000 homes.",
])
def test_what_a_volcano_or_a_named_force_does_is_no_ones_act(coder, text):
    assert coder.code_text(text, published="2025-06-10") == [], text


@pytest.mark.parametrize("text, actor_sector, actor_code", [
    # controls: people who act during a disaster still act; a state's troops' fire is its act
    ("Rebels killed forty villagers in Mozambique during the floods.", "REB", None),
    ("Israeli fire killed two Palestinians in Gaza on Friday.", None, "ISR"),
])
def test_parties_acting_amid_disasters_or_by_fire_still_act(coder, text, actor_sector,
                                                            actor_code):
    (event,) = coder.code_text(text, published="2025-06-10")
    actor = event.actor[0]
    assert event.event == "ASSAULT"
    assert (actor_sector is None or actor.sector == actor_sector) and (
        actor_code is None or actor.code == actor_code)


@pytest.mark.parametrize("text", [
    "The governor asked for federal help after floods that killed thirty people in Kenya.",
    "The minister visited survivors of the stampede that killed twenty worshippers in India.",
])
def test_a_natural_force_a_relative_pronoun_stands_for_is_no_ones_doer(coder, text):
    # "floods that killed": the relative pronoun's antecedent is the doer, a natural force
    assert all(e.event != "ASSAULT" for e in coder.code_text(text, published="2025-06-10")), text


@pytest.mark.parametrize("text", [
    # an act aimed only at a natural force (other than help) is no one's act towards anyone
    "Chilean firefighters battled a huge blaze near Valparaiso on Monday.",
    "Greek firefighters battled forest fires on the island of Evia for a third day.",
    "Spanish firefighters fought the flames for six hours near Valencia.",
    "Australian water-bombers attacked the bushfire from the air on Tuesday.",
    # nor is a record of one ("recorded its worst drought"), which the fallback classifier typed
    "The Indian state of Kerala recorded its heaviest monsoon rainfall in fifty years.",
    "Chief Minister Siddaramaiah's state of Karnataka recorded its worst drought in decades.",
])
def test_an_act_aimed_only_at_a_natural_force_is_no_event(coder, text):
    assert coder.code_text(text, published="2025-06-10") == [], text


@pytest.mark.parametrize("text, event_type", [
    # controls: fires set by people, and attacks on people, still count
    ("Protesters set fires outside the parliament in Beirut.", "PROTEST"),
    ("Indian troops attacked rebels near the border on Monday.", "ASSAULT"),
    # help may be aimed at a disaster
    ("Chinese authorities sent medical teams to fight the outbreak in Wuhan.", "AID"),
])
def test_acts_beside_natural_forces_still_count(coder, text, event_type):
    events = coder.code_text(text, published="2025-06-10")
    assert [e.event for e in events][:1] == [event_type], text


@pytest.mark.parametrize("text", [
    # a national airline is a business, not the military (PLOVER's agent list: "carrier")
    "Portugal's flag carrier cancelled 200 flights on Monday.",
    "Thailand's flag carrier suspended 120 flights on Friday.",
])
def test_a_flag_carrier_is_a_business(coder, text):
    assert coder.code_text(text, published="2025-06-10") == [], text


@pytest.mark.parametrize("text", [
    # officials' appeals and warnings to the public in a disaster or an outbreak: public service
    # (docs/codebook-boundaries.md, "Political or not")
    "Flood officials in Linn County urged residents of low-lying streets to leave their homes "
    "before nightfall, Iowa officials said.",
    "The Chilean health ministry warned residents to boil drinking water after the storm.",
    "Mayor Anna Kessler called on residents to stay off the roads during the ice storm in "
    "Ontario.",
    "Welsh health officials urged parents to keep children with a fever at home this week.",
    "Police in Quebec asked motorists to avoid the bridge while the ice was cleared.",
])
def test_an_officials_appeal_to_the_public_is_no_event(coder, text):
    assert coder.code_text(text, published="2025-06-10") == []


@pytest.mark.parametrize("text, event_type", [
    ("Kenyan police urged protesters to disperse.", "REQUEST"),
    ("The French government urged Iran to release the detained aid workers.", "REQUEST"),
    ("Israel urged Palestinians in Rafah to leave.", "REQUEST"),
    ("The Chilean health ministry urged the opposition to back the vaccine bill.", "REQUEST"),
])
def test_an_appeal_to_a_party_or_protesters_stays(coder, text, event_type):
    assert one(coder, text).event == event_type


@pytest.mark.parametrize("text", [
    # a police appeal with no party named: its objects are words for the public
    "Police in Manchester appealed for witnesses after a cyclist was hurt in a hit-and-run on "
    "Friday.",
    "Police in Leeds asked anyone with information about the burglary to call them.",
    "Police in Ohio urged everyone to lock their cars overnight.",
])
def test_a_police_appeal_to_anyone_is_no_event(coder, text):
    assert coder.code_text(text, published="2025-06-10") == []


@pytest.mark.parametrize("text", [
    "The Somali government appealed for help after the floods.",
    "The Kenyan police appealed for calm.",
    "Police in Kenya asked the opposition to call off the march.",
])
def test_an_appeal_for_help_or_calm_or_to_a_party_stays(coder, text):
    assert one(coder, text).event == "REQUEST"
