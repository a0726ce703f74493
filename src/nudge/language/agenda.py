"""Questions about a day: "what's on today", "qu'est-ce que j'ai demain", "agenda vendredi".

The day is the local date of the time expression in the question (today when none).
"""

from __future__ import annotations

import re
from datetime import date

from nudge.language.tasks import Message

_AGENDA = re.compile(
    r"(?:what'?s|whats|what is|wats|wat's) (?:on|up|planned|happening|scheduled)"
    r"(?: for)?(?: (?:my |the )?(?:plate|agenda|schedule))?(?P<rest>.*)"
    r"|what (?:do i have(?: going on| planned| on| scheduled)?|have i got|am i doing"
    r"|'s my day like)(?P<rest2>.*)"
    r"|(?:do|did) i have (?:anything|something|stuff|much|smth|sth)"
    r"(?: (?:planned|on|going on|scheduled))?(?P<rest8>.*)"
    r"|(?:what'?s|whats|what is) (?:my|the) (?:schedule|agenda|plan|day)(?: like)?(?P<rest7>.*)"
    r"|(?:my |show (?:me )?(?:my )?|today'?s )?(?:agenda|schedule|planning|day|programme|plan)"
    r"(?: for)?(?P<rest3>.*)"
    r"|(?:qu['\s]?est[- ]ce qu'?|qu['\s]?est[- ]ce que |kesk |keske )(?:j'ai|jai|j ai|il y a|y a)"
    r"(?P<rest4>.*)"
    r"|(?:j'ai|jai|j ai) quoi(?: de (?:prevu|beau)| au programme)?(?P<rest5>.*)"
    r"|(?:est[- ]ce que |est[- ]ce qu')?(?:j'ai|jai|j ai) (?:de quoi|quelque chose|qqch|qqc"
    r"|qqchose|des trucs)(?: de prevu)?(?P<rest9>.*)"
    r"|(?:c'?est|cest|c) (?:quoi|koi) (?:le |mon |ma )?(?:programme|planning|horaire|agenda"
    r"|journee)(?P<rest10>.*)"
    r"|(?:quoi de (?:prevu|neuf|beau)|(?:mon )?programme|(?:ma )?journee|(?:mon )?agenda"
    r"|(?:mon )?planning|c'?est quoi (?:le programme|mon programme|ma journee)|on fait quoi"
    r"|qu['\s]?est[- ]ce qui est prevu|quoi au programme|programme du jour)(?P<rest6>.*)"
)
_DAY_WORDS = re.compile(
    r"(?: (?:pour|for|on|de|du|le|this|ce|cette))*"
    r"(?: (?:today|2day|tday|tomorrow|tmrw|tmr|tonight|aujourd'?hui|auj|ajd|demain|2main"
    r"|ce soir|this evening|this morning|ce matin|apres[- ]demain|day after tomorrow|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|next \w+|\w+ prochain|week-?end|du jour)(?: \w+)?)?"
)
_ALONE = re.compile(r"today|aujourd'?hui|auj|2day|ajd|my day|ma journee")


def agenda_phrase(message: Message) -> str | None:
    """The day words of an agenda question ("" for today), None if it is not one."""
    clean = message.clean.rstrip("?")
    if _ALONE.fullmatch(clean):
        return ""
    match = _AGENDA.fullmatch(clean)
    if match is None:
        return None
    rest = next((part for part in match.groups() if part is not None), "")
    if not _DAY_WORDS.fullmatch(rest):
        return None
    return rest.strip()


def agenda_day(found_day: date | None, today: date) -> date:
    """The day asked about: the one found in the question, else today."""
    return found_day if found_day is not None else today
