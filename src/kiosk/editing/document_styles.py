"""How the studio writes values into the content's YAML: a new text plain, quoted or folded
as YAML needs, a changed one in the style it had, invisible characters as escapes, and the
round-trip settings under which an unchanged file is written back byte for byte."""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.emitter import Emitter, RoundTripEmitter
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from kiosk.content.fields import BIDI_CONTROLS

# ruamel re-wraps plain and quoted scalars longer than its width; the bundled files keep
# long plain lines (statement.yaml's subtitle) on one line, so nothing is re-wrapped and
# folded texts break only where their own fold positions say.
DUMP_WIDTH = 4096
# New or changed folded texts are wrapped so lines stay within this many columns, as the
# bundled files are (their longest folded line is 94 characters).
FOLD_WIDTH = 94
# A text longer than this (or holding a line break) is written folded (>-) when new.
FOLD_AFTER = 60

_STR_TAG = "tag:yaml.org,2002:str"
# YAML 1.1 tools read yes/no/on/off as booleans and 1:20 as a number; content is read by
# more than ruamel (editors, PyYAML), so a text any of them would misread is quoted.
_RESOLVERS = (VersionedResolver(version=(1, 1)), VersionedResolver(version=(1, 2)))
_ANALYSER = Emitter(None, allow_unicode=True)
_ANALYSER.use_version = None  # type: ignore[attr-defined]  # asked of its serializer
_SPACE_BREAK = re.compile(r"(?<=\S) (?=\S)")
# Characters that show nothing (direction controls and marks, zero-width ones) and a stand-in
# for each from the last private-use plane while a quoted text is written (ruamel would write
# them raw), replaced by its escape in the dumped text.
INVISIBLE = "".join(sorted(BIDI_CONTROLS | set("\u200b\u200c\u200d\u2060\u00ad")))
_STAND_IN_BASE = 0x10FE00
_STAND_INS = {ord(ch): _STAND_IN_BASE + n for n, ch in enumerate(INVISIBLE)}
_ESCAPES = {
    _STAND_IN_BASE + n: f"\\x{ord(ch):02X}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04X}"
    for n, ch in enumerate(INVISIBLE)
}


# (mapping, sequence, offset): keys 2 in from their parent, "  - " items, as the bundled files.
INDENT = (2, 4, 2)
_KEY_ONLY = re.compile(r"^( *)[^\s#-][^#]*:\s*(#.*)?$")


def guess_indent(text: str) -> tuple[int, int, int]:
    """The indentation a file is written with (mapping, sequence, offset, as ruamel's
    ``indent`` takes them): the commonest step from a key with no value on its line to the
    first line under it, a key's (mapping) or a list item's (offset; its text 2 further).
    A file written with another indentation than the bundled files keeps it when saved."""
    mappings: Counter[int] = Counter()
    offsets: Counter[int] = Counter()
    lines = [
        line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]
    for line, following in itertools.pairwise(lines):
        key = _KEY_ONLY.match(line)
        if key is None:
            continue
        step = len(following) - len(following.lstrip(" ")) - len(key.group(1))
        if following.lstrip(" ").startswith("- "):
            offsets[step] += 1
        elif step > 0:
            mappings[step] += 1
    mapping = mappings.most_common(1)[0][0] if mappings else INDENT[0]
    offset = offsets.most_common(1)[0][0] if offsets else INDENT[2]
    return (mapping, offset + 2, offset)


def round_trip(indent: tuple[int, int, int] = INDENT) -> YAML:
    """ruamel's round trip, set as the bundled files are written (or with ``indent``)."""
    yaml = YAML()  # round trip
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.width = DUMP_WIDTH
    yaml.preserve_quotes = True
    yaml.Emitter = _Emitter
    yaml.Constructor = _Constructor
    return yaml


def dump(yaml: YAML, tree: Any) -> str:
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue().translate(_ESCAPES)


class _Constructor(RoundTripConstructor):
    """Reports a value YAML can parse but not build (2026-02-30, a time of 25:61, an integer
    past Python's digit limit) as a YAML error at the value's line and column: ruamel raises
    a bare ValueError there, with no place, which would stop the studio from opening."""

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as error:
            text = str(node.value)
            shown = text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"
            problem = f"'{shown}' is not a possible date, time or number"
            raise ConstructorError(None, None, problem, node.start_mark) from error


