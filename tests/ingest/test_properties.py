"""Invariants of ``from_text`` on arbitrary text, and its cost on a large page."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from quotex.ingest import from_text

from .articles import SCRAPED

# Line pieces that trigger every rule, mixed with noise, so the rules meet each other.
PIECES = st.sampled_from(
    [
        "\n", "\n\n", " ", "-", "By Jane Doe", "Related articles", "1,800FansLike", "09.Jan.2026",
        "Monday, February 9, 2026", "MOSCOW, Dec 28 (Reuters) - ", "HomeEurope", "Home > News > ",
        "The minister said on Sunday that the bridge would reopen.", "Latest news", "The",
        "russia today -", " date 2025-12-28 ", "read more", "(Reporting by A B; Editing by C)",
        "\r\n", "\u2028", "“", "spot_img", "x" * 30,
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5))).map("".join))


@settings(deadline=None, max_examples=200)
@given(TEXTS)
def test_from_text_invariants(text: str) -> None:
    article = from_text(text)
    assert article.text == text
    last = 0
    for start, end in article.boilerplate:
        assert last <= start < end <= len(text)
        last = end
    assert from_text(article.text) == article  # reading its own text again changes nothing
    if article.headline is not None:
        assert article.headline in text


def test_large_text_is_cheap() -> None:
    text = (SCRAPED + "\n") * (5_000_000 // len(SCRAPED))
    started = time.process_time()
    article = from_text(text)
    # CPU seconds, not wall: a loaded machine must not fail it; a quadratic step still would
    assert time.process_time() - started < 3.0  # ~0.5 s
    assert article.boilerplate


def test_one_huge_line_is_cheap() -> None:
    started = time.process_time()
    from_text("word " * 1_000_000 + "(" * 100_000)
    assert time.process_time() - started < 2.0
