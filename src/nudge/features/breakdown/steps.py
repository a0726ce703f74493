"""Checking and making the steps of a broken-down task: ≤7, short, verb-first, GSM-7.

Without a model the steps come from a fixed per-language template (catalog ``[breakdown]``):
gather what you need, set a short timer, do the first small bit, break, one more bit, note
what is left. With a model, ``Planner`` proposes steps and ``validate`` keeps them honest;
anything that fails validation falls back to the template.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from nudge.channels.segments import encoding, gsm_friendly
from nudge.language.fold import fold
from nudge.texts.catalog import catalog

MAX_STEPS = 7
MAX_STEP_CHARS = 60
MAX_TASK_CHARS = 40
_NOT_VERBS = frozenset(
    [
        "the",
        "a",
        "an",
        "i",
        "you",
        "we",
        "it",
        "this",
        "that",
        "my",
        "your",
        "then",
        "first",
        "step",
        "le",
        "la",
        "les",
        "un",
        "une",
        "je",
        "tu",
        "nous",
        "il",
        "ce",
        "cette",
        "mon",
        "ton",
        "puis",
        "ensuite",
        "etape",
    ]
)
_LEADING = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s*")

Planner = Callable[[str, str], Awaitable[list[str] | None]]
"""(task, locale) → proposed steps, or None when no model is available or it failed."""


def clean(step: str) -> str:
    """One step as sent: no numbering, one line, GSM-7 look-alikes, no final period."""
    step = gsm_friendly(" ".join(_LEADING.sub("", step).split())).rstrip(" .;")
    return step[:1].upper() + step[1:]


def validate(proposed: list[str]) -> list[str] | None:
    """The steps when all are fine (1–7, short, verb-first, GSM-7), else None."""
    steps = [clean(step) for step in proposed if step and step.strip()]
    if not 1 <= len(steps) <= MAX_STEPS:
        return None
    for step in steps:
        first = fold(step).split(" ", 1)[0]
        if len(step) > MAX_STEP_CHARS or encoding(step) != "GSM-7":
            return None
        if not first.isalpha() or first in _NOT_VERBS:
            return None
    return steps


def template(task: str, locale: str) -> list[str]:
    """The offline breakdown: the catalog's template steps with the task filled in."""
    short = task if len(task) <= MAX_TASK_CHARS else task[: MAX_TASK_CHARS - 3] + "..."
    return [clean(str(step).format(task=short)) for step in catalog(locale)["breakdown"]["steps"]]
