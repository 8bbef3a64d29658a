"""Reported-speech claims: the content clauses of speech cues that are not themselves direct quotes."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

# a content clause mostly inside a direct quote is that quote, not a claim
MAX_QUOTED_SHARE = 0.6


def select_claims(contents: Sequence[Span], direct_quotes: Sequence[Span]) -> list[int]:
    """Which reported clauses are claims, as indexes into ``contents``, in text order.

    Args:
        contents: The clauses speech cues report (see ``quotex.extract.cues.CueMatch.content``).
        direct_quotes: Spans of direct quotes; a clause that is mostly one of them is skipped.

    Returns:
        Indexes of the clauses kept; a clause reported twice keeps its first cue.
    """
    quoted: set[int] = set()
    for q in direct_quotes:
        quoted.update(range(q.start_char, q.end_char))
    seen: set[tuple[int, int]] = set()
    out: list[int] = []
    for k, span in enumerate(contents):
        if (span.start, span.end) in seen:
            continue
        chars = span.end_char - span.start_char
        inside = sum(1 for i in range(span.start_char, span.end_char) if i in quoted)
        if chars == 0 or inside / chars > MAX_QUOTED_SHARE:
            continue
        seen.add((span.start, span.end))
        out.append(k)
    return out
