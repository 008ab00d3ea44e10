"""`explain`: the rule that resolved a mention and the rows it read, and the resolution order
(a country stated in the phrase first, titles, agent nouns, surnames by document then date)."""

from __future__ import annotations

from datetime import date

from sitrep.actors.resolve import explain, resolve
from sitrep.model import Actor


def test_an_office_title_with_a_country_names_the_holder_on_the_date():
    found = explain("Georgian Prime Minister", date(2023, 5, 1))
    assert found.rule == "office"
    assert found.actor.name == "Irakli Garibashvili"
    assert found.rows[0].start <= date(2023, 5, 1) <= found.rows[0].end
    assert explain("Georgian Prime Minister", date(2024, 6, 1)).actor.name == "Irakli Kobakhidze"


def test_a_stated_country_wins_over_a_name_inside_the_phrase():
    found = explain("Brazil's Defense Department", date(2022, 1, 1))
    assert (found.actor.code, found.actor.sector) == ("BRA", "GOV")
    assert any("gives way" in step for step in found.steps)
    assert resolve("the Defense Department", date(2022, 1, 1)).code == "USA"


def test_a_complement_does_not_own_the_phrase():
    actor = resolve("Mexican Ambassador to the United Nations", date(2022, 1, 1))
    assert (actor.code, actor.sector) == ("MEX", "GOV")
    actor = resolve("spokesman for the Pentagon", date(2022, 1, 1))
    assert (actor.code, actor.sector) == ("USA", "MIL")


def test_a_backer_is_not_the_owner():
    assert resolve("Iran-backed Houthi rebels", date(2024, 1, 1)).code == "YEM"
    assert resolve("pro-Russian separatists", date(2014, 6, 1)).code is None


def test_agent_nouns_alone_give_their_sector_and_no_country():
    found = explain("riot police", date(2020, 1, 1))
    assert (found.rule, found.actor.code, found.actor.sector) == ("agent", None, "COP")
    assert resolve("former deputy prime minister", date(2020, 1, 1)).sector == "ELI"


def test_former_and_ex_follow_plover_agents():
    assert resolve("ex-President Hugo Chávez", date(2010, 1, 1)).sector == "ELI"
    assert resolve("Hugo Chávez", date(2010, 1, 1)).sector == "GOV"
    assert resolve("former Czech Prime Minister", date(2023, 5, 1)).sector == "ELI"


def test_an_office_held_before_the_date_is_eli():
    actor = resolve("Kersti Kaljulaid", date(2023, 1, 1))
    assert (actor.code, actor.sector) == ("EST", "ELI")


def test_initials_resolve_only_when_one_person_fits():
    assert resolve("J. Biden", date(2022, 1, 1)).kb_id == "person:joe-biden"
    assert explain("J. Biden", date(2022, 1, 1)).rule == "initials"
    assert resolve("J. Smith", date(2022, 1, 1)).code is None  # no curated J. Smith


def test_a_surname_alone_takes_the_documents_person_first():
    named = Actor(entity_text="Ivan Examplov", name="Ivan Examplov", code="RUS", sector="MIL")
    found = explain("Examplov", date(2022, 1, 1), "PERSON", people={"examplov": named})
    assert (found.rule, found.actor.code, found.actor.sector) == ("surname", "RUS", "MIL")


def test_a_surname_alone_by_date_only_when_unambiguous():
    assert resolve("Garibashvili", date(2023, 5, 1), "PERSON").code == "GEO"
    assert resolve("Kim", date(2023, 5, 1), "PERSON").code is None  # many Kims in office


def test_a_surname_of_several_people_of_one_country_gives_the_country():
    # two presidents Bush, neither in office in 2000-06: which one is not known, the country is
    found = explain("Bush", date(2000, 6, 1), "PERSON")
    assert (found.rule, found.actor.code, found.actor.kb_id) == ("surname", "USA", None)
    assert resolve("Kim", None, "PERSON").code is None  # Kims of two countries


def test_breakaway_states_are_their_state_with_pre():
    for name, code in [("South Ossetia", "GEO"), ("Transnistria", "MDA"),
                       ("Somaliland", "SOM"), ("Northern Cyprus", "CYP")]:
        actor = resolve(name, date(2023, 1, 1))
        assert (actor.code, actor.sector) == (code, "PRE")
    officials = resolve("South Ossetian officials", date(2023, 1, 1))
    assert (officials.code, officials.sector) == ("GEO", "GOV")


def test_a_body_written_in_lower_case_is_a_word():
    assert resolve("who", date(2023, 1, 1)).code is None
    assert resolve("the WHO", date(2023, 1, 1)).code == "UNO"


def test_every_resolution_says_its_rule():
    for text in ["Caracas", "Petr Fiala", "soldiers", "Czech President Petr Pavel", "Zzyzx"]:
        assert explain(text, date(2024, 1, 1)).rule in {
            "name", "titled", "initials", "spelling", "phrase", "office", "agent", "surname",
            "unknown"}


def test_the_command_says_why():
    import json

    from click.testing import CliRunner

    from sitrep.interfaces.cli import main

    result = CliRunner().invoke(main, ["actors", "resolve", "Czech Prime Minister",
                                       "--date", "2023-05-01", "--why"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert (found["code"], found["sector"], found["why"]["rule"]) == ("CZE", "GOV", "office")
    assert found["why"]["rows"][0]["kb_id"] == "person:petr-fiala"
    assert "source" in found["why"]["rows"][0]
