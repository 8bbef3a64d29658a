"""Paragraph boundaries and the length-preserving copy the parser reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotex.extract.paragraphs import normalize_for_parsing, paragraph_spans


def paras(text: str) -> list[str]:
    return [text[s:e] for s, e in paragraph_spans(text)]


def test_blank_lines_separate_paragraphs() -> None:
    assert paras("First one.\n\n  Second one.\n") == ["First one.", "Second one."]


def test_one_paragraph_per_line() -> None:
    text = "A headline\nThe story starts here.\nIt goes on here.\nAnd ends here."
    assert paras(text) == text.split("\n")


def test_hard_wrapped_lines_join() -> None:
    text = "The minister said that the\nbudget would be cut by a\nthird next year, and that\nnobody would lose a job."
    assert paras(text) == [text]


def test_normalised_copy_keeps_offsets() -> None:
    text = "Line one\nwraps here and\nwraps again and\nends.\n\nNew paragraph."
    copy = normalize_for_parsing(text, blank=[(len(text) - 4, len(text))])
    assert len(copy) == len(text)
    assert "wraps here" in copy and copy.endswith("New paragr    ")


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t")), max_size=200))
def test_spans_are_sorted_and_stripped(text: str) -> None:
    last = 0
    for s, e in paragraph_spans(text):
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e
    assert len(normalize_for_parsing(text)) == len(text)
