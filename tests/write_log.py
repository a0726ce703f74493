"""Who writes which table: every write the code asks for, with the module that asked.

Observed, not mocked: the real session runs as usual; the log notes each ``INSERT``,
``UPDATE`` and ``DELETE`` executed, each row added or deleted, and each column set on a
mapped row, with the first ``nudge`` module on the stack at that moment (the module whose
code asked for the write). Writes made by a test's own set-up are not noted.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import UpdateBase

from nudge.store.tables import Base


@dataclass(frozen=True, slots=True)
class Write:
    """One write: the table, the module that asked for it, and how (for the failure message)."""

    table: str
    module: str
    how: str


@dataclass
class WriteLog:
    """The writes seen while ``watching`` is active."""

    writes: list[Write] = field(default_factory=list)

    def note(self, table: str, how: str, frame: FrameType | None) -> None:
        """Note a write of ``table``, asked for by the first ``nudge`` frame above ``frame``."""
        while frame is not None:
            module = str(frame.f_globals.get("__name__", ""))
            if module.startswith("nudge.") and not module.startswith("nudge.store."):
                self.writes.append(Write(table, module, how))
                return
            if module.startswith("tests.") and module != __name__:
                return  # a test's own set-up
            frame = frame.f_back

    def tables_written_by(self, prefix: str) -> set[str]:
        """The tables modules under ``prefix`` wrote."""
        return {write.table for write in self.writes if write.module.startswith(prefix)}


@contextmanager
def watching() -> Iterator[WriteLog]:
    """Note every write made until the block ends."""
    log = WriteLog()
    originals = {name: getattr(AsyncSession, name) for name in ("execute", "add", "add_all")}
    original_delete = AsyncSession.delete

    def execute(self: AsyncSession, statement: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(statement, UpdateBase):
            kind = type(statement).__name__.removeprefix("Returning").lower()
            log.note(str(getattr(statement.table, "name", "?")), kind, sys._getframe(1))  # noqa: SLF001
        return originals["execute"](self, statement, *args, **kwargs)

    def add(self: AsyncSession, instance: Any, *args: Any, **kwargs: Any) -> Any:
        log.note(instance.__table__.name, "add", sys._getframe(1))  # noqa: SLF001
        return originals["add"](self, instance, *args, **kwargs)

    def add_all(self: AsyncSession, instances: Any, *args: Any, **kwargs: Any) -> Any:
        for instance in instances:
            log.note(instance.__table__.name, "add", sys._getframe(1))  # noqa: SLF001
        return originals["add_all"](self, instances, *args, **kwargs)

    def delete(self: AsyncSession, instance: Any) -> Any:
        log.note(instance.__table__.name, "delete", sys._getframe(1))  # noqa: SLF001
        return original_delete(self, instance)

    def on_set(target: Any, _value: Any, _old: Any, initiator: Any) -> None:
        log.note(target.__table__.name, f"set {initiator.key}", sys._getframe(1))  # noqa: SLF001

    columns = [
        attribute
        for mapper in Base.registry.mappers
        for attribute in mapper.class_manager.values()
        if hasattr(attribute.property, "columns")
    ]
    for name, replacement in (("execute", execute), ("add", add), ("add_all", add_all)):
        setattr(AsyncSession, name, replacement)
    AsyncSession.delete = delete  # type: ignore[method-assign]
    for attribute in columns:
        event.listen(attribute, "set", on_set)
    try:
        yield log
    finally:
        for attribute in columns:
            event.remove(attribute, "set", on_set)
        for name, original in originals.items():
            setattr(AsyncSession, name, original)
        AsyncSession.delete = original_delete  # type: ignore[method-assign]
