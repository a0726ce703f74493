"""Parsing speed and accuracy: our FR/EN grammar side by side with Duckling and dateparser.

    PYTHONPATH=. .venv/bin/python bench/parse.py [--rounds N] [--trials N]

Runs every phrase of the in-sample evaluation set (``tests/language_eval/data/en.tsv`` and
``fr.tsv``; the held-out files are for accuracy only) through:

* ours, ``understand`` + ``parse_when`` (the whole ``nudge parse`` record), and
  ``parse_when`` alone;
* ours, the compositional grammar's ``language.time.read`` (every call parses: its
  per-message cache is cleared first), its reading turned into the ISO time as
  ``matches.to_match`` does for the intents (None when past or ambiguous);
* Duckling through pyduckling (``pip install pyduckling-native-phihos``; skipped with a
  message when missing): the ``time`` dimension only, the language's default locale, the
  case's zone and ``now``; each case's ``Context`` is built before the timing starts;
* dateparser 1.x, ``search_dates`` (finds a date inside an SMS) and ``parse`` (the whole
  text must be a date), called as ``libraries.md`` §4 says: a naive local
  ``RELATIVE_BASE``, no timezone settings, the user's zone attached afterwards.

The libraries are called through ``tests/language_eval/time_parsers.py``, as the Duckling
corpus score calls them. Prints phrases/s and p50/p99 µs per phrase for each, then the
accuracy of the reminder time on the phrases that ask for a reminder (intent CreateReminder
or AskWhat): exact local minute, and local date only. Neither library gives intents or
repeat rules, so only the time is compared. Then the speed ratios, warm against warm
(phrases/s; for ``read`` also the median time per phrase), and the targets: at least 3x
Duckling, 10x dateparser (not for ``read``), p99 under 1 ms per phrase.
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

from tests.language_eval import time_parsers
from tests.language_eval.evalset import Case, load, when_matches

from nudge.language import parse_when, understand
from nudge.language.records import local_now, parse_record
from nudge.language.time import read as time_read
from nudge.language.time.matches import to_match

Timed = Callable[[Case, datetime], str | None]


def _ours_record(case: Case, now: datetime) -> str | None:
    time_read.read_nodes.cache_clear()  # each message read afresh, as it arrives once
    when = parse_record(case.text, now=now, tz=case.tz, lang=case.lang)["when"]
    return str(when) if when is not None else None


def _when_only(case: Case, now: datetime) -> str | None:
    time_read.read_nodes.cache_clear()
    when = parse_when(case.text, now=now, tz=case.tz, lang=case.lang)
    if when is None:
        return None
    at = when.at.replace(hour=0, minute=0) if when.grain == "day" else when.at
    return at.isoformat()  # a day-grain answer is scored at midnight, as ``nudge parse`` prints it


def _read(case: Case, now: datetime) -> str | None:
    time_read.read_nodes.cache_clear()  # time the parse, never a cached one
    reading = time_read.read(case.text, now=now, tz=case.tz, lang=case.lang)
    if reading is None or reading.outcome != "resolved":
        return None
    when = to_match(reading, case.tz, now).when
    if when is None:
        return None
    at = when.at.replace(hour=0, minute=0) if when.grain == "day" else when.at
    return at.isoformat()


def _search_dates(case: Case, now: datetime) -> str | None:
    found = time_parsers.search_dates(case.text, now=now, tz=case.tz, lang=case.lang)
    return found.isoformat() if found else None


def _parse(case: Case, now: datetime) -> str | None:
    found = time_parsers.dateparser_parse(case.text, now=now, tz=case.tz, lang=case.lang)
    return found.isoformat() if found else None


def _duckling(cases: list[Case]) -> Timed | None:
    """Duckling with every case's ``Context`` built now, outside the timed calls; None if absent."""
    if not time_parsers.duckling_installed():
        return None
    duckling = time_parsers.DucklingParser()
    ready = {
        id(case): duckling.context(now=now, tz=case.tz, lang=case.lang)
        for case, now in zip(cases, _nows(cases), strict=True)
    }

    def parse(case: Case, now: datetime) -> str | None:
        found = duckling.parse_in(case.text, ready[id(case)])
        return datetime.fromisoformat(found).isoformat() if found else None  # "…00.000-05:00"

    return parse


def _nows(cases: list[Case]) -> list[datetime]:
    return [local_now(case.now, case.tz) for case in cases]


