"""Allows ``python -m kiosk``."""

from kiosk.launch import entry

entry()
