"""libyaml's complaints in a curator's words, at the line where the mistake is.

libyaml reports where it gave up, which is often lines after the mistake (a quote never
closed is "closed" by an apostrophe in a comment further down) and in its own terms
("mapping values are not allowed in this context").  Each rule here recognises one common
editing mistake from the error and the lines around it, and says what to do; anything not
recognised keeps libyaml's own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple, Protocol


class Mark(Protocol):
    line: int
    column: int


class Hint(NamedTuple):
    line: int  # from 1
    column: int  # from 1
    message: str


# A line holding a key (optionally a list item's first key) and what follows its colon.
_KEY_LINE = re.compile(
    r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s#:'\"\[\]{}][^:#]*?):(?: +(?P<value>.*))?$"
)
_DASH_NO_SPACE = re.compile(r"^ *-[^\s-]")


class Failure(NamedTuple):
    """What libyaml said, and the file's lines to read around it."""

    lines: list[str]
    line: str  # the line libyaml stopped at
    problem: str
    mark: Mark
    context: str
    context_mark: Mark | None


def explain(
    text: str, problem: str, mark: Mark | None, context: str, context_mark: Mark | None
) -> Hint | None:
    lines = text.splitlines()
    if context == "while scanning a quoted scalar" and context_mark is not None:
        quote = _at(lines, context_mark.line, context_mark.column)
        return Hint(context_mark.line + 1, context_mark.column + 1, _never_closed(quote))
    unclosed = _unclosed_quote(lines, mark.line if mark else len(lines) - 1)
    if unclosed is not None or mark is None:
        return unclosed
    failure = Failure(lines, _at_line(lines, mark.line), problem, mark, context, context_mark)
    for rule in RULES:
        hint = rule(failure)
        if hint is not None:
            return hint
    return None


def _at_line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _at(lines: list[str], line: int, column: int) -> str:
    text = _at_line(lines, line)
    return text[column] if 0 <= column < len(text) else '"'


def _value(line: str) -> tuple[str | None, int]:
    """The value after a line's key, and the column (from 1) it starts at."""
    match = _KEY_LINE.match(line)
    value = match.group("value") if match else None
    return value, (len(line) - len(value) + 1 if value else 0)


def _never_closed(quote: str) -> str:
    return f"this line starts a quote that is never closed: end the text with {quote}"


def _unclosed_quote(lines: list[str], last: int) -> Hint | None:
    """The first line up to ``last`` whose value opens a quote and does not close it."""
    for index, line in enumerate(lines[: last + 1]):
        value, column = _value(line)
        if value and value[0] in "\"'" and _closing(value) is None:
            return Hint(index + 1, column, _never_closed(value[0]))
    return None


def _closing(value: str) -> int | None:
    """Where the quote opening ``value`` closes, or None when it does not on this line."""
    quote, index = value[0], 1
    while index < len(value):
        character = value[index]
        if quote == '"' and character == "\\":
            index += 2
            continue
        if character == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2  # '' is an apostrophe inside single quotes
                continue
            return index
        index += 1
    return None


def _colon_in_text(failure: Failure) -> Hint | None:
    if not failure.problem.startswith("mapping values are not allowed"):
        return None
    match = _KEY_LINE.match(failure.line)
    value, column = _value(failure.line)
    if match is None or not value or failure.mark.column <= failure.line.index(":"):
        return _misaligned(failure, always=True)  # a key further in than its neighbours
    key = match.group("key").strip()
    what = key
    if re.fullmatch(r"[a-z]{2,3}(-\w+)?", key):  # a language: name the text it belongs to
        what = _parent_key(failure.lines, failure.mark.line, len(match.group("indent"))) or "text"
    message = f'put the {what} in quotes because it contains a colon: {key}: "..."'
    return Hint(failure.mark.line + 1, column, message)


def _parent_key(lines: list[str], index: int, indent: int) -> str | None:
    """The key a line at ``indent`` belongs under: the nearest key line above, less indented."""
    for above in range(index - 1, -1, -1):
        match = _KEY_LINE.match(lines[above])
        if match and len(match.group("indent")) + len(match.group("dash") or "") < indent:
            return match.group("key").strip()
    return None


