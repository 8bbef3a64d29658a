"""Doc and Span extension attributes of quotex, registered once with user-chosen names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from quotex.errors import ConfigError, Errors

#: default attribute names of each component; its ``attrs`` setting renames them
QUOTE_ATTRS: dict[str, str] = {"doc_quotes": "quotes", "span_speaker": "speaker", "span_cue": "cue"}
CLAIM_ATTRS: dict[str, str] = {"doc_claims": "claims"}


def resolve_attrs(attrs: dict[str, str] | None, defaults: dict[str, str], component: str) -> dict[str, str]:
    """Merge user-chosen names over a component's defaults; other keys are a ConfigError."""
    attrs = dict(attrs or {})
    unknown = set(attrs) - set(defaults)
    if unknown:
        raise ConfigError(Errors.E009.format(name=sorted(unknown)[0], component=component, options=sorted(defaults)))
    return {**defaults, **attrs}


def set_extension(owner: type[Doc] | type[Span], name: str, getter: Callable[[Any], Any]) -> None:
    """Register a getter extension, replacing the one an earlier quotex pipeline registered."""
    if owner.has_extension(name):
        owner.remove_extension(name)
    owner.set_extension(name, getter=getter)


def register_quote_extensions(attrs: dict[str, str], quotes_key: str) -> None:
    """``Doc._.quotes`` (Quote models), ``Span._.speaker`` and ``Span._.cue`` as getters.

    The span getters work on quote and claim spans and on the cue and speaker spans.
    """
    from quotex.convert import DocConverter

    def quotes(doc: Doc) -> Any:
        return DocConverter(doc, quotes_key=quotes_key).quotes()

    def speaker(span: Span) -> Any:
        conv = DocConverter(span.doc)
        return conv.speaker(conv.link_of(span))

    def cue(span: Span) -> Any:
        conv = DocConverter(span.doc)
        return conv.cue(conv.link_of(span))

    set_extension(Doc, attrs["doc_quotes"], quotes)
    set_extension(Span, attrs["span_speaker"], speaker)
    set_extension(Span, attrs["span_cue"], cue)


def register_claim_extensions(attrs: dict[str, str], quotes_key: str, claims_key: str) -> None:
    """``Doc._.claims`` (Claim models) as a getter."""
    from quotex.convert import DocConverter

    def claims(doc: Doc) -> Any:
        conv = DocConverter(doc, quotes_key=quotes_key, claims_key=claims_key)
        return conv.claims(conv.quotes())

    set_extension(Doc, attrs["doc_claims"], claims)
