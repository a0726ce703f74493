"""What an admin reads: people, message volumes, delivery failures, queue depth, model cost.

Read-only queries across every person, for the admin API and console; nothing here writes.
A person's own data (reminders, memories...) is read through the features' views, and each
such read by an admin is recorded in the person's audit log by the web layer.
"""
