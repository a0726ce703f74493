"""``nudge restore``: decrypt a backup into a database, then check its row counts.

PostgreSQL: ``pg_restore --single-transaction --clean --if-exists`` reads the decrypted stream,
so a failure leaves the target as it was. SQLite: the file is written beside the target and
moved into place. The row counts of every table must equal the backup's manifest.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nudge.ops.backup import BackupError, manifest_path, tool
from nudge.ops.crypto import decrypt_stream
from nudge.ops.database import (
    PgTarget,
    is_sqlite,
    pg_counts_at,
    pg_target,
    sqlite_counts,
    sqlite_path,
)

RESTORE_FLAGS = (
    "--single-transaction",
    "--exit-on-error",
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
)


class RestoreCheckError(Exception):
    """The restored database's row counts differ from the backup's manifest."""


@dataclass(frozen=True)
class Restored:
    """What a restore did: row counts found, those expected, and how long it took."""

    counts: dict[str, int]
    expected: dict[str, int] | None
    seconds: float
    mismatches: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)


def read_manifest(backup: Path) -> dict[str, Any] | None:
    """The manifest beside ``backup``, if there is one."""
    path = manifest_path(backup)
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _restore_postgres(backup: Path, target: PgTarget, key: bytes) -> None:
    command = [tool("pg_restore"), *RESTORE_FLAGS, *target.args()]
    with tempfile.TemporaryFile() as errors, backup.open("rb") as source:
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stderr=errors, env={**os.environ, **target.env()}
        )
        assert process.stdin is not None
        try:
            with process.stdin:
                decrypt_stream(source, process.stdin, key)
        except BaseException:
            process.kill()
            process.wait()
            raise
        if process.wait() != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise BackupError(f"pg_restore failed: {message}")


def _restore_sqlite(backup: Path, target: Path, key: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    try:
        with backup.open("rb") as source, partial.open("wb") as sink:
            decrypt_stream(source, sink, key)
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def compare(
    found: dict[str, int], expected: dict[str, int]
) -> dict[str, tuple[int | None, int | None]]:
    """Tables whose counts differ, as ``name: (expected, found)``."""
    names = sorted(set(found) | set(expected))
    return {
        name: (expected.get(name), found.get(name))
        for name in names
        if expected.get(name) != found.get(name)
    }


async def restore_backup(backup: Path, key: bytes, target_url: str) -> Restored:
    """Restore ``backup`` into ``target_url`` and check it against the manifest."""
    started = time.perf_counter()
    manifest = read_manifest(backup)
    if is_sqlite(target_url):
        path = sqlite_path(target_url)
        await asyncio.to_thread(_restore_sqlite, backup, path, key)
        counts = await asyncio.to_thread(sqlite_counts, path)
    else:
        target = pg_target(target_url)
        await asyncio.to_thread(_restore_postgres, backup, target, key)
        counts = await pg_counts_at(target)
    expected = manifest["tables"] if manifest else None
    mismatches = compare(counts, expected) if expected is not None else {}
    result = Restored(counts, expected, time.perf_counter() - started, mismatches)
    if mismatches:
        raise RestoreCheckError(f"row counts differ from the backup: {mismatches}")
    return result
