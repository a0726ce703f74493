"""Duckling's time corpus sources, read from a copy of its repository given at run time.

The copy is a work tree or a bare git directory (read with ``git show <revision>:<path>``);
nothing of it is ever written into this repository.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.language_eval.duckling_examples import Extraction, extract

CONTEXTS_PATH = "Duckling/Testing/Types.hs"  # testContext: the corpus's "now"


def corpus_path(lang: str) -> str:
    """Where a language's time corpus sits in Duckling's repository."""
    return f"Duckling/Time/{lang.upper()}/Corpus.hs"


_ROUGH_BLOCK = re.compile(r"\bexamples\s*\(")
_ROUGH_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def rough_counts(source: str) -> tuple[int, int]:
    """``examples (`` blocks and string literals by plain pattern matching, comment lines out.

    An independent count, as grep would give it, to compare with what the lexer read.
    """
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("--")]
    text = "\n".join(lines)
    return len(_ROUGH_BLOCK.findall(text)), len(_ROUGH_STRING.findall(text))


def read_file(repo: Path, path: str, revision: str = "HEAD") -> str:
    """A file of Duckling's repository: from a work tree, or ``git show`` in a bare git dir."""
    if (repo / path).is_file():
        return (repo / path).read_text(encoding="utf-8")
    shown = subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"{revision}:{path}"],
        capture_output=True,
        check=True,
    )
    return shown.stdout.decode("utf-8")


def commit(repo: Path, revision: str = "HEAD") -> str:
    """The commit ``revision`` names in the copy (for the printout), or "work tree"."""
    if (repo / CONTEXTS_PATH).is_file():
        return "work tree"
    shown = subprocess.run(
        ["git", "--git-dir", str(repo), "rev-parse", revision], capture_output=True, check=True
    )
    return shown.stdout.decode().strip()


@dataclass(frozen=True, slots=True)
class Corpus:
    """One language's corpus file: what was extracted, and the plain-pattern counts beside it."""

    lang: str
    path: str
    extraction: Extraction
    rough_blocks: int
    rough_strings: int


def load(repo: Path, lang: str, revision: str = "HEAD") -> Corpus:
    """The point-in-time examples of ``lang`` ("en", "fr") from Duckling's repository."""
    path = corpus_path(lang)
    source = read_file(repo, path, revision)
    extraction = extract(source, lang, read_file(repo, CONTEXTS_PATH, revision))
    return Corpus(lang, path, extraction, *rough_counts(source))
