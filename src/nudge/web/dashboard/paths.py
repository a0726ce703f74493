"""Where a form may send the browser back to: a dashboard page, never anywhere else."""

from __future__ import annotations

from typing import Final

from nudge.web.dashboard.headers import PREFIX

HOME: Final = PREFIX


def back_path(value: str | None) -> str:
    """``value`` if it is a path of the dashboard, else its home (no open redirect)."""
    if not value or not value.startswith(PREFIX) or "//" in value or "\\" in value:
        return HOME
    rest = value[len(PREFIX) :]
    if rest and not rest.startswith(("/", "?")):
        return HOME  # "/application" is not ours
    return value
