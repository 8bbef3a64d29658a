"""Builders of small hand-written Documents for the alignment tests."""

from __future__ import annotations

import datetime as dt

from quotex.results import Claim, Document, Entity, Quote, Speaker


def make_doc(
    doc_id: str,
    text: str,
    quotes: list[tuple[str, str, str | None]] = (),  # type: ignore[assignment]
    claims: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
    entities: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    published: dt.date | None = dt.date(2025, 3, 9),
) -> Document:
    """A Document whose quotes/claims/entities are located by their text (first occurrence after
    the previous one of the same list)."""
    qs, cs, es = [], [], []
    pos = 0
    for i, (qt, kind, sp) in enumerate(quotes):
        s = text.index(qt, pos)
        pos = s + 1
        speaker = Speaker(start=0, end=0, text="", name=sp) if sp else None
        qs.append(Quote(id=f"q{i}", start=s, end=s + len(qt), text=qt, kind=kind, speaker=speaker))  # type: ignore[arg-type]
    pos = 0
    for i, (ct, sp) in enumerate(claims):
        s = text.index(ct, pos)
        pos = s + 1
        speaker = Speaker(start=0, end=0, text="", name=sp) if sp else None
        inside = [q.id for q in qs if s <= q.start and q.end <= s + len(ct)]
        cs.append(Claim(id=f"c{i}", start=s, end=s + len(ct), text=ct, speaker=speaker, quotes=inside))
    pos = 0
    for et, label, name in entities:
        s = text.index(et, pos)
        pos = s + 1
        es.append(Entity(start=s, end=s + len(et), text=et, label=label, name=name))
    return Document(id=doc_id, text=text, published=published, quotes=qs, claims=cs, entities=es)
