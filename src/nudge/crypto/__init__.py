"""Secrets at rest: values sealed in the database with keys that live outside it.

A layer beside ``store/`` (it imports only ``store/``): the accounts' TOTP secrets now, the
calendar and mail tokens of the integrations next, all sealed by one keyring
(``keyring.py``), loaded by ``secret_keys.py`` and rotated by ``rotation.py``.
"""
