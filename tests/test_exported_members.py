"""The public API is exactly what ``__all__`` says."""

from __future__ import annotations

import quotex


def test_all_is_sorted_and_complete() -> None:
    public = {name for name in dir(quotex) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(quotex, name)).__name__ == "module"}
    assert quotex.__all__ == sorted(quotex.__all__, key=str.casefold) or quotex.__all__ == sorted(quotex.__all__)
    assert set(quotex.__all__) - {"__version__"} == public - modules


def test_errors_share_one_base() -> None:
    for name in (
        "ConfigError",
        "InputError",
        "ExtractionError",
        "AlignmentError",
        "ModelNotFoundError",
    ):
        assert issubclass(getattr(quotex, name), quotex.QuotexError)
