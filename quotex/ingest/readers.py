"""Files, folders, stdin and JSON Lines records in; articles or per-file errors out."""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Union, cast

from pydantic import ValidationError

from ..errors import Errors, InputError
from ..results import Document, ErrorRecord
from .article import Article, from_text
from .html import from_html

# One article is at most a few hundred KB of text; a 5 MB file is a dump or a wrong file.
MAX_INPUT_BYTES = 4 * 1024 * 1024
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")
RECORD_KEYS = frozenset({"id", "text", "html", "published", "outlet", "url"})
Item = Union[Article, Document, ErrorRecord, InputError]
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}


def from_record(record: Mapping[str, Any], *, source: str = "<record>", index: int = 0) -> Article:
    """Read one JSON Lines record ``{"id", "text" or "html", "published", "outlet", "url"}``.

    Args:
        record: The parsed record.
        source: File name for error messages.
        index: Position of the record in its file, for messages and default ids.

    Returns:
        The article; ``published``/``outlet``/``url`` in the record count as the caller's.

    Raises:
        InputError: The record has no text, a bad field or unusable HTML [E206, E204, E205].
    """

    def bad(reason: str) -> InputError:
        return InputError(Errors.E206.format(path=source, index=index, reason=reason))

    if not isinstance(record, Mapping):
        raise bad(f"expected a JSON object, got {type(record).__name__}")
    unknown = sorted(set(record) - RECORD_KEYS)
    if unknown:
        raise bad(f"unknown keys {unknown}")
    text, html = record.get("text"), record.get("html")
    if (text is None) == (html is None):
        raise bad('give exactly one of "text" and "html"')
    body = text if text is not None else html
    if not isinstance(body, str) or not body.strip():
        raise bad("the text is empty or not a string")
    for key in ("id", "outlet", "url"):
        if record.get(key) is not None and not isinstance(record[key], (str, int)):
            raise bad(f"{key!r} must be a string, got {record[key]!r}")
    doc_id = str(record["id"]) if record.get("id") is not None else f"{Path(source).stem}-{index}"
    kwargs: dict[str, Any] = {
        "id": doc_id,
        "outlet": _opt_str(record.get("outlet")),
        "url": _opt_str(record.get("url")),
    }
    try:
        if text is not None:
            return from_text(body, published=record.get("published"), **kwargs)
        return from_html(body, published=record.get("published"), source=f"{source}#{index}", **kwargs)
    except InputError:
        raise
    except ValueError as err:  # a bad "published" is a property of the record, not a setting
        raise bad(str(err)) from err


def read_inputs(paths: Iterable[str], *, results: bool = False) -> Iterator[Item]:
    """Read files, folders and ``-`` (stdin) into articles.

    Folders give their ``*.txt *.html *.htm *.jsonl *.json`` files, subfolders included
    (hidden ones left out), in sorted order. HTML is recognised by extension or by an
    ``<html`` near the start. Plain text is kept exactly as Python reads it in text mode
    (UTF-8, universal newlines), so offsets match ``Path.read_text(encoding="utf-8")``.

    Ids are unique within the call: a file's id is its stem, or its path relative to the
    folder the files share when two stems collide (``reuters/story``, ``afp/story``); any
    other repeat gets ``~2``, ``~3``...

    Args:
        paths: File paths, folder paths, or "-".
        results: Also read ``quotex extract`` records (Documents and ErrorRecords) as such;
            otherwise such a record is an input error.

    Yields:
        An ``Article`` (or Document, ErrorRecord) per article, or the ``InputError`` for a
        file or record that cannot be read, with its ``id`` set, so the caller can report it
        and go on.
    """
    seen: set[str] = set()
    for item in _read_all(list(paths), results):
        doc_id = _unique(_item_id(item), seen)
        if isinstance(item, InputError):
            item.id = doc_id
            yield item
        elif isinstance(item, Article):
            yield item if item.id == doc_id else replace(item, id=doc_id)
        else:
            yield item if item.id == doc_id else item.model_copy(update={"id": doc_id})


