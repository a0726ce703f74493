"""Roles and the scopes they grant: the architecture's RBAC matrix, in one table.

A route names the scope it needs, never a role, so the matrix below is the only place that
says who may do what. The operator's API token is a service credential, not a person: it
reads what an admin may read and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Final

from nudge.store.roles import Role

__all__ = ["SCOPES", "SERVICE_SCOPES", "Role", "Scope", "scopes_of"]


class Scope(StrEnum):
    """One kind of access a route can ask for."""

    OWN_READ = "own:read"  # one's own profile, reminders, todos, memories, messages
    OWN_WRITE = "own:write"
    USAGE_READ = "usage:read"  # one's own usage figures (premium's analytics)
    ADMIN_READ = "admin:read"  # every person, volumes, failures, queue depth, model cost
    ADMIN_WRITE = "admin:write"  # roles, unlocking, anything that changes another person


_PERSON: Final = frozenset({Scope.OWN_READ, Scope.OWN_WRITE})
SCOPES: Final[Mapping[Role, frozenset[Scope]]] = {
    Role.USER: _PERSON,
    Role.PREMIUM: _PERSON | {Scope.USAGE_READ},
    Role.ADMIN: _PERSON | {Scope.USAGE_READ, Scope.ADMIN_READ, Scope.ADMIN_WRITE},
}
SERVICE_SCOPES: Final = frozenset({Scope.ADMIN_READ})
"""What the operator's API token (``NUDGE_API_TOKEN``) may do."""


def scopes_of(role: str) -> frozenset[Scope]:
    """The scopes of a stored role; an unknown value grants nothing."""
    try:
        return SCOPES[Role(role)]
    except ValueError:
        return frozenset()
