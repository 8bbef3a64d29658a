"""``quotex extract`` on batches: folders, JSON Lines, resumable output, --jobs, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import records as read_records
from tests.cli_run import run, write_folder

pytestmark = pytest.mark.needs_model

STORIES = {
    "bridge": '"The bridge will reopen on Friday," city engineer Nadia Berg said on Tuesday.',
    "depot": "According to the fire service, nobody was hurt in the blaze at the depot.",
    "mayor": 'Mayor Tom Reyes called the delay "unacceptable" and said the contractor would pay.',
    "cracks": 'Berg told reporters: "We found no cracks in the main span."',
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "articles", STORIES)


def test_folder_input(folder: Path) -> None:
    code, out, _ = run(str(folder))
    records = read_records(out)
    assert code == 0
    assert [r["id"] for r in records] == sorted(STORIES)
    bridge = next(r for r in records if r["id"] == "bridge")
    assert bridge["quotes"][0]["text"] == "The bridge will reopen on Friday,"


def test_jsonl_input(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": f"w{i}", "text": text, "published": "2025-06-03", "outlet": "Wire"})
        for i, text in enumerate(STORIES.values())
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run(str(source))
    records = read_records(out)
    assert code == 0
    assert [r["id"] for r in records] == ["w0", "w1", "w2", "w3"]
    assert {r["outlet"] for r in records} == {"Wire"} and records[0]["published"] == "2025-06-03"


def test_output_resumes_and_skips_done_ids(folder: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    (folder / "mayor.txt").rename(tmp_path / "mayor.txt")
    code, out, _ = run(str(folder), "--output", str(output))
    assert code == 0 and out == ""
    first = output.read_text(encoding="utf-8")
    assert sorted(r["id"] for r in read_records(first)) == ["bridge", "cracks", "depot"]

    (tmp_path / "mayor.txt").rename(folder / "mayor.txt")
    with output.open("a", encoding="utf-8") as sink:
        sink.write('{"id": "torn')  # an interrupted run leaves half a line
    code, _, err = run(str(folder), "--output", str(output))
    assert code == 0
    assert "3 article(s) already in" in err  # the kept records are announced, not silent
    text = output.read_text(encoding="utf-8")
    assert text.startswith(first)  # the torn line is cut, the done records stay
    assert [r["id"] for r in read_records(text[len(first) :])] == ["mayor"]


def test_jobs_2_gives_the_records_of_jobs_1(folder: Path) -> None:
    _, one, _ = run(str(folder), "--jobs", "1")
    _, two, _ = run(str(folder), "--jobs", "2")
    assert read_records(two) == read_records(one)


def test_bad_files_become_error_records_in_order_and_exit_1(folder: Path) -> None:
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin.txt").write_bytes('"Ça ira," said the café owner.'.encode("latin-1"))
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\x00\x01binary")
    code, out, err = run(str(folder), "--progress")
    records = read_records(out)
    assert code == 1
    assert [r["id"] for r in records] == sorted([*STORIES, "empty", "latin", "scan"])
    errors = {r["id"]: r["error"] for r in records if "error" in r}
    assert {k: (e["code"], e["stage"]) for k, e in errors.items()} == {
        "empty": ("E201", "read"),
        "latin": ("E203", "read"),
        "scan": ("E202", "read"),
    }
    assert all(r["quotes"] or r["claims"] for r in records if "error" not in r)
    assert "[E201]" in err and "empty.txt" in err and "[E202]" in err and "scan.txt" in err
    assert "7 article(s), 3 failed" in err
    assert "quotex:" in err and "doc" in err  # the tqdm bar on stderr


def test_only_bad_files_exit_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, err = run(str(tmp_path / "empty.txt"))
    assert code == 1 and read_records(out)[0]["error"]["code"] == "E201" and "[E201]" in err


@pytest.mark.parametrize("content", [None, "notes.md", "image.png"], ids=["empty folder", "markdown", "image"])
def test_nothing_to_read_is_an_error(tmp_path: Path, content: str | None) -> None:
    if content is not None:
        (tmp_path / content).write_text("Not an article.", encoding="utf-8")
    code, out, err = run(str(tmp_path))
    assert code == 1 and out == "" and "[E209]" in err
