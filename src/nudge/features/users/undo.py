"""How a change of a person's settings is reversed: the reply language, a role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from nudge.features.context import Context
from nudge.features.users import service
from nudge.store.roles import Role


@dataclass(frozen=True, slots=True)
class LanguageSet:
    """The reply language switched: undo switches back to ``previous``."""

    op: ClassVar[str] = "set_language"
    previous: str

    async def reverse(self, ctx: Context) -> str | None:
        """Back to the previous language (the reply is in it)."""
        await service.set_locale(ctx.session, user=ctx.user, locale=self.previous)
        return ctx.say("undone_language")


@dataclass(frozen=True, slots=True)
class RoleSet:
    """A role an admin gave (the admin's own undo): undo gives back the ``previous`` one."""

    op: ClassVar[str] = "set_role"
    person_id: int
    previous: Role

    async def reverse(self, ctx: Context) -> str | None:
        """The person's previous role again (only while the one undoing is an admin)."""
        person = await service.get(ctx.session, user_id=self.person_id)
        if person is None or ctx.user.role != Role.ADMIN:
            return None
        await service.set_role(
            ctx.session, user=person, role=self.previous, actor=ctx.user.id, now=ctx.now, undo=True
        )
        return ctx.say("undone_role", text=self.previous.value)
