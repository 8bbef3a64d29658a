"""HTML pages: main text and metadata by trafilatura, then the plain-text reader on top."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ..errors import Errors, InputError
from .article import Article, build, coerce_date
from .metadata import load_data

# Pages beyond this are not one article (or are mostly inline scripts); trafilatura slows down.
MAX_HTML_CHARS = 4 * 1024 * 1024
_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# Elements trafilatura emits at the top of its body that hold one paragraph each.
_BLOCKS = {"p", "head", "quote", "item", "cell", "code", "list", "table", "row"}


def from_html(
    html: str,
    *,
    id: str = "doc",
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    source: str = "<html>",
) -> Article:
    """Read an HTML page: trafilatura's main text (headline first, paragraphs between blank lines).

    Metadata from the page (``article:published_time``, site name, author, title) is used where
    the caller gave none and the text itself (a wire dateline, a byline) does not say better.

    Args:
        html: The page source.
        id: Document id.
        published: Publication date known to the caller.
        outlet: Outlet known to the caller.
        url: Where the page was found; also helps trafilatura.
        source: File name for error messages.

    Returns:
        The article; its text is what quotex reports back and indexes.

    Raises:
        InputError: The page is too large [E205] or has no main text [E204].
        ConfigError: ``published`` is not a date [E004].
    """
    if len(html) > MAX_HTML_CHARS:
        raise InputError(Errors.E205.format(path=source, size=len(html.encode("utf-8")), limit=MAX_HTML_CHARS))
    caller = {"published": coerce_date(published), "outlet": outlet, "url": url}
    doc = _extract(html, url, source)
    title = _clean(doc.title) if doc.title else None
    paragraphs = [p for p in (_text_of(el) for el in doc.body) if p] if doc.body is not None else []
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise InputError(Errors.E204.format(path=source, reason="trafilatura found no main text"))
    text = "\n\n".join([title, *paragraphs] if title else paragraphs)
    page = {
        "published": _meta_date(doc.date),
        "outlet": doc.sitename,
        "byline": doc.author,
        "headline": title,
        "url": doc.url,
    }
    return build(text, id=id, caller=caller, page=page)


def _extract(html: str, url: str | None, source: str) -> Any:
    # trafilatura (and justext behind it) are heavy to import: only pages pay for them.
    from trafilatura import bare_extraction

    if not _BODY.search(html):
        raise InputError(Errors.E204.format(path=source, reason="the page has no <body>"))
    try:
        doc = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            # an embedded post is another author's words inside the page, not the story
            prune_xpath=_embed_xpath(),
            # The page's own meta tags only; htmldate's text search may pick any date it sees.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura raises many lxml errors on broken pages
        raise InputError(Errors.E204.format(path=source, reason=f"{type(err).__name__}: {err}")) from err
    if doc is None:
        raise InputError(Errors.E204.format(path=source, reason="trafilatura found no main text"))
    return doc


@lru_cache(maxsize=1)
def _embed_xpath() -> str:
    classes: list[str] = load_data()["embed_classes"]
    return " | ".join(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]" for c in classes)


def _text_of(el: Any) -> str:
    """The text of one trafilatura block; list items and line breaks become new lines."""
    if el.tag not in _BLOCKS:
        return _clean("".join(el.itertext()))
    if el.tag in ("list", "table"):
        rows = [_text_of(child) for child in el]
        return "\n".join(r for r in rows if r)
    parts: list[str] = []
    _walk(el, parts)
    return "\n".join(_clean(line) for line in "".join(parts).split("\n") if _clean(line))


def _walk(el: Any, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        else:
            _walk(child, parts)
        if child.tail:
            parts.append(child.tail)


def _clean(value: str) -> str:
    return _SPACE.sub(" ", value).strip()


def _meta_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return coerce_date(value)
    except ValueError:  # a malformed page date is no date, not a failure
        return None
