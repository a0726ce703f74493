"""Short fixed commands in FR/EN: help, language, lists, done, snooze, undo, delete.

Each is a whole-message pattern over the *clean* text (folded, spaces collapsed,
trailing punctuation removed). Carrier keywords never get here as commands: a bare
STOP/CANCEL/START/YES/… is Unknown; only HELP/AIDE/INFO/"?" mean Help.

Each pattern names the words it can open with (``first``, see ``intent_words.first_word``):
a message is tried only against the patterns its first word can start, so the usual SMS,
a reminder, costs one dictionary look-up here. ``test_command_words`` checks the names.
"""

from __future__ import annotations

import math
import re

from nudge.commands import (
    CancelReminder,
    Command,
    Complete,
    Help,
    ListReminders,
    ListTodos,
    SetLanguage,
    Snooze,
    Undo,
)
from nudge.language.durations import DURATION, parse_duration
from nudge.language.intent_words import STEP
from nudge.language.lexicon import alternation, words_alternation
from nudge.language.phrase_registry import NUMBER_FIRST, candidates, number, on

CARRIER_WORDS = frozenset(
    {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "arret", "start", "unstop"}
    | {"yes", "reprise"}
)
HELP_WORDS = frozenset({"help", "aide", "info", "?"})
MAX_SNOOZE_MINUTES = 7 * 24 * 60
_YOU = r"(?:you|u|ya|nudge|this thing|this app|the app|this bot|the bot|this|it)"
_THING = r"(?:ce truc|ton truc|ca|cette app|l'app|ton app|nudge|ce bot|le bot|ton bot|ce service)"


@on(
    r"help(?: me)?|aide(?:[- ]moi)?|info|menu|commands?|commandes?"
    r"|(?:(?:help|aide|au secours|a l'aide|sos)[ ,!.]+)?"
    + alternation(
        rf"what (?:exactly |else )?(?:can|could|do|does) {_YOU}"
        r" (?:actually |even |really |exactly |all |else )?do"
        r"(?: for me)?",
        r"what(?: is|'s|s) nudge",
        rf"how (?:does|do) {_YOU} (?:even |actually )?work",
        rf"how (?:do|can|should|would) (?:i|we|one) (?:use|work|talk to|text) {_YOU}",
        rf"how (?:to|do you) use {_YOU}",
        r"what are (?:the|your) commands|what can i (?:say|text|ask|send|do here)",
        r"(?:que|qu') (?:sais|peux)[- ]tu faire|tu (?:sais|peux) faire quoi",
        r"(?:c'?est quoi|c quoi|qu'?est[- ]ce) (?:que|qu') tu (?:sais|peux) faire",
        rf"(?:tu|{_THING}) (?:sers?|sert) a quoi",
        rf"a quoi (?:tu sers|sers[- ]tu|ca sert|sert {_THING})",
        rf"comment (?:tu|{_THING}) (?:marches?|fonctionnes?)",
        rf"(?:tu|{_THING}) (?:marches?|fonctionnes?) comment(?: {_THING})?",
        rf"comment (?:on|je|j') ?(?:t'utilise|utilise {_THING}|(?:se|me) sers? de {_THING}"
        r"|m'en sers)",
        rf"comment (?:t'utiliser|utiliser {_THING})",
    ),
    first="help aide info menu command commands commande commandes au a sos what what's whats"
    " how que qu' qu'est quest tu c'est cest c ce ton ca cette l'app nudge le comment",
)
def _help(_: re.Match[str]) -> Command:
    return Help()


_SPEAK = alternation(
    r"speak|talk|write|text|reply|respond|answer|switch|change|go|parle|parler|parlez|ecris"
    r"|ecrire|ecrivez|reponds|repondre|repondez|passe|passer|passez|me parler|me repondre"
    r"|m'ecrire"
)
_SPEAK_FIRST = (
    "in en speak talk write text reply respond answer switch change go parle parler parlez ecris"
    " ecrire ecrivez reponds repondre repondez passe passer passez me m'ecrire"
)


@on(
    rf"(?:(?:in|en|{_SPEAK}(?: back)?(?:[- ](?:to me|me|moi|nous))?(?: (?:in|to|into|en))?) )?"
    r"(?P<lang>francais|french|english|anglais)"
    r"(?: (?:please|pls|stp|svp|from now on|now|maintenant|desormais|dorenavant"
    r"|a partir de maintenant|instead|plutot|only|seulement))*",
    first=f"{_SPEAK_FIRST} francais french english anglais",
)
def _language(match: re.Match[str]) -> Command:
    return SetLanguage("fr" if match["lang"] in ("francais", "french") else "en")


