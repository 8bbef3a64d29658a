"""The ``quotex`` commands: formats, output files, align, evaluate and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotex.cli import app
from quotex.errors import QuotexError

pytestmark = pytest.mark.needs_model

OUTLETS = {
    "wire": 'Port chief Yuliya Vogt said the strike was "a serious blow" to exporters.\n\n'
    '"We lost two full days of loading," Vogt told reporters on Monday.',
    "daily": 'Port chief Yulia Vogt said the strike was "a heavy blow" to exporters.\n\n'
    '"We lost two full days of loading," Vogt said.',
}


@pytest.fixture
def articles(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in OUTLETS.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_offsets_hold_on_the_file_text(articles: list[str]) -> None:
    code, out, _ = invoke("extract", *articles, "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["wire", "daily"]
    for record, path in zip(records, articles, strict=True):
        text = Path(path).read_text(encoding="utf-8")
        for item in [*record["quotes"], *record["claims"]]:
            assert text[item["start"] : item["end"]] == item["text"]
        assert {q["kind"] for q in record["quotes"]} <= {"direct", "partial", "scare", "title"}


def test_table_and_json_go_to_the_output_file(articles: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code, stdout, _ = invoke("extract", articles[0], "--format", "json", "--output", str(out))
    assert code == 0 and stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "wire"
    code, stdout, _ = invoke("extract", articles[0], "--format", "table")
    assert code == 0 and "Yuliya Vogt" in stdout


def test_unknown_format_is_refused(articles: list[str]) -> None:
    code, _, err = invoke("extract", articles[0], "--format", "xml")
    assert code != 0 and "E006" in err


def test_align_reports_the_substitution(articles: list[str]) -> None:
    code, out, _ = invoke("align", *articles, "--format", "json")
    assert code == 0
    result = json.loads(out)
    drift = json.dumps([d for g in result["groups"] for d in g["drift"]])
    assert "substitution" in drift and "serious" in drift and "heavy" in drift


def test_evaluate_scores_a_gold_file(articles: list[str], tmp_path: Path) -> None:
    text = Path(articles[1]).read_text(encoding="utf-8")
    start = text.index("We lost")
    end = text.index(",", start) + 1
    gold = {
        "speaker_aliases": {"Yulia Vogt": ["Vogt"]},
        "documents": [
            {
                "id": "daily",
                "quotes": [{"start": start, "end": end, "kind": "direct", "speaker": "Yulia Vogt"}],
                "claims": [],
            }
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    code, out, _ = invoke("evaluate", str(path), str(Path(articles[1]).parent))
    assert code == 0
    assert json.loads(out)["quotes_with_speaker"]["r"] == 1.0
    # the same gold as JSON Lines, one document a line (names then match by surname only)
    lines = tmp_path / "gold.jsonl"
    lines.write_text("".join(json.dumps(d) + "\n" for d in gold["documents"]), encoding="utf-8")
    code, out, _ = invoke("evaluate", str(lines), str(Path(articles[1]).parent))
    assert code == 0 and json.loads(out)["quotes"]["r"] == 1.0


def test_evaluate_refuses_a_file_that_is_no_gold(articles: list[str], tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text('{"results": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(path), str(Path(articles[1]).parent)])
    # main() turns the QuotexError into one line on stderr and exit status 2
    assert isinstance(result.exception, QuotexError) and "[E208]" in str(result.exception)
