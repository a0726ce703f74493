"""Readings the words around them undo: "at one point", "the sun is out", "06 12 34 56 78".

Rules cannot see past their own words, so these checks run on the chart's readings before
ranking (``surrounding_checks.Surroundings.out_of_place``).

A clock time in number words is far more often a count than a clock: such a reading is
dropped after "for", "pendant", "durant", "depuis", "en", "pour" (a duration: "for two
hours", "pour deux heures"); before "of", "point", "people", "avant", "more", a unit of
time ("at two of them", "une heure avant"); before "de" unless "à"/"vers" comes first
("deux heures de ménage", but "à huit heures de prendre…").

A weekday abbreviation that is also a word ("sun", "sat", "mon", "wed", French "sam",
"mar") names a day alone only after "on", "next", "this", "every", "le"… ("the sun is out",
"sam is here" are no days).

An ordinal word alone is no date without "on" before it ("take the second dose"; "on the
second" is one).

The tail of a hyphenated word is no time of its own ("midi" in "après-midi").

A bare number after "in" is minutes only when nothing follows it that it could count:
"remind me in 15" and "in 15, thanks" are, "put it in 3 boxes" is not.

A weekday abbreviation that is also a word, said alone as the whole message, is that day
("sun", "sat."): nothing else in the message could make it the word.

"now" and its phrases ("right now", "at the moment") are a time only as the whole message:
"I'm in Paris now" and "not now" name no time to set.

A date in a run of four or more numbers is a phone number ("le 06 12 34 56 78"), and a bare
number after a day counts what follows it ("friday 3 kids", "demain 15 personnes"), as does
the second of two numbers read as a date ("dans 2 3 jours" is no March 2).

French "le lendemain", "la veille", "le jour suivant", "mercredi d'après" are read from today
only alone: before "de", "la"… they are relative to something else ("le lendemain de la
fête", "le mercredi d'après la réunion"), and so is "deux jours après" before words. A
reading ending on "après" in "après-midi" is the head of that word ("mercredi d'après-midi"
is no "mercredi d'après"), and "ce jour-là" is a day said before, not today.

A day after a task and "for" is what the task is for ("book the flights for xmas",
"préparer les lunchs pour demain"), not when to remind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from nudge.language.time.chart import Node
from nudge.language.time.kit import Time
from nudge.language.time.lexicon import en, fr
from nudge.language.time.tokens import Token
from nudge.language.time.what_numbers_count import (
    BEFORE_NTH,
    ORDINAL_WORDS,
    RANGE_FROM,
    in_a_clock_range,
    nth_of_what,
)

DURATION_BEFORE = frozenset({"for", "during", "pendant", "durant", "depuis", "en", "pour"})
COUNT_AFTER = frozenset(
    {"of", "point", "points", "people", "more", "avant", "hours", "hour", "heures", "heure",
     "minutes", "min", "mins", "jours", "days", "fois", "times", "personnes", "kids",
     "enfants", "persons", "guests", "invites", "x"}
)  # fmt: skip
CLOCK_BEFORE_DE = frozenset({"a", "vers", "at"})
NUMBER_WORDS = frozenset(en.NUMBERS) | frozenset(fr.NUMBERS)
ORDINAL_CUES = frozenset({"on", "by", "until", "till", "before", "after", "le", "du", "au"})


def _spelled_clock(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether the node is a clock time told with number words ("deux heures", not "midi")."""
    value = node.value
    if not isinstance(value, Time) or value.fields is None or not value.fields.has_clock:
        return False
    if value.fields.has_date:
        return False
    words = tokens[node.start : node.end]
    if any(token.text[:1].isdigit() for token in words):
        return False
    return any(token.text in NUMBER_WORDS for token in words)


