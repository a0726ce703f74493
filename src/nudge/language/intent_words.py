"""The words of the intent rules: remind verbs, to-do phrasing, leftovers around a time.

Data only (regexes over folded text); ``intents`` decides what they mean.
"""

from __future__ import annotations

import re

POLITE = (
    r"(?:(?:hey|hi|hello|ok|okay|please|pls|plz|can you|could you|would you|will you|salut"
    r"|coucou|stp|svp|tu peux|peux[- ]tu|pourrais[- ]tu|nudge|can u|could u|would u|cn you"
    r"|cn u|can ya|yo|hey there)[\s,]+)*"
)
VERB = (
    r"remind\s+me|remind|rmd\s+me|remindme|set\s+(?:a|an|me\s+a)\s+reminder"
    r"|(?:add|create|make)\s+(?:a\s+)?reminder|new\s+reminder|reminder|nudge\s+me|ping\s+me"
    r"|text\s+me|alert\s+me|rappel+e[sz]?[- ]?moi|rapel+e?[- ]?moi|rappel[- ]moi"
    r"|me\s+rappeler|fai[st][- ]moi\s+penser|mets?(?:[- ]moi)?\s+un\s+rappel"
    r"|(?:ajoute|cree)\s+un\s+rappel"
    r"|nouveau\s+rappel|rappel+e|rappel|(?:remember|don'?t\s+forget)(?=\s+to\s)"
    r"|remember\s+me(?=\s)"  # non-native English for "remind me" ("rappelle-moi")
    r"|n'?oublie\s+pas(?=\s+(?:de\s|d'))"
)
REMIND = re.compile(rf"\s*{POLITE}(?:{VERB})(?![\w'])\s*[:,\-]?\s*")
REMIND_INSIDE = re.compile(
    r"(?<![\w'])(?:remind\s+me|rmd\s+me|rappel+e[sz]?[- ]?moi|rapel+e?[- ]?moi|me\s+rappeler"
    r"|fai[st][- ]moi\s+penser)(?![\w'])\s*[:,\-]?\s*"
)
# A short command with courtesy or a tick around it: "k next", "help pls", "done!! finally"
COURTESY_LEADS = ("ok", "okay", "k", "kk", "oh", "ah", "bon", "alors", "yo")
COURTESY_ENDS = ("please", "pls", "plz", "stp", "svp", "merci", "thanks", "thx", "ty", "finally",
                 "enfin", "lol", "mdr")  # fmt: skip
COURTESY = re.compile(
    rf"(?:(?:{'|'.join(COURTESY_LEADS)})\s+)?(?P<core>.+?)"
    rf"(?:[\s\W]+(?:{'|'.join(COURTESY_ENDS)}))*[\s\W]*"
)
SEPARATORS = " \t.,;:!?-\u2013\u2014\u2026"
LIST = r"(?:(?:my|the|ma|la)\s+)?(?:(?:todo|to-?do|to do)\s+)?(?:list|liste)(?:\s+de\s+taches)?"
ADD_VERB = r"\s*(?:(?:please|pls|stp)\s+)?(?:add|ajoute[rz]?|rajoute[rz]?|mets|met|put)"
ADD_TODO = [
    re.compile(rf"{ADD_VERB}\s+(?P<task>.+?)\s+(?:to|on|in|a|sur|dans)\s+{LIST}[\s.!]*"),
    re.compile(rf"{ADD_VERB}\s*:?\s+(?P<task>.+?)[\s.!]*"),
    re.compile(r"\s*(?:todo|to-?do|to do|a faire|tache|task)\s*[:\-]\s*(?P<task>.+?)[\s.!]*"),
    re.compile(r"\s*todo\s+(?P<task>.+?)[\s.!]*"),
]
LEFTOVER = re.compile(
    r"[^\w']*(?:(?:at|a|on|le|for|pour|by|vers|ok|okay|please|pls|stp|svp|merci|thanks"
    r"|hmm|euh|maybe|say|let's say|disons|plutot|instead|then|alors)(?![\w'])[^\w']*)*"
)
BARE_CLOCK = re.compile(r"\d{1,2}(?:[:h.]\d{2})?")
BARE_IN = re.compile(r"(?:in|dans|ds) (\d{1,3})")
SNOOZE_UNTIL = re.compile(
    r"\s*(?:snooze|later|plus\s+tard|reporte|repousse|remind\s+me\s+again)\s+"
    r"(?:until|till|til|to|jusqu'?\s?a|a|pour)?\s*"
)
