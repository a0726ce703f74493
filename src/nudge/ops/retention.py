"""Which backups to keep: the newest of each of the last N days, weeks, months and years."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

NAME = re.compile(r"^nudge-(\d{8}T\d{6}Z)\.dump\.enc$")
STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Policy:
    """How many distinct days, ISO weeks, months and years keep their newest backup."""

    daily: int = 30
    weekly: int = 12
    monthly: int = 12
    yearly: int = 7


def stamp_of(path: Path) -> datetime | None:
    """The UTC time in a backup file name, or None for any other file."""
    match = NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), STAMP).replace(tzinfo=UTC)


def _newest_per(
    stamps: list[datetime], key: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    kept: dict[Hashable, datetime] = {}
    for stamp in stamps:
        bucket = key(stamp)
        if bucket not in kept:
            if len(kept) == count:
                break
            kept[bucket] = stamp
    return set(kept.values())


def to_keep(stamps: Iterable[datetime], policy: Policy) -> set[datetime]:
    """The backups a policy keeps; the newest backup is always kept."""
    ordered = sorted(stamps, reverse=True)
    keep = set(ordered[:1])
    keep |= _newest_per(ordered, lambda s: s.date(), policy.daily)
    keep |= _newest_per(ordered, lambda s: s.isocalendar()[:2], policy.weekly)
    keep |= _newest_per(ordered, lambda s: (s.year, s.month), policy.monthly)
    keep |= _newest_per(ordered, lambda s: s.year, policy.yearly)
    return keep


def prune(directory: Path, policy: Policy) -> list[Path]:
    """Delete the backups (and their manifests) the policy does not keep; returns them."""
    backups = {stamp: path for path in directory.iterdir() if (stamp := stamp_of(path))}
    keep = to_keep(backups, policy)
    removed: list[Path] = []
    for stamp, path in sorted(backups.items()):
        if stamp in keep:
            continue
        path.unlink()
        path.with_name(path.name.removesuffix(".dump.enc") + ".json").unlink(missing_ok=True)
        removed.append(path)
    return removed
