"""Agenda ("what's on today") through the real handler, on SQLite and PostgreSQL."""

from __future__ import annotations

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from tests.phone import TestPhone


async def test_today_lists_reminders_due_today_then_the_top_of_the_list(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to call mom at 8pm")
    await phone.ask("remind me every day at 9pm to take my meds")
    await phone.ask("remind me tomorrow at 9am to book the vet")
    await phone.ask("add milk")
    await phone.ask("add fix the bike")
    other = TestPhone(services, "+15145550002")
    await other.ask("remind me to water the plants at 6pm")

    assert await phone.ask("what's on today") == (
        "Planned today:\n8:00 PM call mom\n9:00 PM take my meds\nTop of your list:\n1. milk\n"
        "2. fix the bike"
    )
    assert await phone.ask("what do I have tomorrow?") == (
        "Planned tomorrow (Wed):\n9:00 AM book the vet\n9:00 PM take my meds\n"
        "Top of your list:\n1. milk\n2. fix the bike"
    )
    assert await other.ask("agenda") == "Planned today:\n6:00 PM water the plants"


async def test_a_free_day_says_so_kindly_in_french(services: Services, clock: FakeClock) -> None:
    phone = TestPhone(services, "+33612345678")
    await phone.ask("rappelle-moi de prendre mes médicaments dans 20 minutes")
    reply = await phone.ask("qu'est-ce que j'ai vendredi")
    assert reply.startswith("Rien de prévu ven. 27 nov. et ta liste est vide.")


async def test_done_2_after_the_agenda_completes_the_second_todo(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("add milk")
    await phone.ask("add eggs")
    assert (await phone.ask("today")).startswith("No reminders today.\nTop of your list:")
    await phone.ask("done 2")
    assert (await phone.ask("list")).count("eggs") == 0
