"""Task breakdown stored as todo steps: first step only, "next", all done, list still works."""

from __future__ import annotations

from nudge.bootstrap import Services
from nudge.commands import BreakDown, Complete, ListTodos, NextStep
from nudge.features.breakdown import actions, steps
from tests.integration.memory_helpers import run_as

ANA = "+15145550001"


async def test_offline_breakdown_sends_one_step_at_a_time(services: Services) -> None:
    first = await run_as(services, ANA, BreakDown("the tax report"))
    assert first == 'First: Get out what you need for the tax report. Reply "next" when done.'
    assert await run_as(services, ANA, ListTodos()) == (
        "Your list:\n1. the tax report\n2. Get out what you need for the tax report"
    )
    assert (await run_as(services, ANA, NextStep())).startswith("Next: Set a timer for 10")
    for _ in range(4):
        await run_as(services, ANA, NextStep())
    assert await run_as(services, ANA, NextStep()) == (
        "All done with the tax report! That's real progress."
    )
    assert "No steps waiting" in await run_as(services, ANA, NextStep())
    assert "empty" in await run_as(services, ANA, ListTodos())


async def test_done_on_a_step_then_next_opens_the_following(services: Services) -> None:
    await run_as(services, ANA, BreakDown("découper le rapport"), locale="fr")
    await run_as(services, ANA, ListTodos(), locale="fr")
    await run_as(services, ANA, Complete(2), locale="fr")  # the open step, via "fini 2"
    assert (await run_as(services, ANA, NextStep(), locale="fr")).startswith(
        "Ensuite : Mets un minuteur"
    )


async def test_a_model_planner_is_validated_and_falls_back(services: Services) -> None:
    async def good(task: str, locale: str) -> list[str]:
        return ["1. Open the tax folder", "Find last year's form.", "Fill in page 1"]

    async def bad(task: str, locale: str) -> list[str]:
        return ["The folder is somewhere"] + ["Do it"] * 8

    planned = await actions.plan("taxes", "en", good)
    assert planned == ["Open the tax folder", "Find last year's form", "Fill in page 1"]
    assert (await run_as(services, ANA, BreakDown("taxes", tuple(planned)))).startswith(
        "First: Open the tax folder."
    )
    assert await actions.plan("laundry", "en", bad) == steps.template("laundry", "en")
    unchecked = tuple(await bad("laundry", "en"))  # steps that fail validation: the template
    assert (await run_as(services, ANA, BreakDown("laundry", unchecked))).startswith(
        "First: Get out what you need for laundry."
    )


def test_validate_rules() -> None:
    assert steps.validate(["- open the folder", "call Sam"]) == ["Open the folder", "Call Sam"]
    assert steps.validate([]) is None
    assert steps.validate(["Do a thing"] * 8) is None
    assert steps.validate(["The folder"]) is None
    assert steps.validate(["Open " + "x" * 80]) is None
    assert steps.validate(["Ouvre le dossier “impôts”"]) == ['Ouvre le dossier "impots"']
    assert len(steps.template("x" * 100, "en")[0]) <= steps.MAX_STEP_CHARS + 20


async def test_break_down_a_listed_item_by_number_and_undo(services: Services) -> None:
    from tests.phone import TestPhone

    phone = TestPhone(services)
    await phone.ask("add do the taxes to my list")
    await phone.ask("add call the bank")
    first = await phone.ask("break down 1")
    assert first.startswith("First: ")
    assert "do the taxes" in first
    listed = await phone.ask("list")
    assert listed.splitlines()[1:3] == ["1. do the taxes", "2. call the bank"]
    assert len(listed.splitlines()) == 4  # the task, the other item, and only the first step
    assert await phone.ask("undo") == "Undone. No more steps for: do the taxes."
    assert await phone.ask("list") == "Your list:\n1. do the taxes\n2. call the bank"
