"""The reminder engine's knobs, read once from Settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from nudge.settings import Settings


@dataclass(frozen=True, slots=True)
class Policy:
    """Catch-up window, "late" wording threshold and the follow-up schedule."""

    grace: timedelta = timedelta(minutes=30)
    late_after: timedelta = timedelta(minutes=2)
    follow_up_all: bool = False
    follow_up_minutes: tuple[int, ...] = field(default=(10, 30))
    follow_up_max: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        """The policy an operator configured."""
        return cls(
            grace=timedelta(minutes=settings.catchup_grace_minutes),
            late_after=timedelta(seconds=settings.late_after_seconds),
            follow_up_all=settings.followup_all_reminders,
            follow_up_minutes=tuple(settings.followup_intervals_minutes) or (10,),
            follow_up_max=settings.followup_max,
        )

    def follow_up_delay(self, sent_so_far: int) -> timedelta:
        """Wait before follow-up number ``sent_so_far + 1`` (the last interval repeats)."""
        minutes = self.follow_up_minutes
        return timedelta(minutes=minutes[min(sent_so_far, len(minutes) - 1)])
