"""What the command-line tests share: run a command in-process, read its JSON Lines, write a folder."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from typer.testing import CliRunner

from quotex.cli import app


def run(*args: str, command: str = "extract") -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``quotex COMMAND ARGS``; a crash is raised, not hidden."""
    result = CliRunner().invoke(app, [command, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def write_folder(root: Path, stories: Mapping[str, str]) -> Path:
    """One ``NAME.txt`` per story under ``root``."""
    root.mkdir()
    for name, text in stories.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root
