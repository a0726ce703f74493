"""Accuracy of the offline understanding on the labelled FR/EN set, against the baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from nudge.language.records import local_now, parse_record
from tests.language_eval.evalset import Case, load, score

BASELINE = Path(__file__).parent / "baseline.json"


def _run(case: Case) -> dict[str, Any]:
    now = local_now(case.now, case.tz)
    return parse_record(case.text, now=now, tz=case.tz, lang=case.lang)


def test_the_set_is_large_enough_in_both_languages() -> None:
    cases = load()
    assert sum(case.lang == "fr" for case in cases) >= 400
    assert sum(case.lang == "en" for case in cases) >= 400
    assert len({(case.text, case.lang, case.now) for case in cases}) >= 800


def test_accuracy_does_not_drop_below_the_committed_baseline() -> None:
    cases = load()
    result = score(cases, [_run(case) for case in cases])
    baseline: dict[str, dict[str, float]] = json.loads(BASELINE.read_text())
    drops = [
        f"{lang}.{name}: {result.accuracy[lang][name]:.4f} < {floor:.4f}"
        for lang, fields in baseline.items()
        for name, floor in fields.items()
        if result.accuracy[lang][name] < floor
    ]
    misses = "\n".join(
        f"{case.source} {case.text!r}: {record}" for case, record in result.misses[:40]
    )
    assert not drops, "\n".join(drops) + "\nFirst misses:\n" + misses
