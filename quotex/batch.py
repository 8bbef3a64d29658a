"""Running the pipeline over many articles, so that one odd article costs that article only.

Each article is cleaned at the door (code points UTF-8 cannot write), cut into chunks the
parser can afford, and extracted in isolation: a failure in any step becomes that article's
:class:`~quotex.results.ErrorRecord` (with the step named), the others go on and keep their
order. ``n_process > 1`` runs quotex's own worker processes rather than spaCy's, because a
worker must hand its failure back instead of hanging the run, must be stopped when an article
overruns its time budget, and must not outlive the main process.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from itertools import groupby
from multiprocessing.connection import Connection, wait
from typing import Any, Union

from spacy.language import Language
from spacy.tokens import Doc
from threadpoolctl import ThreadpoolController

from quotex.convert import DocConverter
from quotex.errors import Errors, ExtractionError, InputError, QuotexError, Warnings
from quotex.extract.paragraphs import normalize_for_parsing, paragraph_spans
from quotex.ingest import Article, from_text
from quotex.pipeline.paragraphs import SPANS_KEY as PARAGRAPHS_KEY
from quotex.results import Document, ErrorDetail, ErrorRecord

#: texts are parsed in chunks of at most this many characters, cut at paragraph breaks,
#: which bounds the parser's memory whatever the article's length
CHUNK_CHARS = 20_000
#: characters parsed together: about 5,000 words. A batch's activations (the parser's
#: precomputed features above all) grow with its words, so this bound keeps memory flat
#: whatever the articles' lengths; bigger batches are not faster.
BATCH_CHARS = 30_000
#: spaCy's tokenizer is quadratic in the length of a run without whitespace ("!!!!..."), so
#: longer runs get a space every this many characters in the copy the parser reads, and runs
#: with no letter or digit at all (no words, but a token per character) are blanked there
RUN_CHARS = 200
#: longer texts are refused: at news-parsing speed they would take many minutes each
MAX_CHARS = 1_000_000
#: a worker gets this much longer than the budget to report an overrun itself before it is killed
GRACE_SECONDS = 10.0

_LONG_RUN = re.compile(r"\S{%d,}" % (RUN_CHARS + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")
_CODE = re.compile(r"^\[([EW]\d{3})\]")
_BLAS = ThreadpoolController()


@dataclass(frozen=True)
class Failed:
    """An article that could not be extracted, with the exception when it was raised here."""

    record: ErrorRecord
    cause: BaseException | None = None

    def exception(self) -> QuotexError:
        """The error ``errors="raise"`` raises: the original InputError, else an ExtractionError."""
        if isinstance(self.cause, QuotexError):
            return self.cause
        err = ExtractionError(self.record.error.message)
        err.__cause__ = self.cause
        return err


Outcome = Union[Document, Failed]


@dataclass(frozen=True)
class Job:
    """An article ready for the pipeline, with the warnings its cleaning raised."""

    article: Article
    notes: tuple[str, ...] = ()


def failure(doc_id: str, err: BaseException, stage: str) -> Failed:
    """The error record of an article whose ``stage`` raised ``err``."""
    message = str(err) if isinstance(err, QuotexError) else ""
    match = _CODE.match(message)
    if match is None:
        reason = f"{type(err).__name__}: {err}".rstrip(": ")
        message = Errors.E301.format(id=doc_id, stage=stage, reason=reason)
        match = _CODE.match(message)
    code = match.group(1) if match else "E301"
    detail = ErrorDetail(code=code, message=_scrub(message)[0], stage=stage)
    return Failed(ErrorRecord(id=_scrub(doc_id)[0], error=detail), err)


def read_failure(err: InputError, fallback_id: str) -> Failed:
    """The error record of an input that could not be read as an article."""
    return failure(err.id or fallback_id, err, "read")


def check_length(text: str, doc_id: str, max_chars: int = MAX_CHARS) -> None:
    """Refuse a text longer than ``max_chars`` [E010]."""
    if len(text) > max_chars:
        raise InputError(Errors.E010.format(id=doc_id, length=len(text), limit=max_chars))


def admit(source: str | Article | InputError, fallback_id: str, max_chars: int = MAX_CHARS) -> Job | Failed:
    """A source ready for :func:`run`: a text or article becomes a Job, an input that cannot
    be extracted (not text, too long, unreadable) its Failed record."""
    if isinstance(source, InputError):
        return read_failure(source, fallback_id)
    try:
        if isinstance(source, str):
            source = from_text(source, id=fallback_id)
        elif not isinstance(source, Article):
            raise InputError(Errors.E001.format(type=type(source).__name__))
        check_length(source.text, source.id, max_chars)
    except InputError as err:
        return read_failure(err, source.id if isinstance(source, Article) else fallback_id)
    except Exception as err:  # reading the text (metadata, furniture) failed: this article only
        return failure(fallback_id, err, "read")
    return prepare(source)


def prepare(article: Article) -> Job:
    """The article with every code point UTF-8 cannot write replaced by U+FFFD (same length,
    so offsets hold), and the warning that says so."""
    changed: dict[str, Any] = {}
    count, first = 0, -1
    for f in fields(article):
        value = getattr(article, f.name)
        if isinstance(value, str):
            clean, n = _scrub(value)
            if n:
                changed[f.name] = clean
                count += n
                if f.name == "text":
                    first = _SURROGATE.search(value).start()  # type: ignore[union-attr]
        elif isinstance(value, dict) and any(_SURROGATE.search(str(v)) for v in value.values()):
            changed[f.name] = {k: _scrub(str(v))[0] for k, v in value.items()}
            count += 1
    if not count:
        return Job(article)
    return Job(replace(article, **changed), (Warnings.W004.format(count=count, offset=max(first, 0)),))


def _scrub(text: str) -> tuple[str, int]:
    return _SURROGATE.subn("\ufffd", text)


def chunk_ranges(text: str) -> list[tuple[int, int]]:
    """Cut the text at paragraph breaks into pieces of at most ``CHUNK_CHARS``; always one piece at least."""
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


def parser_texts(article: Article) -> list[tuple[str, int]]:
    """The chunks the parser reads, each with its start in ``article.text``: same lengths as
    the text, boilerplate blanked, long whitespace-free runs cut."""
    out = []
    for start, end in chunk_ranges(article.text):
        blank = [(s - start, e - start) for s, e in article.boilerplate if s < end and e > start]
        out.append((_cut_runs(normalize_for_parsing(article.text[start:end], blank)), start))
    return out


def _cut_runs(text: str) -> str:
    if not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for m in _LONG_RUN.finditer(text):
        if not any(c.isalnum() for c in m.group()):
            chars[m.start() : m.end()] = " " * (m.end() - m.start())
            continue
        for i in range(m.start() + RUN_CHARS, m.end(), RUN_CHARS):
            chars[i] = " "
    return "".join(chars)


def to_document(article: Article, docs: Iterable[tuple[Doc, int]], notes: Iterable[str] = ()) -> Document:
    """The Document of an article from its parsed chunks (each with its start in the text)."""
    quotes, claims, entities, warnings = [], [], [], list(notes)
    paragraphs = 0
    for doc, offset in docs:
        conv = DocConverter(
            doc,
            article.text,
            offset=offset,
            paragraph_base=paragraphs,
            published=article.published,
            skip=article.boilerplate,
        )
        paragraphs += len(doc.spans.get(PARAGRAPHS_KEY, []))
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


class _OverBudget(BaseException):
    """Raised by the timer; a BaseException, so that no component's ``except Exception`` eats it."""


