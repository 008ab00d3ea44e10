"""The actors a noun phrase names (coding/phrase_actors.py): lists of actors (also where the
parser breaks them), groups placed by a country ("soldiers from Chad") or led by one, bodies named
by a group noun or a post, a government's opponents. Sentences are real-news shapes with real
countries."""

from __future__ import annotations

import pytest

from sitrep.actors.knowledge import shipped_kb
from sitrep.actors.resolve import resolve
from sitrep.coding.lists import conjuncts
from sitrep.coding.phrase_actors import actors_of
from sitrep.entities.mentions import Mention, Mentions

from ..conftest import event_of


def codes(actors):
    return [a.code for a in actors]


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # a list whose second member the parser took for an apposition
    ("Mali, the Central African Republic, Niger and Chad welcomed the decision.", "welcomed",
     ["MLI", "CAF", "NER", "TCD"], None),
    # the parties of a relation named under the object ("the resumption of ties with ...")
    ("Kenya welcomed the resumption of diplomatic ties with Somalia, Ethiopia, Eritrea and "
     "Djibouti.", "welcomed", ["KEN"], ["SOM", "ETH", "ERI", "DJI"]),
    ("Kenya welcomed the restoration of ties between Somalia and Ethiopia.", "welcomed", ["KEN"],
     ["SOM", "ETH"]),
    # a group placed by the country it comes from, also by a list of them
    ("Soldiers from Chad attacked the village.", "attacked", ["TCD"], None),
    ("Troops from Rwanda and Burundi attacked the village.", "attacked", ["RWA", "BDI"], None),
    # a group owned by coordinated country words
    ("U.S. and British forces attacked the town.", "attacked", ["USA", "GBR"], None),
])
def test_actor_lists(coder, text, trigger, actor, recipient):
    event = event_of(coder, text, trigger)
    assert codes(event.actor) == actor
    if recipient is not None:
        assert codes(event.recipient) == recipient


@pytest.mark.parametrize("text, trigger, code, sector", [
    ("Soldiers from Chad attacked the village.", "attacked", "TCD", "MIL"),
    ("Officials from the U.S. State Department met Chinese diplomats.", "met", "USA", "GOV"),
    # the model tags the country ORG, so it is no event place; "in" still places the group
    ("Activists in Eswatini condemned the arrests.", "condemned", "SWZ", "CVL"),
    # the country word hung on the verb right before the group it modifies
    ("Nauru police arrested dozens of protesters.", "arrested", "NRU", "COP"),
])
def test_groups_placed_by_a_country(coder, text, trigger, code, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize("text, trigger, code, sector", [
    # a coalition a country leads is the country's military; a led group keeps its sector
    ("The Kenyan-led coalition declared a ceasefire in the region.", "declared", "KEN", "MIL"),
    ("The U.S.-led coalition said it struck militant positions near Mosul.", "struck", "USA",
     "MIL"),
    ("French-led forces attacked a rebel base in northern Mali.", "attacked", "FRA", "MIL"),
])
def test_a_group_a_country_leads_is_the_country_s(coder, text, trigger, code, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.code, actor.sector) == (code, sector)


def test_a_coalition_a_party_leads_is_no_country_s(coder):
    events = coder.code_text("The Labour-led coalition rejected the budget in Wellington.",
                             published="2024-05-01")
    assert all(a.sector != "MIL" for e in events for a in e.actor)


def test_sector_group_text_stops_at_its_own_phrase(coder):
    event = event_of(coder, "Students, workers, and Kenya's opposition rejected the tax.",
                     "rejected")
    assert [a.entity_text for a in event.actor] == ["Students", "workers", "Kenya 's opposition"]
    assert (event.actor[-1].code, event.actor[-1].sector) == ("KEN", "OPP")


def test_a_country_named_with_and_is_one_actor(coder):
    event = event_of(coder, "Bosnia and Herzegovina condemned the attack.", "condemned")
    assert codes(event.actor) == ["BIH"]


def test_dangling_and_before_a_second_subject(coder, nlp):
    """"Unions, churches, and Kenya welcomed": the parser makes "Kenya" a second subject of the
    verb after a dangling "and"; it is the list's last member."""
    text = "Unions, churches, and Kenya welcomed the decision."
    doc = nlp(text)
    assert [t.text for t in conjuncts(doc[0])] == ["Unions", "churches", "Kenya"]
    assert "KEN" in codes(event_of(coder, text, "welcomed").actor)


def _mentions_over(doc, text, spans, kb=None, when=None):
    items = []
    for name, label in spans:
        start = text.index(name)
        items.append(Mention(start, start + len(name), label, resolve(name, when, label, kb)))
    return Mentions(items, kb=kb, when=when)


def test_a_mention_run_over_a_list_is_split_with_the_knowledge_base(nlp):
    """The model sometimes tags "France and Germany" as one entity: with the knowledge base at
    hand each member is resolved on its own; without it the mention counts once, not twice."""
    text = "Spain restored ties with France and Germany."
    doc = nlp(text)
    france = next(t for t in doc if t.text == "France")
    spans = [("Spain", "GPE"), ("France and Germany", "GPE")]
    kb = shipped_kb()
    assert codes(actors_of(france, _mentions_over(doc, text, spans, kb), kb.sectors)) == \
        ["FRA", "DEU"]
    assert codes(actors_of(france, _mentions_over(doc, text, spans), kb.sectors)) == ["FRA"]


def test_a_known_name_with_and_is_not_split(nlp):
    text = "Spain restored ties with Trinidad and Tobago."
    doc = nlp(text)
    trinidad = next(t for t in doc if t.text == "Trinidad")
    kb = shipped_kb()
    mentions = _mentions_over(doc, text, [("Trinidad and Tobago", "GPE")], kb)
    assert codes(actors_of(trinidad, mentions, kb.sectors)) == ["TTO"]


def test_a_list_hung_on_its_last_name(nlp):
    """"Estonia, Latvia and the wary Lithuania" parsed with the first names as a modifier of the
    last (as the model does with unfamiliar names): they are still its conjuncts."""
    from spacy.tokens import Doc

    words = ["Estonia", ",", "Latvia", "and", "the", "wary", "Lithuania", "condemned", "it", "."]
    doc = Doc(nlp.vocab, words=words,
              heads=[6, 0, 0, 2, 6, 6, 7, 7, 7, 7],
              deps=["nmod", "punct", "conj", "cc", "det", "amod", "nsubj", "ROOT", "dobj",
                    "punct"],
              pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "PRON",
                   "PUNCT"])
    kb = shipped_kb()
    mentions = _mentions_over(doc, doc.text, [("Estonia", "GPE"), ("Latvia", "GPE"),
                                              ("Lithuania", "GPE")], kb)
    assert codes(actors_of(doc[6], mentions, kb.sectors)) == ["LTU", "EST", "LVA"]


