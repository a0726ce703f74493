"""Who is asking: accounts, sign-in, sessions, second factors and roles, for the web side.

An SMS user has an account from their first message (their ``users`` row); this package
lets them prove it on the web. It sits beside ``features/``: it owns the account tables
(``store/account_tables.py``) and never changes a person's reminders, todos or memories.
"""
