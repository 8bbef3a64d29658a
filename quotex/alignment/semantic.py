"""Meaning-level similarity of two items, for rewordings that keep too few words for the lemma score.

A re-translation or a spun copy keeps the names and a few words of a statement and rewords the rest
("the death toll had risen to 3,549" / "the death toll alone was more than 3,500"). The vectors
come from WordLlama (MIT): token embeddings with average pooling, 256 dimensions, whose weights and
tokenizer are shipped inside its wheel and run on numpy. They are read from the installed package
with downloads disabled: nothing is fetched at run time.

The cosine is asked only of pairs that keep at least two words that are not names (names say what
the news is about, not what was said: two statements about the same two leaders share them).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from quotex.alignment.items import Item, token_lemma
from quotex.alignment.lexical import coverage, kept, known_word
from quotex.alignment.normalize import Token

_SENTENCE_ENDS = {".", "!", "?", "...", "…"}


@lru_cache(maxsize=1)
def _model() -> Any:
    # wordllama calls logging.basicConfig on import: the user's logging stays as it was
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        import wordllama  # imported on first use: it loads tokenizers and safetensors
        from wordllama import WordLlama
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    # the wheel ships weights/ and tokenizers/ in the package folder, the layout of its cache
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of the texts, one row each (a text without words gets a zero row).

    Args:
        texts: Statements as printed.

    Returns:
        A float32 array of shape ``(len(texts), 256)``.
    """
    out = np.zeros((len(texts), 256), dtype=np.float32)
    rows = [i for i, t in enumerate(texts) if any(ch.isalnum() for ch in t)]
    if rows:
        emb = np.asarray(_model().embed([texts[i] for i in rows]), dtype=np.float32)
        norms = np.linalg.norm(emb, axis=1, keepdims=True)
        out[rows] = emb / np.where(norms > 0, norms, 1.0)
    return out


def names(it: Item) -> frozenset[str]:
    """Lemmas of the item's names: capitalised words inside a sentence, and a capitalised word
    that starts one when the dictionary does not know it ("Volkswagen said") or another
    capitalised word follows it ("Kestrel Motors said"). A headline in title case is all names,
    so it is never asked."""
    words: list[tuple[Token, bool]] = []  # each word, and whether it starts a sentence
    opens = True
    for t in it.tokens:
        if t.key:
            words.append((t, opens))
            opens = False
        else:
            opens = opens or t.text in _SENTENCE_ENDS
    out = set()
    for k, (t, starts) in enumerate(words):
        if not t.text[:1].isupper():
            continue
        followed = k + 1 < len(words) and words[k + 1][0].text[:1].isupper()
        if not starts or not known_word(t.key) or followed:
            out.add(token_lemma(t))
    return frozenset(out) & it.lemmas


def worth_asking(
    a: Item,
    b: Item,
    names_a: frozenset[str],
    names_b: frozenset[str],
    idf: Mapping[str, float],
    *,
    min_kept: int,
    min_share: float,
) -> bool:
    """Whether two items are worth the cosine: they name no one in common when both name someone
    ("Weber called it" / "Lindqvist called it" is two statements), and the shorter keeps ``min_kept``
    lemmas that are not names in the other, holding ``min_share`` of their weight (both ways when
    neither is shorter, so that the answer does not depend on the order of the pair).

    Args:
        a: An item.
        b: An item of another article.
        names_a: :func:`names` of ``a``.
        names_b: :func:`names` of ``b``.
        idf: Inverse frequencies of the lemmas.
        min_kept: Lemmas that are not names the shorter item must keep.
        min_share: Share of their weight that must be kept.
    """
    if names_a and names_b and names_a.isdisjoint(names_b):
        return False
    pa, pb = a.lemmas - names_a, b.lemmas - names_b

    def keeps(own: frozenset[str], other: frozenset[str]) -> bool:
        if sum(kept(x, other) for x in own) < min_kept:
            return False
        return coverage(own, other, idf, kept_only=True) >= min_share

    if len(pa) != len(pb):
        return keeps(pa, b.lemmas) if len(pa) < len(pb) else keeps(pb, a.lemmas)
    return keeps(pa, b.lemmas) and keeps(pb, a.lemmas)


def cosines(items: Sequence[Item], pairs: Sequence[tuple[int, int]]) -> list[float]:
    """Cosine of each pair of items, embedding each item named once."""
    needed = sorted({i for p in pairs for i in p})
    row = {i: r for r, i in enumerate(needed)}
    vec = vectors([items[i].text for i in needed])
    return [float(vec[row[i]] @ vec[row[j]]) for i, j in pairs]
