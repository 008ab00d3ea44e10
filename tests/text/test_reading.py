from __future__ import annotations

import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_legacy_encoding_that_cannot_be_told_is_refused_with_the_encoding_to_give():
    # cp1250 reads these bytes as "ŕ Genčve": guessing would store mojibake.
    text = "Le président a rencontré le ministre à Genève pour évoquer la crise économique. " * 3
    with pytest.raises(ReadError) as refused:
        decode(text.encode("cp1252"), "x")
    assert "--encoding cp1252" in refused.value.fix and "cp1250" in refused.value.problem
    assert decode(text.encode("cp1252"), "x", encoding="cp1252") == text


def test_legacy_encoding_detected_when_every_likely_reading_agrees():
    text = ("Президент России встретился во вторник в Москве с министром иностранных дел "
            "Китая. Стороны обсудили сотрудничество в области энергетики и безопасности.")
    assert decode(text.encode("cp1251"), "x") == text


def test_short_latin1_file_is_not_stored_as_mojibake(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Le président français".encode("latin-1"))
    (refused,) = read_path(path)
    assert isinstance(refused, ReadError) and "--encoding cp1252" in str(refused)
    (doc,) = read_path(path, encoding="cp1252")
    assert doc.text == "Le président français"


def test_utf8_wins_over_the_encoding_given_for_other_files(tmp_path):
    (tmp_path / "a.txt").write_text("Bogotá and Genève.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Bogotá and Genève.".encode("cp1252"))
    docs, errors = read_all([tmp_path], encoding="cp1252")
    assert [d.text for d in docs] == ["Bogotá and Genève."] * 2 and not errors


def test_html_declared_charset_is_used(tmp_path):
    body = "<p>Le président français a rencontré le ministre à Genève mardi, selon l'AFP.</p>" * 4
    page = (f'<html><head><meta charset="iso-8859-1"><title>Genève</title></head><body>'
            f"<article>{body}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    (doc,) = read_path(path)
    assert isinstance(doc, Document) and "président français" in doc.text


def test_a_wrong_encoding_given_is_a_clear_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"caf\xe9 \x81")
    (error,) = read_path(path, encoding="cp1252")
    assert isinstance(error, ReadError) and "not cp1252" in str(error)


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


# -- hostile inputs: never a hang, never a traceback, one error for what is bad ------------------


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (error,) = read_path(fifo)  # opening a FIFO for reading would wait for a writer forever
    assert isinstance(error, ReadError) and "FIFO" in str(error)
    docs, errors = read_all([tmp_path])  # named in a folder walk too, not passed over
    assert not docs and "FIFO" in str(errors[0])


def test_a_device_is_refused_whatever_it_claims(tmp_path):
    (error,) = read_path("/dev/zero")  # read until memory ran out before
    assert isinstance(error, ReadError) and "character device" in str(error)
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    (error,) = read_path(tmp_path / "zero.txt")
    assert isinstance(error, ReadError) and "not a regular file" in str(error)


def test_reads_are_bounded_even_when_the_size_lies():
    # /proc files say they are 0 bytes long: the read itself stops at the limit + 1
    (error,) = read_path("/proc/self/maps", max_bytes=64)
    assert isinstance(error, ReadError) and "64-byte limit" in str(error)


def test_folder_walk_follows_no_link_loop_and_names_broken_links(tmp_path):
    (tmp_path / "a.txt").write_text("A story about talks.")
    os.symlink(tmp_path, tmp_path / "loop")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    docs, errors = read_all([tmp_path])
    assert [d.source_path for d in docs] == [str(tmp_path / "a.txt")]
    assert len(errors) == 1 and "broken link" in str(errors[0])


def test_one_path_is_one_path_not_its_characters(tmp_path, monkeypatch):
    path = tmp_path / "one.txt"
    path.write_text("One story.")
    monkeypatch.chdir(tmp_path)
    assert [d.text for d in read_paths("one.txt")] == ["One story."]
    assert [d.text for d in read_paths(path)] == ["One story."]


def test_jsonl_bad_lines_cost_those_lines_only(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = [json.dumps({"id": f"g{i}", "text": f"Story {i}."}) for i in range(3)]
    path.write_bytes(b"\n".join([
        good[0].encode(),
        b"\x00\x00\x00",  # a NUL line no longer rejects the whole file
        '{"id": "latin", "text": "Genève"}'.encode("latin-1"),  # not UTF-8
        good[1].encode(),
        b"[" * 100_000 + b"]" * 100_000,  # RecursionError before
        # U+2028 inside a JSON string is legal: the line must not be split there
        json.dumps({"id": "sep", "text": "One\u2028line."}, ensure_ascii=False).encode(),
        good[2].encode() + b"\r",
    ]))
    docs, errors = read_all([path])
    assert [d.id for d in docs] == ["g0", "g1", "sep", "g2"]
    assert docs[2].text == "One\u2028line."
    assert [e.line for e in errors] == [2, 3, 5]
    assert "not UTF-8" in str(errors[1]) and "nested too deeply" in str(errors[2])


@pytest.mark.parametrize(
    "field, value, problem",
    [
        ("url", ["http://a.example"], '"url" is a list, not a string'),
        ("url", 5, '"url" is a number'),
        ("url", "http://[::1", "is not a URL"),
        ("title", 7, '"title" is a number'),
        ("title", {"en": "x"}, '"title" is an object'),
        ("date", 20250101, '"date" is a number'),
        ("published", ["2025"], '"published" is a list'),
        ("outlet", True, '"outlet" is true/false'),
        ("id", {"x": 1}, '"id" is an object'),
        ("id", True, '"id" is true/false'),
        ("text", 123, '"text" is a number'),
        ("text", "Bad \ud800 surrogate.", "lone surrogate (\\ud800) at character 4"),
        ("title", "\udfff", '"title" holds a lone surrogate'),
    ],
)
def test_record_field_types_are_checked_at_the_boundary(tmp_path, field, value, problem):
    path = tmp_path / "r.jsonl"
    record = {"id": "r", "text": "A story about talks.", field: value}
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "ok", "text": "Fine."}) + "\n")
    docs, errors = read_all([path])
    assert [d.id for d in docs] == ["ok"]
    (error,) = errors
    assert problem in str(error) and error.line == 1 and ";" in str(error)


