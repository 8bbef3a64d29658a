"""Article metadata for the alignment report: outlet, date and URL by document id (a JSON Lines file)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotex.errors import Errors, InputError
from quotex.ingest.article import coerce_date
from quotex.results import Document

_FIELDS = ("outlet", "published", "url")


def load_meta(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read ``{"id", "outlet", "published", "url"}`` lines into Document field updates by id.

    Raises:
        InputError: A line that is not a JSON object with an ``id``, or a date that cannot be read.
    """
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            doc_id = str(row["id"])
            update = {k: row[k] for k in _FIELDS if row.get(k)}
            if "published" in update:
                update["published"] = coerce_date(update["published"])
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(Errors.E105.format(line=n, path=path, reason=err)) from None
        out[doc_id] = update
    return out


def with_meta(docs: Sequence[Document], meta: dict[str, dict[str, Any]]) -> list[Document]:
    """The documents with their outlet, date and URL from ``meta`` (ingested values are kept where
    the file says nothing)."""
    return [d.model_copy(update=meta[d.id]) if d.id in meta else d for d in docs]
