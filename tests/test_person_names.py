"""Which word of a name is the family name."""

from __future__ import annotations

import pytest

from quotex.person_names import family_name_at


@pytest.mark.parametrize(
    ("words", "at"),
    [
        (["Moon", "Jae-in"], 0),  # Korean order, hyphenated given name
        (["Yoon", "Suk", "Yeol"], 0),  # given name in two words
        (["Xi", "Jinping"], 0),  # Chinese, given name in one word of two syllables
        (["Acting", "Chief", "Justice", "Moon", "Hyung-bae"], 3),  # after a title
        (["Kim", "Kardashian"], None),  # a Western given name that is also a Korean family name
        (["Lee", "Harvey", "Castle"], None),
        (["Daniel", "Moon"], None),  # Western order: the family name last
        (["Moon"], None),  # a bare word has no given name after it
    ],
)
def test_family_name_position(words, at):
    assert family_name_at(words) == at
