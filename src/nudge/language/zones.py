"""Places and zone names people text ("Paris", "Montreal", "EST") → IANA time zones.

Only places with one zone are listed: "Canada", "USA", "Brazil" span several, so they stay
unknown and the user is asked for a city. Zone names come as people say them: "eastern",
"Eastern time", "heure de l'Est", "l'heure du Pacifique", "HNE" (heure normale de l'Est).
"""

from __future__ import annotations

import re
from functools import cache
from zoneinfo import available_timezones

PLACES: dict[str, str] = {
    # France and French-speaking Europe
    "paris": "Europe/Paris", "france": "Europe/Paris", "lyon": "Europe/Paris",
    "marseille": "Europe/Paris", "toulouse": "Europe/Paris", "bordeaux": "Europe/Paris",
    "lille": "Europe/Paris", "nice": "Europe/Paris", "nantes": "Europe/Paris",
    "strasbourg": "Europe/Paris", "montpellier": "Europe/Paris", "rennes": "Europe/Paris",
    "grenoble": "Europe/Paris", "dijon": "Europe/Paris", "angers": "Europe/Paris",
    "reims": "Europe/Paris", "le havre": "Europe/Paris", "toulon": "Europe/Paris",
    "brest": "Europe/Paris", "tours": "Europe/Paris", "clermont ferrand": "Europe/Paris",
    "annecy": "Europe/Paris", "avignon": "Europe/Paris", "biarritz": "Europe/Paris",
    "la rochelle": "Europe/Paris", "rouen": "Europe/Paris", "caen": "Europe/Paris",
    "metz": "Europe/Paris", "nancy": "Europe/Paris", "orleans": "Europe/Paris",
    "corse": "Europe/Paris", "ajaccio": "Europe/Paris", "monaco": "Europe/Monaco",
    "bruxelles": "Europe/Brussels", "brussels": "Europe/Brussels", "belgique": "Europe/Brussels",
    "belgium": "Europe/Brussels", "liege": "Europe/Brussels", "namur": "Europe/Brussels",
    "charleroi": "Europe/Brussels", "anvers": "Europe/Brussels", "antwerp": "Europe/Brussels",
    "gand": "Europe/Brussels", "ghent": "Europe/Brussels", "bruges": "Europe/Brussels",
    "geneve": "Europe/Zurich", "geneva": "Europe/Zurich", "suisse": "Europe/Zurich",
    "switzerland": "Europe/Zurich", "zurich": "Europe/Zurich", "lausanne": "Europe/Zurich",
    "berne": "Europe/Zurich", "bern": "Europe/Zurich", "bale": "Europe/Zurich",
    "basel": "Europe/Zurich", "luxembourg": "Europe/Luxembourg",
    # rest of Europe
    "london": "Europe/London", "londres": "Europe/London", "uk": "Europe/London",
    "england": "Europe/London", "angleterre": "Europe/London", "manchester": "Europe/London",
    "edinburgh": "Europe/London", "edimbourg": "Europe/London", "scotland": "Europe/London",
    "ecosse": "Europe/London", "dublin": "Europe/Dublin", "ireland": "Europe/Dublin",
    "irlande": "Europe/Dublin", "berlin": "Europe/Berlin", "munich": "Europe/Berlin",
    "frankfurt": "Europe/Berlin", "francfort": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "cologne": "Europe/Berlin", "germany": "Europe/Berlin", "allemagne": "Europe/Berlin",
    "madrid": "Europe/Madrid", "barcelona": "Europe/Madrid", "barcelone": "Europe/Madrid",
    "seville": "Europe/Madrid", "spain": "Europe/Madrid", "espagne": "Europe/Madrid",
    "rome": "Europe/Rome", "milan": "Europe/Rome", "venice": "Europe/Rome",
    "venise": "Europe/Rome", "florence": "Europe/Rome", "naples": "Europe/Rome",
    "italy": "Europe/Rome", "italie": "Europe/Rome", "lisbon": "Europe/Lisbon",
    "lisbonne": "Europe/Lisbon", "porto": "Europe/Lisbon", "amsterdam": "Europe/Amsterdam",
    "netherlands": "Europe/Amsterdam", "pays bas": "Europe/Amsterdam",
    "athens": "Europe/Athens", "athenes": "Europe/Athens", "greece": "Europe/Athens",
    "grece": "Europe/Athens", "vienna": "Europe/Vienna", "vienne": "Europe/Vienna",
    "prague": "Europe/Prague", "warsaw": "Europe/Warsaw", "varsovie": "Europe/Warsaw",
    "budapest": "Europe/Budapest", "stockholm": "Europe/Stockholm", "oslo": "Europe/Oslo",
    "copenhagen": "Europe/Copenhagen", "copenhague": "Europe/Copenhagen",
    "helsinki": "Europe/Helsinki", "istanbul": "Europe/Istanbul", "moscow": "Europe/Moscow",
    "moscou": "Europe/Moscow",
    # Canada
    "toronto": "America/Toronto", "ottawa": "America/Toronto", "ontario": "America/Toronto",
    "montreal": "America/Toronto", "mtl": "America/Toronto", "quebec": "America/Toronto",
    "gatineau": "America/Toronto", "sherbrooke": "America/Toronto", "laval": "America/Toronto",
    "longueuil": "America/Toronto", "trois rivieres": "America/Toronto",
    "saguenay": "America/Toronto", "levis": "America/Toronto", "rimouski": "America/Toronto",
    "hamilton": "America/Toronto", "kingston": "America/Toronto", "london ontario":
    "America/Toronto", "halifax": "America/Halifax", "nova scotia": "America/Halifax",
    "nouvelle ecosse": "America/Halifax", "moncton": "America/Moncton",
    "fredericton": "America/Moncton", "new brunswick": "America/Moncton",
    "nouveau brunswick": "America/Moncton", "charlottetown": "America/Halifax",
    "st john's": "America/St_Johns", "newfoundland": "America/St_Johns",
    "terre neuve": "America/St_Johns", "winnipeg": "America/Winnipeg",
    "manitoba": "America/Winnipeg", "regina": "America/Regina", "saskatoon": "America/Regina",
    "saskatchewan": "America/Regina", "calgary": "America/Edmonton",
    "edmonton": "America/Edmonton", "alberta": "America/Edmonton",
    "vancouver": "America/Vancouver", "victoria": "America/Vancouver",
    "kelowna": "America/Vancouver", "whistler": "America/Vancouver",
    "whitehorse": "America/Whitehorse", "yellowknife": "America/Yellowknife",
    "iqaluit": "America/Iqaluit",
    # United States
    "new york": "America/New_York", "nyc": "America/New_York", "ny": "America/New_York",
    "boston": "America/New_York", "miami": "America/New_York", "washington": "America/New_York",
    "dc": "America/New_York", "philadelphia": "America/New_York", "atlanta": "America/New_York",
    "orlando": "America/New_York", "florida": "America/New_York", "floride": "America/New_York",
    "detroit": "America/Detroit", "chicago": "America/Chicago", "dallas": "America/Chicago",
    "houston": "America/Chicago", "austin": "America/Chicago", "texas": "America/Chicago",
    "new orleans": "America/Chicago", "nouvelle orleans": "America/Chicago",
    "minneapolis": "America/Chicago", "nashville": "America/Chicago",
    "denver": "America/Denver", "salt lake city": "America/Denver", "phoenix": "America/Phoenix",
    "arizona": "America/Phoenix", "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles", "los angeles": "America/Los_Angeles",
    "la": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles", "san diego": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles", "vegas": "America/Los_Angeles",
    "california": "America/Los_Angeles", "californie": "America/Los_Angeles",
    "honolulu": "Pacific/Honolulu", "hawaii": "Pacific/Honolulu",
    "anchorage": "America/Anchorage",
    # Caribbean, Latin America
    "mexico": "America/Mexico_City", "mexico city": "America/Mexico_City",
    "cancun": "America/Cancun", "martinique": "America/Martinique",
    "la martinique": "America/Martinique", "guadeloupe": "America/Guadeloupe",
    "la guadeloupe": "America/Guadeloupe", "haiti": "America/Port-au-Prince",
    "port au prince": "America/Port-au-Prince", "cuba": "America/Havana",
    "havana": "America/Havana", "la havane": "America/Havana",
    "punta cana": "America/Santo_Domingo", "republique dominicaine": "America/Santo_Domingo",
    "dominican republic": "America/Santo_Domingo", "puerto rico": "America/Puerto_Rico",
    "guyane": "America/Cayenne", "cayenne": "America/Cayenne",
    "saint pierre et miquelon": "America/Miquelon", "bogota": "America/Bogota",
    "colombia": "America/Bogota", "colombie": "America/Bogota", "lima": "America/Lima",
    "peru": "America/Lima", "perou": "America/Lima", "santiago": "America/Santiago",
    "buenos aires": "America/Argentina/Buenos_Aires", "sao paulo": "America/Sao_Paulo",
    "rio": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
    # Africa, Middle East
    # not "la reunion" alone: "je suis à la réunion", "en réunion" is a meeting
    "ile de la reunion": "Indian/Reunion", "l'ile de la reunion": "Indian/Reunion",
    "reunion island": "Indian/Reunion", "saint denis de la reunion": "Indian/Reunion",
    "mayotte": "Indian/Mayotte",
    "maurice": "Indian/Mauritius", "mauritius": "Indian/Mauritius",
    "dakar": "Africa/Dakar", "senegal": "Africa/Dakar", "casablanca": "Africa/Casablanca",
    "rabat": "Africa/Casablanca", "marrakech": "Africa/Casablanca",
    "maroc": "Africa/Casablanca", "morocco": "Africa/Casablanca", "alger": "Africa/Algiers",
    "algiers": "Africa/Algiers", "algerie": "Africa/Algiers", "tunis": "Africa/Tunis",
    "tunisie": "Africa/Tunis", "abidjan": "Africa/Abidjan", "cote d'ivoire": "Africa/Abidjan",
    "douala": "Africa/Douala", "yaounde": "Africa/Douala", "cameroun": "Africa/Douala",
    "kinshasa": "Africa/Kinshasa", "cairo": "Africa/Cairo", "le caire": "Africa/Cairo",
    "nairobi": "Africa/Nairobi", "johannesburg": "Africa/Johannesburg", "lagos": "Africa/Lagos",
    "beirut": "Asia/Beirut", "beyrouth": "Asia/Beirut", "liban": "Asia/Beirut",
    "tel aviv": "Asia/Jerusalem", "jerusalem": "Asia/Jerusalem", "dubai": "Asia/Dubai",
    # Asia, Pacific
    "tokyo": "Asia/Tokyo", "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo", "japan": "Asia/Tokyo",
    "japon": "Asia/Tokyo", "seoul": "Asia/Seoul", "korea": "Asia/Seoul", "coree": "Asia/Seoul",
    "beijing": "Asia/Shanghai", "pekin": "Asia/Shanghai", "shanghai": "Asia/Shanghai",
    "china": "Asia/Shanghai", "chine": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong",
    "taipei": "Asia/Taipei", "singapore": "Asia/Singapore", "singapour": "Asia/Singapore",
    "bangkok": "Asia/Bangkok", "thailand": "Asia/Bangkok", "thailande": "Asia/Bangkok",
    "hanoi": "Asia/Ho_Chi_Minh", "vietnam": "Asia/Ho_Chi_Minh", "manila": "Asia/Manila",
    "manille": "Asia/Manila", "bali": "Asia/Makassar", "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata",
    "india": "Asia/Kolkata", "inde": "Asia/Kolkata", "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne", "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth", "lord howe": "Australia/Lord_Howe",
    "auckland": "Pacific/Auckland", "new zealand": "Pacific/Auckland",
    "nouvelle zelande": "Pacific/Auckland", "tahiti": "Pacific/Tahiti",
    "noumea": "Pacific/Noumea", "nouvelle caledonie": "Pacific/Noumea",
    # zone names, abbreviations
    "utc": "UTC", "gmt": "UTC", "est": "America/Toronto", "edt": "America/Toronto",
    "cst": "America/Chicago", "mst": "America/Denver", "pst": "America/Vancouver",
    "pdt": "America/Vancouver", "cet": "Europe/Paris", "cest": "Europe/Paris",
    "hne": "America/Toronto", "hae": "America/Toronto", "hnc": "America/Chicago",
    "hnr": "America/Denver", "hnp": "America/Vancouver", "hna": "America/Halifax",
}  # fmt: skip