@contextlib.contextmanager
def _budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (Unix main thread only; elsewhere workers are the guard)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_one(nlp: Language, job: Job, budget: float | None = None) -> Outcome:
    """One article, step by step, so that a failure names the step that raised it."""
    article = job.article
    stage = ["tokenizer"]

    def parsed() -> Iterator[tuple[Doc, int]]:
        # chunk by chunk: each Doc is converted and dropped before the next is parsed
        for text, start in parser_texts(article):
            stage[0] = "tokenizer"
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                stage[0] = name
                doc = proc(doc)
            stage[0] = "convert"
            yield doc, start

    try:
        with _budget(budget):
            return to_document(article, parsed(), job.notes)
    except _OverBudget:
        message = Errors.E302.format(id=article.id, seconds=budget, stage=stage[0])
        return failure(article.id, ExtractionError(message), stage[0])
    except Exception as err:
        return failure(article.id, err, stage[0])


def extract_group(nlp: Language, jobs: list[Job], batch_size: int, budget: float | None = None) -> list[Outcome]:
    """Articles through ``nlp.pipe`` together; if anything fails, each again on its own."""
    # The model's matrices are small: one BLAS thread is as fast as two and leaves the other
    # core free (n_process is the way to use more cores); see quotex.model for the BLAS.
    with _BLAS.limit(limits=1, user_api="blas"):
        if len(jobs) == 1:
            return [extract_one(nlp, jobs[0], budget)]
        texts = [(text, (k, start)) for k, job in enumerate(jobs) for text, start in parser_texts(job.article)]
        try:
            with _budget(budget * len(jobs) if budget else None):
                parsed = nlp.pipe(texts, as_tuples=True, batch_size=batch_size)
                return [
                    to_document(jobs[k].article, ((doc, ctx[1]) for doc, ctx in group), jobs[k].notes)
                    for k, group in groupby(parsed, key=lambda pair: pair[1][0])
                ]
        except (Exception, _OverBudget):
            return [extract_one(nlp, job, budget) for job in jobs]


