"""Offline FR/EN understanding: one SMS (plus the pending dialogue state) → one Command.

Tried in order, first hit wins:

1. carrier keywords (a bare STOP, CANCEL, YES…) → Unknown; fixed commands (help, language,
   list, reminders, done, snooze, undo, delete) as whole messages;
2. a remind verb ("remind me", "rappelle-moi", "rappel:") with a time and a task →
   CreateReminder; without a time → AskWhen; without a task → AskWhat; past → RefusePast;
3. "add X (to my list)", "ajoute X (à ma liste)", "todo: X" → AddTodo;
4. a message that is only a time: the answer to "When?" if a task is pending, else AskWhat;
5. "<task> <time>" without a verb ("call mom at 6pm"), only when the time ends the message;
6. the answer to "What?" when a time is pending;
7. anything else → Unknown.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from nudge.commands import (
    AddTodo,
    AskWhat,
    AskWhen,
    Command,
    CreateReminder,
    Pending,
    RefusePast,
    Snooze,
    Unknown,
)
from nudge.language.matches import TimeMatch, When
from nudge.language.phrases import CARRIER_WORDS, MAX_SNOOZE_MINUTES, fixed_command
from nudge.language.tasks import Message, clean_task, cut, is_filler, looks_like_task
from nudge.language.times import find_when
from nudge.language.wall import is_after

log = logging.getLogger(__name__)

_POLITE = (
    r"(?:(?:hey|hi|hello|ok|okay|please|pls|plz|can you|could you|would you|will you|salut"
    r"|coucou|stp|svp|tu peux|peux[- ]tu|pourrais[- ]tu|nudge)[\s,]+)*"
)
_VERB = (
    r"remind\s+me|remind|rmd\s+me|remindme|set\s+(?:a|an|me\s+a)\s+reminder"
    r"|(?:add|create|make)\s+(?:a\s+)?reminder|new\s+reminder|reminder|nudge\s+me|ping\s+me"
    r"|text\s+me|alert\s+me|rappel+e[sz]?[- ]?moi|rapel+e?[- ]?moi|rappel[- ]moi"
    r"|fai[st][- ]moi\s+penser|mets?(?:[- ]moi)?\s+un\s+rappel|(?:ajoute|cree)\s+un\s+rappel"
    r"|nouveau\s+rappel|rappel+e|rappel"
)
_REMIND = re.compile(rf"\s*{_POLITE}(?:{_VERB})(?![\w'])\s*[:,\-]?\s*")
_LIST = r"(?:(?:my|the|ma|la)\s+)?(?:(?:todo|to-?do|to do)\s+)?(?:list|liste)(?:\s+de\s+taches)?"
_ADD_VERB = r"\s*(?:(?:please|pls|stp)\s+)?(?:add|ajoute[rz]?|rajoute[rz]?|mets|met|put)"
_ADD_TODO = [
    re.compile(rf"{_ADD_VERB}\s+(?P<task>.+?)\s+(?:to|on|in|a|sur|dans)\s+{_LIST}[\s.!]*"),
    re.compile(rf"{_ADD_VERB}\s*:?\s+(?P<task>.+?)[\s.!]*"),
    re.compile(r"\s*(?:todo|to-?do|to do|a faire|tache|task)\s*[:\-]\s*(?P<task>.+?)[\s.!]*"),
    re.compile(r"\s*todo\s+(?P<task>.+?)[\s.!]*"),
]
_LEFTOVER = re.compile(
    r"[\s,.!?;:]*(?:(?:at|a|on|le|for|pour|by|vers|ok|okay|please|pls|stp|svp|merci|thanks"
    r"|hmm|euh|maybe|say|let's say|disons|plutot|instead|then|alors)(?![\w'])[\s,.!?;:]*)*"
)
_BARE_CLOCK = re.compile(r"\d{1,2}(?:[:h.]\d{2})?")
_BARE_IN = re.compile(r"(?:in|dans|ds) (\d{1,3})")
_SNOOZE_UNTIL = re.compile(
    r"\s*(?:snooze|later|plus\s+tard|reporte|repousse|remind\s+me\s+again)\s+"
    r"(?:until|till|til|to|jusqu'?\s?a|a|pour)?\s*"
)
_NO_VERB_KINDS = frozenset({"relative", "clock", "recurring"})


@dataclass(frozen=True, slots=True)
class _Context:
    """The clock, zone, language and pending state one message is understood in."""

    now: datetime
    tz: str
    lang: str
    state: Pending | None
    _found: dict[str, TimeMatch | None] = field(default_factory=dict)

    def find(self, text: str) -> TimeMatch | None:
        """The main time expression in ``text`` (each text scanned once)."""
        if text not in self._found:
            self._found[text] = find_when(text, now=self.now, tz=self.tz, lang=self.lang)
        return self._found[text]


def understand(text: str, *, now: datetime, tz: str, lang: str, state: Pending | None) -> Command:
    """The Command an SMS means, in zone ``tz`` from the aware ``now``; never raises."""
    try:
        return interpret(text, now=now, tz=tz, lang=lang, state=state)
    except Exception:  # a strange SMS must never break the conversation
        log.exception("language.understand_failed")
        return Unknown(text)


def interpret(text: str, *, now: datetime, tz: str, lang: str, state: Pending | None) -> Command:
    """Like :func:`understand`, but lets errors out (for tests)."""
    message, context = Message.of(text), _Context(now, tz, lang, state)
    if not message.clean or message.clean in CARRIER_WORDS:
        return Unknown(text)
    command = (
        fixed_command(message.clean)
        or _snooze_until(message, context)
        or _remind(message, context)
        or _add_todo(message)
        or _only_time(message, context)
        or _task_then_time(message, context)
        or _pending_task(message, context)
    )
    return command or Unknown(text)


def _snooze_until(message: Message, context: _Context) -> Command | None:
    """Snooze up to a time: "snooze until 8pm", "plus tard à 15h", "snooze till tomorrow"."""
    lead = _SNOOZE_UNTIL.match(message.folded)
    if lead is None:
        return None
    found = _time_alone(Message.of(message.text[lead.end() :]), context, bare=True)
    if found is None or found.when is None:
        return None
    seconds = (found.when.at.astimezone(UTC) - context.now.astimezone(UTC)).total_seconds()
    return Snooze(min(max(math.ceil(seconds / 60), 1), MAX_SNOOZE_MINUTES))


def _remind(message: Message, context: _Context) -> Command | None:
    """A remind verb: "remind me to X at 8pm", "rappelle-moi de X dans 20 min"."""
    verb = _REMIND.match(message.folded)
    if verb is None:
        return None
    body = message.text[verb.end() :]
    found = context.find(body)
    if found is None:
        return _remind_without_time(clean_task(body), context)
    task = clean_task(cut(body, found.span))
    if found.when is None:
        return RefusePast(task)
    if not task:
        pending = context.state.text if context.state else None
        if pending:
            return _create(pending, found.when)
        return AskWhat(found.when.at, found.when.rrule)
    return _create(task, found.when)


def _remind_without_time(task: str, context: _Context) -> Command | None:
    """A remind verb and a task but no time: use a pending time, else ask "When?"."""
    if not task:
        return None
    state = context.state
    if state is not None and state.at is not None and is_after(state.at, context.now):
        return CreateReminder(task, state.at, state.rrule)
    return AskWhen(task)


def _add_todo(message: Message) -> Command | None:
    """A to-do: "add X to my list", "ajoute X", "todo: X"."""
    for pattern in _ADD_TODO:
        match = pattern.fullmatch(message.folded)
        if match is not None:
            task = message.text[match.start("task") : match.end("task")]
            task = clean_task(task, connectors=False)
            return AddTodo(task) if task else None
    return None


def _only_time(message: Message, context: _Context) -> Command | None:
    """A message that is only a time: answers "When?", or asks "What?"."""
    found = _time_alone(message, context)
    if found is None:
        return None
    pending = context.state.text if context.state else None
    if found.when is None:
        return RefusePast(pending) if pending else None
    if pending:
        return _create(pending, found.when)
    return AskWhat(found.when.at, found.when.rrule)


def _time_alone(message: Message, context: _Context, *, bare: bool = False) -> TimeMatch | None:
    """The time a message consists of, fillers aside ("tomorrow at 8 please").

    A bare "8" or "in 5" counts too when ``bare`` or when a task waits for its time.
    """
    if bare or (context.state is not None and context.state.text):
        if _BARE_CLOCK.fullmatch(message.clean):
            prefix = "a " if context.lang == "fr" else "at "
            return context.find(prefix + message.clean)
        bare_in = _BARE_IN.fullmatch(message.clean)
        if bare_in:
            return context.find(f"in {bare_in[1]} min")
    found = context.find(message.text)
    if found is None:
        return None
    start, end = found.span
    before, after = message.folded[:start], message.folded[end:]
    if _LEFTOVER.fullmatch(before) and _LEFTOVER.fullmatch(after):
        return found
    return None


def _task_then_time(message: Message, context: _Context) -> Command | None:
    """A task then a time ending the text: "call mom at 6pm", "appeler maman dans 20 min"."""
    found = context.find(message.text)
    if found is None or found.kind not in _NO_VERB_KINDS:
        return None
    if not _LEFTOVER.fullmatch(message.folded[found.span[1] :]):
        return None
    task = clean_task(message.text[: found.span[0]])
    if not looks_like_task(task) or fixed_command(Message.of(task).clean) is not None:
        return None
    if found.when is None:
        return RefusePast(task)
    return _create(task, found.when)


def _pending_task(message: Message, context: _Context) -> Command | None:
    """The answer to "What should I remind you of?" when a time is pending."""
    state = context.state
    if state is None or state.at is None or is_filler(message.clean):
        return None
    task = clean_task(message.text)
    if not task:
        return None
    if not is_after(state.at, context.now):
        return AskWhen(task)
    return CreateReminder(task, state.at, state.rrule)


def _create(task: str, when: When) -> CreateReminder:
    return CreateReminder(task, when.at, when.rrule)
