"""The ``nudge`` command: serve, worker, chat, migrate, export, erase, rotate-keys."""

from __future__ import annotations

import asyncio
import json
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from nudge.bootstrap import Services, build
from nudge.channels.phones import InvalidPhoneError, normalize_phone
from nudge.observability.logging import configure_logging
from nudge.settings import Settings
from nudge.store import migrate as migrations

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from nudge.store.tables import User

app = typer.Typer(help="Nudge: an SMS-first assistant for people with ADHD.", no_args_is_help=True)
T = TypeVar("T")


def _settings(*, quiet: bool = False) -> Settings:
    settings = Settings()
    level = "WARNING" if quiet else settings.log_level
    configure_logging(level=level, json=settings.log_json)
    return settings


def _phone(raw: str) -> str:
    try:
        return normalize_phone(raw)
    except InvalidPhoneError as error:
        typer.echo(f"Invalid phone number: {error}", err=True)
        raise typer.Exit(2) from error


async def _with_services(settings: Settings, work: Callable[[Services], Awaitable[T]]) -> T:
    services = build(settings)
    try:
        return await work(services)
    finally:
        await services.close()


async def _ensure_schema(services: Services) -> None:
    """SQLite migrates itself; PostgreSQL must have been migrated with ``nudge migrate``."""
    if services.settings.is_sqlite:
        await migrations.upgrade(services.db)
    elif not await migrations.is_current(services.db):
        typer.echo("The database schema is not current: run `nudge migrate` first.", err=True)
        raise typer.Exit(3)


KEEP_ALIVE_SECONDS = 75
"""Longer than Nginx keeps an idle upstream connection (60 s, deploy/nginx): the proxy, not
uvicorn, closes it, so a request is never written into a connection uvicorn just closed
(uvicorn's default, 5 s, made Nginx answer 502 to a POST it may not retry)."""


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Bind port.")] = None,
    workers: Annotated[
        bool, typer.Option(help="Also run the inbox, scheduler and delivery loops.")
    ] = True,
) -> None:
    """Run the web server (webhooks, simulator, probes) with the inbox, scheduler and delivery."""
    import uvicorn

    from nudge.web import factory

    settings = _settings()
    bind_host, bind_port = host or settings.host, port or settings.port
    typer.echo(f"Nudge on http://{bind_host}:{bind_port} (simulator: /simulator)", err=True)
    if settings.web_workers > 1:  # uvicorn's workers: each process builds its own services
        asyncio.run(_prepare_schema(settings))
        factory.hand_down(run_workers=workers)
        uvicorn.run(
            factory.IMPORT, factory=True, workers=settings.web_workers, host=bind_host,
            port=bind_port, log_config=None, proxy_headers=True, server_header=False,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )  # fmt: skip
        return
    application = factory.create_app_for(settings, run_workers=workers, migrate=settings.is_sqlite)
    if not settings.is_sqlite:
        asyncio.run(_check_schema(settings))
    config = uvicorn.Config(
        application, host=bind_host, port=bind_port, log_config=None, proxy_headers=True,
        server_header=False, timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )  # fmt: skip
    uvicorn.Server(config).run()


async def _prepare_schema(settings: Settings) -> None:
    """Before several web processes start: migrate SQLite once, or check PostgreSQL's."""

    async def work(services: Services) -> None:
        if services.settings.is_sqlite:
            await migrations.upgrade(services.db)
        else:
            await _ensure_schema(services)

    await _with_services(settings, work)


async def _check_schema(settings: Settings) -> None:
    await _with_services(settings, _ensure_schema)


@app.command()
def worker() -> None:
    """Run the inbox, scheduler and delivery loops only (as many as you like on PostgreSQL)."""
    settings = _settings()
    asyncio.run(_with_services(settings, _run_worker))


async def _run_worker(services: Services) -> None:
    await _ensure_schema(services)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    services.start_workers()
    exporter = await _worker_metrics(services)
    typer.echo("Nudge worker running (Ctrl-C to stop).", err=True)
    await stop.wait()
    if exporter is not None:
        exporter.close()


async def _worker_metrics(services: Services) -> asyncio.Server | None:
    """Serve /metrics for Prometheus when NUDGE_WORKER_METRICS_PORT is set."""
    from nudge.observability.exporter import serve_metrics

    settings = services.settings
    if not settings.worker_metrics_port:
        return None
    return await serve_metrics(
        services.db, services.clock, settings.worker_metrics_host, settings.worker_metrics_port
    )


@app.command()
def migrate() -> None:
    """Apply database migrations up to this version's newest."""
    settings = _settings()

    async def work(services: Services) -> None:
        await migrations.upgrade(services.db)
        typer.echo(f"Database at revision {await migrations.current_revision(services.db)}.")

    asyncio.run(_with_services(settings, work))


@app.command()
def chat(
    phone: Annotated[str, typer.Option(help="Text as this phone number (E.164).")],
) -> None:
    """Talk to Nudge in the terminal as ``phone``; replies and reminders appear here."""
    from nudge.channels.terminal import run_chat

    settings = _settings(quiet=True)
    number = _phone(phone)

    async def work(services: Services) -> None:
        await _ensure_schema(services)
        await run_chat(services, phone=number)

    asyncio.run(_with_services(settings, work))


@app.command()
def export(phone: Annotated[str, typer.Option(help="The person's phone number.")]) -> None:
    """Print everything stored about a person as JSON (GDPR access request)."""
    from nudge.features.users.export import export_user

    async def make_report(session: AsyncSession, user: User, _services: Services) -> object:
        return await export_user(session, phone=user.phone)

    _print_person_report(phone, make_report)


