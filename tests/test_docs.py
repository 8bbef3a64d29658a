"""The documentation: the site builds with ``mkdocs build --strict`` (notebook executed, API
examples as code), every snippet of the README and the quickstart runs, and the JSON schema is
current."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    needs = ("mkdocs", "material", "mkdocstrings", "mkdocs_jupyter")
    if any(importlib.util.find_spec(m) is None for m in needs):
        pytest.skip("the docs extra is not installed")
    out = tmp_path_factory.mktemp("site")
    # the notebook's kernel imports this checkout's quotex, as the test process does
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.mark.slow
@pytest.mark.needs_model
def test_mkdocs_build_strict(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="quotex.results.Document"' in api


@pytest.mark.slow
@pytest.mark.needs_model
def test_api_examples_render_as_code(site: Path) -> None:
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    # a ">>>" line is a prompt in a highlighted code block, never a nested quotation
    assert api.count('<span class="gp">&gt;&gt;&gt; </span>') >= 5
    assert "<blockquote>" not in api
    assert not re.search(r":(func|meth|class|data|attr):", api)


@pytest.mark.slow
@pytest.mark.needs_model
def test_notebook_page_shows_executed_outputs(site: Path) -> None:
    page = (site / "notebooks" / "quickstart" / "index.html").read_text(encoding="utf-8")
    assert 'class="quotex"' in page and "quotex-legend" in page  # the Document's HTML view
    assert "doc_id" in page and "<table" in page  # the frame
    assert "Elena Marsh" in page


def _snippets(markdown: Path) -> list[tuple[str, str]]:
    return [(lang, body) for lang, body in FENCE.findall(markdown.read_text(encoding="utf-8"))]


def _run_shell(body: str) -> None:
    """Run the ``quotex`` commands of a bash snippet in this process (installs and test runs
    are left out), so the pipeline loads once for the whole page."""
    from typer.testing import CliRunner

    from quotex.cli import app

    for line in body.splitlines():
        for command in line.split("&&"):
            words = shlex.split(command, comments=True)
            if words and words[0] == "quotex":
                result = CliRunner().invoke(app, words[1:])
                assert result.exit_code == 0, f"{command}\n{result.output[-2000:]}"


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder laid out as the docs assume: the examples, a folder of articles and a feed."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "examples" / "wildfire", tmp_path / "articles")
    (tmp_path / "feeds").mkdir()
    records = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": p.stem}
        for p in sorted((ROOT / "examples" / "wildfire").glob("*.txt"))
    ]
    lines = "\n".join(json.dumps(r) for r in records)
    (tmp_path / "feeds" / "wildfire.jsonl").write_text(lines + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.slow
@pytest.mark.needs_model
@pytest.mark.parametrize("page", ["README.md", "docs/index.md", "docs/quickstart.md"])
def test_every_snippet_runs(page: str, workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, Any] = {"__name__": "__snippet__"}
    snippets = _snippets(ROOT / page)
    assert snippets
    with _in(workdir):
        for lang, body in snippets:
            if lang == "bash":
                _run_shell(body)
            elif lang == "python":
                exec(compile(body, f"{page} snippet", "exec"), namespace)  # noqa: S102
            else:
                pytest.fail(f"{page}: a {lang} snippet that no test runs")
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.needs_model
def test_dask_example_extracts_once(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("pyarrow")
    import quotex.distributed

    passes: list[int] = []
    extract = quotex.distributed._extract_partition

    def counted(*args: Any, **kwargs: Any) -> Any:
        passes.append(1)
        return extract(*args, **kwargs)

    monkeypatch.setattr(quotex.distributed, "_extract_partition", counted)
    example = next(body for lang, body in _snippets(ROOT / "docs" / "corpus.md") if "extract_bag" in body)
    with _in(workdir), dask.config.set(scheduler="synchronous"):
        exec(compile(example, "corpus.md snippet", "exec"), {})  # noqa: S102
    assert len(passes) == 1  # one partition, extracted once for both outputs
    import pandas

    assert len(pandas.read_parquet(workdir / "out" / "rows")) > 0


def test_distributed_extra_brings_dask_distributed() -> None:
    tomllib = pytest.importorskip("tomllib")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(re.match(r"dask\[[^\]]*\bdistributed\b", dep) for dep in extras["distributed"])
    pytest.importorskip("dask")
    from dask.distributed import Client  # noqa: F401


def test_document_schema_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/export_schema.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
