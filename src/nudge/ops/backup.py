"""``nudge backup``: a consistent dump, encrypted, with a manifest of row counts, then pruned.

PostgreSQL: ``pg_dump`` custom format inside a REPEATABLE READ snapshot that the row counts are
taken from too, so a restore drill can compare exact numbers. SQLite: the online backup API.
The dump streams through AES-256-GCM into ``<dir>/nudge-<UTC stamp>.dump.enc``; the manifest
``nudge-<stamp>.json`` (counts and checksum, no personal data) sits beside it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from nudge import __version__
from nudge.ops.crypto import encrypt_stream
from nudge.ops.database import (
    PgTarget,
    is_sqlite,
    pg_counts,
    pg_target,
    sqlite_counts,
    sqlite_path,
)
from nudge.ops.retention import STAMP

PG_FORMAT, SQLITE_FORMAT = "pg_dump-custom", "sqlite"


class BackupError(Exception):
    """A dump tool failed or is missing."""


@dataclass(frozen=True)
class Backup:
    """A finished backup file and its manifest."""

    path: Path
    manifest: dict[str, Any]


def manifest_path(backup: Path) -> Path:
    """``nudge-<stamp>.json`` beside ``nudge-<stamp>.dump.enc``."""
    return backup.with_name(backup.name.removesuffix(".dump.enc") + ".json")


def tool(name: str) -> str:
    """The path of a PostgreSQL client program."""
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _dump_postgres(target: PgTarget, snapshot: str, out: Path, key: bytes) -> None:
    command = [tool("pg_dump"), "--format=custom", f"--snapshot={snapshot}", *target.args()]
    with tempfile.TemporaryFile() as errors, out.open("wb") as sink:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=errors,
            env={**os.environ, **target.env()},
        )
        assert process.stdout is not None
        with process.stdout:
            encrypt_stream(process.stdout, sink, key)
        if process.wait() != 0:
            errors.seek(0)
            raise BackupError(f"pg_dump failed: {errors.read().decode(errors='replace').strip()}")


async def _backup_postgres(url: str, out: Path, key: bytes) -> dict[str, int]:
    target = pg_target(url)
    connection = await asyncpg.connect(**target.connect_kwargs())
    try:
        async with connection.transaction(isolation="repeatable_read", readonly=True):
            snapshot = str(await connection.fetchval("SELECT pg_export_snapshot()"))
            counts = await pg_counts(connection)
            await asyncio.to_thread(_dump_postgres, target, snapshot, out, key)
    finally:
        await connection.close()
    return counts


def _backup_sqlite(url: str, out: Path, key: bytes) -> dict[str, int]:
    with tempfile.TemporaryDirectory(dir=out.parent) as scratch:
        copy = Path(scratch) / "copy.db"
        source, target = sqlite3.connect(sqlite_path(url)), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        counts = sqlite_counts(copy)
        with copy.open("rb") as plain, out.open("wb") as sink:
            encrypt_stream(plain, sink, key)
    return counts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _prepare(directory: Path, now: datetime) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / f"nudge-{now.strftime(STAMP)}.dump.enc"
    if final.exists():
        raise BackupError(f"{final.name} already exists")
    return final


def _finish(partial: Path, final: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    manifest = {**manifest, "bytes": partial.stat().st_size, "sha256": _sha256(partial)}
    manifest_path(final).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    partial.replace(final)
    return manifest


async def create_backup(database_url: str, directory: Path, key: bytes, now: datetime) -> Backup:
    """Dump, encrypt and describe the database; the ``.dump.enc`` appears only when complete."""
    final = await asyncio.to_thread(_prepare, directory, now)
    partial = final.with_name(final.name + ".partial")
    try:
        if is_sqlite(database_url):
            kind = SQLITE_FORMAT
            counts = await asyncio.to_thread(_backup_sqlite, database_url, partial, key)
        else:
            kind, counts = PG_FORMAT, await _backup_postgres(database_url, partial, key)
        described = {
            "format": kind,
            "created_at": now.isoformat(),
            "nudge_version": __version__,
            "tables": counts,
        }
        manifest = await asyncio.to_thread(_finish, partial, final, described)
    finally:
        await asyncio.to_thread(partial.unlink, missing_ok=True)
    return Backup(final, manifest)
