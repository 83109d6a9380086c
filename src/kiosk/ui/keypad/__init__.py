"""Keypad and keyboard use: keys to intents, the focus order and the focus indicator."""
