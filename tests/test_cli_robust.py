"""``quotex extract`` and ``align`` on hostile batches: a failing step costs one article, workers
report failures and never hang or outlive the run, ids stay unique, resumed output stays whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotex.errors import ConfigError
from quotex.pipeline import quote_finder
from quotex.results import Document
from tests.cli_run import records as read_records
from tests.cli_run import run, write_folder

pytestmark = pytest.mark.needs_model

ROOT = Path(__file__).resolve().parent.parent

STORIES = {
    "a_bridge": '"The bridge will reopen on Friday," city engineer Nadia Berg said on Tuesday.',
    "b_depot": "According to the fire service, nobody was hurt in the blaze at the depot.",
    "c_boom": '"Everything is fine," the spokesman said of the BOOM incident.',
    "d_cracks": 'Berg told reporters: "We found no cracks in the main span."',
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "articles", STORIES)


@pytest.fixture
def exploding(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quote finder fails on any text with BOOM in it (workers are forked, so they inherit it)."""
    real = quote_finder.find_quotes

    def find_quotes(text: str) -> object:
        if "BOOM" in text:
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(quote_finder, "find_quotes", find_quotes)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_component_costs_its_article_only(folder: Path, exploding: None, jobs: str) -> None:
    (folder / "e_empty.txt").write_text("", encoding="utf-8")
    started = time.monotonic()
    code, out, err = run(str(folder), "--jobs", jobs)
    assert time.monotonic() - started < 60  # no hang
    records = read_records(out)
    assert code == 1
    assert [r["id"] for r in records] == [*STORIES, "e_empty"]
    boom = records[2]["error"]
    assert boom["code"] == "E301" and boom["stage"] == "quotex_quotes"
    assert "'c_boom'" in boom["message"] and "IndexError" in boom["message"]
    assert records[0]["quotes"][0]["text"] == "The bridge will reopen on Friday,"
    assert "'c_boom' failed in quotex_quotes" in err and "5 article(s), 2 failed" in err


def test_fail_fast_stops_at_the_first_failure(folder: Path, exploding: None) -> None:
    code, out, err = run(str(folder), "--fail-fast")
    assert code == 1
    assert [r["id"] for r in read_records(out)] == ["a_bridge", "b_depot", "c_boom"]
    assert "--fail-fast" in err


def test_jobs_2_failures_are_the_records_of_jobs_1(folder: Path, exploding: None) -> None:
    _, one, _ = run(str(folder), "--jobs", "1")
    _, two, _ = run(str(folder), "--jobs", "2")
    assert two == one


def test_json_output_holds_the_errorrecords(folder: Path, exploding: None) -> None:
    code, out, _ = run(str(folder), "--format", "json")
    assert code == 1 and [("error" in r) for r in json.loads(out)] == [False, False, True, False]


