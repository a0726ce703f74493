"""Every table module, imported once: the complete metadata migrations and tests compare.

A table module imported nowhere else would be missing from ``Base.metadata`` (no migration
check, no cleaning between tests); importing this module is what makes the schema whole.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from nudge.store import account_tables, tables

MODULES = (tables, account_tables)
METADATA: MetaData = tables.Base.metadata
