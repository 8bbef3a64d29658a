"""HTML, table and JSON renderers, and the spaCy-free import rule."""

from __future__ import annotations

import ast
from pathlib import Path

from quotex.alignment import align, to_html, to_json, to_table
from quotex.alignment.html import write_html

from .helpers import make_doc

S = "The harbour will reopen to fishing boats on the first of May"


def _result():
    a = make_doc("a", f'"{S}," said Ana Ruiz.', [(S, "direct", "Ana Ruiz")])
    v = S.replace("fishing boats", "trawlers")
    b = make_doc("b", f'"{v}," Ruiz said.', [(v, "direct", "Ana Ruiz")])
    return align([a, b], facts=False, names=False)


def test_html_page_is_self_contained_and_marks_changes(tmp_path):
    res = _result()
    page = to_html(res)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "http" not in page  # no external resources
    assert '<mark class="substitution">trawlers</mark>' in page or '<mark class="paraphrase">' in page
    assert "<!DOCTYPE" not in res._repr_html_()
    out = tmp_path / "a.html"
    write_html(res, str(out))
    assert out.read_text(encoding="utf-8") == page


def test_table_and_json():
    res = _result()
    table = to_table(res)
    assert "g1" in table and "trawlers" in table
    assert '"groups"' in to_json(res)


def test_align_package_does_not_import_spacy_or_textacy_at_module_level():
    pkg = Path(__file__).resolve().parents[2] / "quotex" / "align"
    for path in pkg.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # top-level statements only: lazy imports inside functions are fine
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for n in names:
                assert not n.startswith(("spacy", "textacy")), f"{path.name} imports {n}"
                assert n not in {"quotex", "quotex.api", "quotex.model", "quotex.pipeline"}, path.name
