"""The ``quotex`` command line: a thin shell over ``quotex.extract_many`` and ``quotex.align``."""

from __future__ import annotations

import io
import json
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from quotex.about import __version__
from quotex.batch import Failed, Job, admit, run, tune_allocator
from quotex.errors import ConfigError, Errors, QuotexError
from quotex.ingest import Article, read_inputs
from quotex.ingest.article import coerce_date
from quotex.ingest.readers import SUFFIXES, count_inputs
from quotex.model import load
from quotex.results import Claim, Document, ErrorRecord, Quote

HELP = "Who said what in the news: extract quotes, claims and speakers, and align them across outlets."
app = typer.Typer(add_completion=False, help=HELP, no_args_is_help=True, pretty_exceptions_enable=False)

EXTRACT_FORMATS = ("jsonl", "json", "table")
ALIGN_FORMATS = ("json", "html", "table")
#: seconds one article may take in the CLI: a 1M-character article needs about two minutes
DEFAULT_TIMEOUT = 600.0


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotex {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    pass


def _check_format(value: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise typer.BadParameter(Errors.E006.format(value=value, options=", ".join(options)))
    return value


@dataclass
class _Tally:
    """What a run did, for its summary line and exit status."""

    done: int = 0
    failed: int = 0
    kept: int = 0


def _jobs(
    paths: list[str], published: Optional[str], skip: set[str], tally: _Tally, *, results: bool = False
) -> Iterator[Job | Failed | Document]:
    """Inputs ready for extraction, in order; unreadable ones as their error records, the ids in
    ``skip`` left out (counted as kept), and, with ``results``, extract output passed as it is."""
    for item in read_inputs(paths, results=results):
        if isinstance(item, Document):
            yield item
            continue
        if isinstance(item, ErrorRecord):
            typer.echo(f"quotex: skipped {item.id!r}, an error record: {item.error.message}", err=True)
            continue
        if item.id in skip:
            tally.kept += 1
            continue
        if published is not None and isinstance(item, Article):
            item = _with_published(item, published)
        yield admit(item, item.id or "input")


def _outcomes(
    items: Iterable[Job | Failed | Document],
    model: Optional[str],
    jobs: int,
    timeout: Optional[float],
    tally: _Tally,
    fail_fast: bool = False,
) -> Iterator[Document | ErrorRecord]:
    """Documents and error records in input order; each failure is warned about on stderr as it comes."""
    outcomes = run(items, load(model), n_process=jobs, budget=timeout)
    try:
        for outcome in outcomes:
            if isinstance(outcome, Document):
                tally.done += 1
                yield outcome
                continue
            tally.failed += 1
            typer.echo(f"quotex: {outcome.record.error.message}", err=True)
            yield outcome.record
            if fail_fast:
                typer.echo("quotex: stopped at the first failure (--fail-fast).", err=True)
                return
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


def _with_published(article: Article, published: str) -> Article:
    provenance = {**article.provenance, "published": "caller"}
    return replace(article, published=coerce_date(published), provenance=provenance)


def _done_ids(output: Optional[Path], inputs: list[str], resume: bool = True) -> set[str]:
    """Ids already written to ``output`` (resumable runs, JSON Lines only), error records included.

    Raises:
        ConfigError: ``output`` is one of the inputs, or would be read as one in an input
            folder [E012], or does not end in a quotex record [E013]; it is left untouched.
    """
    if output is None or not output.exists():
        return set()
    if any(_reads(Path(arg), output) for arg in inputs if arg != "-"):
        raise ConfigError(Errors.E012.format(path=output))
    if not resume:
        return set()
    lines = output.read_bytes().split(b"\n")
    done = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            done.add(str(json.loads(line)["id"]))
        except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as err:
            # only the last line can be a record cut short by a kill; anything else is not ours
            if number < len(lines) - 1 or not line.startswith(b'{"id":'):
                raise ConfigError(Errors.E013.format(path=output, line=number, reason=err)) from None
    return done


def _reads(arg: Path, output: Path) -> bool:
    """Whether the input argument ``arg`` would read ``output``."""
    if arg.is_dir():
        return output.resolve().parent == arg.resolve() and output.suffix.lower() in SUFFIXES
    return arg.exists() and arg.resolve() == output.resolve()


def _progress(
    items: Iterable[Document | ErrorRecord], enabled: bool, total: Optional[int], done: int
) -> Iterable[Document | ErrorRecord]:
    """A bar over ``total`` inputs (percentage and time left), starting at the ``done`` ones a resumed run keeps."""
    if not enabled:
        return items
    from tqdm import tqdm

    initial = min(done, total) if total is not None else 0
    bar: Iterable[Document | ErrorRecord] = tqdm(
        items, desc="quotex", unit="doc", file=sys.stderr, total=total, initial=initial
    )
    return bar


@app.command("extract")
def extract_cmd(
    files: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or table.")] = "jsonl",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for all inputs.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write here; JSON Lines are appended and a rerun resumes."),
    ] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first article that fails.")] = False,
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds one article may take before it fails (0: no limit).")
    ] = DEFAULT_TIMEOUT,
) -> None:
    """Extract quotes, claims and speakers; one JSON object per input article.

    An article that cannot be read or extracted gets a record {"id", "error": {"code",
    "message", "stage"}} in its place and a warning; the run goes on, and ends with exit
    status 1.
    """
    _check_format(format, EXTRACT_FORMATS)
    tally = _Tally()
    skip = _done_ids(output, files, resume=format == "jsonl")
    items = _jobs(files, published, skip, tally)
    records = _outcomes(items, model, jobs, timeout or None, tally, fail_fast)
    total = count_inputs(files) if progress else None
    _write(_progress(records, progress, total, len(skip)), format, output)
    _finish(tally, output)


