"""Central bank governors, military chiefs and finance ministers of 2016-2026 from
scripts/kb/offices_2016_banks_chiefs_finance.txt (h51, issue 13): a sample of its rows, each asked
for by a title with the country (as news writes it) and by the holder's name, on a date inside
the row's term. The person, the country and the sector must all be right (docs/actors.md:
governors and ministers GOV, military chiefs MIL)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve


@pytest.mark.parametrize("mention, when, name, code, sector", [
    # central bank governors
    ("Albania's central bank governor", "2020-05-01", "Gent Sejko", "ALB", "GOV"),
    ("the Croatian central bank governor", "2019-03-01", "Boris Vujčić", "HRV", "GOV"),
    ("Portugal's central bank governor", "2018-10-01", "Carlos Costa", "PRT", "GOV"),
    ("the Portuguese central bank governor", "2022-02-01", "Mário Centeno", "PRT", "GOV"),
    ("Zambia's central bank governor", "2021-03-01", "Christopher Mvunga", "ZMB", "GOV"),
    ("the Zambian central bank governor", "2023-05-01", "Denny Kalyalya", "ZMB", "GOV"),
    ("Georgia's central bank governor", "2019-09-01", "Koba Gvenetadze", "GEO", "GOV"),
    ("the Jamaican central bank governor", "2021-11-01", "Richard Byles", "JAM", "GOV"),
    ("Paraguay's central bank president", "2020-10-01", "José Cantero", "PRY", "GOV"),
    ("the Kuwaiti central bank governor", "2018-02-01", "Mohammad Al-Hashel", "KWT", "GOV"),
    ("Ukraine's central bank governor", "2017-10-01", "Yakiv Smolii", "UKR", "GOV"),
    ("Armenia's central bank chief", "2022-06-01", "Martin Galstyan", "ARM", "GOV"),
    ("the Namibian central bank governor", "2018-07-01", "Iipumbu Shiimi", "NAM", "GOV"),
    ("Myanmar's central bank governor", "2022-01-15", "Than Nyein", "MMR", "GOV"),
    # military chiefs
    ("Jordan's army chief", "2018-04-01", "Mahmoud Freihat", "JOR", "MIL"),
    ("the Jordanian military chief", "2022-09-01", "Yousef Huneiti", "JOR", "MIL"),
    ("Saudi Arabia's chief of staff of the army", "2017-03-01", "Abdulrahman bin Saleh Al-Bunyan",
     "SAU", "MIL"),
    ("the Colombian military chief", "2020-09-01", "Luis Fernando Navarro", "COL", "MIL"),
    ("Colombia's armed forces chief", "2023-06-01", "Helder Giraldo", "COL", "MIL"),
    ("Argentina's armed forces chief", "2021-08-01", "Juan Martín Paleo", "ARG", "MIL"),
    ("the Austrian chief of general staff", "2017-05-01", "Othmar Commenda", "AUT", "MIL"),
    ("the Greek chief of defence", "2016-10-01", "Evangelos Apostolakis", "GRC", "MIL"),
    ("Bulgaria's chief of defence", "2019-12-01", "Andrey Botsev", "BGR", "MIL"),
    ("the Irish chief of defence staff", "2023-04-01", "Seán Clancy", "IRL", "MIL"),
    ("the Emirati armed forces chief", "2019-05-01", "Hamad Mohammed Thani Al Rumaithi", "ARE", "MIL"),
    # finance ministers
    ("Bahrain's finance minister", "2017-01-01", "Ahmed bin Mohammed Al Khalifa", "BHR", "GOV"),
    ("the Cypriot finance minister", "2021-02-01", "Constantinos Petrides", "CYP", "GOV"),
    ("Oman's finance minister", "2018-09-01", "Darwish bin Ismail Al Balushi", "OMN", "GOV"),
    ("Andorra's finance minister", "2021-09-01", "Eric Jover", "AND", "GOV"),
    ("Brunei's finance minister", "2024-01-01", "Hassanal Bolkiah", "BRN", "GOV"),
    ("Taiwan's finance minister", "2020-12-01", "Su Jain-rong", "TWN", "GOV"),
    ("Togo's finance minister", "2019-04-01", "Sani Yaya", "TGO", "GOV"),
    ("the Dominican Republic's finance minister", "2018-03-01", "Donald Guerrero", "DOM", "GOV"),
    ("Botswana's finance minister", "2017-11-01", "Kenneth Matambo", "BWA", "GOV"),
    ("the Malawian finance minister", "2018-05-01", "Goodall Gondwe", "MWI", "GOV"),
    ("Malawi's finance minister", "2021-04-01", "Felix Mlusu", "MWI", "GOV"),
    ("Zambia's finance minister", "2016-05-01", "Alexander Chikwanda", "ZMB", "GOV"),
    ("Namibia's finance minister", "2022-10-01", "Iipumbu Shiimi", "NAM", "GOV"),
    ("the Slovenian finance minister", "2017-06-01", "Mateja Vraničar Erman", "SVN", "GOV"),
    # by name, inside the term
    ("Gaston Reinesch", "2020-01-01", "Gaston Reinesch", "LUX", "GOV"),
    ("Koba Gvenetadze", "2017-06-01", "Koba Gvenetadze", "GEO", "GOV"),
    ("Khaled Balama", "2023-03-01", "Khaled Mohamed Balama", "ARE", "GOV"),
    ("Andre Blattmann", "2016-06-01", "André Blattmann", "CHE", "MIL"),
    ("Oleg Belokonev", "2018-08-01", "Oleg Belokonev", "BLR", "MIL"),
    ("Calixte Nganongo", "2019-05-01", "Calixte Nganongo", "COG", "GOV"),
    ("Aiyaz Sayed-Khaiyum", "2019-11-01", "Aiyaz Sayed-Khaiyum", "FJI", "GOV"),
])
def test_holder_from_the_table(mention, when, name, code, sector):
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.name, actor.code, actor.sector) == (name, code, sector)


@pytest.mark.parametrize("mention, inside, after, name", [
    # a row ends at the last month the holder is known in office: after it, the office names
    # no one (a gap, never a wrong holder)
    ("Albania's central bank governor", "2025-05-01", "2026-06-01", "Gent Sejko"),
    ("the Jordanian army chief", "2024-05-01", "2025-09-01", "Yousef Huneiti"),
])
def test_term_ends_at_the_last_known_month(mention, inside, after, name):
    assert resolve(mention, date.fromisoformat(inside)).name == name
    actor = resolve(mention, date.fromisoformat(after))
    assert actor.kb_id is None and actor.name != name
