"""Write the JSON Schema of ``quotex.results.Document`` to ``docs/schema/document.json``.

Usage:
    python scripts/export_schema.py            # write the file
    python scripts/export_schema.py --check    # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quotex.results import Document

TARGET = Path(__file__).resolve().parent.parent / "docs" / "schema" / "document.json"


def schema_text() -> str:
    """The schema as the file holds it: sorted keys, two-space indent, final newline."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args()
    text = schema_text()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.exit(f"{args.output} is out of date: run python scripts/export_schema.py")
        return
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