# What people call the list, and the questions they ask about it ("c quoi ma liste")
_SHOW = (
    r"(?:show|see|view|check|send|give|read|display|voir|montre|montrer|affiche|afficher"
    r"|envoie|envoyer|donne|donner|redonne|renvoie|me montrer|m'afficher|m'envoyer|me donner)"
    r"(?:[- ](?:me|moi|nous))?"
)
_SHOW_FIRST = (
    "show see view check send give read display voir montre montrer affiche afficher envoie"
    " envoyer donne donner redonne renvoie me m'afficher m'envoyer"
)
_TODO_LIST = (
    r"(?:(?:my|the|ma|la|mes|les|mon) )?(?:todo|todos|to do|to dos|to-do|to-dos|tasks|taches"
    r"|(?:(?:todo|to do|to-do) )?(?:list|liste)(?: (?:de|des) (?:taches|trucs|choses)"
    r"(?: a faire)?| a faire| of (?:things|stuff)(?: to do)?)?|(?:trucs|choses) a faire"
    r"|things to do)"
)
_TODO_LIST_FIRST = (
    "my the ma la mes les mon todo todos to tasks taches list liste trucs choses things"
)
_ASK_LIST = alternation(
    r"what'?s|whats|wats|wat'?s|what is|what do i have|what have i got|what remains"
    r"|anything|is there anything",
    r"c'?est quoi|c quoi|c koi|quoi|koi|qu'?est[- ]ce qu'?il y a|qu'?est[- ]ce qu'?il reste"
    r"|qu'?est[- ]ce qui (?:reste|est)|(?:il )?y a quoi|y'?a quoi|ya quoi|il reste quoi"
    r"|qu'?y a[- ]t[- ]il|j'ai quoi|ce qui reste",
)
_ASK_LIST_FIRST = (
    "what's whats wats wat's what anything is c'est cest c quoi koi qu'est quest il y y'a ya"
    " qu'y quy j'ai ce"
)
_NOW = r"(?: (?:rn|right now|now|atm|maintenant|la))?"


@on(
    rf"(?:{_SHOW} )?{_TODO_LIST}"
    rf"|{_ASK_LIST}(?: (?:left|still|else))? (?:(?:on|in|sur|dans|de) )?{_TODO_LIST}{_NOW}",
    first=f"{_SHOW_FIRST} {_TODO_LIST_FIRST} {_ASK_LIST_FIRST}",
)
def _list_todos(_: re.Match[str]) -> Command:
    return ListTodos()


_REMINDERS = (
    r"(?:(?:all|any|tous|toutes) )?(?:(?:my|the|mes|les) )?"
    r"(?:(?:upcoming|next|future|current|active|prochains) )?(?:reminders|rappels|rapels)"
)
_REMINDERS_FIRST = (
    "all any tous toutes my the mes les upcoming next future current active prochains reminders"
    " rappels rapels"
)


@on(
    rf"(?:(?:{_SHOW}|list|liste) )?{_REMINDERS}(?: (?:coming up|a venir|prevus|en cours|actifs))?"
    + "|"
    + alternation(
        r"(?:what|which|wat|any)(?: upcoming)? reminders (?:do i have|have i got|did i set"
        r"|i have|are (?:there|set|coming up|on|scheduled|left|pending|active))"
        r"(?: (?:set|coming up|scheduled|left|on|rn|right now|now))?",
        rf"what are {_REMINDERS}|do i have (?:any )?reminders(?: (?:set|coming up))?",
        rf"quels (?:sont )?{_REMINDERS}(?: (?:j'ai|jai|j ai|ai-je|tu as|as-tu|sont prevus"
        r"|a venir|sont programmes|il y a|j'ai de prevu))?",
        r"(?:c'?est quoi|c quoi|c koi|quoi|koi) (?:mes|les) rappels"
        r"|j'ai (?:quoi comme|quels) rappels|(?:est-ce que )?j'ai des rappels",
    ),
    first=f"{_SHOW_FIRST} list liste {_REMINDERS_FIRST} what which wat any do quels c'est cest c"
    " koi quoi j'ai est",
)
def _list_reminders(_: re.Match[str]) -> Command:
    return ListReminders()


