"""quotex: who said what in the news, and how the same words changed from outlet to outlet.

Example:
    >>> import quotex
    >>> doc = quotex.extract('"It was a friendly talk," Mayor Ana Ruiz said on Monday.')
    >>> for q in doc.quotes:
    ...     print(q.kind, "|", q.speaker.name, "|", q.text)
    direct | Ana Ruiz | It was a friendly talk,
"""

from quotex.about import __version__
from quotex.alignment import Alignment
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
