"""The statement's seal: the words of each issued language version, fixed.

statement.yaml's ``seal:`` holds, per sealed language, the SHA-256 of that version's words
after normalisation (``words.normalise``: typography may change, words may not).  A hash
cannot say *which* words changed, so ``statement.seal`` beside it keeps the sealed words
themselves, one part per line; its lines for a language are exactly what was hashed, so it
cannot be edited to agree with changed words without breaking the seal.  At start-up only
the hash is computed (a few kilobytes); statement.seal is read only when it differs.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from kiosk.content.issues import ContentError, Issue, Location, shown
from kiosk.content.model import LocalizedText, Statement
from kiosk.content.walk import text_fields
from kiosk.content.words import normalise

SEAL_FILE = "statement.seal"
# The statement's single texts (heading, subtitle, issuer, date_text), from its model: a text
# field added to Statement is sealed too.  Its paragraphs follow, numbered.
PARTS = text_fields(Statement)
MAX_SEAL_BYTES = 2 * 1024 * 1024
MESSAGE_LIMIT = 119
HEADER = (
    "# The statement's words as issued, normalised; written by `kiosk statement seal`.\n"
    "# Do not edit: statement.yaml's seal is the SHA-256 of each language's lines below.\n"
)


class Part(NamedTuple):
    """One sealed piece of the statement in one language: its name, words and place."""

    name: str
    text: str
    location: Location


def parts_of(statement: Statement, language: str) -> list[Part]:
    texts: list[tuple[str, LocalizedText]] = [(name, getattr(statement, name)) for name in PARTS]
    texts += [(f"paragraph {n}", text) for n, text in enumerate(statement.paragraphs, 1)]
    return [
        Part(name, normalise(text.values[language]), text.location)
        for name, text in texts
        if language in text.values
    ]


def canonical(pairs: list[tuple[str, str]]) -> bytes:
    """What is hashed, and exactly the language's lines in statement.seal."""
    return "".join(f"{name}: {text}\n" for name, text in pairs).encode("utf-8")


def digest(pairs: list[tuple[str, str]]) -> str:
    try:
        # CPython's own SHA-256: hashlib would load OpenSSL at start-up (about 3.5 MiB and
        # 2.5 ms) to hash a few kilobytes; hashlib only where this module is missing.
        from _sha256 import sha256  # type: ignore[import-not-found]  # noqa: PLC0415
    except ImportError:
        from hashlib import sha256  # noqa: PLC0415

    return str(sha256(canonical(pairs)).hexdigest())


def pairs(parts: list[Part]) -> list[tuple[str, str]]:
    return [(part.name, part.text) for part in parts]


# --- statement.seal ------------------------------------------------------------------------


def parse_seal_file(text: str) -> dict[str, list[tuple[str, str]]]:
    """Language -> its sealed (part, words) lines; ContentError naming the line if malformed."""
    sealed: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sealed.setdefault(line[1:-1], [])
            continue
        name, colon, words = line.partition(": ")
        if current is None or not colon or not _known_part(name):
            where = Location(SEAL_FILE, number, 1)
            message = f"{SEAL_FILE} is damaged at this line; restore it or run kiosk statement seal"
            raise ContentError([Issue("error", where, message)])
        current.append((name, words))
    return sealed


def _known_part(name: str) -> bool:
    number = name.removeprefix("paragraph ")
    return name in PARTS or (number != name and number.isdigit())


def format_seal_file(sealed: dict[str, list[tuple[str, str]]]) -> str:
    sections = [f"[{language}]\n" + canonical(lines).decode() for language, lines in sealed.items()]
    return HEADER + "\n".join(f"\n{section}" for section in sections)


