"""``quotex.batch`` through ``extract_many``: one article's failure, overrun or dead worker costs
that article only, in input order, with the step named; text hygiene and run cutting keep offsets."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time

import pytest

import quotex
from quotex.batch import RUN_CHARS, _cut_runs, chunk_ranges
from quotex.errors import ConfigError, ExtractionError, InputError
from quotex.pipeline import quote_finder
from quotex.results import Document, ErrorRecord

pytestmark = pytest.mark.needs_model

TEXTS = [
    '"The bridge will reopen on Friday," engineer Nadia Berg said.',
    '"Everything is fine," the spokesman said of the TRIGGER incident.',
    "According to the fire service, nobody was hurt.",
]


@pytest.fixture
def trigger(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the quote finder does on a text with TRIGGER in it: raise, sleep or kill its process."""
    behaviour: dict[str, object] = {"do": "raise"}
    real = quote_finder.find_quotes

    def find_quotes(text: str) -> object:
        if "TRIGGER" in text:
            if behaviour["do"] == "sleep":
                time.sleep(30)
            elif behaviour["do"] == "exit":
                os._exit(3)
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(quote_finder, "find_quotes", find_quotes)
    return behaviour


def _codes(results: list[Document | ErrorRecord]) -> list[str]:
    return [r.error.code if isinstance(r, ErrorRecord) else "ok" for r in results]


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failure_is_recorded_in_place(trigger: dict[str, object], n_process: int) -> None:
    results = list(quotex.extract_many(TEXTS, errors="record", n_process=n_process))
    assert _codes(results) == ["ok", "E301", "ok"]
    failed = results[1]
    assert isinstance(failed, ErrorRecord) and failed.id == "doc1" and failed.error.stage == "quotex_quotes"


def test_raise_names_the_article_and_the_step(trigger: dict[str, object]) -> None:
    with pytest.raises(ExtractionError, match=r"\[E301\] Article 'doc' failed in quotex_quotes: IndexError") as info:
        quotex.extract(TEXTS[1])
    assert isinstance(info.value.__cause__, IndexError)
    with pytest.raises(ExtractionError, match="doc1"):
        list(quotex.extract_many(TEXTS))


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_article_over_its_time_budget_is_stopped(trigger: dict[str, object], n_process: int) -> None:
    trigger["do"] = "sleep"
    started = time.monotonic()
    results = list(quotex.extract_many(TEXTS, errors="record", n_process=n_process, timeout=1.0))
    assert time.monotonic() - started < 25
    assert _codes(results) == ["ok", "E302", "ok"]


def test_a_worker_that_dies_costs_its_article_only(trigger: dict[str, object]) -> None:
    trigger["do"] = "exit"
    results = list(quotex.extract_many([*TEXTS, *TEXTS], errors="record", n_process=2))
    assert _codes(results) == ["ok", "E303", "ok", "ok", "E303", "ok"]
    assert isinstance(results[1], ErrorRecord) and results[1].error.stage == "worker"


def test_bad_sources_are_records_or_errors() -> None:
    results = list(quotex.extract_many([TEXTS[0], 42, "x" * 50], errors="record", max_chars=40))  # type: ignore[list-item]
    assert _codes(results) == ["E010", "E001", "E010"]
    with pytest.raises(InputError, match="E001"):
        list(quotex.extract_many([42]))  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="E011"):
        list(quotex.extract_many(TEXTS, errors="ignore"))  # type: ignore[call-overload]


def test_lone_surrogates_are_replaced_in_text_and_metadata() -> None:
    doc = quotex.extract('"Ready \udc80," the mayor said.', id="m\ud800", outlet="Wire\udfff")
    assert doc.text == '"Ready \ufffd," the mayor said.' and doc.id == "m\ufffd" and doc.outlet == "Wire\ufffd"
    assert [w[:6] for w in doc.warnings] == ["[W004]"]
    doc.model_dump_json().encode("utf-8")


@pytest.mark.parametrize(
    "run",
    ["!" * 1000, "“word" * 300, "https://example.com/" + "a" * 500, "a" * RUN_CHARS],
    ids=["punctuation", "quotes without spaces", "long url", "just short enough"],
)
def test_long_runs_are_cut_for_the_parser_only(run: str) -> None:
    text = f"Before {run} after."
    cut = _cut_runs(text)
    assert len(cut) == len(text)
    assert max(len(w) for w in cut.split()) <= RUN_CHARS
    doc = quotex.extract(text)
    assert doc.text == text


def test_chunks_cover_the_text() -> None:
    text = ("A paragraph of news. " * 40 + "\n\n") * 60
    ranges = chunk_ranges(text)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))


_REUSE = """
import resource, numpy as np
from quotex.batch import tune_allocator

def faults(mb):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    first, second = np.ones(mb * 131072), np.ones(mb * 131072)
    del first, second
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

tune_allocator()
faults(20)  # the first use grows the heap
print(faults(20))
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's allocator")
def test_tuned_allocator_reuses_a_freed_batch_array() -> None:
    # a batch's arrays (tens of MB) are freed and allocated again by the next batch: once tuned,
    # the second allocation reuses the heap instead of faulting in fresh pages (untuned, glibc
    # maps both 20 MB arrays afresh: about a thousand faults each time); in a process of its own,
    # so that the test run keeps its allocator
    out = subprocess.run([sys.executable, "-c", _REUSE], capture_output=True, text=True, check=True)
    assert int(out.stdout) < 50