class _Emitter(RoundTripEmitter):
    """Writes invisible characters in a quoted text as escapes (\\u202E), as the staff
    wrote them, never raw: a raw one cannot be seen in an editor."""

    def write_double_quoted(self, text: Any, split: Any = True) -> None:
        super().write_double_quoted(str(text).translate(_STAND_INS), split)


def plain(value: Any) -> object:
    """A round-trip value as plain Python: dict, list, str, int, float, bool or None."""
    if isinstance(value, dict):
        return {str(key): plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [plain(child) for child in value]
    for kind in (bool, ScalarBoolean, str, int, float):
        if isinstance(value, kind):
            return bool(value) if kind is ScalarBoolean else kind(value)
    return value


def needs_quotes(text: str) -> bool:
    """True when YAML would misread ``text`` written plain (a colon and a space, a leading
    special character, or a word or number some YAML reader takes for something else)."""
    if any(ch in INVISIBLE for ch in text):
        return True  # written as escapes, which only a double-quoted text has
    analysis = _ANALYSER.analyze_scalar(text)
    if not (analysis.allow_block_plain and analysis.allow_flow_plain) or analysis.multiline:
        return True
    return any(
        resolver.resolve(ScalarNode, text, (True, False)) != _STR_TAG for resolver in _RESOLVERS
    )


def styled_text(text: str, column: int, previous: Any = None) -> Any:
    """``text`` in the style its previous value had, or for a new text: plain when short and
    safe, quoted when YAML would misread it, folded (>-) when long."""
    if isinstance(previous, FoldedScalarString) and _foldable(text):
        return folded(text, column, previous)
    if isinstance(previous, LiteralScalarString):
        return LiteralScalarString(text)
    if isinstance(previous, SingleQuotedScalarString) and "\n" not in text:
        return SingleQuotedScalarString(text)
    if isinstance(previous, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if (len(text) > FOLD_AFTER or "\n" in text) and _foldable(text):
        return folded(text, column)
    return DoubleQuotedScalarString(text) if needs_quotes(text) else text


def _foldable(text: str) -> bool:
    """A folded block keeps the text exactly only without edge or doubled spaces and tabs."""
    return (
        text == text.strip()
        and "  " not in text
        and "\t" not in text
        and not any(ch in INVISIBLE for ch in text)
        and "\n\n" not in text
        and not any(ch in text for ch in "\r\x85\u2028\u2029\a")
        and text.isprintable() | ("\n" in text)
    )


def folded(text: str, column: int, previous: Any = None) -> FoldedScalarString:
    """A folded (>-) text whose lines, starting at ``column``, stay within FOLD_WIDTH.

    Changing a folded text keeps its lines before the change as they were and, once a new
    line can end where an old one did, the lines after it too: the file's diff shows the
    lines that changed, not a whole paragraph wrapped anew."""
    old = str(previous) if isinstance(previous, FoldedScalarString) else ""
    old_breaks: list[int] = list(getattr(previous, "fold_pos", None) or []) if old else []
    prefix = _common_prefix(old, text)
    suffix = _common_prefix(old[prefix:][::-1], text[prefix:][::-1])
    positions = [p for p in old_breaks if p < prefix]
    tail = [p + len(text) - len(old) for p in old_breaks if p >= len(old) - suffix]
    spaces = [match.start() for match in _SPACE_BREAK.finditer(text)]
    limit = FOLD_WIDTH - column
    start = positions[-1] + 1 if positions else 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start <= limit:
            start = end + 1
            continue
        reachable = [q for q in tail if start < q <= start + limit]
        if reachable:  # from here on the old lines fit as they were
            positions += [q for q in tail if q >= reachable[-1]]
            break
        fitting = [c for c in spaces if start < c < end and c - start <= limit]
        beyond = [c for c in spaces if start + limit < c < end][:1]  # a word wider than a line
        if not (fitting or beyond):
            start = end + 1
            continue
        chosen = fitting[-1] if fitting else beyond[0]
        positions.append(chosen)
        start = chosen + 1
    value: FoldedScalarString = FoldedScalarString(text)
    value.fold_pos = positions  # type: ignore[attr-defined]  # set on instances only
    return value


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def build(value: object, column: int) -> Any:
    """A new value as round-trip nodes, each text styled for where it goes; ``column`` is
    that of the key holding it."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, child in value.items():
            mapping[str(key)] = build(child, column + 2)
        return mapping
    if isinstance(value, list | tuple):
        return CommentedSeq([build(child, column + 2) for child in value])
    if isinstance(value, str):
        return styled_text(value, column + 2)
    return value
