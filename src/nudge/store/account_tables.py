"""The account tables (``accounts/``): what the web side keeps to know who is asking.

Apart from ``tables.py`` so each part of the accounts work has its own place; every table
module is gathered in ``store/schema.py``, which migrations and tests read.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from nudge.store.tables import Base


class ServerSecret(Base):
    """A secret the server made for itself (the embedded default's token-signing key).

    Made once, by whichever process needs it first (``INSERT … ON CONFLICT DO NOTHING``, then
    read back), so every replica signs and checks with the same key. Production sets its keys
    in settings instead, and nothing is kept here.
    """

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
