"""Name variants across outlets (placeholder while being written)."""

from __future__ import annotations


def align_names(docs):  # type: ignore[no-untyped-def]
    return []
