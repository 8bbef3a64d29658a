"""Files, folders, stdin and JSON Lines; a bad file is reported and the others still read."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from quotex.errors import InputError
from quotex.ingest import Article, from_record, read_inputs

from .articles import SCRAPED, STORY, html_page


def read(*paths: Path | str) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "name", "data", "code"),
    [
        ("empty file", "empty.txt", b"", "E201"),
        ("only whitespace", "blank.txt", b" \n\n\t", "E201"),
        ("binary file", "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "E202"),
        ("NUL bytes", "dump.txt", b"abc\x00def", "E202"),
        ("PDF saved as text", "paper.txt", b"%PDF-1.7\n...", "E202"),
        ("invalid UTF-8", "latin1.txt", "Caf\xe9 owner said".encode("latin-1"), "E203"),
        ("HTML with no body", "nobody.html", b"<html><head><title>x</title></head></html>", "E204"),
        ("5 MB page", "huge.html", b"<html><body>" + b"<p>word</p>" * 500_000, "E205"),
        ("5 MB text", "huge.txt", b"word " * 1_000_000, "E205"),
    ],
)
def test_bad_file_is_reported_and_the_next_is_read(
    tmp_path: Path, phenomenon: str, name: str, data: bytes, code: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    first, second = read(bad, good)
    assert isinstance(first, InputError), phenomenon
    assert str(first).startswith(f"[{code}]")
    assert name in str(first)
    assert isinstance(second, Article) and second.id == "good"


def test_missing_file(tmp_path: Path) -> None:
    (result,) = read(tmp_path / "nope.txt")
    assert isinstance(result, InputError) and "[E207]" in str(result)


def test_folder_is_read_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.html").write_text(html_page(), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "rec", "text": STORY}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert [r.id for r in read(tmp_path) if isinstance(r, Article)] == ["a", "b", "rec"]


def test_text_is_what_python_reads(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(("\ufeff" + SCRAPED).replace("\n", "\r\n").encode("utf-8"))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(html_page(), encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article) and article.provenance["published"] == "html-meta"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SCRAPED.encode("utf-8"))))
    (article,) = read("-")
    assert isinstance(article, Article) and article.id == "stdin" and article.text == SCRAPED


def test_records_on_stdin_are_read_as_they_arrive(monkeypatch: pytest.MonkeyPatch) -> None:
    # the first article comes out while the writer is still writing: nothing waits for the end
    readable, writable = os.pipe()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.FileIO(readable))))
    os.write(writable, (json.dumps({"id": "first", "text": STORY}) + "\n").encode())
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("read_inputs waited for the end of stdin"))
    signal.alarm(10)
    try:
        items = read_inputs(["-"])
        assert getattr(next(items), "id", None) == "first"
    finally:
        signal.alarm(0)
    os.write(writable, (json.dumps({"id": "second", "text": STORY}) + "\n").encode())
    os.close(writable)
    assert [getattr(a, "id", a) for a in items] == ["second"]


def test_json_lines_errors_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "text": STORY}).encode() + b"\n\xff\xfe\n\n")
    ok, bad = read(path)
    assert isinstance(ok, Article) and isinstance(bad, InputError)
    assert "record 2" in str(bad) and "UTF-8" in str(bad)
    (empty,) = read(_write(tmp_path / "empty.jsonl", b"\n\n"))
    assert "[E201]" in str(empty)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_json_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "t", "text": STORY, "published": "2024-03-15", "outlet": "Herald", "url": "u"},
        {"id": "h", "html": html_page()},
        {"id": "bad-date", "text": STORY, "published": "soon"},
        {"text": STORY, "colour": "red"},
        "not an object",
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(map(json.dumps, lines)) + "\n{broken\n", encoding="utf-8")
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Article", "Article"] + ["InputError"] * 4
    t, h = results[0], results[1]
    assert isinstance(t, Article) and isinstance(h, Article)
    assert (t.outlet, t.url, t.provenance["published"]) == ("Herald", "u", "caller")
    assert h.provenance["published"] == "html-meta"
    assert all("[E206]" in str(r) for r in results[2:])


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({}, "exactly one"),
        ({"text": STORY, "html": "<p>x</p>"}, "exactly one"),
        ({"text": "   "}, "empty"),
        ({"text": STORY, "published": "next week"}, "E004"),
        ({"text": STORY, "outlet": ["a"]}, "outlet"),
    ],
)
def test_bad_records(record: dict[str, object], reason: str) -> None:
    with pytest.raises(InputError, match=r"\[E206\]") as info:
        from_record(record, source="feed.jsonl", index=3)
    assert reason in str(info.value) and "record 3" in str(info.value)
