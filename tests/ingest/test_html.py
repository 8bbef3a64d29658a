"""HTML pages: trafilatura's main text, page metadata, and the same paragraphs as bare text."""

from __future__ import annotations

import datetime as dt

import pytest

from quotex.errors import InputError
from quotex.ingest import from_html, from_text

from .articles import HEADLINE, PARAGRAPHS, STORY, html_page


def paragraphs(text: str, spans: list[tuple[int, int]]) -> list[str]:
    kept = "".join(text[s:e] if (s, e) else "" for s, e in _complement(text, spans))
    return [p.strip() for p in kept.split("\n\n") if p.strip()]


def _complement(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in spans:
        out.append((pos, s))
        pos = e
    out.append((pos, len(text)))
    return out


@pytest.mark.issue(5)
def test_page_gives_the_paragraphs_of_the_bare_text() -> None:
    page = from_html(html_page())
    bare = from_text(STORY)
    assert paragraphs(page.text, page.boilerplate) == [
        HEADLINE,
        *paragraphs(bare.text, bare.boilerplate),
    ]
    assert page.text == "\n\n".join([HEADLINE, *PARAGRAPHS])
    for furniture in ("Sport", "Related articles", "Storm damages pier", "All rights reserved"):
        assert furniture not in page.text


@pytest.mark.issue(5)
def test_page_metadata() -> None:
    page = from_html(html_page(), id="herald", url="https://example.org/bridge")
    assert page.published == dt.date(2024, 3, 15)
    assert (page.outlet, page.byline, page.headline) == ("Harbour Herald", "Tomas Berg", HEADLINE)
    assert page.provenance == {
        "published": "html-meta",
        "outlet": "html-meta",
        "byline": "html-meta",
        "headline": "html-meta",
        "url": "caller",
    }


def test_dateline_in_the_page_beats_its_meta_date() -> None:
    lead = f"LONDON, March 14 (Reuters) - {PARAGRAPHS[0]}"
    page = from_html(html_page([lead, *PARAGRAPHS[1:]]))
    assert page.published == dt.date(2024, 3, 14)
    assert (page.provenance["published"], page.outlet) == ("dateline", "Reuters")


def test_caller_beats_the_page() -> None:
    page = from_html(html_page(), published="2024-03-16", outlet="Wire")
    assert (page.published, page.outlet) == (dt.date(2024, 3, 16), "Wire")


@pytest.mark.parametrize(
    ("phenomenon", "html", "code"),
    [
        ("no body", "<html><head><title>Nothing</title></head></html>", "E204"),
        ("empty body", "<html><body></body></html>", "E204"),
        ("only navigation", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "E204"),
        ("a 5 MB page", "<html><body>" + "<p>word </p>" * 500_000 + "</body></html>", "E205"),
    ],
)
def test_unusable_pages(phenomenon: str, html: str, code: str) -> None:
    with pytest.raises(InputError, match=rf"\[{code}\]"):
        from_html(html)


@pytest.mark.issue(5)
@pytest.mark.needs_model
def test_page_gives_the_quotes_of_the_bare_text() -> None:
    import quotex

    page = next(quotex.extract_many([from_html(html_page(), id="page")]))
    bare = quotex.extract(STORY)
    assert page.published == dt.date(2024, 3, 15)
    assert [(q.text, q.kind, q.speaker.name if q.speaker else None) for q in page.quotes] == [
        (q.text, q.kind, q.speaker.name if q.speaker else None) for q in bare.quotes
    ]
    assert page.quotes and all(page.text[q.start : q.end] == q.text for q in page.quotes)


TWEET = (
    '<blockquote class="twitter-tweet" data-theme="light"><p lang="en" dir="ltr">Reopening that bridge is a '
    'gamble with lives. <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Ann Roe (@annroe) '
    '<a href="https://twitter.com/annroe/status/1">March 15, 2024</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
)


@pytest.mark.parametrize(
    ("phenomenon", "embed"),
    [
        ("an embedded tweet", TWEET),
        ("an embedded Instagram post", '<blockquote class="instagram-media"><p>Sunset</p></blockquote>'),
        ("an embedded TikTok", '<blockquote class="tiktok-embed" cite="x"><section>Bridge walk</section></blockquote>'),
    ],
)
def test_an_embedded_post_is_not_story_text(phenomenon: str, embed: str) -> None:
    page = html_page([PARAGRAPHS[0], embed, *PARAGRAPHS[1:]])
    assert paragraphs(from_html(page).text, [])[1:] == PARAGRAPHS, phenomenon


def test_a_blockquote_of_the_story_is_kept() -> None:
    page = html_page([*PARAGRAPHS, "<blockquote>The bridge is safe to cross.</blockquote>"])
    assert paragraphs(from_html(page).text, [])[-1] == "The bridge is safe to cross."
