"""Defence and interior ministers of 2016-2026 (scripts/kb/offices_2016_defence_interior.txt): a
title with a country gives the holder on the date, where a head of state or government holds the
portfolio too; the holder's name alone gives the person, the country and GOV; a date outside a
term the table could not date to the month names no one (a gap, never a wrong holder)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve


@pytest.mark.parametrize(("mention", "when", "name", "code"), [
    # the head of state or government holds defence
    ("Sri Lanka's defence minister", "2017-03-15", "Maithripala Sirisena", "LKA"),
    ("the Sri Lankan Defence Minister", "2023-02-01", "Ranil Wickremesinghe", "LKA"),
    ("Bangladesh's defence minister", "2019-07-01", "Sheikh Hasina", "BGD"),
    ("Brunei's defence minister", "2021-05-01", "Hassanal Bolkiah", "BRN"),
    ("Algerian defense minister", "2018-02-01", "Abdelaziz Bouteflika", "DZA"),
    ("the Mauritian home affairs minister", "2022-04-01", "Pravind Jugnauth", "MUS"),
    # ministers of the portfolio
    ("Burundi's defence minister", "2018-06-01", "Emmanuel Ntahomvukiye", "BDI"),
    ("Kosovo's interior minister", "2018-11-01", "Ekrem Mustafa", "XKX"),
    ("Bolivia's defence minister", "2016-04-01", "Reymi Ferreira", "BOL"),
    ("Guatemalan Defense Minister", "2022-05-01", "Juan Carlos Alemán", "GTM"),
    ("the Maldivian defence minister", "2024-06-01", "Ghassan Maumoon", "MDV"),
    ("Kuwait's interior minister", "2018-10-01", "Khaled Al-Jarrah Al-Sabah", "KWT"),
    ("the Namibian home affairs minister", "2021-08-01", "Albert Kawana", "NAM"),
    ("Tunisian defence minister", "2021-03-01", "Ibrahim Bartagi", "TUN"),
    ("Bulgaria's interior minister", "2020-11-01", "Hristo Terziyski", "BGR"),
    ("Jordan's interior minister", "2018-06-01", "Samir Mubaidin", "JOR"),
    ("the Kazakh interior minister", "2020-05-01", "Yerlan Turgumbayev", "KAZ"),
    ("Yemen's defence minister", "2020-02-01", "Mohammed al-Maqdashi", "YEM"),
    ("Armenia's interior minister", "2025-02-01", "Arpine Sargsyan", "ARM"),
    ("the Malawian defence minister", "2021-09-01", "Lazarus Chakwera", "MWI"),
    ("the Namibian home affairs minister", "2020-06-01", "Frans Kapofi", "NAM"),
])
def test_title_names_the_holder(mention, when, name, code):
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.name, actor.code, actor.sector) == (name, code, "GOV")


@pytest.mark.parametrize(("mention", "when", "name", "code"), [
    ("Emilie Enger Mehl", "2023-09-01", "Emilie Enger Mehl", "NOR"),     # justice and public security
    ("Karin Keller-Sutter", "2020-06-01", "Karin Keller-Sutter", "CHE"),  # justice and police
    ("Beat Jans", "2025-03-01", "Beat Jans", "CHE"),
    ("Nenad Nesic", "2024-02-01", "Nenad Nešić", "BIH"),                 # minister of security
    ("Jon Gunnarsson", "2022-10-01", "Jón Gunnarsson", "ISL"),
    ("Peter Hummelgaard", "2024-01-01", "Peter Hummelgaard", "DNK"),
    ("Juan Manuel Pino", "2021-01-01", "Juan Manuel Pino", "PAN"),       # public security
    ("Marvin Dames", "2019-01-01", "Marvin Dames", "BHS"),               # national security
    ("Tiran Alles", "2023-05-01", "Tiran Alles", "LKA"),                 # public security
    ("Charles Richard Mondjo", "2018-01-01", "Charles Richard Mondjo", "COG"),
    ("Kuol Manyang Juuk", "2017-01-01", "Kuol Manyang Juuk", "SSD"),
])
def test_the_name_gives_the_minister(mention, when, name, code):
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.name, actor.code, actor.sector) == (name, code, "GOV")


@pytest.mark.parametrize(("mention", "when", "code"), [
    ("New Zealand's interior minister", "2017-09-15", "NZL"),   # between two tabled terms
    ("Kazakhstan's interior minister", "2023-06-01", "KAZ"),    # after the last tabled term
])
def test_a_gap_names_no_one(mention, when, code):
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.code, actor.sector) == (code, "GOV")
    assert actor.kb_id is None or not actor.kb_id.startswith("person:"), actor.name
