"""Page furniture in scraped text is marked, the story and its headline never are."""

from __future__ import annotations

import pytest

from quotex.ingest import from_text
from quotex.ingest.boilerplate import analyse, merge_spans

from .articles import HEADLINE, PARAGRAPHS, SCRAPED, STORY

STORY_LINE = PARAGRAPHS[0]


def marked(text: str) -> list[str]:
    article = from_text(text)
    return [text[s:e] for s, e in article.boilerplate]


def covered(text: str, needle: str) -> bool:
    """Every non-space character of ``needle`` lies inside some boilerplate span."""
    start = text.index(needle)
    spans = from_text(text).boilerplate
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(needle)) if not text[i].isspace())


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "furniture"),
    [
        ("share counters", "1,800FansLike\n259FollowersFollow\n90,000SubscribersSubscribe"),
        ("related-articles heading", "Related articles"),
        ("share prompt", "Share on Social Media"),
        ("read more link", "Read more"),
        ("image tag left by the scraper", "tagexample.com2025binary_QWERTY12-VIEWIMAGE"),
        ("author box label", "Author"),
        ("photo credit", "Photo: Jane Smith/Harbour Herald"),
        ("agency photo credit", "REUTERS/Jane Smith"),
        ("wire credits", "(Reporting by Jane Smith; Editing by Tom Brown)"),
        ("stray separator", "-"),
        ("template placeholder", "spot_img"),
        ("copyright line", "© 2024 Harbour Herald. All rights reserved."),
        ("newsletter prompt", "Sign up for our morning newsletter"),
        ("inline read-more link", "Read more: Storm damages pier in northern port"),
        ("reading time", "5 min read"),
        (
            "other articles' headlines with dates",
            "Latest newsStorm damages pier\n09.Jan.2026\nCouncil approves budget\n08.Jan.2026",
        ),
        (
            "list under a heading",
            "You may also like\nStorm damages pier in northern port\nCouncil approves budget",
        ),
    ],
)
def test_furniture_after_the_story_is_marked(phenomenon: str, furniture: str) -> None:
    text = f"{STORY}\n\n{furniture}\n"
    assert covered(text, furniture), phenomenon
    assert not any(p in m for p in PARAGRAPHS for m in marked(text))


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "furniture"),
    [
        ("page date header", "Monday, February 9, 2026"),
        ("menu word", "More"),
        ("navigation crumb glued together", "HomeEuropeBridge to reopen..."),
        ("navigation crumb with separators", "Home > Europe > Transport"),
        ("byline", "By Jane Smith"),
        ("outlet source line", "harbour herald -"),
        ("relative timestamp", "Updated 3 hours ago"),
    ],
)
def test_furniture_before_the_story_is_marked(phenomenon: str, furniture: str) -> None:
    text = f"{furniture}\n\n{HEADLINE}\n\n{STORY}"
    assert covered(text, furniture), phenomenon
    assert from_text(text).headline == HEADLINE


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("phenomenon", "text"),
    [
        ("bare story", STORY),
        ("headline over the story", f"{HEADLINE}\n\n{STORY}"),
        ("subheading between paragraphs", f"{PARAGRAPHS[0]}\n\nWhat comes next\n\n{PARAGRAPHS[1]}"),
        ("one paragraph per line", "\n".join(PARAGRAPHS)),
        (
            "hard-wrapped lines",
            "The\nminister said on Friday that the bridge would reopen to\ntraffic by "
            "the end of the month, after repairs.\nTraders welcomed the news.",
        ),
        ("a single short sentence", '"We will win," the minister said.'),
        ("a quote-only paragraph ending with a colon", f"She said:\n\n{PARAGRAPHS[1]}"),
        ("sentence that starts with By", f"{STORY}\n\nBy Monday the talks had collapsed."),
        (
            "standfirst under the headline",
            f"{HEADLINE}\n\nTraders say the closure cost them a third of their income\n\n{STORY}",
        ),
    ],
)
def test_story_text_is_never_marked(phenomenon: str, text: str) -> None:
    article = from_text(text)
    for s, e in article.boilerplate:
        chunk = text[s:e]
        assert not any(w in chunk for w in ("minister", "Traders", "bridge", "talks")), (
            phenomenon,
            chunk,
        )


@pytest.mark.parametrize("furniture", ["Advertisement", "Also read: Storm damages pier", "Share this article"])
def test_furniture_inside_the_story_is_marked(furniture: str) -> None:
    text = f"{PARAGRAPHS[0]}\n\n{furniture}\n\n{PARAGRAPHS[1]}"
    assert covered(text, furniture)
    assert len(from_text(text).boilerplate) == 1


def test_scraped_page_keeps_headline_and_story() -> None:
    article = from_text(SCRAPED)
    kept = "".join(SCRAPED[s:e] for s, e in article.story_mask())
    for paragraph in PARAGRAPHS:
        assert paragraph[20:] in kept
    assert HEADLINE in kept
    for furniture in ("Menu", "FansLike", "Related articles", "Ferry strike", "09.Apr.2024"):
        assert furniture not in kept


def test_layout_names_the_headline() -> None:
    layout = analyse(f"Menu\n\n{HEADLINE}\n\n{STORY}")
    assert layout.headline is not None
    assert layout.kinds[layout.headline] == "headline"
    assert layout.kinds[0] == "furniture"


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([(5, 8), (0, 2)], [(0, 2), (5, 8)]),
        ([(0, 2), (1, 4)], [(0, 4)]),
        ([(0, 2), (3, 4)], [(0, 4)]),  # only a space between
        ([(2, 2)], []),
    ],
)
def test_merge_spans(spans: list[tuple[int, int]], expected: list[tuple[int, int]]) -> None:
    assert merge_spans("ab cd efgh", spans) == expected
