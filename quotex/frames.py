"""Tables of quotes and claims: one row per statement, as dicts or pandas DataFrames."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quotex.errors import Errors, MissingDependencyError
from quotex.results import Claim, Document, Quote

if TYPE_CHECKING:
    import pandas

#: the columns of every frame, in order
COLUMNS: tuple[str, ...] = (
    "doc_id",
    "outlet",
    "published",
    "type",
    "id",
    "kind",
    "text",
    "start",
    "end",
    "speaker",
    "speaker_mention",
    "speaker_label",
    "cue",
    "confidence",
    "times",
)


def rows(document: Document) -> list[dict[str, Any]]:
    """One plain dict per quote and claim, in text order; needs no pandas.

    ``type`` is ``"quote"`` or ``"claim"``; ``kind`` is the quote kind, and ``"claim"`` for claims;
    ``speaker`` is the canonical name and ``speaker_mention`` the words the attribution
    rests on; ``cue`` is the cue lemma; ``times`` lists the resolved ISO values of the time
    expressions (None where a value is unknown).

    Args:
        document: An extracted document.

    Returns:
        Dicts with the keys in :data:`COLUMNS`.
    """
    items: list[Quote | Claim] = sorted([*document.quotes, *document.claims], key=lambda i: (i.start, i.end))
    return [_row(document, item) for item in items]


def _row(document: Document, item: Quote | Claim) -> dict[str, Any]:
    speaker = item.speaker
    return {
        "doc_id": document.id,
        "outlet": document.outlet,
        "published": document.published.isoformat() if document.published else None,
        "type": "quote" if isinstance(item, Quote) else "claim",
        "id": item.id,
        "kind": item.kind if isinstance(item, Quote) else "claim",
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "speaker": speaker.name if speaker else None,
        "speaker_mention": speaker.text if speaker else None,
        "speaker_label": speaker.label if speaker else None,
        "cue": item.cue.lemma if item.cue else None,
        "confidence": item.confidence,
        "times": [t.value for t in item.times],
    }


def to_frame(document: Document) -> pandas.DataFrame:
    """A DataFrame with one row per quote or claim of ``document`` (columns: :data:`COLUMNS`).

    Args:
        document: An extracted document.

    Returns:
        The frame; empty, with the same columns, when nothing was found.

    Raises:
        MissingDependencyError: pandas is not installed (the ``frames`` extra) [E014].

    Example:
        >>> import quotex
        >>> doc = quotex.extract('"We will not give up," the minister said.')  # doctest: +SKIP
        >>> doc.to_frame()[["type", "text", "speaker"]]  # doctest: +SKIP
            type                   text   speaker
        0  quote  We will not give up,  minister
    """
    return documents_to_frame([document])


def documents_to_frame(documents: Iterable[Document]) -> pandas.DataFrame:
    """One DataFrame over many documents, e.g. the same story from several outlets.

    Args:
        documents: Extracted documents, such as the output of ``quotex.extract_many``.

    Returns:
        The rows of every document, in input order (columns: :data:`COLUMNS`); ``published``
        is a datetime column.

    Raises:
        MissingDependencyError: pandas is not installed (the ``frames`` extra) [E014].
    """
    try:
        import pandas
    except ImportError as err:
        raise MissingDependencyError(
            Errors.E014.format(feature="A DataFrame of quotes and claims", package="pandas", extra="frames")
        ) from err

    records = [row for document in documents for row in rows(document)]
    frame = pandas.DataFrame.from_records(records, columns=list(COLUMNS))
    frame["published"] = pandas.to_datetime(frame["published"])
    return frame.astype({"start": "int64", "end": "int64", "confidence": "float64"})
