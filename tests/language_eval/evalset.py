"""The labelled FR/EN evaluation set: load it, run a parser over it, score it per field.

Data files ``data/*.tsv``: ``#`` comment lines, one ``# now=… tz=… lang=…`` header line,
then one phrase per line: text, intent, when (local wall time ``YYYY-MM-DDTHH:MM``, with
``±HH:MM`` when the offset matters), rrule; ``-`` means none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
FIELDS = ("intent", "when", "rrule")
IN_SAMPLE = (DATA / "en.tsv", DATA / "fr.tsv")
HELDOUT = (DATA / "heldout_en.tsv", DATA / "heldout_fr.tsv")
HELDOUT2 = (DATA / "heldout2_en.tsv", DATA / "heldout2_fr.tsv")  # written blind, 2026-11-24
HELDOUT3 = (DATA / "heldout3_en.tsv", DATA / "heldout3_fr.tsv")  # written blind, 2026-12-02
HELDOUT4 = (DATA / "heldout4_en.tsv", DATA / "heldout4_fr.tsv")  # written blind, 2026-12-04


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled phrase."""

    text: str
    lang: str
    now: str
    tz: str
    intent: str
    when: str | None
    rrule: str | None
    source: str


def _none(value: str) -> str | None:
    return None if value == "-" else value


def _header(line: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in line.lstrip("# ").split())


def load(paths: Iterable[Path] | None = None) -> list[Case]:
    """Every case of the data files (the in-sample set ``en.tsv``/``fr.tsv`` by default).

    The held-out files (``HELDOUT``) are loaded only when asked for: they are scored on their
    own so the in-sample figures stay comparable over time.
    """
    cases: list[Case] = []
    for path in sorted(paths or IN_SAMPLE):
        header: dict[str, str] = {}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("# now="):
                header = _header(line)
            if not line.strip() or line.startswith("#"):
                continue
            text, intent, when, rrule = line.split("\t")
            source = f"{path.name}:{number}"
            cases.append(
                Case(text, header["lang"], header["now"], header["tz"], intent,
                     _none(when), _none(rrule), source)
            )  # fmt: skip
    return cases


def when_matches(expected: str | None, got: str | None) -> bool:
    """Whether an ISO time printed by ``nudge parse`` is the expected wall time (and offset)."""
    if expected is None or got is None:
        return expected is got
    if len(expected) > 16:
        return got[:16] + got[19:] == expected
    return got[:16] == expected


_TIMED_SINCE = frozenset({"RefusePast", "Snooze"})  # commands given a time on 2026-12-03


def field_hits(case: Case, record: dict[str, Any]) -> dict[str, bool]:
    """Which fields of ``record`` (a ``nudge parse`` line) match the case's labels.

    ``nudge parse`` reports the past moment of a RefusePast and the moment a Snooze sends the
    reminder again since 2026-12-03; the sets labelled before then give none ("-"), which
    leaves that field unscored rather than wrong (held-out 3 gives them).
    """
    unlabelled = case.intent in _TIMED_SINCE and case.when is None  # sets before 2026-12-03
    return {
        "intent": record.get("intent") == case.intent,
        "when": unlabelled or when_matches(case.when, record.get("when")),
        "rrule": record.get("rrule") == case.rrule,
    }


Parser = Callable[[Case, datetime], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Score:
    """Accuracy per language and field, and the cases that missed."""

    accuracy: dict[str, dict[str, float]]
    misses: list[tuple[Case, dict[str, Any]]]
    wrong: list[tuple[Case, dict[str, Any]]]
    """Reminders set silently at a time or repeat the labels do not give: worse than a miss."""


def sets_a_wrong_reminder(case: Case, record: dict[str, Any]) -> bool:
    """Whether ``record`` creates a reminder that the case's labels do not (a question is fine)."""
    if record.get("intent") != "CreateReminder":
        return False
    hits = field_hits(case, record)
    return case.intent != "CreateReminder" or not (hits["when"] and hits["rrule"])


def score(cases: list[Case], records: list[dict[str, Any]]) -> Score:
    """Accuracy of ``records`` (one per case) per language and field, plus "all" (every field)."""
    totals: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}
    misses = []
    for case, record in zip(cases, records, strict=True):
        hits = field_hits(case, record)
        hits["all"] = all(hits.values())
        for lang in (case.lang, "both"):
            counts[lang] = counts.get(lang, 0) + 1
            per = totals.setdefault(lang, dict.fromkeys((*FIELDS, "all"), 0))
            for name, hit in hits.items():
                per[name] += hit
        if not hits["all"]:
            misses.append((case, record))
    accuracy = {
        lang: {name: round(hit / counts[lang], 4) for name, hit in per.items()}
        for lang, per in totals.items()
    }
    wrong = [(c, r) for c, r in misses if sets_a_wrong_reminder(c, r)]
    return Score(accuracy, misses, wrong)
