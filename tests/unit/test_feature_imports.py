"""Outside ``features/``, code reaches the features through the executor, or a listed read.

Together with ``integration/test_doors.py`` (which watches the writes themselves), this keeps
the one door in: a module outside ``features/`` that imports a feature's service or actions
must be listed here with what it uses it for. Anything new fails until it is listed, and a
listed import that is gone fails too, so the list stays true. A feature's ``views`` module
is the read door, open like the executor: read models (frozen dataclasses) for the API and
the dashboard, which write nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nudge

SRC = Path(nudge.__file__).parent
DOORS = frozenset({"nudge.features.executor", "nudge.features.context"})  # open to every layer
ALLOWED: dict[tuple[str, str], str] = {
    ("nudge.conversation.state", "nudge.features.undo"): "the undo column's serializer",
    ("nudge.conversation.handler", "nudge.features.users.service"): (
        "the person's own record: found or created by phone, last inbound time, reply language"
    ),
    ("nudge.conversation.plan_ahead", "nudge.features.breakdown.actions"): (
        "a breakdown's steps asked of the model before the transaction, and the listed todo read"
    ),
    ("nudge.conversation.plan_ahead", "nudge.features.breakdown.steps"): "the Planner type",
    ("nudge.conversation.agent_turn", "nudge.features.breakdown.actions"): (
        "the steps of the agent's break_down asked before its tool's transaction"
    ),
    ("nudge.agent.execute", "nudge.features.breakdown.steps"): "validating the model's steps",
    ("nudge.agent.prepare_reads", "nudge.features.memory.service"): "memories for the prompt",
    ("nudge.agent.prepare_reads", "nudge.features.memory.embeddings"): "the Embedder type",
    ("nudge.bootstrap", "nudge.features.memory.embeddings"): "the embedder settings name",
    ("nudge.bootstrap", "nudge.features.briefings.service"): "the scheduler's briefings job",
    ("nudge.cli", "nudge.features.users.service"): "a person found by phone for the reports",
    ("nudge.cli", "nudge.features.users.export"): "GDPR export and erasure (operator)",
    ("nudge.cli", "nudge.features.memory.service"): "the memories report",
    ("nudge.conversation.reminder_phrase", "nudge.features.reminders.actions"): (
        "the confirmation a reminder phrase would get, shown before it is created"
    ),
    ("nudge.web.api.v1.phrases", "nudge.features.reminders.rules"): (
        "a reminder given by fields checked before its command: a time to come, a rule we run"
    ),
    ("nudge.web.api.v1.todos", "nudge.features.breakdown.steps"): (
        "a task's steps checked as the breakdown checks them, refused rather than replaced"
    ),
    ("nudge.web.api.v1.list_models", "nudge.features.breakdown.steps"): "the steps' limits",
    ("nudge.web.api.v1.privacy", "nudge.features.users.export"): (
        "GDPR export and erasure, asked by the person (the CLI's functions)"
    ),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = SRC.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(tree: ast.AST) -> set[str]:
    """Every ``nudge.features`` module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nudge."):
            assert node.module is not None
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _is_module(candidate) else node.module)
    return {name for name in found if name.startswith("nudge.features")}


def _feature_imports_outside_features() -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for path in SRC.rglob("*.py"):
        module = _module_name(path)
        if module.startswith("nudge.features"):
            continue
        imported = _imported(ast.parse(path.read_text(encoding="utf-8")))
        pairs |= {(module, name) for name in imported - DOORS if not name.endswith(".views")}
    return pairs


def test_outside_the_features_only_the_doors_and_listed_reads_are_imported() -> None:
    found = _feature_imports_outside_features()
    assert found - set(ALLOWED) == set(), "import the executor, or list the read and why"
    assert set(ALLOWED) - found == set(), "a listed import is gone: drop it from ALLOWED"


def test_the_layers_below_the_features_never_import_them() -> None:
    below = ("nudge.scheduler", "nudge.outbox", "nudge.store", "nudge.channels", "nudge.language")
    found = {pair for pair in _feature_imports_outside_features() if pair[0].startswith(below)}
    found |= {
        (_module_name(path), name)
        for path in SRC.rglob("*.py")
        if _module_name(path).startswith(below)
        for name in _imported(ast.parse(path.read_text(encoding="utf-8"))) & DOORS
    }
    assert found == set()
