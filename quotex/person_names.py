"""Which word of a person's name is the family name.

The last in Western order ("Anna Weiss"); the first in Korean and Chinese order, which English
news keeps ("Park Ji-ho", "Yoon Suk Yeon", "Xi Jinping"). Alignment keys speakers and matches
names with it ("Yoon Suk Yeon" and "Yun Seok-yeon" are one speaker); it reads only the name's
words, so it stays free of spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from quotex.lexicons import read

# one romanised Korean or Chinese syllable: "Jae", "Hyun", "Yeol", "Ping", "Qiang", "Xiao", "Tsai"
_SYLLABLE = (
    r"(?:ch|sh|zh|ts|[bcdfghjklmnpqrstwxyz])?"  # initial
    r"(?:yeo|yae|iao|uai|eo|eu|ae|oe|ui|ya|ye|yo|yu|wa|wo|ia|ie|io|iu|ua|uo|ai|ei|ao|ou|[aeiou])"  # vowel
    r"(?:ng|[nmklpt](?![aeiouy]))?"  # final consonant, unless it starts the next syllable
)
_GIVEN_SYLLABLES = re.compile(rf"(?:{_SYLLABLE}){{1,2}}")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    data = read("family_names.json")
    return (
        frozenset(w.lower() for w in data["family_name_first"]),
        frozenset(w.lower() for w in data["also_western_given_names"]),
    )


def _syllables(word: str) -> bool:
    return all(_GIVEN_SYLLABLES.fullmatch(s) for s in word.lower().split("-") if s)


def family_name_at(words: Sequence[str]) -> int | None:
    """Where a Korean or Chinese family name stands before its given name, else None.

    The family name is one of ``lexicons/family_names.json``; the given name after it is romanised
    syllables: hyphenated ("Ji-ho"), in two words ("Suk Yeon"), or one word ("Jinping") after a
    family name that is not also a Western given name. Titles may come before it. A name whose last
    word is a listed family name is in Western order ("Jin Lee").

    Example:
        >>> family_name_at(["Chief", "Justice", "Park", "Seo-jun"])
        2
        >>> family_name_at(["Kim", "Kardashian"]) is None
        True
    """
    family, western = _lists()
    if len(words) < 2 or words[-1].lower() in family:
        return None
    for i in range(max(0, len(words) - 3), len(words) - 1):
        given = words[i + 1 :]
        if words[i].lower() not in family or not all(_syllables(w) for w in given):
            continue
        if len(given) >= 2 or "-" in given[0] or words[i].lower() not in western:
            return i
    return None
