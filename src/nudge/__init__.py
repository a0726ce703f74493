"""Nudge: an SMS-first personal assistant for people with ADHD."""

__version__ = "0.1.0"
