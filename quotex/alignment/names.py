"""Name variants: people and organisations matched across documents, with their spellings."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from quotex.alignment.items import (
    given_initial,
    given_names,
    misspelt_keys,
    name_part_key,
    name_parts,
    not_given,
    speaker_key,
    surname,
)
from quotex.alignment.models import NameEntity, NameVariant
from quotex.alignment.similarity import jaro_winkler
from quotex.person_names import family_name_at
from quotex.results import Document

# NER labels of small models are noisy ("Trump" as LOC), so every named mention is considered and
# the label reported is the majority one
NAME_LABELS = frozenset({"PERSON", "ORG", "LOC", "GPE", "NORP", "FAC"})
_CAP_WORD = re.compile(r"\b[A-Z][\w’'-]*[\w]")
SAME_GIVEN_NAME = 0.7  # Jaro-Winkler of two given names with one initial: Vladimir/Volodymyr 0.75


@dataclass(frozen=True)
class _Mention:
    doc: str
    start: int
    end: int
    text: str
    full: str
    label: str


def _extend_left(text: str, start: int) -> int:
    """Start of the given name written just before a surname ("Volodymyr " + "Zelensky")."""
    m = re.search(r"([A-Z][a-z’'-]+) +$", text[max(0, start - 30) : start])
    if m and m.group(1).lower() not in not_given():
        return start - len(m.group(0))
    return start


def _mentions(docs: Sequence[Document]) -> list[_Mention]:
    out: dict[tuple[str, int, int], _Mention] = {}
    person_keys: set[str] = set()
    for d in docs:
        bp = [(b.start, b.end) for b in d.boilerplate]
        for e in d.entities:
            if e.label in NAME_LABELS and not any(s <= e.start < t for s, t in bp):
                out[(d.id, e.start, e.end)] = _Mention(d.id, e.start, e.end, e.text, e.name or e.text, e.label)
                if e.label == "PERSON" and len(name_parts(e.name or e.text)) >= 2:
                    person_keys.add(name_part_key(surname(name_parts(e.name or e.text))))
        for sp in [q.speaker for q in d.quotes] + [c.speaker for c in d.claims]:
            key = speaker_key(sp.name) if sp is not None else None
            if sp is None or key is None:
                continue
            person_keys.add(key)
            # the mention must name the speaker ("Ushakov"), not describe him ("the diplomat", "he")
            if sp.text and sp.end > sp.start and speaker_key(sp.text) == key:
                label = sp.label if sp.label in NAME_LABELS else "PERSON"
                out.setdefault(
                    (d.id, sp.start, sp.end),
                    _Mention(d.id, sp.start, sp.end, sp.text, sp.name, label),
                )
    person_keys.discard("")
    # spellings the recogniser missed: any capitalised word whose folded key is a known surname
    covered = {(m.doc, i) for m in out.values() for i in range(m.start, m.end)}
    for d in docs:
        bp = [(b.start, b.end) for b in d.boilerplate]
        for w in _CAP_WORD.finditer(d.text):
            if (d.id, w.start()) in covered or any(s <= w.start() < t for s, t in bp):
                continue
            if len(w.group()) >= 4 and name_part_key(w.group()) in person_keys:
                out[(d.id, w.start(), w.end())] = _Mention(d.id, w.start(), w.end(), w.group(), w.group(), "PERSON")
    # given names written before a bare surname
    final: list[_Mention] = []
    text_of = {d.id: d.text for d in docs}
    for m in out.values():
        parts = name_parts(m.text)
        if len(parts) == 1 and name_part_key(parts[0]) in person_keys:
            s = _extend_left(text_of[m.doc], m.start)
            if s < m.start:
                full = " ".join(text_of[m.doc][s : m.end].split())
                m = _Mention(m.doc, s, m.end, text_of[m.doc][s : m.end], full, m.label)
        final.append(m)
    return final


def _given(full: str) -> str | None:
    given = given_names(name_parts(full))
    return given[0] if given else None


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


def _flags(ms: Sequence[_Mention], spelt: set[str]) -> list[str]:
    """Spelling and given-name flags of one entity whose surname keys are ``spelt``."""
    flags: list[str] = []
    # only mentions that spell the surname count (not "US President" resolved to a person)
    surnames = {sn for m in ms if (p := name_parts(m.text)) and name_part_key(sn := surname(p)) in spelt}
    if len(surnames) > 1:
        flags.append("spelling_variant: " + " / ".join(sorted(surnames)))
    firsts = Counter(g for m in ms if (g := _given(m.text)))
    initial = max(firsts, key=lambda g: (firsts[g], g))[:1].lower() if firsts else ""
    # a capitalised word glued before a surname ("As Trump") is not a given name
    given_surface = sorted(g for g in firsts if g[:1].lower() == initial)
    by_given = {name_part_key(g) for g in given_surface}
    # romanised syllables vary by system ("Suk Yeon" / "Seok-yeon"): a spelling, not another name
    romanised = {g for m in ms if (g := _given(m.text)) and family_name_at(name_parts(m.text)) is not None}
    if len(by_given) > 1 and not set(given_surface) <= romanised:
        docs = "; ".join(f"{g}: {', '.join(sorted({m.doc for m in ms if _given(m.text) == g}))}" for g in given_surface)
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
    # Korean and Chinese order is a person's: "Hong Kong" keeps its last word
    keyed = [
        (name_part_key(surname(parts) if m.label == "PERSON" else parts[-1]), m)
        for m in _mentions(docs)
        if (parts := name_parts(m.full))
    ]
    merged = misspelt_keys((k, m.doc, given_initial(m.full)) for k, m in keyed if k and m.label == "PERSON")
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for key, m in keyed:
        if key:
            by_key[merged.get(key, key)].append(m)
    out: list[NameEntity] = []
    for key, ms in by_key.items():
        labels = Counter(m.label for m in ms)
        label = "PERSON" if labels["PERSON"] * 2 >= len(ms) else max(labels, key=lambda x: (labels[x], x))
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
                            spans=[
                                {"doc": m.doc, "start": m.start, "end": m.end}
                                for m in sorted(v, key=lambda m: (m.doc, m.start))
                            ],
                        )
                        for t, v in sorted(texts.items())
                    ],
                    flags=_flags(cl, {key} | {k for k, v in merged.items() if v == key}),
                )
            )
    out.sort(key=lambda e: (-len({d for v in e.variants for d in v.docs}), e.name))
    return out
