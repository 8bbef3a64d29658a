"""Files, folders, stdin and JSON Lines records in; articles or per-file errors out."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from ..errors import Errors, InputError
from .article import Article, from_text
from .html import from_html

# One article is at most a few hundred KB of text; a 5 MB file is a dump or a wrong file.
MAX_INPUT_BYTES = 4 * 1024 * 1024
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json")
RECORD_KEYS = frozenset({"id", "text", "html", "published", "outlet", "url"})
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


def read_inputs(paths: Iterable[str]) -> Iterator[Article | InputError]:
    """Read files, folders and ``-`` (stdin) into articles.

    Folders give their ``*.txt *.html *.htm *.jsonl *.json`` files, subfolders included
    (hidden ones left out), in sorted order. HTML is recognised by extension or by an
    ``<html`` near the start. Plain text is kept exactly as Python reads it in text mode
    (UTF-8, universal newlines), so offsets match ``Path.read_text(encoding="utf-8")``.

    Args:
        paths: File paths, folder paths, or "-".

    Yields:
        An ``Article`` per article, or the ``InputError`` for a file or record that cannot be
        read, so the caller can report it and go on.
    """
    for arg in paths:
        if arg == "-":
            raw = sys.stdin.buffer
            stdin = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(cast(io.RawIOBase, raw))
            # a stream of records is read as it comes, however long it is
            if stdin.peek(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                yield from _json_lines(stdin, "<stdin>")
            else:
                yield from _read_bytes(stdin.read(), "<stdin>", "stdin", None)
            continue
        path = Path(arg)
        if path.is_dir():
            for child in _folder_files(path):
                yield from _read_path(child)
        else:
            yield from _read_path(path)


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


def _read_path(path: Path) -> Iterator[Article | InputError]:
    if path.suffix.lower() == ".jsonl":
        try:
            with path.open("rb") as stream:
                yield from _json_lines(stream, str(path))
        except OSError as err:
            yield InputError(Errors.E207.format(path=path, reason=err.strerror or err))
        return
    try:
        size = path.stat().st_size
        is_records = path.suffix.lower() in (".jsonl", ".json")
        if size > MAX_INPUT_BYTES and not is_records:
            yield InputError(Errors.E205.format(path=path, size=size, limit=MAX_INPUT_BYTES))
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(Errors.E207.format(path=path, reason=err.strerror or err))
        return
    yield from _read_bytes(data, str(path), path.stem, path.suffix.lower())


def _read_bytes(data: bytes, source: str, stem: str, suffix: str | None) -> Iterator[Article | InputError]:
    try:
        text = decode(data, source)
    except InputError as err:
        yield err
        return
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if suffix in (".jsonl", ".json") or (suffix is None and head.startswith(("{", "["))):
        yield from _records(text, source)
        return
    try:
        if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")) or "<html" in head:
            yield from_html(text, id=stem, source=source)
        else:
            if len(data) > MAX_INPUT_BYTES:
                raise InputError(Errors.E205.format(path=source, size=len(data), limit=MAX_INPUT_BYTES))
            yield from_text(text, id=stem)
    except InputError as err:
        yield err


def _json_lines(lines: Iterable[bytes], source: str) -> Iterator[Article | InputError]:
    """One article per line, read line by line, so memory does not grow with the file."""
    seen = False
    for index, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        if not seen:
            try:
                _check_bytes(raw[:8192], source)
            except InputError as err:
                yield err
                return
        seen = True
        try:
            row = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
        except UnicodeDecodeError as err:
            yield InputError(Errors.E206.format(path=source, index=index, reason=f"not UTF-8: {err.reason}"))
            continue
        except json.JSONDecodeError as err:
            yield InputError(Errors.E206.format(path=source, index=index, reason=f"invalid JSON: {err}"))
            continue
        yield from _from_rows([(index, row)], source)
    if not seen:
        yield InputError(Errors.E201.format(path=source))


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


def _records(text: str, source: str) -> Iterator[Article | InputError]:
    stripped = text.lstrip("\ufeff \t\r\n")
    try:  # a .json file: one record, or a list of them
        items = json.loads(stripped)
    except json.JSONDecodeError as err:
        if stripped.startswith("["):
            yield InputError(Errors.E206.format(path=source, index=0, reason=f"invalid JSON: {err}"))
            return
        items = None
    if items is not None:
        rows: Iterable[tuple[int, Any]] = enumerate(items if isinstance(items, list) else [items])
        yield from _from_rows(rows, source)
        return
    yield from _json_lines(io.BytesIO(text.encode("utf-8")), source)


def _from_rows(rows: Iterable[tuple[int, Any]], source: str) -> Iterator[Article | InputError]:
    for index, row in rows:
        try:
            yield from_record(row, source=source, index=index)
        except InputError as err:
            yield err


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
