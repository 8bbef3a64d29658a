"""``Document._repr_html_``: quotes marked by speaker, speakers underlined and linked, escaped."""

from __future__ import annotations

import re
from html import escape

import pytest

from quotex.display import PALETTE, UNATTRIBUTED, render
from quotex.results import Claim, Cue, Document, Quote, Speaker

TEXT = (
    'Mayor Ana Ruiz said the bridge "will open in May." '
    'Critics said the <budget> was "a fantasy," according to Tom Lee & Co.'
)


def _span(cls, text: str, sub: str, nth: int = 0, **fields):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return cls(start=start, end=start + len(sub), text=sub, **fields)


@pytest.fixture
def document() -> Document:
    ruiz = _span(Speaker, TEXT, "Mayor Ana Ruiz", name="Ana Ruiz", label="PERSON")
    lee = _span(Speaker, TEXT, "Tom Lee & Co", name="Tom Lee & Co", label="ORG")
    return Document(
        id="city/1",
        text=TEXT,
        outlet="The <Daily>",
        quotes=[
            _span(
                Quote,
                TEXT,
                "will open in May.",
                id="q0",
                kind="partial",
                speaker=ruiz,
                cue=_span(Cue, TEXT, "said", lemma="say"),
            ),
            _span(Quote, TEXT, "a fantasy,", id="q1", kind="partial", speaker=lee),
        ],
        claims=[
            _span(Claim, TEXT, 'the <budget> was "a fantasy,"', id="c0", quotes=["q1"]),
        ],
    )


def test_quotes_are_marked_in_their_speakers_colour(document: Document) -> None:
    html = render(document)
    marks = re.findall(
        r'<mark class="quotex-quote[^"]*" data-id="(q\d)" data-speaker="([^"]*)"'
        r"[^>]*background: (#\w+)",
        html,
    )
    assert marks == [("q0", "Ana Ruiz", PALETTE[0]), ("q1", "Tom Lee &amp; Co", PALETTE[1])]


def test_speakers_are_underlined_and_linked(document: Document) -> None:
    html = render(document)
    anchors = re.findall(r'<span class="quotex-speaker" id="([^"]+)"[^>]*>([^<]*)', html)
    assert [text for _, text in anchors] == ["Mayor Ana Ruiz", "Tom Lee &amp; Co"]
    for anchor, _ in anchors:
        assert f'href="#{anchor}"' in html


def test_claims_and_legend(document: Document) -> None:
    html = render(document)
    assert 'class="quotex-claim" data-id="c0" data-speaker="unattributed"' in html
    assert UNATTRIBUTED in html
    legend = html[html.index('class="quotex-legend"') :]
    assert "Ana Ruiz</mark> 1 quote, 0 claims" in legend
    assert "unattributed</mark> 0 quotes, 1 claim" in legend


def test_everything_is_escaped(document: Document) -> None:
    html = render(document)
    assert "<budget>" not in html and "&lt;budget&gt;" in html
    assert "The &lt;Daily&gt;" in html
    assert re.sub(r"<[^>]+>", "", html).count("&amp;") >= 2


def test_text_survives_rendering(document: Document) -> None:
    """Without tags and labels, the highlighted part is the escaped article text."""
    html = render(document)
    body = re.search(r'<div class="quotex-text"[^>]*>(.*?)</div><div class="quotex-legend"', html).group(1)
    body = re.sub(r'<(a|span) class="quotex-label"[^>]*>[^<]*</(a|span)>', "", body)
    assert re.sub(r"<[^>]+>", "", body) == escape(TEXT)


def test_repr_html_and_empty_document() -> None:
    doc = Document(text="Nothing was said.")
    html = doc._repr_html_()
    assert "no quotes or claims found" in html
    assert "Nothing was said." in html
