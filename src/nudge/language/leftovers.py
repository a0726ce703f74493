"""A repeat, a clock range or a cut-off day left in a reminder's task: the time read is wrong.

"remind me every 3rd at 9 to pay rent" read "at 9" and left "every 3rd" in the task: set
as is, it would be a one-off tonight, a wrong time said nowhere but in the task. Before a
reminder is created its task is checked; a repeat word with its object ("every 3rd",
"chaque lundi", "tous les 2 jours", "tlj") means the time was not all read, and the
reminder is asked about instead. So does a clock range the time did not take ("call
between 2 and 4 tomorrow", "stretch every 2 hrs from 9 to 5"): no one moment is meant. So
does a weekday the reading cut off, opening the task or ending it before "or"/"and". And a
time without a clock asks when its task opens or ends with a bare number ("5 call mom" of
"friday 5 call mom"): the hour was said but not read.

Left out on purpose, as they are task words far more often: adjectives ("the weekly
review", "my daily standup", "take my evening meds at 9", "the monday report at 10"),
numbers ("take 2 at 8pm", "room 5 at 3pm") and a day named in chatter around the request
("je suis à l'ouest aujourd'hui… rappelle-moi vendredi à 15h"; a day and a clock told apart
are read together, ``time.pairs``).
"""

from __future__ import annotations

from collections.abc import Sequence

from nudge.language.fold import fold
from nudge.language.time import what_numbers_count
from nudge.language.time.grammar import lexicon_for
from nudge.language.time.read import folded_tokens
from nudge.language.time.tokens import Token

# What may follow a repeat word to make a repeat ("every 3rd", "chaque lundi", "tous les 2 jours").
REPEATED = frozenset({"unit", "weekday", "ord", "month", "day", "part", "weekdays", "fortnight"})
REPEAT_WORDS = {
    "en": frozenset({"every", "each", "evry", "evey"}),
    "fr": frozenset({"chaque"}),
}
REPEAT_ADVERBS = {"en": frozenset(), "fr": frozenset({"tlj", "tljrs"})}  # "tous les jours"
ALL_OF = frozenset({"tous", "toutes"})  # French "tous les jours", "toutes les 2 semaines"
JOINS = frozenset({"or", "ou", "and", "et", "&", "+", ",", "/"})  # a list of days goes on


def names_time_left(task: str, lang: str) -> bool:
    """Whether ``task`` still holds a repeat, a clock range or a day cut off its list.

    "every 3rd", "from 9 to 5"; "dentist monday or" (of "monday or tuesday at 9", whose
    Tuesday was read) and "lundi de préparer la réunion de" (the reminder's day is the
    first word, but the task's "mardi" was read).
    """
    tokens = folded_tokens(task)
    return (
        _holds_repeat(tokens, lang)
        or _day_cut_off(tokens, lang)
        or any(what_numbers_count.opens_clock_range(tokens, at) for at in range(len(tokens)))
    )


def _day_cut_off(tokens: Sequence[Token], lang: str) -> bool:
    """A weekday opening the task (after "or"/"and" too), or ending it before one.

    "friday" of "at 9 tomorrow or friday", "monday or" of "monday or tuesday at 9": not the
    task's own words. A day inside the task stays ("the monday report", "prep for monday"):
    only these places are where a reading left a day behind.
    """
    words = [token.text for token in tokens if token.kind != "sym" or token.text in JOINS]
    if not words:
        return False
    opening = words[1] if words[0] in JOINS and len(words) > 1 else words[0]
    if _is_weekday(opening, lang):
        return True
    return len(words) >= 2 and words[-1] in JOINS and _is_weekday(words[-2], lang)


def without_cut_days(task: str, lang: str) -> str:
    """``task`` without a weekday a reading cut off its list, at either edge.

    "friday or to call" (of "friday or monday at 9 to call") is "to call", "or friday"
    empty, "dentist monday or" "dentist": the question "When?" then names the task, and the
    reminder made of the answer gets it. A weekday alone stays ("monday report").
    """
    words = task.split()

    def day(at: int) -> bool:
        return 0 <= at < len(words) and _is_weekday(fold(words[at]).strip(",.;"), lang)

    def join(at: int) -> bool:
        return 0 <= at < len(words) and fold(words[at]).strip() in JOINS

    while (join(0) and day(1)) or (day(0) and join(1)):  # "or friday …", "friday or …"
        words = words[2:]
    while len(words) >= 2 and join(len(words) - 1) and day(len(words) - 2):
        words = words[:-2]
    return " ".join(words)


