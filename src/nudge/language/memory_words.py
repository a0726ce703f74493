"""Long-term memory in words: remember a fact, recall it, forget it.

"remember my locker code is 4512" / "retiens que X" / "note que X" → Remember;
"what's my locker code?" / "c'est quoi mon code" / "where did I park?" → Recall;
"forget my locker code" / "oublie mon code" → Forget. "remember to X" and "n'oublie pas
de X" are reminders, not facts, and are left to the reminder rules; "forget it",
"oublie ça" say nothing to forget.

A recall asks about a stored personal fact: "my"/"mon" ("what's my gate code", "who has my
drill?", "qui a ma perceuse ?"), something the user put away ("what level did I park on",
"j'ai garé la voiture où déjà ?"), or "déjà"/"again" ("comment s'appelle le plombier
déjà"). "the X" alone is a recall only when X is no general question: "what's the weather
tomorrow?", "what's the best way to…" are for the agent.
"""

from __future__ import annotations

import re

from nudge.commands import Command, Forget, Recall, Remember
from nudge.language.tasks import Message, clean_task

_REMEMBER = re.compile(
    r"\s*(?:(?:please|pls|stp|hey|ok|nudge)[\s,]+)*"
    r"(?:remember|remeber|rember|memorize|memorise|note|keep in mind|save|store|retiens|retient"
    r"|souviens[- ]toi|rappelle[- ]toi|memorise|garde en (?:tete|memoire)|enregistre|note bien"
    r"|n'oublie pas|noublie pas|don'?t forget|fyi|pour info)(?![\w'])"
    r"(?:\s*:\s*|\s+(?:that|que|qu'|this|ceci|ca)\s*|\s+)(?P<fact>.+)"
)
_NOT_A_FACT = re.compile(r"(?:to|de|d'|d\s|a\s|me\s|moi\s|ca$|it$|that$)")
_RECALL = re.compile(
    r"\s*(?:what'?s|whats|what is|what was|what are|when is|when'?s|where'?s|where is"
    r"|where are|where did i (?:put|leave|park)|c'?est quand|qui est|where i (?:put|left|parked)"
    r"|who is|who'?s"
    r"|do you (?:remember|know)|tell me|remind me (?:of )?what|c'?est quoi|c koi|cest koi"
    r"|quel(?:le)? (?:est|etait|sont)|quels sont|quand est|ou est|ou sont|ou j'ai (?:mis|gare)"
    r"|ou ai-je (?:mis|gare)|tu te souviens (?:de|d')|te souviens[- ]tu (?:de|d')"
    r"|rappelle[- ]moi (?:mon|ma|mes|le|la|les|c'?est quoi))\s+"
    r"(?P<query>(?:my|mon|ma|mes|the|le|la|les|l'|i|j'ai)\b.*?|[a-z]+'s .+?"
    r"|[a-z]+ (?:allergic|allergique).*?)[\s?!.]*"
    r"|\s*(?P<bare>where did i (?:park|put (?:it|them)|leave (?:it|them))"
    r"|ou (?:j'ai|je suis) gare)[\s?!.]*"
)
# things one puts away, parks, lends: "what level did i park on", "where did i leave them"
_STORE_EN = (
    r"(?:park|parked|put|leave|left|hide|hid|lend|lent|give|gave|store|stored|keep|kept|stash"
    r"|stashed|lock|locked|drop|dropped|hang|hung|file|filed|write down|wrote down|save|saved)"
)
_STORE_FR = (
    r"(?:mis|gare|garee|laisse|range|cache|prete|donne|pose|stationne|note|ecrit|rentre"
    r"|accroche|depose|planque)"
)
_JAI = r"(?:j'ai|jai|j ai|je l'ai|j'l'ai|je les ai)"
_PUT_AWAY = re.compile(
    r"\s*(?:(?:wait|hey|ok|um|uh|so|hmm|euh|attends|dis)[\s,]+)?(?:"
    rf"(?:what|which|where|who|whom|how)(?: [a-z']+){{0,3}} did i {_STORE_EN}(?: .*)?"
    rf"|(?:ou|a qui|a quel \w+|a quelle \w+)(?: est[- ]ce que| est[- ]ce qu')? {_JAI}"
    rf" {_STORE_FR}(?: .*)?"
    rf"|{_JAI} {_STORE_FR} .*(?: ou| a qui| a quel \w+| a quelle \w+)(?: deja| encore| la)?"
    r"|(?:who|qui)(?:'?s got| (?:has|has got|got|borrowed|took|a|a pris|a emprunte|avait))?"
    r" (?P<mine>(?:my|mon|ma|mes) .+?)"
    r"|(?:comment s'appell?e(?:nt)?|c'?est quoi le nom (?:de|du|d'))"
    r" (?P<named>(?:mon|ma|mes|le|la|les|l'|notre)\s*.+?)"
    r")[\s?!.]*"
)
_TIMED = re.compile(r"(?:at|a|vers)\s+\d")  # "when is my appointment at 3pm?"
# "the X" questions that ask the world, not the user's memory
_GENERAL = re.compile(
    r"(?<![\w'])(?:weather|forecast|temperature|temp|time|date|news|score|traffic|difference"
    r"|best|worst|fastest|cheapest|easiest|nearest|closest|capital|meaning|point|price|cost"
    r"|president|population|distance|weekend|today|tonight|tomorrow|tmrw|yesterday|monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday|meteo|temps|heure|nouvelles|prix"
    r"|meilleure?|moins cher|plus proche|capitale|difference|aujourd'hui|auj|demain|hier"
    r"|ce soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\w'])"
)
_POSSESSIVE = re.compile(r"^(?:(?:my|mon|ma|mes|the|le|la|les|l')\s*)?")
_FORGET = re.compile(
    r"\s*(?:forget|oublie|efface|delete|supprime|erase)\s+(?:about\s+|that\s+|que\s+)?"
    r"(?P<query>(?:my|mon|ma|mes|the|le|la|les|l')\s*.+?)[\s.!]*"
)
# "forget what I told you about the drill", "oublie tout ce que tu sais sur le plombier"
_FORGET_ABOUT = re.compile(
    r"\s*(?:(?:pls|please|stp|svp|ok)[\s,]+)?(?:forget|oublie|efface|erase|delete)"
    r"(?: (?:everything|all|anything|whatever|what|tout))?(?: (?:that|ce|ce que|ce qu'|que))?"
    r"(?: (?:i(?: have|'ve)? told you|i said|i told|you know|you remember|tu sais|tu connais"
    r"|je t'ai dit|t'as appris|tu as appris|t'sais|tu te souviens))?"
    r" ?(?:about|on|regarding|re|sur|a propos d'|a propos de|au sujet d'|au sujet de"
    r"|concernant|de|du|des|d')\s*(?P<query>.+?)[\s.!]*(?: (?:pls|please|stp|svp))?"
)
_FORGET_STARTS = ("forget", "oublie", "efface", "erase", "delete", "pls", "please", "stp", "svp",
                  "ok")  # fmt: skip
