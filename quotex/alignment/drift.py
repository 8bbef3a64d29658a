"""Token-level drift of each group member against the group's most common form."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Indel, Levenshtein

from quotex.alignment.groups import find_sub
from quotex.alignment.items import Item
from quotex.alignment.models import CharSpan, Drift
from quotex.alignment.normalize import Token

_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
}
_NUMBER_RE = re.compile(r"^\d[\d,.:]*%?$")
_NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "half",
    "third",
    "quarter",
    "fifth",
    "dozen",
    "percent",
    "%",
}
PARAPHRASE_MIN_CHANGED = 3
PARAPHRASE_MIN_RATIO = 0.25
PARAPHRASE_MAX_COVER = 0.6


def canonical_index(members: Sequence[Item]) -> int:
    """Index of the most common form: most frequent word sequence among the quotes (claims only
    when there is no quote), ties to the longer form, then to the earlier document."""
    pool = [i for i, m in enumerate(members) if m.is_quote] or list(range(len(members)))
    counts = Counter(members[i].words for i in pool)
    return min(
        pool,
        key=lambda i: (
            -counts[members[i].words],
            -members[i].n,
            members[i].doc_pos,
            members[i].start,
        ),
    )


def _words(item: Item) -> list[Token]:
    return [t for t in item.tokens if t.key]


def _text(tokens: Sequence[Token], doc_text_of: Item) -> str:
    if not tokens:
        return ""
    base = doc_text_of.start
    return doc_text_of.text[tokens[0].start - base : tokens[-1].end - base]


def _spans(tokens: Sequence[Token]) -> list[CharSpan]:
    return [CharSpan(start=tokens[0].start, end=tokens[-1].end)] if tokens else []


def _local_window(a: Sequence[str], b: Sequence[str]) -> tuple[int, int, int, int]:
    """Smith-Waterman on word stems (match 2, mismatch/gap -1): best windows a[i0:i1], b[j0:j1]."""
    n, m = len(a), len(b)
    h = [[0] * (m + 1) for _ in range(n + 1)]
    best, bi, bj = 0, 0, 0
    for i in range(1, n + 1):
        ai, row, up = a[i - 1], h[i], h[i - 1]
        for j in range(1, m + 1):
            sc = max(0, up[j - 1] + (2 if ai == b[j - 1] else -1), up[j] - 1, row[j - 1] - 1)
            row[j] = sc
            if sc > best:
                best, bi, bj = sc, i, j
    if best == 0:
        return 0, 0, 0, 0
    i, j = bi, bj
    while i > 0 and j > 0 and h[i][j] > 0:
        if h[i][j] == h[i - 1][j - 1] + (2 if a[i - 1] == b[j - 1] else -1):
            i, j = i - 1, j - 1
        elif h[i][j] == h[i - 1][j] - 1:
            i -= 1
        else:
            j -= 1
    return i, bi, j, bj


def _kind_of_change(src: Sequence[Token], dst: Sequence[Token]) -> str:
    keys = [t.key for t in (*src, *dst)]
    if any(_NUMBER_RE.match(k) or k in _NUMBER_WORDS for k in keys):
        return "number_change"
    if any(k in _MONTHS for k in keys):
        return "date_change"
    return "substitution"


def _mk(
    kind: str,
    m: Item,
    idx: int,
    canon: Item,
    src: Sequence[Token],
    dst: Sequence[Token],
    detail: str,
) -> Drift:
    return Drift.model_validate(
        {
            "type": kind,
            "doc": m.doc,
            "member": idx,
            "from": _text(src, canon),
            "to": _text(dst, m),
            "detail": detail,
            "doc_spans": _spans(dst),
            "from_doc": canon.doc,
            "from_spans": _spans(src),
        }
    )


def _orthographic(canon: Item, m: Item, idx: int) -> list[Drift]:
    a = [t for t in canon.tokens]
    b = [t for t in m.tokens]
    # trailing/leading punctuation belongs to the reporting syntax ("...," he said)
    while a and a[-1].is_punct:
        a.pop()
    while b and b[-1].is_punct:
        b.pop()
    ops = Levenshtein.opcodes([t.text for t in a], [t.text for t in b])
    out = []
    for op in ops:
        if op.tag == "equal":
            continue
        src, dst = a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]
        what = "punctuation" if all(t.is_punct for t in (*src, *dst)) else "case, spelling or abbreviation"
        out.append(
            _mk(
                "orthographic",
                m,
                idx,
                canon,
                src,
                dst,
                f"{what}: {' '.join(t.text for t in src) or '∅'} -> {' '.join(t.text for t in dst) or '∅'}",
            )
        )
    return out or [_mk("orthographic", m, idx, canon, [], [], "surface form only")]


def _ops(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """Indel opcodes with each run of adjacent deletes/inserts merged into one block."""
    out: list[tuple[str, int, int, int, int]] = []
    block: list[int] | None = None
    for o in Indel.opcodes(list(a), list(b)):
        if o.tag == "equal":
            if block:
                out.append(("", block[0], block[1], block[2], block[3]))
                block = None
            out.append(("equal", o.src_start, o.src_end, o.dest_start, o.dest_end))
        elif block is None:
            block = [o.src_start, o.src_end, o.dest_start, o.dest_end]
        else:
            block[1], block[3] = o.src_end, o.dest_end
    if block:
        out.append(("", block[0], block[1], block[2], block[3]))
    return [
        (t or ("delete" if d0 == d1 else "insert" if s0 == s1 else "replace"), s0, s1, d0, d1)
        for t, s0, s1, d0, d1 in out
    ]


def compare(canon: Item, m: Item, idx: int) -> list[Drift]:
    """Drift items of member ``m`` (index ``idx`` in its group) against the canonical item.

    Args:
        canon: The group's most common form.
        m: The member compared.
        idx: Its index in the group.

    Returns:
        One or more drift items; ``identical`` when nothing changed.
    """
    if m.light == canon.light:
        return [_mk("identical", m, idx, canon, [], [], "same words and punctuation")]
    if m.words == canon.words:
        return _orthographic(canon, m, idx)
    a, b = _words(canon), _words(m)
    ak, bk = [t.key for t in a], [t.key for t in b]
    out: list[Drift] = []
    pos = find_sub(ak, bk)
    if pos >= 0:
        i0, i1, j0, j1 = pos, pos + len(bk), 0, len(bk)
    elif find_sub(bk, ak) >= 0:
        p = find_sub(bk, ak)
        i0, i1, j0, j1 = 0, len(ak), p, p + len(ak)
    elif abs(len(ak) - len(bk)) <= max(3, min(len(ak), len(bk)) // 2):
        i0, i1, j0, j1 = 0, len(ak), 0, len(bk)
    else:
        i0, i1, j0, j1 = _local_window([t.stem for t in a], [t.stem for t in b])
        if i1 == i0:
            return [_mk("paraphrase", m, idx, canon, a, b, "same statement, no words in common")]
        # the member's unmatched ends correspond to the canonical words next to the match
        i0, i1 = max(0, i0 - j0), min(len(a), i1 + len(b) - j1)
        j0, j1 = 0, len(b)
    if i0 > 0:
        out.append(_mk("truncation", m, idx, canon, a[:i0], [], f"{i0} word(s) missing at the start"))
    if i1 < len(a):
        out.append(_mk("truncation", m, idx, canon, a[i1:], [], f"{len(a) - i1} word(s) missing at the end"))
    if j0 > 0:
        out.append(_mk("extension", m, idx, canon, [], b[:j0], f"{j0} word(s) added at the start"))
    if j1 < len(b):
        out.append(_mk("extension", m, idx, canon, [], b[j1:], f"{len(b) - j1} word(s) added at the end"))
    wa, wb = a[i0:i1], b[j0:j1]
    ops = [op for op in _ops([t.key for t in wa], [t.key for t in wb]) if op[0] != "equal"]
    changed = sum(max(s1 - s0, d1 - d0) for _t, s0, s1, d0, d1 in ops)
    span = max(len(wa), len(wb), 1)
    inner: list[Drift] = []
    notes: list[str] = []
    for tag, s0, s1, d0, d1 in ops:
        src, dst = wa[s0:s1], wb[d0:d1]
        if tag == "delete":
            inner.append(_mk("truncation", m, idx, canon, src, [], "omitted inside the quote"))
            notes.append(f"-{_text(src, canon)}")
        elif tag == "insert":
            inner.append(_mk("extension", m, idx, canon, [], dst, "inserted inside the quote"))
            notes.append(f"+{_text(dst, m)}")
        else:
            kind = _kind_of_change(src, dst)
            notes.append(f"{_text(src, canon)} -> {_text(dst, m)}")
            if len(src) == len(dst):
                for x, y in zip(src, dst, strict=True):
                    if x.key == y.key:
                        continue
                    k = _kind_of_change([x], [y])
                    why = "same stem, other form" if x.stem == y.stem else "word replaced"
                    inner.append(_mk(k, m, idx, canon, [x], [y], why))
            else:
                inner.append(_mk(kind, m, idx, canon, src, dst, "words replaced"))
    matched = sum(s1 - s0 for t, s0, s1, _d0, _d1 in _ops([t.key for t in wa], [t.key for t in wb]) if t == "equal")
    low_cover = len(wb) >= 4 and matched / len(wb) < PARAPHRASE_MAX_COVER
    if low_cover or (changed >= PARAPHRASE_MIN_CHANGED and changed / span >= PARAPHRASE_MIN_RATIO):
        # many changes: one paraphrase item carrying the token detail; numbers and dates stay flagged
        keep = [d for d in inner if d.type in {"number_change", "date_change"}]
        out.append(
            _mk(
                "paraphrase",
                m,
                idx,
                canon,
                wa,
                wb,
                "different wording or translation: " + "; ".join(notes),
            )
        )
        out.extend(keep)
    else:
        out.extend(inner)
    if not out:
        out.append(_mk("orthographic", m, idx, canon, [], [], "surface form only"))
    return out


def unquoted_or_paraphrase(canon: Item, m: Item, idx: int) -> list[Drift]:
    """Drift of a claim member: the canonical words without quotation marks, or reported speech."""
    if not canon.is_quote:
        return compare(canon, m, idx)
    wb = _words(m)
    ak = [t.key for t in _words(canon)]
    pos = find_sub([t.key for t in wb], ak) if len(ak) >= 3 else -1
    if pos >= 0:
        hit = wb[pos : pos + len(ak)]
        # some of the words still in quotation marks ('do "whatever it takes"'): reported speech
        if not any(s < hit[-1].end and hit[0].start < e for s, e in m.quoted):
            return [
                _mk(
                    "unquoted",
                    m,
                    idx,
                    canon,
                    _words(canon),
                    hit,
                    "the quoted words appear without quotation marks",
                )
            ]
    return [
        _mk(
            "paraphrase",
            m,
            idx,
            canon,
            _words(canon),
            wb,
            "reported speech (claim) of the statement",
        )
    ]


#: word keys that negate a clause (apostrophes are folded: "don't" -> dont)
NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "cannot"}
    | {"dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "cant", "couldnt"}
    | {"shouldnt", "hasnt", "havent", "hadnt", "mustnt"}
)


def meaning_and_form(canon: Item, m: Item, idx: int) -> list[Drift]:
    """How a member renders the statement beyond its words: indirectly, in part, or with the
    opposite meaning (a negation lost or added)."""
    out: list[Drift] = []
    if canon.is_quote and not m.is_quote and find_sub(m.words, canon.words) < 0:  # else: unquoted
        why = "reported speech" if m.kind == "claim" else "printed without quotation marks"
        out.append(_mk("indirect", m, idx, canon, [], [], f"indirect rendering: {why}"))
    if m.kind == "partial" and m.n < canon.n:
        out.append(_mk("partial", m, idx, canon, [], [], f"{m.n} of {canon.n} words quoted"))
    neg_c = NEGATIONS.intersection(canon.words)
    neg_m = NEGATIONS.intersection(m.words)
    # a partial quote may leave the negation outside its marks: only a full rendering can lose it
    if bool(neg_c) != bool(neg_m) and (neg_m or m.kind != "partial"):
        src = [t for t in _words(canon) if t.key in neg_c]
        dst = [t for t in _words(m) if t.key in neg_m]
        what = "negation lost" if neg_c else "negation added"
        out.append(_mk("negation_change", m, idx, canon, src, dst, f"meaning change: {what}"))
    return out


def attribution(group_key: str | None, group_name: str | None, m: Item, idx: int, summary: str = "") -> list[Drift]:
    """An attribution_change item when the member's speaker differs from the group's.

    ``summary`` ("attributed to Cohen by 5 outlets, to Kohn by 1") is appended to the detail.
    """
    if group_key is None or m.skey == group_key:
        return []
    detail = "speaker not named here" if m.skey is None else "attributed to a different speaker"
    if summary:
        detail = f"{detail}; {summary}"
    return [
        Drift.model_validate(
            {
                "type": "attribution_change",
                "doc": m.doc,
                "member": idx,
                "from": group_name or "",
                "to": m.speaker or "",
                "detail": detail,
            }
        )
    ]
