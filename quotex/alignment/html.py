"""Renders an Alignment as a side-by-side HTML view or a plain-text table (no computation here)."""

from __future__ import annotations

import html as _html
from collections import defaultdict
from collections.abc import Callable

from quotex.alignment.models import Alignment, Member, QuoteGroup

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d1d1f;background:#fafafa}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
.qx-group{background:#fff;border:1px solid #ddd;border-radius:8px;margin:14px 0;padding:12px 14px}
.qx-head{font-weight:600;margin-bottom:8px}.qx-head small{font-weight:400;color:#666}
.qx-row{display:flex;flex-wrap:wrap;gap:10px;align-items:stretch}
.qx-miss{font-size:12px;color:#555;margin-top:4px}
.qx-col{flex:1 1 230px;max-width:440px;border:1px solid #e5e5e5;border-radius:6px;padding:8px;background:#fcfcfc}
.qx-col.qx-canon{border-color:#4a7bd0;background:#f3f7ff}
.qx-meta{font-size:12px;color:#555;margin-bottom:4px}.qx-meta b{color:#222}
.qx-text{white-space:pre-wrap}
.qx-tags{margin-top:6px;font-size:12px}
.qx-tag{display:inline-block;border-radius:10px;padding:0 7px;margin:2px 3px 0 0;background:#eee}
mark{padding:0 1px;border-radius:3px}
mark.substitution,.qx-tag.substitution{background:#ffd98a}
mark.paraphrase,.qx-tag.paraphrase{background:#d6c8ff}
mark.orthographic,.qx-tag.orthographic{background:#c9ecff}
mark.extension,.qx-tag.extension{background:#b9f0c1}
mark.truncation,.qx-tag.truncation{background:#ffc2c2;text-decoration:line-through}
mark.number_change,mark.date_change,.qx-tag.number_change,.qx-tag.date_change{background:#ff9f7a}
mark.unquoted,.qx-tag.unquoted{background:#f0e0a8}
.qx-tag.attribution_change{background:#ffb3e0}.qx-tag.identical{background:#dff5df}
table.qx{border-collapse:collapse;background:#fff;margin:6px 0}table.qx td,table.qx th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;font-size:14px}
.qx-bad{color:#b00020;font-weight:600}.qx-ok{color:#1b7f3b;font-weight:600}
.qx-legend mark{margin-right:6px}
"""


def _e(s: str) -> str:
    return _html.escape(s, quote=True)


def _highlight(text: str, base: int, spans: list[tuple[int, int, str]]) -> str:
    """``text`` (starting at doc offset ``base``) with the given doc spans wrapped in <mark>."""
    out, pos = [], 0
    for s, e, cls in sorted(spans):
        s, e = max(s - base, pos), min(e - base, len(text))
        if s >= e:
            continue
        out.append(_e(text[pos:s]))
        out.append(f'<mark class="{cls}">{_e(text[s:e])}</mark>')
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n // 2 - 1] + " … " + s[-(n // 2 - 2) :]


def group_html(g: QuoteGroup, name: Callable[[str], str] = str) -> str:
    """One group: a column per member, the canonical first-class, changed words highlighted.

    ``name`` turns a document id into what the reader sees ("Courier, 2025-06-12").
    """
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    canon = g.members[g.canonical]
    missing: dict[int, list[str]] = defaultdict(list)
    for d in g.drift:
        tags[d.member].append(d.type)
        if d.type == "truncation":  # missing words are listed under the member, struck through
            missing[d.member].append(d.from_)
        elif not d.detail.startswith("reported speech"):  # a whole claim highlighted says nothing
            for sp in d.doc_spans:
                marks[d.member].append((sp.start, sp.end, d.type))
    cols = []
    for i, m in enumerate(g.members):
        cls = "qx-col qx-canon" if i == g.canonical else "qx-col"
        spans = sorted(set(marks[i]))
        # keep marks from overlapping
        clean: list[tuple[int, int, str]] = []
        for s, e, c in spans:
            if clean and s < clean[-1][1]:
                continue
            clean.append((s, e, c))
        tag_html = "".join(
            f'<span class="qx-tag {t}">{_e(t)}</span>'
            for t in dict.fromkeys(tags[i] or (["canonical"] if i == g.canonical else []))
        )
        cols.append(
            f'<div class="{cls}"><div class="qx-meta"><b>{_e(name(m.doc))}</b> · {_e(m.kind)}'
            f"{' · ' + _e(m.speaker) if m.speaker else ''} · {m.start}–{m.end}</div>"
            f'<div class="qx-text">{_highlight(m.text, m.start, clean)}</div>'
            + "".join(
                f'<div class="qx-miss">missing: <mark class="truncation">{_e(_short(w))}</mark></div>'
                for w in missing[i]
            )
            + f'<div class="qx-tags">{tag_html}</div></div>'
        )
    details = "".join(
        f"<tr><td>{_e(name(d.doc))}</td><td>{_e(d.type)}</td><td>{_e(d.from_)}</td><td>{_e(d.to)}</td><td>{_e(d.detail)}</td></tr>"
        for d in g.drift
        if d.type != "identical"
    )
    table = (
        f'<details><summary>drift detail ({len(g.drift)})</summary><table class="qx"><tr><th>doc</th><th>type</th>'
        f"<th>from</th><th>to</th><th>detail</th></tr>{details}</table></details>"
        if details
        else ""
    )
    ndocs = len({m.doc for m in g.members})
    return (
        f'<div class="qx-group" id="{_e(g.id)}"><div class="qx-head">{_e(g.id)} · {_e(g.speaker or "unknown speaker")} '
        f"<small>{len(g.members)} members in {ndocs} documents; reference: {_e(name(canon.doc))}</small></div>"
        f'<div class="qx-row">{"".join(cols)}</div>{table}</div>'
    )


def _namer(a: Alignment) -> Callable[[str], str]:
    return lambda doc: a.article(doc).label


def _by_article(a: Alignment) -> list[tuple[str, list[Member]]]:
    by: dict[str, list[Member]] = defaultdict(list)
    for m in a.unmatched:
        by[m.doc].append(m)
    return list(by.items())


def body_html(a: Alignment) -> str:
    """The alignment without page chrome (for notebooks)."""
    legend = "".join(
        f'<mark class="{t}">{t}</mark>'
        for t in (
            "substitution",
            "paraphrase",
            "orthographic",
            "truncation",
            "extension",
            "number_change",
            "unquoted",
            "indirect",
            "negation_change",
        )
    )
    parts = [
        f'<div class="qx-root"><style>{_CSS}</style>',
        f"<h1>Alignment of {len(a.documents)} documents</h1>",
        f'<div class="qx-legend">{legend}</div>',
        f"<h2>Statements ({len(a.groups)})</h2>",
    ]
    parts += [group_html(g, _namer(a)) for g in a.groups]
    if a.unmatched:
        parts.append(f"<h2>Carried by one article only ({len(a.unmatched)})</h2>")
        for doc, members in _by_article(a):
            items = "".join(
                f"<li>{_e(m.kind)}{' · ' + _e(m.speaker) if m.speaker else ''}: “{_e(m.text)}”</li>" for m in members
            )
            parts.append(f"<h3>{_e(_namer(a)(doc))}</h3><ul>{items}</ul>")
    if a.facts:
        rows = "".join(
            f'<tr><td>{_e(f.about)}</td><td class="{"qx-ok" if f.consistent else "qx-bad"}">'
            f"{'consistent' if f.consistent else 'conflicting'}</td><td>{_e(f.value or '')}</td><td>"
            + "<br>".join(f"<b>{_e(_namer(a)(v.doc))}</b>: “{_e(v.text)}” = {_e(v.value)}" for v in f.variants)
            + f"</td><td>{_e(f.detail)}</td></tr>"
            for f in a.facts
        )
        parts.append(
            f'<h2>Facts ({len(a.facts)})</h2><table class="qx"><tr><th>about</th><th>status</th><th>value</th>'
            f"<th>variants</th><th>detail</th></tr>{rows}</table>"
        )
    if a.entities:
        rows = "".join(
            f"<tr><td>{_e(n.name)}</td><td>{_e(n.label)}</td><td>"
            + "<br>".join(f"{_e(v.text)} <small>({_e(', '.join(v.docs))})</small>" for v in n.variants)
            + f'</td><td class="{"qx-bad" if any("different_given_name" in f for f in n.flags) else ""}">'
            + "<br>".join(_e(f) for f in n.flags)
            + "</td></tr>"
            for n in a.entities
        )
        parts.append(
            f'<h2>Names ({len(a.entities)})</h2><table class="qx"><tr><th>name</th><th>label</th>'
            f"<th>spellings</th><th>flags</th></tr>{rows}</table>"
        )
    parts.append("</div>")
    return "".join(parts)


def to_html(a: Alignment, *, standalone: bool = True) -> str:
    """HTML for an Alignment: a full self-contained page, or a fragment for ``_repr_html_``."""
    body = body_html(a)
    if not standalone:
        return body
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>quotex alignment</title></head><body>{body}</body></html>"
    )


def write_html(a: Alignment, path: str) -> None:
    """Write the self-contained HTML page for ``a`` to ``path``."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(to_html(a))


def to_table(a: Alignment, *, width: int = 70) -> str:
    """Plain-text summary: one block per group with its drift, then facts and names."""

    def cut(s: str, n: int = width) -> str:
        s = " ".join(s.split())
        return s if len(s) <= n else s[: n - 1] + "…"

    name = _namer(a)
    lines: list[str] = []
    for g in a.groups:
        lines.append(f"{g.id}  speaker: {g.speaker or '?'}  members: {len(g.members)}")
        for i, m in enumerate(g.members):
            star = "*" if i == g.canonical else " "
            lines.append(f"  {star}[{i}] {cut(name(m.doc), 24):<24} {m.kind:<8} {cut(m.text)}")
        for d in g.drift:
            if d.type == "identical":
                continue
            what = f"{cut(d.from_, 30)!r} -> {cut(d.to, 30)!r}" if d.from_ or d.to else d.detail
            lines.append(f"      [{d.member}] {d.type:<18} {what}")
        lines.append("")
    if a.unmatched:
        lines.append("CARRIED BY ONE ARTICLE ONLY")
        for doc, members in _by_article(a):
            lines.append(f"  {name(doc)}")
            lines.extend(f"      {m.kind:<8} {cut(m.text)}" for m in members)
        lines.append("")
    if a.facts:
        lines.append("FACTS")
        for f in a.facts:
            status = "consistent" if f.consistent else "CONFLICTING"
            lines.append(f"  {f.about:<28} {status:<12} {f.value}")
            for v in f.variants:
                lines.append(f"      {cut(name(v.doc), 24):<24} {cut(v.text, 40)!r} = {v.value}")
        lines.append("")
    if a.entities:
        lines.append("NAMES")
        for n in a.entities:
            lines.append(f"  {n.name} ({n.label}): " + ", ".join(f"{v.text} [{len(v.docs)}]" for v in n.variants))
            for fl in n.flags:
                lines.append(f"      ! {fl}")
    return "\n".join(lines).rstrip() + "\n"
