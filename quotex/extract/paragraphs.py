"""Paragraph boundaries in raw news text, with hard-wrapped lines told apart from real breaks."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_INNER_WS = re.compile(r"[\n\r\t\f\v]")
_NOT_NEWLINE = re.compile(r"[^\n]")
_TERMINAL = tuple(".!?:;\"'”’»)…")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Whether single newlines in this text are line wrapping rather than paragraph breaks.

    Wrapped text has most lines ending mid-sentence; text with one paragraph per line has
    most lines ending in terminal punctuation (headings are the few exceptions).
    """
    body = [ln.strip() for ln in lines if len(ln.strip()) > 0]
    if len(body) < 4:
        return False
    open_ended = sum(1 for ln in body if not ln.endswith(_TERMINAL))
    return open_ended / len(body) > 0.5


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``, surrounding whitespace excluded.

    A blank line always separates paragraphs. A single newline does too, unless the text
    is hard-wrapped (most lines end mid-sentence), where it is only a line break.

    Args:
        text: The raw article text.

    Returns:
        Sorted, non-overlapping ``(start, end)`` spans.
    """
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    wrapped = _is_hard_wrapped(text.split("\n"))
    spans: list[tuple[int, int]] = []
    for start, end in blocks:
        pieces = [(start, end)] if wrapped else _split_lines(text, start, end)
        for s, e in pieces:
            s, e = trim_span(text, s, e)
            if s < e:
                spans.append((s, e))
    return spans


def _split_lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield pos, end
            return
        yield pos, nl
        pos = nl + 1


def trim_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """Move ``start`` and ``end`` inwards past ``chars`` (whitespace when None)."""
    strip = str.isspace if chars is None else chars.__contains__
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return start, end


def normalize_for_parsing(text: str, blank: Iterable[tuple[int, int]] = ()) -> str:
    """A copy of ``text`` of the same length that a parser reads more easily.

    Line breaks inside a paragraph become spaces and the ``blank`` ranges (boilerplate)
    become spaces, so character offsets into the copy are offsets into ``text``.
    """
    inside = _INNER_WS.sub
    out: list[str] = []
    pos = 0
    for s, e in paragraph_spans(text):
        out.append(text[pos:s])
        out.append(inside(" ", text[s:e]))
        pos = e
    out.append(text[pos:])
    copy = "".join(out)
    for s, e in blank:
        s, e = max(0, s), min(e, len(copy))
        if s < e:
            copy = copy[:s] + _NOT_NEWLINE.sub(" ", copy[s:e]) + copy[e:]
    return copy
