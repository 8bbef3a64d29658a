"""Name variants: people and organisations matched across documents, with their spellings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from quotex.align.items import name_part_key, name_parts, speaker_key
from quotex.align.models import NameEntity, NameVariant
from quotex.align.similarity import jaro_winkler
from quotex.results import Document

NAME_LABELS = frozenset({"PERSON", "ORG"})
SAME_GIVEN_NAME = 0.7  # Jaro-Winkler of two given names with one initial: Vladimir/Volodymyr 0.75


@dataclass(frozen=True)
class _Mention:
    doc: str
    start: int
    end: int
    text: str
    full: str
    label: str


def _mentions(docs: Sequence[Document]) -> list[_Mention]:
    out: dict[tuple[str, int, int], _Mention] = {}
    for d in docs:
        bp = [(b.start, b.end) for b in d.boilerplate]
        for e in d.entities:
            if e.label in NAME_LABELS and not any(s <= e.start < t for s, t in bp):
                out[(d.id, e.start, e.end)] = _Mention(d.id, e.start, e.end, e.text, e.name or e.text, e.label)
        for item in (*d.quotes, *d.claims):
            sp = item.speaker
            if sp is None or speaker_key(sp.name) is None:
                continue
            label = sp.label if sp.label in NAME_LABELS else "PERSON"
            if sp.text and speaker_key(sp.text) is not None and sp.end > sp.start:
                out.setdefault((d.id, sp.start, sp.end), _Mention(d.id, sp.start, sp.end, sp.text, sp.name, label))
    return list(out.values())


def _given(full: str) -> str | None:
    parts = name_parts(full)
    return parts[0] if len(parts) >= 2 else None


def _person_clusters(ms: Sequence[_Mention]) -> list[list[_Mention]]:
    """Split mentions sharing a surname key into people by their given names."""
    givens = Counter(g for m in ms if (g := _given(m.full)))
    reps: list[str] = []  # one given name per person
    person_of: dict[str, int] = {}
    for g, _n in givens.most_common():
        for i, r in enumerate(reps):
            same_key = name_part_key(g) == name_part_key(r)
            if same_key or (g[:1].lower() == r[:1].lower() and jaro_winkler(g, r) >= SAME_GIVEN_NAME):
                person_of[g] = i
                break
        else:
            person_of[g] = len(reps)
            reps.append(g)
    clusters: list[list[_Mention]] = [[] for _ in reps] or [[]]
    for m in ms:
        g = _given(m.full)
        clusters[person_of[g] if g is not None else 0].append(m)
    return [c for c in clusters if c]


def _flags(ms: Sequence[_Mention]) -> list[str]:
    flags: list[str] = []
    surnames = {name_parts(m.text)[-1] for m in ms if name_parts(m.text)}
    if len(surnames) > 1:
        flags.append("spelling_variant: " + " / ".join(sorted(surnames)))
    firsts = Counter(name_parts(m.text)[0] for m in ms if len(name_parts(m.text)) >= 2)
    initial = max(firsts, key=lambda g: (firsts[g], g))[:1].lower() if firsts else ""
    # a capitalised word glued before a surname ("As Trump") is not a given name
    given_surface = sorted(g for g in firsts if g[:1].lower() == initial)
    by_given = {name_part_key(g) for g in given_surface}
    if len(by_given) > 1:
        docs = "; ".join(
            f"{g}: {', '.join(sorted({m.doc for m in ms if len(name_parts(m.text)) >= 2 and name_parts(m.text)[0] == g}))}"
            for g in given_surface
        )
        flags.append(f"different_given_name (likely error, not a spelling): {docs}")
    elif len(given_surface) > 1:
        flags.append("given_name_spelling: " + " / ".join(given_surface))
    return flags


def align_names(docs: Sequence[Document], *, min_docs: int = 2) -> list[NameEntity]:
    """People and organisations named in at least ``min_docs`` documents, with every spelling.

    People match on a transliteration-folded surname (Zelensky/Zelenskiy/Zelenskyy) and are split
    by given name unless the given names are spellings of one another (Yuri/Yury) or share an
    initial and look alike (Vladimir/Volodymyr, flagged as a likely error). Organisations match on
    their folded name.

    Args:
        docs: The documents.
        min_docs: Smallest number of documents an entity must appear in.

    Returns:
        Entities, the most widely named first.
    """
    by_key: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in _mentions(docs):
        parts = name_parts(m.full)
        if not parts:
            continue
        key = name_part_key(parts[-1]) if m.label == "PERSON" else " ".join(name_part_key(p) for p in parts)
        if key:
            by_key[(m.label, key)].append(m)
    out: list[NameEntity] = []
    for (label, _key), ms in by_key.items():
        for cl in _person_clusters(ms) if label == "PERSON" else [ms]:
            if len({m.doc for m in cl}) < min_docs:
                continue
            texts: dict[str, list[_Mention]] = defaultdict(list)
            for m in cl:
                texts[m.text].append(m)
            fulls = Counter(m.full for m in cl if len(name_parts(m.full)) >= 2) or Counter(m.full for m in cl)
            out.append(
                NameEntity(
                    name=max(fulls, key=lambda f: (fulls[f], len(f), f)),
                    label=label,
                    variants=[
                        NameVariant(
                            text=t,
                            docs=sorted({m.doc for m in v}),
                            spans=[{"doc": m.doc, "start": m.start, "end": m.end} for m in sorted(v, key=lambda m: (m.doc, m.start))],
                        )
                        for t, v in sorted(texts.items())
                    ],
                    flags=_flags(cl),
                )
            )
    out.sort(key=lambda e: (-len({d for v in e.variants for d in v.docs}), e.name))
    return out