def load_seal_file(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """statement.seal of a content folder, or ContentError (missing, unreadable, damaged)."""
    from kiosk.content.source import read_bounded  # noqa: PLC0415 - only when words changed

    path = folder / SEAL_FILE
    if not path.exists():
        message = f"{SEAL_FILE} is missing"
        raise ContentError([Issue("error", Location(SEAL_FILE), message)])
    data = read_bounded(path, SEAL_FILE, MAX_SEAL_BYTES)
    try:
        return parse_seal_file(data.decode("utf-8"))
    except UnicodeDecodeError:
        message = f"{SEAL_FILE} is not UTF-8: it was damaged"
        raise ContentError([Issue("error", Location(SEAL_FILE), message)]) from None


def read_sealed_words(path: Path) -> dict[str, dict[str, object]]:
    """The sealed words by language: each part by name, the paragraphs as a list."""
    sealed = parse_seal_file(path.read_text(encoding="utf-8"))
    result: dict[str, dict[str, object]] = {}
    for language, lines in sealed.items():
        fixed: dict[str, object] = {name: text for name, text in lines if name in PARTS}
        fixed["paragraphs"] = [text for name, text in lines if name not in PARTS]
        result[language] = fixed
    return result


# --- the check -------------------------------------------------------------------------------


def check_seal(statement: Statement, folder: Path) -> tuple[list[Issue], frozenset[str]]:
    """Errors for every sealed word that changed, and the languages that are sealed."""
    seal = statement.seal
    if seal is None:
        return [], frozenset()
    issues: list[Issue] = []
    sealed_file: dict[str, list[tuple[str, str]]] | None = None
    for language, expected in seal.digests.items():
        where = seal.key_locations.get(language, seal.location)
        parts = parts_of(statement, language)
        if not parts:
            message = f"the seal names '{shown(language)}', but the statement has no such text"
            issues.append(Issue("error", where, message))
            continue
        if digest(pairs(parts)) == expected:
            continue
        if sealed_file is None:
            try:
                sealed_file = load_seal_file(folder)
            except ContentError as error:
                issues += error.issues  # missing or damaged, where it is
                sealed_file = {}
        if not sealed_file:
            message = f"the {language} words differ from the seal; {SEAL_FILE} cannot show which"
            issues.append(Issue("error", where, message))
            continue
        old = sealed_file.get(language)
        if old is None or digest(old) != expected:
            message = (
                f"{SEAL_FILE} does not match the {language} seal in statement.yaml (edited by "
                "hand?): restore it, or run kiosk statement seal"
            )
            issues.append(Issue("error", where, message))
            continue
        changes = compare(old, parts, where, language)
        issues += changes
        issues.append(
            Issue(
                "error",
                where,
                f"the sealed {language} words changed in {len(changes)} place(s); "
                "if this is the issued text, run: kiosk statement seal",
            )
        )
    return issues, frozenset(seal.digests)


def compare(
    old: list[tuple[str, str]], new: list[Part], fallback: Location, language: str
) -> list[Issue]:
    """One error per part whose words differ from the sealed ones, showing the words."""
    return [
        Issue("error", where, message) for where, message in changes(old, new, fallback, language)
    ]


def changes(
    old: list[tuple[str, str]], new: list[Part], fallback: Location, language: str
) -> list[tuple[Location, str]]:
    import difflib  # noqa: PLC0415 - only when words changed

    found: list[tuple[Location, str]] = []
    old_fixed = {name: text for name, text in old if name in PARTS}
    new_fixed = {part.name: part for part in new if part.name in PARTS}
    for name in PARTS:
        before, now = old_fixed.get(name), new_fixed.get(name)
        if now is not None and before == now.text:
            continue
        if now is None and before is not None:
            found.append((fallback, f"the sealed {language} {name} is gone: '{_few(before)}'"))
        elif now is not None and before is None:
            found.append((now.location, f"the {language} {name} is not among the sealed words"))
        elif now is not None and before is not None:
            found.append((now.location, _differs(name, language, before, now.text)))
    old_paragraphs = [text for name, text in old if name not in PARTS]
    new_paragraphs = [part for part in new if part.name not in PARTS]
    matcher = difflib.SequenceMatcher(
        None, old_paragraphs, [part.text for part in new_paragraphs], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old_paragraphs[i1:i2], new_paragraphs[j1:j2]
        for before, now in zip(olds, news, strict=False):
            found.append((now.location, _differs(now.name, language, before, now.text)))
        for now in news[len(olds) :]:
            found.append((now.location, f"{now.name} is not among the sealed {language} words"))
        if len(olds) > len(news):
            at = new_paragraphs[j2].location if j2 < len(new_paragraphs) else fallback
            for before in olds[len(news) :]:
                found.append((at, f"a sealed {language} paragraph is missing: '{_few(before)}'"))
    return found


def _differs(name: str, language: str, before: str, after: str) -> str:
    prefix = f"{name} is not the sealed {language} text: "
    return prefix + word_diff(before, after, MESSAGE_LIMIT - len(prefix))


def word_diff(before: str, after: str, budget: int) -> str:
    """The changed words, as far as ``budget`` characters allow: "'150' became '1500'"."""
    import difflib  # noqa: PLC0415

    old, new = before.split(" "), after.split(" ")
    described = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            described.append(
                f"'{_few(' '.join(old[i1:i2]))}' became '{_few(' '.join(new[j1:j2]))}'"
            )
        elif tag == "delete":
            described.append(f"'{_few(' '.join(old[i1:i2]))}' removed")
        elif tag == "insert":
            described.append(f"'{_few(' '.join(new[j1:j2]))}' added")
    text = ""
    for index, change in enumerate(described):
        more = f"; and {len(described) - index} more" if index else ""
        candidate = f"{text}; {change}" if text else change
        if len(candidate) > budget - len("; and 99 more"):
            return (text + more) if text else change[: budget - 1] + "…"
        text = candidate
    return text


def _few(text: str, limit: int = 4, characters: int = 28) -> str:
    """The first few words of a passage, for a message."""
    words = text.split(" ")
    short = " ".join(words[:limit])
    if len(short) > characters:
        short = short[:characters].rstrip()
    return short + ("…" if short != text else "")
