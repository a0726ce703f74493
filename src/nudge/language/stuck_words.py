"""Looser ways to say "I am stuck on X" → BreakDown(X): "im so stuck on", "par où commencer".

People rarely say "break down X": they say how stuck they feel ("im so stuck on this cover
letter", "i keep putting off my essay", "je sais pas par où commencer pour mes impôts"),
or ask for steps in a sentence ("can you break down cleaning the garage for me", "aide moi
à me lancer dans le tri"). ``break_down`` tries ``coaching.break_down`` first, then these.
"""

from __future__ import annotations

import re

from nudge.commands import BreakDown, Command
from nudge.language.coaching import break_down as plain_break_down
from nudge.language.tasks import Message, clean_task

_ASK = r"(?:(?:can|could|would) (?:you|u) |(?:pls|please|plz) |(?:peux|pourrais)[- ]tu |tu peux )?"
_VERY = r"(?:so|really|totally|completely|super|kinda|kind of|just|still|pretty|very|sooo+|rly)"
_STEPS = r"(?:(?:small|tiny|little|baby|easy|simple|petites?|mini) )?"
_PIECES = r"(?:steps|pieces|chunks|parts|bits|tasks|etapes|morceaux|bouts)"
_STUCK = re.compile(
    r"(?:(?:ugh+|omg|help|aide|honestly|bon|ok)[ ,!.]+)*(?:"
    # English: feeling stuck, putting off, not knowing where to start
    rf"(?:i'?m|im|i am|i feel|feeling|i'?m feeling) (?:{_VERY} )*(?:stuck|blocked|paralyzed"
    r"|frozen|overwhelmed) (?:on|with|by|about) "
    r"|i (?:keep|kept) (?:putting off|avoiding|procrastinating on|pushing back|delaying) "
    r"|i'?(?:ve| have) been (?:putting off|avoiding|procrastinating on|pushing back|dreading) "
    r"|i'?m (?:putting off|avoiding|procrastinating on|dreading) "
    r"|(?:i )?(?:don'?t|dont|do not) know (?:where|how) to (?:start|begin) (?:on|with)? ?"
    r"|idk (?:where|how) to (?:start|begin) (?:on|with)? ?"
    r"|no idea (?:where|how) to (?:start|begin) (?:on|with)? ?"
    r"|where do i (?:even )?(?:start|begin) (?:on|with) "
    r"|how do i (?:even )?(?:start|begin|get started on|get started with|tackle) "
    r"|i can'?t (?:get|make) myself (?:to )?(?:start|do|begin|work on|face) "
    r"|i need help (?:breaking down|splitting up|starting|getting started (?:on|with)|to start"
    r"|planning) "
    rf"|{_ASK}help me (?:break down|split up|get going on|get started with|plan|tackle) "
    rf"|{_ASK}(?:break down|split up|break up|chunk) "
    rf"|{_ASK}(?:give me|make) (?:some )?{_STEPS}{_PIECES} (?:for|to) "
    # French: bloqué, par où commencer, se lancer, repousser
    rf"|(?:je suis|chu|chui|j'suis|jsuis|je me sens) (?:{_VERY} |tellement |trop |vraiment"
    r" |completement )*(?:bloquee?|pognee?|coincee?|paralysee?|perdue?|submergee?)"
    r" (?:sur|avec|par) "  # not "dans": "bloquée dans le trafic"
    r"|je bloque (?:tellement |trop |vraiment |completement )?(?:sur|avec|dans) "
    r"|(?:je (?:ne )?sais|j'sais|jsais|chais|sais) (?:pas|plus) (?:par )?(?:ou|comment|quoi)"
    r" (?:commencer|m'y prendre|partir|attaquer)(?: (?:pour|avec|dans|sur|a))? "
    r"|(?:aide[- ]moi|aidez[- ]moi|help moi|peux[- ]tu m'aider|tu peux m'aider) a"
    r" (?:me lancer|m'y mettre|me mettre|commencer|demarrer|attaquer|avancer|decouper)"
    r"(?: (?:dans|a|avec|sur|pour))? "
    r"|(?:j'arrive|jarrive|j arrive) pas a (?:me lancer|m'y mettre|me mettre|demarrer|avancer)"
    r"(?: (?:dans|a|avec|sur|pour))? "
    r"|j'ai du mal a (?:commencer|me lancer|m'y mettre|attaquer|avancer)(?: (?:dans|a|avec|sur))? "
    r"|je (?:repousse|procrastine|remets a plus tard|recule) "
    rf"|{_ASK}(?:decoupe|decouper|divise|diviser)(?:[- ]moi)? "
    r")(?P<task>.+)"
)
# what may end the task: "…, can you break it into steps", "… for me", "… en étapes"
_TAIL = re.compile(
    r"(?:[,.;!]+ ?(?:and |et )?(?:can|could|would|pls|please|help|peux|tu peux|aide|break|split"
    r"|how|where|idk|je|j'|i)\b.*"
    rf"| (?:into|in|en) {_STEPS}{_PIECES}.*| (?:for me|pour moi|lol|pls|please|stp|svp|plz)"
    r"| for (?:weeks|days|months|ages|a while|so long|forever)(?: now)?"
    r"| depuis (?:des semaines|des jours|des mois|longtemps|une eternite|trop longtemps)"
    r"|[ .!?]*)$"
)
_TIMED = re.compile(
    r"(?:at|a|@|by|before|avant|vers) ?\d|\d ?(?:am|pm|h)\b|\b(?:tomorrow|tmrw|tonight|demain"
    r"|ce soir|in \d+ ?(?:min|h))"
)
# the letters every pattern above can start with
_FIRST = frozenset("uohaibfnwcpgmdjts")
_NOT_A_TASK = frozenset({"it", "this", "that", "ca", "cela", "ceci", "tout", "everything"})


def break_down(message: Message) -> Command | None:
    """A task the user is stuck on, said any of the ways above (or ``coaching``'s)."""
    known = plain_break_down(message)
    if known is not None:
        return known
    clean = message.clean
    if len(clean) < 12 or clean[0] not in _FIRST:  # "remind me…", "ok": no regex at all
        return None
    match = _STUCK.fullmatch(message.folded)
    if match is None:
        return None
    start = match.start("task")
    tail = _TAIL.search(message.folded, start)
    end = tail.start() if tail is not None and tail.start() > start else len(message.text)
    task = clean_task(message.text[start:end])
    if not task or task.lower() in _NOT_A_TASK or _TIMED.search(message.folded, start):
        return None  # "please break down the boxes at 5" is a reminder, left to its rules
    return BreakDown(task)
