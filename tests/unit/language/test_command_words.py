"""Fixed commands said loosely: undo, snooze, delete by number or words, lists, help, language,
done and next, letters held down, and the first-word index that keeps them cheap.

The phrasings here are other than the held-out sets' (those measure, these pin the rules).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nudge.commands import (
    BreakDown,
    CancelReminder,
    Command,
    Complete,
    CreateReminder,
    Help,
    ListReminders,
    ListTodos,
    NextStep,
    SetLanguage,
    Snooze,
    Undo,
    Unknown,
)
from nudge.language import coaching, phrase_registry
from nudge.language.intent_words import first_word
from nudge.language.intents import interpret
from nudge.language.tasks import Message
from tests.unit.language.first_words import Unbounded, first_words
from tests.unit.language.moments import NOW_PARIS, NOW_TORONTO, PARIS, TORONTO


def _parse(lang: str, text: str) -> Command:
    if lang == "fr":
        return interpret(text, now=NOW_PARIS, tz=PARIS, lang="fr", state=None)
    return interpret(text, now=NOW_TORONTO, tz=TORONTO, lang="en", state=None)


CASES = [
    # undo: a slip word before it, or what was just done after it
    ("en", "whoops, undo pls", Undo()),
    ("en", "no no undo", Undo()),
    ("en", "my bad, take that back", Undo()),
    ("en", "undo what you just did", Undo()),
    ("en", "undo my last message", Undo()),
    ("en", "ctrl z", Undo()),
    ("fr", "oups annule ce que j'ai fait", Undo()),
    ("fr", "non non annule ça", Undo()),
    ("fr", "attends, annule", Undo()),
    ("fr", "reviens en arrière stp", Undo()),
    ("fr", "mince, défaire", Undo()),
    # snooze: an object, a "not now" lead, a reason, a hyphen
    ("en", "snooze that 15", Snooze(15)),
    ("en", "not now, snooze it", Snooze()),
    ("en", "ugh later, in a meeting", Snooze()),
    ("en", "push it back 30 min", Snooze(30)),
    ("en", "not yet, in 45 min", Snooze(45)),
    ("fr", "pas maintenant, dans une heure", Snooze(60)),
    ("fr", "plus tard, je suis au volant", Snooze()),
    ("fr", "pas tout de suite chu au travail", Snooze()),
    ("fr", "repousse-le de 20 min", Snooze(20)),
    # snooze up to a time: "not now" leads, "at" is a word of its own
    ("en", "not now but at 8pm", Snooze(600)),
    ("en", "snooze at 8pm", Snooze(600)),
    ("en", "snooze it until 1pm", Snooze(180)),
    ("fr", "pas maintenant, à 20h", Snooze(600)),
    ("fr", "reporte-le à 14h", Snooze(240)),
    # delete by ordinal
    ("en", "remove the 3rd reminder", CancelReminder(3)),
    ("en", "get rid of the second one", CancelReminder(2)),
    ("en", "kill the next reminder", CancelReminder(1)),
    ("fr", "efface le 1er rappel", CancelReminder(1)),
    ("fr", "supprime la troisième", CancelReminder(3)),
    ("fr", "annule le 2e rappel", CancelReminder(2)),
    # delete by words
    ("en", "delete my dentist reminder", CancelReminder(None, "dentist")),
    ("en", "cancel the reminder to call mom", CancelReminder(None, "call mom")),
    ("en", "remove the reminder for the meeting pls", CancelReminder(None, "the meeting")),
    ("fr", "supprime le rappel du dentiste", CancelReminder(None, "dentiste")),
    ("fr", "efface le rappel d'anniversaire de Paul", CancelReminder(None, "anniversaire de paul")),
    ("fr", "annule mon rappel pour les impôts", CancelReminder(None, "les impots")),
    ("en", "delete the reminder please", CancelReminder(None)),
    # the to-do list asked about
    ("en", "anything left on my list", ListTodos()),
    ("en", "what do i have on my to do list", ListTodos()),
    ("en", "whats on the list right now", ListTodos()),
    ("fr", "c koi ma liste stp", ListTodos()),
    ("fr", "il reste quoi sur ma liste", ListTodos()),
    ("fr", "montre-moi mes trucs à faire", ListTodos()),
    ("fr", "tu peux me montrer ma liste", ListTodos()),
    # the reminders asked about
    ("en", "which reminders do i have", ListReminders()),
    ("en", "any reminders coming up", ListReminders()),
    ("en", "show all my upcoming reminders", ListReminders()),
    ("en", "do i have any reminders set", ListReminders()),
    ("fr", "quels sont mes prochains rappels", ListReminders()),
    ("fr", "c koi mes rappels", ListReminders()),
    ("fr", "j'ai quoi comme rappels", ListReminders()),
    ("fr", "montre-moi tous mes rappels", ListReminders()),
    # help
    ("en", "ok so how do i use you", Help()),
    ("en", "what exactly can you do", Help()),
    ("en", "help! what can u do for me", Help()),
    ("en", "how does this even work", Help()),
    ("fr", "comment on t'utilise", Help()),
    ("fr", "à quoi ça sert", Help()),
    ("fr", "ton truc marche comment", Help()),
    ("fr", "qu'est-ce que tu sais faire", Help()),
    ("fr", "à l'aide, comment ça fonctionne", Help()),
    # language
    ("en", "talk to me in french", SetLanguage("fr")),
    ("en", "reply in english please", SetLanguage("en")),
    ("en", "could you text me in french from now on", SetLanguage("fr")),
    ("fr", "écris-moi en anglais désormais", SetLanguage("en")),
    ("fr", "tu peux me répondre en anglais", SetLanguage("en")),
    ("fr", "passe en français stp", SetLanguage("fr")),
    # done: held letters, SMS spellings, ticking off
    ("en", "doneeee", Complete()),
    ("en", "tick off 3", Complete(3)),
    ("en", "cross off number 1", Complete(1)),
    ("en", "cross milk off my list", Complete(None, "milk")),
    ("en", "check off the dentist", Complete(None, "dentist")),
    ("fr", "finiiii", Complete()),
    ("fr", "faiiit", Complete()),
    ("fr", "g fé", Complete()),
    ("fr", "c'est fé", Complete()),
    ("fr", "coche le 3", Complete(3)),
    ("fr", "raye le pain de ma liste", Complete(None, "pain")),
    # next, and a step said done
    ("en", "ok got it, next", NextStep()),
    ("en", "moving on", NextStep()),
    ("en", "on to the next one", NextStep()),
    ("en", "nexxxt", NextStep()),
    ("en", "first step done", NextStep()),
    ("en", "step 1 done", NextStep()),
    ("fr", "l'étape d'après stp", NextStep()),
    ("fr", "et ensuite ?", NextStep()),
    ("fr", "étape 2 finie", NextStep()),
    ("fr", "première étape faite", NextStep()),
    ("en", "ooooops", Undo()),
    ("en", "laterrrr pls", Snooze()),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_command_said_loosely(lang: str, text: str, expected: Command) -> None:
    assert _parse(lang, text) == expected


NOT_THESE = [
    # undo words inside a task or a remark
    ("en", "remind me to undo the tent at 5", CreateReminder),
    ("en", "oops I forgot my keys", Unknown),
    ("en", "undo the knot", Unknown),
    ("en", "no", Unknown),
    ("en", "cancel", Unknown),  # a carrier keyword, never a delete
    ("fr", "annule le resto ce soir", Unknown),
    # snooze words that are not a snooze
    ("en", "call mom later", Unknown),
    ("en", "later today call mom", Unknown),
    ("fr", "pas maintenant j'ai faim", Unknown),
    # a time is not words to match a reminder by
    ("en", "cancel the reminder at 5pm", Unknown),
    ("en", "delete emails at 5", Unknown),
    ("fr", "supprime le rappel de demain", Unknown),
    # lists, help and language words inside other things
    ("en", "what's on my list for the party", Unknown),
    ("fr", "c quoi le code", Unknown),
    ("en", "show me the money", Unknown),
    ("en", "what reminders should i set for my meds", Unknown),
    ("en", "how does the dryer work", Unknown),
    ("en", "what can you do about the leak", Unknown),
    ("en", "who are you", Unknown),
    ("en", "help me with my taxes", BreakDown),
    ("en", "text mom in french at 5", CreateReminder),
    ("en", "reply to john in english", Unknown),
    ("en", "english homework at 7", CreateReminder),
    # done and next words inside tasks
    ("en", "yesss", Unknown),
    ("en", "yessss!!", Unknown),
    ("en", "check the oven at 5", CreateReminder),
    ("en", "cross the street at 5", CreateReminder),
    ("en", "next week call mom", CreateReminder),
    ("fr", "prochaine réunion jeudi 14h", CreateReminder),
    ("en", "dentist done", Complete),
]


@pytest.mark.parametrize(("lang", "text", "kind"), NOT_THESE)
def test_not_this_command(lang: str, text: str, kind: type) -> None:
    assert type(_parse(lang, text)) is kind


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "omw, be there in 10"),
        ("en", "sorry running late, i'll be there in 20 min"),
        ("en", "ok ill be right back in 5"),
        ("fr", "chu en retard, j'arrive dans 15 min"),
        ("fr", "dsl en retard, je serai là dans 10 min"),
    ],
)
def test_telling_ones_own_arrival_is_no_reminder(lang: str, text: str) -> None:
    assert _parse(lang, text) == Unknown(text)


@pytest.mark.parametrize(
    ("lang", "text", "task"),
    [
        ("en", "tell sam I'll be there at 8", "tell sam I'll be there"),
        ("en", "go back to the store at 5", "go back to the store"),
        ("en", "pick up the kids in 15 min", "pick up the kids"),
        ("fr", "dire à Léa que j'arrive à 18h", "dire à Léa que j'arrive"),
    ],
)
def test_arrival_words_inside_a_task_keep_the_reminder(lang: str, text: str, task: str) -> None:
    command = _parse(lang, text)
    assert isinstance(command, CreateReminder)
    assert command.text == task


def test_held_letters_only_in_short_messages() -> None:
    text = "noooo the meeting moved, whatever, doneeee"
    assert _parse("en", text) == Unknown(text)


# The first-word index: a pattern must be tried for every text it fully matches. Checked two
# ways: every first word a pattern can open with, read off the parsed regex (``first_words``);
# and random texts the pattern matches.
@pytest.mark.parametrize("entry", phrase_registry.PATTERNS, ids=lambda entry: entry[1].__name__)
def test_every_first_word_of_a_pattern_is_indexed(
    entry: tuple[re.Pattern[str], object],
) -> None:
    try:
        words = first_words(entry[0])
    except Unbounded:  # opens with any word: indexed by its last word instead
        assert entry in phrase_registry._BY_LAST.get("done", [])
        return
    missing = {word for word in words if entry not in phrase_registry._BY_FIRST.get(word, [])}
    assert not missing


def test_every_first_word_of_next_is_listed() -> None:
    assert first_words(coaching._NEXT) - coaching._NEXT_FIRST == set()


_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


def _cleaned(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True).map(lambda text: Message.of(text).clean)


@pytest.mark.parametrize("entry", phrase_registry.PATTERNS, ids=lambda entry: entry[1].__name__)
def test_every_text_a_pattern_matches_is_tried_against_it(
    entry: tuple[re.Pattern[str], object],
) -> None:
    pattern = entry[0]

    @_SETTINGS
    @given(_cleaned(pattern))
    def check(clean: str) -> None:
        assume(pattern.fullmatch(clean) is not None)
        assert entry in phrase_registry.candidates(clean), (first_word(clean), clean)

    check()


@_SETTINGS
@given(_cleaned(coaching._NEXT))
def test_every_next_step_opens_with_a_listed_word(clean: str) -> None:
    assume(coaching._NEXT.fullmatch(clean) is not None)
    assert first_word(clean) in coaching._NEXT_FIRST, clean


@pytest.mark.parametrize(
    ("text", "word"),
    [("oops, undo", "oops"), ("aide-moi", "aide"), ("2 done", "0"), ("#2 done", "#"),
     ("n°2 fait", "n°"), ("qu'est-ce que tu sais faire", "qu'est"), ("ok!next", "ok")],
)  # fmt: skip
def test_first_word(text: str, word: str) -> None:
    assert first_word(text) == word
