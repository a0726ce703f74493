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


_DONE_VERB = r"(?:done|finished|completed|fini|finie|finis|termine|terminee|fait|faite)"
_TIME_WORDS = re.compile(r"(?:at|by|before|after|in|around|a|vers|avant|apres|dans|\d)\b")
_NOT_A_TASK = frozenset(
    {"for today", "for now", "for the day", "with it", "with that", "with this", "lol", "now"}
    | {"pour aujourd'hui", "pour auj", "pour ajd", "pour le moment", "pour l'instant", "merci"}
)


@_on(
    rf"(?:(?:i'?m|i am|i'?ve|i have|i|j'ai|j ai|jai|c'?est|it'?s|all) )?{_DONE_VERB}"
    r" (?:with |avec |de |d'|du |des |pour |the |la |le |les |l')*(?P<words>[a-z].{1,80})"
    r"|(?!(?:what|when|how|why|if|is|remind|rappel|quand|qu|si|est|tell|let|once|after)\b)"
    rf"(?P<before>[a-z][\w'-]*(?: [\w'-]+){{0,3}}?) (?:is |are |est |sont )?{_DONE_VERB}"
)
def _complete_words(match: re.Match[str]) -> Command | None:
    words = (match["words"] or match["before"] or "").strip()
    if words in _NOT_A_TASK:
        return Complete(None)
    if _TIME_WORDS.match(words):
        return None  # "done at 8", "fini dans 5 min": a time, not a task
    return Complete(None, words)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_ANY: list[re.Pattern[str]] = []  # every pattern as one alternation, built on first use


def _any_pattern() -> re.Pattern[str]:
    """One regex that fully matches exactly the texts some registered pattern fully matches.

    Most messages are no fixed command: one test instead of one per pattern (about 15).
    """
    if not _ANY:
        joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', p.pattern)})" for p, _ in _PATTERNS)
        _ANY.append(re.compile(joined))
    return _ANY[0]


def fixed_command(clean: str) -> Command | None:
    """The fixed command a whole clean message is, if any (None for carrier keywords)."""
    if clean in CARRIER_WORDS:
        return None
    if clean in HELP_WORDS:
        return Help()
    if not _any_pattern().fullmatch(clean):
        return None
    for pattern, build in _PATTERNS:
        match = pattern.fullmatch(clean)
        if match is not None:
            return build(match)
    return None
