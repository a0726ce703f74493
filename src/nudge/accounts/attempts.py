"""The counted events of signing in (codes asked for, failures), by phone and by network.

Rate limits and the lockout are counted here, in the database, not in process memory: they
hold across web replicas on one PostgreSQL and on the embedded SQLite file. A client is
counted by its network: an IPv4 address, or the /64 of an IPv6 one (one household or phone
holds a whole /64, so counting single IPv6 addresses would count nothing).
"""

from __future__ import annotations

import ipaddress
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from nudge.store.account_tables import AttemptKind, SignInAttempt

IPV6_PREFIX = 64


def network_of(ip: str | None) -> str | None:
    """The network a client address is counted by (None: no usable address)."""
    if not ip:
        return None
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    return str(mapped or address)


def note(
    session: AsyncSession,
    *,
    kind: AttemptKind,
    phone: str | None,
    network: str | None,
    now: datetime,
) -> None:
    """Count one event (in the caller's transaction)."""
    session.add(SignInAttempt(kind=kind, phone=phone, network=network, created_at=now))


async def count(
    session: AsyncSession,
    *,
    kind: AttemptKind,
    where: ColumnElement[bool],
    since: datetime,
    limit: int,
) -> int:
    """How many ``kind`` events match ``where`` since ``since``, counted up to ``limit``."""
    recent = (
        select(SignInAttempt.id)
        .where(where, SignInAttempt.kind == kind, SignInAttempt.created_at > since)
        .limit(limit)
        .subquery()
    )
    counted = await session.scalar(select(func.count()).select_from(recent))
    return int(counted or 0)


async def oldest_of_last(
    session: AsyncSession, *, kind: AttemptKind, where: ColumnElement[bool], last: int
) -> tuple[int, datetime | None, datetime | None]:
    """Of the newest ``last`` matching events: how many, the oldest and the newest times."""
    newest = (
        select(SignInAttempt.created_at)
        .where(where, SignInAttempt.kind == kind)
        .order_by(SignInAttempt.created_at.desc())
        .limit(last)
        .subquery()
    )
    found = await session.execute(
        select(func.count(), func.min(newest.c.created_at), func.max(newest.c.created_at))
    )
    number, oldest, latest = found.one()
    return int(number), oldest, latest


async def forget(session: AsyncSession, *, kind: AttemptKind, phone: str) -> None:
    """Drop a phone's counted events of ``kind`` (a sign-in succeeded: failures start over)."""
    await session.execute(
        delete(SignInAttempt).where(SignInAttempt.phone == phone, SignInAttempt.kind == kind)
    )
