"""Idempotent canonicalisation of quote text and word keys for cross-outlet comparison."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from quotex.lexicons import read

# words with internal dots/hyphens/apostrophes stay one token: P.M., U.S., well-wishing, Trump's
_TOKEN_RE = re.compile(
    r"\d+(?:[.,:]\d+)*%?"  # 1:00, 4.6, 1,800, 90%
    r"|(?:[^\W\d_]\.){2,}"  # P.M. U.S. (abbreviation with trailing dot)
    r"|[^\W_]+(?:[-'’][^\W_]+)*"  # words
    r"|%|&"
    r"|[^\w\s]",  # punctuation, one char each
    re.UNICODE,
)
_WS_RE = re.compile(r"\s+")
_PUNCT_RE = re.compile(r"^[^\w%&]+$", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """One token of a text: its surface form, character offsets and comparison keys."""

    text: str
    start: int
    end: int
    key: str
    stem: str

    @property
    def is_punct(self) -> bool:
        """True for punctuation tokens, which never count as word changes."""
        return not self.key


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord(k): v for k, v in read("quote_marks.json")["fold"].items()}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words ignored when comparing content."""
    return frozenset(read("stopwords.json")["words"])


@lru_cache(maxsize=1)
def _spelling() -> dict[str, str]:
    return dict(read("spelling.json")["variants"])


def fold(text: str) -> str:
    """NFKC-normalise and fold quotation marks, apostrophes, dashes and ellipses to ASCII.

    Offsets are not preserved when NFKC changes lengths; callers that need offsets tokenize the
    raw text and fold each token.

    Args:
        text: Any text.

    Returns:
        The folded text; ``fold(fold(t)) == fold(t)``.
    """
    return unicodedata.normalize("NFKC", text).translate(_fold_table())


def normalize_text(text: str) -> str:
    """Canonical surface form: folded, whitespace collapsed, stripped. Idempotent.

    Args:
        text: Quote or claim text.

    Returns:
        The text as it is compared for "identical".
    """
    return _WS_RE.sub(" ", fold(text)).strip()


@lru_cache(maxsize=200_000)
def word_key(surface: str) -> str:
    """Lower-case comparison key of one token; "" for punctuation.

    Dots in abbreviations go (``P.M.`` -> ``pm``), apostrophes fold, known spelling variants map to
    one form (``colour`` -> ``color``), so differences left after keying are changes of words.

    Args:
        surface: The token as written.

    Returns:
        The key, idempotent: ``word_key(word_key(w)) == word_key(w)``.
    """
    folded = fold(surface).lower()
    if _PUNCT_RE.match(folded):
        return "%" if folded in {"%"} else ("and" if folded == "&" else "")
    key = folded.replace(".", "").replace("'", "")
    if key.endswith("%") and key[:-1].replace(",", "").isdigit():
        return key
    return _spelling().get(key, key)


# light suffix stripping: enough to match prolong/prolongation, leads/lead, ending/end
_SUFFIXES = tuple(
    sorted(
        (
            "ational",
            "ations",
            "ation",
            "itions",
            "ition",
            "ments",
            "ment",
            "ness",
            "ingly",
            "ings",
            "ing",
            "edly",
            "ies",
            "ied",
            "ed",
            "ers",
            "er",
            "ly",
            "es",
            "s",
            "ians",
            "ian",
            "ia",
        ),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """Crude, deterministic stem of a word key (no model needed).

    Args:
        key: A word key from :func:`word_key`.

    Returns:
        The stem; at least three characters of the key are always kept.
    """
    if not key or not key.isalpha() or len(key) <= 4:
        return key
    for suf in _SUFFIXES:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            base = key[: -len(suf)]
            if suf in {"ies", "ied"}:
                base += "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiousl":
                base = base[:-1]  # stopped -> stop
            if base.endswith("e") and len(base) > 4:
                base = base[:-1]
            return base
    if key.endswith("e") and len(key) > 4:
        return key[:-1]
    return key


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into tokens with offsets (shifted by ``offset``) and keys.

    Args:
        text: Raw text, e.g. a quote's text.
        offset: Added to every token's start and end (the quote's start in its document).

    Returns:
        Tokens in order, punctuation included (with empty keys).
    """
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        key = word_key(m.group())
        out.append(Token(m.group(), m.start() + offset, m.end() + offset, key, stem(key)))
    return out


def keys(text: str) -> tuple[str, ...]:
    """Word keys of a text, punctuation dropped: the "same words" identity of a quote."""
    return tuple(t.key for t in tokenize(text) if t.key)


def content_stems(tokens: list[Token]) -> frozenset[str]:
    """Stems of the content words (stopwords and punctuation dropped)."""
    stop = stopwords()
    return frozenset(t.stem for t in tokens if t.key and t.key not in stop)


def light_form(text: str) -> str:
    """Surface form used to call two quotes identical: folded, spaces collapsed, boundary punctuation
    dropped (a trailing comma before "he said" is syntax, not the speaker's words)."""
    s = normalize_text(text)
    return s.strip(" ,;:.!?\"'-")
