"""``quotex.evaluate``: malformed gold or texts are clear errors, and a failing article costs only itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quotex.errors import InputError
from quotex.evaluate import evaluate_folder, read_gold

TEXT = '"We lost two full days of loading," port chief Yulia Vogt said on Monday.'


def _quote(**change: Any) -> dict[str, Any]:
    return {"start": 1, "end": 34, "kind": "direct", "speaker": "Yulia Vogt", **change}


def _gold(tmp_path: Path, documents: Any, aliases: Any = None) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"documents": documents, "speaker_aliases": aliases or {}}), encoding="utf-8")
    (tmp_path / "vogt.txt").write_text(TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("documents", "aliases"),
    [
        ([{"id": "vogt", "quotes": [_quote(start="1")]}], None),
        ([{"id": "vogt", "quotes": [_quote(end=1.5)]}], None),
        ([{"id": "vogt", "quotes": [_quote(start=-3)]}], None),
        ([{"id": "vogt", "quotes": [_quote(start=20, end=10)]}], None),
        ([{"id": "vogt", "quotes": [_quote(speaker=7)]}], None),
        ([{"id": "vogt", "quotes": [_quote()], "claims": [{"start": 0}]}], None),
        ([{"id": 3, "quotes": []}], None),
        ({"vogt": []}, None),
        ([{"id": "vogt", "quotes": [_quote()]}], {"Yulia Vogt": "Vogt"}),
        ([{"id": "vogt", "quotes": [_quote()]}], {"Yulia Vogt": [["Vogt"]]}),
    ],
    ids=[
        "string offset",
        "float offset",
        "negative offset",
        "end before start",
        "integer speaker",
        "claim without end",
        "integer id",
        "documents not a list",
        "aliases a string",
        "aliases nested",
    ],
)
def test_malformed_gold_is_refused(tmp_path: Path, documents: Any, aliases: Any) -> None:
    with pytest.raises(InputError, match="E208"):
        read_gold(_gold(tmp_path, documents, aliases))


def test_gold_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_bytes(b'{"documents": [], "note": "caf\xe9"}')
    with pytest.raises(InputError, match="E208"):
        read_gold(path)


@pytest.mark.needs_model
def test_offsets_past_the_text_are_refused(tmp_path: Path) -> None:
    path = _gold(tmp_path, [{"id": "vogt", "quotes": [_quote(end=500)]}])
    with pytest.raises(InputError, match="E208.*past its"):
        evaluate_folder(path, tmp_path)


@pytest.mark.parametrize(
    ("content", "code"), [(None, "E207"), (b"caf\xe9 said", "E203"), (b"", "E201")], ids=["missing", "latin-1", "empty"]
)
def test_unreadable_texts_are_clear_errors(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = _gold(tmp_path, [{"id": "other", "quotes": []}])
    if content is not None:
        (tmp_path / "other.txt").write_bytes(content)
    with pytest.raises(InputError, match=code):
        evaluate_folder(path, tmp_path)


@pytest.mark.needs_model
def test_a_failing_article_is_scored_empty_and_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quotex.pipeline import quote_finder

    def explode(text: str) -> object:
        raise IndexError("list index out of range")

    monkeypatch.setattr(quote_finder, "find_quotes", explode)
    result = evaluate_folder(_gold(tmp_path, [{"id": "vogt", "quotes": [_quote()]}]), tmp_path)
    assert result["quotes"]["r"] == 0.0
    assert [(e["id"], e["error"]["stage"]) for e in result["errors"]] == [("vogt", "quotex_quotes")]
