"""Errors and warnings raised by quotex, with stable codes.

The tree::

    QuotexError
    ├── ConfigError          bad argument or component setting
    ├── InputError           text or file that cannot be read
    ├── ExtractionError      a pipeline step failed on a document
    ├── AlignmentError       documents that cannot be aligned
    ├── ModelNotFoundError   no spaCy pipeline under that name or path
    └── MissingDependencyError  an optional package (an extra) is not installed

Every message starts with its code (``[E001]``) so it can be searched for and tested.
"""

from __future__ import annotations


class QuotexError(Exception):
    """Base class of every error quotex raises."""


class ConfigError(QuotexError, ValueError):
    """A setting or argument has a value quotex cannot use."""


class InputError(QuotexError, ValueError):
    """Input text or a file cannot be read as an article.

    Attributes:
        id: The id the article would have had, when known (set by ``read_inputs``).
    """

    id: str | None = None


class ExtractionError(QuotexError):
    """A pipeline step failed on a document."""


class AlignmentError(QuotexError):
    """The documents given to ``align`` cannot be aligned."""


class ModelNotFoundError(QuotexError, OSError):
    """No spaCy pipeline could be loaded from the name or path given."""


class MissingDependencyError(QuotexError, ImportError):
    """A feature needs an optional package that is not installed (see the extras)."""


class QuotexWarning(UserWarning):
    """Something was recovered from, e.g. an unbalanced quotation mark."""


class Errors:
    """Message catalog. Format with ``Errors.E001.format(...)``."""

    E001 = "[E001] Expected text as str, got {type}. Decode bytes first, e.g. data.decode('utf-8')."
    E002 = (
        "[E002] Could not load the spaCy pipeline {model!r}: {reason}. Pass an installed package "
        "name, a path to a pipeline directory, or None for quotex's embedded model."
    )
    E003 = "[E003] The embedded model is missing from {path}. Reinstall quotex or pass `model=`."
    E004 = "[E004] Invalid date {value!r} for `published`: use YYYY-MM-DD or a datetime.date."
    E005 = "[E005] The pipeline has no component that sets {what}; quotex needs {needs}."
    E006 = "[E006] Unknown output format {value!r}; choose one of: {options}."
    E007 = "[E007] Could not read {path}: {reason}."
    E008 = "[E008] Nothing to align: give at least one document."
    E009 = "[E009] Unknown attribute setting {name!r} for {component}; valid: {options}."
    E010 = (
        "[E010] Article {id!r} has {length:,} characters, over quotex's limit of {limit:,} for one article "
        "(about 150,000 words). Split it into articles, or pass a larger `max_chars` if it really is one."
    )
    E011 = "[E011] Unknown error policy {value!r}; choose 'raise' or 'record'."
    E012 = "[E012] The output file {path} is also an input; write the output elsewhere."
    E013 = (
        "[E013] The output file {path} does not end in a quotex record (line {line}: {reason}); it is "
        "left untouched. Give a new file, or one written by `quotex extract --output`."
    )
    E014 = "[E014] {feature} needs {package}, which is not installed: pip install 'quotex[{extra}]'."
    E015 = "[E015] Unknown attribution sieves {sieves} in mention_sieves or entity_sieves; known sieves: {known}."
    E101 = "[E101] Two documents share the id {id!r}; give each document a unique Document.id."
    E102 = "[E102] Unknown align option {name!r}; valid options: {options}."
    E103 = "[E103] Expected quotex Document objects, got {type} at position {index}."
    E104 = "[E104] Invalid value {value!r} for align option {name!r}: {reason}."
    E105 = "[E105] Line {line} of the --meta file {path}: {reason} (expected JSON with id, outlet, published, url)."
    E201 = "[E201] {path} is empty: there is no article text to read."
    E202 = (
        "[E202] {path} looks like a binary file ({reason}), not text or HTML. Give quotex .txt, .html or .jsonl files."
    )
    E203 = (
        "[E203] {path} is not valid UTF-8 (byte {offset}: {reason}). Re-save it as UTF-8, e.g. "
        "`iconv -f latin1 -t utf-8`."
    )
    E204 = (
        "[E204] {path}: no article text found in the HTML ({reason}). Save the page with its body, "
        "or pass the story as plain text."
    )
    E205 = (
        "[E205] {path} is {size:,} bytes, over the {limit:,}-byte limit for one article. Split the "
        "file or pass only the story."
    )
    E206 = (
        '[E206] {path}: record {index} is not a usable article ({reason}). A record needs "text" '
        'or "html", and may have "id", "published", "outlet", "url".'
    )
    E207 = "[E207] {path} does not exist or cannot be opened: {reason}."
    E208 = (
        '[E208] {path} is not a gold file ({reason}). Give a JSON file with "documents" and optional '
        '"speaker_aliases", or JSON Lines with one document per line: "id", "quotes" (each with "start", '
        '"end", "kind", "speaker") and optional "claims" (see docs/extraction.md).'
    )
    E209 = "[E209] No input articles: {reason}."
    E210 = "[E210] {path}: reading the article failed ({reason}); this is a quotex bug, please report it."
    E301 = "[E301] Article {id!r} failed in {stage}: {reason}."
    E302 = "[E302] Article {id!r} took more than its time budget of {seconds:g} s (in {stage}) and was stopped."
    E303 = "[E303] The worker process extracting article {id!r} died ({reason})."


class Warnings:
    """Warning catalog, same convention as :class:`Errors`."""

    W001 = "[W001] The quotation mark at character {offset} is never closed; the quote was ended at character {end}."
    W003 = "[W003] The stray quotation mark at character {offset} pairs with nothing and was ignored."
    W002 = "[W002] Skipped record {index}: {reason}."
    W004 = (
        "[W004] Replaced {count} code point(s) that cannot be written as UTF-8 (lone surrogates) with "
        "U+FFFD, first at character {offset}; offsets are unchanged."
    )
