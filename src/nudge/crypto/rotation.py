"""``nudge rotate-keys``: every sealed value re-sealed under the first key, batch by batch.

Each batch is one short transaction, so nothing waits on a long lock and the service keeps
running: readers open old and new values alike (both keys are on the ring throughout). A
value is rewritten only if it is still the one read (compare-and-set), so a value a person
changed meanwhile is left as they wrote it. Running it again finds nothing to do. Once no
value is sealed with the server's kept key and keys are configured, the kept key is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table, select, update
from sqlalchemy.engine import CursorResult

from nudge.crypto.keyring import VERSION, Keyring, aad_for
from nudge.crypto.secret_keys import KEPT_ID, SecretKeys, drop_kept
from nudge.store.db import Database
from nudge.store.schema import METADATA


@dataclass(frozen=True, slots=True)
class SealedColumn:
    """A column of sealed values, and the column whose value each one's AAD names."""

    table: str
    column: str
    row_key: str


SEALED: Final = (SealedColumn("totp_factors", "secret", "user_id"),)
"""Every column that holds sealed values: a new one (the integrations' tokens) is listed here."""


@dataclass
class ColumnReport:
    """What one column's pass did."""

    column: str
    rotated: int = 0
    current: int = 0
    changed_meanwhile: int = 0


@dataclass
class RotationReport:
    """What ``rotate`` did, column by column."""

    primary: str
    columns: list[ColumnReport] = field(default_factory=list)
    kept_key_dropped: bool = False

    @property
    def rotated(self) -> int:
        """Values re-sealed under the first key."""
        return sum(column.rotated for column in self.columns)


async def rotate(
    db: Database,
    keys: SecretKeys,
    *,
    now: datetime,
    batch_size: int = 100,
    columns: tuple[SealedColumn, ...] = SEALED,
) -> RotationReport:
    """Re-seal every value of ``columns`` not yet under the first key of ``keys``."""
    async with db.transaction() as session:
        keyring = await keys.fresh_keyring(session, now=now)
    report = RotationReport(keyring.primary_id)
    for column in columns:
        report.columns.append(await _rotate_column(db, keyring, column, batch_size))
    if keys.configured and KEPT_ID in keyring.key_ids:
        report.kept_key_dropped = await _drop_kept_if_unused(db, columns)
    return report


async def _rotate_column(
    db: Database, keyring: Keyring, column: SealedColumn, batch_size: int
) -> ColumnReport:
    table = METADATA.tables[column.table]
    report, after = ColumnReport(f"{column.table}.{column.column}"), None
    while True:
        async with db.transaction() as session:
            rows = (await session.execute(_batch(table, column, after, batch_size))).all()
            for row_key, value in rows:
                if keyring.is_current(value):
                    report.current += 1
                    continue
                aad = aad_for(column.table, column.column, row_key)
                fresh = keyring.seal(keyring.open(value, aad=aad), aad=aad)
                result = await session.execute(
                    update(table)
                    .where(table.c[column.row_key] == row_key, table.c[column.column] == value)
                    .values({column.column: fresh})
                )
                written = isinstance(result, CursorResult) and result.rowcount == 1
                report.rotated += written
                report.changed_meanwhile += not written
        if len(rows) < batch_size:
            return report
        after = rows[-1][0]


def _batch(table: Table, column: SealedColumn, after: Any, size: int) -> Any:
    key, value = table.c[column.row_key], table.c[column.column]
    query = select(key, value).where(value.is_not(None)).order_by(key).limit(size)
    return query if after is None else query.where(key > after)


async def _drop_kept_if_unused(db: Database, columns: tuple[SealedColumn, ...]) -> bool:
    """Forget the kept key once no value of ``columns`` is sealed with it."""
    async with db.transaction() as session:
        for column in columns:
            sealed = METADATA.tables[column.table].c[column.column]
            kept = select(sealed).where(sealed.like(f"{VERSION}.{KEPT_ID}.%")).limit(1)
            if (await session.execute(kept)).first() is not None:
                return False
        return await drop_kept(session)