_OFF = r"(?:(?:check|tick|cross|mark|strike)(?: (?:it|that|this))? off|coche|raye|barre)"
_OFF_FIRST = "check tick cross mark strike coche raye barre"


@on(
    r"(?:(?:ok|okay|yes|yep|oui|ouais|all|it'?s|i'?m|c'?est|c|ce|g|jai|j'ai|je l'ai|mark"
    r"|marque|got it|yay|woo|woohoo|youpi)[ ,]+)*"
    r"(?:done|donezo|donzo|fini|finie|fait|faite|fe|termine|terminee|did it|finished|complete"
    rf"|completed|check|checked|{_OFF}|\u2713|\u2714|\u2705|\u2611)"
    rf"(?: (?:(?:the|le|la|item) )?{number('n')}| with {number('w')})?"
    rf"|(?:mark |marque )?{number('m')} (?:(?:as |comme )?(?:done|fini|fait|termine))",
    first="ok okay yes yep oui ouais all it's its i'm im c'est cest c ce g jai j'ai je mark"
    " marque got yay woo woohoo youpi done donezo donzo fini finie fait faite fe termine"
    f" terminee did finished complete completed checked {_OFF_FIRST} {NUMBER_FIRST}"
    " \u2713 \u2714 \u2705 \u2611",
)
def _complete(match: re.Match[str]) -> Command:
    number = match["n"] or match["w"] or match["m"]
    return Complete(int(number) if number else None)


# "snooze it", "not now, snooze 20", "pas maintenant, dans 10 min", "plus tard là chui occupée"
_SNOOZE_WORD = alternation(
    r"snooze|snoze|snz|later|plus tard",
    r"pas maintenant|not now|not yet|pas tout de suite|pas encore|reporte|repousse|postpone",
    r"push (?:it|that|this) back|push back|delay|decale|remets(?: ca)? (?:a )?plus tard",
)
_SNOOZE_LEAD = alternation(
    r"not now|pas maintenant|pas tout de suite|not yet|pas encore|later|plus tard|no|non|nope"
    r"|nah|ugh|argh|ok|okay|k"
)
_SNOOZE_OBJECT = alternation(
    r"it|that|this|ca|cela|le|la|that one|this one|the reminder|this reminder|that reminder"
    r"|ce rappel|le rappel"
)
_BUSY = alternation(
    r"busy|occupe|occupee|overwhelmed|deborde|debordee|driving|en reunion|in a meeting"
    r"|in class|en cours|at work|au travail|au boulot|au volant|working|je travaille"
    r"|sur la route|on the road|en route"
)
_I_AM = r"(?:(?:la|there|lol|sorry|dsl|desole|i'?m|im|je suis|chui|chu|jsuis|j'suis|suis) )*"


@on(
    rf"(?:{_SNOOZE_LEAD}[ ,!.]+)?{_SNOOZE_WORD}(?:[ -]{_SNOOZE_OBJECT})?"
    r"(?:(?:,? (?:(?:for|by|pour|de|dans|in|encore|another) )?| d')"
    rf"(?:(?P<num>\d{{1,6}})|(?P<dur>{DURATION}))|(?P<glued>\d{{1,6}}))?"
    rf"(?:[ ,.!-]+{_I_AM}{_BUSY})?"
    r"(?: (?:please|pls|plz|stp|svp|merci|thanks))?",
    first="not pas later plus no non nope nah ugh argh ok okay k snooze snoze snz reporte"
    " repousse postpone push delay decale remets",
)
def _snooze(match: re.Match[str]) -> Command | None:
    if match["num"] or match["glued"]:
        minutes = int(match["num"] or match["glued"])
    elif match["dur"]:
        parsed = parse_duration(match["dur"])
        if parsed is None:
            return None
        minutes = math.ceil(parsed[0].total_seconds() / 60)
    else:
        return Snooze()
    return Snooze(min(max(minutes, 1), MAX_SNOOZE_MINUTES))


@on(
    r"(?:remind me|rappelle(?:[- ]moi)?) (?P<later>(?:later|plus tard)\b.*)",
    first="remind rappelle",
)
def _remind_later(match: re.Match[str]) -> Command | None:
    """Read "remind me later (20)" as "later (20)": its own pattern, as most SMS open so."""
    return fixed_command(match["later"])