def test_lone_surrogates_are_replaced_and_every_record_validates(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    rows = [
        {"id": "s1", "text": '"We are ready \ud800," the mayor said.'},
        {"id": "s2", "text": "Home | News \udfff\n\nThe council said it would meet."},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    code, _, _ = run(str(source), "--output", str(output))
    assert code == 0
    lines = output.read_bytes().decode("utf-8").splitlines()  # valid UTF-8
    docs = [Document.model_validate_json(line) for line in lines]
    assert [d.id for d in docs] == ["s1", "s2"]
    assert docs[0].text[14] == "\ufffd" and any("[W004]" in w for w in docs[0].warnings)
    assert docs[0].quotes[0].text == docs[0].text[docs[0].quotes[0].start : docs[0].quotes[0].end]


def test_colliding_stems_get_their_relative_paths(tmp_path: Path) -> None:
    for outlet in ("reuters", "afp"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "story.txt").write_text(STORIES["a_bridge"], encoding="utf-8")
    (tmp_path / "afp" / "other.txt").write_text(STORIES["d_cracks"], encoding="utf-8")
    output = tmp_path / "out.jsonl"
    args = [str(tmp_path / "reuters"), str(tmp_path / "afp"), "--output", str(output)]
    assert run(*args)[0] == 0
    assert [r["id"] for r in read_records(output.read_text("utf-8"))] == ["reuters/story", "other", "afp/story"]
    code, _, err = run(*args)  # resumed: both kept, none twice
    assert code == 0 and "3 article(s) already in" in err
    assert len(read_records(output.read_text("utf-8"))) == 3


def test_a_complete_last_record_without_newline_is_kept(folder: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    run(str(folder / "a_bridge.txt"), "--output", str(output))
    first = output.read_text("utf-8")
    output.write_text(first.rstrip("\n"), encoding="utf-8")
    code, _, err = run(str(folder / "a_bridge.txt"), str(folder / "b_depot.txt"), "--output", str(output))
    assert code == 0 and "1 article(s) already in" in err
    text = output.read_text("utf-8")
    assert text.startswith(first) and [r["id"] for r in read_records(text)] == ["a_bridge", "b_depot"]


@pytest.mark.parametrize(
    "existing", ["Meeting notes, not records", '{"id": "x", "text": "a"}\nnot json\n'], ids=["prose", "mid-file junk"]
)
def test_output_that_is_not_ours_is_left_untouched(folder: Path, tmp_path: Path, existing: str) -> None:
    output = tmp_path / "notes.jsonl"
    output.write_text(existing, encoding="utf-8")
    with pytest.raises(ConfigError, match="E013"):  # main() makes it one line and exit status 2
        run(str(folder), "--output", str(output))
    assert output.read_text("utf-8") == existing


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "w", "text": STORIES["a_bridge"]}), encoding="utf-8")
    before = feed.read_bytes()
    with pytest.raises(ConfigError, match="E012"):
        run(str(feed), "--output", str(feed))
    with pytest.raises(ConfigError, match="E012"):  # the folder would read it on the next run
        run(str(tmp_path), "--output", str(feed))
    assert feed.read_bytes() == before


def test_align_reads_extract_output_mixed_with_text(folder: Path, tmp_path: Path) -> None:
    extracted = tmp_path / "x.jsonl"
    extracted.write_text(run(str(folder / "a_bridge.txt"))[1], encoding="utf-8")
    with extracted.open("a", encoding="utf-8") as sink:
        sink.write(json.dumps({"id": "gone", "error": {"code": "E201", "message": "[E201] empty", "stage": "read"}}))
    (tmp_path / "wire.txt").write_text(
        '"The bridge will reopen on Friday," engineer Nadia Berg told the wire.', encoding="utf-8"
    )
    code, out, err = run(str(extracted), str(tmp_path / "wire.txt"), command="align")
    assert code == 0 and "skipped 'gone'" in err
    direct = run(str(folder / "a_bridge.txt"), str(tmp_path / "wire.txt"), command="align")[1]
    assert json.loads(out)["groups"] == json.loads(direct)["groups"]
    assert json.loads(out)["groups"]


def test_align_leaves_out_a_failing_article(folder: Path, exploding: None) -> None:
    code, out, err = run(str(folder), command="align")
    assert code == 1 and "'c_boom' failed" in err and "4 article(s), 1 failed" in err
    assert json.loads(out)["groups"] is not None


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("how", "group"),
    [(signal.SIGKILL, False), (signal.SIGTERM, False), (signal.SIGINT, True)],
    ids=["SIGKILL", "SIGTERM", "Ctrl-C to the group"],
)
def test_killing_the_main_process_leaves_no_worker(tmp_path: Path, how: signal.Signals, group: bool) -> None:
    for k in range(400):
        (tmp_path / f"s{k:03d}.txt").write_text(STORIES["a_bridge"] + " " + STORIES["d_cracks"], encoding="utf-8")
    output = tmp_path / "out.jsonl"
    main = subprocess.Popen(
        [sys.executable, "-m", "quotex", "extract", str(tmp_path), "--jobs", "2", "--output", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
        time.sleep(0.05)
        workers = _children(main.pid)
    assert len(workers) == 2
    if group:
        os.killpg(main.pid, how)
    else:
        main.send_signal(how)
    main.wait(timeout=30)  # the main process ends too
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers)
    if output.exists():  # whatever was written is whole lines of records
        text = output.read_text("utf-8")
        assert text == "" or text.endswith("\n")
        for line in text.splitlines():
            json.loads(line)
