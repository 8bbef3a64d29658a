"""Which word of a name is the family name."""

from __future__ import annotations

import pytest

from quotex.person_names import family_name_at


@pytest.mark.parametrize(
    ("words", "at"),
    [
        (["Moon", "Ji-ho"], 0),  # Korean order, hyphenated given name
        (["Yoon", "Suk", "Yeol"], 0),  # given name in two words
        (["Xi", "Jinping"], 0),  # Chinese, given name in one word of two syllables
        (["Deng", "Xiaoping"], 0),
        (["Tsai", "Ing-wen"], 0),
        (["Presiding", "Judge", "Park", "Seo-jun"], 2),  # after a title
        (["Kim", "Kardashian"], None),  # a Western given name that is also a Korean family name
        (["Lee", "Harvey", "Castle"], None),
        (["Lee", "Pace"], None),  # syllables, but "Lee" is a Western given name too
        (["Sung", "Kim"], None),  # Western order: the last word is a family name
        (["Jin", "Lee"], None),
        (["Daniel", "Moon"], None),
        (["Moon"], None),  # a bare word has no given name after it
    ],
)
def test_family_name_position(words, at):
    assert family_name_at(words) == at
