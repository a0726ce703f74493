"""Getting unstuck, one step at a time.

"I'm stuck on X" / "je bloque sur X" / "découpe X" → BreakDown(X);
"next" / "suivant" / "étape suivante" / "got it, next" / "step done" → NextStep.
"""

from __future__ import annotations

import re

from nudge.commands import BreakDown, Command, NextStep
from nudge.language.intent_words import STEP, first_word
from nudge.language.lexicon import alternation
from nudge.language.tasks import Message, clean_task

_NEXT = re.compile(
    r"(?:(?:ok|okay|k|kk|done|fait|fini|c'est fait|c fait|yes|oui|ouais|yep|yup|got it|gotcha"
    r"|alright|cool|nice|great|voila|bon|parfait|super|top|d'accord|dac)[ ,!.]+)*"
    + alternation(
        r"next|nxt|suivant|suivante|suiv|next step|next one|next thing|next bit|etape suivante"
        r"|l'etape suivante|la suite|et apres|and then|what'?s next|whats next|then what"
        r"|what now|now what|prochaine etape|la prochaine etape|prochaine|la prochaine"
        r"|etape d'apres|l'etape d'apres|et ensuite|ensuite|moving on",
        r"(?:on ?to|moving on to|move on to|onward to) the next(?: one| step| thing| bit)?",
        rf"{STEP} (?:is |est )?(?:done|fini|finie|fait|faite|termine|terminee|complete"
        r"|completed|finished|ok|checked)",
    )
)
# The words ``_NEXT`` can open with (see ``intent_words.first_word``; "0": a digit)
_NEXT_WORDS = (
    "ok okay k kk done fait fini c'est c yes oui ouais yep yup got gotcha alright cool nice great"
    " voila bon parfait super top d'accord dac next nxt suivant suivante suiv etape l'etape la et"
    " and what's whats what then now prochaine ensuite moving on onto move onward the this that"
    " my first last cette ma premiere derniere step mini petite l'step l'mini l'petite 0"
)
_NEXT_FIRST = frozenset(_NEXT_WORDS.split())
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
    if first_word(clean) not in _NEXT_FIRST:
        return None
    return NextStep() if _NEXT.fullmatch(clean) else None


def break_down(message: Message) -> Command | None:
    """A task the user is stuck on."""
    match = _BREAK.fullmatch(message.folded)
    if match is None:
        return None
    task = clean_task(message.text[match.start("task") :])
    return BreakDown(task) if task else None
