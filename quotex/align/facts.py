"""Facts across outlets (placeholder while being written)."""

from __future__ import annotations


def align_facts(docs):  # type: ignore[no-untyped-def]
    return []
