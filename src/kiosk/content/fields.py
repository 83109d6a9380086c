"""Typed reading of fields from the position-carrying YAML tree.

Each reader records an Issue and returns None instead of raising, so one run of the loader
reports every problem in a file, each with its line and column.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TypeVar

from kiosk.content.issues import Issue, Location, shown
from kiosk.content.model import AssetRef, LocalizedText
from kiosk.content.source import Mapping, Node, Scalar, Sequence
from kiosk.content.words import is_blank

T = TypeVar("T")

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# 017 is 15 to YAML 1.1 tools and 17 to Python: refused rather than guessed.
MAX_BIDI_REPORTED = 10  # of one text; then how many more
MAX_SUGGESTIONS = 100  # unknown keys of one mapping that get a "did you mean"
MAX_SUGGESTED_KEY = 100  # characters
MAX_ALLOWED_LISTED = 80  # characters of the unknown key and the allowed keys, in a message
OCTAL_LOOKING = re.compile(r"^[-+]?0[0-9_]+$")
# Unicode bidi controls can make text display in a different order than it is stored.
# The embeddings, overrides and isolates, and the marks (LRM, RLM, ALM): a mark around a
# number reorders what a visitor reads ("killed in 150/744 :1988-1990") without a word changing.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)


UNSAFE_PATH_RULES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (lambda path: "\0" in path, "contains a NUL character"),
    (
        lambda path: any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in path),
        "contains a control or invisible formatting character; type the name again",
    ),
    (lambda path: "\\" in path, "contains a backslash; use / between folders"),
    (
        lambda path: path.startswith("/"),
        "is an absolute path; give it relative to the content folder",
    ),
    (
        lambda path: re.match(r"^[A-Za-z]:", path) is not None,
        "starts with a drive letter; give it relative to the content folder",
    ),
    (lambda path: ".." in path.split("/"), "points outside the content folder (..)"),
    (lambda path: not path.strip() or path.endswith("/"), "is not a file name"),
)


def _closest(word: str, candidates: Collection[str], cutoff: float = 0.6) -> list[str]:
    """The candidate most like ``word``, if one is close enough (difflib's default cutoff).
    difflib is imported here: only a mistake needs a hint, and valid content is read on the
    way to the kiosk's first frame."""
    import difflib  # noqa: PLC0415

    return difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)


def _allowed(known: tuple[str, ...], key: str) -> str:
    """No close match: the keys allowed here, as far as a message's length allows."""
    listed = ", ".join(known)
    if len(key) + len(listed) > MAX_ALLOWED_LISTED:
        return ""
    return f"; allowed here: {listed}"


def unsafe_path_reason(path: str) -> str | None:
    """Why a content-relative path must not be opened, or None when it is acceptable."""
    return next((reason for rule, reason in UNSAFE_PATH_RULES if rule(path)), None)


