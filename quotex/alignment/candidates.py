"""Sub-quadratic candidate pairs: exact-key buckets, a word-bigram index and a speaker-keyed index."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from quotex.alignment.items import Item

DEFAULT_MAX_DF = 300
#: lemmas of an item looked up in the lemma index (its rarest)
RARE_LEMMAS = 12


def _bigrams(words: Sequence[str]) -> list[tuple[str, ...]]:
    if len(words) == 1:
        return [(words[0],)]
    return [tuple(words[i : i + 2]) for i in range(len(words) - 1)]


def candidate_pairs(items: Sequence[Item], *, max_df: int = DEFAULT_MAX_DF) -> Iterator[tuple[int, int]]:
    """Yield index pairs (i < j) worth verifying, each at most once.

    Three blocking keys keep this near-linear in the number of items:

    * identical word keys: one bucket each, chained (a star is enough for union-find);
    * containment: each item looks up the longer items that hold its rarest word bigram;
    * same speaker: items that share a content stem under the same speaker key.

    Postings longer than ``max_df`` are skipped (passim's maxDF), which bounds the work per item.

    Args:
        items: Prepared items.
        max_df: Largest posting list that is still expanded.

    Yields:
        Pairs of item indices.
    """
    seen: set[tuple[int, int]] = set()

    def emit(a: int, b: int) -> Iterator[tuple[int, int]]:
        pair = (a, b) if a < b else (b, a)
        if a != b and pair not in seen:
            seen.add(pair)
            yield pair

    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for it in items:
        buckets[it.words].append(it.idx)
    for members in buckets.values():
        for other in members[1:]:
            yield from emit(members[0], other)

    # containment: index each distinct word sequence once by its bigrams
    reps = [members[0] for members in buckets.values()]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for r in reps:
        for bg in set(_bigrams(items[r].words)):
            index[bg].append(r)
    for r in reps:
        words = items[r].words
        if len(words) < 2:
            continue  # one-word quotes are matched under their speaker below
        grams = _bigrams(words)
        rare = min(grams, key=lambda g: len(index[g]))
        posting = index[rare]
        if len(posting) > max_df:
            continue
        for o in posting:
            if o != r and items[o].n >= items[r].n:
                for a in buckets[items[r].words][:1]:
                    yield from emit(a, o)

    # any speaker: items that share at least two content lemmas (speaker spelling is no gate)
    lindex: dict[str, list[int]] = defaultdict(list)
    for it in items:
        for lm in it.lemmas:
            lindex[lm].append(it.idx)
    for it in items:
        # the rarest lemmas carry the identity of a statement; common ones pair it with everything
        rarest = sorted(it.lemmas, key=lambda lm: (len(lindex[lm]), lm))[:RARE_LEMMAS]
        shared: Counter[int] = Counter()
        for lm in rarest:
            posting = lindex[lm]
            if len(posting) <= max_df:
                shared.update(posting)
        need = 1 if len(it.lemmas) <= 2 else 2 if len(it.lemmas) <= 6 else 3
        for o, n in shared.items():
            if n >= need and items[o].doc != it.doc:  # rarest lemmas differ by side: both sides ask
                yield from emit(it.idx, o)

    # same speaker, shared content stem
    sindex: dict[tuple[str, str], list[int]] = defaultdict(list)
    for it in items:
        if it.skey is None:
            continue
        for st in it.content:
            sindex[(it.skey, st)].append(it.idx)
    for it in items:
        if it.skey is None:
            continue
        counts: Counter[int] = Counter()
        for st in it.content:
            posting = sindex[(it.skey, st)]
            if len(posting) > max_df:
                continue
            counts.update(posting)
        for o in counts:
            if o > it.idx:
                yield from emit(it.idx, o)
