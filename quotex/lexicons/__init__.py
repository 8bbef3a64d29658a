"""Word lists shipped as JSON data files, read by one loader (spaCy-free, so alignment can use it)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read(name: str) -> dict[str, Any]:
    """The parsed data file ``quotex/lexicons/<name>``."""
    data: dict[str, Any] = json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
    return data