# "oops no, undo that", "oups, défais ça", "annule ce que tu viens de faire"
_UNDO_LEAD = alternation(
    r"oops|oopsie|whoops|woops|oups|oh no|oh non|my bad|mb|no|non|nope|nan|wait|attends"
    r"|wrong one|wrong|not that|pas ca|erreur|mistake|my mistake|sorry|desole|dsl|pardon"
    r"|shit|merde|mince|zut|ugh|argh|crap|oh|ah|ok|k"
)
_JUST_DID = (
    r"(?:faire|fait|dire|dit|ecrire|ecrit|envoyer|envoye|ajouter|ajoute|noter|note|mettre|mis)"
)


@on(
    rf"(?:{_UNDO_LEAD}[ ,!.]+)*"
    + alternation(
        r"undo(?: (?:that|this|it|last|the last(?: one| thing| action| change| message| text)?"
        r"|my last (?:message|text|one|thing)|what (?:you|u|i) just (?:did|added|set|made|wrote"
        r"|said|sent)|(?:that|the) (?:last|previous) (?:one|thing|action|change)))?",
        r"oops|oups|oopsie|whoops|woops|my bad|cancel (?:that|this|it)|scratch that",
        r"take (?:that|it) back|go back|revert(?: (?:that|it))?|roll ?back(?: (?:that|it))?"
        r"|ctrl[ +-]?z",
        r"annule(?:r)?(?: ca| cela| ce| le dernier| la derniere| ca stp"
        r"| ce que (?:tu viens|t'as|tu as|t'viens|je viens|j'viens|j'ai) (?:de |d')?"
        rf"{_JUST_DID}| (?:ta|la) derniere (?:action|chose|modif)"
        r"| le dernier (?:truc|message|changement))?",
        r"defais(?: ca)?|defaire|(?:retour|reviens|revenir|retourne|marche) (?:en )?arriere"
        r"|erreur|oups erreur",
    ),
    first="oops oopsie whoops woops oups oh my mb no non nope nan wait attends wrong not pas"
    " erreur mistake sorry desole dsl pardon shit merde mince zut ugh argh crap ah ok k undo"
    " cancel scratch take go revert roll rollback ctrl ctrl+z ctrlz annule annuler defais defaire"
    " retour reviens revenir retourne marche",
)
def _undo(_: re.Match[str]) -> Command:
    return Undo()


_DELETE = alternation(
    r"delete|remove|cancel|del|rm|drop|scrap|scratch|ditch|nix|kill|erase|clear|get rid of",
    r"supprimer?|supprimez|effacer?|effacez|annuler?|annulez|retirer?|enlever?|vire|virer",
)
_DELETE_FIRST = (
    "delete remove cancel del rm drop scrap scratch ditch nix kill erase clear get supprime"
    " supprimer supprimez efface effacer effacez annule annuler annulez retire retirer enleve"
    " enlever vire virer"
)
# "the 2nd", "le deuxième", "the next one": the reminder as listed
ORDINALS = {
    "first": 1, "premier": 1, "premiere": 1, "next": 1, "prochain": 1, "second": 2,
    "deuxieme": 2, "seconde": 2, "third": 3, "troisieme": 3, "fourth": 4, "quatrieme": 4,
    "fifth": 5, "cinquieme": 5, "sixth": 6, "sixieme": 6, "seventh": 7, "septieme": 7,
    "eighth": 8, "huitieme": 8, "ninth": 9, "neuvieme": 9, "tenth": 10, "dixieme": 10,
}  # fmt: skip
_ORDINAL = (
    r"(?:(?P<digits>\d{1,2})(?:st|nd|rd|th|er|ere|re|eme|e|nde?)"
    rf"|(?P<word>{words_alternation(ORDINALS)}))"
)


@on(
    rf"{_DELETE} (?:(?:the|le|la|my|mon|ma) )?(?:(?:reminder|rappel) ?)?{number()}"
    rf"|{_DELETE} (?:(?:the|le|la|my|mon|ma) )?{_ORDINAL}(?: (?:reminder|rappel|one|un|une))?",
    first=_DELETE_FIRST,
)
def _cancel_numbered(match: re.Match[str]) -> Command:
    if match["n"]:
        return CancelReminder(int(match["n"]))
    return CancelReminder(int(match["digits"]) if match["digits"] else ORDINALS[match["word"]])


