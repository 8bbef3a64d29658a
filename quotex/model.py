"""Loading a spaCy pipeline (the embedded model by default) with the quotex components added."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry
from thinc.api import use_ops

import quotex.pipeline  # noqa: F401  (registers the factories)
from quotex.errors import Errors, ModelNotFoundError

MODEL_NAME = "en_quotex_sm"
#: the embedded model's tokenizer is read whole from disk (rules, affixes, special cases): building
#: spaCy's English defaults first, only to replace them, would cost a fifth of a second per start
_SAVED_TOKENIZER: dict[str, Any] = {"nlp": {"tokenizer": {"@tokenizers": "quotex.saved_tokenizer.v1"}}}


@registry.tokenizers("quotex.saved_tokenizer.v1")  # type: ignore[untyped-decorator]  # catalogue is untyped
def saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """A bare tokenizer for a pipeline whose tokenizer settings all come from its saved files."""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def model_path() -> Path:
    """Directory of the embedded pipeline: inside the installed package, else the repo's models/."""
    packaged = resources.files("quotex").joinpath("_models", MODEL_NAME)
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parent.parent / "models" / MODEL_NAME
    if repo.is_dir():
        return repo
    raise ModelNotFoundError(Errors.E003.format(path=repo))


def add_components(nlp: Language) -> Language:
    """Add the quotex components to ``nlp`` where missing, in data-flow order."""
    if "quotex_paragraphs" not in nlp.pipe_names:
        first = next(
            (n for n in ("tok2vec", "tagger", "morphologizer", "parser") if n in nlp.pipe_names),
            None,
        )
        nlp.add_pipe("quotex_paragraphs", **({"before": first} if first else {"first": True}))
    for name in ("quotex_quotes", "quotex_speakers", "quotex_claims"):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load(model: str | Path | Language | None = None) -> Language:
    """The spaCy pipeline quotex runs, with its components added.

    Args:
        model: None for the embedded English model, an installed spaCy pipeline name
            ("en_core_web_lg"), a path to a pipeline directory, or a ``Language`` object.

    Returns:
        The pipeline. Loading by name or path is cached, so repeated calls are cheap.

    Raises:
        ModelNotFoundError: No pipeline under that name or path.

    Example:
        >>> import quotex
        >>> nlp = quotex.load()
        >>> "quotex_speakers" in nlp.pipe_names
        True
    """
    if isinstance(model, Language):
        return add_components(model)
    return _load_cached(str(model) if model is not None else None)


@lru_cache(maxsize=4)
def _load_cached(model: str | None) -> Language:
    target = model_path() if model is None else model
    try:
        # numpy's BLAS (OpenBLAS) rather than BLIS for the model's layers: its kernels run the
        # tok2vec's matrix products twice as fast on current x86 CPUs, same results
        # (benchmarks/results/vs_textacy.json)
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(target, config=_SAVED_TOKENIZER if model is None else {})
    except OSError as err:
        raise ModelNotFoundError(Errors.E002.format(model=str(target), reason=str(err).rstrip("."))) from err
    nlp.max_length = 10**8  # texts are chunked by quotex.extract; this only guards direct calls
    return add_components(nlp)
