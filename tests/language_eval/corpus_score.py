"""Score any time parser on corpus examples: right when it names the expected moment at its grain.

A parser is a plain function with ``parse_record``'s keywords,
``parse_fn(text, *, now, tz, lang)``, returning an aware datetime, an ISO 8601 string, or
None. Its answer is read as wall time at the reference's offset and truncated to the
example's grain ("tomorrow" is right at any hour of the right day; "at 4:15" needs the
minute), so every parser, today's grammar and the next one alike, is judged by the same rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from tests.language_eval.duckling_examples import Example

_UNIT = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class ParseFn(Protocol):
    """What ``score`` calls: ``parse_record``'s signature, with only the time returned."""

    def __call__(self, text: str, *, now: datetime, tz: str, lang: str) -> datetime | str | None:
        """The moment ``text`` names, or None."""


def truncate(moment: datetime, grain: str) -> datetime:
    """``moment`` (naive wall time) with every field finer than ``grain`` zeroed."""
    of_day = moment.hour * 3600 + moment.minute * 60 + moment.second
    kept = of_day - of_day % _UNIT[grain]
    return moment.replace(
        hour=kept // 3600, minute=kept // 60 % 60, second=kept % 60, microsecond=0
    )


def wall_at(answer: datetime | str, example: Example) -> datetime:
    """An answer as naive wall time at the example's reference offset (naive answers are)."""
    moment = datetime.fromisoformat(answer) if isinstance(answer, str) else answer
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(example.reference.at.tzinfo).replace(tzinfo=None)


@dataclass(frozen=True, slots=True)
class Result:
    """One example scored: the parser's answer (wall time, untruncated), or why it has none."""

    example: Example
    got: datetime | None
    right: bool
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Every example's result, and the totals the CLI prints."""

    results: tuple[Result, ...]

    @property
    def total(self) -> int:
        """Examples scored."""
        return len(self.results)

    @property
    def right(self) -> int:
        """Examples answered with the expected moment at their grain."""
        return sum(result.right for result in self.results)

    @property
    def accuracy(self) -> float:
        """Share of examples right (0 for no example)."""
        return self.right / self.total if self.total else 0.0

    def misses(self) -> list[Result]:
        """The results that are not right, in corpus order."""
        return [result for result in self.results if not result.right]

    def by_grain(self) -> dict[str, tuple[int, int]]:
        """(right, total) per example grain."""
        right: Counter[str] = Counter(r.example.grain for r in self.results if r.right)
        total = Counter(r.example.grain for r in self.results)
        return {grain: (right[grain], count) for grain, count in total.items()}


def _score_one(example: Example, parse_fn: ParseFn) -> Result:
    """Parse one example at its reference time and compare at its grain."""
    reference = example.reference
    now = reference.at.astimezone(ZoneInfo(reference.zone))
    try:
        answer = parse_fn(example.text, now=now, tz=reference.zone, lang=example.lang)
        got = None if answer is None else wall_at(answer, example)
    except Exception as error:  # noqa: BLE001 - a crash on one phrase is a miss, not the end
        return Result(example, None, right=False, error=f"{type(error).__name__}: {error}")
    expected = truncate(example.expected, example.grain)
    right = got is not None and truncate(got, example.grain) == expected
    return Result(example, got, right)


def score(examples: Iterable[Example], parse_fn: ParseFn) -> Report:
    """Run ``parse_fn`` on every example at its own reference time, and score each answer."""
    return Report(tuple(_score_one(example, parse_fn) for example in examples))
