"""Settings said in words: quiet hours ("not after 10pm"); the zone is ``whereabouts``'.

Quiet hours: "don't text me after 10pm" sets the start (22:00) and keeps the default end
(08:00); "not before 8am" sets the end and keeps the default start (22:00); "between 10pm
and 7am", "quiet hours 22h-7h" set both; "no quiet hours" / "pas d'heures calmes" turns
them off. An English hour without am/pm reads as evening for the start, morning for the end.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from nudge.commands import Command, SetQuietHours
from nudge.language.lexicon import alternation
from nudge.language.time.fields import Fields
from nudge.language.time.kit import Time
from nudge.language.time.read import read
from nudge.language.whereabouts import set_timezone as set_timezone  # the zone, said in words

_POLITE_WORDS = ("please", "pls", "plz", "stp", "svp", "merci", "thanks", "thx")
_POLITE_END = re.compile(rf"(?: (?:{'|'.join(_POLITE_WORDS)}))+$")
DEFAULT_QUIET_START = time(22, 0)
DEFAULT_QUIET_END = time(8, 0)
_ANY_DAY = datetime(2026, 1, 1, tzinfo=UTC)  # a clock alone is the same time any day
_ASKING = r"(?:(?:pls|please|plz|can you|could you|can u|stp|svp|peux[- ]tu|tu peux) )?"
_TEXT_VERB = (
    r"(?:text|txt|message|msg|ping|bother|contact|write|sms|send|buzz|notify)(?:ing)?"
    r"|messaging|writing|disturb"
)
_SETTING = (  # "set my quiet hours 23-7", "mets mes heures calmes à 22h-7h"
    r"(?:(?:set|change|update|make|put|mets|met|change|modifie|regle)"
    r"(?: (?:my|the|mes|les|mon|ma))? )?"
)
_NOT = r"(?:pas|rien|plus)(?: de (?:messages?|sms|textos?|rappels?|notifs?|notifications?))?"
_NO_TEXT = (
    rf"{_ASKING}(?:(?:don'?t|do not|dont|never|no|stop|no more|pls don'?t|please don'?t)"
    rf" (?:{_TEXT_VERB})(?: me)?(?: (?:any ?thing|messages?|texts?))?"
    r"|no (?:more )?(?:texts?|txts?|messages?|msgs?|sms|reminders?|notifications?|pings?)"
    rf"|{_SETTING}quiet(?: hours| time| mode)?(?: from| is| are| to)?|do not disturb|dnd"
    r"|leave me alone"
    rf"|(?:ne )?m'(?:ecris|ecrit|ecrivez|envoie|envoies|envoyez|texte|textes) {_NOT}"
    r"|(?:ne )?me (?:texte|textes|derange|deranges|derangez|contacte|contactes|ecris|ecrivez)"
    r" (?:pas|plus)"
    rf"|(?:ecris|ecrivez|ecrit|texte|envoie|derange|contacte)[- ]moi {_NOT}"
    r"|(?:pas|plus|aucun) de (?:messages?|sms|textos?|rappels?|notifs?|notifications?)|silence"
    rf"|{_SETTING}heures? (?:calmes?|de silence|tranquilles?)(?: de| a)?|mode silencieux)"
)
_QUIET = [
    (
        re.compile(
            rf"(?:{_NO_TEXT}) (?:between|from|entre|de) (?P<a>.+?) (?:and|to|et|a|-) (?P<b>.+)"
        ),
        "ab",
    ),
    # lazy: "10pm-7am" splits at the dash, not at the "a" of "am" ("10pm-7" and "m")
    (re.compile(rf"(?:{_NO_TEXT}) (?P<a>[^ ]+?(?: ?[ap]m)?) ?(?:-|to|a) ?(?P<b>.+)"), "ab"),
    (
        re.compile(
            rf"(?:{_NO_TEXT}) (?:after|past|later than|apres|passe|from|starting(?: at| from)?"
            r"|as of|a partir de|des|a compter de) (?P<a>.+)"
        ),
        "a",
    ),
    (re.compile(rf"(?:{_NO_TEXT}) (?:before|until|till|avant) (?P<b>.+)"), "b"),
]
_QUIET_GATE = re.compile(rf"(?:{_NO_TEXT}) ")
# how every quiet-hours text starts: one cheap test spares the patterns for most texts
_FIRST_WORDS = alternation(
    "pls|please|plz|can|could|stp|svp|peux|tu|don't|dont|do|never|no|stop|quiet|dnd|leave|ne"
    "|me|ecris|ecrivez|ecrit|texte|envoie|derange|contacte|pas|plus|aucun|silence|heure"
    "|heures|mode|turn|switch|disable|remove|cancel|end|get|delete|desactive|desactiver|enleve"
    "|enlever|supprime|arrete|annule|fini|finies|i|je|set|change|update|make|put|mets|met"
    "|modifie|regle"
)
_START = re.compile(rf"{_FIRST_WORDS}[ '-]|m'")
_QUIET_NAME = (
    r"(?:quiet (?:hours|time|mode)|heures? (?:calmes?|de silence|tranquilles?)|mode silencieux"
    r"|do not disturb|dnd)"
)
_OFF = re.compile(
    r"(?:(?:no|no more|turn off|switch off|disable|remove|cancel|stop|end|get rid of|delete"
    r"|desactive|desactiver|enleve|enlever|supprime|arrete|annule|fini|finies|i don'?t want"
    r"|i dont want) (?:the |my |any |le |la |les |mes |mon )?"
    r"|(?:je (?:ne )?veux )?(?:pas|plus) d'? ?)"
    rf"{_QUIET_NAME}(?: (?:anymore|any more|please))?"
    rf"|{_QUIET_NAME}:? (?:off|disabled|desactivees?|finies?|terminees?|no more|done|over)"
)


def clock_alone(text: str, *, evening: bool) -> time | None:
    """A clock time alone ("10pm", "22h", "7"), an English bare hour read by ``evening``."""
    plain = text.strip(" .!?")
    if re.fullmatch(r"\d{1,2}", plain):
        plain = f"at {plain}"
    fields = _clock_fields(plain)
    if fields is None or fields.hour is None:
        return None
    hour = fields.hour
    if fields.flexible and evening and 5 <= hour < 12:
        hour += 12
    return time(hour % 24, fields.minute or 0)


def _clock_fields(plain: str) -> Fields | None:
    """The clock pattern ``plain`` is, whole, in either language (quiet hours are bilingual)."""
    for lang in ("en", "fr"):
        reading = read(plain, now=_ANY_DAY, tz="UTC", lang=lang)
        if reading is None or reading.span != (0, len(plain)):
            continue
        value = reading.node.value
        fields = value.fields if isinstance(value, Time) else None
        if fields is not None and fields.has_clock and not fields.has_date:
            return fields
    return None


def set_quiet_hours(clean: str) -> Command | None:
    """Quiet hours: "don't text me after 10pm", "pas de messages avant 8h", "22h-7h"."""
    if clean.endswith(_POLITE_WORDS):  # the only texts the costly substitution can change
        clean = _POLITE_END.sub("", clean)
    if not _START.match(clean):
        return None
    if _OFF.fullmatch(clean):
        return SetQuietHours(None, None)
    if not _QUIET_GATE.match(clean):  # every pattern below starts so: one test spares four
        return None
    for pattern, sides in _QUIET:
        match = pattern.fullmatch(clean)
        if match is None:
            continue
        start = clock_alone(match["a"], evening=True) if "a" in sides else DEFAULT_QUIET_START
        end = clock_alone(match["b"], evening=False) if "b" in sides else DEFAULT_QUIET_END
        if start is not None and end is not None and start != end:
            return SetQuietHours(start, end)
    return None
