"""The words of the intent rules: remind verbs, to-do phrasing, leftovers around a time.

Data only (regexes over folded text); ``intents`` decides what they mean.
"""

from __future__ import annotations

import re

from nudge.language.lexicon import alternation

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
# A short command with courtesy or a tick around it: "k next", "help pls", "done!! finally",
# "got it, next", "so what can you do", "can u undo that pls", "peux-tu me parler en anglais"
COURTESY_LEADS = ("ok", "okay", "k", "kk", "oh", "ah", "bon", "alors", "yo", "so", "um", "hmm",
                  "euh", "well", "hey", "hi", "salut", "coucou", "ben", "bah", "got it", "gotcha",
                  "alright", "please", "pls", "plz", "can you", "can u", "could you", "could u",
                  "would you", "will you", "tu peux", "peux-tu", "peux tu", "pourrais-tu",
                  "pourrais tu", "tu pourrais", "vous pouvez", "pouvez-vous")  # fmt: skip
COURTESY_FIRST = frozenset(lead.split(" ", 1)[0] for lead in COURTESY_LEADS)
COURTESY_ENDS = ("please", "pls", "plz", "stp", "svp", "merci", "thanks", "thx", "ty", "finally",
                 "enfin", "lol", "mdr")  # fmt: skip
COURTESY = re.compile(
    rf"(?:{alternation('|'.join(COURTESY_LEADS))}[\s,!.]+)*(?P<core>.+?)"
    rf"(?:[\s\W]+(?:{'|'.join(COURTESY_ENDS)}))*[\s\W]*"
)
# A step of a broken-down task: "step done", "first step done", "étape 2 finie"
STEP = (
    r"(?:(?:the|this|that|my|first|1st|next|last|la|cette|ma|premiere|1ere|derniere) |l')?"
    r"(?:step|etape|mini[- ]step|petite etape)(?: \d{1,2})?"
)
_FIRST_WORD = re.compile(r"[^ ,!.\d-]*")


def first_word(clean: str) -> str:
    """The word a clean message opens with, cut at a space, a comma, "!", ".", "-" or a digit.

    "0" when it opens with a digit: "2 done". The fixed commands are indexed by it.
    """
    word = clean.split(" ", 1)[0]
    if word.isalpha():
        return word
    found = _FIRST_WORD.match(word)
    return (found.group() if found else "") or "0"


# Letters held down ("dooone", "laterrr", "yesss"): a run of three or more
STRETCHED = re.compile(r"([a-z])\1\1+")
# Telling one's own arrival, not asking for a reminder: "running late, be there (in 15 min)",
# "lol ill be there", "chu en retard, j'arrive"; it always ends with one of ARRIVAL_ENDS
ARRIVAL_ENDS = frozenset({"there", "here", "home", "back", "over", "j'arrive", "arrive", "serai",
                          "la", "reviens"})  # fmt: skip
ARRIVAL = re.compile(
    r"(?:(?:running late|running behind|late|omw|on my way|otw|sorry|lol|ok|k|yeah|yep|sure"
    r"|almost there|leaving now|en retard|chu en retard|je suis en retard|desole|dsl|mdr"
    r"|en route)[\s,.!]+)*"
    r"(?:(?:i'?ll|ill|i will|i'?m gonna|gonna|will|should|i should|we'?ll|i can) be"
    r"(?: right)? (?:there|here|home|back|over)|be(?: right)? (?:there|here|back)|j'arrive"
    r"|j'y serai|je serai la|j'serai la|chu la|je suis la|on arrive|on sera la|je reviens)"
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
    r"\s*(?:snooze|later|plus\s+tard|reporte|repousse|remind\s+me\s+again|not\s+now"
    r"|pas\s+maintenant)(?:[\s-]+(?:it|that|this|ca|le|la)(?![\w']))?[\s,]+(?:(?:but|mais)\s+)?"
    r"(?:(?:until|till|til|to|at|jusqu'?\s?a|a|pour)(?![\w']))?\s*"
)
