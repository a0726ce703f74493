"""Parsing speed and accuracy: our FR/EN grammar side by side with dateparser.

    PYTHONPATH=. .venv/bin/python bench/parse.py [--rounds N] [--trials N]

Runs every phrase of the in-sample evaluation set (``tests/language_eval/data/en.tsv`` and
``fr.tsv``; the held-out files are for accuracy only) through:

* ours, ``understand`` + ``parse_when`` (the whole ``nudge parse`` record), and
  ``parse_when`` alone;
* dateparser 1.x, ``search_dates`` (finds a date inside an SMS) and ``parse`` (the whole
  text must be a date), called as ``libraries.md`` §4 says: a naive local
  ``RELATIVE_BASE``, no timezone settings, the user's zone attached afterwards.

Prints phrases/s and p50/p99 µs per phrase for each, then the accuracy of the reminder time
on the phrases that ask for a reminder (intent CreateReminder or AskWhat): exact local
minute, and local date only. dateparser cannot give intents or repeat rules, so only the
time is compared.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.language_eval.evalset import Case, load, when_matches

from nudge.language import parse_when, understand
from nudge.language.records import local_now, parse_record

Timed = Callable[[Case, datetime], str | None]


def _ours_record(case: Case, now: datetime) -> str | None:
    when = parse_record(case.text, now=now, tz=case.tz, lang=case.lang)["when"]
    return str(when) if when is not None else None


def _when_only(case: Case, now: datetime) -> str | None:
    when = parse_when(case.text, now=now, tz=case.tz, lang=case.lang)
    if when is None:
        return None
    at = when.at.replace(hour=0, minute=0) if when.grain == "day" else when.at
    return at.isoformat()  # a day-grain answer is scored at midnight, as ``nudge parse`` prints it


def _dateparser_settings(now: datetime) -> dict[str, object]:
    naive_local = now.replace(tzinfo=None)
    return {"RELATIVE_BASE": naive_local, "PREFER_DATES_FROM": "future"}


def _search_dates(case: Case, now: datetime) -> str | None:
    from dateparser.search import search_dates

    found = search_dates(case.text, languages=[case.lang], settings=_dateparser_settings(now))
    if not found:
        return None
    return str(found[-1][1].replace(tzinfo=ZoneInfo(case.tz)).isoformat())


def _parse(case: Case, now: datetime) -> str | None:
    import dateparser

    found = dateparser.parse(case.text, languages=[case.lang], settings=_dateparser_settings(now))
    return found.replace(tzinfo=ZoneInfo(case.tz)).isoformat() if found else None


def _run(parser: Timed, cases: list[Case], rounds: int) -> tuple[list[float], list[str | None]]:
    timings: list[float] = []
    answers: list[str | None] = []
    nows = [local_now(case.now, case.tz) for case in cases]
    gc.collect()
    gc.disable()  # as timeit does: time the parsers, not the collector
    try:
        _timed_rounds(parser, cases, nows, rounds, timings, answers)
    finally:
        gc.enable()
    return timings, answers


def _timed_rounds(
    parser: Timed,
    cases: list[Case],
    nows: list[datetime],
    rounds: int,
    timings: list[float],
    answers: list[str | None],
) -> None:
    for round_number in range(rounds):
        for case, now in zip(cases, nows, strict=True):
            started = time.perf_counter()
            answer = parser(case, now)
            timings.append(time.perf_counter() - started)
            if round_number == 0:
                answers.append(answer)


def _accuracy(cases: list[Case], answers: list[str | None]) -> tuple[float, float, int]:
    chosen = [
        (case, answer)
        for case, answer in zip(cases, answers, strict=True)
        if case.intent in ("CreateReminder", "AskWhat") and case.when is not None
    ]
    exact = sum(when_matches(case.when, answer) for case, answer in chosen)
    day = sum(
        answer is not None and case.when is not None and answer[:10] == case.when[:10]
        for case, answer in chosen
    )
    return exact / len(chosen), day / len(chosen), len(chosen)


def main() -> None:
    """Print the table (markdown) of speed and accuracy for each parser."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rounds", type=int, default=5, help="rounds over the set for ours")
    options.add_argument("--trials", type=int, default=3, help="speed-ratio trials, interleaved")
    arguments = options.parse_args()
    rounds = arguments.rounds
    warnings.filterwarnings("ignore")
    cases = load()
    parsers: list[tuple[str, Timed, int]] = [
        ("ours: nudge parse record (understand + parse_when)", _ours_record, rounds),
        ("ours: parse_when only", _when_only, rounds),
        ("dateparser.search.search_dates", _search_dates, 1),
        ("dateparser.parse", _parse, 1),
    ]
    understand("warm up", now=local_now(None, "UTC"), tz="UTC", lang="en", state=None)
    _run(_ours_record, cases[:50], 1)  # warm caches and compiled patterns
    _run(_search_dates, cases[:5], 1)
    lines = [
        f"{len(cases)} phrases ({sum(c.lang == 'fr' for c in cases)} FR), "
        f"Python {sys.version.split()[0]}",
        "",
        "| parser | phrases/s | p50 µs | p99 µs | reminder time exact | reminder date |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, parser, repeat in parsers:
        timings, answers = _run(parser, cases, repeat)
        exact, day, count = _accuracy(cases, answers)
        p99 = statistics.quantiles(timings, n=100)[98] * 1e6
        lines.append(
            f"| {name} | {len(timings) / sum(timings):,.0f} | "
            f"{statistics.median(timings) * 1e6:,.0f} | {p99:,.0f} | "
            f"{exact:.1%} | {day:.1%} |"
        )
    lines.append(f"\nReminder phrases scored: {count}.")
    for label, ours in (("parse_when (the same job)", _when_only), ("full record", _ours_record)):
        ratios = _ratios(ours, cases, rounds, arguments.trials)
        listed = ", ".join(f"{ratio:.1f}x" for ratio in ratios)
        lines.append(
            f"Speed over search_dates, {label}: median {statistics.median(ratios):.1f}x "
            f"over {len(ratios)} interleaved warm trials ({listed})."
        )
    sys.stdout.write("\n".join(lines) + "\n")


def _ratios(ours: Timed, cases: list[Case], rounds: int, trials: int) -> list[float]:
    """``ours`` phrases/s over dateparser's ``search_dates``, measured back to back per trial.

    Both sides are warm (dateparser is ~30 % faster after its first pass over the set), and
    interleaving them in each trial keeps a busy machine from favouring either side.
    """
    ratios = []
    for _ in range(max(trials, 1)):
        mine, _ = _run(ours, cases, rounds)
        theirs, _ = _run(_search_dates, cases, 1)
        ratios.append((len(mine) / sum(mine)) / (len(theirs) / sum(theirs)))
    return ratios


if __name__ == "__main__":
    main()
