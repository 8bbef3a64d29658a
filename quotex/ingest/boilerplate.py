"""Line-level recognition of page furniture in scraped news text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .metadata import load_data, parse_date_line

# Kinds of line that are page furniture wherever they stand.
FURNITURE_KINDS = frozenset(
    {
        "furniture",
        "section",
        "counter",
        "crumb",
        "date",
        "junk",
        "credit",
        "punct",
        "byline",
        "listed",
    }
)
# A line this long is a paragraph, not a menu entry, whatever else it looks like.
MAX_SHORT_CHARS = 80
# Lines up to this many words without sentence punctuation are menu items when outside the story.
HEAD_MAX_WORDS = 6
TAIL_MAX_WORDS = 30
HEADLINE_WORDS = (3, 30)

_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_SENTENCE_BREAK = re.compile(r"[a-z\d%)][.!?][\"'”’]?\s+[\"“‘]?[A-Z]")
_COUNTER = re.compile(
    r"[\d][\d,.]*\s?[KkMm]?\s*(?:{words})\w*|(?:like|follow|subscribe|share)s?\s*[\d,.]+[KkMm]?",
    re.IGNORECASE,
)
_CRUMB = re.compile(r"Home(?=[A-Z])|(?:Home|News)\s*[>»›/|]\s*\S")
_CRUMB_SEP = re.compile(r"\s[>»›]\s")
_CREDIT = re.compile(
    r"\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|photos?|images?|pictures?"
    r"|file\s+photo|photograph|(?:image\s+|photo\s+)?credits?)\b(?:\s+by\b|\s*[:/])"
    r"|[A-Z]{2,}(?:\s[A-Z]+)?/[A-Z][a-z]",
    re.IGNORECASE,
)
_GETTY = re.compile(r"(?:via\s+)?Getty\s+Images\)?$|\bAP\s+Photo\b|\bAFP\s+Photo\b")
_JUNK = re.compile(r"[_/\\=]|\.\w{2,4}\b|\d|VIEWIMAGE")
_BYLINE = re.compile(r"By\s+[A-Z]")
_DIGIT = re.compile(r"\d")
# "5 min read", "updated 3 hours ago" (matched on the normalised line)
_READ_TIME = re.compile(
    r"(?:(?:updated|published|posted)\s+)?\d+\s+(?:min(?:ute)?s?\s+read|(?:seconds?|minutes?|mins?"
    r"|hours?|hrs?|days?)\s+ago)"
)
_SECTION_INITIALS = frozenset("ELMPRSTYelmprsty")
_NORMALISE = re.compile(r"[\W_]+")
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with as and or but that which who whose than "
    "its his her their our your this these those".split()
)


@lru_cache(maxsize=1)
def _phrases() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data()
    phrases = frozenset(data["phrases"])
    prefixes = tuple(p + " " for p in data["prefixes"])
    sections = frozenset(data["section_headings"])
    counter = re.compile(
        _COUNTER.pattern.format(words="|".join(data["counter_words"])),
        re.IGNORECASE,
    )
    # "Latest newsThe Use of ...": a list heading glued to the first headline of the list.
    heads = "|".join(r"[\W_]*".join(map(re.escape, h.split())) for h in sorted(sections))
    glued = re.compile(rf"(?i:{heads})(?=[A-Z0-9“\"‘'])")
    return phrases, prefixes, sections, counter, glued


def normalise(line: str) -> str:
    """Lower-case a line and reduce punctuation and spacing to single spaces."""
    return _NORMALISE.sub(" ", line.lower()).strip()


@dataclass(frozen=True)
class Layout:
    """What each line of a text is.

    Attributes:
        lines: ``(start, end)`` of each line's content, whitespace stripped (equal for blank lines).
        kinds: Per line: "blank", "prose", "text", "headline", "cont" or a furniture kind.
        headline: Index of the headline line, or None.
        story_start: Offset of the first story paragraph (``len(text)`` if none).
    """

    lines: list[tuple[int, int]]
    kinds: list[str]
    headline: int | None
    story_start: int

    def listed_dates(self) -> frozenset[int]:
        """Indices of date lines that date other articles in a list, not this one."""
        out, previous = set(), ""
        for i, kind in enumerate(self.kinds):
            if kind == "blank":
                continue
            if kind == "date" and previous == "listed":
                out.add(i)
            previous = kind
        return frozenset(out)

    def spans(self) -> list[tuple[int, int]]:
        """The furniture lines as ``(start, end)`` ranges."""
        return [self.lines[i] for i, k in enumerate(self.kinds) if k in FURNITURE_KINDS]


def split_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's content without surrounding whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip()
        start = pos + len(raw) - len(stripped)
        end = start + len(stripped.rstrip())
        out.append((start, end))
        pos += len(raw) + 1
    return out


def _kind(line: str) -> str:
    """Classify one stripped line by its own features."""
    if not line:
        return "blank"
    phrases, prefixes, sections, counter, glued = _phrases()
    words = line.count(" ") + 1 if len(line) < 2000 else len(line.split())
    ends = bool(_SENTENCE_END.search(line[-8:]))
    if len(line) <= MAX_SHORT_CHARS:
        norm = normalise(line)
        if not norm:
            return "punct"
        if norm in sections:
            return "section"
        if norm in phrases or norm.startswith(prefixes) or _READ_TIME.fullmatch(norm):
            return "furniture"
        if line.startswith("©"):
            return "furniture"
        has_digit = _DIGIT.search(line) is not None
        if has_digit and counter.fullmatch(line):
            return "counter"
        if has_digit and parse_date_line(line):
            return "date"
        if " " not in line and len(line) >= 12 and _JUNK.search(line):
            return "junk"
        if not ends and _BYLINE.match(line) and words <= 8:
            return "byline"
    if len(line) <= 400:
        if line[0] in _SECTION_INITIALS and glued.match(line):
            return "section"
        if _CRUMB.match(line) or (not ends and len(_CRUMB_SEP.findall(line)) >= 2):
            return "crumb"
        photo = "Photo" in line or "Getty" in line
        if words <= 40 and (_CREDIT.match(line) or photo and _GETTY.search(line)):
            return "credit"
    if (words >= 8 and (ends or _SENTENCE_BREAK.search(line))) or words >= 25:
        return "prose"
    return "text"


def _words(line: str) -> int:
    return line.count(" ") + 1


def analyse(text: str) -> Layout:
    """Classify every line of a text as story, headline or furniture.

    Each line first gets a kind from its own features (furniture phrases from
    ``quotex/lexicons/boilerplate.json``, share counters, crumbs, date-only lines, image tags, credits).
    Then context decides the rest: runs of other articles' headlines with dates, lists under a
    "Related articles" heading, and short lines without sentence punctuation before the first or
    after the last story paragraph. The headline and hard-wrapped story lines are kept.

    Args:
        text: The article text, unchanged.

    Returns:
        The layout of the text.
    """
    lines = split_lines(text)
    strs = [text[s:e] for s, e in lines]
    kinds = [_kind(s) for s in strs]
    n = len(kinds)
    nonblank = [i for i in range(n) if kinds[i] != "blank"]

    # Other articles' headlines, each followed by its date: two such pairs make a list.
    pairs: list[int] = []
    for a, b in zip(nonblank, nonblank[1:], strict=False):
        if kinds[b] == "date" and kinds[a] in ("text", "prose") and _words(strs[a]) <= TAIL_MAX_WORDS:
            pairs.append(a)
    order = {i: p for p, i in enumerate(nonblank)}
    run: list[int] = []
    for a in pairs:
        if run and order[a] != order[run[-1]] + 2:
            _mark_run(kinds, run)
            run = []
        run.append(a)
    _mark_run(kinds, run)

    # A list heading ("Related articles") followed by at least two headline-like lines.
    for pos, i in enumerate(nonblank):
        if kinds[i] != "section":
            continue
        items = []
        for j in (nonblank[k] for k in range(pos + 1, len(nonblank))):
            if kinds[j] in FURNITURE_KINDS:
                continue
            if kinds[j] != "text" or _SENTENCE_END.search(strs[j]) or _words(strs[j]) > TAIL_MAX_WORDS:
                break
            items.append(j)
        if len(items) >= 2:
            for j in items:
                kinds[j] = "listed"

    # Hard-wrapped lines ("The" / "Kremlin said that ...") belong to the paragraph below.
    for a, b in zip(reversed(nonblank[:-1]), reversed(nonblank[1:]), strict=False):
        if b == a + 1 and kinds[a] == "text" and kinds[b] in ("prose", "cont"):
            last_word = strs[a].rsplit(None, 1)[-1].lower()
            if last_word in _FUNCTION_WORDS or strs[a][-1] in ",-–—" or strs[b][0].islower():
                kinds[a] = "cont"

    prose = [i for i in nonblank if kinds[i] == "prose"]
    headline: int | None = None
    if prose:
        first, last = prose[0], prose[-1]
        for i in nonblank:
            if i >= first:
                break
            if kinds[i] != "text":
                continue
            w = _words(strs[i])
            if headline is None and HEADLINE_WORDS[0] <= w <= HEADLINE_WORDS[1]:
                # "russia today -" is a source line, not a headline
                if not strs[i].endswith((".", "-", "–", "—", "|")) and not strs[i][0].islower():
                    headline = i
                    kinds[i] = "headline"
                    continue
            if w <= HEAD_MAX_WORDS and not _SENTENCE_END.search(strs[i]):
                kinds[i] = "furniture"
        for i in nonblank:
            if i > last and kinds[i] == "text" and _words(strs[i]) <= TAIL_MAX_WORDS:
                if not _SENTENCE_END.search(strs[i]):
                    kinds[i] = "furniture"
        story_start = lines[first][0]
    else:
        story_start = len(text)
    return Layout(lines=lines, kinds=kinds, headline=headline, story_start=story_start)


def _mark_run(kinds: list[str], run: list[int]) -> None:
    if len(run) >= 2:
        for i in run:
            kinds[i] = "listed"


def merge_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or are separated only by whitespace.

    Args:
        text: The text the spans index.
        spans: ``(start, end)`` ranges, any order.

    Returns:
        Sorted, non-overlapping, non-empty ranges within ``text``.
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and (start <= out[-1][1] or text[out[-1][1] : start].isspace()):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