_NOT_MEMORY = re.compile(
    r"(?:list|liste|reminders?|rappels?|todo|taches?|last|dernier|derniere|day|journee|agenda"
    r"|schedule|plate|programme)\b"
)


def remember(message: Message) -> Command | None:
    """A fact to keep: "remember my locker code is 4512", "retiens que Léa aime le thé"."""
    match = _REMEMBER.fullmatch(message.folded)
    if match is None or _NOT_A_FACT.match(match["fact"]):
        return None
    fact = clean_task(message.text[match.start("fact") :], connectors=False)
    return Remember(fact) if len(fact) > 2 else None


def recall(message: Message) -> Command | None:
    """A question about a remembered fact: "what's my locker code?", "c'est quoi mon code"."""
    match = _RECALL.fullmatch(message.folded)
    if match is not None and match["bare"]:
        return Recall(message.clean)
    if match is None:
        return _put_away(message)
    asked = match["query"]
    if _NOT_MEMORY.search(asked) or _TIMED.search(asked):
        return None
    if not asked.startswith(_MINE) and _GENERAL.search(asked) and not _AGAIN.search(asked):
        return None  # "what's the weather tomorrow?": the world, not the user's memory
    return _query(message, match, "query")


_MINE = ("my", "mon", "ma", "mes", "i ", "j'ai")
_PUT_AWAY_STARTS = ("wh", "how", "wait", "hey", "ok", "um", "uh", "so ", "hmm", "euh", "attends",
                    "dis", "ou ", "a qui", "a quel", "j'", "jai", "j ai", "je l", "qui", "comment",
                    "c'est", "cest")  # fmt: skip
_AGAIN = re.compile(r"(?<![\w'])(?:again|deja)(?![\w'])")


def _put_away(message: Message) -> Command | None:
    """Where a thing was put or who has it: "what level did i park on?", "qui a ma perceuse ?"."""
    if not message.clean.startswith(_PUT_AWAY_STARTS):  # most texts: no regex at all
        return None
    match = _PUT_AWAY.fullmatch(message.folded)
    if match is None:
        return None
    if match["mine"] is not None:
        return _query(message, match, "mine")
    if match["named"] is not None:
        return _query(message, match, "named")
    return Recall(message.clean)


def _query(message: Message, match: re.Match[str], group: str) -> Command | None:
    """The words of ``group`` as the user wrote them, without "my"/"the"."""
    query = message.text[match.start(group) : match.end(group)]
    query = query[len(_POSSESSIVE.match(match[group])[0]) :]  # type: ignore[index]
    query = _AGAIN_END.sub("", query)
    return Recall(query.strip()) if query.strip() else None


_AGAIN_END = re.compile(r"\s+(?:again|d[eé]j[aà])\s*$", re.IGNORECASE)


def forget(message: Message) -> Command | None:
    """A fact to drop: "forget my locker code", "oublie mon code de casier"."""
    match = _FORGET.fullmatch(message.folded)
    if match is None and message.clean.startswith(_FORGET_STARTS):
        match = _FORGET_ABOUT.fullmatch(message.folded)
    if match is None or _NOT_MEMORY.search(match["query"]):
        return None
    query = message.text[match.start("query") : match.end("query")]
    query = query[len(_POSSESSIVE.match(match["query"])[0]) :]  # type: ignore[index]
    return Forget(query.strip()) if query.strip() else None
