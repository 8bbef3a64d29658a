"""displaCy-style HTML for a ``Document``: quotes and claims in their speaker's colour."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from quotex.results import Claim, Document, Quote, Speaker

#: background colours handed to speakers in order of first appearance (displaCy's entity palette)
PALETTE: tuple[str, ...] = (
    "#7aecec",
    "#feca74",
    "#bfeeb7",
    "#aa9cfc",
    "#ff9561",
    "#c887fb",
    "#9cc9cc",
    "#ffeb80",
    "#ff8197",
    "#bfe1d9",
    "#e4e7d2",
    "#f0d0ff",
)
#: colour of quotes and claims nobody is credited with
UNATTRIBUTED = "#dddddd"

# Layers nest in this order: a claim can hold a quote, a quote can hold a speaker mention.
_CLAIM, _QUOTE, _SPEAKER = 0, 1, 2

_WRAPPER = (
    '<div class="quotex" style="line-height: 2.4; direction: ltr; font-family: -apple-system, '
    "BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif\">"
)
_TEXT_STYLE = "margin: 0.5em 0"
# a paragraph per block of text: a blank line in pre-wrapped text at this line height is a chasm
_PARAGRAPH_STYLE = "white-space: pre-wrap; margin: 0 0 0.6em 0"
_HEADLINE_STYLE = _PARAGRAPH_STYLE + "; font-size: 1.25em; font-weight: bold"
_MARK_STYLE = "background: {color}; padding: 0.25em 0.4em; margin: 0 0.1em; border-radius: 0.35em"
_CLAIM_STYLE = "border: 2px dashed {color}; border-radius: 0.35em; padding: 0.15em 0.2em"
_SPEAKER_STYLE = (
    "text-decoration: underline; text-decoration-color: {color}; text-decoration-thickness: 3px; "
    "text-underline-offset: 0.2em; font-weight: bold"
)
_LABEL_STYLE = (
    "font-size: 0.75em; font-weight: bold; line-height: 1; vertical-align: middle; white-space: nowrap; "
    "margin-left: 0.4em; text-transform: uppercase; color: inherit; text-decoration: none"
)
# a guess shows as one: a dotted line and a label in italics ending in "?"
_UNCERTAIN_SPEAKER_STYLE = "; text-decoration-style: dotted"
_UNCERTAIN_LABEL_STYLE = "; font-style: italic; opacity: 0.75"
_UNCERTAIN_MARK_STYLE = "; outline: 2px dotted #888; outline-offset: 1px"
#: below this attribution confidence a speaker is shown as uncertain
LOW_CONFIDENCE = 0.6


@dataclass(frozen=True)
class _Layer:
    start: int
    end: int
    level: int
    open_tag: str
    label: str = ""

    @property
    def close_tag(self) -> str:
        return "</mark>" if self.open_tag.startswith("<mark") else "</span>"


def render(document: Document, *, palette: Sequence[str] = PALETTE) -> str:
    """The article as HTML with each quote and claim marked in its speaker's colour.

    Quotes are ``<mark>`` elements, claims have a dashed frame, speaker mentions are
    underlined and carry an ``id`` that the label of each quote and claim links to. An
    uncertain attribution (an unresolved pronoun, or a confidence below
    ``LOW_CONFIDENCE``) has a dotted outline and underline and a label ending in "?". A legend
    lists the speakers. All text is HTML-escaped. ``Document._repr_html_`` calls this, so a
    Document shows itself this way in Jupyter.

    Args:
        document: An extracted document.
        palette: Background colours, handed to speakers in order of first appearance and
            reused when there are more speakers than colours.

    Returns:
        One ``<div class="quotex">`` element.

    Example:
        >>> from quotex.results import Document, Quote
        >>> quote = Quote(id="q0", start=1, end=4, text="No,", kind="scare")
        >>> doc = Document(text='"No," she said.', quotes=[quote])
        >>> "<mark" in render(doc)
        True
    """
    colors = _speaker_colors(document, palette)
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", document.id) or "doc"
    layers: list[_Layer] = []
    mentions: dict[tuple[int, int], str] = {}
    items: list[Quote | Claim] = [*document.quotes, *document.claims]
    for item in items:
        if item.speaker is not None:
            mention = (item.speaker.start, item.speaker.end)
            if mention not in mentions:
                mentions[mention] = f"quotex-{slug}-s{item.speaker.start}-{item.speaker.end}"
                layers.append(_speaker_layer(item.speaker, mentions[mention], colors))
        layers.append(_item_layer(item, colors, mentions))
    blocks = _paragraphs(document.text)
    lead = " ".join(document.text[blocks[0][0] : blocks[0][1]].split()) if blocks else ""
    headline = " ".join((document.headline or "").split())
    # the text of a page or a scraped file often starts with its headline: show it once
    parts = [_WRAPPER, _header(document, with_headline=not headline or not lead.startswith(headline))]
    parts.append(f'<div class="quotex-text" style="{_TEXT_STYLE}">')
    for start, end in blocks:
        if headline and (start, end) == blocks[0] and lead == headline:
            parts.append(f'<p class="quotex-headline" style="{_HEADLINE_STYLE}">')
        else:
            parts.append(f'<p style="{_PARAGRAPH_STYLE}">')
        parts.append(_highlight(document.text, layers, start, end))
        parts.append("</p>")
    parts.append("</div>")
    parts.append(_legend(document, colors))
    parts.append("</div>")
    return "".join(parts)


def uncertain(speaker: Speaker | None, confidence: float) -> bool:
    """Whether an attribution is a guess: an unresolved mention ("he" with no name found) or
    a confidence below ``LOW_CONFIDENCE``. Nobody credited is not a guess."""
    if speaker is None:
        return False
    return not getattr(speaker, "resolved", True) or confidence < LOW_CONFIDENCE


def _speaker_colors(document: Document, palette: Sequence[str]) -> dict[str, str]:
    colors: dict[str, str] = {}
    items: list[Quote | Claim] = [*document.quotes, *document.claims]
    for item in sorted(items, key=lambda i: i.start):
        if item.speaker is not None and item.speaker.name not in colors:
            colors[item.speaker.name] = palette[len(colors) % len(palette)] if palette else UNATTRIBUTED
    return colors


def _color(speaker: Speaker | None, colors: dict[str, str]) -> str:
    return colors.get(speaker.name, UNATTRIBUTED) if speaker is not None else UNATTRIBUTED


def _speaker_layer(speaker: Speaker, anchor: str, colors: dict[str, str]) -> _Layer:
    style = _SPEAKER_STYLE.format(color=_color(speaker, colors))
    note = f" ({speaker.label})" if speaker.label else ""
    if not getattr(speaker, "resolved", True):
        style += _UNCERTAIN_SPEAKER_STYLE
        note += ", unresolved"
    title = escape(f"speaker: {speaker.name}{note}")
    tag = f'<span class="quotex-speaker" id="{escape(anchor)}" title="{title}" style="{style}">'
    return _Layer(speaker.start, speaker.end, _SPEAKER, tag)


def _item_layer(item: Quote | Claim, colors: dict[str, str], mentions: dict[tuple[int, int], str]) -> _Layer:
    color = _color(item.speaker, colors)
    is_quote = isinstance(item, Quote)
    kind = item.kind if isinstance(item, Quote) else "claim"
    who = item.speaker.name if item.speaker is not None else "unattributed"
    guess = uncertain(item.speaker, item.confidence)
    cue = f", cue: {item.cue.text}" if item.cue is not None else ""
    how = ""
    if item.speaker is not None:
        sieve = getattr(item.speaker, "sieve", None)  # the rules that decided, where recorded
        how = f", confidence {item.confidence:.2f}" + (f", sieve {sieve}" if sieve else "")
        how += "" if getattr(item.speaker, "resolved", True) else ", unresolved"
    title = escape(f"{item.id} {kind} - {who}{cue}{how}")
    data = f'data-id="{escape(item.id)}" data-speaker="{escape(who)}" title="{title}"'
    classes = f"quotex-quote quotex-{kind}" if is_quote else "quotex-claim"
    if guess:
        classes += " quotex-uncertain"
    if is_quote:
        style = _MARK_STYLE.format(color=color) + (_UNCERTAIN_MARK_STYLE if guess else "")
        tag = f'<mark class="{classes}" {data} style="{style}">'
    else:
        tag = f'<span class="{classes}" {data} style="{_CLAIM_STYLE.format(color=color)}">'
    text = escape((who if is_quote else f"claim: {who}") + ("?" if guess else ""))
    label_style = _LABEL_STYLE + (_UNCERTAIN_LABEL_STYLE if guess else "")
    if item.speaker is not None:
        href = escape(mentions[(item.speaker.start, item.speaker.end)])
        label = f'<a class="quotex-label" href="#{href}" style="{label_style}">{text}</a>'
    else:
        label = f'<span class="quotex-label" style="{label_style}">{text}</span>'
    return _Layer(item.start, item.end, _QUOTE if is_quote else _CLAIM, tag, label)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The blocks of ``text`` between blank lines, as ``(start, end)``."""
    return [m.span() for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text)]


