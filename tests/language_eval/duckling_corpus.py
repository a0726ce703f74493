"""Score time parsers on Duckling's own point-in-time corpus (EN, FR), read from a copy of it.

    PYTHONPATH=. .venv/bin/python -m tests.language_eval.duckling_corpus --repo PATH \\
        [--rev HEAD] [--lang en|fr] [--parser nudge|nudge-when|duckling|dateparser|
        dateparser-parse|ALL]... [--misses N] [--json OUT] [--by-category OUT]

``PATH`` is a work tree or a bare git directory of facebook/duckling (default: the
``NUDGE_DUCKLING_REPO`` environment variable). Nothing of Duckling is kept here: the
examples are read at run time, and ``--json`` / ``--by-category`` files hold corpus text, so
they belong outside the repository. For another grammar, call ``score(examples, parse_fn)``
with a function of ``parse_record``'s signature (see ``corpus_score``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.language_eval import time_parsers
from tests.language_eval.corpus_score import ParseFn, Report, Result, score
from tests.language_eval.duckling_examples import KEPT_GRAINS, Example
from tests.language_eval.duckling_repo import Corpus, commit, load
from tests.language_eval.miss_categories import by_family, family, wall_iso

__all__ = ["PARSERS", "Example", "ParseFn", "Report", "load", "main", "score"]

PARSERS: dict[str, ParseFn] = {
    "nudge-v2": time_parsers.nudge_v2,
    "nudge": time_parsers.nudge_record,
    "nudge-when": time_parsers.nudge_when,
    "duckling": time_parsers.DucklingParser(),
    "dateparser": time_parsers.search_dates,
    "dateparser-parse": time_parsers.dateparser_parse,
}


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def describe(corpus: Corpus) -> list[str]:
    """What was read from one corpus file, and the counts that show nothing was dropped."""
    found = corpus.extraction
    references = Counter((e.section, e.reference) for e in found.examples)
    kept = ", ".join(f"{kind} {count}" for kind, count in sorted(found.kept_by().items()))
    skipped = ", ".join(f"{why} {count}" for why, count in found.skipped.most_common())
    phrases = len(found.examples) + sum(found.skipped.values())
    return [
        f"{corpus.path}: {len(found.examples)} point-in-time examples kept ({kept})",
        *(f"  {n} in {where}, reference {ref.at.isoformat()} ({ref.zone})"
          for (where, ref), n in references.items()),
        f"  skipped {sum(found.skipped.values())}: {skipped}",
        f"  blocks read {sum(found.blocks.values())} ({dict(found.blocks)}), "
        f"by plain pattern {corpus.rough_blocks}",
        f"  string literals lexed {found.strings} = {phrases} phrases + {found.names} holiday "
        f"names{'' if found.accounted == found.strings else ' (MISMATCH)'}; "
        f"by plain pattern {corpus.rough_strings}",
        *(f"  UNREADABLE {why}" for why in found.unreadable),
    ]  # fmt: skip


def table(reports: dict[str, Report]) -> list[str]:
    """Markdown rows: examples, right, accuracy (all, without holidays) per parser, per grain."""
    head = "| parser | examples | right | accuracy | without holidays | " + " | ".join(KEPT_GRAINS)
    lines = [head + " |", "| --- |" + " ---: |" * (4 + len(KEPT_GRAINS))]
    for name, report in reports.items():
        grains = report.by_grain()
        cells = [f"{grains[g][0]}/{grains[g][1]}" if g in grains else "-" for g in KEPT_GRAINS]
        plain = [r.right for r in report.results if r.example.holiday is None]
        share = f"{sum(plain) / len(plain):.1%}" if plain else "-"
        row = [name, str(report.total), str(report.right), f"{report.accuracy:.1%}", share, *cells]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _miss_line(result: Result) -> str:
    example = result.example
    want = f"{wall_iso(example.expected, example)} ({example.grain})"
    return f"  {example.text!r}: want {want}, got {result.error or wall_iso(result.got, example)}"


def _rows(reports: dict[str, Report]) -> Iterable[dict[str, Any]]:
    """One JSON row per example, with every parser's answer (for diffing grammar versions)."""
    first = next(iter(reports.values()))
    for index, result in enumerate(first.results):
        example = result.example
        yield {
            "lang": example.lang, "section": example.section, "line": example.line,
            "text": example.text, "grain": example.grain, "holiday": example.holiday,
            "expected": wall_iso(example.expected, example),
            "reference": example.reference.at.isoformat(), "family": family(example),
            "parsers": {
                name: {"got": wall_iso(r.got, example), "right": r.right, "error": r.error}
                for name, report in reports.items()
                for r in (report.results[index],)
            },
        }  # fmt: skip


def _arguments() -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--repo", type=Path, default=os.environ.get("NUDGE_DUCKLING_REPO"))
    options.add_argument("--rev", default="HEAD", help="revision, for a bare git directory")
    options.add_argument("--lang", choices=("en", "fr"), action="append")
    options.add_argument("--parser", choices=(*PARSERS, "ALL"), action="append")
    options.add_argument("--misses", type=int, default=0, metavar="N", help="print N misses")
    options.add_argument("--json", type=Path, metavar="OUT", help="per-example results")
    options.add_argument("--by-category", type=Path, metavar="OUT", help="first parser's misses")
    arguments = options.parse_args()
    if arguments.repo is None:
        options.error("--repo (or NUDGE_DUCKLING_REPO) is needed: a copy of facebook/duckling")
    return arguments


def _parsers(chosen: list[str] | None) -> dict[str, ParseFn]:
    names = list(PARSERS) if "ALL" in (chosen or []) else chosen or ["nudge"]
    if "duckling" in names and not time_parsers.duckling_installed():
        _out(
            "duckling: skipped, pyduckling is not installed (pip install pyduckling-native-phihos)"
        )
        names.remove("duckling")
    return {name: PARSERS[name] for name in names}


def main() -> None:
    """Print, per language, what was extracted and each parser's score."""
    arguments = _arguments()
    parsers = _parsers(arguments.parser)
    rows: list[dict[str, Any]] = []
    misses: list[Result] = []
    header = [f"# Duckling {commit(arguments.repo, arguments.rev)}"]
    for lang in arguments.lang or ["en", "fr"]:
        corpus = load(arguments.repo, lang, arguments.rev)
        reports = {name: score(corpus.extraction.examples, fn) for name, fn in parsers.items()}
        _out(f"## {lang.upper()}")
        for line in describe(corpus) + [""] + table(reports):
            _out(line)
        header += [
            f"# {line}"
            for line in describe(corpus)
            if "point-in-time" in line or "reference" in line
        ]
        for name, report in reports.items():
            if arguments.misses:
                _out(f"\n{name}: first {arguments.misses} of {len(report.misses())} misses")
                for result in report.misses()[: arguments.misses]:
                    _out(_miss_line(result))
        rows += _rows(reports)
        misses += next(iter(reports.values())).misses()
        _out()
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    if arguments.by_category:
        text = by_family(misses, next(iter(parsers)), len(rows), header)
        arguments.by_category.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
