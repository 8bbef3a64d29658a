"""Reported-speech claims: the content clauses of speech cues that are not themselves direct quotes."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

# a content clause mostly inside a direct quote is that quote, not a claim
MAX_QUOTED_SHARE = 0.6


def select_claims(
    contents: Sequence[Span], direct_quotes: Sequence[Span], other_quotes: Sequence[Span] = ()
) -> list[int]:
    """Which reported clauses are claims, as indexes into ``contents``, in text order.

    Args:
        contents: The clauses speech cues report (see ``quotex.extract.cues.CueMatch.content``).
        direct_quotes: Spans of direct quotes; a clause that is mostly one of them is skipped.
        other_quotes: Spans of the other quotes; a clause all inside one of them is skipped.

    Returns:
        Indexes of the clauses kept; a clause reported twice keeps its first cue.
    """
    direct = _mask(contents, direct_quotes)
    anywhere = _mask(contents, [*direct_quotes, *other_quotes], marks=True)
    seen: set[tuple[int, int]] = set()
    out: list[int] = []
    for k, span in enumerate(contents):
        if (span.start, span.end) in seen:
            continue
        s, e = span.start_char, span.end_char
        if e == s:
            continue
        in_direct = direct[s:e].count(1)
        # nor is a clause whose every word is inside a quotation ('told him "you are not listening"')
        quoted = all(anywhere[s + i] for i, ch in enumerate(span.text) if ch.isalnum())
        if in_direct / (e - s) > MAX_QUOTED_SHARE or quoted:
            continue
        seen.add((span.start, span.end))
        out.append(k)
    return out


def _mask(contents: Sequence[Span], quotes: Sequence[Span], *, marks: bool = False) -> bytearray:
    """Per character of the text, 1 inside a quote (with the marks on either side when ``marks``)."""
    size = max([s.end_char for s in contents] + [q.end_char + 1 for q in quotes] + [0])
    mask = bytearray(size + 1)
    pad = 1 if marks else 0
    for q in quotes:
        lo, hi = max(0, q.start_char - pad), q.end_char + pad
        mask[lo:hi] = b"\x01" * (hi - lo)
    return mask
