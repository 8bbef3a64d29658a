"""A griffe extension for the API reference: quotex's docstrings as mkdocstrings' Google parser reads them.

The docstrings follow the Google style guide, which titles a section ``Example:``; griffe's
Google parser only turns ``Examples:`` into code blocks (``Example:`` becomes prose, and the
``>>>`` lines nested quotes). Sphinx roles (``:func:`quotex.load```), which the Google parser
does not know, become inline code. Loaded from mkdocs.yml (``extensions``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^([ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:func|meth|class|data|attr|mod|exc|obj):`~?([^`]+)`")


def normalise(docstring: str) -> str:
    """``docstring`` with ``Example:`` sections titled ``Examples:`` and roles as code."""
    return _ROLE.sub(r"`\1`", _EXAMPLE.sub(r"\1Examples:", docstring))


class GoogleDocstrings(griffe.Extension):
    """Rewrites each docstring as it is loaded, before mkdocstrings parses it."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = normalise(obj.docstring.value)
