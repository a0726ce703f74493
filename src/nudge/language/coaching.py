"""Getting unstuck, one step at a time.

"I'm stuck on X" / "je bloque sur X" / "découpe X" → BreakDown(X);
"next" / "suivant" / "étape suivante" → NextStep.
"""

from __future__ import annotations

import re

from nudge.commands import BreakDown, Command, NextStep
from nudge.language.tasks import Message, clean_task

_NEXT = re.compile(
    r"(?:(?:ok|okay|done|fait|fini|c'est fait|yes|oui)[ ,]+)?(?:next|nxt|suivant|suivante|suiv"
    r"|next step|next one|etape suivante|la suite|et apres|and then|what'?s next|then what"
    r"|prochaine etape|step done|etape faite|etape finie)"
)
_BREAK = re.compile(
    r"\s*(?:(?:help|aide)[\s,!]*)?"
    r"(?:i'?m stuck (?:on|with)|im stuck (?:on|with)|stuck on|i'?m blocked on|blocked on"
    r"|i can'?t (?:start|get started on|begin|face|do)|i cant (?:start|begin|do)"
    r"|i'?m procrastinating on|procrastinating on|help me (?:start|get started on|with|do)"
    r"|where do i start (?:with|on)|break (?:down|up)|split|break it down:?"
    r"|how do i start|je bloque (?:sur|avec)|j'bloque sur|je suis bloquee? (?:sur|avec)"
    r"|bloquee? sur|je procrastine (?:sur|pour)|j'arrive pas a (?:commencer|faire|attaquer)"
    r"|je n'arrive pas a (?:commencer|faire|attaquer)|aide[- ]moi a (?:commencer|faire)"
    r"|decoupe(?:[- ]moi)?|decouper|par ou commencer (?:pour|avec)|comment commencer)"
    r"(?![\w'])\s*:?\s*(?P<task>.+)"
)


def next_step(clean: str) -> Command | None:
    """The current step is done, send the next one."""
    return NextStep() if _NEXT.fullmatch(clean) else None


def break_down(message: Message) -> Command | None:
    """A task the user is stuck on."""
    match = _BREAK.fullmatch(message.folded)
    if match is None:
        return None
    task = clean_task(message.text[match.start("task") :])
    return BreakDown(task) if task else None
