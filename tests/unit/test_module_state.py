"""No process globals: module-level state that code changes at run time is listed, and is a cache.

The composition root passes what a configuration chooses (the embedder, the step planner,
the sender, the policy) to the objects it builds; nothing is set on a module. So two
configurations can live in one process and tests need no reset. The first test lists every
module-level name a function changes (``x[k] = …``, ``x.append(…)``, ``global x``, …): each
is a cache of statements or facts that do not depend on settings. The second builds two
different configurations and checks that no module's globals changed.
"""

from __future__ import annotations

import ast
import copy
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

import nudge
from nudge.agent.loop import Agent
from nudge.agent.models.scripted import ScriptedModel
from nudge.bootstrap import build
from nudge.clock import FakeClock
from tests.conftest import START, make_settings

SRC = Path(nudge.__file__).parent
CHANGED_AT_RUN_TIME = {
    "nudge.store.dialect._RETURNING_ID": "INSERT … RETURNING statements, built once per shape",
    "nudge.outbox.enqueue._UNLESS_OPTED_OUT": "the reply-unless-opted-out INSERT, per dialect",
    "nudge.features.memory.service._WITH_HITS": "the memory search SELECT, per dialect",
    "nudge.features.memory.fulltext._HITS": "the full-text ranking subquery, per dialect",
    "nudge.features.memory.fulltext._ENSURED": "engines whose FTS5 index is known to exist",
    "nudge.language.phrase_registry.PATTERNS": "the phrase rules, registered as they import",
}
_MUTATORS = frozenset(
    {"append", "extend", "add", "update", "setdefault", "pop", "popitem", "clear", "insert",
     "remove", "discard"}
)  # fmt: skip


def _module_level_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names a module binds (assigned, imported): ``imported.X = …`` counts as a change."""
    assigned: set[str] = set()
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        assigned |= {
            n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name)
        }
    return assigned, imported


def _changed_in(
    function: ast.FunctionDef | ast.AsyncFunctionDef, assigned: set[str], imported: set[str]
) -> set[str]:
    """The module-level names this function changes in place, or rebinds as globals."""
    arguments = function.args.args + function.args.kwonlyargs + function.args.posonlyargs
    local = {argument.arg for argument in arguments}
    changed: set[str] = set()  # set items or attributes of, or rebound
    mutated: set[str] = set()  # mutating methods called on
    for node in ast.walk(function):
        if isinstance(node, ast.Global):
            changed |= set(node.names)
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Name):
                local.add(target.id)
            elif isinstance(target, ast.Subscript | ast.Attribute) and isinstance(
                target.value, ast.Name
            ):
                changed.add(target.value.id)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if node.func.attr in _MUTATORS and isinstance(owner, ast.Name):
                mutated.add(owner.id)
    return ((changed & (assigned | imported)) | (mutated & assigned)) - local


def _changed_at_run_time() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        assigned, imported = _module_level_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found |= {f"{module}.{name}" for name in _changed_in(node, assigned, imported)}
    return found


def test_module_state_changed_at_run_time_is_only_the_listed_caches() -> None:
    found = _changed_at_run_time()
    assert found - set(CHANGED_AT_RUN_TIME) == set(), "pass it in (features.context.Dependencies)"
    assert set(CHANGED_AT_RUN_TIME) - found == set(), "gone: drop it from CHANGED_AT_RUN_TIME"


def _modules() -> list[ModuleType]:
    names = [info.name for info in pkgutil.walk_packages(nudge.__path__, "nudge.")]
    skipped = ("nudge.__main__", "nudge.store.migrations")  # run as scripts, not imported
    return [importlib.import_module(name) for name in names if not name.startswith(skipped)]


def _snapshot() -> dict[str, tuple[int, Any]]:
    """Every module global: its identity, and a copy of it when it is a container."""
    seen: dict[str, tuple[int, Any]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            copied = copy.copy(value) if isinstance(value, dict | list | set) else None
            seen[f"{module.__name__}.{name}"] = (id(value), copied)
    return seen


async def test_building_two_configurations_changes_no_module() -> None:
    before = _snapshot()
    clock = FakeClock(START)
    rules_only = build(make_settings("sqlite+aiosqlite:///:memory:"), clock=clock)
    with_agent = build(
        make_settings(
            "sqlite+aiosqlite:///:memory:",
            default_timezone="Europe/Paris",
            send_rate_per_second=5.0,
            twilio_account_sid="AC" + "0" * 32,
            twilio_auth_token="token",
            twilio_from="+15145550000",
        ),
        clock=clock,
        agent=Agent(ScriptedModel()),
    )
    try:
        after = _snapshot()
        assert {name for name in before if before[name] != after.get(name)} == set()
        assert rules_only.features.planner is None
        assert with_agent.features.planner is not None  # each holds its own choice
    finally:
        await rules_only.close()
        await with_agent.close()
