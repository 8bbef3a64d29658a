"""Pure similarity metrics in [0, 1]: symmetric, sim(a, a) == 1, and two empty inputs are equal."""

from __future__ import annotations

import importlib
from collections.abc import Collection, Sequence
from functools import lru_cache
from types import ModuleType
from typing import Any

from rapidfuzz.distance import Indel, JaroWinkler, Levenshtein

from quotex.alignment.normalize import normalize_text

# Every metric below decides the empty case first: two empty inputs are the same (1.0), one empty
# input shares nothing with a non-empty one (0.0). textacy returns 0.0 for two empty inputs.


@lru_cache(maxsize=1)
def _textacy_similarity() -> ModuleType | None:
    # textacy imports spaCy; load it only when a name comparison needs it, never at import time
    try:
        return importlib.import_module("textacy.similarity")
    except ImportError:  # pragma: no cover - textacy is a dependency, the fallback is a safety net
        return None


def _empty(a: Collection[Any], b: Collection[Any]) -> float | None:
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return None


def jaccard(a: Collection[str], b: Collection[str]) -> float:
    """|A ∩ B| / |A ∪ B| of the two collections taken as sets."""
    sa, sb = set(a), set(b)
    e = _empty(sa, sb)
    return e if e is not None else len(sa & sb) / len(sa | sb)


def overlap(a: Collection[str], b: Collection[str]) -> float:
    """Overlap coefficient |A ∩ B| / min(|A|, |B|): 1.0 when one set contains the other.

    This is the containment measure that suits truncated quotes, where Jaccard is biased low.
    """
    sa, sb = set(a), set(b)
    e = _empty(sa, sb)
    return e if e is not None else len(sa & sb) / min(len(sa), len(sb))


def cosine(a: Collection[str], b: Collection[str]) -> float:
    """Set cosine (Otsuka-Ochiai), computed by ``textacy.similarity.cosine`` when textacy is loaded."""
    sa, sb = set(a), set(b)
    e = _empty(sa, sb)
    if e is not None:
        return e
    ts = _textacy_similarity()
    if ts is not None:
        return float(ts.cosine(sa, sb))
    return float(len(sa & sb) / (len(sa) * len(sb)) ** 0.5)


def edit(a: str, b: str) -> float:
    """Normalised Levenshtein similarity of the normalised texts (case kept)."""
    na, nb = normalize_text(a), normalize_text(b)
    e = _empty(na, nb)
    return e if e is not None else float(Levenshtein.normalized_similarity(na, nb))


def token_edit(a: Sequence[str], b: Sequence[str]) -> float:
    """Indel (insert/delete) similarity of two token sequences, order-sensitive."""
    e = _empty(a, b)
    return e if e is not None else float(Indel.normalized_similarity(list(a), list(b)))


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two (name) strings, case-insensitive.

    Jaro-Winkler weighs the prefix, so it is made symmetric by averaging both directions.
    """
    la, lb = a.lower(), b.lower()
    e = _empty(la, lb)
    if e is not None:
        return e
    return float((JaroWinkler.normalized_similarity(la, lb) + JaroWinkler.normalized_similarity(lb, la)) / 2)


def monge_elkan(a: Sequence[str], b: Sequence[str]) -> float:
    """Symmetric Monge-Elkan over name parts with Jaro-Winkler as the inner measure.

    Uses ``textacy.similarity.monge_elkan`` (already symmetric) when textacy can be imported.
    """
    e = _empty(a, b)
    if e is not None:
        return e
    ts = _textacy_similarity()
    if ts is not None:
        return min(1.0, float(ts.monge_elkan(list(a), list(b), sim_func=jaro_winkler)))
    s1 = sum(max(jaro_winkler(x, y) for y in b) for x in a) / len(a)
    s2 = sum(max(jaro_winkler(y, x) for x in a) for y in b) / len(b)
    return min(1.0, (s1 + s2) / 2)
