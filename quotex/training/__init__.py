"""Training of quotex's embedded English pipeline from the open treebanks."""

from __future__ import annotations
