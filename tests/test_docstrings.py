"""The examples in the public docstrings run and print what they say."""

from __future__ import annotations

import doctest

import pytest

import quotex
import quotex.api
import quotex.model
import quotex.results

pytestmark = pytest.mark.needs_model


@pytest.mark.parametrize("module", [quotex, quotex.api, quotex.model, quotex.results])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