@pytest.mark.parametrize("text, trigger, kb_id, sector", [
    # a listed body named with a noun for a body or its members is the body
    ("The Islamic State group attacked a checkpoint near Kirkuk.", "attacked",
     "org:islamic-state", "REB"),
    ("Hamas members fired rockets at Israel.", "fired", "org:hamas", "REB"),
    # a group word after a sector word: the group is of that sector
    ("Opposition members boycotted the parliament session in Kampala.", "boycotted", None, "OPP"),
])
def test_a_body_named_with_a_group_noun_is_the_body(coder, text, trigger, kb_id, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.kb_id, actor.sector) == (kb_id, sector)


def test_supporters_of_a_body_are_not_the_body(coder):
    # "supporters" is no noun for a body's own people: they are not its members
    (actor,) = event_of(coder, "Hamas supporters rallied in Gaza against the blockade.",
                        "rallied").actor
    assert actor.sector != "REB"


def test_a_contingent_of_a_group_is_the_group(coder):
    (actor,) = event_of(coder, "A contingent of Nigerian police officers arrived in Monrovia.",
                        "arrived").actor
    assert (actor.code, actor.sector) == ("NGA", "COP")


@pytest.mark.parametrize("text, trigger, kb_id, code, sector", [
    # the holder of a post of a political body acts for the body
    ("The head of the UN refugee agency criticised the deportations.", "criticised",
     "org:united-nations", "UNO", "IGO"),
    ("The chairman of the Arab League condemned the air strikes.", "condemned",
     "org:arab-league", None, "IGO"),
])
def test_the_holder_of_a_post_of_a_body_is_the_body(coder, text, trigger, kb_id, code, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.kb_id, actor.code, actor.sector) == (kb_id, code, sector)


def test_the_holder_of_a_post_of_no_political_body_is_not_placed(coder):
    events = coder.code_text("The director of the film criticised the ruling.",
                             published="2024-05-01")
    assert not [a for e in events for a in e.actor if a.sector or a.code]


