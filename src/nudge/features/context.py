"""What every feature action receives, and what it hands back to the conversation."""

from __future__ import annotations

from dataclasses import Field, dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Protocol
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from nudge.commands import Pending
from nudge.features.breakdown.steps import Planner
from nudge.features.memory.embeddings import Embedder, HashingEmbedder
from nudge.store.tables import ConversationState, User
from nudge.texts.catalog import render
from nudge.texts.formatting import format_day, format_when


@dataclass(frozen=True, slots=True)
class Dependencies:
    """What the features use besides the database, chosen once by the composition root.

    Passed in, not set on modules: two configurations can live in one process (tests, a
    dashboard beside the SMS workers) and nothing needs resetting between them.
    """

    embedder: Embedder = field(default_factory=HashingEmbedder)  # memory: text → vector
    planner: Planner | None = None  # breakdown steps from a model; asked before a transaction


@dataclass(slots=True)
class Context:
    """One command's world: the open transaction, who asked, their dialogue state, and now."""

    session: AsyncSession
    user: User
    dialogue: ConversationState
    now: datetime
    deps: Dependencies

    def say(self, key: str, **values: object) -> str:
        """A reply from the user's catalog."""
        return render(self.user.locale, key, **values)

    def when(self, at: datetime) -> str:
        """An instant as the user reads it, in their zone and language."""
        return format_when(at, now=self.now, tz=self.user.timezone, locale=self.user.locale)

    def day(self, at: datetime) -> str:
        """The local day of an instant, as the user reads it ("Mon Feb 11")."""
        zone = ZoneInfo(self.user.timezone)
        return format_day(
            at.astimezone(zone), now=self.now.astimezone(zone), locale=self.user.locale
        )


class UndoRecord(Protocol):
    """How to reverse one change: a frozen dataclass in the feature that made the change.

    ``op`` names it in the stored dialogue state (``features/undo.py`` serializes every
    record the same way); ``reverse`` puts things back and says so, or answers None when
    there is nothing left to reverse (the thing is gone).
    """

    op: ClassVar[str]
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]  # a dataclass: one serializer fits all

    async def reverse(self, ctx: Context) -> str | None:
        """Undo the change, in ``ctx``'s transaction; the reply, or None."""
        ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """The reply, plus how the dialogue state changes.

    ``undo`` replaces the undo record when set; ``pending`` is the unfinished reminder to
    keep (None clears it); ``last_list`` remembers which list "done 2" refers to.
    ``problem`` is a stable code when the command could not be carried out (the reply says
    why, kindly; the API answers with both), and ``made`` the id of what the command made or
    acted on, for a caller that shows it (a new reminder, the todo done).
    """

    reply: str
    undo: UndoRecord | None = None
    clear_undo: bool = False
    pending: Pending | None = None
    last_list: str | None = None
    problem: str | None = None
    made: int | None = None
