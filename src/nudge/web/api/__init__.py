"""The JSON API (``/api/v1``), one module per resource under ``v1/``; see docs/api.md."""
