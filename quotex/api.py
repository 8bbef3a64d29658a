"""The public entry points: ``extract`` (text in, a ``Document`` out) and ``align`` (documents in, drift out)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Union

from spacy.language import Language

from quotex.alignment import Alignment
from quotex.alignment import align as align_documents
from quotex.convert import DocConverter
from quotex.errors import Errors, InputError
from quotex.extract.paragraphs import normalize_for_parsing, paragraph_spans
from quotex.ingest import Article, from_text
from quotex.model import load
from quotex.pipeline.paragraphs import SPANS_KEY as PARAGRAPHS_KEY
from quotex.results import Document

#: texts are parsed in chunks of at most this many characters, cut at paragraph breaks,
#: which bounds the parser's memory whatever the article's length
CHUNK_CHARS = 20_000
#: longer texts are refused: at news-parsing speed they would take many minutes each
MAX_CHARS = 1_000_000

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

    Example:
        >>> import quotex
        >>> doc = quotex.extract('"We will not give up," the minister said on Monday.')
        >>> doc.quotes[0].text, doc.quotes[0].kind
        ('We will not give up,', 'direct')
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    if len(text) > max_chars:
        raise InputError(Errors.E010.format(id=id, length=len(text), limit=max_chars))
    article = from_text(text, id=id, published=published, outlet=outlet, url=url)
    return next(extract_many([article], nlp=nlp, max_chars=max_chars))


def extract_many(
    sources: Iterable[Source],
    *,
    nlp: Model = None,
    batch_size: int = 16,
    n_process: int = 1,
    max_chars: int = MAX_CHARS,
) -> Iterator[Document]:
    """Extract from many articles with ``nlp.pipe``, streaming results in input order.

    Args:
        sources: Plain texts or :class:`quotex.ingest.Article` objects (from ``from_html``,
            ``read_inputs``...). Texts get ids ``doc0, doc1, ...``.
        nlp: As in :func:`extract`.
        batch_size: Chunks per ``nlp.pipe`` batch.
        n_process: Worker processes for ``nlp.pipe``.
        max_chars: Longest text accepted.

    Yields:
        One Document per source.

    Raises:
        InputError: A source is not text, or is longer than ``max_chars``; use
            :func:`check_length` first to skip such articles instead.
    """
    pipeline = load(nlp)
    articles = (check_length(_as_article(s, i), max_chars) for i, s in enumerate(sources))
    numbered = ((i, a) for i, a in enumerate(articles))
    pending: dict[int, Article] = {}

    def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, article in numbered:
            pending[i] = article
            for start, end in _chunk_ranges(article):
                blank = [(s - start, e - start) for s, e in article.boilerplate if s < end and e > start]
                yield normalize_for_parsing(article.text[start:end], blank), (i, start)

    parsed = pipeline.pipe(chunks(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for i, group in groupby(parsed, key=lambda pair: pair[1][0]):
        article = pending.pop(i)
        yield _to_document(article, [(doc, ctx[1]) for doc, ctx in group])


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
    return align_documents(items, **options)  # type: ignore[arg-type]


def check_length(article: Article, max_chars: int = MAX_CHARS) -> Article:
    """The article itself, or an InputError [E010] if its text is longer than ``max_chars``."""
    if len(article.text) > max_chars:
        raise InputError(Errors.E010.format(id=article.id, length=len(article.text), limit=max_chars))
    return article


def _as_article(source: Source, i: int) -> Article:
    if isinstance(source, Article):
        return source
    if not isinstance(source, str):
        raise InputError(Errors.E001.format(type=type(source).__name__))
    return from_text(source, id=f"doc{i}")


def _chunk_ranges(article: Article) -> list[tuple[int, int]]:
    """Cut the text at paragraph breaks into pieces of at most ``CHUNK_CHARS``; always one piece at least."""
    text = article.text
    if len(text) <= CHUNK_CHARS:
        return [(0, len(text))]
    ranges: list[tuple[int, int]] = []
    start = 0
    for _, end in paragraph_spans(text):
        while end - start > CHUNK_CHARS:
            ranges.append((start, start + CHUNK_CHARS))
            start += CHUNK_CHARS
        if end - start > CHUNK_CHARS // 2:
            ranges.append((start, end))
            start = end
    if start < len(text) or not ranges:
        ranges.append((start, len(text)))
    return ranges


def _to_document(article: Article, docs: list[tuple[object, int]]) -> Document:
    quotes, claims, entities, warnings = [], [], [], []
    paragraphs = 0
    for doc, offset in docs:
        conv = DocConverter(
            doc,  # type: ignore[arg-type]
            article.text,
            offset=offset,
            paragraph_base=paragraphs,
            published=article.published,
            skip=article.boilerplate,
        )
        paragraphs += len(doc.spans.get(PARAGRAPHS_KEY, []))  # type: ignore[attr-defined]
        found = conv.quotes()
        quotes.extend(found)
        claims.extend(conv.claims(found))
        entities.extend(conv.entities())
        warnings.extend(conv.warnings())
    return Document(
        **article.document_fields(),
        quotes=quotes,
        claims=claims,
        entities=entities,
        warnings=warnings,
    )
