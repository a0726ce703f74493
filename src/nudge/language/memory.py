"""Long-term memory in words: remember a fact, recall it, forget it.

"remember my locker code is 4512" / "retiens que X" / "note que X" → Remember;
"what's my locker code?" / "c'est quoi mon code" / "where did I park?" → Recall;
"forget my locker code" / "oublie mon code" → Forget. "remember to X" and "n'oublie pas
de X" are reminders, not facts, and are left to the reminder rules; "forget it",
"oublie ça" say nothing to forget.
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
_TIMED = re.compile(r"(?:at|a|vers)\s+\d")  # "when is my appointment at 3pm?"
_POSSESSIVE = re.compile(r"^(?:(?:my|mon|ma|mes|the|le|la|les|l')\s*)?")
_FORGET = re.compile(
    r"\s*(?:forget|oublie|efface|delete|supprime|erase)\s+(?:about\s+|that\s+|que\s+)?"
    r"(?P<query>(?:my|mon|ma|mes|the|le|la|les|l')\s*.+?)[\s.!]*"
)
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
    if match is None or _NOT_MEMORY.search(match["query"]) or _TIMED.search(match["query"]):
        return None
    query = message.text[match.start("query") : match.end("query")]
    query = query[len(_POSSESSIVE.match(match["query"])[0]) :]  # type: ignore[index]
    return Recall(query.strip()) if query.strip() else None


def forget(message: Message) -> Command | None:
    """A fact to drop: "forget my locker code", "oublie mon code de casier"."""
    match = _FORGET.fullmatch(message.folded)
    if match is None or _NOT_MEMORY.search(match["query"]):
        return None
    query = message.text[match.start("query") : match.end("query")]
    query = query[len(_POSSESSIVE.match(match["query"])[0]) :]  # type: ignore[index]
    return Forget(query.strip()) if query.strip() else None