@on(
    rf"{_DELETE} (?:(?:the|this|that|my|le|ce|cette|mon) )?(?:last )?(?:reminder|rappel)",
    first=_DELETE_FIRST,
)
def _cancel_last(_: re.Match[str]) -> Command:
    return CancelReminder(None)


_TIME_WORDS = re.compile(r"(?:at|by|before|after|in|around|a|vers|avant|apres|dans|\d)\b")
_COURTESY_TAIL = re.compile(
    r"(?:(?:^| )(?:please|pls|plz|stp|svp|merci|thanks|thx|now|maintenant))+$"
)
_DAY_WORDS = frozenset(
    {"today", "tomorrow", "tonight", "tmrw", "aujourd'hui", "auj", "demain", "ce soir"}
)


@on(
    rf"{_DELETE} (?:(?:the|my|that|this|le|mon|ce|mes|les) )?(?:reminder|rappel)s? "
    r"(?:(?:about|for|to|of|re|regarding|on|pour|de|du|des|sur|concernant|a propos de"
    r"|a propos du|a propos des) |d')?(?P<words>[a-z0-9].{0,60})"
    rf"|{_DELETE} (?:(?:the|my|that|this) )?(?P<pre>[a-z][\w'-]*(?: [\w'-]+){{0,2}}) reminder",
    first=_DELETE_FIRST,
)
def _cancel_words(match: re.Match[str]) -> Command | None:
    """Delete the reminder described ("cancel the reminder about the vet")."""
    words = _COURTESY_TAIL.sub("", match["words"] or match["pre"] or "").strip()
    if not words:
        return CancelReminder(None)
    if words in _DAY_WORDS or _TIME_WORDS.match(words):
        return None  # "delete the reminder at 5": which one is a question of time, not words
    return CancelReminder(None, words)


_DONE_VERB = r"(?:done|finished|completed|fini|finie|finis|termine|terminee|fait|faite)"
_DONE_VERBS = "done finished completed fini finie finis termine terminee fait faite"
_NOT_A_TASK = frozenset(
    {"for today", "for now", "for the day", "with it", "with that", "with this", "lol", "now"}
    | {"pour aujourd'hui", "pour auj", "pour ajd", "pour le moment", "pour l'instant", "merci"}
)
_ON_THE_LIST = (
    r"(?: (?:off|from|on|of|de|sur|dans) (?:my|the|ma|la) (?:(?:todo|to do|to-do) )?liste?)?"
)
_STEP = re.compile(STEP)


def _done_words(match: re.Match[str]) -> Command | None:
    """Done with words ("done with the dentist", "stamps done", "cross milk off my list")."""
    words = next(word for word in match.groups() if word is not None).strip()
    if words in _NOT_A_TASK:
        return Complete(None)
    if _TIME_WORDS.match(words) or _STEP.fullmatch(words):
        return None  # "done at 8": a time; "step done": a step of a breakdown (``coaching``)
    return Complete(None, words)


on(
    rf"(?:(?:i'?m|i am|i'?ve|i have|i|j'ai|j ai|jai|c'?est|it'?s|all) )?{_DONE_VERB}"
    r" (?:with |avec |de |d'|du |des |pour |the |la |le |les |l')*(?P<words>[a-z].{1,80})"
    rf"|{_OFF} (?:the |la |le |les |l')*(?P<off>[a-z].{{0,60}}?){_ON_THE_LIST}"
    r"|(?:check|tick|cross|strike) (?:the |my )*(?P<mid>[a-z][\w'-]*(?: [\w'-]+){0,3}?) off"
    r"(?: (?:my|the) (?:(?:todo|to do|to-do) )?list)?",
    first=f"i'm im i i've ive j'ai j jai c'est cest it's its all {_DONE_VERBS} {_OFF_FIRST}",
)(_done_words)
on(
    r"(?!(?:what|when|how|why|if|is|remind|rappel|quand|qu|si|est|tell|let|once|after)\b)"
    rf"(?P<before>[a-z][\w'-]*(?: [\w'-]+){{0,3}}?) (?:is |are |est |sont )?{_DONE_VERB}",
    last=_DONE_VERBS,
)(_done_words)


def fixed_command(clean: str) -> Command | None:
    """The fixed command a whole clean message is, if any (None for carrier keywords)."""
    if clean in CARRIER_WORDS:
        return None
    if clean in HELP_WORDS:
        return Help()
    for pattern, build in candidates(clean):
        match = pattern.fullmatch(clean)
        if match is not None:
            return build(match)
    return None
