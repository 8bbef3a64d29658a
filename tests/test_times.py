"""Temporal expressions in quotes and claims, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotex.times import find_times, resolve

SUNDAY = dt.date(2025, 12, 28)  # a Sunday
WEDNESDAY = dt.date(2024, 3, 13)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("expression", "published", "value"),
    [
        # weekdays, news convention: the latest one on or before publication
        ("on Sunday", SUNDAY, "2025-12-28"),
        ("Sunday", SUNDAY, "2025-12-28"),
        ("on Friday", SUNDAY, "2025-12-26"),
        ("on Monday", WEDNESDAY, "2024-03-11"),
        ("last Sunday", SUNDAY, "2025-12-21"),
        ("next Monday", SUNDAY, "2025-12-29"),
        ("on Saturday night", SUNDAY, "2025-12-27"),
        # days around publication
        ("today", SUNDAY, "2025-12-28"),
        ("yesterday", SUNDAY, "2025-12-27"),
        ("tomorrow", SUNDAY, "2025-12-29"),
        ("last night", SUNDAY, "2025-12-27"),
        ("two days ago", SUNDAY, "2025-12-26"),
        # month and day without a year: the nearest past one, unless one is just ahead
        ("December 28", SUNDAY, "2025-12-28"),
        ("Dec 28", SUNDAY, "2025-12-28"),
        ("28 December", SUNDAY, "2025-12-28"),
        ("on January 5", SUNDAY, "2026-01-05"),
        ("May 5", SUNDAY, "2025-05-05"),
        ("Dec 28", dt.date(2026, 1, 14), "2025-12-28"),
        # periods become intervals
        ("earlier this year", SUNDAY, "2025-01-01/2025-12-28"),
        ("this year", SUNDAY, "2025-01-01/2025-12-31"),
        ("last year", SUNDAY, "2024-01-01/2024-12-31"),
        ("last week", SUNDAY, "2025-12-15/2025-12-21"),
        ("earlier this week", SUNDAY, "2025-12-22/2025-12-28"),
        ("this week", WEDNESDAY, "2024-03-11/2024-03-17"),
        ("later this week", WEDNESDAY, "2024-03-13/2024-03-17"),
        ("last month", SUNDAY, "2025-11-01/2025-11-30"),
        ("earlier this month", SUNDAY, "2025-12-01/2025-12-28"),
        ("next month", SUNDAY, "2026-01-01/2026-01-31"),
        ("last weekend", WEDNESDAY, "2024-03-09/2024-03-10"),
        ("the past week", SUNDAY, "2025-12-21/2025-12-28"),
        ("in January", SUNDAY, "2026-01-01/2026-01-31"),
        ("in March", SUNDAY, "2025-03-01/2025-03-31"),
        ("in December 2024", SUNDAY, "2024-12-01/2024-12-31"),
        ("in 2024", SUNDAY, "2024-01-01/2024-12-31"),
        # fully written dates need no publication date
        ("March 3, 2024", None, "2024-03-03"),
        ("3 March 2024", None, "2024-03-03"),
        ("2024-03-03", None, "2024-03-03"),
        # relative expressions without a publication date are found but unknown
        ("on Sunday", None, None),
        ("last week", None, None),
        ("Dec 28", None, None),
    ],
)
def test_resolve(expression: str, published: dt.date | None, value: str | None) -> None:
    assert resolve(expression, published) == value


@pytest.mark.parametrize(
    "text",
    [
        "They may meet again.",
        "A march on the capital.",
        "The 1 hour and 15 minutes call.",
        "Sundays are quiet.",
        "Russia controls 90% of Donbas.",
    ],
)
def test_not_times(text: str) -> None:
    assert find_times(text, 0, len(text), SUNDAY) == []


def test_offsets_are_into_the_full_text() -> None:
    text = 'Intro. He said on Sunday that "last week was hard" and left. Later, on Monday, more.'
    start, end = text.index("He"), text.index("left.")
    refs = find_times(text, start, end, SUNDAY)
    assert [(r.text, r.value) for r in refs] == [
        ("on Sunday", "2025-12-28"),
        ("last week", "2025-12-15/2025-12-21"),
    ]
    assert all(text[r.start : r.end] == r.text for r in refs)


@settings(deadline=None, max_examples=100)
@given(
    st.lists(
        st.sampled_from(["on Sunday", "Dec 28", " ", "last week", "x", "2024", "in ", "May 5"]) | st.text(max_size=4)
    ).map("".join),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)) | st.none(),
)
def test_find_times_invariants(text: str, published: dt.date | None) -> None:
    refs = find_times(text, 0, len(text), published)
    last = 0
    for ref in refs:
        assert last <= ref.start < ref.end <= len(text)
        assert text[ref.start : ref.end] == ref.text
        last = ref.end
