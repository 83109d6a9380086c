"""Words as a reader sees them: typography normalised away, inflections loosely matched,
numbers found as digits or words.  Pure Python, cheap: the seal check runs at start-up."""

from __future__ import annotations

import re
import unicodedata

# Typography an editor may change without changing a word: curly quotes, apostrophes and
# guillemets become plain ones, every dash a hyphen, invisible formatting goes.
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        # Not the direction marks (U+200E, U+200F): they reorder what is read.
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
        "\u2026": "...",
    }
)
# Spaces around a dash are typography too ("January - National", "January—National").
_DASH_SPACING = re.compile(r" ?- ?")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_NUMBER = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+")

# Characters that draw nothing: formatting (zero-width, joiners, bidi marks), controls,
# combining marks on nothing, and letters that render as blank space.
_BLANK_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"})
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")


def normalise(text: str) -> str:
    """The words of ``text``: NFC, plain quotes and hyphens, whitespace collapsed."""
    plain = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    return _DASH_SPACING.sub("-", " ".join(plain.split()))


def words(text: str) -> list[str]:
    """Case-folded words, punctuation ignored; "44-day" is two words, "nation's" one."""
    return _WORD.findall(normalise(text).casefold())


def is_blank(text: str) -> bool:
    """True when nothing in ``text`` would show: a visitor would see an empty text."""
    return all(
        unicodedata.category(ch) in _BLANK_CATEGORIES or ch in _BLANK_LETTERS or ch.isspace()
        for ch in text
    )


# --- inflections ---------------------------------------------------------------------------

# Longest first; each keeps a stem of at least three letters.
_ENGLISH_SUFFIXES = ("'s", "ing", "ed", "es", "ly", "s", "e")
STEM_PREFIX = 4  # letters a stem keeps, at least, in languages matched by prefix


def english_stem(word: str) -> str:
    """A crude stem: "restored", "restoring" and "restore" all give "restor"."""
    if word.endswith("ies") and len(word) > 5:  # territories, territory
        return word[:-3] + "y"
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class Vocabulary:
    """The words of a text, to ask whether another text's words occur in it.

    English matches by suffix stripping; other languages (Azerbaijani and Russian inflect by
    endings) match when the word, less up to three final letters, begins a word of the text.
    """

    def __init__(self, text: str, language: str) -> None:
        self.english = language == "en" or language.startswith("en-")
        found = set(words(text))
        self.known = found | {english_stem(word) for word in found} if self.english else found
        self.prefixes: set[str] = set()
        if not self.english:
            for word in found:
                self.prefixes.update(word[:end] for end in range(STEM_PREFIX, len(word) + 1))

    def has(self, word: str) -> bool:
        if word in self.known:
            return True
        if self.english:
            return english_stem(word) in self.known
        stem = word[: max(STEM_PREFIX, len(word) - 3)]
        return stem in self.prefixes

    def unknown(self, text: str) -> list[str]:
        """The words of ``text`` not in this vocabulary, once each, in order."""
        return list(dict.fromkeys(word for word in words(text) if not self.has(word)))


# --- numbers ---------------------------------------------------------------------------------

_EN_UNITS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Stems and their values, matched at the start of a word (these languages inflect numerals).
_AZ = ("sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz", "on")
_RU = (
    *("ноль", "один", "дв", "тр", "четыр", "пят", "шест", "сем", "восем", "девят", "десят"),
    *("одиннадцат", "двенадцат", "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат"),
    *("семнадцат", "восемнадцат", "девятнадцат", "двадцат"),
)
_STEMS: dict[str, list[tuple[str, int]]] = {
    "az": [(stem, value) for value, stem in enumerate(_AZ)],
    "ru": [(stem, value) for value, stem in enumerate(_RU)] + [("одн", 1), ("восьм", 8)],
}


def _english_number_words() -> dict[str, int]:
    names = {word: value for value, word in enumerate(_EN_UNITS)}
    for index, tens in enumerate(_EN_TENS):
        value = 20 + 10 * index
        names[tens] = value
        for unit in range(1, 10):
            names[f"{tens}-{_EN_UNITS[unit]}"] = value + unit
    return names


_EN_NUMBERS = _english_number_words()


# Words that multiply the number before them ("one hundred", "150 thousand"); matched at
# the start of a word in the languages that inflect them.
_SCALES: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("hundred", 100), ("thousand", 1000), ("million", 10**6), ("billion", 10**9)),
    "ru": (("тысяч", 1000), ("миллион", 10**6), ("миллиард", 10**9)),
    "az": (("yüz", 100), ("min", 1000), ("milyon", 10**6), ("milyard", 10**9)),
}
_ITEM = re.compile(
    r"(?P<decimal>\d+[.,]\d+(?:[.,]\d+)*)|(?P<number>" + _NUMBER.pattern + r")"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)"
)


def numbers_in(text: str, language: str) -> set[int]:
    """Every whole number ``text`` gives, in digits ("150", "1,500") or number words, read
    as a phrase: "one hundred and fifty" is 150 (not 1 and 50), "150 thousand" 150,000, and
    a decimal ("1.5 million") gives nothing a figure could match."""
    plain = normalise(text).casefold()
    base = language.partition("-")[0]
    found: set[int] = set()
    phrase: list[tuple[str, int]] = []  # ("n", value) or ("x", scale) or ("bad", 0)
    last_end = 0
    for match in _ITEM.finditer(plain):
        if phrase and plain[last_end : match.start()].strip(" -"):
            found |= _phrase_values(phrase)  # punctuation between: another phrase
            phrase = []
        last_end = match.end()
        item = _number_item(match, base)
        if item is None:
            if match.group("word") == "and" and base == "en" and phrase:
                continue  # "one hundred and fifty"
            found |= _phrase_values(phrase)
            phrase = []
        else:
            phrase.append(item)
    return found | _phrase_values(phrase)


def _number_item(match: re.Match[str], language: str) -> tuple[str, int] | None:
    if match.group("decimal"):
        grouped = _NUMBER.fullmatch(match.group("decimal"))
        if grouped is not None:  # "1,500" or "1.500": thousands, not a decimal
            return ("n", int(re.sub(r"\D", "", match.group("decimal"))))
        return ("bad", 0)
    if match.group("number"):
        return ("n", int(re.sub(r"\D", "", match.group("number"))))
    token = match.group("word")
    for stem, scale in _SCALES.get(language, ()):
        if token.startswith(stem) and len(token) <= len(stem) + 3:
            return ("x", scale)
    if language == "en":
        value = _EN_NUMBERS.get(token)
        return None if value is None else ("n", value)
    # The longest stem that starts the word: "двадцать" is 20, not 2.
    matches = [
        (len(stem), value) for stem, value in _STEMS.get(language, []) if token.startswith(stem)
    ]
    return ("n", max(matches)[1]) if matches else None


def _phrase_values(phrase: list[tuple[str, int]]) -> set[int]:
    """The numbers a run of number items gives: each on its own, unless a scale joins them
    into one; nothing at all when the run holds a decimal."""
    if any(kind == "bad" for kind, _ in phrase):
        return set()
    if not any(kind == "x" for kind, _ in phrase):
        return {value for _, value in phrase}
    total = current = 0
    for kind, value in phrase:
        if kind == "n":
            current += value
        elif value == 100:
            current = (current or 1) * 100
        else:
            total += (current or 1) * value
            current = 0
    return {total + current}
