"""Allows ``python -m kiosk``."""

from kiosk.cli import entry

entry()
