"""``Document.to_frame`` and ``documents_to_frame``: one row per quote or claim."""

from __future__ import annotations

import datetime as dt

import pytest

from quotex.errors import MissingDependencyError
from quotex.frames import COLUMNS, documents_to_frame, rows
from quotex.results import Claim, Cue, Document, Quote, Speaker, TimeRef

pd = pytest.importorskip("pandas")

TEXT = 'The minister said on Monday that talks "went well." Aides said nothing.'


def _document(doc_id: str = "a1") -> Document:
    minister = Speaker(start=0, end=12, text="The minister", name="the minister")
    said = Cue(start=13, end=17, text="said", lemma="say")
    monday = TimeRef(start=21, end=27, text="Monday", value="2025-12-22")
    return Document(
        id=doc_id,
        text=TEXT,
        outlet="Wire",
        published=dt.date(2025, 12, 23),
        quotes=[
            Quote(
                id="q0",
                start=40,
                end=50,
                text="went well.",
                kind="partial",
                speaker=minister,
                cue=said,
                confidence=0.9,
            )
        ],
        claims=[
            Claim(
                id="c0",
                start=28,
                end=51,
                text='that talks "went well."',
                speaker=minister,
                cue=said,
                confidence=0.8,
                quotes=["q0"],
                times=[monday],
            )
        ],
    )


def test_offsets_in_fixture_are_true() -> None:
    doc = _document()
    for item in [*doc.quotes, *doc.claims]:
        assert doc.text[item.start : item.end] == item.text


def test_rows_in_text_order() -> None:
    out = rows(_document())
    assert [(r["type"], r["id"], r["kind"]) for r in out] == [
        ("claim", "c0", "claim"),
        ("quote", "q0", "partial"),
    ]
    claim = out[0]
    assert claim["speaker"] == "the minister" and claim["speaker_mention"] == "The minister"
    assert claim["cue"] == "say" and claim["times"] == ["2025-12-22"] and claim["published"] == "2025-12-23"
    assert all(list(r) == list(COLUMNS) for r in out)


def test_to_frame_and_alias() -> None:
    doc = _document()
    frame = doc.to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == 2
    assert frame["start"].dtype == "int64" and frame["confidence"].dtype == "float64"
    assert frame.equals(doc.to_pandas())
    for _, row in frame.iterrows():
        assert doc.text[row["start"] : row["end"]] == row["text"]


def test_documents_to_frame_keeps_input_order() -> None:
    frame = documents_to_frame([_document("b"), Document(id="empty", text="x"), _document("a")])
    assert frame["doc_id"].tolist() == ["b", "b", "a", "a"]


def test_empty_frame_has_the_columns() -> None:
    frame = Document(text="Nothing.").to_frame()
    assert frame.empty and list(frame.columns) == list(COLUMNS)


def test_frame_types_a_reader_can_use() -> None:
    frame = _document().to_frame()
    assert pd.api.types.is_datetime64_any_dtype(frame["published"])
    assert frame["published"].iloc[0] == pd.Timestamp("2025-12-23")
    # every row has a kind: a NaN in a column of strings breaks groupby and value_counts
    assert frame["kind"].notna().all() and frame["kind"].tolist() == ["claim", "partial"]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"\[E014\].*quotex\[frames\]"):
        _document().to_frame()
