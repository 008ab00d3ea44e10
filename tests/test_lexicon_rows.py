"""Trigger-lexicon rows added or widened by hand: each row on sentences of its own (other
countries and wording than any gold file), asserting the type of the sentence's main event."""

from __future__ import annotations

import pytest

from sitrep.coding.document import main_event
from sitrep.coding.lexicon import load_lexicon
from sitrep.coding.triggers import match_trigger

CASES = [
    # shorten + curfew/restriction -> CONCEDE (easing restrictions)
    ("The Chilean government shortened the nighttime curfew in Santiago on Tuesday.", "CONCEDE"),
    ("Authorities in Lagos shortened the lockdown by two weeks.", "CONCEDE"),
    # lift + "state" (of emergency / of siege) -> CONCEDE
    ("Peru lifted the state of emergency in the southern province of Puno on Friday.", "CONCEDE"),
    ("Thai authorities lifted the state of emergency in Bangkok, the army said.", "CONCEDE"),
    # call off + strike/protest -> CONCEDE; call off + talks/visit -> REJECT
    ("Kenyan doctors called off their nationwide strike on Monday.", "CONCEDE"),
    ("The opposition in Georgia called off a planned rally in Tbilisi.", "CONCEDE"),
    ("Pakistan called off the peace talks with the militants.", "REJECT"),
    ("The Brazilian president called off his visit to Caracas.", "REJECT"),
    # suspend / cancel + strike/protest -> CONCEDE
    ("Teachers in Zimbabwe suspended their strike after the pay offer.", "CONCEDE"),
    ("Students in Santiago cancelled the march planned for Thursday.", "CONCEDE"),
    # evacuate + wounded/casualties/tourists -> AID
    ("Red Cross helicopters evacuated the wounded from the town of Marib.", "AID"),
    ("French navy ships evacuated 300 tourists from the island.", "AID"),
    # hand over + aid/medicine -> AID
    ("Japanese officials handed over medicine and blankets to flood victims in Bangladesh.",
     "AID"),
    # provide + intelligence -> COOPERATE (CAMEO 064)
    ("Britain is providing intelligence to the Kenyan police.", "COOPERATE"),
    # receive / admit + inspectors/observers -> RETREAT access
    ("Syria received chemical weapons inspectors on Sunday.", "RETREAT"),
    ("Myanmar admitted United Nations observers to Rakhine state.", "RETREAT"),
    # dispatch / send + investigators/inspectors -> ACCUSE investigate
    ("The African Union dispatched investigators to Juba.", "ACCUSE"),
    ("Interpol sent detectives to Manila to look into the bombing.", "ACCUSE"),
    # accept + formula/framework/roadmap -> AGREE
    ("Cyprus accepted a framework for reunification talks.", "AGREE"),
    ("The rebels accepted the roadmap drawn up by Norwegian mediators.", "AGREE"),
    # seek + refuge/sanctuary -> REQUEST
    ("Thousands of Rohingya sought refuge in Bangladesh last week.", "REQUEST"),
    # defend + decision/policy/right -> SUPPORT (CAMEO 052)
    ("The Swedish foreign minister defended Turkey's decision to close the base.", "SUPPORT"),
    ("China defended the right of Pakistan to develop its nuclear program.", "SUPPORT"),
    # violate + ceasefire -> ASSAULT (CAMEO 196); ceasefire violation (noun)
    ("Azerbaijani forces violated the ceasefire near the village of Tavush.", "ASSAULT"),
    ("Ceasefire violations continued along the Line of Control overnight.", "ASSAULT"),
    # renege on -> REJECT
    ("The junta in Mali reneged on its pledge to hold elections in February.", "REJECT"),
    # dismiss + appeal/plea/ultimatum -> REJECT
    ("The Houthi movement dismissed an ultimatum from the Saudi-led coalition.", "REJECT"),
    ("Belarus dismissed a plea from the European Parliament to free the journalists.", "REJECT"),
    # meet + demands/conditions -> CONCEDE (CAMEO 083)
    ("The Bolivian government met the demands of the striking miners.", "CONCEDE"),
    # tighten + blockade/siege -> COERCE restrict
    ("Ethiopian troops tightened the siege of the town of Mekele.", "COERCE"),
    # abuse + detainees/children -> ASSAULT; sexual abuse (noun) -> ASSAULT
    ("Prison guards in Uganda abused detainees at the Luzira facility.", "ASSAULT"),
    ("Sexual abuse of migrants by Libyan guards rose sharply, the group said.", "ASSAULT"),
    # deface: symbolic vandalism -> PROTEST; websites -> COERCE cyber
    ("Protesters in Warsaw defaced a statue of the former leader.", "PROTEST"),
    ("Pro-Russian hackers defaced the websites of several Polish ministries.", "COERCE"),
    # withdraw + inspectors/peacekeepers -> SANCTION withdraw
    ("Uruguay withdrew its peacekeepers from Congo on Tuesday.", "SANCTION"),
    ("The IAEA withdrew its inspectors from North Korea.", "SANCTION"),
    # prevent + demonstration/rally -> COERCE restrict
    ("Police in Minsk prevented a demonstration outside the parliament.", "COERCE"),
    # prohibit + aid/trade -> SANCTION discontinue
    ("Washington prohibited trade with the Cuban military.", "SANCTION"),
    # impose + blackout/censorship -> COERCE censor
    ("Iran imposed a news blackout on the protests in Zahedan.", "COERCE"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_main_event_type(coder, nlp, text, expected):
    event = main_event(coder.code_text(text))
    assert event is not None, text
    assert event.event == expected, (text, event.event, event.event_text)
    # the lexicon itself fired (not the classifier fallback on the root verb)
    lexicon = load_lexicon()
    rows = [match_trigger(t, lexicon) for t in nlp(text) if t.text == event.event_text]
    assert any(r is not None and r.event == expected for r in rows), (text, rows)
