"""Test doubles: loopback HTTP fakes of the services Nudge talks to."""