def counts_something(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether a clock reading in words is a count in its context (see the module)."""
    if not _spelled_clock(node, tokens):
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    after = tokens[node.end].text if node.end < len(tokens) else ""
    first = tokens[node.start].text
    if before in DURATION_BEFORE or first in DURATION_BEFORE:
        return True
    if after in COUNT_AFTER:
        return True
    return after == "de" and before not in CLOCK_BEFORE_DE and first not in CLOCK_BEFORE_DE


AMBIGUOUS_DAYS = frozenset({"sun", "sat", "mon", "wed", "thu", "tue", "sam", "mar", "dim", "jeu"})
DAY_CUES = frozenset(
    {"on", "next", "this", "last", "every", "each", "by", "until", "till", "before", "after",
     "le", "ce", "chaque", "tous", "les", "prochain", "dernier", "avant", "apres", "jusqu'a"}
)  # fmt: skip
PHONE_RUN = 4
ENDINGS = frozenset({".", "!", "?", ",", ";", ":", ")"})
MINUTES_THEN = frozenset({"to", "and", "then", "please", "pls", "plz", "thanks", "thx", "ok"})


def _lone_ambiguous_day(node: Node, tokens: Sequence[Token]) -> bool:
    """A one-word reading that is an ambiguous weekday abbreviation, with no cue before it."""
    if node.end - node.start != 1 or tokens[node.start].text not in AMBIGUOUS_DAYS:
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    return before not in DAY_CUES and not _whole_message(node, tokens)


def _whole_message(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether the reading is all the message says, but for punctuation ("sun.", "now!")."""
    outside = (*tokens[: node.start], *tokens[node.end :])
    return all(token.kind == "sym" and token.text in ENDINGS for token in outside)


def _minutes_counting(node: Node, tokens: Sequence[Token]) -> bool:
    """Form "in 15" with a word after it that the number may count ("in 3 boxes")."""
    if node.rule != "in <n> (minutes)" or node.end >= len(tokens):
        return False
    after = tokens[node.end]
    if after.kind == "sym" and after.text in ENDINGS:
        return False
    then = tokens[node.end + 1] if node.end + 1 < len(tokens) else None
    if then is not None and (then.kind == "num" or then.text in NUMBER_WORDS):
        return True  # "in 5 to 10 minutes", "in 5 or 6": a range, no time to guess
    return after.text not in MINUTES_THEN


COUNTED_UNITS = frozenset(  # units spelled out: a clock before one counts it
    {"second", "seconds", "secondes", "sec", "secs", "minute", "minutes", "min", "mins", "mn",
     "hour", "hours", "hr", "hrs", "heure", "heures", "day", "days", "jour", "jours", "week",
     "weeks", "semaine", "semaines"}
)  # fmt: skip


def _clock_counting_units(node: Node, tokens: Sequence[Token]) -> bool:
    """A clock ending on a number that counts the unit after it ("in 5 to 10 minutes")."""
    value = node.value
    if not isinstance(value, Time) or value.fields is None or node.end >= len(tokens):
        return False
    if not value.fields.has_clock or value.fields.has_date:
        return False
    last = tokens[node.end - 1]
    counted = last.kind == "num" or last.text in NUMBER_WORDS
    return counted and tokens[node.end].text in COUNTED_UNITS


RANGE_OPENERS = frozenset({"in", "dans", "ds", "within", "d'ici"})
RANGE_JOINS = frozenset({"a", "to", "-", "or", "ou"})


def _end_of_a_range(node: Node, tokens: Sequence[Token]) -> bool:
    """A clock that ends a range of counts ("dans 2 à 3 heures", "in 2 to 3 hours")."""
    value = node.value
    if not isinstance(value, Time) or value.fields is None:
        return False
    if not value.fields.has_clock or value.fields.has_date:
        return False
    at = node.start - 1
    if at >= 0 and tokens[at].text in RANGE_JOINS:  # "3 heures" after "2 à", not "à 3 heures"
        at -= 1
    if at < 1:
        return False
    number, opener = tokens[at], tokens[at - 1]
    counted = number.kind == "num" or number.text in NUMBER_WORDS
    return counted and opener.text in RANGE_OPENERS


def _now_in_a_sentence(node: Node, tokens: Sequence[Token]) -> bool:
    """A "now" reading that is not the whole message ("I'm in Paris now")."""
    return node.rule == "now" and not _whole_message(node, tokens)


def _in_phone_number(node: Node, tokens: Sequence[Token]) -> bool:
    """Whether one of the reading's numbers is in a run of ``PHONE_RUN`` or more numbers."""
    for index in range(node.start, node.end):
        if not tokens[index].text.isdigit():
            continue
        low = high = index
        while low > 0 and tokens[low - 1].text.isdigit():
            low -= 1
        while high + 1 < len(tokens) and tokens[high + 1].text.isdigit():
            high += 1
        if high - low + 1 >= PHONE_RUN:
            return True
    return False


def _dialled(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading holding a number written like a phone number's ("555-1234", "514-555-0199")."""
    for index in range(max(node.start - 2, 0), min(node.end + 2, len(tokens) - 2)):
        first, dash, second = tokens[index], tokens[index + 1], tokens[index + 2]
        if dash.text != "-" or first.end != dash.start or dash.end != second.start:
            continue
        dialled = len(first.text) == 3 and first.text.isdigit() and second.text.isdigit()
        overlaps = node.start <= index + 2 and index < node.end
        if dialled and len(second.text) in (3, 4) and overlaps:
            return True
    return False


# Month names that are also names or words ("ask may", "march in the parade", "pick up april"):
# alone, with no day and no cue ("in may", "next march"), they are no time.
WORD_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan", "mar", "sept"})
MONTH_CUES = frozenset({"in", "next", "this", "last", "early", "late", "mid", "until", "till",
                        "by", "of", "before", "after", "since", "from", "during"})  # fmt: skip


def _month_word_alone(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading opening on a month name that is as likely a name or a verb, with no day.

    "ask may about it at 3pm", "call may at 3", "march in the parade": no time in the
    name. "may 5", "may the 5th", "in may", "next march" are months.
    """
    start = node.start
    if tokens[start].text not in WORD_MONTHS:
        return False
    if start > 0 and tokens[start - 1].text in MONTH_CUES:
        return False
    if start + 1 >= node.end:
        return node.rule == "<month> (latent)"
    after = tokens[start + 1]
    return after.kind != "num" and after.text not in ORDINAL_WORDS and after.text != "the"


def _day_and_count(node: Node, tokens: Sequence[Token]) -> bool:
    """A day and a bare number that counts what follows ("friday 3 kids")."""
    if node.rule != "<day> <bare hour>":
        return False
    return node.end < len(tokens) and tokens[node.end].text in COUNT_AFTER


def _end_of_compound(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading that is the tail of a hyphenated word: "midi" in "après-midi"."""
    if node.start < 2 or tokens[node.start - 1].text != "-":
        return False
    hyphen, word = tokens[node.start - 1], tokens[node.start - 2]
    return (
        word.end == hyphen.start and hyphen.end == tokens[node.start].start and word.text.isalpha()
    )


def _ordinal_word_alone(node: Node, tokens: Sequence[Token]) -> bool:
    """An ordinal word read as a day of the month with no "on" before it ("the second dose")."""
    words = [token.text for token in tokens[node.start : node.end]]
    if words[0] == "le" or not any(word in ORDINAL_WORDS for word in words):
        return False  # French "le premier" is a date
    if not all(word in ORDINAL_WORDS or word == "the" for word in words):
        return False
    before = tokens[node.start - 1].text if node.start > 0 else ""
    return before not in ORDINAL_CUES


# Words a French relative day ends on: "le lendemain", "la veille", "mercredi suivant",
# "le jour d'après" (and the readings built on them). Not "journée": "dans la journée de
# faire…" names today, its task after ("en fin de journée de…" too).
RELATIVE_ENDS = frozenset({"lendemain", "veille", "suivant", "suivante", "precedent", "precedente"})
ELIDED_ENDS = frozenset({"apres", "avant"})  # only after "d'": "d'après", "d'avant"
RELATIVE_TO = frozenset({"de", "du", "d'", "des", "la", "le", "l'", "les", "au", "aux"})
UNIT_WORDS = frozenset(w for units in (en.UNITS, fr.UNITS) for ws in units.values() for w in ws)


def _two_numbers_and_count(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading ending in two bare numbers before a count or a unit ("dans 2 3 jours")."""
    if node.end - node.start < 2 or node.end >= len(tokens):
        return False
    last, before = tokens[node.end - 1], tokens[node.end - 2]
    if last.kind != "num" or before.kind != "num":
        return False
    after = tokens[node.end].text
    return after in COUNT_AFTER or after in UNIT_WORDS


def _day_relative_to_something(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading ending on "lendemain", "veille", "suivant"… before what it is relative to."""
    if node.end >= len(tokens) or tokens[node.end].text not in RELATIVE_TO:
        return False
    last = tokens[node.end - 1].text
    if last in RELATIVE_ENDS:
        return True
    return last in ELIDED_ENDS and node.end - node.start >= 2 and tokens[node.end - 2].text == "d'"


PURPOSE = frozenset({"for", "pour"})
ASKED_FOR = frozenset(  # "remind me for friday", "what's planned for tomorrow": a time
    {"me", "moi", "reminder", "rappel", "it", "this", "that", "ca", "set", "on", "up",
     "planned", "plans", "plan", "schedule", "scheduled", "agenda", "horaire", "prevu",
     "programme", "quoi"}
)  # fmt: skip


def _for_a_purpose(node: Node, tokens: Sequence[Token]) -> bool:
    """A day said after a task with "for": what the task is for, not when to remind.

    "book the flights home for xmas", "préparer les lunchs pour demain": a reminder on that
    day would come too late. "remind me for friday", "set a reminder for tomorrow" and a
    part of day or clock ("for lunch tomorrow", "for 3pm") are times.
    """
    at = node.start + 1 if tokens[node.start].text in PURPOSE else node.start  # "for xmas"
    if at < 2 or tokens[at - 1].text not in PURPOSE or tokens[at - 2].text in ASKED_FOR:
        return False
    value = node.value
    if not isinstance(value, Time) or value.part is not None or value.elapsed:
        return False
    fields = value.fields
    return fields is None or not fields.has_clock


def _after_what(node: Node, tokens: Sequence[Token]) -> bool:
    """French "<duration> après" followed by what it counts from ("deux jours après l'op")."""
    if node.rule != "<duration> après" or node.end >= len(tokens):
        return False
    return tokens[node.end].kind != "sym"


HYPHEN_HEADS = frozenset({"apres", "jour"})


def _head_of_compound(node: Node, tokens: Sequence[Token]) -> bool:
    """A reading ending on "après" in "après-midi", or "jour" in "ce jour-là"."""
    if tokens[node.end - 1].text not in HYPHEN_HEADS or node.end + 1 >= len(tokens):
        return False
    head, hyphen, tail = tokens[node.end - 1], tokens[node.end], tokens[node.end + 1]
    return hyphen.text == "-" and head.end == hyphen.start and hyphen.end == tail.start


Check = Callable[[Node, Sequence[Token]], bool]
Clue = Callable[[frozenset[str], Sequence[Token]], bool] | frozenset[str]  # or: one of words


def _always(texts: frozenset[str], tokens: Sequence[Token]) -> bool:
    return True


_hyphen = frozenset({"-"})


def _digit_run(texts: frozenset[str], tokens: Sequence[Token]) -> bool:
    return sum(token.text.isdigit() for token in tokens) >= PHONE_RUN


def _two_numbers(texts: frozenset[str], tokens: Sequence[Token]) -> bool:
    if texts.isdisjoint(COUNT_AFTER) and texts.isdisjoint(UNIT_WORDS):
        return False
    return sum(token.kind == "num" for token in tokens) >= 2


def _any_of(words: frozenset[str]) -> Clue:
    """A clue: the text holds one of ``words`` (looked up by word, ``surrounding_checks``)."""
    return words


# Each check, and what a text must hold for it to fire: the checks a text cannot fire are
# passed over for all its readings (``surrounding_checks.Surroundings``, where
# ``out_of_place`` is any of them).
CHECKS: tuple[tuple[Check, Clue], ...] = (
    (counts_something, _any_of(NUMBER_WORDS)),  # a clock in number words
    (_ordinal_word_alone, _any_of(ORDINAL_WORDS)),
    (_end_of_compound, _hyphen),
    (_day_and_count, _any_of(COUNT_AFTER)),
    (_lone_ambiguous_day, _any_of(AMBIGUOUS_DAYS)),
    (_minutes_counting, _always),
    (_clock_counting_units, _any_of(COUNTED_UNITS)),
    (_end_of_a_range, _any_of(RANGE_OPENERS)),
    (_now_in_a_sentence, _always),
    (_in_phone_number, _digit_run),
    (_dialled, _hyphen),
    (_month_word_alone, _any_of(WORD_MONTHS)),
    (_two_numbers_and_count, _two_numbers),
    (_day_relative_to_something, _any_of(RELATIVE_TO)),
    (_head_of_compound, _hyphen),
    (nth_of_what, _any_of(BEFORE_NTH)),
    (in_a_clock_range, _any_of(RANGE_FROM)),
    (_after_what, _always),
    (_for_a_purpose, _any_of(PURPOSE)),
)
