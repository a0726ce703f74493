"""Where the user is, in words → a time zone: "I'm in Paris now", "chu rendue à Calgary".

Two kinds of sentences. Saying where one is ("I'm back in London", "just got to New York",
"je suis rentrée à Bruxelles") sets the zone only for a place ``zones`` knows: "I'm in a
meeting", "je suis en réunion", "chu au travail" are no places. Naming the zone ("timezone
asia/tokyo", "change mon fuseau horaire pour Europe/Lisbon", "mets-moi à l'heure de l'Est")
also takes zone names ("pacific", "Eastern time"). When such a sentence, or a clear move
("I moved to X", "just landed in X", "je viens d'arriver à X"), names a place Nudge does not
know, it asks which zone that is (``AskTimezone``) rather than guess.
"""

from __future__ import annotations

import re

from nudge.commands import AskTimezone, Command, SetTimezone
from nudge.language.intent_words import first_word
from nudge.language.zones import place_name, zone_for

_POLITE = r"(?: (?:pls|plz|please|stp|svp|merci|thanks|thx|thank you))*"
_PLACE = r"(?P<place>[a-z][a-z' /_.+-]{1,29}?)"
_HERE = re.compile(
    r"(?=[ijwmbglnscohra])(?:(?P<move>i moved|i'?ve moved|we moved|we'?ve moved|just moved"
    r"|moved|i just moved|relocated|i relocated|just landed|i just landed|i landed|landed"
    r"|just arrived|i just arrived|i arrived|arrived|je viens d'arriver|je viens d'atterrir"
    r"|j'ai atterri|on a atterri|je demenage|j'ai demenage|on demenage|on a demenage"
    r"|je me suis installee?|on s'est installes)"
    r"|i'?m|i am|im|we'?re|we are|i live|we live|just got|i just got|got|now|back|currently"
    r"|staying|living|based|je suis|j'suis|jsuis|chui|chuis|chu|chus|suis|on est|nous sommes"
    r"|j'habite|jhabite|je vis|je reste|me voici|me voila)"
    r"(?: (?:now|maintenant|back|here|over|finally|enfin|bien|currently|actuellement|just"
    r"|home|based|living|staying|de retour|rentree?s?|revenue?s?"
    r"|(?P<moved>arrivee?s?|rendue?s?|installee?s?))){0,2}"
    rf" (?P<prep>in|at|to|into|on|a|au|aux|en|dans|sur) {_PLACE}"
    r"(?: (?:now|maintenant|for (?:a|the) (?:week|month|while)|pour (?:la|une) semaine"
    r"|this week|cette semaine|for now|for a bit|pour l'instant|pour le moment|lol|yay|finally"
    r"|enfin|today|aujourd'hui|tonight|ce soir|(?:until|till|til|jusqu'a) \w+))?"
    rf"{_POLITE}"
)
# Every first word (``intent_words.first_word``) a ``_HERE`` sentence can open with: most
# messages skip the pattern (2 us of backtracking) on one set test. Kept complete by a test.
_HERE_FIRST = frozenset(
    {"arrived", "back", "based", "chu", "chui", "chuis", "chus", "currently", "got", "i", "i'm",
     "i've", "im", "ive", "j'ai", "j'habite", "j'suis", "je", "jhabite", "jsuis", "just",
     "landed", "living", "me", "moved", "nous", "now", "on", "relocated", "staying", "suis",
     "we", "we're", "we've", "were", "weve"}
)  # fmt: skip
_ZONE = r"(?:time ?zone|tz|fuseau(?: horaire)?)"
_NAMED = re.compile(
    r"(?:(?:please |pls |can you |peux[- ]tu )?(?:set|change|update|switch|put|move|make|mets"
    r"|met|mettre|changer|modifie|modifier|passe|passer|regle|regler|ajuste|bascule)"
    rf"(?: moi)?(?: (?:my|the|mon|le|ma))? {_ZONE}|(?:my|mon|ma|the|le) {_ZONE}|{_ZONE})"
    r"(?: (?P<link>is|to|as|on|for|est|a|en|pour|sur|c'est) | ?[:=] ?| )"
    rf"{_PLACE}{_POLITE}"
    r"|(?:(?:mets|met|passe|bascule)(?:[- ]moi)?|(?:switch|put|move|set)[- ]me)"
    rf"(?: (?:a|sur|en))? (?P<hour>(?:l'|la )?heure .{{2,30}}?){_POLITE}"
    rf"|(?:switch|put|move|set) me (?:on|to) (?P<time>.{{2,30}}? time){_POLITE}"
)
_SET_ME = ("mets", "met ", "passe", "bascule", "switch", "put ", "move", "set ")  # + "heure"…
_CLAUSE = re.compile(r"[^,;.]*[,;.] ")  # "heading to tokyo, timezone asia/tokyo"
# what follows "I'm in / je suis à" and is not a place
_NOT_PLACE = re.compile(
    r"l'|d'|(?:a|an|the|my|your|la|le|les|un|une|mon|ma|mes|ton|ta|this|that|ce|cette|some"
    r"|home|work|school|class|bed|office|church|gym|town|hospital|airport|destination"
    r"|maison|travail|bureau|ecole|job|lit|hopital|aeroport|ville|retard|avance|train"
    r"|route|reunion|meeting|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|tomorrow|demain|today"
    r"|tonight|ete|hiver|summer|winter|daylight|standard|usual|normal|same|wrong|off|weird"
    r"|bad|faux|fausse|bon|bonne|mauvais|pareil)(?![\w'])"
)
_NO_ASK_LINKS = frozenset({"is", "est", "c'est"})  # "my timezone is wrong" names no place


def set_timezone(clean: str) -> Command | None:
    """The zone a whole clean message moves the user to, or asks about; None if it is not one."""
    here = _HERE.fullmatch(clean) if first_word(clean) in _HERE_FIRST else None
    if here is not None:
        zone = zone_for(here["place"])
        if zone is not None:
            return SetTimezone(zone)
        moved = here["move"] or here["moved"]
        if moved and here["prep"] in ("in", "to", "a") and _may_be_place(here["place"]):
            return _ask(here["place"])
    if "zone" in clean or "tz" in clean or "fuseau" in clean or clean.startswith(_SET_ME):
        return _named(clean)  # the costlier patterns, for the few texts that may name a zone
    return None


def _named(clean: str) -> Command | None:
    """A zone named after a zone word: "timezone: EST", "mon fuseau horaire pour Europe/Lisbon"."""
    named = _NAMED.fullmatch(clean)
    if named is None:  # the zone may end a longer message: "heading to tokyo, timezone X"
        clause = _CLAUSE.match(clean)
        named = _NAMED.fullmatch(clean, clause.end()) if clause else None
    if named is None:
        return None
    place = named["place"] or named["hour"] or named["time"]
    zone = zone_for(place, named=True)
    if zone is not None:
        return SetTimezone(zone)
    asks = named["link"] not in _NO_ASK_LINKS
    name = place_name(place)
    return _ask(name) if asks and _may_be_place(name) else None


def _ask(place: str) -> AskTimezone:
    """Ask about ``place``, written back as a name ("saint-jovite" → "Saint-Jovite")."""
    return AskTimezone(place if "/" in place else place.title())


def _may_be_place(words: str) -> bool:
    """Whether unknown words could be a town: short, no digit, not "a meeting" or "home"."""
    return (
        words.count(" ") < 3
        and not any(char.isdigit() for char in words)
        and _NOT_PLACE.match(words) is None
    )
