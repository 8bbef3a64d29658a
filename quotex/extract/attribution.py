"""Attach each quotation to its speech cue and speaker, or to the previous speaker's turn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotex.extract.cues import MENTION_ORDER, CueMatch, punct_sentence, sentence_bounds
from quotex.extract.speakers import SpeakerMatch

# a quote paragraph with no cue continues a speaker quoted at most this many paragraphs before
CONTINUATION_PARAGRAPHS = 2


@dataclass(frozen=True)
class Attribution:
    """A quote's cue (index into the cue list) and speaker; both None when unattributed.
    ``via`` names the pass-1 sieve when the speaker is not the cue's own ("continuation",
    "previous_sentence")."""

    cue: int | None
    speaker: SpeakerMatch | None
    via: str = ""


def attribute_quotes(
    doc: Doc,
    quotes: Sequence[Span],
    paragraphs: Sequence[int],
    cues: Sequence[CueMatch],
    speakers: Sequence[SpeakerMatch | None],
    continues: Sequence[int | None] = (),
    order: Sequence[str] = MENTION_ORDER,
) -> list[Attribution]:
    """Attribute quotes in text order.

    A quote takes the speech cue that governs it in the dependency tree, else the nearest
    cue in its sentence (outside the quote); a quote with no cue in its sentence that
    stands as its own paragraph continues the previous quote's speaker.

    Args:
        doc: The parsed Doc.
        quotes: Quote content spans, in text order.
        paragraphs: Paragraph index of each quote.
        continues: Per quote, the index of the quote it continues (multi-paragraph quotes).
        order: The pass-1 sieves that run; "previous_sentence" and "continuation" act here.
        cues: Speech cues from :func:`quotex.extract.cues.find_cues`.
        speakers: Resolved speaker of each cue (same order), None where unresolved.

    Returns:
        One attribution per quote.
    """
    result: list[Attribution] = []
    last: tuple[int, SpeakerMatch] | None = None  # (paragraph, speaker) of the last attributed quote
    last_end = -1  # where the last attributed quote ends
    for q, para in zip(quotes, paragraphs, strict=True):
        k = _pick_cue(doc, q, cues)
        speaker = speakers[k] if k is not None else None
        before = None
        if speaker is None and "previous_sentence" in order:
            before = _previous_sentence_cue(doc, q, cues, speakers, after=last_end)
        if speaker is not None:
            att = Attribution(k, speaker)
        elif before is not None:
            # "Reed said he was worried. "What he has done ..."": the sentence before speaks on
            att = Attribution(before, speakers[before], via="previous_sentence")
        elif (
            "continuation" in order
            and last is not None
            and (
                para == last[0]
                or para - last[0] <= CONTINUATION_PARAGRAPHS
                # "Adding, "..."": a cue with no speaker of its own continues the last one
                and (_own_paragraph(doc, q) or k is not None and cues[k].subject is None)
            )
        ):
            att = Attribution(None, last[1], via="continuation")
        else:
            att = Attribution(k, None)
        if att.speaker is not None:
            last = (para, att.speaker)
            last_end = q.end
        result.append(att)
    # the cue of a multi-paragraph quote usually comes in its last paragraph
    for i in reversed(range(len(result))):
        j = continues[i] if i < len(continues) else None
        if j is not None and result[j].speaker is None and result[i].speaker is not None:
            result[j] = result[i]
    return result


def _previous_sentence_cue(
    doc: Doc, q: Span, cues: Sequence[CueMatch], speakers: Sequence[SpeakerMatch | None], *, after: int
) -> int | None:
    """The cue with a speaker in the sentence right before a quote that opens its own sentence
    in the same paragraph, when no quote was attributed since."""
    i = q.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].text == " "):
        i -= 1
    if i < 0 or doc[i].text not in {".", "!", "?", ":"} or "\n" in doc[i].text_with_ws:
        return None
    sent = punct_sentence(doc, i)
    found = [k for k, c in enumerate(cues) if sent.start <= c.cue.start < sent.end and speakers[k] is not None]
    if not found or cues[found[-1]].cue.start < after:
        return None
    return found[-1]


def _window(doc: Doc, q: Span) -> tuple[int, int]:
    """Token range searched for a quote's cue: its sentences, plus a trailing 'he said.'."""
    # parser and punctuation sentences both: a parser may split "... Lars | Ek said."
    sent_start, sent_end = sentence_bounds(doc)
    start = min(sent_start[q.start], punct_sentence(doc, q.start).start)
    end = max(sent_end[q.end - 1], punct_sentence(doc, q.end - 1).end)
    j = q.end
    while j < len(doc) and (doc[j].is_quote or doc[j].is_punct and doc[j].text in ",.!?"):
        j += 1
    if j < len(doc) and j >= end and "\n" not in doc[j - 1].whitespace_:
        if sent_end[j] - sent_start[j] <= 12:
            end = sent_end[j]
    i = q.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i >= 0 and doc[i].text == ":" and sent_start[i] < start:
        start = sent_start[i]
    return start, end


def _pick_cue(doc: Doc, q: Span, cues: Sequence[CueMatch]) -> int | None:
    start, end = _window(doc, q)
    # a report noun's words are its content clause ("amid union warnings that ..."): a quote
    # outside that clause is someone else's
    inside = [
        k
        for k, c in enumerate(cues)
        if start <= c.cue.start < end
        and not (c.sieve == "report_noun" and c.content is not None and not c.content.start <= q.start < c.content.end)
    ]
    if not inside:
        return None
    quote_tokens = set(range(q.start, q.end))
    best: tuple[float, int] | None = None
    for k in inside:
        cue = cues[k]
        depth = _governs(cue.cue.root, quote_tokens)
        distance = (cue.cue.start - q.end) if cue.cue.start >= q.end else (q.start - cue.cue.end) * 1.5
        # the closest governing speech verb wins, one with a speaker first; otherwise the
        # nearest cue, one with a speaker first
        speaker_bonus = 20 if cue.subject is not None else 0
        score = (depth * 5 - 1000 - speaker_bonus) if depth is not None else distance - speaker_bonus
        if cue.relay:
            score += 500  # "X said ... "words", Reuters reported": the words are X's
        if cue.lemma == ":":
            score += 50  # "Bennett told parliament: ...": a verb beats the bare colon
        if best is None or score < best[0]:
            best = (score, k)
    return best[1] if best is not None else None


def _governs(verb: Token, quote_tokens: set[int]) -> int | None:
    """Tree distance from ``verb`` down to the quote, or None if the quote is not below it
    (nor is the verb attached to the quote, as in '"...," he said' parsed as parataxis)."""
    if verb.head.i in quote_tokens:
        return 1
    root = min(quote_tokens)
    for i in sorted(quote_tokens):
        tok = verb.doc[i]
        if tok.head.i not in quote_tokens or tok.head.i == tok.i:
            root = i
            break
    node = verb.doc[root]
    for depth in range(1, 12):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i == verb.i:
            return depth
    return None


def _own_paragraph(doc: Doc, q: Span) -> bool:
    """Whether the quote opens its paragraph (news style for a speaker's next paragraph)."""
    i = q.start - 1
    while i >= 0 and doc[i].is_quote:
        i -= 1
    return i < 0 or doc[i].is_space and "\n" in doc[i].text or "\n" in doc[i].whitespace_
