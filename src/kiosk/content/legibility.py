"""Words a visitor could not read because no line is wide enough for them.

Qt wraps text only between words (and after hyphens and dashes); a longer word is cut off
at the screen's edge.  The bound is computed without Qt, from the theme's numbers:

- the narrowest supported screen in design pixels is the portrait 1080x1920 (the theme's
  scale makes every supported screen at least 1080 design pixels wide);
- the largest visitor text size scales type by ``LARGEST_TEXT`` (ui.theme.TEXT_SCALES);
- a character is taken to be at least ``NARROWEST_ADVANCE`` of the type size wide (an
  average lower-case advance of Noto Sans and Serif is about 0.5 em), and the whole width
  is counted as usable.

Both choices make the bound generous: only a word that certainly cannot fit is an error,
so a real word of a real language is never refused (48 characters at 32-pixel body type,
21 at the 72-pixel title).
"""

from __future__ import annotations

import re

from kiosk.content.issues import Issue, shown
from kiosk.content.model import Exhibit, LocalizedText
from kiosk.content.walk import texts

NARROWEST_DESIGN_WIDTH = 1080
LARGEST_TEXT = 1.4  # kiosk.ui.theme.TEXT_SCALES[-1]; a test keeps the two equal
NARROWEST_ADVANCE = 0.5  # of the type size
# Where a line may break inside a "word": after hyphens, dashes, slashes, soft hyphens.
_UNBREAKABLE = re.compile(r"[^\s\-\u2010-\u2015/\u00ad]+")
# Characters that take no width (zero-width, joiners, bidi controls) do not lengthen a word.
_WIDTHLESS = str.maketrans(dict.fromkeys([*range(0x200B, 0x2010), *range(0x202A, 0x202F)]))
_WIDTHLESS.update(dict.fromkeys([*range(0x2060, 0x206A), 0xFEFF]))


def longest_word_allowed(type_px: int) -> int:
    return int(NARROWEST_DESIGN_WIDTH / (type_px * LARGEST_TEXT * NARROWEST_ADVANCE))


def long_words(exhibit: Exhibit) -> list[Issue]:
    sizes = exhibit.settings.type_sizes
    statement = exhibit.statement
    sized: list[tuple[LocalizedText, int]] = [(exhibit.settings.title, sizes.title)]
    sized += [(statement.heading, sizes.heading)]
    for moment in exhibit.timeline:
        sized += [(moment.title, sizes.heading), (moment.date_text, sizes.heading)]
    headings = {id(text) for text, _ in sized}
    # Everything else is reading text at the body size (captions are smaller still).
    sized += [(text, sizes.body) for text in texts(exhibit) if id(text) not in headings]
    issues = []
    for text, type_px in sized:
        limit = longest_word_allowed(type_px)
        for language, value in text.values.items():
            words = _UNBREAKABLE.findall(value.translate(_WIDTHLESS))
            longest = max(words, key=len, default="")
            if len(longest) > limit:
                issues.append(
                    Issue(
                        "error",
                        text.location,
                        f"the {language} text has a word of {len(longest)} characters "
                        f"('{shown(longest[:20])}…'); at most {limit} fit a line: break it up",
                    )
                )
    return issues
