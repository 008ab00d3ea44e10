"""Participants: who did it and to whom, on sentences of many countries and shapes (active,
passive, nominal, lists, possessives, places)."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, codes, one

CASES = [
    # text, type, actor codes, recipient codes
    ("Iran asked China for air defence systems last week.", "REQUEST", ["IRN"], ["CHN"]),
    ("The Colombian government requested humanitarian aid from the United States.", "REQUEST",
     ["COL"], ["USA"]),
    # imposed sanctions are COERCE, as the real-news coders code them (the manual: SANCTION;
    # docs/codebook-boundaries.md)
    ("Sanctions were imposed on North Korea by the European Union in March.", "COERCE", None,
     ["PRK"]),
    ("The United States imposed new sanctions on Iran's oil sector.", "COERCE", ["USA"],
     ["IRN"]),
    ("Russia and China signed a trade agreement in Beijing on Tuesday.", "SUPPORT", ["CHN", "RUS"],
     []),
    ("India signed a defence pact with France.", "SUPPORT", ["IND"], ["FRA"]),
    ("Germany accused Russia of cyberattacks on its parliament.", "ACCUSE", ["DEU"], ["RUS"]),
    ("Japan's foreign minister met his South Korean counterpart in Seoul.", "CONSULT", ["JPN"],
     ["KOR"]),
    ("Turkey deployed troops to the Syrian border.", "MOBILIZE", ["TUR"], ["SYR"]),
    ("Kenyan police deployed across Nairobi before the rallies.", "MOBILIZE", ["KEN"], []),
    ("North Korea threatened to strike South Korea.", "THREATEN", ["PRK"], ["KOR"]),
    ("Mexico's president praised Canada for its support.", "SUPPORT", ["MEX"], ["CAN"]),
    ("The United Nations delivered food aid to Sudan.", "AID", None, ["SDN"]),
    ("Police arrested dozens of protesters in Caracas.", "COERCE", ["VEN"], None),
    ("Syria withdrew its forces from the town.", "RETREAT", ["SYR"], []),
    # a withdrawal of peacekeepers (CAMEO 1661, SANCTION) moves the doer's own forces: aimed at
    # where they were, not at the peacekeepers
    ("The United Nations also withdrew peacekeepers from a post in Lebanon as a precaution.",
     "SANCTION", ["UNO"], ["LBN"]),
]


@pytest.mark.parametrize("text, event_type, actor, recipient", CASES)
def test_who_did_what_to_whom(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_passive_agent_is_actor(coder):
    event = one(coder, "Ukraine was attacked by Russia on Sunday.")
    assert event.event == "ASSAULT" and codes(event.actor) == ["RUS"]
    assert codes(event.recipient) == ["UKR"]


def test_nominal_trigger_takes_possessor_and_place(coder):
    event = one(coder, "Russia's invasion of Ukraine began in February 2022.", "2023-01-01")
    assert event.event == "ASSAULT" and codes(event.actor) == ["RUS"]


def test_reported_pronoun_takes_the_speakers_country(coder):
    event = one(coder, "Hungary has said it will support Croatia's bid to join NATO.")
    assert event.event == "AGREE" and codes(event.actor) == ["HUN"]


def test_the_one_asked_in_a_that_clause_is_the_recipient(coder):
    event = one(coder, "China demanded that the United States cancel its arms sales to Taiwan.")
    assert event.event == "REQUEST"
    assert codes(event.actor) == ["CHN"] and codes(event.recipient) == ["USA"]


def test_words_marked_not_an_actor_are_dropped(coder):
    event = one(coder, "Albania on Friday denounced Serbia's crackdown in Montenegro.")
    assert event.event == "ACCUSE" and codes(event.actor) == ["ALB"]
    assert all(a.sector != "NON" for a in event.actor + event.recipient)


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Albania denounced Serbia's crackdown on protesters.", ["SRB"]),
        ("Poland demanded an apology by Moscow for the massacre.", ["RUS"]),
        ("Uganda threatened to ban Kenyan trucks from its roads.", ["KEN"]),
        ("Thousands of students demonstrated in Belgrade on Sunday.", ["SRB"]),
    ],
)
def test_recipient_named_inside_the_object_or_by_the_place(coder, text, recipient):
    assert codes(one(coder, text).recipient) == recipient


def test_an_international_court_is_not_given_the_country_it_investigates(coder):
    event = one(coder, "The International Criminal Court opened an investigation into crimes "
                     "committed in Burundi.")
    assert event.event == "ACCUSE"
    assert [(a.code, a.sector) for a in event.actor] == [(None, "IGO")]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # every owner listed after "of", and a country adjective shared by a list
        ("The foreign ministers of France, Germany and Italy met in Rome on Monday.", "CONSULT",
         ["DEU", "FRA", "ITA"], []),
        ("Iraqi police and army units stormed the compound.", "ASSAULT", ["IRQ", "IRQ"], None),
        # bodies and country names the knowledge base gained
        ("The European Community imposed an arms embargo on Yugoslavia.", "SANCTION", ["EUR"],
         ["YUG"]),
        ("The PRC demanded that Washington cancel the arms sale.", "REQUEST", ["CHN"], ["USA"]),
        # a verb conjoined to a passive shares its subject, not its agent
        ("Peru's interior minister was censured by Congress and will resign.", "ACCUSE", None,
         None),
        # a clause that sets the scene is not the main event
        ("Italy announced a suspension of flights to Serbia, one day after a Serbian jet shot down "
         "a helicopter.", "SANCTION", ["ITA"], ["SRB"]),
    ],
)
def test_listed_owners_bodies_and_background_clauses(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_conjoined_verb_takes_the_passive_subject(coder):
    events = coder.code_text("Peru's interior minister was censured by Congress and will resign.")
    resign = next(e for e in events if e.event_text == "resign")
    assert codes(resign.actor) == ["PER"]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # a relative clause inside the target phrase does not name the target
        ("Thousands of Georgians rallied in Tbilisi against a law that critics say copies Russian "
         "legislation.", "PROTEST", ["GEO"], ["GEO"]),
        # the body whose offer is rejected
        ("Ethiopia's government turned down an offer of African Union mediation in Tigray.",
         "REJECT", ["ETH"], None),
        # a group an authority acts on at home is of its country
        ("Egyptian police arrested dozens of students on Friday.", "COERCE", ["EGY"], ["EGY"]),
    ],
)
def test_target_phrases(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Kenya's chief prosecutor sought life sentences for two Ugandan militia commanders in "
         "the Nairobi trial.", ["UGA"]),
        ("Prosecutors in Chile demanded the death penalty for the Peruvian smuggler.", ["PER"]),
    ],
)
def test_a_prosecutor_seeking_a_penalty_accuses_whom_it_is_for(coder, text, recipient):
    # PLOVER manual §ACCUSE: charge judicially, bring to court; the penalty sought is not the
    # target, whom it is for is (docs/codebook-boundaries.md, ACCUSE vs REQUEST)
    assert_coded(coder, text, "ACCUSE", None, recipient)


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a suit or proceedings the object names: whom they are against, not the court
        ("Kenya began court proceedings against the Ugandan opposition leader.", ["UGA"]),
        ("The Kenyan government brought court proceedings against the Tanzanian ferry operator.",
         ["TZA"]),
        ("Prosecutors in Ghana instituted court proceedings against a Togolese general.",
         ["TGO"]),
    ],
)
def test_proceedings_begun_or_brought_accuse_whom_they_are_against(coder, text, recipient):
    # PLOVER manual §ACCUSE allege: sue or bring to court (docs/codebook-boundaries.md)
    assert_coded(coder, text, "ACCUSE", None, recipient)


@pytest.mark.parametrize(
    "text, actor, event_type, recipient",
    [
        # what information is on or about is its topic: partners who agree to share it act
        # towards each other, not towards the topic
        ("Kenya and Tanzania agreed to share intelligence on al-Shabaab.", ["KEN", "TZA"],
         "AGREE", []),
        ("Ghana shared intelligence on the Burkinabe jihadists.", ["GHA"], "COOPERATE", []),
        ("Ghana shared intelligence about Burkinabe jihadists with Togo.", ["GHA"], "COOPERATE",
         ["TGO"]),
    ],
)
def test_what_information_is_about_is_no_recipient(coder, text, actor, event_type, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_the_body_whose_offer_is_rejected_is_the_recipient(coder):
    event = one(coder, "Ethiopia's government turned down an offer of African Union mediation in "
                     "Tigray.")
    assert [a.kb_id for a in event.recipient] == ["org:african-union"]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        ("A camp for Somali refugees was attacked by Ethiopian militiamen on Sunday.",
         "ASSAULT", ["ETH"], ["SOM"]),
        ("Israel mounted its invasion of South Lebanon on Tuesday.", "ASSAULT", ["ISR"], ["LBN"]),
        ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE", ["GBR"],
         ["IRQ"]),
        ("Demonstrators in Baghdad blocked a road to show their anger at American policies.",
         "PROTEST", ["IRQ"], ["USA"]),
    ],
)
def test_targets_of_attacks_mobilisation_and_protest(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_every_listed_owner_of_a_group(coder):
    event = one(coder, "The ambassadors of Britain, France and Spain presented their credentials "
                     "to the Iraqi president.")
    assert codes(event.actor) == ["ESP", "FRA", "GBR"]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # an act's target is its purpose's
        ("Kenyan police fired shots to disperse opposition supporters in Nairobi.", "ASSAULT",
         ["KEN"], ["KEN"]),
        # "up to N" objects
        ("Houthi rebels have kidnapped up to 12 Saudi soldiers near the border.", "ASSAULT",
         None, ["SAU"]),
    ],
)
def test_purposes_and_counted_objects(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_forces_expected_to_be_deployed_are_the_actor(coder):
    event = one(coder, "Few analysts expected Turkish troops to be deployed to Libya.")
    assert event.event == "MOBILIZE" and event.modality == "hypothetical"
    assert (codes(event.actor), codes(event.recipient)) == (["TUR"], ["LBY"])


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # bystanders of a nominal act are not its actors
        ("Residents stayed in their homes during the bombing of the town by Syrian jets.",
         "ASSAULT", ["SYR"], None),
        # a country's people or groups are parties distinct from its government
        ("Germany asked Germans to leave Lebanon immediately.", "REQUEST", ["DEU"], ["DEU"]),
        ("Iran accused Iranian dissidents of spying for Israel.", "ACCUSE", ["IRN"], ["IRN"]),
        ("Kenyan police arrested dozens of Kenyans in Nairobi.", "COERCE", ["KEN"], ["KEN"]),
        # the actor's own forces in what it warns of are no recipient
        ("China's defence ministry warned that the People's Liberation Army would crush any "
         "attempt at Taiwanese independence.", "THREATEN", ["CHN"], ["TWN"]),
        # a protest takes its target only from a clause of the same act
        ("Students rallied in Dhaka as Bangladesh accused India of killing villagers.", "PROTEST",
         None, ["BGD"]),
        # an "unless" that names no other party is no ultimatum
        ("Indonesia will release 200 prisoners on Independence Day unless the court objects.",
         "AGREE", ["IDN"], None),
        # a plan of an act hangs from its complement, not from a scene-setting phrase
        ("Jewish settlers set fire to the offices of Palestinian administrators following the "
         "killing of an Israeli man.", "ASSAULT", None, None),
    ],
)
def test_bystanders_own_people_and_scene_setting_phrases(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # a noun modifying another is no event of its own, unless that noun only holds it
        ("Gunmen attacked an aid convoy near Goma on Tuesday.", "ASSAULT", None, None),
        ("The Arab League undertook a mediation mission between Syria and Lebanon.", "CONSULT",
         None, None),
        # objects in a list, and what a court orders
        ("Germany will deliver additional tanks and air defence systems to Ukraine.", "AGREE",
         ["DEU"], ["UKR"]),
        ("A U.S. federal judge ordered Iran to pay damages to the families of the victims.",
         "SANCTION", ["USA"], ["IRN"]),
        ("Jordanian intelligence has been passing information on militants to Iraq.", "COOPERATE",
         ["JOR"], ["IRQ"]),
        ("Ratko Mladic was transferred by Serbia to the UN war crimes tribunal on Tuesday.",
         "COOPERATE", ["SRB"], None),
    ],
)
def test_modifiers_lists_and_orders(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_a_gazetteer_guess_gives_way_to_the_country_the_sentence_names(coder):
    event = one(coder, "Boko Haram gunmen killed at least 30 villagers in an attack in Borno state "
                     "in north-eastern Nigeria.")
    assert event.event_loc.country_code == "NGA" and codes(event.recipient) == ["NGA"]


def test_an_embassy_is_where_it_stands(coder):
    event = one(coder, "Hundreds of activists demonstrated outside the U.S. embassy in Manila "
                     "against the presence of American troops.")
    assert event.event_loc.country_code == "PHL"
    assert (codes(event.actor), codes(event.recipient)) == (["PHL"], ["USA"])


@pytest.mark.parametrize(
    "text, sector",
    [
        # a group a transnational body owns is the body's, not a country's nor the place's
        ("NATO foreign ministers condemned Serbia's crackdown on ethnic Albanians in Kosovo.",
         "IGO"),
        ("NATO warplanes pounded Yugoslav army positions overnight.", "IGO"),
        ("Greenpeace activists occupied an oil platform off Norway.", "NGO"),
    ],
)
def test_groups_of_transnational_bodies(coder, text, sector):
    event = one(coder, text)
    assert [(a.code, a.sector) for a in event.actor] == [(None, sector)]


@pytest.mark.parametrize("text, body", [
    # an armed group of no one country: its leaders are the group, not the place nor nothing
    ("A drone strike killed three al-Qaeda commanders near the border.", "org:al-qaeda"),
    ("Iraqi troops captured two ISIS leaders in a raid on Thursday.", "org:islamic-state"),
])
def test_people_of_a_listed_body_with_no_country_are_the_body(coder, text, body):
    event = one(coder, text)
    assert body in [a.kb_id for a in event.recipient]


def test_parties_the_knowledge_base_does_not_know_keep_their_words(coder):
    event = one(coder, "Tariq Osei demanded an apology from the prime minister.")
    assert [a.entity_text for a in event.actor] == ["Tariq Osei"]
    assert event.actor[0].code is None and event.actor[0].sector is None
    event = one(coder, "The Peruvian navy seized a fishing trawler off the coast.")
    assert codes(event.actor) == ["PER"] and event.recipient[0].entity_text == "a fishing trawler"


def test_words_alone_never_make_an_event_count(coder):
    from sitrep.coding.participants import is_resolved
    from sitrep.model import Actor

    assert not is_resolved(Actor(entity_text="Tom Hale"))
    assert is_resolved(Actor(entity_text="police", sector="COP"))
    story = ("Kenyan police arrested three opposition activists in Nairobi on Friday. "
             "Tom Hale beat Ivo Marek in the final in Leeds.")
    assert [e.event for e in coder.code_text(story)] == ["COERCE"]


@pytest.mark.parametrize("text, recipient", [
    # what a reaction is to
    ("The Arab League condemned the bombing of the market.", "the bombing of the market"),
    ("Opposition leaders rejected the election results.", "the election results"),
    # whom an act named as the object is aimed at
    ("The Supreme Court lifted a ban on street vendors.", "street vendors"),
    ("Canada suspended aid to the island's rebels.", "the island 's rebels"),
    # not the doer's own forces or arms
    ("Rebel fighters said they would lay down their weapons.", None),
    # a noun trigger's own preposition names its target, as a verb's object does
    ("Chile's condemnation of the massacre was swift.", "the massacre"),
    ("The Greek government began an investigation of the licensing process.",
     "the licensing process"),
    ("The Finnish government mounted a fierce attack on the new tax rules.",
     "the new tax rules"),
    ("Zambian officials held talks with the mine owners on Monday.", "the mine owners"),
])
def test_unresolved_targets(coder, text, recipient):
    event = one(coder, text)
    assert [r.entity_text for r in event.recipient] == ([recipient] if recipient else [])


@pytest.mark.parametrize("text, words", [
    # an investigation is an accusation: its target is whom it is into or against
    ("Greek prosecutors opened an investigation into four coast guard officers.", "officers"),
    ("A court in Dhaka ordered an investigation against the former finance minister.",
     "minister"),
])
def test_an_investigation_is_aimed_at_whom_it_is_into(coder, text, words):
    event = one(coder, text)
    assert event.event == "ACCUSE"
    assert any(words in r.entity_text and "investigation" not in r.entity_text
               for r in event.recipient)


@pytest.mark.parametrize("text, recipient", [
    # an investigation into an act or a claim is aimed at who did it, not at the act
    ("Kenyan prosecutors launched an inquiry into claims that Ugandan soldiers looted shops in "
     "Kampala.", ["UGA"]),
    ("Ghana launched a probe into attacks carried out by Togolese militants.", ["TGO"]),
])
def test_an_investigation_of_an_act_is_aimed_at_its_doer(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "ACCUSE"
    assert codes(event.recipient) == recipient
    assert all(r.sector in {"MIL", "UAF"} for r in event.recipient), text


@pytest.mark.parametrize("text, event_type, recipient", [
    # a mutual act's partner follows "with"; its object is only what it is about
    ("The Kenyan president discussed Somalia with the Ethiopian prime minister on Friday.",
     "CONSULT", ["ETH"]),
    ("Chile discussed Bolivia with Peru at the summit.", "CONSULT", ["PER"]),
])
def test_the_partner_after_with_beats_the_topic(coder, text, event_type, recipient):
    assert_coded(coder, text, event_type, None, recipient)


def test_the_one_blamed_is_who_did_the_condemned_act_also_by_sector_words(coder):
    event = one(coder, "The Zambian government condemned a violent march by striking workers.")
    assert event.event == "ACCUSE"
    assert any("workers" in r.entity_text for r in event.recipient)


@pytest.mark.parametrize("text, event_type, recipient", [
    # an object naming the very act coded is its doer's: whose it is says who acts
    ("Brazil's foreign minister reiterated Brazil's support for Bolivia.", "SUPPORT", ["BOL"]),
])
def test_the_owner_of_the_act_coded_is_no_target(coder, text, event_type, recipient):
    assert_coded(coder, text, event_type, None, recipient)


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # the subject of "face", "draw" undergoes the act its object names; its doer comes "from"
    ("Myanmar's junta faces fresh criticism from Indonesia over the executions.", "ACCUSE",
     ["IDN"], ["MMR"]),
    ("The Ethiopian dam drew sharp condemnation from Egypt.", "ACCUSE", ["EGY"], None),
])
def test_a_subject_that_undergoes_the_act(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # the subject of "weigh", "receive", "study" is the one an act is made to: whoever it comes
    # "from", or whose it is, made it
    ("Poland is weighing a request from Kyiv for more air defence systems.", "REQUEST",
     ["UKR"], ["POL"]),
    ("The Kenyan cabinet will examine the Somali request for more troops.", "REQUEST", ["SOM"],
     ["KEN"]),
    ("Spain received Morocco's offer of talks on the fishing dispute.", "AGREE", ["MAR"],
     ["ESP"]),
])
def test_a_subject_that_receives_the_act(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_a_message_referred_back_to_is_no_act_of_whoever_weighs_it(coder):
    # "would study the request": the request was made before, to the one who studies it; the
    # modal is the studying's, not the request's
    event = one(coder, "The Tanzanian foreign ministry said Nairobi would study the request.")
    assert event.event == "REQUEST" and codes(event.recipient) == ["KEN"]
    assert "KEN" not in codes(event.actor) and event.modality != "hypothetical"


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # giving, providing, offering or granting an act: the giver does it, to whom it goes
        ("Austria is ready to provide help to Yazidi refugees.", "AGREE", ["AUT"], ["IRQ"]),
        ("Norway offered mediation to the Sri Lankan government last week.", "AGREE", ["NOR"],
         ["LKA"]),
    ],
)
def test_an_act_given_goes_to_whom_it_is_given(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # a refusal held until another party acts is aimed at that party
        ("The dockers' union said it would not call off the strike until the ministry raises "
         "wages.", "REJECT", None, None),
        ("Canada will not lift the sanctions until Iran frees the detained journalists.",
         "REJECT", ["CAN"], ["IRN"]),
        # whom something, or oneself, is handed over to
        ("Two hundred rebels surrendered to the Colombian army on Friday.", "RETREAT", None,
         ["COL"]),
        ("Germany returned the stolen statues to Nigeria.", "RETREAT", ["DEU"], ["NGA"]),
    ],
)
def test_the_party_awaited_or_handed_to(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)
    if recipient is None:
        event = one(coder, text)
        assert [a.sector for a in event.recipient] == ["GOV"]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # an ethnic minority is coded by the country it lives in, not by its kin state
        ("Ethnic Hungarians protested in Romania against the new language law on Sunday.",
         "PROTEST", ["ROU"], None),
        ("Georgian police detained ten ethnic Armenians in Georgia on Sunday.", "COERCE",
         ["GEO"], ["GEO"]),
        # ... and a nationality not named as an ethnicity keeps its country
        ("Hungarian farmers protested in Romania against the new tariffs.", "PROTEST", ["HUN"],
         None),
    ],
)
def test_an_ethnic_minority_is_coded_where_it_lives(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # an act or a text that names no one is its doer's ("by X")
        ("An attack by Boko Haram killed 12 soldiers in Borno on Sunday.", "ASSAULT", ["NGA"],
         ["NGA"]),
        ("A statement by the Kenyan foreign ministry condemned the attack on the embassy.",
         "ACCUSE", ["KEN"], None),
        # a bomb no one is named for: the unidentified armed forces of where it went off
        ("A roadside bomb killed two soldiers in Helmand on Tuesday.", "ASSAULT", ["AFG"], None),
    ],
)
def test_the_doer_behind_an_act_or_a_bomb(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


def test_an_unnamed_bomber_is_unidentified_armed_forces(coder):
    event = one(coder, "A car bomb killed 12 people in a market in Kano on Friday.")
    assert [(a.code, a.sector) for a in event.actor] == [("NGA", "UAF")]
    # a stabbing names no bomb: no one is made its doer
    assert coder.code_text("A man was stabbed in Leeds on Sunday.", published="2025-06-10") == []


@pytest.mark.parametrize(
    "text, event_type, recipient_sector",
    [
        # a group's demand, appeal or challenge stands for the group
        ("The court rejected the opposition's appeal on Monday.", "REJECT", "OPP"),
        ("The supreme court dismissed the opposition's challenge to the election result.",
         "REJECT", "OPP"),
        ("The government rejected the rebels' demands.", "REJECT", "REB"),
    ],
)
def test_a_groups_thing_stands_for_the_group(coder, text, event_type, recipient_sector):
    event = one(coder, text)
    assert event.event == event_type
    assert [a.sector for a in event.recipient] == [recipient_sector]
    assert "'" not in event.recipient[0].entity_text


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # a change in an act ("an increase in aid") holds the act's parties ...
        ("Japan announced an increase in aid to Kenya.", "AID", ["JPN"], ["KEN"]),
        # ... and a cut in aid is a sanction on whom it went to
        ("The United States announced a sharp cut in military aid to Egypt.", "SANCTION", ["USA"],
         ["EGY"]),
    ],
)
def test_a_change_in_an_act_holds_its_parties(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, recipient", [
    # a handover goes to whom "to" names, however the text names them; what is handed over
    # (its object) is never the recipient
    ("Canada returned a stolen portrait to its owners.", "its owners"),
    ("Italian police returned a looted manuscript to the abbey of Monte Cassino.",
     "the abbey of Monte Cassino"),
    ("Dutch officials returned a bronze mask by a Nigerian sculptor to the palace museum.",
     "the palace museum"),
])
def test_a_handover_goes_to_whom_it_is_handed(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "RETREAT"
    assert [r.entity_text for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # the parser hangs the handover's "to" on a clause that qualifies what is handed over
    ("Police returned an old painting, missing since 1950, to Poland.", ["POL"]),
    ("Britain returned a statue taken from Benin in 1897 to Nigeria.", ["NGA"]),
    ("The museum returned a mask that was stolen from a gallery in Lagos to the Nigerian "
     "government.", ["NGA"]),
])
def test_a_handover_hung_on_a_clause_of_what_is_handed(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "RETREAT"
    assert codes(event.recipient) == recipient
    # a journey of the people handed over is theirs, not the handover's
    event = one(coder, "Greece returned the migrants who had sailed to Lesbos.")
    assert [r.entity_text for r in event.recipient] == ["the migrants"]


def test_the_maker_of_what_is_rejected_or_condemned(coder):
    # the one blamed is who made what the object names, after "by" in a participle clause
    event = one(coder, "A Ghanaian court rejected an appeal filed by lawyers of the former minister.")
    assert event.event == "REJECT"
    assert [(a.code, a.sector) for a in event.recipient] == [("GHA", "JUD")]
    event = one(coder, "The ministers condemned the attack and the threats made by the Sudanese "
                       "government.")
    assert event.event == "ACCUSE" and codes(event.recipient) == ["SDN"]


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a refusal held until the refuser judges another party's act waits on that party
        ("Kenya will not lift the ban until it is sure Uganda has complied.", ["UGA"]),
        ("Ecuador will not withdraw its troops until it is convinced that Peru has withdrawn its "
         "own.", ["PER"]),
    ],
)
def test_a_refusal_held_until_the_refuser_is_satisfied_waits_on_the_other(coder, text, recipient):
    assert_coded(coder, text, "REJECT", None, recipient)


def test_each_listed_owner_of_a_group_of_no_sector_takes_part(coder):
    # "Kenyan and Ugandan negotiators": both countries' negotiators, not the first one's alone
    event = one(coder, "Kenyan and Ugandan negotiators have agreed a new fishing pact.")
    assert codes(event.actor) == ["KEN", "UGA"]


def test_an_answer_to_a_message_goes_to_its_maker(coder):
    # whoever made the demand, after "from", even a group named only by its sector
    event = one(coder, "The mayor accepted demands from the striking workers.")
    assert event.event == "CONCEDE"
    assert [a.sector for a in event.recipient] == ["LAB"]


@pytest.mark.parametrize("text, actor, recipient", [
    ("UN peacekeepers were deployed to Mali.", ["UNO"], ["MLI"]),
    ("Kenyan peacekeepers are being sent to Somalia.", ["KEN"], ["SOM"]),
    ("Cuban doctors were sent to Liberia.", ["CUB"], ["LBR"]),
])
def test_what_aid_sends_is_the_givers_not_the_receiver(coder, text, actor, recipient):
    # the passive subject of a sending verb is what is sent (the row's object), not its recipient
    assert_coded(coder, text, "AID", actor, recipient)


def test_a_mutual_act_is_not_aimed_at_its_topic(coder):
    # several parties' deal is with one another; what it is on is no recipient
    for text in ("Kenyan and Ugandan negotiators reached a deal on the Somali border.",
                 "Kenya and Uganda signed an agreement on Somali refugees."):
        event = one(coder, text)
        assert codes(event.actor) == ["KEN", "UGA"] and event.recipient == [] and event.reciprocal
    # but what they agree to do is aimed at its own target
    event = one(coder, "Kenya, Uganda and Rwanda have agreed to end their embargo on "
                       "Tanzanian sugar.")
    assert codes(event.recipient) == ["TZA"]


@pytest.mark.parametrize("text, recipient", [
    ("Brazil reiterated the government's commitment to supporting Bolivia's sovereignty.",
     ["BOL"]),
    ("The minister reaffirmed the UN's commitment to backing Mali's transition.", ["MLI"]),
])
def test_whose_stance_is_stated_is_the_doers_side(coder, text, recipient):
    # the owner of the stance the row's object names (commitment) is no recipient
    assert_coded(coder, text, "SUPPORT", None, recipient)


@pytest.mark.parametrize("text, recipient", [
    ("Rwanda threatened to ban Ugandan and Kenyan candidates.", ["KEN", "UGA"]),
    ("The union agreed to set up a force made up of Kenyan, Ugandan and South African troops.",
     ["KEN", "UGA", "ZAF"]),
    # the parser sets the first two side by side as modifiers of the noun
    ("The council agreed to send a mission composed of Ghanaian, Nigerian and Senegalese police "
     "officers.", ["GHA", "NGA", "SEN"]),
])
def test_the_countries_listed_inside_the_object_are_all_named(coder, text, recipient):
    # the first country named inside the object, and those listed with it
    assert codes(one(coder, text).recipient) == recipient


@pytest.mark.parametrize("text, actors", [
    # the parser leaves the "and" dangling on the first name and hangs the second on the noun
    ("UK and EU negotiators on Friday agreed a new fisheries deal.", ["EUR", "GBR"]),
    ("UK and EU negotiators have signed a new accord.", ["EUR", "GBR"]),
    ("UK and EU leaders have agreed a deal on fishing rights.", ["EUR", "GBR"]),
    # controls, parsed as a list whole
    ("Serbia and Kosovo negotiators signed an accord in Brussels.", ["SRB", "XKX"]),
    ("Peru and Chile delegates held talks in Lima on Monday.", ["CHL", "PER"]),
])
def test_names_listed_before_a_noun_are_each_a_party(coder, text, actors):
    event = one(coder, text)
    assert codes(event.actor) == actors and event.reciprocal


@pytest.mark.parametrize("text, recipient", [
    # the parser hangs "to" on the last of the things given
    ("Japan will provide a grant and a loan to the Kenyan Red Cross.", [("KEN", "NGO")]),
    ("Germany will give a grant and a loan to Ukrainian farmers.", [("UKR", "AGR")]),
    ("The Ohio Department of Health will provide a grant and a loan to the Toledo Port "
     "Authority.", [("USA", "GOV")]),
])
def test_whom_a_list_of_things_is_given_to(coder, text, recipient):
    assert [(r.code, r.sector) for r in one(coder, text).recipient] == recipient


@pytest.mark.parametrize("text, recipient", [
    # "N of a country's prisoners" freed by its authorities: the prisoners, not the country
    ("Egyptian authorities released 40 of Egypt's jailed journalists on Sunday.", ("EGY", "JRN")),
    ("The Cuban government freed 12 of Cuba's political prisoners.", ("CUB", "CVL")),
    ("Venezuelan authorities released 20 of Venezuela's detained opposition activists.",
     ("VEN", "CVL")),
])
def test_a_countrys_own_people_freed_by_its_authorities(coder, text, recipient):
    assert [(r.code, r.sector) for r in one(coder, text).recipient] == [recipient]


@pytest.mark.parametrize("text, trigger, recipient", [
    # an object pronoun of a clause that hangs on another stands for that clause's subject
    ("The striking miners were released after the governor pardoned them.", "pardoned",
     "The striking miners"),
    ("Journalist Maria Soto was detained in March after police accused her of spying.",
     "accused", "Maria Soto"),
    ("Tomas Ruiz was released on Monday after the governor pardoned him.", "pardoned",
     "Tomas Ruiz"),
])
def test_an_object_pronoun_stands_for_the_main_clauses_subject(coder, text, trigger, recipient):
    event = next(e for e in coder.code_text(text) if e.event_text == trigger)
    assert [r.entity_text for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, trigger, actor", [
    # a noun trigger a country is said to lead ("-led") is that country's act
    ("The US-led invasion of Iraq began in March 2003.", "invasion", ["USA"]),
    ("The French-led offensive against the jihadists began in January.", "offensive", ["FRA"]),
    ("A Saudi-led strike on a school bus that killed 40 children used a US-made bomb.",
     "strike", ["SAU"]),
])
def test_a_noun_trigger_led_by_a_country_is_its_act(coder, text, trigger, actor):
    event = next(e for e in coder.code_text(text) if e.event_text == trigger)
    assert codes(event.actor) == actor


@pytest.mark.parametrize("text, recipient", [
    # what one asked for, granted or given, goes to whoever asked
    ("A Kenyan court granted the bail sought by the opposition leader's lawyers.",
     "the opposition leader 's lawyers"),
    ("The governor granted the clemency requested by Human Rights Watch.", "Human Rights Watch"),
    ("The Chilean government granted the pardon requested by Amnesty International.",
     "Amnesty International"),
    # a control that another rule already reads
    ("A federal judge granted a stay sought by the Sierra Club.", "the Sierra Club"),
])
def test_what_was_asked_for_goes_to_whoever_asked(coder, text, recipient):
    assert [r.entity_text for r in one(coder, text).recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # a common noun a person's name follows in apposition names that person, of its sector
    ("The journalist Ibrahim Sani was arrested on Monday in Niger.",
     ("Ibrahim Sani", "JRN")),
    ("Police arrested the activist Kofi Mensah in Accra.", ("Kofi Mensah", "CVL")),
    ("Rebels kidnapped the engineer, Pedro Alvarez, near the dam.", ("Pedro Alvarez", "CVL")),
])
def test_a_noun_named_by_its_apposition_is_that_person(coder, text, recipient):
    assert [(r.entity_text, r.sector) for r in one(coder, text).recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # an act of opening access goes to whom "to" names
    ("Hungary opened its borders to refugees in 2015.", ("refugees", "REF")),
    ("Israel granted access to foreign journalists on Monday.", ("foreign journalists", "JRN")),
    # what a party is willing to do goes to whom that act does
    ("Japan is willing to provide military expertise to the United Nations.",
     ("the United Nations", "IGO")),
])
def test_whom_access_or_a_willing_act_goes_to(coder, text, recipient):
    assert [(r.entity_text, r.sector) for r in one(coder, text).recipient] == [recipient]


@pytest.mark.parametrize("text, event_type, recipient", [
    # a reaction is to the thing or the unplaced party its object names, by the object's words,
    # in the country of the place named after it; a party owning the object stays the target
    ("The Arab League condemned the car bomb attack on a mosque in Iraq's Diyala province.",
     "ACCUSE", ("car bomb attack", "IRQ")),
    ("The African Union rejected the provisional election results in Gabon.", "REJECT",
     ("provisional election results", "GAB")),
])
def test_a_reaction_is_to_what_its_object_names(coder, text, event_type, recipient):
    event = one(coder, text)
    assert event.event == event_type
    assert [(r.entity_text, r.code) for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # charges dropped are dropped for whom they were brought against
    ("Ugandan prosecutors dropped terrorism charges against 36 supporters of the opposition "
     "arrested after the vote.", "36 supporters of the opposition arrested after the vote"),
])
def test_charges_dropped_are_aimed_at_whom_they_were_against(coder, text, recipient):
    event = one(coder, text)
    assert event.event in {"CONCEDE", "RETREAT"}
    assert [r.entity_text for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, actor, recipient", [
    # an amount of money in aid stands where the verb's object does: its subject gives it
    ("Britain announced 40 million pounds in humanitarian aid for Sudan.", "GBR", "SDN"),
    ("Kuwait unveiled $200 million in reconstruction assistance for Iraq.", "KWT", "IRQ"),
])
def test_an_amount_in_aid_is_given_by_the_verbs_subject(coder, text, actor, recipient):
    event = one(coder, text)
    assert (event.event, codes(event.actor), codes(event.recipient)) == ("AID", [actor],
                                                                          [recipient])
