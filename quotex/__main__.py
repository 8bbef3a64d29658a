"""``python -m quotex``: the command line."""

from quotex.cli import main

main()