def _highlight(text: str, layers: list[_Layer], lo: int, hi: int) -> str:
    """Escaped ``text[lo:hi]`` with the layers wrapped around it.

    Layers nest as written (a quote inside a claim stays one frame); only where two cross,
    or a layer runs on into the next paragraph, is the inner one closed and opened again.
    A layer's label follows its true end.
    """
    inside = [la for la in layers if la.start < hi and la.end > lo]
    cuts = sorted({lo, hi, *(b for la in inside for b in (la.start, la.end) if lo < b < hi)})
    out: list[str] = []
    stack: list[_Layer] = []

    def close_from(depth: int, at: int) -> None:
        """Close the layers from ``depth`` up; those that go on are opened again by the caller."""
        closed = stack[depth:]
        del stack[depth:]
        # a layer ending in the blank after a paragraph ends with it
        ends = {la for la in closed if la.end == at or (at == hi and not text[hi : la.end].strip())}
        for la in reversed(closed):
            if la in ends:
                out.append(la.label)
            out.append(la.close_tag)

    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [la for la in inside if la.start <= a and la.end >= b]
        ended = [i for i, la in enumerate(stack) if la not in active]
        if ended:
            close_from(min(ended), a)
        # the outermost (longest) first, so that what can nest does
        for la in sorted((la for la in active if la not in stack), key=lambda la: (-min(la.end, hi), la.level)):
            out.append(la.open_tag)
            stack.append(la)
        out.append(escape(text[a:b]))
    close_from(0, hi)
    return "".join(out)


