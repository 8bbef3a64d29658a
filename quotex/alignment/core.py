"""``align``: groups, drift, facts and name variants across several outlets' Documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from quotex.alignment.drift import attribution, canonical_index, compare, meaning_and_form, unquoted_or_paraphrase
from quotex.alignment.groups import Options, cluster, inverse_frequencies
from quotex.alignment.items import Item, build_items
from quotex.alignment.models import Alignment, Article, Drift, Member, QuoteGroup
from quotex.alignment.subspans import narrow
from quotex.errors import AlignmentError, ConfigError, Errors
from quotex.results import Document

DEFAULT_QUOTE_KINDS = ("direct", "partial")
_OPTION_NAMES = tuple(f.name for f in dataclasses.fields(Options))


def _group_speaker(members: Sequence[Item]) -> tuple[str | None, str | None]:
    keys = Counter(m.skey for m in members if m.skey is not None and m.is_quote) or Counter(
        m.skey for m in members if m.skey is not None
    )
    if not keys:
        return None, None
    key = max(keys, key=lambda k: (keys[k], k))
    # the spelling most outlets use ("Friedrich Merz" over one outlet's "Friedrich Mertz"), then
    # the fullest form of it ("Friedrich Merz" over "Merz")
    outlets = Counter(n for _, n in {(m.doc, m.speaker) for m in members if m.skey == key and m.speaker})
    if not outlets:
        return key, None
    best = max(outlets, key=lambda n: (outlets[n], len(n), n))
    fuller = [n for n in outlets if n != best and n.endswith(" " + best)]
    return key, max(fuller, key=lambda n: (outlets[n], len(n), n)) if fuller else best


def _member(m: Item) -> Member:
    return Member(doc=m.doc, start=m.start, end=m.end, text=m.text, kind=m.kind, speaker=m.speaker, item=m.item_id)


def _reference(members: Sequence[Item], published: Mapping[str, dt.date | None]) -> int:
    """The reference member: the earliest published quote (claims only without a quote); among
    those, or without dates, the most common form, then the fullest."""
    dated = [i for i, m in enumerate(members) if published.get(m.doc) is not None]
    quotes = [i for i in dated if members[i].is_quote] or dated
    if not quotes:
        return canonical_index(members)
    first = min(published[members[i].doc] or dt.date.max for i in quotes)
    earliest = [i for i in quotes if published[members[i].doc] == first]
    return earliest[canonical_index([members[i] for i in earliest])]


def _attribution_summary(members: Sequence[Item]) -> str:
    # "attributed to Cohen by 5 outlets, to Kohn by 1": each outlet counted once per spelling
    by = Counter(sp for _, sp in {(m.doc, m.speaker) for m in members if m.speaker})
    if len(by) < 2:
        return ""
    parts = [f"{name} by {n} outlet{'s' if n > 1 else ''}" for name, n in by.most_common()]
    return "attributed to " + ", to ".join(parts)


def build_group(gid: str, members: Sequence[Item], published: Mapping[str, dt.date | None] | None = None) -> QuoteGroup:
    """A QuoteGroup with the drift of every member against the reference member.

    Args:
        gid: Group id.
        members: The group's items, in document order.
        published: Publication date of each document id, where known.

    Returns:
        The group; the canonical member itself gets no drift item.
    """
    ci = _reference(members, published or {})
    canon = members[ci]
    key, name = _group_speaker(members)
    summary = _attribution_summary(members)
    drift: list[Drift] = []
    for i, m in enumerate(members):
        if i != ci:
            drift.extend(compare(canon, m, i) if m.is_quote else unquoted_or_paraphrase(canon, m, i))
            drift.extend(meaning_and_form(canon, m, i))
        drift.extend(attribution(key, name, m, i, summary))
    return QuoteGroup(
        id=gid,
        speaker=name,
        canonical=ci,
        members=[_member(m) for m in members],
        drift=drift,
    )


def align(
    docs: Sequence[Document],
    *,
    quote_kinds: Sequence[str] = DEFAULT_QUOTE_KINDS,
    claims: bool = True,
    min_docs: int = 2,
    facts: bool = True,
    names: bool = True,
    **options: Any,
) -> Alignment:
    """Align the same statements, facts and names across several outlets' articles.

    Args:
        docs: Extracted documents, each with a unique ``id``.
        quote_kinds: Quote kinds taken into account (scare quotes and titles are not statements).
        claims: Also align reported-speech claims; they join the group of the quote they report.
        min_docs: Report a group only when its members come from at least this many documents.
        facts: Compare durations, counts, shares, dates and places across documents.
        names: Match person and organisation names across documents.
        **options: Thresholds of the pair rules, see :class:`quotex.alignment.groups.Options`.

    Returns:
        The Alignment: groups with drift, facts and name variants.

    Raises:
        AlignmentError: No documents, a duplicate id, or something that is not a Document.
        ConfigError: An unknown or invalid option.
    """
    if not docs:
        raise AlignmentError(Errors.E008)
    seen: set[str] = set()
    for i, d in enumerate(docs):
        if not isinstance(d, Document):
            raise AlignmentError(Errors.E103.format(type=type(d).__name__, index=i))
        if d.id in seen:
            raise AlignmentError(Errors.E101.format(id=d.id))
        seen.add(d.id)
    for k in options:
        if k not in _OPTION_NAMES:
            raise ConfigError(Errors.E102.format(name=k, options=", ".join(_OPTION_NAMES)))
    if min_docs < 1:
        raise ConfigError(Errors.E104.format(value=min_docs, name="min_docs", reason="must be >= 1"))
    opt = Options(**options)
    items = build_items(docs, quote_kinds=tuple(quote_kinds), use_claims=claims)
    groups = []
    unmatched: list[Item] = []
    idf = inverse_frequencies(items)
    for g in cluster(items, opt):
        members = [items[i] for i in g]
        if len({m.doc for m in members}) < min_docs or len(members) < 2:
            unmatched.extend(m for m in members if not m.is_sentence)
            continue
        # a long claim or sentence is represented by the part that states the group's statement
        members = [narrow(m, members, idf) for m in members]
        members.sort(key=lambda m: (m.doc_pos, m.start, not m.is_quote))
        groups.append(members)
    groups.sort(key=lambda ms: (-len({m.doc for m in ms}), ms[0].doc_pos, ms[0].start))
    published = {d.id: d.published for d in docs}
    out_groups = [build_group(f"g{n + 1}", ms, published) for n, ms in enumerate(groups)]
    unmatched.sort(key=lambda m: (m.doc_pos, m.start))
    out_facts = []
    out_names = []
    if facts:
        from quotex.alignment.facts import align_facts

        out_facts = align_facts(docs)
    if names:
        from quotex.alignment.names import align_names

        out_names = align_names(docs)
    return Alignment(
        documents=[d.id for d in docs],
        articles=[
            Article(id=d.id, outlet=d.outlet, published=d.published.isoformat() if d.published else None, url=d.url)
            for d in docs
        ],
        groups=out_groups,
        unmatched=[_member(m) for m in unmatched],
        facts=out_facts,
        entities=out_names,
    )
