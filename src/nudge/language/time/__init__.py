"""The compositional time grammar: tokens → named rules → lazy values → ranking → resolution.

``read(text, now=…, tz=…, lang=…)`` gives the best reading of the time in an SMS, as one of
three outcomes: resolved (a time ahead), past (understood, but already gone) or unreadable
(time words the rules could not settle, or two readings that disagree: ask, never guess).
See ``docs/understanding.md`` for how to add a rule and how readings are ranked.
"""