def _quote_closed_early(failure: Failure) -> Hint | None:
    value, column = _value(failure.line)
    if not value or value[0] not in "\"'" or failure.problem != "did not find expected key":
        return None
    end = _closing(value)
    rest = value[end + 1 :].strip() if end is not None else ""
    if end is None or not rest or rest.startswith("#"):
        return None
    if value[0] == '"':
        message = 'this " ends the quoted text early: write \\" for a quote inside it'
    else:
        message = "this apostrophe ends the 'quoted' text early: write it twice ('') inside it"
    return Hint(failure.mark.line + 1, column + end, message)


_BAD_STARTS = {
    "found character that cannot start any token": "@`%",
    "did not find expected alphabetic or numeric character": "*&",
    "did not find expected key": "[{",
}


def _bad_start(failure: Failure) -> Hint | None:
    value, column = _value(failure.line)
    if value and value[0] in _BAD_STARTS.get(failure.problem, ""):
        message = f'a text starting with {value[0]} must be in quotes: "{value[0]}..."'
        return Hint(failure.mark.line + 1, column, message)
    return None


def _dash_without_space(failure: Failure) -> Hint | None:
    if not _DASH_NO_SPACE.match(failure.line):
        return None
    column = failure.line.index("-") + 2
    message = "put a space after the dash that starts a list item: - id: ..."
    return Hint(failure.mark.line + 1, column, message)


def _no_colon(failure: Failure) -> Hint | None:
    where = failure.context_mark
    if failure.problem != "could not find expected ':'" or where is None:
        return None
    line = _at_line(failure.lines, where.line)
    above = _at_line(failure.lines, where.line - 1)
    above_value, _ = _value(above)
    continues = _KEY_LINE.match(above) is None or (above_value or "").startswith((">", "|"))
    if continues and above.strip():
        message = "this line continues the text above: indent it as far as the lines above it"
    elif ":" in line:
        key, _, value = line.strip().partition(":")
        message = f"put a space after the colon: {key}: {value}"
    else:
        message = f"a key needs a colon after it: {line.strip().split(' ')[0]}:"
    return Hint(where.line + 1, where.column + 1, message)


def _stray_dash(failure: Failure) -> Hint | None:
    match = _KEY_LINE.match(failure.line)
    if match is None or not match.group("dash") or failure.problem != "did not find expected key":
        return None
    message = "this list item ('- ') stands where keys were expected: remove the dash"
    return Hint(failure.mark.line + 1, len(match.group("indent")) + 1, message)


def _misaligned(failure: Failure, *, always: bool = False) -> Hint | None:
    expected = ("did not find expected key", "did not find expected '-' indicator")
    match = _KEY_LINE.match(failure.line)
    sibling = _previous_key(failure.lines, failure.mark.line)
    if match is None or sibling is None or not (always or failure.problem in expected):
        return None
    number, key, column = sibling
    indent = len(match.group("indent"))
    if column == indent:
        return None
    name = match.group("key").strip()
    message = f"indent {name}: by {column} spaces, like {key}: on line {number} (it has {indent})"
    return Hint(failure.mark.line + 1, indent + 1, message)


def _previous_key(lines: list[str], before: int) -> tuple[int, str, int] | None:
    """The nearest key line above: its number, key and the column its key starts at."""
    for index in range(min(before, len(lines)) - 1, -1, -1):
        match = _KEY_LINE.match(lines[index])
        if match:
            column = len(match.group("indent")) + len(match.group("dash") or "")
            return index + 1, match.group("key").strip(), column
    return None


def _flow_unclosed(failure: Failure) -> Hint | None:
    closing = {"while parsing a flow sequence": "]", "while parsing a flow mapping": "}"}
    where = failure.context_mark
    if failure.context not in closing or where is None:
        return None
    bracket = closing[failure.context]
    opening = "[" if bracket == "]" else "{"
    message = f"this {opening} is never closed: end the list with {bracket}"
    return Hint(where.line + 1, where.column + 1, message)


RULES: tuple[Callable[[Failure], Hint | None], ...] = (
    _colon_in_text,
    _quote_closed_early,
    _bad_start,
    _dash_without_space,
    _no_colon,
    _stray_dash,
    _misaligned,
    _flow_unclosed,
)
