"""The ``quotex`` command line as a new user meets it: version, help, progress, folders, tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotex import __version__
from quotex.cli import app

ARTICLE = (
    '"We will keep the bridge closed until the engineers are satisfied," said Mayor Ines Duarte, '
    "who added that the inspection of every cable in the old span would take at least three weeks of work.\n\n"
    "Traffic officials said the diversion [via the ring road] added twenty minutes to most journeys."
)


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    """A folder with one article at the top and two in a subfolder, as ``examples/`` is laid out."""
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story").mkdir()
    for name in ("courier", "herald"):
        (tmp_path / "story" / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()  # an editor's copy is no article
    (tmp_path / ".ipynb_checkpoints" / "bridge-checkpoint.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_version() -> None:
    code, out, _ = invoke("--version")
    assert code == 0 and out.strip() == f"quotex {__version__}"


def test_help_has_no_raw_markup() -> None:
    code, out, _ = invoke("--help")
    assert code == 0 and "``" not in out and "--version" in out


def test_evaluate_help_names_a_gold_file_that_exists() -> None:
    code, out, _ = invoke("evaluate", "--help")
    assert code == 0
    path = next(w for w in out.split() if w.rstrip(".").endswith("gold.jsonl")).rstrip(".")
    assert (Path(__file__).resolve().parent.parent / path).is_file()


@pytest.mark.needs_model
def test_a_folder_is_read_with_its_subfolders(nested: Path) -> None:
    code, out, _ = invoke("extract", str(nested))
    assert code == 0
    assert len([json.loads(line) for line in out.splitlines()]) == 3


@pytest.mark.needs_model
def test_progress_shows_total_percentage_and_time_left(nested: Path) -> None:
    code, _, err = invoke("extract", str(nested), "--progress")
    assert code == 0
    assert "3/3" in err and "100%" in err and "<00:00" in err


@pytest.mark.needs_model
def test_table_has_a_header_and_wraps_long_text(nested: Path) -> None:
    code, out, _ = invoke("extract", str(nested / "bridge.txt"), "--format", "table")
    assert code == 0
    header = next(line for line in out.splitlines() if "speaker" in line)
    assert "kind" in header and "text" in header
    # the whole quote is there, over several lines, and brackets in the text are not markup
    words = " ".join(out.split())
    for word in ("engineers", "satisfied,", "Ines Duarte", "[via"):
        assert word in words
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.needs_model
def test_table_output_twice_is_not_duplicated(nested: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    written = []
    for _ in range(2):
        code, _, _ = invoke("extract", str(nested / "bridge.txt"), "-f", "table", "-o", str(target))
        assert code == 0
        written.append(target.read_text(encoding="utf-8"))
    assert written[0] == written[1] and "Ines Duarte" in written[0]
