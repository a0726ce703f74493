"""French time words (France, Belgium, Switzerland, Québec), one list per concept.

Words are folded (no accents), so "après-demain" is listed as "apres-demain". Regional
meanings that differ (Québec "dîner" is lunch) are settled by the region's rules, not here.
"""

from __future__ import annotations

from nudge.language.time.holidays.words_fr import HOLIDAYS as HOLIDAYS
from nudge.language.time.lexicon.zones import ZONES_FR as ZONES  # noqa: F401 - read by concepts

NUMBERS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17, "dix sept": 17,
    "dix-huit": 18, "dix huit": 18, "dix-neuf": 19, "dix neuf": 19, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
    "huitante": 80, "octante": 80, "nonante": 90, "soixante-dix": 70, "soixante dix": 70,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre vingt": 80, "quatre-vingt-dix": 90,
}  # fmt: skip
COUPLE = ("une couple de", "une couple d'", "une couple", "couple de", "couple d'")  # Québec: 2
FEW = ("quelques",)

ORDINALS = {
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "deuxieme": 2, "second": 2,
    "seconde": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11,
    "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16,
    "vingtieme": 20, "trentieme": 30, "dernier": -1, "derniere": -1,
    # plurals, for repeats: "tous les premiers lundis du mois", "les derniers vendredis"
    "premiers": 1, "premieres": 1, "deuxiemes": 2, "troisiemes": 3, "quatriemes": 4,
    "derniers": -1, "dernieres": -1,
}  # fmt: skip
ORDINAL_SUFFIXES = ("er", "re", "ere", "e", "eme", "em", "ieme", "d", "nd", "nde")

WEEKDAYS = {
    0: ("lundi", "lun", "lundis"),
    1: ("mardi", "mardis"),
    2: ("mercredi", "mercredis", "mecredi", "mercerdi"),
    3: ("jeudi", "jeudis"),
    4: ("vendredi", "ven", "vendredis", "vend", "vendred"),
    5: ("samedi", "samedis"),
    6: ("dimanche", "dimanches"),
}  # fmt: skip
WEEKDAYS_PLURAL = {  # "les lundis": every monday
    0: ("lundis",), 1: ("mardis",), 2: ("mercredis",), 3: ("jeudis",), 4: ("vendredis",),
    5: ("samedis",), 6: ("dimanches",),
}  # fmt: skip
MONTHS = {
    1: ("janvier", "janv", "jan"), 2: ("fevrier", "fevr", "fev", "fevrie"), 3: ("mars",),
    4: ("avril", "avr"), 5: ("mai",), 6: ("juin",), 7: ("juillet", "juil"),
    8: ("aout",), 9: ("septembre", "sept", "sep"), 10: ("octobre", "oct"),
    11: ("novembre", "nov"), 12: ("decembre", "dec"),
}  # fmt: skip
UNITS = {
    "second": ("seconde", "secondes", "sec", "secs", "s"),
    "minute": ("minute", "minutes", "min", "mins", "mn", "mnt", "m", "minut"),
    "hour": ("heure", "heures", "h", "hr", "hrs", "heur", "heures"),
    "day": ("jour", "jours", "j", "journee", "journees"),
    "week": ("semaine", "semaines", "sem", "sem."),
    "month": ("mois",),
    "year": ("an", "ans", "annee", "annees"),
}  # fmt: skip
FORTNIGHT = ("quinzaine", "quinze jours")

DAYS = {
    (0, None): ("aujourd'hui", "aujourdhui", "auj", "ajd", "aujourd hui", "aujourd'hui meme"),
    (1, None): ("demain", "dmain", "2main", "dem1", "demin", "deamain", "dmn"),
    (2, None): ("apres-demain", "apres demain", "apres 2main", "apredemain"),
    (-1, None): ("hier",),
    (-2, None): ("avant-hier", "avant hier"),
    (0, "evening"): ("ce soir", "a soir", "a soir", "ce soir-la", "se soir", "c soir"),
    (0, "morning"): ("ce matin", "a matin"),  # Québec "à matin": this morning
    (0, "lunch"): ("ce midi",),
    (0, "afternoon"): ("cet apres-midi", "cet apres midi", "cet aprem", "cette apres-midi",
                       "cette aprem"),
    (-1, "evening"): ("hier soir",),
}  # fmt: skip
PARTS = {
    "morning": ("matin", "matinee", "matins"),
    "afternoon": ("apres-midi", "apres midi", "aprem", "aprm", "apresmidi", "apm"),
    "evening": ("soir", "soiree", "soirs", "nuit"),
    "lunch": ("midi", "heure du dej", "heure du lunch", "dej"),
    "first_thing": ("au reveil", "des le reveil", "a la premiere heure", "en me levant"),
    "after_lunch": ("apres manger", "apres le dejeuner", "apres le dej", "apres dejeuner",
                    "apres le repas", "apres le lunch", "apres le dinner"),
    "after_work": ("apres le travail", "apres le boulot", "apres le taf", "apres le taff",
                   "apres le bureau", "apres le job", "en sortant du travail",
                   "en sortant du boulot", "en sortant du bureau", "apres l'ecole",
                   "apres travail", "apres boulot"),
    "end_of_day": ("fin de journee", "en fin de journee", "fin de la journee"),
    "after_dinner": ("apres le souper", "apres souper"),
    "bedtime": ("avant de dormir", "avant de me coucher", "avant d'aller me coucher",
                "au coucher", "avant d'aller dormir", "avant le dodo"),
    "dejeuner": ("dejeuner", "heure du dejeuner"),  # lunch in France, breakfast in Québec
    "diner": ("diner", "heure du diner"),  # dinner in France, lunch in Québec
    "souper": ("souper", "heure du souper"),
    "after_diner": ("apres le diner", "apres diner"),
}  # fmt: skip
DIRECTIONS = {
    1: ("prochain", "prochaine", "prochains", "prochaines", "pro", "suivant", "suivante",
        "qui vient", "qui s'en vient"),
    -1: ("dernier", "derniere", "passe", "passee", "precedent", "precedente"),
    0: ("ce", "cet", "cette", "courant", "courante", "en cours"),
}  # fmt: skip
NOW = (
    "maintenant",
    "tout de suite",
    "immediatement",
    "a l'instant",
    "en ce moment",
    "de suite",
    "asap",
    "right now",
    "now",
)
NAMED_CLOCKS = {12: ("midi",), 24: ("minuit",)}
HALF = ("demi", "demie", "et demi", "et demie", "1/2")
QUARTER = ("quart", "le quart", "un quart")
