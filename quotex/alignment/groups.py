"""Verifies candidate pairs and clusters items into statement groups (constrained single linkage)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from quotex.alignment import semantic
from quotex.alignment.candidates import candidate_pairs
from quotex.alignment.items import Item, quoted_phrases, same_speaker
from quotex.alignment.lexical import coverage, kept
from quotex.alignment.normalize import stem

# Edge scores: higher edges are merged first, so a weak edge can never pull an item away from a
# group it matches better. Values are ranks more than probabilities.
IDENTICAL = 1.0
CONTAINED = 0.9
CONTAINED_OTHER_SPEAKER = 0.8
CONTAINED_ONE_WORD = 0.7
NEAR_COPY = 0.85
PARTIAL_PAIR = 0.45
PARTIAL_IN_QUOTE = 0.36
CLAIM_OWN_QUOTE = 0.95
SOFT = 0.2
SEMANTIC = 0.1


@dataclass(frozen=True)
class Options:
    """Thresholds of the pair rules (see docs/alignment.md)."""

    min_shared: int = 3
    min_overlap: float = 0.5
    min_context_support: int = 2
    short_partial: int = 3
    claim_min_shared: int = 4
    claim_min_overlap: float = 0.6
    min_other_speaker_words: int = 6
    min_weighted_overlap: float = 0.6
    min_paraphrase_support: int = 3
    near_copy_changes: float = 0.2
    max_df: int = 300
    soft_min_exact: int = 2
    soft_min_exact_share: float = 0.4
    soft_containment: float = 0.65
    soft_min_longer: float = 0.35
    soft_partial: float = 0.9
    soft_short: int = 3
    soft_same_speaker: float = 0.1
    soft_other_speaker: float = 0.1
    soft_number: float = 0.1
    semantic_min_cosine: float = 0.7
    semantic_min_kept: int = 2
    semantic_min_share: float = 0.3


def find_sub(longer: Sequence[str], shorter: Sequence[str]) -> int:
    """Position of ``shorter`` as a contiguous run inside ``longer``, else -1."""
    n, m = len(longer), len(shorter)
    if m == 0 or m > n:
        return -1
    first = shorter[0]
    for i in range(n - m + 1):
        if longer[i] == first and tuple(longer[i : i + m]) == tuple(shorter):
            return i
    return -1


#: '"We agreed to meet," he told TV. "The ball is in their court."': at most this many
#: characters of cue between two quotes of one speaker that another outlet quotes as one
SPLIT_QUOTE_GAP = 80
#: fragments of one statement quoted in one article: at most this many characters apart, and each
#: found (this share of its lemmas, derived forms counted as kept) in one quote of another article
FRAGMENT_GAP = 150
FRAGMENT_COVER = 0.8


def _related_in_doc(a: Item, b: Item) -> bool:
    # inside one article, two quotes are one statement only if one repeats the other's words,
    # or if they are the two halves of one statement split by its cue
    if a.words == b.words:
        return True
    if a.is_sentence or b.is_sentence:
        # a headline or sentence may restate a quote of its own article; two sentences are two
        # statements unless both quote the same phrase (a headline and its lede)
        return a.is_sentence != b.is_sentence or not quoted_phrases(a.text).isdisjoint(quoted_phrases(b.text))
    first, second = (a, b) if a.start <= b.start else (b, a)
    split = (
        a.kind == b.kind == "direct"
        and a.item_id != b.item_id  # two sentences of one quotation are two statements
        and 0 <= second.start - first.end <= SPLIT_QUOTE_GAP
    )
    if split and a.skey is not None and same_speaker(a, b):
        return True
    s, lg = (a, b) if a.n <= b.n else (b, a)
    return find_sub(lg.words, s.words) >= 0


def near_copy(a: Item, b: Item, opt: Options) -> bool:
    """Same words in the same order except for a few content words (one word swapped)."""
    if min(len(a.content), len(b.content)) < opt.min_shared:
        return False
    stop = a.content | b.content
    changed_a = changed_b = 0
    for op in Indel.opcodes(list(a.words), list(b.words)):
        if op.tag != "equal":
            changed_a += sum(1 for t in a.words[op.src_start : op.src_end] if stem(t) in stop)
            changed_b += sum(1 for t in b.words[op.dest_start : op.dest_end] if stem(t) in stop)
    limit = max(1.0, opt.near_copy_changes * max(len(a.content), len(b.content)))
    return max(changed_a, changed_b) <= limit


def _weighted_overlap(a: frozenset[str], b: frozenset[str], idf: dict[str, float] | None) -> float:
    # overlap coefficient with rare words counting more: two statements of one speaker that share
    # only stock phrases ("within two years") are not the same statement
    if idf is None:
        return 1.0
    wa = sum(idf.get(x, 1.0) for x in a)
    wb = sum(idf.get(x, 1.0) for x in b)
    ws = sum(idf.get(x, 1.0) for x in a & b)
    return ws / min(wa, wb) if wa and wb else 0.0


def quote_score(a: Item, b: Item, opt: Options, idf: dict[str, float] | None = None) -> float:
    """Edge score between two quotes (0 means no edge).

    Args:
        a: A quote item.
        b: Another quote item.
        opt: Thresholds.

    Returns:
        A score in [0, 1]; see the module constants for what each level means.
    """
    if a.doc == b.doc and a.start == b.start and a.end == b.end:
        return 0.0
    same = same_speaker(a, b)
    differ = a.skey is not None and b.skey is not None and not same
    if a.words == b.words:
        # a short phrase in two speakers' mouths ("after the election") is not one statement
        return IDENTICAL if not differ or a.n >= opt.min_other_speaker_words else 0.0
    s, lg = (a, b) if a.n <= b.n else (b, a)
    if s.content and find_sub(lg.words, s.words) >= 0:
        if s.n >= 2:
            if differ:
                return CONTAINED_OTHER_SPEAKER if s.n >= opt.min_other_speaker_words else 0.0
            return CONTAINED
        if same and len((s.context & lg.context) - s.content) >= 1:
            return CONTAINED_ONE_WORD
        return 0.0
    if a.doc == b.doc or not same:
        return 0.0
    shared = a.content & b.content
    if not shared:
        return 0.0
    oc = len(shared) / min(len(a.content), len(b.content))
    support = len((a.context & b.context) - shared)
    if near_copy(a, b, opt):
        return NEAR_COPY
    if (
        len(shared) >= opt.min_shared
        and oc >= opt.min_overlap
        and (
            support >= opt.min_paraphrase_support
            or _weighted_overlap(a.content, b.content, idf) >= opt.min_weighted_overlap
        )
    ):
        return 0.5 + 0.4 * oc
    if support < opt.min_context_support:
        return 0.0
    short_a = a.kind == "partial" and len(a.content) <= opt.short_partial
    short_b = b.kind == "partial" and len(b.content) <= opt.short_partial
    if short_a and short_b and oc >= opt.min_overlap:
        return PARTIAL_PAIR + 0.04 * min(support, 5) / 5
    if short_a != short_b:
        part = a if short_a else b
        if len(shared) / len(part.content) >= 0.3:
            return PARTIAL_IN_QUOTE
    return 0.0


def soft_score(a: Item, b: Item, opt: Options, idf: dict[str, float]) -> float:
    """Edge score of two items of different articles from their content lemmas, order-tolerant.

    The shorter item's content must be found in the longer one (a partial quote, an indirect
    rendering) and, unless it is short, enough of the longer one's in it (a paraphrase, not a topic
    shared by two statements). The speaker is evidence, not a gate: the same speaker lowers the bar,
    two different named speakers raise it.
    """
    if a.doc == b.doc or not a.lemmas or not b.lemmas:
        return 0.0
    # the shorter side; a tie is broken by position, never by the order the pair came in
    s, lg = (a, b) if (len(a.lemmas), a.doc, a.start) <= (len(b.lemmas), b.doc, b.start) else (b, a)
    kept_words = sum(kept(x, lg.lemmas) for x in s.lemmas)
    if kept_words < min(opt.soft_min_exact, len(s.lemmas)):
        return 0.0
    if coverage(s.lemmas, lg.lemmas, idf, kept_only=True) < opt.soft_min_exact_share:
        return 0.0  # a rewording keeps some of its words: the thesaurus is not asked for the rest
    cs = coverage(s.lemmas, lg.lemmas, idf)
    cl = coverage(lg.lemmas, s.lemmas, idf)
    short = len(s.lemmas) <= opt.soft_short
    penalty = _other_speaker(a, b, opt, short=short)
    if penalty is None:
        return 0.0
    bonus = opt.soft_same_speaker if same_speaker(a, b) else -penalty
    if a.numbers & b.numbers:
        bonus += opt.soft_number  # a shared number anchors a reworded report
    sim = cs + bonus
    if sim < opt.soft_containment or (not short and cl + bonus < opt.soft_min_longer and cs < opt.soft_partial):
        return 0.0
    return SOFT + 0.1 * min(1.0, (cs + cl) / 2)


def _other_speaker(a: Item, b: Item, opt: Options, *, short: bool) -> float | None:
    # how much two different named speakers raise the bar: two full names that differ are strong
    # evidence; a bare word ("Instagram", "Noting") is often an attribution error
    if a.skey is None or b.skey is None or same_speaker(a, b):
        return 0.0
    if short and a.skey != b.skey:
        return None  # a short phrase in two speakers' mouths is not one statement
    full = a.given and b.given and a.skey != b.skey
    return opt.soft_other_speaker * (3 if full else 1)


def _meaning_may_join(a: Item, b: Item, opt: Options) -> bool:
    # the meaning tier's speaker and form gates, before any vector is computed: two articles;
    # narration only as for the lemma score; two people named in full (also two given names under
    # one surname) and a short phrase under two speakers are two statements; a bare word as
    # speaker is no evidence here ("Turkey" / "Erdogan" for one death toll)
    if a.doc == b.doc or (a.is_sentence and b.is_sentence and not _speech(a, b)):
        return False
    if _other_speaker(a, b, opt, short=min(len(a.lemmas), len(b.lemmas)) <= opt.soft_short) is None:
        return False
    return a.skey is None or b.skey is None or same_speaker(a, b) or not (a.given and b.given)


def claim_score(c: Item, o: Item, opt: Options, idf: dict[str, float] | None = None) -> float:
    """Edge score between a claim and a quote or another claim (0 means no edge)."""
    if c.doc == o.doc:
        if o.is_quote and o.item_id in c.inside:
            return CLAIM_OWN_QUOTE
        return 0.0
    if c.skey is not None and o.skey is not None and not same_speaker(c, o):
        return 0.0
    if c.words == o.words:
        return IDENTICAL
    s, lg = (c, o) if c.n <= o.n else (o, c)
    if s.n >= opt.min_other_speaker_words and find_sub(lg.words, s.words) >= 0:
        return CONTAINED
    shared = c.content & o.content
    if len(shared) < opt.claim_min_shared:
        return 0.0
    oc = len(shared) / min(len(c.content), len(o.content))
    if _weighted_overlap(c.content, o.content, idf) < opt.min_weighted_overlap:
        return 0.0
    return 0.5 + 0.4 * oc if oc >= opt.claim_min_overlap else 0.0


class _Clusters:
    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.parent = list(range(len(items)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
        self.has_quote = [it.is_quote for it in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, ra: int, rb: int) -> bool:
        by_doc: dict[str, list[Item]] = defaultdict(list)
        pieces = set()
        for i in self.members[ra]:
            it = self.items[i]
            if it.is_quote or it.is_sentence:
                by_doc[it.doc].append(it)
            else:
                pieces.add((it.doc, it.item_id))
        for j in self.members[rb]:
            y = self.items[j]
            if not (y.is_quote or y.is_sentence):
                # the clauses of one claim are its reports of two statements ("said X and that Y")
                if (y.doc, y.item_id) in pieces:
                    return False
                continue
            for x in by_doc.get(y.doc, ()):
                if not _related_in_doc(x, y) and not self._fragments(x, y, ra, rb):
                    return False
        return True

    def _fragments(self, x: Item, y: Item, ra: int, rb: int) -> bool:
        # 'jokes at his expense are "part of the job", but ... "was too much for me to bear"': one
        # article quotes a statement in fragments, close together, that another article quotes whole
        first, second = (x, y) if x.start <= y.start else (y, x)
        if "partial" not in (x.kind, y.kind) or not 0 <= second.start - first.end <= FRAGMENT_GAP:
            return False
        if x.skey is not None and y.skey is not None and not same_speaker(x, y):
            return False
        return any(
            o.doc != x.doc
            and coverage(x.lemmas, o.lemmas, kept_only=True) >= FRAGMENT_COVER
            and coverage(y.lemmas, o.lemmas, kept_only=True) >= FRAGMENT_COVER
            for o in (self.items[i] for i in (*self.members[ra], *self.members[rb]))
        )

    def union(self, a: int, b: int, *, allow_quote_bridge: bool, own_quote: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not allow_quote_bridge and self.has_quote[ra] and self.has_quote[rb]:
            return False  # a claim never joins two quote groups together
        if not self.compatible(ra, rb):
            return False
        # a claim and a quote inside it that no other quote joined are one unit: it may still join
        # one quote group ('his conduct was "unacceptable"' beside the statement it reports)
        lone = own_quote and len(self.members[rb]) == 1
        quoted = self.has_quote[ra] if lone else self.has_quote[ra] or self.has_quote[rb]
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.has_quote[ra] = quoted
        return True


def inverse_frequencies(items: Sequence[Item]) -> dict[str, float]:
    """Smoothed inverse frequency log(1 + N / df) of every content stem (N = number of items).

    The smoothing keeps words shared by every item of a small set from weighing nothing.
    """
    df: Counter[str] = Counter()
    for it in items:
        df.update(it.content | it.lemmas)
    n = max(len(items), 2)
    return {w: math.log1p(n / c) for w, c in df.items()}


def cluster(items: Sequence[Item], opt: Options) -> list[list[int]]:
    """Group items that state the same thing.

    Quotes are clustered first (highest edges first, never joining two quotes of one document
    unless one repeats the other); claims then join at most one quote group each, or form groups of
    their own.

    Args:
        items: Prepared items.
        opt: Thresholds.

    Returns:
        Lists of item indices, one per group (singletons included), in item order.
    """
    qedges: list[tuple[float, int, int]] = []
    cedges: list[tuple[float, int, int]] = []
    own: set[tuple[int, int]] = set()  # (claim, quote inside it)
    for sc, i, j in _edges(items, opt):
        (qedges if items[i].is_quote and items[j].is_quote else cedges).append((sc, i, j))
    # a claim and the quotes inside it share a document, so the index may not pair them
    by_key = {(it.doc, it.item_id): it.idx for it in items if it.is_quote}
    for it in items:
        if not it.is_quote:
            for qid in it.inside:
                q = by_key.get((it.doc, qid))
                if q is not None:
                    w = len(items[q].content) + len(items[q].text) / 1000
                    cedges.append((CLAIM_OWN_QUOTE + 0.001 * w / (1 + w), it.idx, q))
                    own.add((it.idx, q))
    cl = _Clusters(items)
    for _sc, i, j in sorted(qedges, key=lambda e: (-e[0], e[1], e[2])):
        cl.union(i, j, allow_quote_bridge=True)
    for _sc, i, j in sorted(cedges, key=lambda e: (-e[0], e[1], e[2])):
        cl.union(i, j, allow_quote_bridge=False, own_quote=(i, j) in own)
    groups: dict[int, list[int]] = defaultdict(list)
    for it in items:
        groups[cl.find(it.idx)].append(it.idx)
    return [sorted(g) for g in groups.values()]


def pair_score(a: Item, b: Item, opt: Options, idf: dict[str, float]) -> float:
    """Edge score of any two items: the rules of quotes and claims first, then the lemma score.

    Unquoted sentences pair with a quote or claim of another article, and with each other only in
    the first person.
    """
    if a.is_sentence and b.is_sentence:
        return soft_score(a, b, opt, idf) if _speech(a, b) else 0.0
    if a.is_sentence or b.is_sentence:
        sc = 0.0
    elif a.is_quote and b.is_quote:
        sc = quote_score(a, b, opt, idf)
    else:
        sc = claim_score(b, a, opt, idf) if a.is_quote else claim_score(a, b, opt, idf)
    return sc or soft_score(a, b, opt, idf)


def iter_edges_debug(items: Sequence[Item], opt: Options) -> Iterable[tuple[float, Item, Item]]:
    """Every verified edge, for inspection in notebooks and tests."""
    for sc, i, j in _edges(items, opt):
        yield sc, items[i], items[j]


def _speech(a: Item, b: Item) -> bool:
    # narration shared by two outlets is not a statement; words printed without quotation marks
    # are when both are in the first person, or both report speech
    return (a.first_person and b.first_person) or (a.reported and b.reported)


def _edges(items: Sequence[Item], opt: Options) -> list[tuple[float, int, int]]:
    # the rules and the lemma score first; the pairs they reject that kept enough of their words
    # are asked for their meaning (a re-translation, a spun copy), all embedded in one batch
    idf = inverse_frequencies(items)
    edges: list[tuple[float, int, int]] = []
    ask: list[tuple[int, int]] = []
    names: dict[int, frozenset[str]] = {}

    def named(k: int) -> frozenset[str]:
        if k not in names:
            names[k] = semantic.names(items[k])
        return names[k]

    for i, j in candidate_pairs(items, max_df=opt.max_df):
        a, b = items[i], items[j]
        sc = pair_score(a, b, opt, idf)
        if sc > 0:
            edges.append((sc, i, j))
        elif (
            opt.semantic_min_cosine <= 1.0
            and _meaning_may_join(a, b, opt)
            and semantic.worth_asking(
                a, b, named(i), named(j), idf, min_kept=opt.semantic_min_kept, min_share=opt.semantic_min_share
            )
        ):
            ask.append((i, j))
    for (i, j), cos in zip(ask, semantic.cosines(items, ask), strict=True):
        if cos >= opt.semantic_min_cosine:
            edges.append((SEMANTIC + 0.05 * cos, i, j))
    return edges
