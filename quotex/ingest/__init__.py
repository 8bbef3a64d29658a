"""Getting articles in: plain text, HTML pages and JSON Lines records, with their metadata."""

from __future__ import annotations

from .article import Article, from_text
from .html import from_html
from .readers import MAX_INPUT_BYTES, from_record, read_inputs

__all__ = ["MAX_INPUT_BYTES", "Article", "from_html", "from_record", "from_text", "read_inputs"]
