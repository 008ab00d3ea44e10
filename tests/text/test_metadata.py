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