def _finish(tally: _Tally, output: Optional[Path] = None) -> None:
    """The run's summary on stderr, and its exit status: 1 when any article failed or there was none."""
    if tally.kept:
        # a resumed run keeps the records it finds: say so, so that a rerun with another model
        # or code is not mistaken for fresh output
        typer.echo(
            f"quotex: {tally.kept} article(s) already in {output} were kept, not extracted again "
            "(resumed run); remove the file to redo them.",
            err=True,
        )
    total = tally.done + tally.failed
    if total == 0 and not tally.kept:
        typer.echo(f"quotex: {Errors.E209.format(reason='nothing readable in the inputs given')}", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"quotex: {total} article(s), {tally.failed} failed.", err=True)
    if tally.failed:
        raise typer.Exit(code=1)


def _write(records: Iterable[Document | ErrorRecord], format: str, output: Optional[Path]) -> int:
    """Write each record as it comes (JSON Lines and tables stream); ``output`` gets every format."""
    if format == "json":
        rows = [r.to_json_record() for r in records]
        text = json.dumps(rows, ensure_ascii=False, indent=2)
        if output is not None:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            typer.echo(text)
        return len(rows)
    count = 0
    # only JSON Lines carry the ids a rerun resumes from: a table is written afresh
    sink = (_open_append(output) if format == "jsonl" else output.open("w", encoding="utf-8")) if output else None
    try:
        for record in records:
            count += 1
            if format == "table":
                width = None if sink is None else TABLE_WIDTH
                line = render_table(record, width=width) if isinstance(record, Document) else _error_row(record)
            else:
                line = json.dumps(record.to_json_record(), ensure_ascii=False)
            if sink is not None:
                sink.write(line + "\n")  # one write per record: a kill leaves whole lines
                sink.flush()
            else:
                typer.echo(line)
    finally:
        if sink is not None:
            sink.close()
    return count


def _open_append(path: Path) -> TextIO:
    """Open for appending after the last complete record: a record left without its newline
    gets one, a record cut short by a kill is cut (``_done_ids`` has vouched for the rest)."""
    if path.exists():
        data = path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            try:
                json.loads(data[keep:])
                with path.open("ab") as sink:
                    sink.write(b"\n")
            except (json.JSONDecodeError, UnicodeDecodeError):
                with path.open("r+b") as torn:
                    torn.truncate(keep)
    return path.open("a", encoding="utf-8")