@app.command()
def erase(
    phone: Annotated[str, typer.Option(help="The person's phone number.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete everything stored about a person (GDPR erasure). This cannot be undone."""
    from nudge.features.users.export import erase_user

    settings = _settings(quiet=True)
    number = _phone(phone)
    if not yes and not typer.confirm(f"Erase everything about {number}?"):
        raise typer.Exit(1)

    async def work(services: Services) -> bool:
        await _ensure_schema(services)
        async with services.db.transaction() as session:
            return await erase_user(session, phone=number)

    if not asyncio.run(_with_services(settings, work)):
        typer.echo(f"No one with phone {number}; nothing to erase.", err=True)
        raise typer.Exit(1)
    typer.echo(f"Erased everything about {number}.")


@app.command()
def parse(
    text: Annotated[str | None, typer.Argument(help="The phrase; none: read stdin lines.")] = None,
    now: Annotated[
        str | None, typer.Option(help="Local wall time in --tz (ISO 8601); default: now.")
    ] = None,
    tz: Annotated[str, typer.Option(help="The user's IANA time zone.")] = "America/Toronto",
    lang: Annotated[str | None, typer.Option(help="fr or en; default: detected, else en.")] = None,
) -> None:
    """Print what Nudge understands of a phrase as JSON (no database needed)."""
    from nudge.language.records import local_now, parse_record

    moment = local_now(now, tz)
    lines = [text] if text is not None else (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        record = parse_record(line, now=moment, tz=tz, lang=lang)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        if text is None:
            sys.stdout.flush()


@app.command()
def backup(
    directory: Annotated[
        Path | None, typer.Option("--dir", help="Backup folder (default NUDGE_BACKUP_DIR).")
    ] = None,
    prune: Annotated[bool, typer.Option(help="Apply the retention policy afterwards.")] = True,
    generate_key: Annotated[
        bool, typer.Option("--generate-key", help="Print a new backup key and exit.")
    ] = False,
) -> None:
    """Dump the database, encrypt it (AES-256-GCM) and prune old backups."""
    from nudge.ops.backup_cli import run_backup

    if generate_key:
        from nudge.ops.crypto import new_key

        typer.echo(new_key())
        return
    run_backup(_settings(quiet=True), directory=directory, prune=prune)


@app.command()
def restore(
    file: Annotated[Path, typer.Option("--file", help="The .dump.enc backup to restore.")],
    target_url: Annotated[
        str | None, typer.Option(help="Database to restore into (default NUDGE_DATABASE_URL).")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Restore a backup (replacing the target's tables), then check every table's row count."""
    from nudge.ops.backup_cli import run_restore

    settings = _settings(quiet=True)
    target = target_url or settings.database_url
    if not yes and not typer.confirm("Replace the tables of the target database?"):
        raise typer.Exit(1)
    run_restore(settings, backup=file, target_url=target)


@app.command("rotate-keys")
def rotate_keys(
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Rows per transaction.")] = 100,
    generate_key: Annotated[
        str | None, typer.Option("--generate-key", help="Print a new key with this id and exit.")
    ] = None,
) -> None:
    """Re-seal every secret at rest under the first key of NUDGE_SECRET_KEYS (safe to rerun)."""
    from nudge.crypto.keyring import new_key
    from nudge.crypto.rotation import rotate

    if generate_key is not None:
        typer.echo(new_key(generate_key))
        return
    settings = _settings(quiet=True)

    async def work(services: Services) -> None:
        await _ensure_schema(services)
        now = services.clock.now()
        report = await rotate(services.db, services.secret_keys, now=now, batch_size=batch_size)
        for column in report.columns:
            typer.echo(
                f"{column.column}: {column.rotated} re-sealed, {column.current} already under"
                f" {report.primary!r}, {column.changed_meanwhile} changed meanwhile (rerun)"
            )
        if report.kept_key_dropped:
            typer.echo("The server's own key is no longer needed and was dropped.")

    asyncio.run(_with_services(settings, work))


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def _print_person_report(
    phone: str, make_report: Callable[[AsyncSession, User, Services], Awaitable[object]]
) -> None:
    """Print as JSON what ``make_report`` says about the person with ``phone`` (exit 1: none)."""
    from nudge.features.users.service import find

    settings, number = _settings(quiet=True), _phone(phone)

    async def work(services: Services) -> None:
        await _ensure_schema(services)
        async with services.db.transaction() as session:
            user = await find(session, phone=number)
            if user is None:
                typer.echo(f"No one with phone {number}.", err=True)
                raise typer.Exit(1)
            data = await make_report(session, user, services)
        _print_json(data)

    asyncio.run(_with_services(settings, work))


@app.command()
def usage(
    phone: Annotated[str, typer.Option(help="The person's phone number (E.164).")],
    days: Annotated[int, typer.Option(min=1, max=90, help="Local days up to today.")] = 7,
) -> None:
    """Print a person's model usage per day (tokens, calls, p50/p95 latency) as JSON."""
    from nudge.agent.budget import usage_report

    async def make_report(session: AsyncSession, user: User, services: Services) -> object:
        return await usage_report(session, user=user, now=services.clock.now(), days=days)

    _print_person_report(phone, make_report)


@app.command()
def memories(phone: Annotated[str, typer.Option(help="The person's phone number.")]) -> None:
    """Print what Nudge remembers about a person (ids, importance, tags, dates) as JSON."""
    from nudge.features.memory.service import report

    async def make_report(session: AsyncSession, user: User, _services: Services) -> object:
        return await report(session, user=user)

    _print_person_report(phone, make_report)


def main() -> None:
    """Console-script entry point."""
    app()
