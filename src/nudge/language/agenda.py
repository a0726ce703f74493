"""Questions about a day: "what's on today", "qu'est-ce que j'ai demain", "agenda vendredi".

The day is the local date of the time expression in the question (today when none). A few
openings are agenda questions only when a day follows ("anything tomorrow?", "y a quoi
demain"), since alone they ask about anything at all ("anything else?", "y a quoi ?").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from nudge.language.lexicon import TODAY, TOMORROW, WEEKDAY_FULL
from nudge.language.tasks import Message

_WHAT = r"(?:wh?at|wut|wht)"  # "what", and its SMS spellings "wat", "wut", "wht"
_JAI = r"(?:j'ai|jai|j ai)(?:[- ]tu)?"  # "j'ai", and the Québec question "j'ai-tu"
_QUOI = r"(?:quoi|koi|kwa)"
_AGENDA = re.compile(
    rf"{_WHAT}(?:'?s| is) (?:on|up|planned|happening|scheduled)"
    r"(?: for)?(?: (?:my |the )?(?:plate|agenda|schedule))?(?P<rest>.*)"
    rf"|{_WHAT}(?: do i have(?: going on| planned| on| scheduled)?| have i got|'?ve i got"
    r"| am i doing|'s my day like)(?P<rest2>.*)"
    r"|(?:do|did) i have (?:anything|something|stuff|much|smth|sth)"
    r"(?: (?:planned|on|going on|scheduled))?(?P<rest8>.*)"
    rf"|(?:{_WHAT}(?:'?s| is| does)|how(?:'?s| is| does)) (?:my|the) (?:schedule|agenda|plan|day)"
    r"(?: look(?:s|ing)?)?(?: like)?(?P<rest7>.*)"
    rf"|(?:{_WHAT}(?:'?s| does)|how(?:'?s| is| does))(?P<day>(?: [\w']+){{1,3}}?)"
    r" look(?:s|ing)?(?: like)?"
    r"|(?:my |show (?:me )?(?:my )?|today'?s )?(?:agenda|schedule|planning|day|programme|plan)"
    r"(?: for)?(?P<rest3>.*)"
    r"|(?:is there |have i got |got |have you got )?(?:anything|anythin|anyting|any plans)"
    r"(?: (?:planned|on|going on|scheduled|happening|coming up))?(?P<day2>.*)"
    r"|(?:qu['\s]?est[- ]ce qu'?|qu['\s]?est[- ]ce que |kesk |keske |kesse |quesque )"
    rf"(?:{_JAI}|il y a|y a)(?: de prevu| au programme| de planifie)?(?P<rest4>.*)"
    rf"|(?:{_JAI}|g) {_QUOI}(?: de (?:prevu|beau)| au programme)?(?P<rest5>.*)"
    rf"|(?:est[- ]ce que |est[- ]ce qu')?{_JAI} (?:de quoi|quelque chose|qqch|qqc"
    r"|qqchose|des trucs)(?: de prevu)?(?P<rest9>.*)"
    rf"|(?:il )?y ?'?a(?:[- ]tu)? (?:{_QUOI}|de quoi|quelque chose|qqch)(?: de prevu)?(?P<day3>.*)"
    rf"|(?:c'?est|cest|c) {_QUOI} (?:le |mon |ma )?(?:programme|planning|horaire|agenda"
    r"|journee)(?P<rest10>.*)"
    rf"|(?:{_QUOI} de (?:prevu|neuf|beau)|(?:mon )?programme|(?:ma )?journee|(?:mon )?agenda"
    r"|(?:mon )?planning|c'?est quoi (?:le programme|mon programme|ma journee)|on fait quoi"
    rf"|qu['\s]?est[- ]ce qui est prevu|{_QUOI} au programme|programme du jour)(?P<rest6>.*)"
    rf"|{_WHAT} (?:did|do|have) i (?:ask|asked|tell|told) (?:you|u) to remind me(?: about| of)?"
    r"(?P<rest11>.*)"
    r"|(?:qu['\s]?est[- ]ce que |qu')(?:je t'ai|j't'ai) (?:demande|dit) de (?:me )?rappeler"
    r"(?P<rest12>.*)"
)
_NEEDS_DAY = frozenset({"day", "day2", "day3"})  # groups that are agenda questions only with a day
_DAY_WORDS = re.compile(
    r"(?: (?:pour|for|on|de|du|le))*"
    rf"(?P<named> (?:(?:this|ce|cette) )?(?:{TODAY}|{TOMORROW}|{WEEKDAY_FULL}|tonight|ce soir"
    r"|this evening|this morning|ce matin|apres[- ]demain|day after tomorrow|next \w+"
    r"|\w+ prochain|week-?end|du jour)(?: \w+)?)?"
)
_ALONE = re.compile(r"today|aujourd'?hui|auj|2day|ajd|my day|ma journee")


# the letters every pattern above can start with: "remind me…", "buy milk" skip them all
_FIRST = frozenset("wdhmstapigqkjeyco2")


def agenda_phrase(message: Message, is_day: Callable[[str], bool] | None = None) -> str | None:
    """The day words of an agenda question ("" for today), None if it is not one.

    Beyond the day words above, any words the time grammar reads as a day
    (``is_day``: "on the 10th", "dec 24", "le 3 mars") are the day asked about.
    """
    clean = message.clean.rstrip("?")
    if clean[:1] not in _FIRST:
        return None
    if _ALONE.fullmatch(clean):
        return ""
    match = _AGENDA.fullmatch(clean)
    if match is None:
        return None
    group = match.lastgroup or ""
    rest = match[group] or ""
    day = _DAY_WORDS.fullmatch(rest)
    if day is None and is_day is not None and rest.strip() and is_day(rest):
        return rest.strip()
    if day is None or (group in _NEEDS_DAY and day["named"] is None):
        return None
    named = (day["named"] or "").strip()  # the day alone, without "on", "for", "de"…
    return "" if _ALONE.fullmatch(named) else named  # "2day" must not read as "2 days"


def agenda_day(found_day: date | None, today: date) -> date:
    """The day asked about: the one found in the question, else today."""
    return found_day if found_day is not None else today