def _read_all(paths: list[str], results: bool) -> Iterator[Item]:
    files: list[Path] = []
    for arg in paths:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            files.extend(_folder_files(path))
        elif arg != "-":
            files.append(path)
    ids = file_ids(files)
    for arg in paths:
        if arg == "-":
            raw = sys.stdin.buffer
            stdin = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
            # a stream of records is read as it comes, however long it is
            if stdin.peek(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                yield from _json_lines(stdin, "<stdin>", results)
            else:
                yield from _read_bytes(stdin.read(), "<stdin>", "stdin", None, results)
            continue
        path = Path(arg)
        for child in _folder_files(path) if path.is_dir() else [path]:
            yield from _read_path(child, ids.get(child, child.stem), results)


def _folder_files(folder: Path) -> list[Path]:
    """The input files under ``folder`` at any depth; hidden files and folders (``.git``,
    ``.ipynb_checkpoints``) are not articles."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles ``read_inputs(paths)`` will give, counted without parsing (for a
    progress bar): a file is one, a JSON Lines file one per non-blank line; None where only
    reading tells (stdin, a ``.json`` list).
    """
    total = 0
    for arg in paths:
        path = Path(arg)
        for file in _folder_files(path) if path.is_dir() else [path]:
            suffix = file.suffix.lower()
            if arg == "-" or suffix == ".json":
                return None
            if suffix == ".jsonl":
                try:
                    with file.open("rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def file_ids(files: list[Path]) -> dict[Path, str]:
    """An id per file: the stem, or the path relative to the shared folder where stems collide."""
    stems = Counter(p.stem for p in files)
    clashing = [p.resolve() for p in files if stems[p.stem] > 1]
    root = os.path.commonpath([str(p.parent) for p in clashing]) if clashing else ""
    ids = {p: p.stem if stems[p.stem] == 1 else Path(os.path.relpath(p.resolve(), root)).as_posix() for p in files}
    # keep the extension only where it alone tells two files apart (story.txt, story.html)
    bare = Counter(_drop_suffix(i) for i in set(ids.values()))
    return {p: i if stems[p.stem] == 1 or bare[_drop_suffix(i)] > 1 else _drop_suffix(i) for p, i in ids.items()}


def _drop_suffix(rel: str) -> str:
    return rel.rsplit(".", 1)[0] if "." in rel.rsplit("/", 1)[-1] else rel


def _item_id(item: Item) -> str:
    return (item.id or "input") if isinstance(item, InputError) else item.id


def _unique(doc_id: str, seen: set[str]) -> str:
    candidate, n = doc_id, 1
    while candidate in seen:
        n += 1
        candidate = f"{doc_id}~{n}"
    seen.add(candidate)
    return candidate


def _read_path(path: Path, doc_id: str, results: bool) -> Iterator[Item]:
    if path.suffix.lower() == ".jsonl":
        try:
            with path.open("rb") as stream:
                yield from _json_lines(stream, str(path), results)
        except OSError as err:
            yield _with_id(InputError(Errors.E207.format(path=path, reason=err.strerror or err)), doc_id)
        return
    try:
        size = path.stat().st_size
        is_records = path.suffix.lower() in (".jsonl", ".json")
        if size > MAX_INPUT_BYTES and not is_records:
            yield _with_id(InputError(Errors.E205.format(path=path, size=size, limit=MAX_INPUT_BYTES)), doc_id)
            return
        data = path.read_bytes()
    except OSError as err:
        yield _with_id(InputError(Errors.E207.format(path=path, reason=err.strerror or err)), doc_id)
        return
    yield from _read_bytes(data, str(path), doc_id, path.suffix.lower(), results)


def _read_bytes(data: bytes, source: str, doc_id: str, suffix: str | None, results: bool) -> Iterator[Item]:
    try:
        text = decode(data, source)
    except InputError as err:
        yield _with_id(err, doc_id)
        return
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if suffix in (".jsonl", ".json") or (suffix is None and head.startswith(("{", "["))):
        yield from _records(text, source, results)
        return
    try:
        if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")) or "<html" in head:
            yield from_html(text, id=doc_id, source=source)
        else:
            if len(data) > MAX_INPUT_BYTES:
                raise InputError(Errors.E205.format(path=source, size=len(data), limit=MAX_INPUT_BYTES))
            yield from_text(text, id=doc_id)
    except InputError as err:
        yield _with_id(err, doc_id)
    except Exception as err:  # a reader bug must cost this input only
        yield _with_id(InputError(Errors.E210.format(path=source, reason=f"{type(err).__name__}: {err}")), doc_id)


def _with_id(err: InputError, doc_id: str) -> InputError:
    err.id = doc_id
    return err


def _json_lines(lines: Iterable[bytes], source: str, results: bool) -> Iterator[Item]:
    """One article per line, read line by line, so memory does not grow with the file."""
    seen = False
    for index, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if not seen:
            try:
                _check_bytes(raw[:8192], source)
            except InputError as err:
                yield _with_id(err, Path(source).stem)
                return
        seen = True
        try:
            row = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
        except UnicodeDecodeError as err:
            reason = f"not UTF-8: {err.reason}"
            yield _with_id(
                InputError(Errors.E206.format(path=source, index=index, reason=reason)), _row_id(source, index)
            )
            continue
        except json.JSONDecodeError as err:
            reason = f"invalid JSON: {err}"
            yield _with_id(
                InputError(Errors.E206.format(path=source, index=index, reason=reason)), _row_id(source, index)
            )
            continue
        yield from _from_rows([(index, row)], source, results)
    if not seen:
        yield _with_id(InputError(Errors.E201.format(path=source)), Path(source).stem)


def _check_bytes(data: bytes, source: str) -> None:
    """Refuse a known binary format or a NUL byte near the start [E202]."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(Errors.E202.format(path=source, reason=what))
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise InputError(Errors.E202.format(path=source, reason=f"NUL byte at offset {nul}"))


def decode(data: bytes, source: str) -> str:
    """Bytes to text as Python's text mode reads a file: strict UTF-8, universal newlines.

    Raises:
        InputError: Empty [E201], binary [E202] or not UTF-8 [E203].
    """
    if not data.strip():
        raise InputError(Errors.E201.format(path=source))
    _check_bytes(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Errors.E203.format(path=source, offset=err.start, reason=err.reason)) from err
    # The newline translation Path.read_text does; nothing else is changed.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _records(text: str, source: str, results: bool) -> Iterator[Item]:
    stripped = text.lstrip("\ufeff \t\r\n")
    try:  # a .json file: one record, or a list of them
        items = json.loads(stripped)
    except json.JSONDecodeError as err:
        if stripped.startswith("["):
            reason = f"invalid JSON: {err}"
            yield _with_id(InputError(Errors.E206.format(path=source, index=0, reason=reason)), Path(source).stem)
            return
        items = None
    if items is not None:
        rows: Iterable[tuple[int, Any]] = enumerate(items if isinstance(items, list) else [items])
        yield from _from_rows(rows, source, results)
        return
    yield from _json_lines(io.BytesIO(text.encode("utf-8")), source, results)


def _from_rows(rows: Iterable[tuple[int, Any]], source: str, results: bool) -> Iterator[Item]:
    for index, row in rows:
        doc_id = _row_id(source, index, row)
        try:
            if isinstance(row, Mapping) and _is_result(row):
                yield _result(row, source, index, results)
            else:
                yield from_record(row, source=source, index=index)
        except InputError as err:
            yield _with_id(err, doc_id)
        except Exception as err:  # a reader bug must cost this record only
            reason = f"record {index}: {type(err).__name__}: {err}"
            yield _with_id(InputError(Errors.E210.format(path=source, reason=reason)), doc_id)


def _row_id(source: str, index: int, row: Any = None) -> str:
    if isinstance(row, Mapping) and isinstance(row.get("id"), (str, int)):
        return str(row["id"])
    return f"{Path(source).stem}-{index}"


def _is_result(row: Mapping[str, Any]) -> bool:
    """Whether a record is ``quotex extract`` output: a Document or an ErrorRecord."""
    return "quotes" in row or set(row) == {"id", "error"}


def _result(row: Mapping[str, Any], source: str, index: int, results: bool) -> Document | ErrorRecord:
    if not results:
        reason = "it is `quotex extract` output; give it to `quotex align`, or give the source articles"
        raise InputError(Errors.E206.format(path=source, index=index, reason=reason))
    try:
        if "quotes" in row:
            return Document.model_validate(dict(row))
        return ErrorRecord.model_validate(dict(row))
    except ValidationError as err:
        reason = f"not a valid quotex extract record: {err.errors()[0]['msg']} at {err.errors()[0]['loc']}"
        raise InputError(Errors.E206.format(path=source, index=index, reason=reason)) from None


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
