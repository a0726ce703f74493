"""The cheap substring gates never turn away a text their patterns would match.

Each gate stands before costly regex scans (``has_repeat_word``, ``has_moment_word``,
``has_clock_word``); texts generated from the patterns, and every labelled phrase with such
a time, must pass them.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nudge.language import dayparts, recurrence, times
from nudge.language import repeat_intervals as repeats
from nudge.language.clocks import has_clock_word
from nudge.language.dayparts import has_moment_word
from nudge.language.fold import fold
from nudge.language.recurrence import has_repeat_word
from tests.language_eval.evalset import HELDOUT, HELDOUT2, IN_SAMPLE, load

_LABELLED = load([*IN_SAMPLE, *HELDOUT, *HELDOUT2])


def _plain(pattern: str) -> str:
    r"""A moment pattern as text generators take it: no lookahead, ``\s`` as folded text's " "."""
    return re.sub(r"\(\?=[^()]*(?:\([^()]*\)[^()]*)*\)", "", pattern).replace(r"\s", " ")


@pytest.mark.parametrize("name", sorted(dayparts._MOMENTS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_every_moment_passes_the_moment_gate(name: str, data: st.DataObject) -> None:
    pattern = re.compile(_plain(dayparts._MOMENTS[name]))
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert has_moment_word(text), text


_REPEATS = (*recurrence._PATTERNS, repeats._INTERVAL, repeats._SPAN, repeats._OTHER_WEEKDAY,
            repeats._MONTHLY)  # fmt: skip


def _folded_texts() -> list[str]:
    """Every labelled phrase, folded, plus the time phrases of the unit tests' kind."""
    return [fold(case.text) for case in _LABELLED]


def test_every_phrase_a_repeat_pattern_reads_passes_the_repeat_gate() -> None:
    read = [text for text in _folded_texts() if any(p.search(text) for p in _REPEATS)]
    assert len(read) > 100
    assert [text for text in read if not has_repeat_word(text)] == []


def test_every_phrase_the_clock_pattern_reads_passes_the_clock_gate() -> None:
    read = [text for text in _folded_texts() if times._CLOCK.search(text)]
    assert len(read) > 500
    assert [text for text in read if not has_clock_word(text)] == []


def test_every_phrase_a_relative_pattern_reads_passes_its_gate() -> None:
    read = [text for text in _folded_texts() if times._RELATIVE.search(text)]
    assert len(read) > 100
    assert [t for t in read if not any(start in t for start in times._RELATIVE_STARTS)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("call mom", False), ("at eight", True), ("huit heures", True), ("à midi", True),
     ("every day", True), ("tous les lundis", True), ("weekly", True), ("see you", False)],
)  # fmt: skip
def test_gates_on_plain_phrases(text: str, expected: bool) -> None:
    folded = fold(text)
    gate = (
        has_clock_word
        if text in ("call mom", "at eight", "huit heures", "à midi")
        else has_repeat_word
    )
    assert gate(folded) is expected
