"""Article metadata found in the text itself: date headers, wire datelines, bylines, sources."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotex.lexicons import read

# Metadata sits at the top of a page; scanning only the head keeps a 5 MB text cheap.
HEAD_CHARS = 6000

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Each alternative names its groups so one parser handles them all.
_DATE = (
    rf"(?:(?:{_WEEKDAY}),?\s+)?(?:"
    rf"(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?"
    rf"|(?P<sy>{_YEAR})/(?P<sm>[01]?\d)/(?P<sd>[0-3]?\d)"
    rf"|(?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>{_YEAR})"
    rf"|(?P<dd>[0-3]?\d)[.\s-](?P<dm>{_MONTH})[.\s-]\s?(?P<dy>{_YEAR})"
    rf"|(?P<nd>{_DAY})\s+(?P<nm>{_MONTH})\.?,?\s+(?P<ny>{_YEAR})"
    rf"|(?P<mm>{_MONTH})\.?\s+(?P<md>{_DAY}),?\s+(?P<my>{_YEAR})"
    r")"
)
_TIME = (
    r"(?:\s*(?:[|,•·@-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:[A-Z]{2,5}|UTC[+-]?\d*)?)?"
)
_LABEL = r"(?:(?:date|published|posted|first published|updated|last updated)(?:\s+on)?\s*:?\s+)"
DATE_LINE = re.compile(rf"\s*{_LABEL}?{_DATE}{_TIME}\s*", re.IGNORECASE)
# "date 2025-12-28 The Kremlin said ...": a page date glued to the first paragraph.
DATE_PREFIX = re.compile(rf"\s*(?P<prefix>(?i:date|published|posted)\s*:?\s+{_DATE}{_TIME})\s+")
FULL_DATE = re.compile(rf"\b{_DATE}\b", re.IGNORECASE)

_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.\-]+(?:[ \t][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,[ \t]+[A-Z][A-Za-z'’.\-]+(?:[ \t][A-Z][A-Za-z'’.\-]+){0,2})?)"
    rf"(?:,[ \t]+(?P<month>{_MONTH})\.?[ \t]+(?P<day>[0-3]?\d)(?:,[ \t]+(?P<year>{_YEAR}))?)?"
    r"[ \t]*(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\))?[ \t]*[-–—]{1,2}[ \t]+(?=\S)",
    re.MULTILINE,
)
_BARE_DASH = re.compile(r"[ \t](?:-{1,2}|[–—])[ \t]+$|—[ \t]+$")
_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|de|da|del|der|van|von|al|bin|la|le|and)"
_BYLINE = re.compile(
    rf"^[ \t]*By[ \t]+(?P<name>[A-Z][\w'’.\-]*(?:[ \t]+{_NAME_WORD}){{0,6}})[ \t]*"
    r"(?:$|[,;|•]|[ \t][-–—][ \t])",
    re.MULTILINE,
)
_CREDIT = re.compile(r"\((?:Reporting|Writing) by (?P<name>[A-Z][^;)\n]{1,60}?)[;)]")
# "russia today -": an outlet name alone on a line, as aggregators print it.
_SOURCE_LINE = re.compile(r"^[ \t]*(?P<name>[^\n]{2,40}?)[ \t]+[-–—|][ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Found:
    """A metadata value and the stretch of text it was read from."""

    value: object
    start: int
    end: int
    origin: str = ""


@lru_cache(maxsize=1)
def load_data() -> dict[str, Any]:
    """The furniture phrases and agency names in ``quotex/lexicons/boilerplate.json``."""
    return read("boilerplate.json")


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    agencies: dict[str, str] = load_data()["agencies"]
    return {k.lower(): v for k, v in agencies.items()}


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a news agency ("Russia Today" -> "RT"), or None if unknown."""
    return _agencies().get(" ".join(name.split()).lower())


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def date_from_match(m: re.Match[str]) -> dt.date | None:
    """Turn a match of the ``_DATE`` pattern into a date; None for impossible dates."""
    g = m.groupdict()
    try:
        if g.get("iy"):
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g.get("sy"):
            return dt.date(int(g["sy"]), int(g["sm"]), int(g["sd"]))
        if g.get("ey"):
            return dt.date(int(g["ey"]), int(g["em"]), int(g["ed"]))
        if g.get("dy"):
            return dt.date(int(g["dy"]), _month(g["dm"]), int(g["dd"]))
        if g.get("ny"):
            return dt.date(int(g["ny"]), _month(g["nm"]), int(g["nd"].rstrip("stndrh")))
        if g.get("my"):
            return dt.date(int(g["my"]), _month(g["mm"]), int(g["md"].rstrip("stndrh")))
    except ValueError:
        return None
    return None


