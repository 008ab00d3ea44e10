from __future__ import annotations

import pytest

from sitrep.model import Document
from sitrep.pipeline import prepare
from sitrep.text.metadata import (
    cited_sources,
    date_from_url,
    describe,
    find_urls,
    is_truncated,
    normalise_published,
    outlet_for,
)

from ..conftest import FIXTURES

COVERAGE = FIXTURES / "coverage"


def test_seed_metadata(seed_text):
    doc = prepare(Document(id="seed", text=seed_text))
    assert [(s.outlet, s.date) for s in doc.cited_sources] == [
        ("The Washington Post", "2025-10-31"), ("The Moscow Times", "2025-05-07")]
    assert doc.cited_sources[0].url == (
        "https://www.washingtonpost.com/world/2025/10/31/russia-venezuela-oil-trump/")
    assert doc.published is None and doc.published_not_before == "2025-10-31"
    assert doc.truncated is True


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.reuters.com/world/2024/03/05/talks/", "2024-03-05"),
        ("https://apnews.com/article/2023-11-02-ceasefire", "2023-11-02"),
        ("https://www.theguardian.com/world/2022/feb/24/russia-invades", "2022-02-24"),
        ("https://example.org/news/20210615/story.html", "2021-06-15"),
        ("https://example.org/news/story-1234", None),
        ("https://example.org/2021/13/45/bad", None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.washingtonpost.com/world/x", "The Washington Post"),
        ("https://themoscowtimes.com/2025/05/07/x", "The Moscow Times"),
        ("https://edition.cnn.com/2025/01/01/x", "CNN"),
        ("https://unknown-blog.example/x", None),
    ],
)
def test_outlet_from_host_and_parent_domains(url, outlet):
    assert outlet_for(url) == outlet


def test_urls_keep_their_path_and_lose_sentence_punctuation():
    text = "See https://www.reuters.com/a/b/. Also (https://apnews.com/x), and www.bbc.co.uk/news."
    assert [u for _, _, u in find_urls(text)] == [
        "https://www.reuters.com/a/b/", "https://apnews.com/x", "www.bbc.co.uk/news"]
    assert [s.outlet for s in cited_sources(text)][:2] == ["Reuters", "The Associated Press"]


def test_stated_date_wins_over_cited_dates():
    doc = describe(Document(id="x", text="Read https://www.reuters.com/2024/01/02/a/ now.",
                            published="March 3, 2025"))
    assert doc.published == "2025-03-03" and doc.published_not_before is None


def test_url_date_used_when_nothing_stated():
    doc = describe(Document(id="x", text="Talks went on.", url="https://www.bbc.com/2025/06/01/t"))
    assert doc.published == "2025-06-01" and doc.outlet


@pytest.mark.parametrize(
    "text, truncated",
    [
        ("The talks ended. Both sides left the room", True),
        ("The talks ended. Both sides left the room.", False),
        ("He said: \u201cwe will return.\u201d", False),
        ("The talks ended in Geneva on Monday.\nReuters", False),
        ("Will they agree? Nobody knows yet", True),
    ],
)
def test_truncation(text, truncated):
    assert is_truncated(text) is truncated


def test_normalise_published():
    assert normalise_published("2025-03-04T10:00:00Z") == "2025-03-04"
    assert normalise_published("not a date at all") is None


# -- the document's own outlet ---------------------------------------------------------------------


@pytest.mark.parametrize("doc, outlet", [
    # stated by the input, by name or as a host
    (Document(id="a", text="t", outlet="Caribbean Wire", url="https://www.reuters.com/x"),
     "Caribbean Wire"),
    (Document(id="b", text="t", outlet="washingtonpost.com"), "The Washington Post"),
    # the URL's host: a readable name where data/outlets.tsv knows it, the host otherwise
    (Document(id="c", text="t", url="https://www.themoscowtimes.com/2025/05/07/x"),
     "The Moscow Times"),
    (Document(id="d", text="t", url="https://www.andes-wire.example.net/2026/10/21/x/"),
     "andes-wire.example.net"),
    # a wire dateline's credit when nothing else says
    (Document(id="e", text="CARACAS, Nov 1 (Reuters) - Venezuela asked Russia for help."),
     "Reuters"),
    (Document(id="f", text="MOSCOW (AP) — Russia said nothing."), "AP"),
    (Document(id="g", text="Venezuela asked Russia (and China) - for help."), None),
])
def test_outlet_is_the_publisher(doc, outlet):
    assert describe(doc).outlet == outlet


def test_cited_outlet_is_never_the_documents_outlet(seed_text):
    doc = describe(Document(id="seed", text=seed_text))
    assert doc.outlet is None  # the seed cites The Washington Post; who published it is unknown
    assert doc.cited_sources[0].outlet == "The Washington Post"


def test_jsonl_outlet_under_other_names():
    from sitrep.text.reading import from_record

    assert from_record({"text": "x", "publisher": "Andean Ledger"}, "f").outlet == "Andean Ledger"
    assert from_record({"text": "x", "source": {"id": "r", "name": "Reuters"}}, "f").outlet == \
        "Reuters"


def test_html_site_name_is_the_outlet():
    from sitrep.text.reading import read_path

    (doc,) = read_path(str(COVERAGE / "altiplano-daily.html"))
    assert describe(doc).outlet == "Altiplano Daily"
    html = (COVERAGE / "altiplano-daily.html").read_text(encoding="utf-8")
    from sitrep.text.reading import read_html

    bare = read_html(html.replace('<meta property="og:site_name" content="Altiplano Daily">', ""),
                     "page.html")
    assert describe(bare).outlet == "altiplano-daily.example.org"  # the canonical URL's host
