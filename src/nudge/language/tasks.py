"""The task part of a reminder or to-do: cut the time out, trim connectors, keep the words.

Cleaning works on the folded text to decide and slices the original, so the user's own
spelling, accents and case are kept ("d'appeler Maman" → "appeler Maman").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nudge.language.fold import fold

_PUNCT = " \t.,;:!?-\u2013\u2014\u2026"
_LEADING = re.compile(
    r"(?:(?:to|that|about|of|for|de|que|pour|please|pls|stp|svp)(?![\w'])|d'|qu')\s*"
)
_A_GRAVE = re.compile(r"[\u00e0\u00c0]\s+")  # "fais-moi penser à X": "à", never an English "a"
_TRAILING = re.compile(
    r"\s(?:please|pls|plz|stp|svp|s'il te plait|s'il vous plait|thanks|thank you|thx|merci"
    # not "on" ("turn the oven on"); "a" only when written "à" (see ``_trailing``)
    r"|and|et|at|ok|le|for|pour|the|a)$"
)
_FILLER = re.compile(
    r"(?:ok|okay|k|kk|yes|yeah|yep|no|nope|non|oui|ouais|merci|thanks|thank you|thx|ty|cool"
    r"|super|great|nice|parfait|d'accord|daccord|dac|ok merci|hmm+|euh+|lol|nevermind"
    r"|never mind|nvm|laisse tomber|forget it|oublie(?: ca)?|rien|nothing|hello|hi|hey|salut"
    r"|bonjour|coucou|\W*)"
)
_NOT_A_TASK = re.compile(
    # questions
    r"(?:what|when|where|why|how|who|which|is|are|can|could|does|would|should"
    r"|quand|quoi|que|qu'est|pourquoi|comment|ou|est-ce|combien|quel|quelle"
    # statements about oneself ("I'll be home in 20 min")
    r"|i'll|i will|i'm|i am|i was|we'll|we're|see you|je serai|je suis|j'arrive|on se voit"
    r"|je t'\w+|je te|je vous|c'est|c est"
    # command words that did not parse as their command ("snooze until 8pm")
    r"|snooze|done|fini|undo|delete|remove|supprime|efface|annule|list|liste|add|ajoute"
    r"|help|aide|stop|cancel)(?!\w)"
)


# "my appointment is (at 3)", "mon rdv est (à 15h)": a statement about a time, not a task
# ends of a statement or of a spoken question ("on mange quoi", "we're meeting where")
_STATEMENT_END = re.compile(r"(?<![\w'])(?:is|are|was|est|sont|etait|'s|quoi|koi|where|ou)$")


@dataclass(slots=True)  # not frozen: built per message, and a frozen init costs 4x more
class Message:
    """One SMS body: trimmed original, folded, and clean (spaces collapsed, no end punctuation)."""

    text: str
    folded: str
    clean: str

    @classmethod
    def of(cls, body: str) -> Message:
        """Prepare ``body`` for matching."""
        text = body.strip()
        folded = fold(text)
        tidy = "  " not in folded and folded[:1] != " " and folded[-1:] != " "
        collapsed = folded if tidy else " ".join(folded.split())  # fold leaves only " " spaces
        clean = collapsed.rstrip(" .!,;:?\u2026")
        if not clean and "?" in collapsed:
            clean = "?"
        return cls(text, folded, clean)


def cut(text: str, span: tuple[int, int]) -> str:
    """``text`` without ``span``, the two sides joined by one space."""
    return f"{text[: span[0]].rstrip()} {text[span[1] :].lstrip()}".strip()


def cut_time(text: str, span: tuple[int, int], other: tuple[int, int] | None) -> str:
    """``text`` without a time's ``span`` and its ``other`` part (``other`` comes first)."""
    text = cut(text, span)
    return text if other is None else cut(text, other)


def cut_before(text: str, other: tuple[int, int] | None) -> str:
    """``text`` (what comes before a time) without the time's earlier part ``other``."""
    return text if other is None else cut(text, other)


_TAIL = 20  # longer than any _TRAILING word with its space ("s'il vous plait")


def _trailing(task: str, folded: str) -> re.Match[str] | None:
    """``_TRAILING`` searched in the tail only: it ends the text, so it lies there.

    A final "a" is cut only when the user wrote "à" ("dentiste à"), never "plan A".
    """
    offset = max(len(folded) - _TAIL, 0)
    found = _TRAILING.search(folded, offset)
    if found is not None and folded.endswith(" a") and task[-1] not in "\u00e0\u00c0":
        return None
    return found


def clean_task(text: str, *, connectors: bool = True) -> str:
    """Trim punctuation, trailing "please"/"and" and (with ``connectors``) a leading "to"/"de"."""
    task = text.strip(_PUNCT)
    for _ in range(6):
        folded = fold(task)
        lead = (_LEADING.match(folded) or _A_GRAVE.match(task)) if connectors else None
        trail = _trailing(task, folded)
        if lead is None and trail is None:
            break
        start = lead.end() if lead else 0
        end = trail.start() if trail else len(task)
        task = task[start:end].strip(_PUNCT) if start < end else ""
    return task


def is_filler(clean: str) -> bool:
    """Whether a clean message says nothing to act on ("ok", "merci", "never mind", "👍")."""
    return _FILLER.fullmatch(clean) is not None


def looks_like_task(task: str) -> bool:
    """Whether text before a time reads as a task, not a question, a statement or a command."""
    folded = fold(task)
    if not folded or folded.endswith("?") or _STATEMENT_END.search(folded):
        return False
    return _NOT_A_TASK.match(folded) is None