def parse_date_line(line: str) -> dt.date | None:
    """The date if the whole line is a date ("Monday, February 9, 2026", "date 2025-12-28").

    Args:
        line: One line of text.

    Returns:
        The date, or None if the line says anything besides a date (and an optional time).
    """
    if len(line) > 80:
        return None
    m = DATE_LINE.fullmatch(line)
    return date_from_match(m) if m else None


def infer_year(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The latest date with this month and day that is not after ``reference``."""
    for year in range(reference.year, reference.year - 5, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February in a common year
            continue
        if candidate <= reference:
            return candidate
    return None


def find_date_header(
    text: str, lines: list[tuple[int, int]], before: int, *, skip: frozenset[int] = frozenset()
) -> Found | None:
    """A page date at the top: a date-only line, or a "date ..." prefix of the first line.

    Args:
        text: The article text.
        lines: ``(start, end)`` of each line.
        before: Offset of the first story paragraph; headers come before it.
        skip: Indices of lines that are not the page's own date (dates in lists of other
            articles).

    Returns:
        The date with the span of the header, or None.
    """
    m = DATE_PREFIX.match(text, 0, min(len(text), 200))
    if m and (day := date_from_match(m)):
        return Found(day, m.start("prefix"), m.end("prefix"))
    for i, (start, end) in enumerate(lines):
        if start > min(before, HEAD_CHARS):
            break
        day = None if i in skip else parse_date_line(text[start:end])
        if day:
            return Found(day, start, end)
    return None


def find_dateline(text: str) -> re.Match[str] | None:
    """The wire dateline opening the story ("MOSCOW, Dec 28 (Reuters) - "), if any."""
    for m in _DATELINE.finditer(text, 0, min(len(text), HEAD_CHARS)):
        # a bare place needs capitals and a dash set off by spaces ("WASHINGTON — ", "LONDON - "),
        # not a hyphenated word ("LONDON-based")
        if m.group("month") or m.group("agency") or _BARE_DASH.search(m.group(0)) and m.group("place").isupper():
            return m
    return None


def dateline_date(m: re.Match[str], reference: dt.date | None) -> dt.date | None:
    """The date of a dateline; a missing year comes from ``reference`` and never passes it."""
    if not m.group("month"):
        return None
    month, day = _month(m.group("month")), int(m.group("day"))
    if m.group("year"):
        try:
            return dt.date(int(m.group("year")), month, day)
        except ValueError:
            return None
    return infer_year(month, day, reference) if reference else None


def dateline_outlet(m: re.Match[str]) -> str | None:
    """The agency named in a dateline, canonicalised when known."""
    agency = m.group("agency")
    if not agency:
        return None
    return canonical_outlet(agency) or " ".join(agency.split())


def latest_full_date(text: str, limit: dt.date | None = None) -> dt.date | None:
    """The latest complete date (with year) written anywhere in the head and tail of the text."""
    # Pages put their own dates at the top and bottom; the middle of a long text adds nothing.
    parts = [text] if len(text) <= 2 * HEAD_CHARS else [text[:HEAD_CHARS], text[-HEAD_CHARS:]]
    best: dt.date | None = None
    for part in parts:
        for m in FULL_DATE.finditer(part):
            day = date_from_match(m)
            if day and (limit is None or day <= limit) and (best is None or day > best):
                best = day
    return best


def find_byline(text: str, lines: list[tuple[int, int]], before: int) -> Found | None:
    """The author from a "By ..." line at the top, or from a "(Reporting by ...)" credit."""
    for m in _BYLINE.finditer(text, 0, min(len(text), before, HEAD_CHARS)):
        name = m.group("name").rstrip(" .")
        if name.endswith(" and"):
            name = name[:-4]
        return Found(name, m.start(), m.end(), "byline-line")
    tail_start = max(0, len(text) - HEAD_CHARS)
    m2 = _CREDIT.search(text, tail_start)
    if m2:
        name = m2.group("name").strip()
        if len(name.split()) <= 6:
            return Found(name, m2.start("name"), m2.end("name"), "credit-line")
    return None


def find_source_line(text: str, before: int) -> Found | None:
    """A known outlet alone on a line at the top ("russia today -"), canonicalised."""
    for m in _SOURCE_LINE.finditer(text, 0, min(len(text), before, HEAD_CHARS)):
        outlet = canonical_outlet(m.group("name"))
        if outlet:
            return Found(outlet, m.start(), m.end())
    return None
