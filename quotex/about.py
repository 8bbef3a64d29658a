"""Package version, the single source for packaging."""

__version__ = "0.1.0"
