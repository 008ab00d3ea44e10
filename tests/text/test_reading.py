from __future__ import annotations

import io
import json

import pytest

from sitrep.errors import ReadError
from sitrep.model import Document
from sitrep.text.reading import decode, read_path, read_paths


def read_all(paths, **kw):
    results = list(read_paths([str(p) for p in paths], **kw))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    return docs, errors


def test_txt_first_line_headline_becomes_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Ministers Meet in Geneva\nThe ministers met on Monday. They talked.\n")
    (doc,) = read_path(str(path))
    assert doc.title == "Ministers Meet in Geneva"
    assert doc.text.startswith("Ministers Meet")  # the text stays whole: offsets are into it
    assert doc.source_path == str(path)
    assert len(doc.content_hash) == 64


def test_txt_first_sentence_is_not_a_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The ministers met on Monday in Geneva to talk.\nThey talked again.\n")
    (doc,) = read_path(str(path))
    assert doc.title is None


def test_seed_title(seed_text, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    (doc,) = read_path(str(path))
    assert doc.title == (
        "Venezuela Seeks Russian Military Aid Amidst Rising US Presence in the Caribbean: A Deep Dive"
    )


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Talks resume | Example News</title>
    <meta property="og:title" content="Talks resume in Doha">
    <meta property="article:published_time" content="2025-03-04T10:00:00Z">
    <link rel="canonical" href="https://www.reuters.com/world/2025/03/04/talks-resume/">
    </head><body><nav>Home | World | Sport</nav><article><h1>Talks resume in Doha</h1>
    <p>Negotiators from both sides met in Doha on Tuesday, officials said, in the first round of
    talks since the ceasefire collapsed in January.</p>
    <p>The delegations agreed to meet again next week, according to a statement from Qatar's
    foreign ministry, which is mediating between the two sides.</p></article>
    <footer>Copyright Example</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html)
    (doc,) = read_path(str(path))
    assert "Negotiators from both sides met in Doha" in doc.text
    assert "Home | World" not in doc.text
    assert doc.title == "Talks resume in Doha"
    assert doc.published and doc.published.startswith("2025-03-04")
    assert doc.url == "https://www.reuters.com/world/2025/03/04/talks-resume/"


def test_jsonl_documents_and_bad_line_number(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First story.", "title": "One", "date": "2025-01-02"}),
        "{not json",
        json.dumps({"id": "b", "text": "Second story.", "url": "https://apnews.com/x"}),
        json.dumps({"id": "c"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = read_all([path])
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].published == "2025-01-02" and docs[0].title == "One"
    assert [e.line for e in errors] == [2, 4]
    assert all(str(path) in str(e) for e in errors)
    assert "malformed JSON" in str(errors[0]) and '"text"' in str(errors[1])


def test_json_array_and_object(tmp_path):
    (tmp_path / "many.json").write_text(json.dumps([{"id": "x", "text": "X."}, {"id": "y", "text": "Y."}]))
    (tmp_path / "one.json").write_text(json.dumps({"id": "z", "text": "Z."}))
    docs, errors = read_all([tmp_path])
    assert sorted(d.id for d in docs) == ["x", "y", "z"] and not errors


def test_folder_recursive(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One story here.")
    (tmp_path / "a" / "b" / "two.txt").write_text("Two story here.")
    (tmp_path / "a" / "b" / "skip.png").write_bytes(b"\x89PNG\x00\x00")
    docs, errors = read_all([tmp_path])
    assert len(docs) == 2 and not errors


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Story from a pipe.\n")))
    (doc,) = read_path("-")
    assert doc.text.startswith("Story from a pipe")


def test_stdin_jsonl(monkeypatch):
    data = b'{"id": "p", "text": "Piped."}\n{"id": "q", "text": "Piped too."}\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [d.id for d in read_path("-")] == ["p", "q"]


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Caf\u00e9 in Bogot\u00e1".encode(), "Caf\u00e9 in Bogot\u00e1"),
        (b"\xef\xbb\xbf" + "Caf\u00e9".encode(), "Caf\u00e9"),
        ("Caf\u00e9".encode("utf-16"), "Caf\u00e9"),
    ],
)
def test_decode_utf(data, expected):
    assert decode(data, "x") == expected


def test_decode_legacy_encoding():
    text = "Le président a rencontré le ministre à Genève pour évoquer la crise économique. " * 3
    assert decode(text.encode("cp1252"), "x") == text


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00", "binary"),
    ],
)
def test_bad_files_named_with_fix(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = read_path(str(path))
    assert isinstance(error, ReadError)
    assert str(path) in str(error) and problem in str(error) and ";" in str(error)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 50 + b"\xff\xfe\xfd" * 20)
    (error,) = read_path(str(path))
    assert isinstance(error, ReadError) and "UTF-8" in error.fix


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    (error,) = read_path(str(path), max_bytes=100)
    assert isinstance(error, ReadError) and "--max-bytes" in str(error)


def test_missing_path_does_not_stop_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A good story.")
    docs, errors = read_all([tmp_path / "nope.txt", good])
    assert len(docs) == 1 and len(errors) == 1 and "no such file" in str(errors[0])
