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
    direct = _chars(direct_quotes)
    anywhere = direct | _chars(other_quotes, marks=True) | _chars(direct_quotes, marks=True)
    seen: set[tuple[int, int]] = set()
    out: list[int] = []
    for k, span in enumerate(contents):
        if (span.start, span.end) in seen:
            continue
        chars = span.end_char - span.start_char
        if chars == 0:
            continue
        in_direct = sum(1 for i in range(span.start_char, span.end_char) if i in direct)
        # nor is a clause whose every word is inside a quotation ('told him "you are not listening"')
        text = span.doc.text
        quoted = all(i in anywhere for i in range(span.start_char, span.end_char) if text[i].isalnum())
        if in_direct / chars > MAX_QUOTED_SHARE or quoted:
            continue
        seen.add((span.start, span.end))
        out.append(k)
    return out


def _chars(quotes: Sequence[Span], *, marks: bool = False) -> set[int]:
    """Character offsets inside the quotes (with the marks on either side when ``marks``)."""
    pad = 1 if marks else 0
    out: set[int] = set()
    for q in quotes:
        out.update(range(q.start_char - pad, q.end_char + pad))
    return out
