"""Pydantic result models of cross-outlet alignment: groups, drift, facts and name variants."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DriftType = Literal[
    "identical",
    "orthographic",
    "substitution",
    "truncation",
    "extension",
    "paraphrase",
    "number_change",
    "date_change",
    "attribution_change",
    "unquoted",
    "indirect",
    "partial",
    "negation_change",
]
MemberKind = Literal["direct", "partial", "scare", "title", "claim", "sentence"]
FactKind = Literal["duration", "count", "percentage", "fraction", "date", "place"]


class _Model(BaseModel):
    # serialize_by_alias: model_dump_json() writes the documented "from", not the Python name from_
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, serialize_by_alias=True)


class Article(_Model):
    """One aligned article, named as a journalist names it: by outlet and date."""

    id: str = Field(description="Document.id.")
    outlet: str | None = Field(default=None, description="Outlet name, from ingestion or --meta.")
    published: str | None = Field(default=None, description="Publication date, ISO 8601.")
    url: str | None = None

    @property
    def label(self) -> str:
        """'Outlet, 2025-12-28', falling back to the id for what is not known."""
        return ", ".join(x for x in (self.outlet or self.id, self.published) if x)


class CharSpan(_Model):
    """Character offsets into one document's text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Member(_Model):
    """One occurrence of a statement: a quote or a claim in one document."""

    doc: str = Field(description="Document.id of the article.")
    start: int = Field(ge=0, description="Offset into Document.text.")
    end: int = Field(ge=0)
    text: str = Field(description="Exactly Document.text[start:end].")
    kind: MemberKind = Field(
        description="Quote kind (direct/partial), 'claim' for reported speech, 'sentence' for an unquoted repeat."
    )
    speaker: str | None = Field(default=None, description="Speaker name as that document gives it.")
    item: str = Field(default="", description="Id of the quote or claim in its document (q0, c1).")


class Drift(_Model):
    """How one member differs from the group's most common form, one change per item."""

    type: DriftType
    doc: str = Field(description="Document.id of the drifted member.")
    member: int = Field(ge=0, description="Index of the member in the group's members.")
    from_: str = Field(alias="from", description="The words in the canonical form ('' if added).")
    to: str = Field(description="The words in the member ('' if missing).")
    detail: str = Field(default="", description="Human-readable explanation.")
    doc_spans: list[CharSpan] = Field(default_factory=list, description="Changed words in the member's document.")
    from_doc: str = Field(default="", description="Document of the canonical member.")
    from_spans: list[CharSpan] = Field(
        default_factory=list, description="Changed words in the canonical member's document."
    )


class QuoteGroup(_Model):
    """The same statement across documents."""

    id: str
    speaker: str | None = Field(description="Most common speaker name among the members.")
    canonical: int = Field(
        ge=0, description="Index of the reference member: the earliest published, then the fullest quote."
    )
    members: list[Member]
    drift: list[Drift] = Field(default_factory=list)


class FactVariant(_Model):
    """One outlet's phrasing of a fact."""

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str = Field(description="Normalised value: PT1H15M, 0.9, 0.2, 2025-12-28, Miami.")


class Fact(_Model):
    """A quantity, date or place stated by several outlets about the same thing."""

    about: str = Field(description="What the fact is about, e.g. 'duration of call'.")
    kind: FactKind
    consistent: bool
    value: str | None = Field(description="The value most outlets give.")
    variants: list[FactVariant]
    detail: str = Field(default="")


class NameVariant(_Model):
    """One spelling of a name and where it occurs."""

    text: str
    docs: list[str]
    spans: list[dict[str, Any]] = Field(default_factory=list, description="Mentions as {doc, start, end}.")


class NameEntity(_Model):
    """A person or organisation matched across documents with its spellings."""

    name: str = Field(description="The most common full name.")
    label: str
    variants: list[NameVariant]
    flags: list[str] = Field(
        default_factory=list,
        description="spelling_variant, different_given_name (likely error), ...",
    )


class Alignment(_Model):
    """Everything ``align`` found across a set of documents."""

    documents: list[str] = Field(default_factory=list, description="Document ids, in input order.")
    articles: list[Article] = Field(default_factory=list, description="Outlet, date and URL of each document.")
    groups: list[QuoteGroup] = Field(default_factory=list)
    unmatched: list[Member] = Field(
        default_factory=list, description="Quotes and claims no other article carries, in document order."
    )
    facts: list[Fact] = Field(default_factory=list)
    entities: list[NameEntity] = Field(default_factory=list)

    def article(self, doc: str) -> Article:
        """The Article of a document id (a bare one when the id is unknown)."""
        return next((a for a in self.articles if a.id == doc), Article(id=doc))

    def to_frame(self) -> Any:
        """A pandas DataFrame with one row per group member: group, outlet, date, kind, speaker, text, drift.

        Unmatched statements follow with an empty group. Needs pandas (``pip install quotex[frames]``).
        """
        import pandas as pd

        def row(m: Member, group: str | None, canonical: bool, drift: list[str]) -> dict[str, Any]:
            a = self.article(m.doc)
            return {
                "group": group,
                "canonical": canonical,
                "doc": m.doc,
                "outlet": a.outlet,
                "published": a.published,
                "kind": m.kind,
                "speaker": m.speaker,
                "text": m.text,
                "drift": drift,
            }

        rows = [
            row(m, g.id, i == g.canonical, sorted({d.type for d in g.drift if d.member == i}))
            for g in self.groups
            for i, m in enumerate(g.members)
        ]
        rows += [row(m, None, False, []) for m in self.unmatched]
        columns = ["group", "canonical", "doc", "outlet", "published", "kind", "speaker", "text", "drift"]
        return pd.DataFrame(rows, columns=columns)

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON contract as a dict (``from`` spelled as in the contract)."""
        return self.model_dump(mode="json", by_alias=True)

    def _repr_html_(self) -> str:
        from quotex.alignment.html import to_html

        return to_html(self, standalone=False)
