"""Word lists shipped as JSON data files, read by one loader (spaCy-free, so alignment can use it)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def read(name: str) -> dict[str, Any]:
    """The parsed data file ``quotex/lexicons/<name>``, read once per process (callers do not
    change it)."""
    data: dict[str, Any] = json.loads(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))
    return data
