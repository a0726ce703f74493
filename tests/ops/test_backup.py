"""Backups: the encrypted format, retention, and real pg_dump/pg_restore round trips."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from nudge.ops import crypto
from nudge.ops.backup import create_backup
from nudge.ops.crypto import BackupCryptoError, decrypt_stream, encrypt_stream, new_key, parse_key
from nudge.ops.restore import RestoreCheckError, restore_backup
from nudge.ops.retention import Policy, prune, to_keep
from nudge.store.migrate import upgrade
from tests.conftest import PG_ADMIN_DSN, REQUIRE_PG, _async_url
from tests.e2e.server import nudge_env, run_nudge
from tests.ops.tools import ROOT, require_program

KEY = parse_key(new_key())


def roundtrip(data: bytes, key: bytes = KEY) -> bytes:
    sealed = io.BytesIO()
    assert encrypt_stream(io.BytesIO(data), sealed, key) == len(data)
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(sealed.getvalue()), out, key)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 64, 1000])
def test_chunked_encryption_round_trips(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(crypto, "CHUNK_BYTES", 16)
    data = os.urandom(size)
    assert roundtrip(data) == data


def test_tampering_truncation_and_wrong_key_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "CHUNK_BYTES", 16)
    sealed = io.BytesIO()
    encrypt_stream(io.BytesIO(b"x" * 40), sealed, KEY)
    blob = sealed.getvalue()
    record = 5 + 16 + 16  # flag+length, 16 plaintext bytes, GCM tag
    flipped = bytearray(blob)
    flipped[30] ^= 1
    header = len(crypto.MAGIC) + 8
    for bad in (bytes(flipped), blob[: header + 2 * record], blob[:-1], blob + b"!", b"PK" + blob):
        with pytest.raises(BackupCryptoError):
            decrypt_stream(io.BytesIO(bad), io.BytesIO(), KEY)
    with pytest.raises(BackupCryptoError, match="wrong backup key"):
        decrypt_stream(io.BytesIO(blob), io.BytesIO(), parse_key(new_key()))
    assert b"x" * 8 not in blob


def test_keys_must_be_32_bytes_of_base64() -> None:
    with pytest.raises(BackupCryptoError):
        parse_key("c2hvcnQ=")
    with pytest.raises(BackupCryptoError):
        parse_key("not base64 at all!")
    assert len(parse_key(new_key())) == 32


def test_retention_keeps_newest_per_day_week_month_year() -> None:
    start = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    stamps = [start - timedelta(hours=12 * n) for n in range(2 * 800)]  # two a day, 800 days
    keep = to_keep(stamps, Policy(daily=7, weekly=4, monthly=3, yearly=2))
    days = {s.date() for s in keep if s >= start - timedelta(days=6, hours=12)}
    assert len(days) == 7
    assert start in keep
    assert start - timedelta(hours=12) not in keep  # older backup of the same day
    assert max(s for s in keep if s.year == 2025) == datetime(2025, 12, 31, 14, 0, tzinfo=UTC)
    assert len(keep) <= 7 + 4 + 3 + 2


def test_prune_deletes_backups_and_manifests_outside_the_policy(tmp_path: Path) -> None:
    for day in range(1, 6):
        base = tmp_path / f"nudge-202611{day:02d}T020000Z"
        Path(f"{base}.dump.enc").write_bytes(b"x")
        Path(f"{base}.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("keep me")
    removed = prune(tmp_path, Policy(daily=2, weekly=0, monthly=0, yearly=0))
    assert [path.name for path in removed] == [
        f"nudge-202611{d:02d}T020000Z.dump.enc" for d in (1, 2, 3)
    ]
    left = sorted(path.name for path in tmp_path.iterdir())
    assert left == [
        "notes.txt",
        "nudge-20261104T020000Z.dump.enc",
        "nudge-20261104T020000Z.json",
        "nudge-20261105T020000Z.dump.enc",
        "nudge-20261105T020000Z.json",
    ]


async def _seed(url: str, users: int) -> None:
    from nudge.bootstrap import build
    from tests.conftest import make_settings

    services = build(make_settings(url))
    try:
        await upgrade(services.db)
        async with services.db.transaction() as session:
            from sqlalchemy import insert

            from nudge.store.tables import Todo, User

            now = datetime(2026, 11, 24, 15, tzinfo=UTC)
            for n in range(users):
                user = User(phone=f"+1514555{n:04d}", timezone="America/Toronto", created_at=now)
                session.add(user)
                await session.flush()
                await session.execute(
                    insert(Todo),
                    [{"user_id": user.id, "text": f"t{i} é", "created_at": now} for i in range(3)],
                )
    finally:
        await services.close()


async def _admin(sql: str) -> None:
    connection = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database (async URL), dropped afterwards."""
    name = f"nudge_backup_{uuid.uuid4().hex[:10]}"
    try:
        asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError) as error:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required but failed: {error}")
        pytest.skip(f"PostgreSQL not reachable: {error}")
    try:
        yield _async_url(PG_ADMIN_DSN, name)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.postgres
