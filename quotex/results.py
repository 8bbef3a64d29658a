"""The result models: what ``quotex.extract`` returns, as frozen pydantic objects.

Every span carries character offsets into ``Document.text``, so
``document.text[q.start:q.end] == q.text`` holds for every quote, claim, speaker mention,
cue and time expression. These models are the JSON contract; ``Document.model_json_schema()``
exports it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    import pandas

QuoteKind = Literal["direct", "partial", "scare", "title"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Model):
    """A stretch of ``Document.text``."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset after the last character.")
    text: str = Field(description="Exactly document.text[start:end].")


class Speaker(TextSpan):
    """Who said it: the mention in the text and the canonical in-document name.

    ``start``/``end``/``text`` locate the mention the attribution rests on ("he", "the
    diplomat", "Ushakov"); ``name`` is the fullest name of that entity in the document
    ("Yuri Ushakov").
    """

    name: str = Field(description="Canonical in-document name of the speaker.")
    label: str | None = Field(default=None, description="PERSON, ORG, ... when known.")
    sieve: str | None = Field(
        default=None,
        description="The rules that decided: 'MENTION_SIEVE/ENTITY_SIEVE' (docs/extraction.md lists them).",
    )
    resolved: bool = Field(
        default=True, description="False where the mention ('she', 'a senior official') names no known entity."
    )


class Cue(TextSpan):
    """The words that mark speech: "said", "according to", "quoted ... as saying", ":"."""

    lemma: str = Field(description="Normalised cue, e.g. 'say', 'according to', 'quote as saying'.")


class TimeRef(TextSpan):
    """A temporal expression resolved against the publication date."""

    value: str | None = Field(
        description="ISO date (2025-12-28) or ISO interval (2025-12-22/2025-12-28); null if unknown."
    )


class Entity(TextSpan):
    """A named-entity mention with the fullest in-document name of its entity."""

    label: str = Field(description="PERSON, ORG or LOC.")
    name: str = Field(description="Canonical in-document name ('Ushakov' -> 'Yuri Ushakov').")


class Quote(TextSpan):
    """A quotation: the words between the marks (the marks themselves excluded)."""

    id: str = Field(description="Stable id within the document: q0, q1, ...")
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: Cue | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0, description="Of the attribution.")
    paragraph: int = Field(default=0, ge=0, description="Index of the paragraph it starts in.")
    continues: str | None = Field(
        default=None, description="Id of the quote this one continues (multi-paragraph quotes)."
    )
    times: list[TimeRef] = Field(default_factory=list)


class Claim(TextSpan):
    """Reported speech: the content clause of a speech cue, with or without quotation marks."""

    id: str = Field(description="Stable id within the document: c0, c1, ...")
    speaker: Speaker | None = None
    cue: Cue | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    quotes: list[str] = Field(default_factory=list, description="Ids of quotes inside the claim.")
    times: list[TimeRef] = Field(default_factory=list)


class Document(_Model):
    """One article and everything extracted from it.

    Example:
        >>> import quotex
        >>> doc = quotex.extract('"We will win," the minister said.')
        >>> doc.quotes[0].speaker.name, doc.quotes[0].speaker.text
        ('minister', 'the minister')
    """

    id: str = Field(default="doc", description="Input name without extension, or the caller's id.")
    text: str = Field(description="The text all offsets refer to.")
    published: dt.date | None = None
    outlet: str | None = None
    byline: str | None = None
    headline: str | None = None
    url: str | None = None
    provenance: dict[str, str] = Field(
        default_factory=dict,
        description="Where each metadata field came from: caller, html-meta, dateline, header...",
    )
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    boilerplate: list[TextSpan] = Field(
        default_factory=list, description="Page furniture recognised and left out of extraction."
    )
    warnings: list[str] = Field(default_factory=list)

    def to_json_record(self, *, include_text: bool = True) -> dict[str, Any]:
        """The JSON Lines record the CLI prints (``quotex extract --format jsonl``)."""
        return self.model_dump(mode="json", exclude=None if include_text else {"text"})

    def _repr_html_(self) -> str:
        """The article with quotes and claims highlighted by speaker (``quotex.display``)."""
        from quotex.display import render

        return render(self)

    def to_frame(self) -> pandas.DataFrame:
        """One row per quote and claim as a DataFrame (``quotex.frames``; ``frames`` extra)."""
        from quotex.frames import to_frame

        return to_frame(self)

    def to_pandas(self) -> pandas.DataFrame:
        """Alias of :meth:`to_frame`."""
        return self.to_frame()


class ErrorDetail(_Model):
    """What went wrong with one article."""

    code: str = Field(description="The error code, e.g. E301 (see quotex.errors).")
    message: str = Field(description="The message, naming the article and the step.")
    stage: str = Field(
        description="Where it failed: read, tokenizer, a pipeline component (quotex_speakers), convert or worker."
    )


class ErrorRecord(_Model):
    """The record written in place of an article that could not be extracted.

    Example:
        >>> ErrorRecord(id="afp/story", error=ErrorDetail(code="E201", message="...", stage="read")).id
        'afp/story'
    """

    id: str = Field(description="The article's id, as its Document would have had.")
    error: ErrorDetail

    def to_json_record(self) -> dict[str, Any]:
        """The JSON Lines record the CLI writes for the article (``{"id", "error"}``)."""
        return self.model_dump(mode="json")
