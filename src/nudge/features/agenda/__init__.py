"""④ Agenda: what is on one local day (reminders due, then the top of the list)."""
