"""Understanding is input only and reply texts are output only: neither imports the other."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "nudge"


def _nudge_imports(package: str) -> set[tuple[str, str]]:
    """(file, imported nudge module) for every ``nudge.*`` import under ``package``."""
    found: set[tuple[str, str]] = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            found |= {(path.name, name) for name in names if name.startswith("nudge.")}
    return found


def test_understanding_never_imports_the_reply_texts() -> None:
    texts = {pair for pair in _nudge_imports("language") if pair[1].startswith("nudge.texts")}
    assert texts == set()


def test_reply_texts_import_nothing_of_nudge_but_themselves() -> None:
    outside = {pair for pair in _nudge_imports("texts") if not pair[1].startswith("nudge.texts")}
    assert outside == set()


def test_the_catalogs_ship_with_the_texts() -> None:
    assert sorted(path.name for path in (SRC / "texts" / "catalogs").glob("*.toml")) == [
        "en.toml",
        "fr.toml",
    ]