def test_numeric_ids_and_null_fields_are_fine(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": 7, "text": "Seven.", "title": None, "url": None}) + "\n")
    (doc,) = read_path(path)
    assert doc.id == "7" and doc.title is None


def test_json_nested_too_deeply(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    (error,) = read_path(path)
    assert isinstance(error, ReadError) and "nested too deeply" in str(error)


def test_an_unforeseen_error_is_a_read_error_not_a_crash(tmp_path, monkeypatch):
    import sitrep.text.reading as reading

    def broken(html, source):
        raise KeyError("surprise")

    monkeypatch.setattr(reading, "read_html", broken)
    (tmp_path / "a.html").write_text("<p>page</p>")
    (tmp_path / "b.txt").write_text("A story.")
    docs, errors = read_all([tmp_path])
    assert [d.text for d in docs] == ["A story."]
    assert "KeyError" in str(errors[0]) and "report it" in errors[0].fix
    assert "Traceback" in errors[0].detail


# -- properties ----------------------------------------------------------------------------------

PROPERTY = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _suffix_file(tmp_path, suffix: str, data: bytes):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    return path


@PROPERTY
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".jsonl", ".json", ".html"]))
def test_any_bytes_give_documents_or_read_errors(tmp_path, data, suffix):
    results = list(read_path(_suffix_file(tmp_path, suffix, data)))
    assert results
    for result in results:
        assert isinstance(result, Document | ReadError)
        if isinstance(result, ReadError):
            assert str(result).startswith(str(tmp_path)) and result.fix
        else:
            result.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in result.text or suffix in {".jsonl", ".json"}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12)
RECORDS = st.fixed_dictionaries({}, optional={
    name: JSON_VALUES | st.text(max_size=40)
    for name in ("id", "text", "title", "url", "date", "published", "outlet")})


@PROPERTY
@given(records=st.lists(RECORDS | JSON_VALUES, min_size=1, max_size=6))
def test_any_json_lines_give_one_result_a_line(tmp_path, records):
    lines = [json.dumps(r) for r in records]
    results = list(read_path(_suffix_file(tmp_path, ".jsonl", "\n".join(lines).encode())))
    assert len(results) == len(lines)
    for number, (record, result) in enumerate(zip(records, results, strict=True), start=1):
        if isinstance(result, ReadError):
            assert result.line == number
        else:
            assert result.text == record["text"] and result.source_path.endswith(f":{number}")
            assert all(isinstance(getattr(result, name), str | None)
                       for name in ("title", "url", "published", "outlet"))


@PROPERTY
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"],
                                          whitelist_characters="\n\t"), min_size=1, max_size=300))
def test_utf8_text_reads_back_exactly(tmp_path, text):
    (result,) = read_path(_suffix_file(tmp_path, ".txt", text.encode("utf-8")))
    if not text.strip():
        assert isinstance(result, ReadError)
    else:
        assert isinstance(result, Document) and result.text == text