def run(
    items: Iterable[Job | Failed | Document],
    nlp: Language,
    *,
    batch_size: int = 16,
    n_process: int = 1,
    budget: float | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; ``Failed`` items (inputs that could not be read) and Documents
    (extracted before) pass through."""
    if n_process > 1:
        yield from _Pool(nlp, n_process, budget, batch_size).run(items)
        return
    pending: list[Job | Failed | Document] = []
    chunks = chars = 0
    for item in items:
        pending.append(item)
        if isinstance(item, Job):
            chunks += len(chunk_ranges(item.article.text))
            chars += len(item.article.text)
        if chunks >= batch_size or chars >= BATCH_CHARS:
            yield from _flush(nlp, pending, batch_size, budget)
            pending, chunks, chars = [], 0, 0
    yield from _flush(nlp, pending, batch_size, budget)


def _flush(
    nlp: Language, pending: list[Job | Failed | Document], batch_size: int, budget: float | None
) -> Iterator[Outcome]:
    done = iter(extract_group(nlp, [j for j in pending if isinstance(j, Job)], batch_size, budget))
    for item in pending:
        yield next(done) if isinstance(item, Job) else item


# ---- worker processes ------------------------------------------------------------------------


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process of the chosen context
    conn: Connection
    task: tuple[list[tuple[int, Job]], float] | None = None  # (index, job) pairs, start time


class _Pool:
    """Worker processes, one small batch of articles in flight each; results come back in input order."""

    def __init__(self, nlp: Language, size: int, budget: float | None, batch_size: int) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork shares the loaded pipeline with the workers; elsewhere it is pickled to them
        self.context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.nlp = nlp
        self.budget = budget
        self.size = size
        self.batch_size = batch_size
        self._exhausted = False
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        mine, theirs = self.context.Pipe()
        process = self.context.Process(
            target=_serve,
            args=(theirs, self.nlp, self.budget, self.batch_size, os.getpid()),
            daemon=True,
            name="quotex-worker",
        )
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def run(self, items: Iterable[Job | Failed | Document]) -> Iterator[Outcome]:
        source = enumerate(items)
        results: dict[int, Outcome] = {}
        retry: deque[list[tuple[int, Job]]] = deque()  # articles of a batch whose worker died, one by one
        next_out = 0
        self._exhausted = False
        try:
            self.workers = [self._start() for _ in range(self.size)]
            while True:
                for worker in self.workers:
                    if worker.task is None and len(results) < 64 * self.size:
                        task = retry.popleft() if retry else self._next_batch(source, results)
                        if task:
                            worker.task = (task, time.monotonic())
                            with contextlib.suppress(OSError):  # a dead worker is found by _collect
                                worker.conn.send(task)
                while next_out in results:
                    yield results.pop(next_out)
                    next_out += 1
                busy = [w for w in self.workers if w.task is not None]
                if self._exhausted and not retry and not busy:
                    return
                if busy:
                    wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=1.0)
                for k, worker in enumerate(self.workers):
                    results.update(self._collect(worker, retry))
                    if worker.task is None and not worker.process.is_alive():
                        self.workers[k] = self._start()
        finally:
            self._close()

    def _next_batch(
        self, source: Iterator[tuple[int, Job | Failed | Document]], results: dict[int, Outcome]
    ) -> list[tuple[int, Job]]:
        """The next articles for one worker, bounded as the one-process run bounds a batch:
        parsed together, they run faster than one by one. Items that are not Jobs pass through."""
        batch: list[tuple[int, Job]] = []
        chunks = chars = 0
        while chunks < self.batch_size and chars < BATCH_CHARS:
            index, item = next(source, (-1, None))
            if item is None:
                self._exhausted = True
                break
            if not isinstance(item, Job):
                results[index] = item
                continue
            batch.append((index, item))
            chunks += len(chunk_ranges(item.article.text))
            chars += len(item.article.text)
        return batch

    def _collect(self, worker: _Worker, retry: deque[list[tuple[int, Job]]]) -> dict[int, Outcome]:
        """A finished task's outcomes, or the failure of a worker that died or overran: the
        articles of a batch are retried one by one, so a death costs only the article that caused it."""
        if worker.task is None:
            return {}
        task, started = worker.task
        try:
            if worker.conn.poll():
                done = worker.conn.recv()
                worker.task = None
                return {i: p if isinstance(p, Document) else Failed(p) for i, p in done}
        except (EOFError, OSError):
            pass
        budget = self.budget * len(task) if self.budget else None
        if not worker.process.is_alive() or worker.conn.closed:
            details: dict[str, object] = {"reason": f"exit status {worker.process.exitcode}"}
            template = Errors.E303
        elif budget and time.monotonic() - started > budget + GRACE_SECONDS:
            worker.process.kill()
            worker.process.join()
            template, details = Errors.E302, {"seconds": self.budget, "stage": "worker"}  # a batch overran
        else:
            return {}
        worker.task = None
        worker.conn.close()
        if len(task) > 1:
            retry.extend([pair] for pair in task)
            return {}
        index, job = task[0]
        err = ExtractionError(template.format(id=job.article.id, **details))
        return {index: failure(job.article.id, err, "worker")}

    def _close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 2.0
        for worker in self.workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers = []


def _serve(conn: Connection, nlp: Language, budget: float | None, batch_size: int, parent: int) -> None:
    """A worker: batches of articles in, Documents or ErrorRecords out, until told to stop or orphaned."""
    _follow_parent(parent)
    tune_allocator()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        indices = [i for i, _ in message]
        outcomes = extract_group(nlp, [job for _, job in message], batch_size, budget)
        conn.send([(i, o if isinstance(o, Document) else o.record) for i, o in zip(indices, outcomes, strict=True)])


#: glibc mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
#: heap memory kept between batches: the largest arrays of a batch of ``BATCH_CHARS`` fit
_KEEP_BYTES = 256 * 1024 * 1024
_OLD_GLIBC_MAX = 32 * 1024 * 1024


def tune_allocator() -> None:
    """Let glibc keep the model's batch arrays in the heap from one batch to the next.

    Each batch allocates and frees arrays of tens of megabytes (the tok2vec's layers); glibc maps
    arrays that large from the kernel afresh every time (its mmap threshold stops at 32 MB) and
    each first touch of a page is a page fault: two thirds of the command's page faults and most of
    its system time. Raising the mmap and trim thresholds reuses the memory instead; peak memory
    is unchanged (benchmarks/results/vs_textacy.json, memory.json). Called by the command line
    and its workers, which own their processes; a library call leaves the allocator alone.
    Elsewhere than glibc it does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        mallopt = ctypes.CDLL(None).mallopt  # absent from musl
        # glibc before 2.35 refuses an mmap threshold over 32 MB; setting the trim threshold alone
        # would switch off the dynamic mmap threshold, so it follows an accepted mmap threshold only
        if mallopt(_M_MMAP_THRESHOLD, _KEEP_BYTES) or mallopt(_M_MMAP_THRESHOLD, _OLD_GLIBC_MAX):
            mallopt(_M_TRIM_THRESHOLD, _KEEP_BYTES)


def _follow_parent(parent: int) -> None:
    """End this process when the main process dies, even by SIGKILL: the kernel's parent-death
    signal where there is one, and a watch on the parent id everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="quotex-parent-watch").start()
