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
_TEXT_STYLE = "white-space: pre-wrap; margin: 0.5em 0"
_MARK_STYLE = "background: {color}; padding: 0.25em 0.4em; margin: 0 0.1em; border-radius: 0.35em"
_CLAIM_STYLE = "border: 2px dashed {color}; border-radius: 0.35em; padding: 0.15em 0.2em"
_SPEAKER_STYLE = (
    "text-decoration: underline; text-decoration-color: {color}; text-decoration-thickness: 3px; "
    "text-underline-offset: 0.2em; font-weight: bold"
)
_LABEL_STYLE = (
    "font-size: 0.75em; font-weight: bold; line-height: 1; vertical-align: middle; "
    "margin-left: 0.4em; text-transform: uppercase; color: inherit; text-decoration: none"
)


@dataclass(frozen=True)
class _Layer:
    start: int
    end: int
    level: int
    open_tag: str
    label: str = ""


def render(document: Document, *, palette: Sequence[str] = PALETTE) -> str:
    """The article as HTML with each quote and claim marked in its speaker's colour.

    Quotes are ``<mark>`` elements, claims have a dashed frame, speaker mentions are
    underlined and carry an ``id`` that the label of each quote and claim links to. A legend
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
    parts = [_WRAPPER]
    if document.headline or document.outlet or document.published:
        parts.append(_header(document))
    parts.append(f'<div class="quotex-text" style="{_TEXT_STYLE}">')
    parts.append(_highlight(document.text, layers))
    parts.append("</div>")
    parts.append(_legend(document, colors))
    parts.append("</div>")
    return "".join(parts)


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
    title = escape(f"speaker: {speaker.name}" + (f" ({speaker.label})" if speaker.label else ""))
    tag = f'<span class="quotex-speaker" id="{escape(anchor)}" title="{title}" style="{style}">'
    return _Layer(speaker.start, speaker.end, _SPEAKER, tag)


def _item_layer(item: Quote | Claim, colors: dict[str, str], mentions: dict[tuple[int, int], str]) -> _Layer:
    color = _color(item.speaker, colors)
    is_quote = isinstance(item, Quote)
    kind = item.kind if isinstance(item, Quote) else "claim"
    who = item.speaker.name if item.speaker is not None else "unattributed"
    cue = f", cue: {item.cue.text}" if item.cue is not None else ""
    title = escape(f"{item.id} {kind} - {who}{cue}")
    data = f'data-id="{escape(item.id)}" data-speaker="{escape(who)}" title="{title}"'
    if is_quote:
        style = _MARK_STYLE.format(color=color)
        tag = f'<mark class="quotex-quote quotex-{kind}" {data} style="{style}">'
    else:
        tag = f'<span class="quotex-claim" {data} style="{_CLAIM_STYLE.format(color=color)}">'
    text = escape(who if is_quote else f"claim: {who}")
    if item.speaker is not None:
        href = escape(mentions[(item.speaker.start, item.speaker.end)])
        label = f'<a class="quotex-label" href="#{href}" style="{_LABEL_STYLE}">{text}</a>'
    else:
        label = f'<span class="quotex-label" style="{_LABEL_STYLE}">{text}</span>'
    return _Layer(item.start, item.end, _QUOTE if is_quote else _CLAIM, tag, label)


def _highlight(text: str, layers: list[_Layer]) -> str:
    """Escaped ``text`` with the layers wrapped around it, split where layers cross."""
    cuts = sorted({0, len(text), *(b for layer in layers for b in (layer.start, layer.end))})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        active = sorted(
            (layer for layer in layers if layer.start <= a and layer.end >= b),
            key=lambda layer: (layer.level, layer.start),
        )
        out.extend(layer.open_tag for layer in active)
        out.append(escape(text[a:b]))
        for layer in reversed(active):
            if layer.end == b:
                out.append(layer.label)
            out.append("</mark>" if layer.open_tag.startswith("<mark") else "</span>")
    return "".join(out)


def _header(document: Document) -> str:
    meta = " · ".join(str(v) for v in (document.outlet, document.published) if v)
    parts = ['<div class="quotex-header">']
    if document.headline:
        parts.append(f"<strong>{escape(document.headline)}</strong>")
    if meta:
        parts.append(f' <span style="color: #666">{escape(meta)}</span>')
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
        "underlined; each label links to its speaker.</div></div>"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
