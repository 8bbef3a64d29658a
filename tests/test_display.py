"""``Document._repr_html_``: quotes marked by speaker, speakers underlined and linked, escaped."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


STORY = (
    "Bridge to stay shut for three weeks\n\n"
    'Transport Minister Rui Costa said the cables were "worn beyond repair" and must be replaced.\n\n'
    '"We will not take risks," he said.'
)


def _story(*, confidence: float = 0.9, resolved: bool = True) -> Document:
    costa = _span(Speaker, STORY, "Transport Minister Rui Costa", name="Rui Costa", label="PERSON")
    he = _span(Speaker, STORY, "he", name="Rui Costa" if resolved else "he", label="PERSON")
    if not resolved:  # the field comes with the sieve attribution; older models lack it
        he = he.model_copy(update={"resolved": False})
    quote = _span(Quote, STORY, "worn beyond repair", id="q0", kind="partial", speaker=costa, confidence=0.9)
    claim = _span(
        Claim,
        STORY,
        'the cables were "worn beyond repair" and must be replaced',
        id="c0",
        speaker=costa,
        confidence=0.9,
        quotes=["q0"],
    )
    direct = _span(Quote, STORY, "We will not take risks,", id="q1", kind="direct", speaker=he, confidence=confidence)
    return Document(
        id="bridge", text=STORY, headline="Bridge to stay shut for three weeks", quotes=[quote, direct], claims=[claim]
    )


def _label_of(html: str, item_id: str) -> str:
    """The label text after the element of ``item_id``."""
    start = html.index(f'data-id="{item_id}"')
    return re.search(r'class="quotex-label"[^>]*>([^<]*)<', html[start:]).group(1)


@pytest.mark.parametrize(
    ("phenomenon", "document", "uncertain"),
    [
        ("a named speaker, sure", _story(), False),
        ("a low-confidence attribution", _story(confidence=0.4), True),
        ("an unresolved pronoun", _story(resolved=False), True),
    ],
)
def test_a_guessed_speaker_looks_like_a_guess(phenomenon: str, document: Document, uncertain: bool) -> None:
    html = render(document)
    mark = re.search(r'<mark class="([^"]*)" data-id="q1"', html).group(1)
    assert ("quotex-uncertain" in mark) is uncertain, phenomenon
    assert _label_of(html, "q1").endswith("?") is uncertain, phenomenon
    assert "quotex-uncertain" not in re.search(r'<mark class="([^"]*)" data-id="q0"', html).group(1)


def test_labels_do_not_wrap() -> None:
    for style in re.findall(r'class="quotex-label"[^>]*style="([^"]*)"', render(_story())):
        assert "white-space: nowrap" in style


def test_a_quote_inside_a_claim_keeps_one_claim_frame() -> None:
    html = render(_story())
    assert html.count('data-id="c0"') == 1
    claim = html[html.index('data-id="c0"') :]
    # the quote opens and closes inside the claim's frame, whose label comes after both
    assert claim.index('data-id="q0"') < claim.index("</mark>") < claim.index("claim: Rui Costa")


def test_paragraphs_are_blocks_not_blank_lines() -> None:
    html = render(_story())
    body = html[html.index('class="quotex-text"') : html.index('class="quotex-legend"')]
    assert body.count("<p ") == 3 and "\n" not in body


@pytest.mark.parametrize(
    ("phenomenon", "text"),
    [
        ("a page: the headline is the first paragraph", STORY),
        ("a scraped file: headline and byline in one block", STORY.replace("weeks\n\n", "weeks\nBy Ana Lima\n\n", 1)),
    ],
)
def test_the_headline_shows_once(phenomenon: str, text: str) -> None:
    html = render(Document(text=text, headline="Bridge to stay shut for three weeks"))
    assert html.count("Bridge to stay shut for three weeks") == 1, phenomenon


def test_a_headline_not_in_the_text_is_in_the_header() -> None:
    html = render(Document(text="Nothing was said.", headline="Quiet day"))
    assert re.search(r'<div class="quotex-header"><strong>Quiet day</strong>', html)


def test_a_headline_paragraph_is_styled_as_one() -> None:
    assert 'class="quotex-headline"' in render(_story())


def test_header_shows_outlet_byline_and_date() -> None:
    doc = Document(text="Nothing was said.", outlet="Harbour Herald", byline="Tomas Berg", published="2025-06-12")
    header = re.search(r'<div class="quotex-header">(.*?)</div>', render(doc)).group(1)
    assert "Harbour Herald" in header and "Tomas Berg" in header and "2025-06-12" in header


class _Balance(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag


PROSE = 'He said: "Stop." \n\nThey <said> & "went"\non.\n\n\nEnd "of" it.'


@given(st.lists(st.tuples(st.integers(0, len(PROSE)), st.integers(0, len(PROSE)), st.booleans()), max_size=8))
def test_any_layers_keep_the_text_and_nest_properly(bounds: list[tuple[int, int, bool]]) -> None:
    quotes, claims = [], []
    for i, (a, b, is_quote) in enumerate(bounds):
        start, end = min(a, b), max(a, b)
        fields = {"start": start, "end": end, "text": PROSE[start:end]}
        if is_quote:
            quotes.append(Quote(id=f"q{i}", kind="partial", **fields))
        else:
            claims.append(Claim(id=f"c{i}", **fields))
    html = render(Document(text=PROSE, quotes=quotes, claims=claims))
    checker = _Balance()
    checker.feed(html)
    assert checker.open == []
    body = re.sub(r'<(a|span) class="quotex-label"[^>]*>[^<]*</(a|span)>', "", html)
    paragraphs = re.findall(r"<p [^>]*>(.*?)</p>", body, re.S)
    assert [re.sub(r"<[^>]+>", "", p) for p in paragraphs] == [escape(p) for p in re.split(r"\n[ \t]*\n\s*", PROSE)]