def _error_row(record: ErrorRecord) -> str:
    return f"# {record.id}  FAILED  {record.error.message}"


#: characters per line of a table written to a file (on a terminal, its width)
TABLE_WIDTH = 120


def render_table(doc: Document, *, width: Optional[int] = None) -> str:
    """A document's quotes and claims in text order as a table with a header row; long text wraps.

    Args:
        doc: An extracted document.
        width: Characters per line; None takes the terminal's width.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    title = doc.id + (f" ({doc.published})" if doc.published else "")
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("span", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("speaker", max_width=28)
    table.add_column("text", ratio=1, overflow="fold")
    items: list[Quote | Claim] = sorted([*doc.quotes, *doc.claims], key=lambda i: (i.start, i.end))
    for item in items:
        kind = item.kind if isinstance(item, Quote) else "claim"
        who = item.speaker.name if item.speaker else "-"
        table.add_row(f"{item.start}-{item.end}", kind, Text(who), Text(" ".join(item.text.split())))
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    with console.capture() as captured:
        console.print(table)
    return captured.get().rstrip("\n")


@app.command("align")
def align_cmd(
    files: Annotated[list[str], typer.Argument(help="Articles (text, HTML, JSON Lines) or extract output.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json, html or table.")] = "json",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for all inputs.")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds one article may take before it fails (0: no limit).")
    ] = DEFAULT_TIMEOUT,
    meta: Annotated[
        Optional[Path], typer.Option(help="JSON Lines of id, outlet, published, url: how the report names articles.")
    ] = None,
) -> None:
    """Group the same statements across outlets and report how their wording drifted.

    ``quotex extract`` output is read as it is (no second extraction), mixed freely with text,
    HTML and record inputs; its error records are skipped with a warning. An article that
    fails here is left out with a warning, and the run ends with exit status 1.
    """
    _check_format(format, ALIGN_FORMATS)
    import quotex

    tally = _Tally()
    items = _jobs(files, published, set(), tally, results=True)
    docs = [r for r in _outcomes(items, model, 1, timeout or None, tally) if isinstance(r, Document)]
    if docs:
        from quotex.alignment import to_html, to_json, to_table

        if meta is not None:
            from quotex.alignment.meta import load_meta, with_meta

            docs = with_meta(docs, load_meta(meta))
        result = quotex.align(docs)
        rendered = {"json": to_json, "html": to_html, "table": to_table}[format](result)
        if output is not None:
            output.write_text(rendered, encoding="utf-8")
        else:
            typer.echo(rendered)
    _finish(tally)


@app.command("evaluate")
def evaluate_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold file: JSON Lines of documents, as benchmarks/devset/gold.jsonl.")],
    texts: Annotated[Path, typer.Argument(help="Folder with <id>.txt articles named in the gold file.")],
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline name or path; default: embedded.")] = None,
    by_sieve: Annotated[bool, typer.Option(help="Also count, per sieve, the attributions made and right.")] = False,
) -> None:
    """Score extraction against a gold file: quote, speaker and claim P/R/F1."""
    from quotex.evaluate import evaluate_folder

    result = evaluate_folder(gold, texts, nlp=model, by_sieve=by_sieve)
    typer.echo(json.dumps(result, indent=2))
    for record in result["errors"]:
        typer.echo(f"quotex: {record['error']['message']}", err=True)
    if result["errors"]:
        raise typer.Exit(code=1)


def main() -> None:
    """Entry point of the ``quotex`` script; errors become one line on stderr.

    Exit status: 0 all articles extracted, 1 some failed (or none given), 2 a usage error;
    SIGTERM and Ctrl-C stop the workers and leave the lines already written whole.
    """
    signal.signal(signal.SIGTERM, _terminate)
    tune_allocator()
    try:
        app()
    except (QuotexError, OSError) as err:
        typer.echo(f"quotex: {err}", err=True)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        typer.echo("quotex: interrupted.", err=True)
        raise SystemExit(130) from None


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C, so that workers are stopped


if __name__ == "__main__":  # pragma: no cover
    main()