def _run(parser: Timed, cases: list[Case], rounds: int) -> tuple[list[float], list[str | None]]:
    timings: list[float] = []
    answers: list[str | None] = []
    nows = _nows(cases)
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
    """Print the table (markdown) of speed and accuracy for each parser, ratios and targets."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rounds", type=int, default=5, help="rounds over the set for ours")
    options.add_argument("--trials", type=int, default=3, help="speed-ratio trials, interleaved")
    arguments = options.parse_args()
    rounds = arguments.rounds
    warnings.filterwarnings("ignore")
    cases = load()
    duckling = _duckling(cases)
    parsers: list[tuple[str, Timed, int]] = [
        ("ours: nudge parse record (understand + parse_when)", _ours_record, rounds),
        ("ours: parse_when only", _when_only, rounds),
        ("ours, language.time read", _read, rounds),
        *([("Duckling (pyduckling, time only)", duckling, 1)] if duckling else []),
        ("dateparser.search.search_dates", _search_dates, 1),
        ("dateparser.parse", _parse, 1),
    ]
    understand("warm up", now=local_now(None, "UTC"), tz="UTC", lang="en", state=None)
    _run(_ours_record, cases[:50], 1)  # warm caches and compiled patterns
    _run(_read, [case for case in cases if case.lang == "en"][:1], 1)  # build each grammar
    _run(_read, [case for case in cases if case.lang == "fr"][:1], 1)
    _run(_search_dates, cases[:5], 1)
    if duckling:
        _run(duckling, cases[:50], 1)
    lines = [
        f"{len(cases)} phrases ({sum(c.lang == 'fr' for c in cases)} FR), "
        f"Python {sys.version.split()[0]}",
        "",
        "| parser | phrases/s | p50 µs | p99 µs | reminder time exact | reminder date |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    p99s: dict[Timed, float] = {}
    p50s: dict[Timed, float] = {}
    for name, parser, repeat in parsers:
        timings, answers = _run(parser, cases, repeat)
        exact, day, count = _accuracy(cases, answers)
        p99s[parser] = statistics.quantiles(timings, n=100)[98] * 1e6
        p50s[parser] = statistics.median(timings) * 1e6
        lines.append(
            f"| {name} | {len(timings) / sum(timings):,.0f} | "
            f"{statistics.median(timings) * 1e6:,.0f} | {p99s[parser]:,.0f} | "
            f"{exact:.1%} | {day:.1%} |"
        )
    lines.append(f"\nReminder phrases scored: {count}.")
    if not duckling:
        lines.append("Duckling skipped: pip install pyduckling-native-phihos to compare with it.")
    rivals = {"search_dates": _search_dates, **({"Duckling": duckling} if duckling else {})}
    medians: dict[tuple[str, str], float] = {}
    per_phrase: dict[str, float] = {}
    labels = (
        ("parse_when (the same job)", _when_only),
        ("full record", _ours_record),
        (READ, _read),
    )
    for label, ours in labels:
        trials = _ratios(ours, rivals, cases, rounds, arguments.trials)
        for rival, ratios in trials.items():
            medians[label, rival] = statistics.median(ratio for ratio, _ in ratios)
            listed = ", ".join(f"{ratio:.1f}x" for ratio, _ in ratios)
            lines.append(
                f"Speed over {rival}, {label}: median {medians[label, rival]:.1f}x "
                f"over {len(ratios)} interleaved warm trials ({listed})."
            )
            if ours is _read:
                per_phrase[rival] = statistics.median(p50 for _, p50 in ratios)
                listed = ", ".join(f"{p50:.1f}x" for _, p50 in ratios)
                lines.append(
                    f"Median time per phrase, {rival} over {label}: median "
                    f"{per_phrase[rival]:.1f}x over the same trials ({listed})."
                )
    lines += _targets(medians, per_phrase, p99s, p50s, duckling)
    sys.stdout.write("\n".join(lines) + "\n")


READ = "language.time read"


def _targets(
    medians: dict[tuple[str, str], float],
    per_phrase: dict[str, float],
    p99s: dict[Timed, float],
    p50s: dict[Timed, float],
    duckling: Timed | None,
) -> list[str]:
    """One line per target, met or missed, for the full record, ``parse_when`` and ``read``.

    For ``read`` the Duckling target is also checked on the median time per phrase, in the
    interleaved trials and in the table's single pass.
    """

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines = ["", "Targets:"]
    for rival, floor in (("Duckling", 3.0), ("search_dates", 10.0)):
        found = [
            (label, medians[label, rival])
            for label, name in medians
            if name == rival and (rival == "Duckling" or label != READ)  # no such target
        ]
        lines += [
            f"- >= {floor:.0f}x {rival}, {label}: {ratio:.1f}x, {verdict(ratio >= floor)}"
            for label, ratio in found
        ]
    if "Duckling" in per_phrase and duckling is not None:
        trials, table = per_phrase["Duckling"], p50s[duckling] / p50s[_read]
        lines += [
            f"- >= 3x Duckling, median per phrase, {READ}: {trials:.1f}x in the trials, "
            f"{verdict(trials >= 3)}; {table:.1f}x in the table, {verdict(table >= 3)}"
        ]
    lines += [
        f"- p99 per phrase < 1 ms, {label}: {p99:,.0f} µs, {verdict(p99 < 1000)}"
        for label, p99 in (
            ("full record", p99s[_ours_record]),
            ("parse_when", p99s[_when_only]),
            (READ, p99s[_read]),
        )
    ]
    return lines


def _ratios(
    ours: Timed, rivals: dict[str, Timed], cases: list[Case], rounds: int, trials: int
) -> dict[str, list[tuple[float, float]]]:
    """``ours`` over each rival, measured back to back in each trial: (phrases/s, p50) ratios.

    Every side is warm (dateparser is ~30 % faster after its first pass over the set), and
    interleaving them in each trial keeps a busy machine from favouring any side.
    """
    ratios: dict[str, list[tuple[float, float]]] = {name: [] for name in rivals}
    for _ in range(max(trials, 1)):
        mine, _ = _run(ours, cases, rounds)
        for name, theirs in rivals.items():
            timed, _ = _run(theirs, cases, 1)
            speed = (len(mine) / sum(mine)) / (len(timed) / sum(timed))
            ratios[name].append((speed, statistics.median(timed) / statistics.median(mine)))
    return ratios


if __name__ == "__main__":
    main()
