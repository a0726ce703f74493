"""An admin gives a person a role, through the one door.

The command runs as the admin (``ctx.user``). The role is checked here too, not only by the
route's scope: a feature never trusts that a caller checked. An admin cannot change their
own role (no one locks the last admin out). It is not undone by "undo" (the admin's slot is
for their own things, and it is cleared): giving the previous role back is another change.
The web route records it in the person's audit log (``accounts/``, which features never
import), in the same transaction.
"""

from __future__ import annotations

from nudge.commands import SetRole
from nudge.features.context import Context, Outcome
from nudge.features.users import service
from nudge.store.roles import Role


async def set_role(ctx: Context, command: SetRole) -> Outcome:
    """Give person ``person_id`` the role; say so, or why not (``Outcome.problem``)."""
    refused = _refusal(ctx, command)
    if refused is not None:
        return Outcome(ctx.say(refused), problem=refused)
    person = await service.get(ctx.session, user_id=command.person_id)
    if person is None:
        return Outcome(ctx.say("no_such_person"), problem="no_such_person")
    await service.set_role(ctx.session, user=person, role=Role(command.role))
    return Outcome(ctx.say("role_set", text=command.role), clear_undo=True, made=person.id)


def _refusal(ctx: Context, command: SetRole) -> str | None:
    if ctx.user.role != Role.ADMIN:
        return "not_an_admin"
    if command.person_id == ctx.user.id:
        return "own_role"
    if command.role not in {role.value for role in Role}:
        return "unknown_role"
    return None
