"""Word counts and the label guidance shown beside a text as it is typed.

Counts words as ``kiosk validate``'s label check does (kiosk.content.checks._label_lengths:
whitespace-separated), so the counter and the finding never disagree; the label limit is
the validator's own number.
"""

from __future__ import annotations

import re

from kiosk.content.checks import MAX_LABEL_WORDS

# Readable sentences: the guidance of the exhibit-label literature the issue cites
# (sentences of 25 words or fewer); advice only, the validator has no finding for it.
SENTENCE_WORDS = 25
LABEL_WORDS = MAX_LABEL_WORDS
# A sentence ends at . ! ? (or … and the CJK full stop) followed by a space or the end.
_SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”»)]*\s+")


def word_count(text: str) -> int:
    """Words as the validator counts them (separated by whitespace)."""
    return len(text.split())


def sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def longest_sentence(text: str) -> int:
    """The words of the longest sentence in ``text``."""
    return max((word_count(sentence) for sentence in sentences(text)), default=0)


def guidance(text: str, guide: int | None) -> str | None:
    """What to say beside a text: its words against ``guide`` (a label's limit) and a
    sentence longer than SENTENCE_WORDS; None when all is well."""
    notes = []
    words = word_count(text)
    if guide is not None and words > guide:
        notes.append(f"{words} words; labels up to about {guide}")
    longest = longest_sentence(text)
    if longest > SENTENCE_WORDS:
        notes.append(f"a sentence of {longest} words; keep sentences to {SENTENCE_WORDS} or fewer")
    return "; ".join(notes) if notes else None
