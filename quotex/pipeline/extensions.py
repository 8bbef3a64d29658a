"""Doc and Span extension attributes of quotex, registered once with user-chosen names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span

from quotex.errors import ConfigError, Errors

#: default attribute names; components take an ``attrs`` setting that renames them
DEFAULT_ATTRS: dict[str, str] = {
    "doc_quotes": "quotes",
    "doc_claims": "claims",
    "span_speaker": "speaker",
    "span_cue": "cue",
}


def resolve_attrs(attrs: dict[str, str] | None) -> dict[str, str]:
    """Merge user-chosen names over the defaults; unknown keys are a ConfigError."""
    attrs = dict(attrs or {})
    unknown = set(attrs) - set(DEFAULT_ATTRS)
    if unknown:
        raise ConfigError(
            Errors.E009.format(name=sorted(unknown)[0], component="quotex", options=sorted(DEFAULT_ATTRS))
        )
    return {**DEFAULT_ATTRS, **attrs}


def set_extension(owner: type[Doc] | type[Span], name: str, getter: Callable[[Any], Any]) -> None:
    """Register a getter extension, replacing one of the same name from an earlier pipeline."""
    if owner.has_extension(name):
        owner.remove_extension(name)
    owner.set_extension(name, getter=getter)


def register_quote_extensions(attrs: dict[str, str]) -> None:
    """``Doc._.quotes`` (Quote models), ``Span._.speaker`` and ``Span._.cue`` as getters."""
    from quotex.convert import DocConverter

    set_extension(Doc, attrs["doc_quotes"], lambda doc: DocConverter(doc).quotes())
    set_extension(
        Span,
        attrs["span_speaker"],
        lambda span: DocConverter(span.doc).speaker(span.kb_id_) if span.kb_id_ else None,
    )
    set_extension(
        Span,
        attrs["span_cue"],
        lambda span: DocConverter(span.doc).cue(span.kb_id_) if span.kb_id_ else None,
    )


def register_claim_extensions(attrs: dict[str, str]) -> None:
    """``Doc._.claims`` (Claim models) as a getter."""
    from quotex.convert import DocConverter

    def claims(doc: Doc) -> Any:
        conv = DocConverter(doc)
        return conv.claims(conv.quotes())

    set_extension(Doc, attrs["doc_claims"], claims)