@dataclass
class FieldReader:
    issues: list[Issue] = field(default_factory=list)
    # The exhibit's languages, once exhibit.yaml declared them well: every text's keys must
    # be among them and every text must have the default one.
    languages: tuple[str, ...] = ()
    default_language: str | None = None

    def error(self, location: Location, message: str) -> None:
        self.issues.append(Issue("error", location, message))

    def mapping(self, node: Node, what: str) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        self.error(node.location, f"{what} must be a mapping of keys to values")
        return None

    def check_keys(
        self,
        node: Mapping,
        required: set[str],
        optional: set[str],
        *,
        order: tuple[str, ...] = (),
        explained: frozenset[str] = frozenset(),
    ) -> None:
        """Unknown keys (with a suggestion, or the keys allowed here, in ``order``) and
        missing ones; keys in ``explained`` were already reported otherwise."""
        known = required | optional
        unknown = 0
        for key, location in node.key_locations.items():
            if key not in known and key not in explained:
                unknown += 1
                # Suggestions are slow to find; thousands of unknown keys get none.
                close = unknown <= MAX_SUGGESTIONS and len(key) <= MAX_SUGGESTED_KEY
                hint = _closest(key, sorted(known)) if close else []
                allowed = order or tuple(sorted(known))
                suggestion = f"; did you mean '{hint[0]}'?" if hint else _allowed(allowed, key)
                self.error(location, f"unknown key '{shown(key)}'{suggestion}")
        for key in sorted(required - node.entries.keys()):
            self.error(node.location, f"missing key '{key}'")

    def get(
        self,
        node: Mapping,
        key: str,
        convert: Callable[[Node], T | None],
    ) -> T | None:
        child = node.entries.get(key)
        return None if child is None else convert(child)

    def scalar(self, node: Node, what: str) -> Scalar | None:
        if isinstance(node, Scalar):
            return node
        self.error(node.location, f"{what} must be a single value")
        return None

    def plain_text(self, node: Node) -> str | None:
        scalar = self.scalar(node, "this value")
        if scalar is None:
            return None
        if not scalar.text.strip():
            self.error(scalar.location, "this text is empty")
            return None
        if scalar.text.endswith('"') and scalar.text.count('"') % 2:
            self.issues.append(
                Issue(
                    "warning",
                    scalar.location,
                    'this text ends with a stray ": remove it, or quote the whole text',
                )
            )
        if is_blank(scalar.text):
            self.error(
                scalar.location,
                "this text has only invisible characters (zero-width, bidi marks): "
                "visitors would see nothing",
            )
            return None
        return self._clean(scalar.text, scalar.location)

    def integer(self, node: Node, low: int, high: int) -> int | None:
        scalar = self.scalar(node, "this value")
        if scalar is None:
            return None
        try:
            value = int(scalar.text.replace("_", ""))
        except ValueError:
            found = f"found '{shown(scalar.text)}'" if scalar.text else "found nothing"
            self.error(scalar.location, f"expected a whole number, {found}")
            return None
        if OCTAL_LOOKING.match(scalar.text):
            self.error(
                scalar.location,
                f"'{shown(scalar.text)}' has a leading zero, which some YAML tools read as "
                f"an octal number; write {value}",
            )
            return None
        if not low <= value <= high:
            self.error(scalar.location, f"{value} is outside the allowed {low} to {high}")
            return None
        return value

    def number(self, node: Node, low: float, high: float) -> float | None:
        scalar = self.scalar(node, "this value")
        if scalar is None:
            return None
        try:
            value = float(scalar.text)
        except ValueError:
            self.error(scalar.location, f"expected a number, found '{shown(scalar.text)}'")
            return None
        if not low <= value <= high:
            self.error(scalar.location, f"{value:g} is outside the allowed {low:g} to {high:g}")
            return None
        return value

    def boolean(self, node: Node) -> bool | None:
        scalar = self.scalar(node, "this value")
        if scalar is None:
            return None
        if scalar.text in ("true", "false"):
            return scalar.text == "true"
        self.error(scalar.location, f"expected true or false, found '{shown(scalar.text)}'")
        return None

    def colour(self, node: Node) -> str | None:
        scalar = self.scalar(node, "a colour")
        if scalar is None:
            return None
        if COLOUR.match(scalar.text):
            return scalar.text.upper()
        if not scalar.text:  # `background: #14110F` is a comment to YAML
            self.error(
                scalar.location,
                'put the colour in quotes, like "#1A1A1A": unquoted, # starts a comment',
            )
            return None
        found = shown(scalar.text)
        self.error(scalar.location, f"expected a colour like \"#1A1A1A\", found '{found}'")
        return None

    def language(self, node: Node) -> str | None:
        scalar = self.scalar(node, "a language code")
        if scalar is None:
            return None
        if LANGUAGE_CODE.match(scalar.text):
            return scalar.text
        found = shown(scalar.text)
        self.error(scalar.location, f"'{found}' is not a language code such as en or az")
        return None

    def localized(self, node: Node) -> LocalizedText | None:
        """A per-language map such as ``{en: ..., az: ...}``."""
        if isinstance(node, Scalar):
            code, colon, rest = node.text.partition(":")
            if LANGUAGE_CODE.match(code) and colon and rest[:1] not in ("", " "):
                self.error(node.location, f"put a space after '{code}:' so it names the language")
                return None
            self.error(
                node.location,
                'give this text per language, for example:  en: "..."',
            )
            return None
        mapping = self.mapping(node, "a text")
        if mapping is None:
            return None
        values: dict[str, str] = {}
        refused = False
        for code, child in mapping.entries.items():
            if not LANGUAGE_CODE.match(code):
                self.error(
                    mapping.key_locations[code],
                    f"'{shown(code)}' is not a language code such as en or az",
                )
                refused = True
                continue
            if self.languages and code not in self.languages:
                self._undeclared(code, mapping.key_locations[code])
                refused = True
                continue
            text = self.plain_text(child)
            if text is not None:
                values[code] = text
            if isinstance(child, Scalar) and child.comment_follows:
                self.issues.append(
                    Issue(
                        "warning",
                        child.location,
                        "the text stops at ' #': the rest is a comment; "
                        "put the whole text in quotes",
                    )
                )
        if not values:
            if not mapping.entries:
                self.error(mapping.location, "this text has no language")
            return None
        default = self.default_language
        if default and default not in values and not refused:
            self.error(
                mapping.location,
                f"this text has no '{default}' version; every text needs the default language",
            )
        return LocalizedText(values, mapping.location)

    def _undeclared(self, code: str, location: Location) -> None:
        offered = ", ".join(self.languages)
        hint = _closest(code, self.languages, cutoff=0.5)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
        self.error(
            location,
            f"'{shown(code)}' is not one of the exhibit's languages ({shown(offered)}){suggestion}",
        )

    def iso_date(self, node: Node) -> str | None:
        scalar = self.scalar(node, "a date")
        if scalar is None:
            return None
        try:
            # Only YYYY-MM-DD: Python reads ISO 8601's other forms (20260120, 2026-W03-2)
            # too, but the JSON Schema editors check against does not, nor do people.
            if not ISO_DATE.match(scalar.text):
                raise ValueError(scalar.text)
            return datetime.date.fromisoformat(scalar.text).isoformat()
        except ValueError:
            found = shown(scalar.text)
            self.error(scalar.location, f"expected a date like 2026-01-20, found '{found}'")
            return None

    def asset(self, node: Node) -> AssetRef | None:
        """A relative path inside the content folder, refused before anything is opened."""
        scalar = self.scalar(node, "a file name")
        if scalar is None:
            return None
        problem = unsafe_path_reason(scalar.text)
        if problem:
            self.error(scalar.location, f"'{shown(scalar.text)}' {problem}")
            return None
        return AssetRef(scalar.text, scalar.location)

    def sequence(self, node: Node, what: str) -> Sequence | None:
        if isinstance(node, Sequence):
            return node
        hint = (
            ": start each item with '- '"
            if isinstance(node, Mapping)
            else (", like [en, az] or lines starting with '- '")
        )
        self.error(node.location, f"{what} must be a list{hint}")
        return None

    def _clean(self, text: str, location: Location) -> str:
        found = 0
        for offset, character in enumerate(text):
            if character in BIDI_CONTROLS:
                found += 1
                if found <= MAX_BIDI_REPORTED:
                    self.error(
                        location,
                        f"bidirectional control character U+{ord(character):04X} at "
                        f"character {offset + 1}; remove it",
                    )
        if found > MAX_BIDI_REPORTED:
            more = found - MAX_BIDI_REPORTED
            self.error(location, f"{more} more bidirectional control characters; remove them")
        # NFC so that Azerbaijani letters typed as base + combining mark match the fonts' glyphs.
        return unicodedata.normalize("NFC", text)
