"""Quotation spans in raw text: pairing the marks, then telling direct, partial, scare and title quotes apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotex.extract.paragraphs import paragraph_spans, trim_span
from quotex.registry import SpeechCues

# opening mark -> closing marks it pairs with
_DOUBLE_OPEN = {"“": '”“"', "„": '“”"', '"': '"”', "«": "»", "»": "«", "‟": '”"', "”": '”"', "″": "″"}
_DOUBLE_CLOSE = set('”"»«“″')
# French style puts a space inside guillemets: « like this »
_SPACED = {"«": "»"}
_SINGLE_OPEN = {"‘": "’'", "'": "'’", "‹": "›", "‚": "‘’"}
_SINGLE_CLOSE = set("’'›")
_ELISIONS = re.compile(r"(?i)'(?:n'|em\b|til\b|cause\b|tis\b|twas\b|\d\ds?\b|s\b)")
# an unclosed quote never runs further than this: stray marks must not swallow the article
MAX_UNCLOSED = 1200
MAX_SINGLE = 400


@dataclass(frozen=True)
class QuoteMatch:
    """A pair of quotation marks found in the text; offsets exclude the marks."""

    start: int
    end: int
    open_mark: str
    close_mark: str | None
    paragraph: int
    continued: bool = False
    """True when this quote continues an unclosed quote of the previous paragraph."""
    unclosed: bool = False


def _opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` reads as an opening mark from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:;,“‘\"'«") and not after.isspace()


def _closes(text: str, i: int, *, spaced: bool = False) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (spaced or not before.isspace()) and (after.isspace() or not after.isalnum())


def find_quotes(text: str) -> tuple[list[QuoteMatch], list[int]]:
    """Pair quotation marks paragraph by paragraph.

    Handles straight and curly double quotes, guillemets and single quotes used as
    quotation marks (apostrophes in don't, Trump's, '90s, rock 'n' roll are skipped). A quote
    left open at the end of a paragraph continues when the next paragraph opens with a
    mark (news style for multi-paragraph quotes); otherwise it is closed at the paragraph
    end, never later than ``MAX_UNCLOSED`` characters.

    Args:
        text: Raw article text.

    Returns:
        The quotes in text order (nested quotes are left inside their outer quote), and
        the offsets of marks that could not be paired.
    """
    quotes: list[QuoteMatch] = []
    stray: list[int] = []
    paragraphs = paragraph_spans(text)
    carry = False  # previous paragraph ended inside an open double quote
    pi = 0
    while pi < len(paragraphs):
        ps, pe = paragraphs[pi]
        found, open_at_end, bad = _pair_paragraph(text, ps, pe, pi, carry)
        if open_at_end and _wrapped_into(text, paragraphs, pi):
            # a single line break inside a quote: pair across it as one paragraph
            paragraphs[pi + 1] = (ps, paragraphs[pi + 1][1])
            pi += 1
            continue
        quotes.extend(found)
        stray.extend(bad)
        carry = open_at_end
        pi += 1
    return quotes, stray


def _wrapped_into(text: str, paragraphs: list[tuple[int, int]], pi: int) -> bool:
    """Whether paragraph ``pi + 1`` is the same paragraph, hard-wrapped inside a quote."""
    if pi + 1 >= len(paragraphs):
        return False
    gap = text[paragraphs[pi][1] : paragraphs[pi + 1][0]]
    nxt = text[paragraphs[pi + 1][0]]
    return gap.count("\n") == 1 and nxt not in _DOUBLE_OPEN and not nxt.isupper()


def _pair_paragraph(text: str, ps: int, pe: int, pi: int, carry: bool) -> tuple[list[QuoteMatch], bool, list[int]]:
    found: list[QuoteMatch] = []
    stray: list[int] = []
    i = ps
    continued_start = carry and text[ps] in _DOUBLE_OPEN
    while i < pe:
        ch = text[i]
        after = text[i + 1] if i + 1 < pe else " "
        spaced = ch in _SPACED and after in " \u00a0\u202f" and text.find(_SPACED[ch], i, pe) > i
        if ch in _DOUBLE_OPEN and (_opens(text, i) or ch in "“„«‟" and not after.isspace() or spaced):
            close, stop = _find_close(text, i, pe, _DOUBLE_OPEN[ch], MAX_UNCLOSED, spaced=spaced)
            if close is None:
                s, e = trim_span(text, i + 1, stop)
                if e > s:
                    found.append(QuoteMatch(s, e, ch, None, pi, continued_start and i == ps, True))
                if stop >= pe:
                    return found, True, stray  # may continue in the next paragraph
                i = stop  # a new quote opens, or the limit cut it: read on from there
                continue
            s, e = trim_span(text, i + 1, close)
            if e > s:
                found.append(QuoteMatch(s, e, ch, text[close], pi, continued_start and i == ps))
            i = close + 1
            continue
        if ch in _SINGLE_OPEN and _opens(text, i) and not _ELISIONS.match(text, i):
            close, _ = _find_close(text, i, pe, _SINGLE_OPEN[ch], MAX_SINGLE, single=True)
            if close is not None:
                s, e = trim_span(text, i + 1, close)
                if e > s:
                    found.append(QuoteMatch(s, e, ch, text[close], pi))
                i = close + 1
                continue
            if _introduced_to_end(text, ps, i, pe):
                # "posted: 'We are delighted." with the closing mark lost: the words run to the paragraph end
                s, e = trim_span(text, i + 1, pe)
                found.append(QuoteMatch(s, e, ch, None, pi, unclosed=True))
                break
        elif (ch in _DOUBLE_CLOSE or ch in _DOUBLE_OPEN) and not (ch == "″" and text[i - 1 : i].isdigit()):
            stray.append(i)  # but not the inch mark of 5″
        i += 1
    return found, False, stray


def _introduced_to_end(text: str, ps: int, i: int, pe: int) -> bool:
    """Whether an unclosed single quote after a colon reads as a sentence running to the paragraph end."""
    rest = text[i + 1 : pe].rstrip()
    return (
        text[ps:i].rstrip().endswith(":")
        and 0 < len(rest) <= MAX_SINGLE
        and rest[-1] in ".!?"
        and not any(c in _SINGLE_CLOSE and _closes(text, k) for k, c in enumerate(text[i + 1 : pe], i + 1))
    )


def _find_close(
    text: str, i: int, pe: int, closers: str, limit: int, *, single: bool = False, spaced: bool = False
) -> tuple[int | None, int]:
    """The mark closing the quote opened at ``i`` (nested single quotes skipped), and where an
    unclosed quote stops instead: before a new quote of the same style, at the length limit,
    or at the paragraph end."""
    j = i + 1
    stop = min(pe, i + 1 + limit)
    opener = text[i]
    while j < stop:
        ch = text[j]
        if ch in closers and _closes(text, j, spaced=spaced):
            return j, j
        if not single and ch in _SINGLE_OPEN and _opens(text, j) and not _ELISIONS.match(text, j):
            inner, _ = _find_close(text, j, stop, _SINGLE_OPEN[ch], MAX_SINGLE, single=True)
            if inner is not None:
                j = inner + 1
                continue
        if ch == opener and opener in "“„«" and _opens(text, j):
            return None, j  # a new quote opens: the first one was never closed
        j += 1
    return None, pe if stop >= pe else _unclosed_end(text, i + 1, pe)


def _unclosed_end(text: str, start: int, pe: int) -> int:
    """Where an unclosed quote stops: the paragraph end, or a sentence end before the limit."""
    if pe - start <= MAX_UNCLOSED:
        return pe
    cut = start + MAX_UNCLOSED
    m = max(text.rfind(". ", start, cut), text.rfind("? ", start, cut), text.rfind("! ", start, cut))
    return m + 1 if m > start else cut


# ---- kinds -------------------------------------------------------------------------------

_WORDS_AS_WORDS = {
    "word",
    "words",
    "term",
    "phrase",
    "label",
    "slogan",
    "dubbed",
    "called",
    "so-called",
    "nicknamed",
    "named",
    "titled",
    "entitled",
    "known",
    "hashtag",
}
_TITLE_CONTEXT = {
    "book",
    "film",
    "movie",
    "song",
    "album",
    "show",
    "series",
    "novel",
    "play",
    "operation",
    "programme",
    "program",
    "missile",
    "exercise",
    "campaign",
    "documentary",
    "article",
    "report",
    "opera",
    "poem",
    "initiative",
    "plan",
}


def quote_kind(doc: Doc, span: Span, *, attributed: bool, lexicon: SpeechCues) -> str:
    """Classify a quote as ``direct``, ``partial``, ``scare`` or ``title``.

    A direct quote is someone's words standing on their own: it opens its sentence (or
    follows a colon or a speech verb's comma) and holds a clause. A partial quote is a
    fragment of someone's words inside the narrator's sentence. Without a speaker, short
    fragments are scare quotes, and capitalised names of things are titles.

    Args:
        doc: The parsed document.
        span: The quote content (marks excluded).
        attributed: Whether a speech cue or a speaker goes with the quote.
        lexicon: Speech cues, for "he said, '...'".
    """
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return "scare"
    prev = _previous_word(doc, span.start)
    standalone = (
        prev is None
        or prev.text in {":", ".", "!", "?", "—", "–", "-"}
        or _starts_sentence(doc, span)
        or (
            prev.text == ","
            and prev.i > 0
            and lexicon.verb_lemma(doc[prev.i - 1].text, doc[prev.i - 1].lemma_) is not None
        )
    )
    has_clause = any(t.pos_ in {"VERB", "AUX"} for t in words) and len(words) >= 3
    if _headline_single(doc, span):
        return "direct" if standalone and has_clause else "partial"
    if standalone and (has_clause or len(words) >= 6 or attributed):
        return "direct"
    if len(words) >= 14 and has_clause and span[-1].text in {",", ".", "?", "!"}:
        return "direct"
    if not standalone and _title_like(words) and len(words) <= 6 and words[0].pos_ == "PROPN":
        return "title"  # 'no details of its plans for "Apple Intelligence"': a name, even in a report
    if attributed:
        return "partial"
    before = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    if before & _TITLE_CONTEXT or _title_like(words):
        return "title"
    return "scare"


def headline_span(doc: Doc) -> Span | None:
    """The first line of the text when it reads as a headline (no closing full stop), as tokens;
    read token by token so that it costs the headline's length, not the article's."""
    start = 0
    while start < len(doc) and doc[start].is_space:
        start += 1
    end = start
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    end = min(end + 1, len(doc))
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end == start or doc[end - 1].text in {".", "!", "?"}:
        return None
    return doc[start:end]


def _headline_single(doc: Doc, span: Span) -> bool:
    """Single quotation marks in a headline ("Mayor says budget 'on track'"): headline style quotes
    someone's words with them, so even a word or a name is a quote, not a scare quote or a title."""
    if span.start == 0 or doc[span.start - 1].text not in _SINGLE_OPEN:
        return False
    headline = headline_span(doc)
    return headline is not None and headline.start <= span.start and span.end <= headline.end


def _previous_word(doc: Doc, i: int) -> Token | None:
    j = i - 1
    while j >= 0 and (doc[j].is_quote or doc[j].is_space):
        j -= 1
    return doc[j] if j >= 0 else None


def _starts_sentence(doc: Doc, span: Span) -> bool:
    j = span.start - 1
    while j >= 0 and (doc[j].is_quote or doc[j].is_space or doc[j].text in "([—–-"):
        j -= 1
    # is_sent_start rather than span.sent, which scans the sentence (quadratic in quotes per sentence)
    return (
        j < 0
        or doc[j].text in {".", "!", "?", ":"}
        or "\n" in doc[j].whitespace_
        or bool(doc[span.start].is_sent_start)
    )


def _title_like(words: Sequence[Token]) -> bool:
    content = [w for w in words if w.is_alpha and not w.is_stop]
    return bool(content) and len(words) <= 8 and all(w.text[0].isupper() for w in content)
