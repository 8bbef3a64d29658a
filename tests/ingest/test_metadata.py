"""Publication date, byline, outlet and headline: where each comes from, and which wins."""

from __future__ import annotations

import datetime as dt

import pytest

from quotex.errors import ConfigError, InputError
from quotex.ingest import from_text

from .articles import HEADLINE, SCRAPED, STORY

D = dt.date


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "text", "published", "origin"),
    [
        (
            "ISO date header glued to the story",
            f" date 2024-03-15 {STORY}",
            D(2024, 3, 15),
            "date-header",
        ),
        (
            "long-form page date",
            f"Friday, March 15, 2024\n\n{STORY}",
            D(2024, 3, 15),
            "date-header",
        ),
        (
            "labelled page date",
            f"Published: 15 March 2024\n\n{STORY}",
            D(2024, 3, 15),
            "date-header",
        ),
        (
            "wire dateline with year from the page",
            f"Saturday, April 20, 2024\n\nOSLO, March 15 (Reuters) - {STORY}",
            D(2024, 3, 15),
            "dateline",
        ),
        (
            "dateline month after the page date",
            f"Monday, February 9, 2026\n\nMOSCOW, Dec 28 (Reuters) - {STORY}",
            D(2025, 12, 28),
            "dateline",
        ),
        (
            "dateline with its own year",
            f"OSLO, March 15, 2023 (AP) — {STORY}",
            D(2023, 3, 15),
            "dateline",
        ),
        (
            "dateline year from a date in the text",
            f"OSLO, Dec 30 (Reuters) - {STORY} The report is due on January 4, 2021.",
            D(2020, 12, 30),
            "dateline",
        ),
        ("no date anywhere", STORY, None, None),
        (
            "dates of other articles listed above the story",
            f"Storm damages pier\n11.Apr.2024\nCouncil approves budget\n10.Apr.2024\n\n{STORY}",
            None,
            None,
        ),
        (
            "a date only inside the story is not the publication date",
            f"{STORY} Talks began on March 3, 2024.",
            None,
            None,
        ),
    ],
)
def test_published(phenomenon: str, text: str, published: dt.date | None, origin: str | None) -> None:
    article = from_text(text)
    assert article.published == published, phenomenon
    assert article.provenance.get("published") == origin


@pytest.mark.parametrize(
    "dateline",
    [
        "OSLO, March 15 (Reuters) - ",
        "KYIV, Ukraine (AP) — ",
        "WASHINGTON — ",
        "LONDON - ",  # a bare place with a plain hyphen, as many sites type it
        "NEW YORK – ",
        "SALTMARSH -- ",
    ],
)
def test_dateline_is_left_out_of_the_story(dateline: str) -> None:
    # a parser reading "OSLO (Reuters) - The minister said" takes the place for the subject
    article = from_text(f"{dateline}{STORY}")
    assert (0, len(dateline.rstrip())) in article.boilerplate or (0, len(dateline)) in article.boilerplate


@pytest.mark.parametrize(
    ("phenomenon", "text"),
    [
        ("a hyphenated capitalised word", "LONDON-based traders said prices would rise."),
        ("a place not in capitals", "London - Traders said prices would rise."),
        ("a dash inside the sentence", "Traders said prices - for now - would rise."),
    ],
)
def test_no_dateline(phenomenon: str, text: str) -> None:
    assert from_text(text).boilerplate == [], phenomenon


@pytest.mark.needs_model
def test_the_place_of_a_hyphen_dateline_is_not_the_speaker() -> None:
    import quotex

    doc = quotex.extract("LONDON - Police said the bridge would stay closed until Friday.")
    assert [c.speaker.name if c.speaker else None for c in doc.claims] == ["Police"]


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "text", "outlet", "origin"),
    [
        ("agency in the dateline", f"OSLO, March 15 (Reuters) - {STORY}", "Reuters", "dateline"),
        ("dateline without a date", f"KYIV, Ukraine (AP) — {STORY}", "AP", "dateline"),
        (
            "source line of an aggregator",
            f"{HEADLINE}\nrussia today -\n\n{STORY}",
            "RT",
            "source-line",
        ),
        ("agency only named in the story", f"{STORY} AFP quoted the minister.", None, None),
    ],
)
def test_outlet(phenomenon: str, text: str, outlet: str | None, origin: str | None) -> None:
    article = from_text(text)
    assert article.outlet == outlet, phenomenon
    assert article.provenance.get("outlet") == origin


@pytest.mark.parametrize(
    ("text", "byline", "origin"),
    [
        (f"{HEADLINE}\n\nBy Anna Karin Holm\n\n{STORY}", "Anna Karin Holm", "byline-line"),
        (
            f"{HEADLINE}\nBy Jane Doe and John Roe, Harbour Herald\n\n{STORY}",
            "Jane Doe and John Roe",
            "byline-line",
        ),
        (
            f"{STORY}\n\n(Reporting by Tomas Berg; Editing by Anna White)",
            "Tomas Berg",
            "credit-line",
        ),
        (f"{STORY}\n\nBy Monday the talks had collapsed.", None, None),
        (STORY, None, None),
    ],
)
def test_byline(text: str, byline: str | None, origin: str | None) -> None:
    article = from_text(text)
    assert article.byline == byline
    assert article.provenance.get("byline") == origin


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        (f"{HEADLINE}\n\n{STORY}", HEADLINE),
        (f"Menu\nHome > Europe > Transport\n\n{HEADLINE}\n\n{STORY}", HEADLINE),
        (STORY, None),
        ("Just a title", None),  # no story under it
    ],
)
def test_headline(text: str, headline: str | None) -> None:
    assert from_text(text).headline == headline


def test_scraped_page_metadata() -> None:
    article = from_text(SCRAPED, id="herald-1", url="https://example.org/a")
    assert (article.published, article.outlet, article.byline, article.headline) == (
        D(2024, 3, 15),
        "Reuters",
        "Tomas Berg",
        HEADLINE,
    )
    assert article.provenance == {
        "published": "dateline",
        "outlet": "dateline",
        "byline": "byline-line",
        "headline": "headline-line",
        "url": "caller",
    }


@pytest.mark.parametrize(
    "published",
    [D(2024, 3, 1), "2024-03-01", "2024-03-01T23:59:00+01:00", dt.datetime(2024, 3, 1, 8)],
)
def test_caller_beats_everything(published: object) -> None:
    article = from_text(SCRAPED, published=published, outlet="Harbour Herald")  # type: ignore[arg-type]
    assert article.published == D(2024, 3, 1)
    assert article.outlet == "Harbour Herald"
    assert article.provenance["published"] == article.provenance["outlet"] == "caller"


@pytest.mark.parametrize("published", ["yesterday", "2024-13-01", 20240301])
def test_bad_caller_date(published: object) -> None:
    with pytest.raises(ConfigError, match=r"\[E004\]"):
        from_text(STORY, published=published)  # type: ignore[arg-type]


def test_text_is_kept_exactly() -> None:
    text = "\ufeff  Menu\r\n\tHeadline here now\n\n" + STORY + "\n\n\n"
    assert from_text(text).text == text


def test_bytes_are_refused() -> None:
    with pytest.raises(InputError, match=r"\[E001\].*bytes"):
        from_text(STORY.encode("utf-8"))  # type: ignore[arg-type]
