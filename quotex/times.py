"""Temporal expressions in quotes and claims, resolved against the publication date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

from .results import TimeRef

__all__ = ["FUTURE_WINDOW", "find_times", "resolve"]

# Stories mostly report the past; a date without a year is taken as upcoming only this close.
FUTURE_WINDOW = dt.timedelta(days=62)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Longest first where they overlap: the scan keeps the longest match at each position.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "full",
        re.compile(
            rf"\b(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|{_YEAR}-[01]\d-[0-3]\d)\b",
            re.I,
        ),
    ),
    (
        "month_year",
        re.compile(rf"\b(?:(?:in|since|during|until|by)\s+)?{_MONTH}\s+{_YEAR}\b", re.I),
    ),
    (
        "month_day",
        re.compile(rf"\b(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})(?![\w-])", re.I),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>on|last|next|this|past)\s+)?(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day){_PART}\b",
            re.I,
        ),
    ),
    ("ago", re.compile(rf"\b{_NUMBER}\s+(?:day|week|month|year)s?\s+ago\b", re.I)),
    (
        "period",
        re.compile(
            r"\b(?:(?P<rel>earlier|later)\s+)?(?P<mod>this|last|next|past|the\s+past)\s+(?P<unit>week(?:end)?|month|year)\b",
            re.I,
        ),
    ),
    (
        "day_word",
        re.compile(
            r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            re.I,
        ),
    ),
    # "May" and "March" are also words: a month alone needs a preposition or modifier.
    (
        "month",
        re.compile(
            rf"\b(?:(?:in|since|during|until|by|last|next|this|early|late)\s+|mid-){_MONTH}(?![\w-])(?!\s+{_DAY})",
            re.I,
        ),
    ),
    ("year", re.compile(rf"\b(?:in|since|during|until|by|of)\s+(?P<year>{_YEAR})\b(?!-)", re.I)),
]


def find_times(text: str, start: int, end: int, published: dt.date | None) -> list[TimeRef]:
    """Find and resolve the temporal expressions in ``text[start:end]``.

    Weekdays follow news convention: "on Sunday" is the latest Sunday on or before the
    publication date; "last Sunday" the latest one before it, "next Sunday" the first after it.
    A month and day without a year ("Dec 28") get the year that puts them closest to the
    publication date. Periods become ISO intervals ("earlier this year" ->
    "2025-01-01/2025-12-28").

    Args:
        text: The full document text.
        start: Offset where the quote or claim starts.
        end: Offset where it ends.
        published: Publication date; without it only fully written dates get a value.

    Returns:
        The expressions in text order, offsets into ``text``, ``value`` an ISO date, an ISO
        interval or None.
    """
    start, end = max(0, start), min(len(text), end)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[TimeRef] = []
    last_end = -1
    for s, e, kind, m in found:
        if s < last_end:
            continue
        last_end = e
        out.append(TimeRef(start=s, end=e, text=text[s:e], value=_RESOLVERS[kind](m, published)))
    return out


def resolve(expression: str, published: dt.date | None) -> str | None:
    """Resolve one expression on its own ("on Sunday", "last week"); None if not understood."""
    refs = find_times(expression, 0, len(expression), published)
    return refs[0].value if refs else None


def _iso(a: dt.date, b: dt.date | None = None) -> str:
    return a.isoformat() if b is None or b == a else f"{a.isoformat()}/{b.isoformat()}"


#: month number of the first three letters of a month's name ("Sept." -> "sep" -> 9); English
#: whatever the locale, which ``calendar.month_abbr`` follows
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
#: the counts the "ago" pattern reads as words, by value
_COUNT_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 April, 29 February of a common year
        return None


def _date_parts(expression: str) -> tuple[int, int | None, int | None]:
    """Month, day and year of an expression the patterns matched ("5th of Sept. 2024", "March 5");
    the patterns already fix its shape, so reading the parts needs only the month names."""
    words = re.findall(r"[A-Za-z]+|\d+", expression)
    month = next(_MONTH_NUMBERS[w[:3].lower()] for w in words if w[:3].lower() in _MONTH_NUMBERS and len(w) >= 3)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    return month, day, year


def _strip_preposition(expression: str) -> str:
    return re.sub(r"^(?:in|since|during|until|by|of|on)\s+", "", expression, flags=re.I)


def _full(m: re.Match[str], published: dt.date | None) -> str | None:
    text = m.group()
    if text[:1].isdigit() and "-" in text:  # ISO 8601
        try:
            return _iso(dt.date.fromisoformat(text))
        except ValueError:
            return None
    month, day, year = _date_parts(text)
    date = _date(year, month, day) if year and day else None
    return _iso(date) if date else None


def _month_day(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    month, day, _ = _date_parts(m.group())
    near = _nearest_past(published, month, day) if day else None
    return _iso(near) if near else None


def _nearest_past(published: dt.date, month: int, day: int) -> dt.date | None:
    """The latest such date on or before ``published``, unless one comes within a short while;
    None for a day the month never has."""
    candidates = [d for y in (published.year - 1, published.year, published.year + 1) if (d := _date(y, month, day))]
    if not candidates:
        return None
    ahead = [c for c in candidates if published < c <= published + FUTURE_WINDOW]
    if ahead:
        return ahead[0]
    return max((c for c in candidates if c <= published), default=candidates[-1])


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_year(m: re.Match[str], published: dt.date | None) -> str | None:
    month, _, year = _date_parts(_strip_preposition(m.group()))
    return _iso(*_month_bounds(year, month)) if year else None


def _month(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    words = m.group().replace("mid-", "mid ").split()
    mod, name = (words[0].lower(), words[-1]) if len(words) > 1 else ("", words[0])
    month = _MONTH_NUMBERS[name[:3].lower()]
    if mod == "last":
        year = published.year if month < published.month else published.year - 1
    elif mod == "next":
        year = published.year if month > published.month else published.year + 1
    elif mod == "this":
        year = published.year
    else:
        first = _nearest_past(published, month, 1)
        year = first.year if first else published.year  # every month has a first day
    return _iso(*_month_bounds(year, month))


def _weekday(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    target = _WEEKDAYS.index(m.group("wd").lower())
    mod = (m.group("mod") or "").lower()
    back = (published.weekday() - target) % 7
    if mod == "next":
        return _iso(published + dt.timedelta(days=(target - published.weekday()) % 7 or 7))
    if mod in ("last", "past") and back == 0:
        back = 7
    return _iso(published - dt.timedelta(days=back))


def _ago(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    count, unit = m.group().lower().split()[:2]
    n = 1 if count in ("a", "an") else int(count) if count.isdigit() else _COUNT_WORDS.index(count)
    return _iso(published - relativedelta(**{unit.rstrip("s") + "s": n}))


def _day_word(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    word = m.group().lower()
    offset = -1 if word.startswith(("yesterday", "last")) else 1 if word == "tomorrow" else 0
    return _iso(published + dt.timedelta(days=offset))


def _period(m: re.Match[str], published: dt.date | None) -> str | None:
    if published is None:
        return None
    rel = (m.group("rel") or "").lower()
    mod = m.group("mod").lower().replace("the ", "")
    unit = m.group("unit").lower()
    p = published
    if mod == "past":  # "the past week": the span up to publication
        length = {"week": 7, "weekend": 3, "month": 30, "year": 365}[unit]
        return _iso(p - dt.timedelta(days=length), p)
    shift = {"this": 0, "last": -1, "next": 1}[mod]
    if unit in ("week", "weekend"):
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=shift)
        # A weekend is the Saturday and Sunday closing its week; "last weekend" on a Monday
        # is the two days before.
        a, b = (
            (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
            if unit == "weekend"
            else (monday, monday + dt.timedelta(days=6))
        )
    elif unit == "month":
        year, month = divmod(p.year * 12 + p.month - 1 + shift, 12)
        a, b = _month_bounds(year, month + 1)
    else:
        a, b = dt.date(p.year + shift, 1, 1), dt.date(p.year + shift, 12, 31)
    # "earlier this ..." ends at publication, "later this ..." starts there.
    if shift == 0 and rel == "earlier":
        b = min(b, p)
    elif shift == 0 and rel == "later":
        a = max(a, p)
    return _iso(a, b)


def _year(m: re.Match[str], published: dt.date | None) -> str | None:
    year = int(m.group("year"))
    return _iso(dt.date(year, 1, 1), dt.date(year, 12, 31))


_RESOLVERS: dict[str, Callable[[re.Match[str], dt.date | None], str | None]] = {
    "full": _full,
    "month_year": _month_year,
    "month_day": _month_day,
    "weekday": _weekday,
    "ago": _ago,
    "period": _period,
    "day_word": _day_word,
    "month": _month,
    "year": _year,
}