# Names that are zones only named so ("timezone pacific", "heure du Centre", "Eastern time"):
# "I'm at central", "je suis au centre" are no zones
_BARE_NAMES: dict[str, str] = {
    "eastern": "America/Toronto", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Vancouver", "atlantic": "America/Halifax", "est": "America/Toronto",
    "pacifique": "America/Vancouver", "rocheuses": "America/Denver", "montagnes":
    "America/Denver", "centre": "America/Chicago", "atlantique": "America/Halifax",
}  # fmt: skip

# "Eastern (standard) time", "heure (normale) de l'Est", "l'heure du Pacifique" → the name
_ZONE_WORDS = re.compile(
    r"(?:(?:l'|la |the )?heure (?:normale |avancee |d'ete |d'hiver )?"
    r"(?:de l'|de la |du |des |de |d')"
    r"|(?:the )?(?=\w+ (?:standard |daylight )?time$))"
    r"(?P<name>[\w' -]+?)(?: (?:standard |daylight )?time)?"
)


@cache
def _iana_names() -> dict[str, str]:
    """Every IANA zone name, by its lower-case spelling (read once, when first needed)."""
    return {name.lower(): name for name in available_timezones()}


def zone_for(place: str, *, named: bool = False) -> str | None:
    """The IANA zone of a folded place or zone name, None when unknown.

    Bare zone names ("pacific", "central") count only when ``named`` (after "timezone",
    "fuseau horaire"): "I'm at central" may be a station. "Pacific time" always counts.
    """
    plain = " ".join(place.split()).strip(" .!?")
    if "/" in plain:  # an IANA name: "america/new_york", "Europe/Lisbon"
        return _iana_names().get(plain.replace(" ", "_"))
    plain = plain.replace("-", " ")
    if plain in PLACES:
        return PLACES[plain]
    if named and plain in _BARE_NAMES:
        return _BARE_NAMES[plain]
    words = _ZONE_WORDS.fullmatch(plain)
    if words is None:
        return None
    return PLACES.get(words["name"]) or _BARE_NAMES.get(words["name"])


def place_name(place: str) -> str:
    """The place a phrase names, zone words aside ("l'heure de springfield" → springfield)."""
    plain = " ".join(place.split()).strip(" .!?")
    words = _ZONE_WORDS.fullmatch(plain)
    return words["name"] if words else plain
