"""The public entry points: ``extract`` (text in, a ``Document`` out) and ``align`` (documents in, drift out)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Union, overload

from spacy.language import Language

from quotex.batch import MAX_CHARS, admit, check_length, run
from quotex.errors import ConfigError, Errors, InputError
from quotex.ingest import Article, from_text
from quotex.model import load
from quotex.results import Document, ErrorRecord

if TYPE_CHECKING:
    from quotex.alignment import Alignment

Source = Union[str, Article]
Model = Union[str, Path, Language, None]


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    nlp: Model = None,
    id: str = "doc",
    outlet: str | None = None,
    url: str | None = None,
    max_chars: int = MAX_CHARS,
) -> Document:
    """Extract quotes, claims and speakers from one English news article.

    Args:
        text: The article as plain text (page furniture around the story is recognised).
        published: Publication date (``date`` or ``"YYYY-MM-DD"``); found in the text if None.
        nlp: A pipeline from :func:`quotex.load`, a spaCy pipeline name or path, or None for
            the embedded model.
        id: Document id reported back in the result.
        outlet: Outlet name, if known.
        url: Where the article lives, if known.
        max_chars: Longest text accepted.

    Returns:
        The document; every offset satisfies ``doc.text[q.start:q.end] == q.text``.

    Raises:
        InputError: ``text`` is not a str, or is longer than ``max_chars``.
        ExtractionError: A step failed on the text; the message names it ([E301]).

    Example:
        >>> import quotex
        >>> doc = quotex.extract('"We will not give up," the minister said on Monday.')
        >>> doc.quotes[0].text, doc.quotes[0].kind
        ('We will not give up,', 'direct')
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    check_length(text, id, max_chars)
    article = from_text(text, id=id, published=published, outlet=outlet, url=url)
    return next(extract_many([article], nlp=nlp, max_chars=max_chars))


@overload
def extract_many(
    sources: Iterable[Source],
    *,
    nlp: Model = None,
    batch_size: int = 16,
    n_process: int = 1,
    max_chars: int = MAX_CHARS,
    errors: Literal["raise"] = "raise",
    timeout: float | None = None,
) -> Iterator[Document]: ...


@overload
def extract_many(
    sources: Iterable[Source],
    *,
    nlp: Model = None,
    batch_size: int = 16,
    n_process: int = 1,
    max_chars: int = MAX_CHARS,
    errors: Literal["record"],
    timeout: float | None = None,
) -> Iterator[Document | ErrorRecord]: ...


def extract_many(
    sources: Iterable[Source],
    *,
    nlp: Model = None,
    batch_size: int = 16,
    n_process: int = 1,
    max_chars: int = MAX_CHARS,
    errors: str = "raise",
    timeout: float | None = None,
) -> Iterator[Document] | Iterator[Document | ErrorRecord]:
    """Extract from many articles, streaming results in input order.

    Each article is extracted in isolation: one that fails costs that article only. With
    ``errors="record"`` it comes back as an :class:`~quotex.results.ErrorRecord` in its place
    (spaCy's error-handler convention); with ``errors="raise"`` the run stops there.

    Args:
        sources: Plain texts or :class:`quotex.ingest.Article` objects (from ``from_html``,
            ``read_inputs``...). Texts get ids ``doc0, doc1, ...``.
        nlp: As in :func:`extract`.
        batch_size: Chunks per ``nlp.pipe`` batch.
        n_process: Worker processes. A worker's failure comes back as that article's error;
            workers stop with the main process.
        max_chars: Longest text accepted.
        errors: ``"raise"`` or ``"record"``.
        timeout: Seconds one article may take; an article over it fails with [E302].

    Yields:
        One Document (or, with ``errors="record"``, ErrorRecord) per source.

    Raises:
        InputError: With ``errors="raise"``, a source that is not text or is longer than
            ``max_chars``.
        ExtractionError: With ``errors="raise"``, an article whose extraction failed; the
            message names the article and the step ([E301], [E302], [E303]).
    """
    if errors not in ("raise", "record"):
        raise ConfigError(Errors.E011.format(value=errors))
    pipeline = load(nlp)
    outcomes = run(
        (admit(s, f"doc{i}", max_chars) for i, s in enumerate(sources)),
        pipeline,
        batch_size=batch_size,
        n_process=n_process,
        budget=timeout,
    )
    for outcome in outcomes:
        if isinstance(outcome, Document):
            yield outcome
        elif errors == "raise":
            raise outcome.exception()
        else:
            yield outcome.record


def align(documents: Iterable[Union[Document, Source]], *, nlp: Model = None, **options: object) -> Alignment:
    """Group the same statements across outlets and report how their wording drifted.

    Args:
        documents: Extracted Documents, or raw texts / Articles, which are extracted first.
        nlp: As in :func:`extract`, for inputs that still need extracting.
        **options: Passed to :func:`quotex.alignment.align` (``min_docs``, ``facts``, ...).

    Returns:
        Quote groups with their drift, facts compared across outlets, and name variants.

    Raises:
        AlignmentError: No documents, or two with the same id.

    Example:
        >>> a = quotex.align([doc_reuters, doc_afp])  # doctest: +SKIP
        >>> [d.type for g in a.groups for d in g.drift]  # doctest: +SKIP
        ['substitution']
    """
    items = list(documents)
    raw = [i for i, d in enumerate(items) if not isinstance(d, Document)]
    if raw:
        done = iter(extract_many([items[i] for i in raw], nlp=nlp))  # type: ignore[misc]
        for i in raw:
            items[i] = next(done)
    from quotex.alignment import align as align_documents  # imported on use: extraction never needs it

    return align_documents(items, **options)  # type: ignore[arg-type]
