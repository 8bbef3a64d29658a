"""Extraction over Dask bags: the same records as ``extract_many``, spread over many workers.

Dask rather than Spark: it is pure Python and pip-installable (the ``distributed`` extra), needs
no JVM, runs the same code on a laptop's local scheduler, in the test suite and on a
``dask.distributed`` cluster, and its bags map directly onto JSON Lines records.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from quotex.errors import InputError, QuotexWarning, Warnings
from quotex.results import Document, ErrorRecord

if TYPE_CHECKING:
    import dask.bag

    from quotex.batch import Failed

#: Parquet columns and types of the flattened output (one row per quote or claim)
PARQUET_TYPES: dict[str, str] = {
    "doc_id": "string",
    "outlet": "string",
    "published": "string",
    "type": "string",
    "id": "string",
    "kind": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "speaker": "string",
    "speaker_mention": "string",
    "speaker_label": "string",
    "cue": "string",
    "confidence": "float64",
    "times": "list<string>",
}


def extract_bag(records: dask.bag.Bag, *, model: str | Path | None = None, batch_size: int = 16) -> dask.bag.Bag:
    """Extract from a bag of articles; each partition is one ``extract_many`` call.

    The pipeline is loaded once per worker process (``quotex.load`` caches it), not once per
    record, and the partition streams through ``extract_many``. One article costs only itself:
    a record that cannot be read (``QuotexWarning`` ``[W002]``) or extracted comes back as its
    error record ``{"id", "error"}`` in its place, as the CLI writes it.

    Args:
        records: Bag of JSON Lines records (``{"id", "text" or "html", "published",
            "outlet", "url"}``, e.g. from ``dask.bag.read_text(...).map(json.loads)``) or of
            plain texts. A record without ``id`` gets ``doc-`` and a hash of its text, so ids
            do not depend on how the bag is partitioned.
        model: A spaCy pipeline name or path, or None for the embedded model. Each worker
            loads it itself, so pass a name or path rather than a loaded pipeline.
        batch_size: Texts per ``nlp.pipe`` batch.

    Returns:
        A bag of ``Document.to_json_record()`` dicts (or ``ErrorRecord`` ones), the records
        ``quotex extract --format jsonl`` writes, in input order.

    Example:
        >>> import dask.bag as db
        >>> from quotex.distributed import extract_bag
        >>> texts = db.from_sequence(['"We won," she said.'], npartitions=1)
        >>> [q["text"] for r in extract_bag(texts).compute() for q in r["quotes"]]  # doctest: +SKIP
        ['We won,']
    """
    bag: Any = records  # dask has no type hints; strict mypy would flag each call
    return cast("dask.bag.Bag", bag.map_partitions(_extract_partition, model=model, batch_size=batch_size))


def _extract_partition(
    records: Iterable[Mapping[str, Any] | str], model: str | Path | None, batch_size: int
) -> list[dict[str, Any]]:
    from quotex.batch import admit, run
    from quotex.ingest import Article, from_record
    from quotex.model import load

    sources: list[Article | InputError] = []
    for index, record in enumerate(records):
        if isinstance(record, str):
            record = {"text": record}
        doc_id = f"record-{index}"
        try:
            if isinstance(record, Mapping):
                record = record if record.get("id") is not None else {**record, "id": _content_id(record)}
                doc_id = str(record["id"])
            sources.append(from_record(record, index=index))
        except InputError as err:
            warnings.warn(Warnings.W002.format(index=index, reason=err), QuotexWarning, stacklevel=2)
            err.id = doc_id
            sources.append(err)
    jobs = (admit(source, f"record-{i}") for i, source in enumerate(sources))
    return [outcome.to_json_record() for outcome in _outcomes(run(jobs, load(model), batch_size=batch_size))]


def _outcomes(outcomes: Iterable[Document | Failed]) -> Iterator[Document | ErrorRecord]:
    for outcome in outcomes:
        yield outcome if isinstance(outcome, Document) else outcome.record


def _content_id(record: Mapping[str, Any]) -> str:
    body = record.get("text") if record.get("text") is not None else record.get("html")
    return "doc-" + hashlib.sha1(str(body).encode("utf-8")).hexdigest()[:16]


def write_jsonl(documents: dask.bag.Bag, path: str | Path) -> list[str]:
    """Write a bag of JSON records as JSON Lines, one file per partition.

    Args:
        documents: The output of :func:`extract_bag`.
        path: A name with ``*`` (``out/part-*.jsonl``), replaced by the partition number,
            or a directory.

    Returns:
        The files written.
    """
    bag: Any = documents  # dask has no type hints
    lines = bag.map(lambda record: json.dumps(record, ensure_ascii=False))
    written: list[str] = lines.to_textfiles(str(path), encoding="utf-8")
    return written


def to_parquet(documents: dask.bag.Bag, path: str | Path) -> list[str]:
    """Write one Parquet file per partition with one row per quote or claim.

    The rows are those of :func:`quotex.frames.rows` (columns in :data:`PARQUET_TYPES`), so
    ``pandas.read_parquet(path)`` gives the same table as
    ``quotex.frames.documents_to_frame``. Needs pyarrow.

    Args:
        documents: The output of :func:`extract_bag`.
        path: Directory for ``part-00000.parquet``, ``part-00001.parquet``, ...

    Returns:
        The files written.
    """
    import dask

    api: Any = dask  # dask has no type hints
    bag: Any = documents
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    tasks = [
        api.delayed(_write_parquet)(part, folder / f"part-{k:05d}.parquet") for k, part in enumerate(bag.to_delayed())
    ]
    return [str(p) for p in api.compute(*tasks)]


def _write_parquet(records: Iterable[Mapping[str, Any]], target: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from quotex.frames import rows

    documents = (Document.model_validate(r) for r in records if "error" not in r)  # error records have no rows
    table_rows = [row for doc in documents for row in rows(doc)]
    schema = pa.schema([(name, _arrow_type(kind)) for name, kind in PARQUET_TYPES.items()])
    pq.write_table(pa.Table.from_pylist(table_rows, schema=schema), target)
    return target


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    if kind == "list<string>":
        return pa.list_(pa.string())
    return pa.type_for_alias(kind)
