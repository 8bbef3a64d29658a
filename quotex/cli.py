"""The ``quotex`` command line: a thin shell over ``quotex.extract_many`` and ``quotex.align``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from quotex.api import check_length
from quotex.errors import Errors, InputError, QuotexError
from quotex.ingest import Article, read_inputs
from quotex.ingest.article import coerce_date
from quotex.results import Claim, Document, Quote

app = typer.Typer(add_completion=False, help=__doc__, no_args_is_help=True, pretty_exceptions_enable=False)

EXTRACT_FORMATS = ("jsonl", "json", "table")
ALIGN_FORMATS = ("json", "html", "table")


def _check_format(value: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise typer.BadParameter(Errors.E006.format(value=value, options=", ".join(options)))
    return value


def _articles(
    paths: list[str], published: Optional[str], skip: set[str], skipped: Optional[list[str]] = None
) -> tuple[list[str], Iterator[Article]]:
    """Readable articles in input order; unreadable inputs are reported on stderr as they come,
    and the ids in ``skip`` are left out (and listed in ``skipped``)."""
    failures: list[str] = []

    def gen() -> Iterator[Article]:
        for item in read_inputs(paths):
            if isinstance(item, InputError):
                failures.append(str(item))
                typer.echo(f"quotex: {item}", err=True)
                continue
            if item.id in skip:
                if skipped is not None:
                    skipped.append(item.id)
                continue
            try:
                check_length(item)
            except InputError as err:
                failures.append(str(err))
                typer.echo(f"quotex: {err}", err=True)
                continue
            if published is not None:
                item = _with_published(item, published)
            yield item

    return failures, gen()


def _with_published(article: Article, published: str) -> Article:
    provenance = {**article.provenance, "published": "caller"}
    return replace(article, published=coerce_date(published), provenance=provenance)


def _done_ids(output: Optional[Path]) -> set[str]:
    """Ids already written to ``output`` (resumable runs); a torn last line is ignored."""
    if output is None or not output.exists():
        return set()
    done = set()
    for line in output.read_text(encoding="utf-8").splitlines():
        try:
            done.add(json.loads(line)["id"])
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
    return done


def _progress(items: Iterable[Document], enabled: bool) -> Iterable[Document]:
    if not enabled:
        return items
    from tqdm import tqdm

    bar: Iterable[Document] = tqdm(items, desc="quotex", unit="doc", file=sys.stderr)
    return bar


@app.command("extract")
def extract_cmd(
    files: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or table.")] = "jsonl",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for all inputs.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes (spaCy multiprocessing).")] = 1,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Append JSON Lines here; resumes.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = False,
) -> None:
    """Extract quotes, claims and speakers; one JSON object per input article."""
    _check_format(format, EXTRACT_FORMATS)
    from quotex.api import extract_many

    skip = _done_ids(output)
    skipped: list[str] = []
    failures, articles = _articles(files, published, skip, skipped)
    docs = _progress(extract_many(articles, nlp=model, n_process=jobs), progress)
    written = _write(docs, format, output)
    if skipped:
        # a resumed run keeps the records it finds: say so, so that a rerun with another model
        # or code is not mistaken for fresh output
        typer.echo(
            f"quotex: {len(skipped)} article(s) already in {output} were kept, not extracted again "
            "(resumed run); remove the file to redo them.",
            err=True,
        )
    if written == 0 and failures and not skip:
        raise typer.Exit(code=1)


def _write(docs: Iterable[Document], format: str, output: Optional[Path]) -> int:
    """Write each document as it comes (JSON Lines and tables stream); ``output`` gets every format."""
    if format == "json":
        records = [d.to_json_record() for d in docs]
        text = json.dumps(records, ensure_ascii=False, indent=2)
        if output is not None:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return len(records)
    count = 0
    sink = _open_append(output) if output is not None else None
    try:
        for doc in docs:
            count += 1
            line = render_table(doc) if format == "table" else json.dumps(doc.to_json_record(), ensure_ascii=False)
            if sink is not None:
                sink.write(line + "\n")
                sink.flush()
            else:
                typer.echo(line)
    finally:
        if sink is not None:
            sink.close()
    return count


def _open_append(path: Path) -> TextIO:
    """Open for appending, first cutting a torn last line left by an interrupted run."""
    if path.exists():
        data = path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            with path.open("r+b") as torn:
                torn.truncate(keep)
    return path.open("a", encoding="utf-8")


def render_table(doc: Document) -> str:
    """Plain-text table of a document's quotes and claims."""
    rows = [f"# {doc.id}" + (f"  ({doc.published})" if doc.published else "")]
    items: list[Quote | Claim] = [*doc.quotes, *doc.claims]
    for item in items:
        kind = item.kind if isinstance(item, Quote) else "claim"
        who = item.speaker.name if item.speaker else "-"
        text = " ".join(item.text.split())
        rows.append(f"{item.start:>6}-{item.end:<6} {kind:<8} {who[:24]:<24} {text[:90]}")
    return "\n".join(rows)


@app.command("align")
def align_cmd(
    files: Annotated[list[str], typer.Argument(help="Articles (text, HTML, JSON Lines) or extract output.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, html or table.")] = "json",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for all inputs.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Group the same statements across outlets and report how their wording drifted."""
    _check_format(format, ALIGN_FORMATS)
    import quotex

    failures, articles = _articles(files, published, set())
    docs = list(quotex.extract_many(articles, nlp=model))
    if not docs:
        raise typer.Exit(code=1 if failures else 0)
    from quotex.alignment import to_html, to_json, to_table

    result = quotex.align(docs)
    rendered = {"json": to_json, "html": to_html, "table": to_table}[format](result)
    if output is not None:
        output.write_text(rendered, encoding="utf-8")
    else:
        typer.echo(rendered)


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold file in the format of shared/eval/seeds/gold.json.")],
    texts: Annotated[Path, typer.Argument(help="Folder with <id>.txt articles named in the gold file.")],
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    by_sieve: Annotated[bool, typer.Option(help="Also count, per sieve, the attributions made and right.")] = False,
) -> None:
    """Score extraction against a gold file: quote, speaker and claim P/R/F1."""
    from quotex.evaluate import evaluate_folder

    typer.echo(json.dumps(evaluate_folder(gold, texts, nlp=model, by_sieve=by_sieve), indent=2))


def main() -> None:
    """Entry point of the ``quotex`` script; errors become one line on stderr."""
    try:
        app()
    except (QuotexError, OSError) as err:
        typer.echo(f"quotex: {err}", err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":  # pragma: no cover
    main()
