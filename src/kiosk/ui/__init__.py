"""Widgets: they show the visit's state and send the visitor's intents; no rules live here."""