def _header(document: Document, *, with_headline: bool) -> str:
    meta = " · ".join(str(v) for v in (document.outlet, document.byline, document.published) if v)
    headline = document.headline if with_headline else None
    if not headline and not meta:
        return ""
    parts = ['<div class="quotex-header">']
    if headline:
        parts.append(f"<strong>{escape(headline)}</strong> ")
    if meta:
        parts.append(f'<span style="color: #666">{escape(meta)}</span>')
    parts.append("</div>")
    return "".join(parts)


def _legend(document: Document, colors: dict[str, str]) -> str:
    counts: dict[str, list[int]] = {name: [0, 0] for name in colors}
    unattributed: list[int] = [0, 0]
    items: list[Quote | Claim] = [*document.quotes, *document.claims]
    for item in items:
        slot = counts[item.speaker.name] if item.speaker is not None else unattributed
        slot[0 if isinstance(item, Quote) else 1] += 1
    rows = [(name, colors[name], n) for name, n in counts.items()]
    if any(unattributed):
        rows.append(("unattributed", UNATTRIBUTED, unattributed))
    entries = [
        '<li style="display: inline-block; margin-right: 1em">'
        f'<mark style="{_MARK_STYLE.format(color=color)}">{escape(name)}</mark> '
        f"{_count(n[0], 'quote')}, {_count(n[1], 'claim')}</li>"
        for name, color, n in rows
    ]
    if not entries:
        entries.append('<li style="display: inline-block">no quotes or claims found</li>')
    return (
        '<div class="quotex-legend" style="font-size: 0.85em; line-height: 2">'
        '<ul style="list-style: none; padding: 0; margin: 0.5em 0">'
        + "".join(entries)
        + "</ul><div>Quotes are highlighted, claims framed with a dashed line, speaker mentions "
        "underlined; each label links to its speaker, and a label in italics ending in ? is a guess "
        f"(a pronoun left unresolved, or a confidence below {LOW_CONFIDENCE}).</div></div>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
