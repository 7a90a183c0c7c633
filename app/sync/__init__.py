"""Offline sync with the central server: protocol, outbox, client, apply/merge."""
