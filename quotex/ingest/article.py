"""The ``Article`` record and how its metadata is decided from caller, page and text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, Errors, InputError
from ..results import TextSpan
from . import metadata as md
from .boilerplate import analyse, merge_spans

# Where a field may come from, strongest first. A page date header can be the scrape date,
# later than the story, so the story's own dateline beats it, and so does the page's meta.
PRECEDENCE: dict[str, tuple[str, ...]] = {
    "published": ("caller", "dateline", "html-meta", "date-header"),
    "outlet": ("caller", "dateline", "source-line", "html-meta"),
    "byline": ("caller", "byline-line", "html-meta", "credit-line"),
    "headline": ("caller", "html-meta", "headline-line"),
    "url": ("caller", "html-meta"),
}


@dataclass(frozen=True)
class Article:
    """One input article: the text all offsets refer to, its metadata and its page furniture.

    Attributes:
        id: Input name without extension, or the caller's id.
        text: The text quotex reads and reports back as ``Document.text``.
        published: Publication date, or None if nothing says it.
        outlet: Publishing outlet or agency ("Reuters").
        byline: Author name(s) as printed.
        headline: The story's headline.
        url: Where the page lives.
        provenance: Field name -> where it came from ("caller", "dateline", "html-meta", ...).
        boilerplate: ``(start, end)`` ranges of ``text`` left out of extraction, sorted and
            non-overlapping.
    """

    id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    byline: str | None = None
    headline: str | None = None
    url: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)

    def boilerplate_spans(self) -> list[TextSpan]:
        """The boilerplate as ``TextSpan`` models for ``Document.boilerplate``."""
        return [TextSpan(start=s, end=e, text=self.text[s:e]) for s, e in self.boilerplate]

    def document_fields(self) -> dict[str, Any]:
        """Keyword arguments for ``quotex.results.Document`` (everything but the extractions)."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published,
            "outlet": self.outlet,
            "byline": self.byline,
            "headline": self.headline,
            "url": self.url,
            "provenance": dict(self.provenance),
            "boilerplate": self.boilerplate_spans(),
        }

    def story_mask(self) -> list[tuple[int, int]]:
        """The complement of ``boilerplate``: the ranges extraction should read."""
        out, pos = [], 0
        for start, end in self.boilerplate:
            if start > pos:
                out.append((pos, start))
            pos = end
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out


def coerce_date(value: object) -> dt.date | None:
    """A caller's ``published``: a date, a datetime or an ISO string ("2025-12-28[T...]").

    Raises:
        ConfigError: The value is not a date [E004].
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ConfigError(Errors.E004.format(value=value))


def build(
    text: str,
    *,
    id: str,
    caller: Mapping[str, object],
    page: Mapping[str, object] | None = None,
) -> Article:
    """Read metadata and furniture from ``text`` and combine them with caller and page metadata.

    Args:
        text: The article text, used unchanged.
        id: Document id.
        caller: Metadata given by the caller (published, outlet, url); None values are unknown.
        page: Metadata from the HTML page (published, outlet, byline, headline, url).

    Returns:
        The article.

    Raises:
        InputError: ``text`` is not a str [E001].
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    layout = analyse(text)
    found: dict[str, dict[str, object]] = {f: {} for f in PRECEDENCE}
    for name, value in caller.items():
        if value is not None and name in found:
            found[name]["caller"] = value
    for name, value in (page or {}).items():
        if value and name in found:
            found[name]["html-meta"] = value

    extra: list[tuple[int, int]] = []
    header = md.find_date_header(text, layout.lines, layout.story_start, skip=layout.listed_dates())
    if header:
        found["published"]["date-header"] = header.value
        extra.append((header.start, header.end))
    dateline = md.find_dateline(text)
    if dateline:
        reference = header.value if header else found["published"].get("html-meta") or md.latest_full_date(text)
        # With no other date on the page the year is unknown: null, not a guess from today's date.
        day = md.dateline_date(dateline, reference)  # type: ignore[arg-type]
        if day:
            found["published"]["dateline"] = day
        agency = md.dateline_outlet(dateline)
        if agency:
            found["outlet"]["dateline"] = agency
        # metadata, not story: a parser reading "TOKYO (Reuters) - Japan's prime minister said"
        # takes the place for the subject
        extra.append((dateline.start("place"), dateline.end()))
    source = md.find_source_line(text, layout.story_start)
    if source:
        found["outlet"]["source-line"] = source.value
    byline = md.find_byline(text, layout.lines, layout.story_start)
    if byline:
        found["byline"][byline.origin] = byline.value
    if layout.headline is not None:
        start, end = layout.lines[layout.headline]
        found["headline"]["headline-line"] = text[start:end]

    values: dict[str, object] = {}
    provenance: dict[str, str] = {}
    for name, order in PRECEDENCE.items():
        for origin in order:
            if origin in found[name]:
                values[name] = found[name][origin]
                provenance[name] = origin
                break
    published = values.get("published")
    return Article(
        id=id,
        text=text,
        published=coerce_date(published) if published is not None else None,
        outlet=_str(values.get("outlet")),
        byline=_str(values.get("byline")),
        # a headline line of the text stays as written, so that it can be found in the text
        headline=(
            str(values["headline"]).strip() or None
            if provenance.get("headline") == "headline-line"
            else _str(values.get("headline"))
        ),
        url=_str(values.get("url")),
        provenance=provenance,
        boilerplate=merge_spans(text, [*layout.spans(), *extra]),
    )


def _str(value: object) -> str | None:
    return " ".join(str(value).split()) or None if value is not None else None


def from_text(
    text: str,
    *,
    id: str = "doc",
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Article:
    """Read a plain-text article: metadata from the text, furniture marked but kept.

    ``Article.text`` is ``text`` exactly, so offsets computed on the input file hold.

    Args:
        text: The article as scraped or saved.
        id: Document id.
        published: Publication date known to the caller; it beats any date in the text.
        outlet: Outlet known to the caller.
        url: Where the article was found.

    Returns:
        The article.

    Raises:
        InputError: ``text`` is not a str [E001].
        ConfigError: ``published`` is not a date [E004].
    """
    caller = {"published": coerce_date(published), "outlet": outlet, "url": url}
    return build(text, id=id, caller=caller)