@pytest.mark.parametrize("text, trigger, sector", [
    # a political body's members are the body, placed or not
    ("Members of the ruling party boycotted the vote.", "boycotted", "GOV"),
    ("Members of the opposition coalition walked out of parliament in protest.", "walked",
     "PTY"),
])
def test_members_of_a_political_body_are_the_body(coder, text, trigger, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert actor.sector == sector


@pytest.mark.parametrize("text, trigger, sector", [
    # the kind of group in any member of a list of modifiers ("House and Senate", a list of names)
    ("House and Senate negotiators reached a deal on the budget bill on Friday.", "reached", "LEG"),
    ("Assembly and Senate leaders condemned the attack on the parliament building.", "condemned",
     "LEG"),
    # a local government body is the government's (GOV), not the town's people (CVL)
    ("The city council condemned the police raid on the mosque.", "condemned", "GOV"),
    ("The County Commission ended its talks with the quarry owners.", "ended", "GOV"),
    ("County commissioners rejected the governor's request for more funds.", "rejected", "GOV"),
    # a municipal corporation is a city's government in South Asia, not a firm
    ("The Greater Hyderabad Municipal Corporation banned street protests in the old city.",
     "banned", "GOV"),
    ("The Lahore Metropolitan Corporation condemned the attack on the mosque.", "condemned",
     "GOV"),
])
def test_a_group_of_listed_bodies_or_a_local_council_takes_the_bodies_sector(coder, text,
                                                                              trigger, sector):
    (actor,) = event_of(coder, text, trigger).actor
    assert actor.sector == sector


@pytest.mark.parametrize("text, trigger, code", [
    # a government's (its head's) critics, opponents and rivals are its country's opposition
    ("Opponents of President William Ruto condemned the arrests.", "condemned", "KEN"),
    ("Critics of the Kenyan government condemned the arrests.", "condemned", "KEN"),
    ("Rivals of the Lebanese government said they will boycott the talks.", "boycott", "LBN"),
    # the possessor's critics, not the possessor
    ("President William Ruto's critics condemned the arrests.", "condemned", "KEN"),
])
def test_a_government_s_opponents_are_its_opposition(coder, text, trigger, code):
    (actor,) = event_of(coder, text, trigger).actor
    assert (actor.code, actor.sector) == (code, "OPP")


@pytest.mark.parametrize("text, trigger", [
    # the person named after a critic or rival (in apposition, or hung on the verb by the
    # parser) is the party: not the government's opposition
    ("President William Ruto's main rival, former prime minister Raila Odinga, condemned the "
     "arrests.", "condemned"),
    ("A Russian court charged one of the Kremlin's fiercest critics, opposition leader Alexei "
     "Navalny, with fraud.", "charged"),
    ("Prime Minister Narendra Modi's fiercest critic, Rahul Gandhi, condemned the arrests.",
     "condemned"),
    # critics abroad are no one's opposition
    ("Foreign critics of the Kenyan government condemned the arrests.", "condemned"),
])
def test_a_named_or_foreign_critic_is_no_opposition(coder, text, trigger):
    events = coder.code_text(text, published="2021-06-10")
    # the person may well be in the opposition (the knowledge base says so by date); the phrase
    # of critics or rivals is not made the opposition party
    assert not any(a.sector == "OPP" and ("critic" in a.entity_text or "rival" in a.entity_text)
                   for e in events for a in e.actor + e.recipient), text


def test_members_of_a_group_of_no_sector_stay_members(coder):
    event = event_of(coder, "Police arrested two members of the band after the concert.",
                     "arrested")
    assert [a.sector for a in event.recipient] == ["UNK"]


@pytest.mark.parametrize("text, name, sector", [
    # a name the model left untagged, titled by an office before it ("Minister for Trade")
    ("Minister for Trade Jane Roe met the Chinese ambassador.", "Roe", "GOV"),
    # a title that is no sector word ("Coach of the Year") places no one
    ("Coach of the Year Tom Reed met the Chinese ambassador.", "Reed", None),
])
def test_an_untagged_name_titled_by_an_office(nlp, text, name, sector):
    doc = nlp(text)
    kb = shipped_kb()
    head = next(t for t in doc if t.text == name)
    found = actors_of(head, _mentions_over(doc, text, [("Chinese", "NORP")], kb), kb.sectors)
    assert [a.sector for a in found] == ([sector] if sector else [])
