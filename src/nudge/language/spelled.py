"""Clock times written in words: "at eight", "half past six", "huit heures et quart".

Data and one regex fragment (``SPELLED``, a branch of ``clocks.CORE``), over folded text:

* French, 24-hour, always with "heure(s)": "huit heures", "quinze heures trente",
  "huit heures et quart / et demie", "neuf heures moins le quart", "vingt et une heures".
  Not after "pendant", "durant", "depuis" or "en" ("pendant deux heures" is a duration);
  before "de" ("deux heures de ménage") only with "à"/"vers" or a day before it
  ("à huit heures de prendre…"); "de l'après-midi" is a part of day, always fine.
* English: "eight", "eight thirty", "six oh five", "eight o'clock", "eight pm", and
  "half past six", "quarter to nine", "ten past five", "twenty to one", "10 past 6"; never before
  "of", "point", "people"… ("at one point", "at two of them").

Whether a match is taken as a time (it needs "at"/"à", a day before it, or a part that only
a clock has: minutes, "o'clock", am/pm, "heures") is decided by ``clocks.read_clock``.
"""

from __future__ import annotations

from nudge.language.lexicon import alternation, words_alternation

HOURS_EN: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_HOURS_FR_BASE: dict[str, int] = {
    "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18,
    "dix-neuf": 19, "vingt": 20, "vingt-et-une": 21, "vingt-deux": 22, "vingt-trois": 23,
    "zero": 0,
}  # fmt: skip
HOURS_FR: dict[str, int] = {
    **_HOURS_FR_BASE,
    **{word.replace("-", " "): value for word, value in _HOURS_FR_BASE.items() if "-" in word},
}

_UNITS_EN = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNITS_FR = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
_TEENS_EN = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
             "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
             "nineteen": 19}  # fmt: skip
_TEENS_FR = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
             "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19}  # fmt: skip
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_TENS_FR = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}


def _minutes() -> dict[str, int]:
    """Minute words 1–59 in both languages ("thirty", "forty-five", "oh five", "vingt-cinq")."""
    words: dict[str, int] = {**_TEENS_EN, **_TEENS_FR}
    for index, unit in enumerate(_UNITS_EN, 1):
        words[f"oh {unit}"] = index
    for tens, units in ((_TENS_EN, _UNITS_EN), (_TENS_FR, _UNITS_FR)):
        for ten, value in tens.items():
            words[ten] = value
            for index, unit in enumerate(units, 1):
                for joiner in ("-", " "):
                    words[f"{ten}{joiner}{unit}"] = value + index
            if tens is _TENS_FR:
                words[f"{ten} et un"] = words[f"{ten}-et-un"] = value + 1
    for index, unit in enumerate(_UNITS_FR[1:], 2):  # "huit heures cinq" (English says "oh five")
        words[unit] = index
    return words


MINUTES: dict[str, int] = _minutes()
FRACTIONS: dict[str, int] = {
    "half": 30, "quarter": 15, "a quarter": 15, "ten": 10, "five": 5, "twenty": 20,
    "twenty-five": 25, "twenty five": 25,
}  # fmt: skip
BEFORE = frozenset({"to", "till", "til", "before"})


_HOUR_EN = words_alternation(HOURS_EN)
_HOUR_FR = words_alternation(HOURS_FR)
_MINUTE = words_alternation(MINUTES)
_FRACTION = words_alternation(FRACTIONS)
_NOT_DURATION = r"(?<!pendant\s)(?<!durant\s)(?<!depuis\s)(?<!en\s)"
# Words after an English number that make it no hour ("at one point", "at two of them").
_NOT_AFTER = alternation(
    "of|point|more|another|other|thing|things|time|times|person|people|day|days|week|weeks"
    "|month|months|year|years|hour|hours|hr|hrs|minute|minutes|min|mins|kids|dollars|bucks"
)

SPELLED = (
    # French: "huit heures", "quinze heures trente", "neuf heures moins le quart"
    rf"{_NOT_DURATION}(?P<sh>{_HOUR_FR})\s+heures?(?!\w)"
    rf"(?:\s+(?:et\s+(?P<sq>quart|demie?)|moins\s+(?:le\s+)?(?P<sl>quart|{_MINUTE})"
    rf"|(?P<sm>{_MINUTE})(?:\s+minutes?)?)(?!\w)"
    r"|(?!\s+(?:avant|apres|plus\s+t|en\s+avance)(?!\w))"  # "une heure avant": an offset
    r"(?P<sde>(?=\s+de\s+(?!l')|\s+d'(?!ici)))?)"  # "deux heures de ménage": see clocks
    # English: "half past six", "quarter to nine"
    rf"|(?P<sf>{_FRACTION}|[1-5]?\d)\s+(?P<sdir>past|after|to|till|til|before)"
    rf"\s+(?P<se2>{_HOUR_EN}|1[0-2]|[1-9])(?!\w)"
    # English: "eight", "eight thirty", "eight o'clock", "eight pm"
    rf"|(?P<se>{_HOUR_EN})(?:\s+(?P<sem>{_MINUTE}))?"
    r"(?:\s+(?P<soc>o'?\s?clock)|\s*(?P<sap>[ap])\.?\s?m\.?)?(?!\w)"
    rf"(?!\s+(?:{_NOT_AFTER})(?!\w))"
)
# Words a ``SPELLED`` match may start with, for the lookaheads that gate clock patterns
# ("a quarter past" starts like the preposition "a", which those lookaheads allow already).
SPELLED_STARTS = "|".join(
    sorted({w.split()[0].split("-")[0] for w in (*HOURS_EN, *HOURS_FR, *FRACTIONS)} - {"a"})
)
