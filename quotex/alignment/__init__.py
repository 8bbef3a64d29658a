"""Cross-outlet alignment: the same statement across articles and how its wording drifted."""

from __future__ import annotations

import json

from quotex.alignment.core import align
from quotex.alignment.models import (
    Alignment,
    Article,
    Drift,
    Fact,
    FactVariant,
    Member,
    NameEntity,
    NameVariant,
    QuoteGroup,
)


def to_json(alignment: Alignment, *, indent: int | None = 2) -> str:
    """The alignment as JSON text in the documented contract (docs/alignment.md)."""
    return json.dumps(alignment.to_json_dict(), ensure_ascii=False, indent=indent)


def to_html(alignment: Alignment) -> str:
    """A self-contained HTML page: each group side by side with the drifted words highlighted."""
    from quotex.alignment.html import to_html as _to_html

    return _to_html(alignment, standalone=True)


def to_table(alignment: Alignment) -> str:
    """A plain-text table of groups, drift, facts and names for the terminal."""
    from quotex.alignment.html import to_table as _to_table

    return _to_table(alignment)


__all__ = [
    "Alignment",
    "Article",
    "Drift",
    "Fact",
    "FactVariant",
    "Member",
    "NameEntity",
    "NameVariant",
    "QuoteGroup",
    "align",
    "to_html",
    "to_json",
    "to_table",
]
