"""Scoring extraction against a gold file: quote, speaker and claim precision, recall and F1.

The gold format is that of ``shared/eval/seeds/gold.json``: ``documents[]`` with ``quotes``
and ``claims`` (offsets, kind, canonical speaker) and ``speaker_aliases``. Spans match
one-to-one at IoU >= 0.5 after trimming punctuation and quotation marks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quotex.errors import Errors, InputError
from quotex.extract.paragraphs import trim_span
from quotex.extract.speakers import fold
from quotex.results import Document

PUNCT = " \t\n\r,.;:!?\"'“”‘’«»—–-()[]"
SCORED_KINDS = ("direct", "partial")
_NAME_NOISE = {"the", "mr", "mrs", "ms", "dr", "president", "s"}


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match_spans(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    text: str,
    threshold: float = 0.5,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold and predicted spans by IoU, best pairs first."""
    candidates = []
    for gi, g in enumerate(gold):
        gs = trim_span(text, g["start"], g["end"], PUNCT)
        for pi, p in enumerate(pred):
            v = _iou(gs, trim_span(text, p["start"], p["end"], PUNCT))
            if v >= threshold:
                candidates.append((v, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _fold(name: str | None) -> list[str]:
    return [w for w in re.sub(r"[^a-z ]", " ", fold(name or "")).split() if w not in _NAME_NOISE]


def same_speaker(pred: str | None, gold: str | None, aliases: Mapping[str, Sequence[str]]) -> bool:
    """Whether a predicted speaker name names the gold speaker (aliases and surnames count)."""
    p = _fold(pred)
    if not p or not gold:
        return False
    for candidate in [gold, *aliases.get(gold, [])]:
        g = _fold(candidate)
        if g and (p == g or p[-1] == g[-1] or " ".join(g) in " ".join(p) or " ".join(p) in " ".join(g)):
            return True
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def score(
    gold_docs: Sequence[Mapping[str, Any]],
    predicted: Mapping[str, Document],
    texts: Mapping[str, str],
    aliases: Mapping[str, Sequence[str]] | None = None,
    *,
    by_sieve: bool = False,
) -> dict[str, Any]:
    """Score predicted Documents against gold documents.

    Args:
        gold_docs: Gold documents (``id``, ``quotes``, ``claims``).
        predicted: Predicted Document per id.
        texts: Article text per id (the offsets' reference).
        aliases: Canonical speaker -> accepted names.
        by_sieve: Also return ``by_sieve``: per pass ("mention", "entity") and sieve, the
            attributions it made on matched quotes and claims with a gold speaker and how many
            were right.

    Returns:
        ``quotes``, ``quotes_with_speaker`` and ``claims`` (each p/r/f1), ``claims_with_speaker``,
        ``speaker_accuracy`` on matched quotes, and the counts behind them.
    """
    aliases = aliases or {}
    sieves: dict[str, dict[str, dict[str, int]]] = {"mention": {}, "entity": {}}
    n = dict(q_gold=0, q_pred=0, q_tp=0, q_spk=0, q_matched=0, c_gold=0, c_pred=0, c_tp=0, c_spk=0)
    for gold in gold_docs:
        doc = predicted.get(gold["id"])
        text = texts[gold["id"]]
        gq = [q for q in gold["quotes"] if q["kind"] in SCORED_KINDS]
        pq = [q.model_dump() for q in doc.quotes if q.kind in SCORED_KINDS] if doc else []
        pc = [c.model_dump() for c in doc.claims] if doc else []
        n["q_gold"] += len(gq)
        n["q_pred"] += len(pq)
        for gi, pi in match_spans(gq, pq, text):
            n["q_tp"] += 1
            if gq[gi].get("speaker"):
                n["q_matched"] += 1
                name = (pq[pi].get("speaker") or {}).get("name")
                right = same_speaker(name, gq[gi]["speaker"], aliases)
                n["q_spk"] += right
                _tally(sieves, pq[pi].get("speaker"), right)
        gc = gold.get("claims", [])
        n["c_gold"] += len(gc)
        n["c_pred"] += len(pc)
        for gi, pi in match_spans(gc, pc, text):
            n["c_tp"] += 1
            name = (pc[pi].get("speaker") or {}).get("name")
            right = same_speaker(name, gc[gi].get("speaker"), aliases)
            n["c_spk"] += right
            if gc[gi].get("speaker"):
                _tally(sieves, pc[pi].get("speaker"), right)
    extra = {"by_sieve": sieves} if by_sieve else {}
    return {
        "quotes": _prf(n["q_tp"], n["q_pred"], n["q_gold"]),
        "quotes_with_speaker": _prf(n["q_spk"], n["q_pred"], n["q_gold"]),
        "speaker_accuracy": round(n["q_spk"] / n["q_matched"], 3) if n["q_matched"] else 0.0,
        "claims": _prf(n["c_tp"], n["c_pred"], n["c_gold"]),
        "claims_with_speaker": _prf(n["c_spk"], n["c_pred"], n["c_gold"]),
        "counts": n,
        **extra,
    }


def _tally(sieves: dict[str, dict[str, dict[str, int]]], speaker: Mapping[str, Any] | None, right: bool) -> None:
    """Count one attribution for the sieve of each pass that decided it ("cue_subject/pronoun")."""
    if not speaker or not speaker.get("sieve"):
        return
    for kind, name in zip(("mention", "entity"), str(speaker["sieve"]).split("/"), strict=False):
        cell = sieves[kind].setdefault(name, {"made": 0, "right": 0})
        cell["made"] += 1
        cell["right"] += right


def evaluate_folder(
    gold_path: Path | str, text_dir: Path | str, *, nlp: Any = None, by_sieve: bool = False
) -> dict[str, Any]:
    """Extract every article a gold file names (``<text_dir>/<id>.txt``) and score it.

    An article whose extraction fails is scored as finding nothing and listed under
    ``errors`` (its error record), so one bad article does not void the evaluation.

    Raises:
        InputError: The gold file is malformed [E208], a text is missing or unreadable
            [E207, E201, E203], or a gold offset lies outside its text [E208].

    Example:
        >>> evaluate_folder("../shared/eval/seeds/gold.json", "../shared/eval/seeds")  # doctest: +SKIP
    """
    from quotex.api import extract_many
    from quotex.ingest import from_text
    from quotex.ingest.readers import decode

    docs, aliases = read_gold(gold_path)
    texts = {}
    for d in docs:
        path = Path(text_dir) / f"{d['id']}.txt"
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(Errors.E207.format(path=path, reason=err.strerror or err)) from None
        texts[d["id"]] = text = decode(data, str(path))
        for span in [*d["quotes"], *d.get("claims", [])]:
            if span["end"] > len(text):
                reason = f"document {d['id']!r} has a span ending at {span['end']}, past its {len(text)} characters"
                raise InputError(Errors.E208.format(path=gold_path, reason=reason))
    articles = [from_text(texts[d["id"]], id=d["id"]) for d in docs]
    predicted, errors = {}, []
    for result in extract_many(articles, nlp=nlp, errors="record"):
        if isinstance(result, Document):
            predicted[result.id] = result
        else:
            errors.append(result.to_json_record())
    return {**score(docs, predicted, texts, aliases, by_sieve=by_sieve), "errors": errors}


def read_gold(path: Path | str) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Gold documents and speaker aliases from a ``gold.json`` file or from JSON Lines (one
    document per line, no aliases), as ``shared/eval/score.py`` reads them.

    Raises:
        InputError: The file is neither, or a field has the wrong type or range [E208].
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            docs = [json.loads(line) for line in raw.splitlines() if line.strip()]
            aliases: dict[str, list[str]] = {}
        else:
            gold = json.loads(raw)
            docs, aliases = gold["documents"], gold.get("speaker_aliases", {})
        _check_gold(docs, aliases)
    except (ValueError, KeyError, TypeError) as err:  # UnicodeDecodeError and JSON errors are ValueErrors
        raise InputError(Errors.E208.format(path=path, reason=err)) from None
    return docs, aliases


def _check_gold(docs: Any, aliases: Any) -> None:
    """Raise ValueError naming the first field of the wrong type or range."""
    if not isinstance(docs, list) or not isinstance(aliases, dict):
        raise ValueError('"documents" must be a list and "speaker_aliases" an object')
    for name, names in aliases.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"the aliases of {name!r} must be a list of names")
    for d in docs:
        if not isinstance(d, dict) or not isinstance(d.get("id"), str) or not isinstance(d.get("quotes"), list):
            raise ValueError("a document lacks its id or quotes")
        if not isinstance(d.get("claims", []), list):
            raise ValueError(f"the claims of document {d['id']!r} are not a list")
        for kind, spans in (("quote", d["quotes"]), ("claim", d.get("claims", []))):
            for span in spans:
                needs = ("start", "end", "kind") if kind == "quote" else ("start", "end")
                if not isinstance(span, dict) or any(k not in span for k in needs):
                    raise ValueError(f"a {kind} of document {d['id']!r} lacks its {', '.join(needs)}")
                start, end = span["start"], span["end"]
                if type(start) is not int or type(end) is not int or not 0 <= start <= end:
                    raise ValueError(f"a {kind} of document {d['id']!r} has bad offsets {start!r}, {end!r}")
                if span.get("speaker") is not None and not isinstance(span["speaker"], str):
                    raise ValueError(f"a {kind} of document {d['id']!r} has a speaker that is not a name")
