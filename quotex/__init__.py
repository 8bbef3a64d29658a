"""quotex: who said what in the news, and how the same words changed from outlet to outlet.

Example:
    >>> import quotex
    >>> doc = quotex.extract('"It was a friendly talk," Mayor Ana Ruiz said on Monday.')
    >>> for q in doc.quotes:
    ...     print(q.kind, "|", q.speaker.name, "|", q.text)
    direct | Ana Ruiz | It was a friendly talk,
"""

import typing as _typing

from quotex.about import __version__
from quotex.api import align, extract, extract_many
from quotex.errors import (
    AlignmentError,
    ConfigError,
    ExtractionError,
    InputError,
    ModelNotFoundError,
    QuotexError,
)
from quotex.model import load
from quotex.results import Claim, Cue, Document, Entity, ErrorRecord, Quote, Speaker, TextSpan, TimeRef

if _typing.TYPE_CHECKING:
    from quotex.alignment import Alignment


def __getattr__(name: str) -> _typing.Any:
    # the alignment package is imported on first use: extracting never needs it
    if name == "Alignment":
        from quotex.alignment import Alignment

        return Alignment
    raise AttributeError(f"module 'quotex' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "Alignment"})


__all__ = [
    "Alignment",
    "AlignmentError",
    "Claim",
    "ConfigError",
    "Cue",
    "Document",
    "Entity",
    "ErrorRecord",
    "ExtractionError",
    "InputError",
    "ModelNotFoundError",
    "Quote",
    "QuotexError",
    "Speaker",
    "TextSpan",
    "TimeRef",
    "__version__",
    "align",
    "extract",
    "extract_many",
    "load",
]
