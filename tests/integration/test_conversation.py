"""The SMS loop through the real handler, scheduler and delivery, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select

from nudge.bootstrap import Services
from nudge.clock import FakeClock
from nudge.store.tables import Message, Occurrence, Outbox, Reminder, User
from tests.phone import TestPhone


async def _count(services: Services, model: type, *where: ColumnElement[bool]) -> int:
    async with services.db.sessions() as session:
        result = await session.execute(select(func.count()).select_from(model).where(*where))
        return int(result.scalar_one())


async def test_reminder_in_minutes_is_confirmed_then_fires_once(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    reply = await phone.ask("remind me to call mom in 20 minutes")
    assert reply == "OK - today 10:20 AM: call mom"
    clock.advance(minutes=19)
    assert await phone.inbox() == []
    clock.advance(minutes=1)
    assert await phone.inbox() == ['Reminder: call mom. Reply "done" or "snooze 10".']
    clock.advance(minutes=30)
    assert await phone.inbox() == []


async def test_first_message_creates_user_with_default_zone_and_detected_language(
    services: Services,
) -> None:
    phone = TestPhone(services, "+33612345678")
    reply = await phone.ask("rappelle-moi de prendre mes médicaments dans 20 minutes")
    assert reply.startswith("OK - aujourd'hui 10:20 : prendre mes médicaments")
    async with services.db.sessions() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert (user.phone, user.locale, user.timezone) == ("+33612345678", "fr", "America/Toronto")


async def test_reminder_at_clock_time_then_done(services: Services, clock: FakeClock) -> None:
    phone = TestPhone(services)
    assert await phone.ask("remind me to take out the trash at 8pm") == (
        "OK - today 8:00 PM: take out the trash"
    )
    clock.advance(hours=10)
    assert await phone.inbox() == ['Reminder: take out the trash. Reply "done" or "snooze 10".']
    assert await phone.ask("done") == "Nice, done: take out the trash."
    assert await phone.ask("done") == (
        'Nothing waiting for "done" right now. Text "list" to see your list.'
    )
    async with services.db.sessions() as session:
        reminder = (await session.execute(select(Reminder))).scalar_one()
    assert reminder.state == "done"


async def test_snooze_sends_again_later_and_undo_restores(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to stretch in 5 min")
    clock.advance(minutes=5)
    assert len(await phone.inbox()) == 1
    assert await phone.ask("snooze 10") == "OK, again today 10:15 AM: stretch"
    clock.advance(minutes=10)
    assert await phone.inbox() == ['Reminder: stretch. Reply "done" or "snooze 10".']
    assert await phone.ask("done") == "Nice, done: stretch."
    assert await phone.ask("undo") == "Undone. Back on: stretch."
    assert await phone.ask("undo") == "Nothing to undo right now."


async def test_todo_list_add_list_done_and_undo(services: Services) -> None:
    phone = TestPhone(services)
    assert await phone.ask("add dentist to my list") == (
        "Added: dentist. It's the only thing on your list."
    )
    assert await phone.ask("add buy milk") == "Added: buy milk. That's 2 on your list."
    assert await phone.ask("list") == "Your list:\n1. dentist\n2. buy milk"
    assert await phone.ask("done 2") == "Nice, done: buy milk."
    assert await phone.ask("list") == "Your list:\n1. dentist"
    assert await phone.ask("undo") == "Undone. Back on: buy milk."
    assert await phone.ask("list") == "Your list:\n1. dentist\n2. buy milk"


async def test_undo_a_new_reminder_means_it_never_fires(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to water plants in 10 min")
    assert await phone.ask("undo") == "Undone. No reminder for: water plants."
    clock.advance(minutes=15)
    assert await phone.inbox() == []


async def test_stop_opts_out_of_everything_and_start_opts_back_in(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to stretch in 5 min")
    assert await phone.ask("STOP") == (
        "You won't get texts from Nudge anymore. Text START any time to come back."
    )
    clock.advance(minutes=10)
    await phone.text("list")
    assert await phone.inbox() == []
    assert await phone.ask("start") == "Welcome back! Text HELP to see what I can do."
    assert await _count(services, Occurrence, Occurrence.state == "skipped") == 1


async def test_help_and_aide_answer_in_the_users_language(services: Services) -> None:
    english, french = TestPhone(services), TestPhone(services, "+33612345678")
    assert (await english.ask("HELP")).startswith("Text me like a friend")
    assert (await french.ask("aide")).startswith("Écris-moi comme à un ami")


async def test_replayed_message_sid_has_no_second_effect(services: Services) -> None:
    phone = TestPhone(services)
    first = await phone.text("add dentist", sid="SM" + "a" * 32)
    again = await phone.text("add dentist", sid="SM" + "a" * 32)
    assert (first.duplicate, again.duplicate) == (False, True)
    assert len(await phone.inbox()) == 1
    assert await _count(services, Message) == 1
    assert await phone.ask("list") == "Your list:\n1. dentist"


async def test_bad_input_gets_a_kind_reply_and_is_kept(services: Services) -> None:
    phone = TestPhone(services)
    assert (await phone.ask("   ")).startswith("Got an empty text.")
    await phone.text("", num_media=1)
    assert await phone.inbox() == ["I can't read pictures yet. Can you text it to me in words?"]
    long_body = "I have so much to do " * 100
    assert (await phone.ask(long_body)).startswith("That's a long one")
    assert (await phone.ask("🙂🙂🙂")).startswith("Sorry, I didn't get that.")
    async with services.db.sessions() as session:
        bodies = (await session.execute(select(Message.body).order_by(Message.id))).scalars().all()
    assert bodies[2] == long_body
    assert bodies[3] == "🙂🙂🙂"


async def test_reminder_without_time_asks_when_and_keeps_the_task(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    assert (await phone.ask("remind me to call the bank")).startswith(
        "When should I remind you to call the bank?"
    )
    assert await phone.ask("in 30 min") == "OK - today 10:30 AM: call the bank"


async def test_outbox_rows_are_unique_per_occurrence(services: Services, clock: FakeClock) -> None:
    phone = TestPhone(services)
    await phone.ask("remind me to stretch in 1 min")
    clock.advance(minutes=2)
    await services.scheduler.run_once()
    await services.scheduler.run_once()
    assert await _count(services, Outbox, Outbox.kind == "reminder") == 1


async def test_language_follows_sentences_not_single_command_words(services: Services) -> None:
    phone = TestPhone(services, "+33612345678")
    await phone.ask("ajoute pain à ma liste")
    assert await phone.ask("done 1") == "Bravo, fait : pain."
    assert await phone.ask("help") == (await phone.ask("aide"))
    assert (await phone.ask("add milk to my list please")).startswith("Added: milk")
    assert await phone.ask("français") == "OK, je t'écris en francais."
    assert (await phone.ask("add eggs to my list please")).startswith("Ajouté : eggs")


async def test_done_with_words_finds_the_item_or_reminder_meant(
    services: Services, clock: FakeClock
) -> None:
    phone = TestPhone(services)
    await phone.ask("add dentist appointment to my list")
    await phone.ask("add buy stamps")
    await phone.ask("remind me to take out the trash in 5 min")
    assert await phone.ask("stamps done") == "Nice, done: buy stamps."
    assert await phone.ask("done with the dentist") == "Nice, done: dentist appointment."
    clock.advance(minutes=5)
    assert len(await phone.inbox()) == 1
    assert await phone.ask("trash is done") == "Nice, done: take out the trash."
    assert await phone.ask("done with the laundry") == (
        'I can\'t find "laundry" on your list or reminders. Text "list" to see them.'
    )
    assert await phone.ask("undo") == "Undone. Back on: take out the trash."


async def test_fini_with_words_in_french(services: Services) -> None:
    phone = TestPhone(services, "+33612345678")
    await phone.ask("ajoute déclarer les impôts à ma liste")
    assert (
        await phone.ask("j'ai fini les impots") == "Bravo, fait : déclarer les impots."
    )  # ô is not GSM-7


async def test_briefing_times_by_sms_with_undo(services: Services) -> None:
    from nudge.store.tables import User

    phone = TestPhone(services)
    assert await phone.ask("send me a briefing every morning at 7") == (
        'OK - a morning briefing every day at 7:00 AM. Text "no briefing" to stop it.'
    )
    assert await phone.ask("evening check-in at 9") == (
        'OK - an evening check-in every day at 9:00 PM. Text "no check-in" to stop it.'
    )
    assert (await phone.ask("no more briefing")).startswith("OK, no more morning briefing.")
    async with services.db.sessions() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert (user.briefing_at, user.checkin_at) == (None, "21:00")
    assert await phone.ask("undo") == "Undone. Your briefing times are back as they were."
    async with services.db.sessions() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert (user.briefing_at, user.checkin_at) == ("07:00", "21:00")
    assert user.briefing_next_at is not None


async def test_bilan_du_soir_in_french(services: Services) -> None:
    phone = TestPhone(services, "+33612345678")
    await phone.ask("ajoute pain à ma liste")
    assert (await phone.ask("bilan du soir à 21h")).startswith(
        "OK - un bilan du soir tous les jours à 21:00."
    )


async def test_new_users_get_the_operators_default_quiet_hours(
    database_url: str, clock: FakeClock
) -> None:
    from nudge.bootstrap import build
    from nudge.store.migrate import upgrade
    from nudge.store.tables import User
    from tests.conftest import _clean, make_settings

    services = build(
        make_settings(database_url, default_quiet_start="21:30", default_quiet_end="07:15"),
        clock=clock,
    )
    await upgrade(services.db)
    await _clean(services)
    try:
        await TestPhone(services).ask("add milk")
        async with services.db.sessions() as session:
            user = (await session.execute(select(User))).scalar_one()
        assert (user.quiet_start, user.quiet_end) == ("21:30", "07:15")
    finally:
        await services.close()


async def test_a_past_time_is_named_then_the_next_answer_sets_it(services: Services) -> None:
    phone = TestPhone(services)
    assert await phone.ask("remind me to call mom today at 8am") == (
        "Got it, but today 8:00 AM has already passed. When should I remind you?"
    )
    assert await phone.ask("at 6pm") == "OK - today 6:00 PM: call mom"
    assert await phone.ask("remind me yesterday to water the plants") == (
        "Got it, but Mon Nov 23 has already passed. When should I remind you?"
    )
    assert await _count(services, Reminder) == 1


async def test_a_time_over_ten_years_away_is_named_and_nothing_kept(services: Services) -> None:
    """ "christmas 2040" is understood but too far for a reminder: named back, the task kept."""
    phone = TestPhone(services)
    assert await phone.ask("remind me on christmas 2040 to call mom") == (
        "Got it, but Tue Dec 25, 2040 is more than 10 years away: I can't hold a reminder that"
        " long. When should I remind you?"
    )
    assert await _count(services, Reminder) == 0
    assert await phone.ask("at 6pm") == "OK - today 6:00 PM: call mom"
    french = TestPhone(services, "+33612345678")
    assert await french.ask("rappelle-moi à Noël 2040 d'appeler maman") == (
        "Compris, mais mar. 25 déc. 2040, c'est dans plus de 10 ans : je ne garde pas un rappel"
        " aussi longtemps. Quand veux-tu que je te le rappelle ?"
    )
    assert await _count(services, Reminder) == 1


async def test_a_past_time_is_named_in_french(services: Services) -> None:
    phone = TestPhone(services, "+33612345678")
    assert await phone.ask("rappelle-moi d'appeler maman aujourd'hui à 8h") == (
        "Compris, mais aujourd'hui 8:00, c'est déjà passé. Quand veux-tu que je te le rappelle ?"
    )
