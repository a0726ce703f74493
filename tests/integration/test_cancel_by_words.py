"""Deleting a reminder by its words, through the real handler, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from nudge.bootstrap import Services
from nudge.store.tables import Reminder
from tests.phone import TestPhone


async def _states(services: Services) -> dict[str, str]:
    async with services.db.sessions() as session:
        rows = (await session.execute(select(Reminder.text, Reminder.state))).all()
    return {text: state for text, state in rows}


async def test_the_one_reminder_described_is_deleted_and_undo_brings_it_back(
    services: Services,
) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to call the vet tomorrow at 9am")
    await phone.ask("remind me to pay rent friday at 10am")
    assert await phone.ask("cancel the reminder about the vet") == (
        'Deleted: call the vet. Text "undo" to bring it back.'
    )
    assert await _states(services) == {"call the vet": "cancelled", "pay rent": "active"}
    assert await phone.ask("reminders") == "Coming up:\n1. Fri Nov 27 10:00 AM: pay rent"
    assert await phone.ask("undo") == "Undone. Back on: call the vet, tomorrow (Wed) 9:00 AM."
    assert await _states(services) == {"call the vet": "active", "pay rent": "active"}


async def test_words_said_before_reminder_and_plural_words_match(services: Services) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to water the plants at 6pm")
    await phone.ask("remind me to call grandma at 7pm")
    assert await phone.ask("delete my plant reminder") == (
        'Deleted: water the plants. Text "undo" to bring it back.'
    )
    assert await _states(services) == {"water the plants": "cancelled", "call grandma": "active"}


async def test_several_matches_delete_nothing_and_ask_which_one(services: Services) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to feed the cat at 6pm")
    await phone.ask("remind me to buy cat food tomorrow at 5pm")
    assert await phone.ask("delete the cat reminder") == (
        '2 reminders match "cat". Which one? Text "reminders" to see them, then "delete" and'
        " its number."
    )
    assert set((await _states(services)).values()) == {"active"}
    assert await phone.ask("delete the reminder about cat food") == (
        'Deleted: buy cat food. Text "undo" to bring it back.'
    )


async def test_no_match_deletes_nothing_and_says_so_kindly(services: Services) -> None:
    phone = TestPhone(services)
    assert await phone.ask("cancel the reminder about the dentist") == (
        'I can\'t find a reminder about "the dentist". Text "reminders" to see them.'
    )
    await phone.ask("remind me to stretch in 20 min")
    assert await phone.ask("cancel the reminder about the dentist") == (
        'I can\'t find a reminder about "the dentist". Text "reminders" to see them.'
    )
    assert await _states(services) == {"stretch": "active"}


async def test_in_french_by_words_and_by_ordinal(services: Services) -> None:
    phone = TestPhone(services, "+33612345678")
    await phone.ask("rappelle-moi d'appeler la CAF demain à 9h")
    await phone.ask("rappelle-moi de sortir les poubelles demain à 20h")
    await phone.ask("rappelle-moi d'arroser les plantes vendredi à 10h")
    assert await phone.ask("annule le rappel pour la CAF") == (
        'Supprimé : appeler la CAF. Écris "annule ca" pour le remettre.'
    )
    assert await phone.ask("supprime le deuxième rappel") == (
        'Supprimé : arroser les plantes. Écris "annule ca" pour le remettre.'
    )
    assert await phone.ask("efface le rappel du dentiste") == (
        'Je ne trouve pas de rappel pour "dentiste". Écris "rappels" pour les voir.'
    )
    assert await _states(services) == {
        "appeler la CAF": "cancelled",
        "sortir les poubelles": "active",
        "arroser les plantes": "cancelled",
    }
