"""``quick_init``: the cheaper ``__init__`` behaves as the generated one."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, replace
from datetime import datetime

import pytest

from nudge.language.time.kit import Repeat, Time
from nudge.language.time.quick import quick_init
from nudge.language.time.values import Fixed, Span


@quick_init
@dataclass(frozen=True, slots=True)
class _Pair:
    left: int
    right: str = "r"


@dataclass(frozen=True, slots=True)
class _Plain:
    left: int
    right: str = "r"


def test_fields_and_defaults_as_the_generated_init() -> None:
    assert repr(_Pair(1)) == repr(_Plain(1)).replace("_Plain", "_Pair")
    assert (_Pair(2, "x").left, _Pair(2, "x").right) == (2, "x")
    assert _Pair(left=3, right="y") == _Pair(3, "y")
    assert hash(_Pair(1)) == hash(_Plain(1))
    assert replace(_Pair(1), right="z") == _Pair(1, "z")


def test_still_frozen() -> None:
    pair = _Pair(1)
    with pytest.raises(FrozenInstanceError):
        pair.left = 2  # type: ignore[misc]


def test_arguments_checked_as_before() -> None:
    with pytest.raises(TypeError):
        _Pair()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Pair(1, "a", "b")  # type: ignore[call-arg]


def test_refuses_what_it_would_change() -> None:
    @dataclass(frozen=True, slots=True)
    class Later:
        left: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Factory:
        items: list[int] = field(default_factory=list)

    for cls in (Later, Factory):
        with pytest.raises(TypeError):
            quick_init(cls)


def test_time_values_use_it() -> None:
    assert "slot" in (Time.__init__.__doc__ or "")
    time = Time(Fixed(Span.unit(datetime(2026, 12, 3), "day")), day=True)  # noqa: DTZ001 - wall time
    assert (time.day, time.latent, time.part) == (True, False, None)
    assert Repeat("WEEKLY", byday=("MO",)).rrule() == "FREQ=WEEKLY;BYDAY=MO"
