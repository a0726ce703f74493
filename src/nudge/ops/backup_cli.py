"""The ``nudge backup`` and ``nudge restore`` commands: settings in, short report out."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import typer

from nudge.ops.backup import BackupError, create_backup
from nudge.ops.crypto import BackupCryptoError, load_key
from nudge.ops.database import safe_url
from nudge.ops.restore import RestoreCheckError, restore_backup
from nudge.ops.retention import Policy
from nudge.ops.retention import prune as prune_backups
from nudge.settings import Settings


def _key(settings: Settings) -> bytes:
    try:
        return load_key(settings.backup_key.get_secret_value(), settings.backup_key_file)
    except (BackupCryptoError, OSError) as error:
        typer.echo(f"Backup key: {error}", err=True)
        raise typer.Exit(2) from error


def policy_of(settings: Settings) -> Policy:
    """The retention policy the settings ask for."""
    return Policy(
        daily=settings.backup_keep_daily,
        weekly=settings.backup_keep_weekly,
        monthly=settings.backup_keep_monthly,
        yearly=settings.backup_keep_yearly,
    )


def run_backup(settings: Settings, *, directory: Path | None, prune: bool) -> None:
    """Write one encrypted backup, print where, and prune by the retention policy."""
    key, folder = _key(settings), directory or settings.backup_dir
    try:
        made = asyncio.run(create_backup(settings.database_url, folder, key, datetime.now(UTC)))
    except (BackupError, OSError) as error:
        typer.echo(f"Backup failed: {error}", err=True)
        raise typer.Exit(1) from error
    rows = sum(made.manifest["tables"].values())
    typer.echo(f"Backup {made.path} ({made.manifest['bytes']} bytes, {rows} rows).")
    if prune:
        for removed in prune_backups(folder, policy_of(settings)):
            typer.echo(f"Pruned {removed.name}.")


def run_restore(settings: Settings, *, backup: Path, target_url: str) -> None:
    """Restore ``backup`` into ``target_url`` and report the check and the time taken."""
    key = _key(settings)
    try:
        done = asyncio.run(restore_backup(backup, key, target_url))
    except (BackupError, BackupCryptoError, RestoreCheckError, OSError) as error:
        typer.echo(f"Restore failed: {error}", err=True)
        raise typer.Exit(1) from error
    where, tables = safe_url(target_url), len(done.counts)
    typer.echo(f"Restored {backup.name} into {where} in {done.seconds:.1f} s.")
    if done.expected is None:
        typer.echo(f"{tables} tables; no manifest beside the backup, so counts were not checked.")
    else:
        rows = sum(done.counts.values())
        typer.echo(f"{tables} tables, {rows} rows: row counts match the backup.")
