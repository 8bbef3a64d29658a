"""The part of a long claim or sentence that states a group's statement.

An outlet often renders a statement inside a longer sentence ('Draghi, who spoke in London, said the
bank was "ready to do whatever it takes" and that ...'); the group member is then the run of that
sentence whose words match the other outlets' version, not the whole sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from quotex.alignment.items import Item, content_lemmas, token_lemma
from quotex.alignment.lexical import coverage, lemma_match
from quotex.alignment.normalize import light_form, stopwords

#: a member is narrowed only when it has at least this many words ...
MIN_WORDS = 10
#: ... and the matching run keeps less than this share of its characters
MAX_SHARE = 0.6
#: ... and the run holds this share of the other version's words (idf-weighted)
MIN_REF_COVERAGE = 0.6
#: ... and holds this share of the words the group's other versions say (idf-weighted)
MIN_INSIDE = 0.8
#: an unmatched content word inside the run costs this share of a matched lemma
GAP_COST = 0.5
_MARKS = "\"'“‘”’"


def matching_run(item: Item, other: frozenset[str], idf: Mapping[str, float]) -> tuple[int, int] | None:
    """Token indices ``[i, j]`` of the densest run of ``item`` whose content words are found in
    ``other`` (same lemma or a synonym), or None when fewer than two lemmas match."""
    stop = stopwords()
    marks: list[tuple[int, str, float]] = []  # (token index, lemma, weight) of content words
    for i, t in enumerate(item.tokens):
        if t.key and t.key not in stop:
            lm = token_lemma(t)
            w = idf.get(lm, 1.0)
            marks.append((i, lm, w if lemma_match(lm, other) > 0 else -GAP_COST * w))
    best: tuple[float, int, int] | None = None
    for a in range(len(marks)):
        if marks[a][2] <= 0:
            continue
        seen: set[str] = set()
        score = 0.0
        for b in range(a, len(marks)):
            _, lm, w = marks[b]
            if w > 0:
                if lm in seen:
                    continue
                seen.add(lm)
            score += w
            if w > 0 and len(seen) >= 2 and (best is None or score > best[0]):
                best = (score, marks[a][0], marks[b][0])
    return (best[1], best[2]) if best else None


def narrow(item: Item, others: Sequence[Item], idf: Mapping[str, float]) -> Item:
    """``item`` cut down to the run that matches the other articles' members, when a long claim or
    sentence holds the statement in a short part of it; else ``item`` itself."""
    if item.is_quote or item.n < MIN_WORDS:
        return item
    # every version of another article that this one holds marks the part that renders it
    refs = [
        o for o in others if o.doc != item.doc and o.lemmas and coverage(o.lemmas, item.lemmas, idf) >= MIN_REF_COVERAGE
    ]
    # the run itself must hold the version, not only the words it shares with it
    found = [
        r
        for o in refs
        if (r := matching_run(item, o.lemmas, idf)) is not None
        and coverage(o.lemmas, content_lemmas(item.tokens[r[0] : r[1] + 1]), idf) >= MIN_REF_COVERAGE
    ]
    if not found:
        return item
    run = (min(r[0] for r in found), max(r[1] for r in found))
    # words outside the run that the speaker's quoted versions say too: the whole renders the
    # statement ('the bank is ready to do "whatever it takes" to support the euro'), not only the run
    said = frozenset().union(*(o.lemmas for o in others if o.doc != item.doc and o.is_quote))
    weights = [
        (i, idf.get(lm, 1.0))
        for i, t in enumerate(item.tokens)
        if t.key and t.key not in stopwords() and (lm := token_lemma(t)) in said  # verbatim: the thesaurus is broad
    ]
    inside = sum(w for i, w in weights if run[0] <= i <= run[1])
    if inside < MIN_INSIDE * sum(w for _, w in weights):
        return item
    toks = item.tokens[run[0] : run[1] + 1]
    start, end = toks[0].start, toks[-1].end
    # a quoted phrase keeps its quotation marks
    text = item.text
    if start > item.start and text[start - item.start - 1] in _MARKS:
        start -= 1
    if end < item.end and text[end - item.start] in _MARKS:
        end += 1
    if (end - start) >= MAX_SHARE * (item.end - item.start):
        return item
    sub = [t for t in item.tokens if start <= t.start and t.end <= end]
    lemmas = content_lemmas(sub)
    return dataclasses.replace(
        item,
        start=start,
        end=end,
        text=text[start - item.start : end - item.start],
        tokens=sub,
        words=tuple(t.key for t in sub if t.key),
        lemmas=lemmas,
        light=light_form(text[start - item.start : end - item.start]),
        quoted=[(s, e) for s, e in item.quoted if start <= s and e <= end],
    )
