"""Normalisation is idempotent and keeps offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotex.alignment.normalize import fold, keys, light_form, normalize_text, stem, tokenize, word_key

NEWS_TEXT = st.text(alphabet="aAbB .,’‘“”«»\"'\n\t—-–…P.M0123456789%", max_size=40)


@given(NEWS_TEXT)
def test_normalize_text_is_idempotent(text):
    assert normalize_text(normalize_text(text)) == normalize_text(text)
    assert fold(fold(text)) == fold(text)
    assert light_form(light_form(text)) == light_form(text)


@given(st.text(alphabet="abcdeinorstuyPM.’'-", min_size=1, max_size=15))
def test_word_key_is_idempotent(word):
    k = word_key(word)
    assert word_key(k) == k


@given(NEWS_TEXT, st.integers(min_value=0, max_value=500))
def test_token_offsets_point_into_the_text(text, offset):
    for t in tokenize(text, offset):
        assert text[t.start - offset : t.end - offset] == t.text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("at 1:00 P.M. today", "at 1:00 PM today"),
        ("the “brave decision”", 'the "brave decision"'),
        ("U.S. president", "US president"),
        ("defence of the centre", "defense of the center"),
        ("It’s   over", "It's over"),
    ],
)
def test_orthographic_variants_share_word_keys(a, b):
    assert keys(a) == keys(b)


@pytest.mark.parametrize(("a", "b"), [("prolongation", "prolong"), ("leads", "lead"), ("ending", "end")])
def test_stems_join_word_forms(a, b):
    assert stem(word_key(a)) == stem(word_key(b))
