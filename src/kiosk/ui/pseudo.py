"""A pseudo-language for layout testing: every word accented and about 40% longer, so text
that would be cut off in a longer real language is cut off here first."""

from __future__ import annotations

import re

from PySide6.QtCore import QTranslator

ACCENTED = str.maketrans(
    "AaCcEeGgIiNnOoSsUuYyZz",
    "ÅåÇçÉéĞğÎîÑñÖöŞşÜüÝýŽž",
)
# Qt placeholders and line breaks keep their meaning.
KEEP = re.compile(r"(%\d|%n|\n)")


def pseudo(text: str) -> str:
    if not text.strip():
        return text
    parts = KEEP.split(text)
    converted = "".join(
        part if KEEP.fullmatch(part) else part.translate(ACCENTED) for part in parts
    )
    # Padding in short words, as a real language's longer words would be, so it can wrap.
    padding = " ".join(["~~~"] * max(1, round(len(text) * 0.4 / 4)))
    return f"[{converted} {padding}]"


class PseudoTranslator(QTranslator):
    """Turns every interface word into its pseudo form."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False
