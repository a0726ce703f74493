"""Short fixed commands in FR/EN: help, language, lists, done, snooze, undo, delete.

Each is a whole-message pattern over the *clean* text (folded, spaces collapsed,
trailing punctuation removed). Carrier keywords never get here as commands: a bare
STOP/CANCEL/START/YES/… is Unknown; only HELP/AIDE/INFO/"?" mean Help.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from nudge.commands import (
    CancelReminder,
    Command,
    Complete,
    Help,
    ListReminders,
    ListTodos,
    SetLanguage,
    Snooze,
    Undo,
)
from nudge.language.durations import DURATION, parse_duration

CARRIER_WORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "arret", "start", "unstop"}
    | {"yes", "reprise"}
)
HELP_WORDS = frozenset({"help", "aide", "info", "?"})
MAX_SNOOZE_MINUTES = 7 * 24 * 60


def _number(name: str = "n") -> str:
    """A list number ("2", "#2", "no 2", "n°2") captured as group ``name``."""
    return rf"(?:#|no\.?|n°|nr|number|numero|num)?\s*(?P<{name}>\d{{1,4}})"


Builder = Callable[[re.Match[str]], Command | None]
_PATTERNS: list[tuple[re.Pattern[str], Builder]] = []


def _on(pattern: str) -> Callable[[Builder], Builder]:
    """Register a whole-message pattern and the function building its command."""

    def register(build: Builder) -> Builder:
        _PATTERNS.append((re.compile(pattern), build))
        return build

    return register


@_on(
    r"\?+|help(?: me)?|aide(?:[- ]moi)?|info|menu|commands?|commandes?|what can you do"
    r"|how does (?:this|it) work|que (?:sais|peux)[- ]tu faire|comment (?:ca|tu) marches?"
)
def _help(_: re.Match[str]) -> Command:
    return Help()


@_on(
    r"(?:(?:in|en|speak|parle(?:[- ]moi)?(?: en)?|reponds(?:[- ]moi)? en|switch to) )?"
    r"(?P<lang>francais|french|english|anglais)(?: please| stp| svp)?"
)
def _language(match: re.Match[str]) -> Command:
    return SetLanguage("fr" if match["lang"] in ("francais", "french") else "en")


@_on(
    r"(?:(?:show(?: me)?|see|view|check|voir|montre(?:[- ]moi)?|affiche|envoie(?:[- ]moi)?) )?"
    r"(?:(?:my|the|ma|la|mes) )?(?:list|liste|todo|todos|to do|to-do|(?:todo|to do|to-do) list"
    r"|liste de taches|taches|tasks)"
    r"|what'?s on my (?:todo )?list|what is on my (?:todo )?list"
    r"|qu'?est[- ]ce qu'?il y a (?:sur|dans) ma liste|(?:il y a )?quoi sur ma liste"
)
def _list_todos(_: re.Match[str]) -> Command:
    return ListTodos()


@_on(
    r"(?:(?:show|see|view|check|list|voir|montre(?:[- ]moi)?|affiche|liste) )?"
    r"(?:(?:my|the|mes|les) )?(?:reminders|rappels|upcoming reminders)"
    r"|what are my reminders|quels sont mes rappels"
)
def _list_reminders(_: re.Match[str]) -> Command:
    return ListReminders()


@_on(
    r"(?:(?:ok|okay|yes|yep|oui|ouais|all|it'?s|i'?m|c'?est|c|j'ai|je l'ai|mark|marque)[ ,]+)*"
    r"(?:done|fini|finie|fait|faite|termine|terminee|did it|finished|complete|completed"
    r"|check|\u2713|\u2714|\u2705|\u2611)"
    rf"(?: {_number('n')}| with {_number('w')})?"
    rf"|(?:mark |marque )?{_number('m')} (?:(?:as |comme )?(?:done|fini|fait|termine))"
)
def _complete(match: re.Match[str]) -> Command:
    number = match["n"] or match["w"] or match["m"]
    return Complete(int(number) if number else None)


@_on(
    r"(?:snooze|snoze|snz|later|plus tard|remind me later|rappelle(?:[- ]moi)? plus tard"
    r"|pas maintenant|not now|reporte|repousse)"
    rf"(?: (?:for|by|pour|de|dans|in|encore) | d')?"
    rf"(?: ?(?P<num>\d{{1,6}})|(?: ?(?P<dur>{DURATION})))?"
    r"(?: (?:please|pls|plz|stp|svp|merci|thanks))?"
)
def _snooze(match: re.Match[str]) -> Command | None:
    if match["num"]:
        minutes = int(match["num"])
    elif match["dur"]:
        parsed = parse_duration(match["dur"])
        if parsed is None:
            return None
        minutes = math.ceil(parsed[0].total_seconds() / 60)
    else:
        return Snooze()
    return Snooze(min(max(minutes, 1), MAX_SNOOZE_MINUTES))


@_on(
    r"undo(?: that| last| it)?|oops|oups|oopsie|whoops|woops|my bad|cancel (?:that|this|it)"
    r"|annule(?:r)?(?: ca| cela| ce| le dernier| la derniere| ca stp)?|defais(?: ca)?"
    r"|revert|erreur|oups erreur|retour arriere"
)
def _undo(_: re.Match[str]) -> Command:
    return Undo()


@_on(
    r"(?:delete|remove|cancel|del|rm|drop|supprimer?|supprimez|effacer?|effacez|annuler?"
    r"|annulez|retirer?|enlever?) "
    rf"(?:(?:the|le|la|my|mon|ma) )?(?:(?:reminder|rappel) ?)?{_number()}"
)
def _cancel_numbered(match: re.Match[str]) -> Command:
    return CancelReminder(int(match["n"]))


@_on(
    r"(?:delete|remove|cancel|supprimer?|effacer?|annuler?) "
    r"(?:(?:the|this|that|my|le|ce|cette|mon) )?(?:last )?(?:reminder|rappel)"
)
def _cancel_last(_: re.Match[str]) -> Command:
    return CancelReminder(None)


def fixed_command(clean: str) -> Command | None:
    """The fixed command a whole clean message is, if any (None for carrier keywords)."""
    if clean in CARRIER_WORDS:
        return None
    if clean in HELP_WORDS:
        return Help()
    for pattern, build in _PATTERNS:
        match = pattern.fullmatch(clean)
        if match is not None:
            return build(match)
    return None
