"""English time words, one list per concept, with the SMS spellings and typos people send."""

from __future__ import annotations

from nudge.language.time.holidays.words_en import HOLIDAYS as HOLIDAYS
from nudge.language.time.lexicon.zones import SHORT as ZONES_SHORT  # noqa: F401 - read by concepts
from nudge.language.time.lexicon.zones import ZONES_EN as ZONES  # noqa: F401

NUMBERS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
ARTICLES_ONE = ("a", "an")  # "a week", "an hour": one
COUPLE = ("a couple of", "a couple", "couple of", "couple", "a pair of", "pair of")  # two
FEW = ("a few", "few")  # three

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}  # fmt: skip
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

WEEKDAYS = {
    0: ("monday", "mon", "mondays", "mnday", "monady"),
    1: ("tuesday", "tues", "tue", "tuesdays", "tuesay", "tusday", "teusday", "tuseday"),
    2: ("wednesday", "wed", "weds", "wednesdays", "wensday", "wednsday", "wendsday", "wedensday",
        "wednessday"),
    3: ("thursday", "thu", "thur", "thurs", "thursdays", "thursay", "thrusday", "thurday",
        "thirsday"),
    4: ("friday", "fri", "fridays", "fryday", "firday", "frday"),
    5: ("saturday", "sat", "saturdays", "satruday", "saterday"),
    6: ("sunday", "sun", "sundays", "sundy"),
}  # fmt: skip
WEEKDAYS_PLURAL = {  # "on mondays": every monday
    0: ("mondays",), 1: ("tuesdays",), 2: ("wednesdays",), 3: ("thursdays",), 4: ("fridays",),
    5: ("saturdays",), 6: ("sundays",),
}  # fmt: skip
MONTHS = {
    1: ("january", "jan"), 2: ("february", "feb", "febuary"), 3: ("march", "mar"),
    4: ("april", "apr"), 5: ("may",), 6: ("june", "jun"), 7: ("july", "jul"),
    8: ("august", "aug"), 9: ("september", "sept", "sep"), 10: ("october", "oct"),
    11: ("november", "nov"), 12: ("december", "dec"),
}  # fmt: skip
UNITS = {
    "second": ("second", "seconds", "sec", "secs", "s"),
    "minute": ("minute", "minutes", "min", "mins", "mn", "mnt", "m", "minits", "minuts"),
    "hour": ("hour", "hours", "hr", "hrs", "h", "hour's", "houre"),
    "day": ("day", "days"),  # not "d": "print it in 3d" is no date
    "week": ("week", "weeks", "wk", "wks"),
    "month": ("month", "months", "mo", "mos", "mth", "mths"),
    "year": ("year", "years", "yr", "yrs", "y"),
}  # fmt: skip
FORTNIGHT = ("fortnight", "fortnights")

DAYS = {  # days from today, and the part of day they imply
    (0, None): ("today", "tday", "tdy", "2day", "todays"),
    (1, None): ("tomorrow", "tomorrows", "tomorow", "tommorow", "tommorrow", "tmrw", "tmrow",
                "tmr", "tmw", "2morrow", "2moro", "2mrw", "2mro", "tomorro", "tomoro",
                "tommorw", "tmrrw", "tomm"),
    (2, None): ("day after tomorrow", "the day after tomorrow", "day after tmrw",
                "day after tmr"),
    (-1, None): ("yesterday", "yday", "yest"),
    (-2, None): ("day before yesterday", "the day before yesterday"),
    (0, "evening"): ("tonight", "tonite", "2nite", "tonigh", "this evening"),
    (0, "morning"): ("this morning",),
    (0, "afternoon"): ("this afternoon",),
    (-1, "evening"): ("last night",),
}  # fmt: skip
PARTS = {
    "morning": ("morning", "mornings", "morn"),
    "afternoon": ("afternoon", "afternoons", "arvo"),
    "evening": ("evening", "evenings", "eve", "night", "nights"),
    "lunch": ("lunch", "lunchtime", "lunch time", "noonish"),
    "first_thing": ("first thing", "first thing in the morning", "when i wake up"),
    "after_lunch": ("after lunch",),
    "after_work": ("after work", "after school"),
    "end_of_day": ("end of day", "end of the day", "eod"),
    "after_dinner": ("after dinner", "after supper"),
    "bedtime": ("bedtime", "bed time", "before bed", "before i go to bed",
                "before i go to sleep"),
    "dinner": ("dinner", "dinnertime", "supper"),
}  # fmt: skip
DIRECTIONS = {
    1: ("next", "coming", "upcoming", "following", "nxt"),
    -1: ("last", "past", "previous", "prev"),
    0: ("this", "current", "this coming"),
}
NOW = (
    "now",
    "right now",
    "just now",
    "at the moment",
    "atm",
    "rn",
    "asap",
    "immediately",
    "at this time",
    "at this moment",
    "right away",
)
AMPM = {
    "am": ("am", "a", "a.m", "a.m.", "a m", "morning"),
    "pm": ("pm", "p", "p.m", "p.m.", "p m"),
}
AMPM_FULL = {  # am|pm that is no other word ("walk 500 a day" is no 05:00)
    "am": ("am", "a.m", "a.m.", "a m"),
    "pm": ("pm", "p.m", "p.m.", "p m"),
}
NAMED_CLOCKS = {
    12: ("noon", "midday", "mid-day", "mid day", "noonday"),
    24: ("midnight", "midnite"),
}
HALF = ("half", "1/2")
QUARTER = ("quarter", "a quarter", "1/4")