def test_backup_then_restore_drill_on_real_postgresql(pg_database: str, tmp_path: Path) -> None:
    require_program("pg_dump")
    require_program("psql")
    asyncio.run(_seed(pg_database, users=4))
    key = new_key()
    env = nudge_env(
        {
            "NUDGE_DATABASE_URL": pg_database,
            "NUDGE_BACKUP_KEY": key,
            "NUDGE_BACKUP_DIR": str(tmp_path / "backups"),
        }
    )
    out = run_nudge("backup", env=env, cwd=tmp_path)
    assert "Backup " in out
    assert key not in out
    [backup] = (tmp_path / "backups").glob("nudge-*.dump.enc")
    manifest = json.loads(backup.with_name(backup.name.replace(".dump.enc", ".json")).read_text())
    assert manifest["format"] == "pg_dump-custom"
    assert manifest["tables"]["users"] == 4
    assert manifest["tables"]["todos"] == 12
    assert b"+1514555" not in backup.read_bytes()
    admin = PG_ADMIN_DSN
    drill = subprocess.run(
        ["bash", str(ROOT / "scripts" / "restore-drill"), str(backup)],
        env={**env, "NUDGE_DRILL_ADMIN_URL": admin},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert "row counts match the backup" in drill.stdout
    assert "restore-drill: OK" in drill.stdout
    wrong = subprocess.run(
        ["bash", str(ROOT / "scripts" / "restore-drill"), str(backup)],
        env={**env, "NUDGE_BACKUP_KEY": new_key(), "NUDGE_DRILL_ADMIN_URL": admin},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert wrong.returncode != 0
    assert "wrong backup key" in wrong.stderr


@pytest.mark.postgres
async def test_restore_replaces_tables_and_detects_count_mismatch(
    pg_database: str, tmp_path: Path
) -> None:
    await _seed(pg_database, users=2)
    made = await create_backup(pg_database, tmp_path, KEY, datetime.now(UTC))
    await _seed_more(pg_database)
    restored = await restore_backup(made.path, KEY, pg_database)
    assert restored.counts["users"] == 2
    assert restored.counts == made.manifest["tables"]
    manifest_file = made.path.with_name(made.path.name.replace(".dump.enc", ".json"))
    doctored = {**made.manifest, "tables": {**made.manifest["tables"], "users": 3}}
    manifest_file.write_text(json.dumps(doctored))
    with pytest.raises(RestoreCheckError, match="users"):
        await restore_backup(made.path, KEY, pg_database)


async def _seed_more(url: str) -> None:
    connection = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        await connection.execute("DELETE FROM todos")
    finally:
        await connection.close()


async def test_sqlite_backup_and_restore_round_trip(tmp_path: Path) -> None:
    source = f"sqlite+aiosqlite:///{tmp_path / 'live.db'}"
    await _seed(source, users=3)
    made = await create_backup(source, tmp_path / "b", KEY, datetime.now(UTC))
    assert made.manifest["format"] == "sqlite"
    target = f"sqlite+aiosqlite:///{tmp_path / 'restored' / 'nudge.db'}"
    restored = await restore_backup(made.path, KEY, target)
    assert restored.counts["users"] == 3
    assert restored.counts["todos"] == 9
    assert restored.expected == restored.counts
