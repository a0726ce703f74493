"""The web side's answer to "who is asking?": bearer tokens, cookies and scopes."""
