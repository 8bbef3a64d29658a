"""Which word of a person's name is the family name.

The last in Western order ("Yuri Ushakov"); the first in Korean and Chinese order, which English
news keeps ("Moon Jae-in", "Yoon Suk Yeol", "Xi Jinping"). Alignment keys speakers and matches
names with it ("Yoon Suk Yeol" and "Yun Seok-yeol" are one speaker); it reads only the name's
words, so it stays free of spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quotex.lexicons import read

# one romanised Korean or Chinese syllable: "Jae", "Hyung", "Yeol", "Ping", "Qiang"
_SYLLABLE = (
    r"(?:ch|sh|zh|[bcdfghjklmnpqrstwxyz])?"  # initial
    r"(?:yeo|yae|eo|eu|ae|oe|ui|ya|ye|yo|yu|wa|wo|ia|ie|io|iu|ua|uo|ai|ei|ao|ou|[aeiou])"  # vowel
    r"(?:ng|[nmklpt](?![aeiouy]))?"  # final consonant, unless it starts the next syllable
)
_GIVEN_SYLLABLES = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(w.lower() for w in read("family_names.json")["family_name_first"])


def family_name_at(words: Sequence[str]) -> int | None:
    """Where a Korean or Chinese family name stands before its given name, else None.

    The family name must be one of ``lexicons/family_names.json`` and every word after it one or
    two romanised syllables ("Jae-in", "Suk Yeol", "Jinping"); titles may come before it.

    Example:
        >>> family_name_at(["Chief", "Justice", "Moon", "Hyung-bae"])
        2
        >>> family_name_at(["Kim", "Kardashian"]) is None
        True
    """
    for i in range(max(0, len(words) - 3), len(words) - 1):
        if words[i].lower() in _family_names() and all(
            _GIVEN_SYLLABLES.fullmatch(s.lower()) for w in words[i + 1 :] for s in w.split("-") if s
        ):
            return i
    return None
