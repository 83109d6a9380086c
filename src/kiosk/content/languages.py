"""The languages the kiosk can offer: each named in itself (the switch's buttons) and in
English (staff's messages).  Content names only these; a language is added here together
with its names, and its interface translation in kiosk/i18n."""

from __future__ import annotations

# Each language named in itself, as visitors look for it on the switch.
ENDONYMS = {"az": "Azərbaycan dili", "en": "English", "ru": "Русский"}
# For staff's messages, which are in English.
ENGLISH_NAMES = {"az": "Azerbaijani", "en": "English", "ru": "Russian"}
NAMED = tuple(sorted(ENDONYMS))


def english_name(code: str) -> str:
    return ENGLISH_NAMES.get(code, code)