def _is_weekday(text: str, lang: str) -> bool:
    """Whether a folded word is a weekday in ``lang``'s lexicon."""
    return any(cat == "weekday" for cat, _value, _name in lexicon_for(lang).words.get(text, ()))


def hour_left_by_day(task: str) -> bool:
    """Whether ``task`` opens or ends with a bare number that reads as a clock (1–24, hhmm).

    Asked of a reminder whose time has no clock: "friday 5 call mom" read "friday" and left
    "5 call mom", "pills 8 daily" left "pills 8". Set as read, it would fire at the day's
    default hour, and the hour said would sit in the task. A number inside the task stays
    ("buy 2 tickets tomorrow").
    """
    tokens = [token for token in folded_tokens(task) if token.kind != "sym"]
    return bool(tokens) and (_reads_as_hour(tokens[0]) or _reads_as_hour(tokens[-1]))


def _reads_as_hour(token: Token) -> bool:
    """A number alone that a clock could be: 1–24, or hmm ("715"; four digits are years)."""
    if token.kind != "num":
        return False
    digits = token.text
    if len(digits) == 3:
        return int(digits) % 100 < 60
    return len(digits) <= 2 and 1 <= int(digits) <= 24


THEN = JOINS | {"then", "puis", "also", "aussi", "ensuite"}
CLOCK_OPENERS = frozenset({"at", "a", "@", "vers", "around"})  # "à" folded


def may_hold_second_time(task: str) -> bool:
    """Whether a task could hold a second time (a join word, or a clock word first).

    Cheap, before the task is read for one (``joins_a_second_time``): most tasks have neither.
    """
    words = [token.text for token in folded_tokens(task)]
    if not words:
        return False
    return words[0] in CLOCK_OPENERS or words[0].isdigit() or not THEN.isdisjoint(words)


def joins_a_second_time(task: str, span: tuple[int, int]) -> bool:
    """Whether the clock at ``span`` of ``task`` is a second time: joined by "and"/"then", or first.

    "call the school and at 4 to pick up" and "at 9 to take pills then again" hold another
    reminder's time: one reminder would drop it. A clock told as context stays ("they close
    at 5 so do it at 4").
    """
    before = [token.text for token in folded_tokens(task[: span[0]])]
    return not before or before[-1] in THEN


def names_repeat_left(task: str, lang: str) -> bool:
    """Whether ``task`` still holds a repeat ("every 3rd", "chaque lundi", "tlj")."""
    return _holds_repeat(folded_tokens(task), lang)


def _holds_repeat(tokens: Sequence[Token], lang: str) -> bool:
    """Whether the tokens hold a repeat word with its object, or a repeat abbreviation."""
    categories = _categories(tokens, lang)
    repeat_words = REPEAT_WORDS.get(lang, frozenset())
    adverbs = REPEAT_ADVERBS.get(lang, frozenset())
    for index, token in enumerate(tokens):
        text = token.text
        if text in adverbs:
            return True
        if text in repeat_words and _repeats(tokens, categories, index + 1):
            return True
        if lang == "fr" and text in ALL_OF and _all_of(tokens, categories, index + 1):
            return True
    return False


def _categories(tokens: Sequence[Token], lang: str) -> list[frozenset[str]]:
    """The lexicon categories of each token (none for a word the lexicon lacks)."""
    words = lexicon_for(lang).words
    return [frozenset(cat for cat, _value, _name in words.get(token.text, ())) for token in tokens]


def _all_of(tokens: Sequence[Token], categories: list[frozenset[str]], at: int) -> bool:
    """Whether "tous"/"toutes" before ``at`` opens a repeat ("tous les 2 jours")."""
    return at < len(tokens) and tokens[at].text == "les" and _repeats(tokens, categories, at + 1)


def _repeats(tokens: Sequence[Token], categories: list[frozenset[str]], at: int) -> bool:
    """Whether the words from ``at`` make a repeat's object ("3rd", "monday", "2 weeks").

    Nothing after it counts too: a repeat word ending the task lost its object to the time
    ("stretch every" once "2 hrs from 9" was read).
    """
    if at >= len(tokens):
        return True
    if tokens[at].kind == "num" or categories[at] & REPEATED:
        return True
    return tokens[at].text in ("other", "second", "third") and at + 1 < len(tokens)
