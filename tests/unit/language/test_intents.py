from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nudge.commands import (
    AddTodo,
    AskWhat,
    AskWhen,
    CancelReminder,
    Command,
    Complete,
    CreateReminder,
    Help,
    ListReminders,
    ListTodos,
    Pending,
    RefuseFar,
    RefusePast,
    SetLanguage,
    Snooze,
    Undo,
    Unknown,
)
from nudge.language import understand
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO, at_local


def _en(text: str, state: Pending | None = None) -> Command:
    return understand(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=state)


def _fr(text: str, state: Pending | None = None) -> Command:
    return understand(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=state)


def _t(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return at_local(TORONTO, hour, minute, day=day)


def _p(hour: int, minute: int = 0, day: int = 24) -> datetime:
    return at_local(PARIS, hour, minute, day=day)


ENGLISH_REMINDERS = [
    ("remind me to call mom in 20 minutes", CreateReminder("call mom", _t(10, 20))),
    ("remind me to call mom in 20 min", CreateReminder("call mom", _t(10, 20))),
    ("Remind me to take out the trash at 8pm", CreateReminder("take out the trash", _t(20))),
    ("remind me at 8pm to take out the trash", CreateReminder("take out the trash", _t(20))),
    (
        "remind me tomorrow at 9 to call the dentist",
        CreateReminder("call the dentist", _t(9, day=25)),
    ),
    (
        "remind me to call the dentist tomorrow at 9",
        CreateReminder("call the dentist", _t(9, day=25)),
    ),
    ("remind me to stretch in 5 min", CreateReminder("stretch", _t(10, 5))),
    ("remind me in an hour to check the oven", CreateReminder("check the oven", _t(11))),
    (
        "Remind me to call Mom at 6pm about the party.",
        CreateReminder("call Mom about the party", _t(18)),
    ),
    ("remind me that the plumber comes at 2pm", CreateReminder("the plumber comes", _t(14))),
    ("remind me about the meeting at 3", CreateReminder("the meeting", _t(15))),
    ("please remind me to drink water in 2 hrs", CreateReminder("drink water", _t(12))),
    ("hey, remind me to pay rent tmrw at 8am", CreateReminder("pay rent", _t(8, day=25))),
    ("remind me tomorrow to pay rent", CreateReminder("pay rent", _t(9, day=25))),
    ("reminder: dentist at 3pm", CreateReminder("dentist", _t(15))),
    ("set a reminder to feed the cat at 6pm", CreateReminder("feed the cat", _t(18))),
    (
        "remind me to take meds every day at 8am",
        CreateReminder("take meds", _t(8, day=25), "FREQ=DAILY"),
    ),
    (
        "remind me every monday at 9 to put the bins out",
        CreateReminder("put the bins out", _t(9, day=30), "FREQ=WEEKLY;BYDAY=MO"),
    ),
    ("call mom at 6pm", CreateReminder("call mom", _t(18))),
    ("call mom in 20 min", CreateReminder("call mom", _t(10, 20))),
    ("Call Mom at 6pm!", CreateReminder("Call Mom", _t(18))),
    ("take out the trash tomorrow at 7am", CreateReminder("take out the trash", _t(7, day=25))),
    ("meds every day at 9pm", CreateReminder("meds", _t(21), "FREQ=DAILY")),
    ("remind me to call the bank", AskWhen("call the bank")),
    ("remind me to call the bank please", AskWhen("call the bank")),
    ("remind me at 8", AskWhat(_t(20))),
    ("remind me in 20 min", AskWhat(_t(10, 20))),
    (
        "remind me yesterday to call mom",
        RefusePast("call mom", at_local(TORONTO, 9, day=23), "day"),
    ),
    ("remind me to call mom today at 8am", RefusePast("call mom", at_local(TORONTO, 8), "hour")),
    ("remind me to call mom 2 hours ago", RefusePast("call mom", at_local(TORONTO, 8), "minute")),
    ("call mom today at 8am", RefusePast("call mom", at_local(TORONTO, 8), "hour")),
    (
        "remind me on christmas 2040 to call mom",
        RefuseFar("call mom", datetime(2040, 12, 25, 14, 0, tzinfo=UTC), "day"),
    ),
    ("call mom in 11 years", RefuseFar("call mom", NOW_TORONTO.replace(year=2037), "minute")),
]

FRENCH_REMINDERS = [
    (
        "rappelle-moi de sortir les poubelles dans 20 minutes",
        CreateReminder("sortir les poubelles", _p(10, 20)),
    ),
    ("rappelle moi d'appeler maman à 20h", CreateReminder("appeler maman", _p(20))),
    ("Rappelle-moi d’appeler Maman à 20h", CreateReminder("appeler Maman", _p(20))),
    ("rappelle moi d'appeler maman a 20h", CreateReminder("appeler maman", _p(20))),
    ("rappel: dentiste à 8h", CreateReminder("dentiste", _p(8, day=25))),
    ("rappel dentiste à 8h", CreateReminder("dentiste", _p(8, day=25))),
    (
        "rappelle-moi demain à 8h de prendre mes médicaments",
        CreateReminder("prendre mes médicaments", _p(8, day=25)),
    ),
    ("rappelle-moi demain de payer le loyer", CreateReminder("payer le loyer", _p(9, day=25))),
    ("rappelle-moi dans 1h30 de rappeler Léa", CreateReminder("rappeler Léa", _p(11, 30))),
    ("rappelle-moi que le plombier vient à 14h", CreateReminder("le plombier vient", _p(14))),
    ("rappelle moi ds 5 min de boire", CreateReminder("boire", _p(10, 5))),
    (
        "rappelle-moi 2main 8h d'appeler la banque",
        CreateReminder("appeler la banque", _p(8, day=25)),
    ),
    ("fais-moi penser à acheter du pain dans 2h", CreateReminder("acheter du pain", _p(12))),
    (
        "rappelle-moi tous les lundis à 9h de sortir les poubelles",
        CreateReminder("sortir les poubelles", _p(9, day=30), "FREQ=WEEKLY;BYDAY=MO"),
    ),
    (
        "prendre mes médocs tous les jours à 8h",
        CreateReminder("prendre mes médocs", _p(8, day=25), "FREQ=DAILY"),
    ),
    ("appeler maman dans 20 min", CreateReminder("appeler maman", _p(10, 20))),
    ("appeler maman à 18h", CreateReminder("appeler maman", _p(18))),
    ("rappelle-moi de payer le loyer", AskWhen("payer le loyer")),
    ("rappelle-moi à 20h", AskWhat(_p(20))),
    ("rappelle-moi dans 10 minutes", AskWhat(_p(10, 10))),
    (
        "rappelle-moi hier d'appeler maman",
        RefusePast("appeler maman", at_local(PARIS, 9, day=23), "day"),
    ),
    (
        "rappelle-moi d'appeler maman aujourd'hui à 8h",
        RefusePast("appeler maman", at_local(PARIS, 8), "hour"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_REMINDERS)
def test_english_reminders(text: str, expected: Command) -> None:
    assert _en(text) == expected


@pytest.mark.parametrize(("text", "expected"), FRENCH_REMINDERS)
def test_french_reminders(text: str, expected: Command) -> None:
    assert _fr(text) == expected


SIMPLE = [
    ("add dentist to my list", AddTodo("dentist")),
    ("add buy milk", AddTodo("buy milk")),
    ("Add Buy Milk.", AddTodo("Buy Milk")),
    ("add eggs to the list", AddTodo("eggs")),
    ("put batteries on my todo list", AddTodo("batteries")),
    ("todo: book flights", AddTodo("book flights")),
    ("todo book flights", AddTodo("book flights")),
    ("ajoute pain à ma liste", AddTodo("pain")),
    ("ajoute du lait", AddTodo("du lait")),
    ("ajouter œufs à la liste", AddTodo("œufs")),
    ("à faire: rappeler le garage", AddTodo("rappeler le garage")),
    ("list", ListTodos()),
    ("List", ListTodos()),
    ("my list", ListTodos()),
    ("ma liste", ListTodos()),
    ("liste", ListTodos()),
    ("todo", ListTodos()),
    ("what's on my list", ListTodos()),
    ("what's on my list?", ListTodos()),
    ("show my list", ListTodos()),
    ("voir ma liste", ListTodos()),
    ("reminders", ListReminders()),
    ("my reminders", ListReminders()),
    ("mes rappels", ListReminders()),
    ("list reminders", ListReminders()),
    ("done", Complete()),
    ("Done!", Complete()),
    ("done 2", Complete(2)),
    ("done #2", Complete(2)),
    ("fini", Complete()),
    ("fini 2", Complete(2)),
    ("c'est fait", Complete()),
    ("ok done", Complete()),
    ("terminé", Complete()),
    ("✅", Complete()),
    ("mark 3 done", Complete(3)),
    ("snooze", Snooze()),
    ("snooze 10", Snooze(10)),
    ("snooze 10 min", Snooze(10)),
    ("snooze 25", Snooze(25)),
    ("snooze for an hour", Snooze(60)),
    ("snooze 2h", Snooze(120)),
    ("plus tard", Snooze()),
    ("plus tard 15", Snooze(15)),
    ("later", Snooze()),
    ("undo", Undo()),
    ("annule ça", Undo()),
    ("oops", Undo()),
    ("oups", Undo()),
    ("delete 2", CancelReminder(2)),
    ("remove reminder 2", CancelReminder(2)),
    ("supprime 2", CancelReminder(2)),
    ("efface le rappel 2", CancelReminder(2)),
    ("cancel reminder 3", CancelReminder(3)),
    ("delete this reminder", CancelReminder()),
    ("help", Help()),
    ("aide", Help()),
    ("?", Help()),
    ("HELP", Help()),
    ("Aide", Help()),
    ("français", SetLanguage("fr")),
    ("francais", SetLanguage("fr")),
    ("en français", SetLanguage("fr")),
    ("english", SetLanguage("en")),
    ("in english", SetLanguage("en")),
    ("anglais", SetLanguage("en")),
]


@pytest.mark.parametrize(("text", "expected"), SIMPLE)
def test_fixed_commands(text: str, expected: Command) -> None:
    assert _en(text) == expected
    assert _fr(text) == expected


CARRIER = ["STOP", "stop", "Stop.", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
CARRIER += ["ARRET", "ARRÊT", "arrêt", "START", "UNSTOP", "YES", "yes", "REPRISE"]


@pytest.mark.parametrize("word", CARRIER)
@pytest.mark.parametrize(
    "state", [None, Pending(text="call mom"), Pending(at=_t(20))], ids=["none", "text", "at"]
)
def test_carrier_keywords_are_never_commands(word: str, state: Pending | None) -> None:
    assert _en(word, state) == Unknown(word)
    assert _fr(word, state) == Unknown(word)


# Pending dialogue state.
WHEN_ANSWERS = [
    ("in 30 min", _t(10, 30)),
    ("8pm", _t(20)),
    ("at 8pm", _t(20)),
    ("tomorrow at 8 please", _t(8, day=25)),
    ("tomorrow", _t(9, day=25)),
    ("8", _t(20)),
    ("20 min", _t(10, 20)),
    ("ok in 20 min", _t(10, 20)),
]


@pytest.mark.parametrize(("answer", "at"), WHEN_ANSWERS)
def test_a_time_answers_when(answer: str, at: datetime) -> None:
    assert _en(answer, Pending(text="call the bank")) == CreateReminder("call the bank", at)


@pytest.mark.parametrize(
    ("answer", "at"),
    [
        ("dans 30 min", _p(10, 30)),
        ("demain 8h", _p(8, day=25)),
        ("8", _p(8, day=25)),
        ("20h", _p(20)),
    ],
)
def test_a_french_time_answers_when(answer: str, at: datetime) -> None:
    assert _fr(answer, Pending(text="appeler la banque")) == CreateReminder("appeler la banque", at)


def test_a_repeating_time_answers_when() -> None:
    assert _en("every day at 8am", Pending(text="meds")) == CreateReminder(
        "meds", _t(8, day=25), "FREQ=DAILY"
    )


def test_a_past_time_answering_when_is_refused_and_keeps_the_task() -> None:
    assert _en("yesterday", Pending(text="call the bank")) == RefusePast(
        "call the bank", at_local(TORONTO, 9, day=23), "day"
    )
    assert _fr("hier", Pending(text="appeler")) == RefusePast(
        "appeler", at_local(PARIS, 9, day=23), "day"
    )
    assert _en("yesterday") == RefusePast("", at_local(TORONTO, 9, day=23), "day")
    assert _fr("hier") == RefusePast("", at_local(PARIS, 9, day=23), "day")


@pytest.mark.parametrize(
    ("answer", "task"),
    [
        ("call the bank", "call the bank"),
        ("to call the bank", "call the bank"),
        ("Water plants.", "Water plants"),
    ],
)
def test_a_task_answers_what(answer: str, task: str) -> None:
    pending = Pending(at=_t(20), rrule="FREQ=DAILY")
    assert _en(answer, pending) == CreateReminder(task, _t(20), "FREQ=DAILY")


def test_a_french_task_answers_what() -> None:
    assert _fr("d'appeler maman", Pending(at=_p(20))) == CreateReminder("appeler maman", _p(20))


def test_a_remind_sentence_without_time_uses_the_pending_time() -> None:
    assert _en("remind me to call the bank", Pending(at=_t(20))) == CreateReminder(
        "call the bank", _t(20)
    )


def test_a_remind_sentence_without_task_uses_the_pending_task() -> None:
    assert _en("remind me at 9pm", Pending(text="water plants")) == CreateReminder(
        "water plants", _t(21)
    )


@pytest.mark.parametrize("filler", ["ok", "thanks", "merci", "never mind", "👍", "lol"])
def test_fillers_do_not_become_tasks(filler: str) -> None:
    assert _en(filler, Pending(at=_t(20))) == Unknown(filler)


def test_a_pending_time_already_past_asks_when_again() -> None:
    past = NOW_TORONTO - timedelta(minutes=5)
    assert _en("call the bank", Pending(at=past)) == AskWhen("call the bank")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("list", ListTodos()),
        ("done", Complete()),
        ("call dad at 9pm", CreateReminder("call dad", _t(21))),
        ("remind me to call dad in 5 min", CreateReminder("call dad", _t(10, 5))),
        ("add milk", AddTodo("milk")),
    ],
)
@pytest.mark.parametrize(
    "state", [Pending(text="call mom"), Pending(at=_t(20))], ids=["when", "what"]
)
def test_a_new_full_command_overrides_the_pending_state(
    text: str, expected: Command, state: Pending
) -> None:
    assert _en(text, state) == expected


def test_a_time_alone_without_pending_asks_what() -> None:
    assert _en("tomorrow at 8am") == AskWhat(_t(8, day=25))
    assert _fr("demain 8h") == AskWhat(_p(8, day=25))


UNKNOWN = [
    "",
    "   ",
    "hello",
    "🙂🙂🙂",
    "what's on tv at 8pm",
    "when is my appointment at 3pm?",
    "I have so much to do",
    "list 2",
    "buy a 6 pack",
    "I called mom 2 hours ago",
    "remind me",
    "add",
    "\x00\x01\x02",
    "8",
    "ok",
]


@pytest.mark.parametrize("text", UNKNOWN)
def test_unknown(text: str) -> None:
    assert _en(text) == Unknown(text)


def test_long_and_odd_input_is_understood_or_unknown_without_error() -> None:
    long_body = "I have so much to do " * 80
    assert _en(long_body) == Unknown(long_body)
    assert isinstance(_en("remind me to " + "x" * 1580 + " at 8pm"), CreateReminder)


def test_task_keeps_the_users_words_and_accents() -> None:
    command = _fr("Rappelle-moi d'appeler Hélène à 20h")
    assert command == CreateReminder("appeler Hélène", _p(20))


def test_now_in_utc_and_user_zone_give_the_same_answer() -> None:
    in_zone = NOW_TORONTO.astimezone(at_local(TORONTO, 0).tzinfo)
    assert understand("at 8pm call", now=in_zone, tz=TORONTO, lang="en", state=None) == (
        understand(
            "at 8pm call", now=NOW_TORONTO.astimezone(UTC), tz=TORONTO, lang="en", state=None
        )
    )


def test_understand_never_raises_even_on_a_bad_zone() -> None:
    assert understand("at 8pm", now=NOW_TORONTO, tz="Nowhere/Land", lang="en", state=None) == (
        Unknown("at 8pm")
    )


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("snooze until 8pm", 600),
        ("snooze till 11", 60),
        ("snooze until tomorrow", 23 * 60),
        ("plus tard à 15h", 300),
        ("snooze 2 days", 2 * 24 * 60),
        ("snooze 99999", 7 * 24 * 60),
        ("snooze 0", 1),
    ],
)
def test_snooze_lengths(text: str, minutes: int) -> None:
    assert _en(text) == Snooze(minutes)


@pytest.mark.parametrize(
    "text",
    [
        "I'll be home in 20 min",
        "je serai là à 18h",
        "see you at 8",
        "help me remember to call mom at 5",
        "snooze forever at 8",
        "done at 8",
    ],
)
def test_statements_and_commands_with_a_time_are_not_reminders(text: str) -> None:
    assert _en(text) == Unknown(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("add a reminder to call mom at 6pm", CreateReminder("call mom", _t(18))),
        ("remind me to add milk to my list at 5pm", CreateReminder("add milk to my list", _t(17))),
        (
            "remind me to take the 8:15 train at 7:30",
            CreateReminder("take the 8:15 train", _t(19, 30)),
        ),
        ("remind me to turn the oven on at 6", CreateReminder("turn the oven on", _t(18))),
        ("meeting at 3", CreateReminder("meeting", _t(15))),
    ],
)
def test_tricky_tasks(text: str, expected: Command) -> None:
    assert _en(text) == expected


def test_in_n_answers_when_in_minutes() -> None:
    assert _en("in 5", Pending(text="call mom")) == CreateReminder("call mom", _t(10, 5))
