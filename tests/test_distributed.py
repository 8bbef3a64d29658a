"""``quotex.distributed``: a Dask bag run gives the records of a local ``extract_many`` run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotex.errors import QuotexWarning
from quotex.frames import documents_to_frame
from quotex.results import Claim, Cue, Document, Quote, Speaker

db = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

STORIES = [
    '"The bridge will reopen on Friday," city engineer Nadia Berg said on Tuesday.',
    "According to the fire service, nobody was hurt in the blaze at the depot.",
    'Mayor Tom Reyes called the delay "unacceptable" and said the contractor would pay.',
    'Berg told reporters: "We found no cracks in the main span."',
    "The council said it would publish the inspection report next week.",
    '"It has been a hard month for everyone," Reyes said. "But the work is done."',
]


def _records() -> list[dict[str, str]]:
    return [
        {"id": f"s{i}", "text": text, "published": "2025-06-03", "outlet": "Test Wire"}
        for i, text in enumerate(STORIES)
    ]


def _document(doc_id: str) -> Document:
    text = '"We are ready," Ana Lind said.'
    lind = Speaker(start=15, end=23, text="Ana Lind", name="Ana Lind", label="PERSON")
    said = Cue(start=24, end=28, text="said", lemma="say")
    return Document(
        id=doc_id,
        text=text,
        quotes=[Quote(id="q0", start=1, end=13, text="We are ready", kind="direct", speaker=lind, cue=said)],
        claims=[Claim(id="c0", start=0, end=14, text=text[:14], speaker=lind, cue=said)],
    )


@pytest.mark.needs_model
def test_bag_on_local_processes_matches_extract_many() -> None:
    from quotex.api import extract_many
    from quotex.distributed import extract_bag
    from quotex.ingest import from_record

    local = [doc.to_json_record() for doc in extract_many(from_record(r) for r in _records())]
    bag = db.from_sequence(_records(), npartitions=3)
    distributed = extract_bag(bag).compute(scheduler="processes", num_workers=2)
    assert distributed == local
    assert any(record["quotes"] for record in distributed)


@pytest.mark.needs_model
def test_plain_texts_get_content_ids_and_bad_records_become_error_records() -> None:
    from quotex.distributed import extract_bag

    bag = db.from_sequence([STORIES[0], {"text": ""}, STORIES[0]], npartitions=1)
    with pytest.warns(QuotexWarning, match="W002"):
        out = extract_bag(bag).compute(scheduler="synchronous")
    assert len(out) == 3
    assert out[0]["id"] == out[2]["id"] and out[0]["id"].startswith("doc-")
    assert out[1]["error"]["code"] == "E206" and out[1]["error"]["stage"] == "read"


@pytest.mark.needs_model
def test_a_failing_article_costs_its_record_only(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from quotex.distributed import extract_bag, to_parquet
    from quotex.pipeline import quote_finder

    real = quote_finder.find_quotes
    monkeypatch.setattr(quote_finder, "find_quotes", lambda text: real(text) if "Reyes" not in text else 1 / 0)
    out = extract_bag(db.from_sequence(_records(), npartitions=2)).compute(scheduler="synchronous")
    failed = [r["id"] for r in out if "error" in r]
    assert [r["id"] for r in out] == [f"s{i}" for i in range(len(STORIES))] and failed == ["s2", "s5"]
    assert out[2]["error"]["stage"] == "quotex_quotes" and "ZeroDivisionError" in out[2]["error"]["message"]
    assert to_parquet(db.from_sequence(out, npartitions=1), tmp_path / "rows")  # error records have no rows


def test_write_jsonl_round_trip(tmp_path: Path) -> None:
    from quotex.distributed import write_jsonl

    records = [_document(f"d{i}").to_json_record() for i in range(4)]
    files = write_jsonl(db.from_sequence(records, npartitions=2), tmp_path / "part-*.jsonl")
    assert len(files) == 2
    back = [json.loads(line) for f in sorted(files) for line in Path(f).read_text().splitlines()]
    assert back == records
    assert Document.model_validate(back[0]) == _document("d0")


def test_parquet_rows_match_documents_to_frame(tmp_path: Path) -> None:
    from quotex.distributed import to_parquet

    docs = [_document(f"d{i}") for i in range(3)]
    bag = db.from_sequence([d.to_json_record() for d in docs], npartitions=2)
    files = to_parquet(bag, tmp_path / "rows")
    assert [Path(f).name for f in files] == ["part-00000.parquet", "part-00001.parquet"]
    table = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
    expected = documents_to_frame(docs)
    assert list(table.columns) == list(expected.columns)
    assert (
        table.drop(columns="times")
        .astype(object)
        .where(table.notna(), None)
        .equals(expected.drop(columns="times").astype(object).where(expected.notna(), None))
    )
    assert [list(t) for t in table["times"]] == expected["times"].tolist()
