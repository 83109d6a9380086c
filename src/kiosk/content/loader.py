"""Builds the typed Exhibit from a content folder, reporting every error with its place."""

from __future__ import annotations

from collections.abc import Mapping as Mapping_
from pathlib import Path
from typing import Any

from kiosk.content.fields import LANGUAGE_CODE, FieldReader
from kiosk.content.issues import ContentError, Issue, Location, shown
from kiosk.content.languages import ENDONYMS, NAMED
from kiosk.content.model import (
    Colours,
    Exhibit,
    Figure,
    Moment,
    Settings,
    Statement,
    TouchSettings,
    TypeSizes,
)
from kiosk.content.schema import (
    FAILED,
    AssetPath,
    Boolean,
    Colour,
    Digests,
    Field,
    Integer,
    IsoDate,
    Language,
    ListOf,
    Localized,
    Number,
    Object,
    Text,
)
from kiosk.content.source import (
    MAX_FILE_BYTES,
    Mapping,
    Scalar,
    Sequence,
    _too_large,
    end_of,
    load_yaml_bytes,
    read_bounded,
)

SCHEMA_VERSION = 1
SCHEMA_VERSION_FIELD = {
    "schema_version": Field(
        Integer(1, 1000, "The content format's version; this kiosk reads version 1.")
    )
}


def _settings(
    *,
    title: Any,
    default_language: str,
    languages: tuple[str, ...],
    idle: tuple[float, float],
    motion: bool,
    theme: tuple[Colours, TypeSizes],
    touch: TouchSettings,
) -> Settings:
    return Settings(
        title=title,
        default_language=default_language,
        languages=languages,
        idle_timeout_s=idle[0],
        idle_warning_s=idle[1],
        reduced_motion=motion,
        colours=theme[0],
        type_sizes=theme[1],
        touch=touch,
    )


def _size(description: str) -> Field:
    return Field(Integer(12, 400, description))


COLOUR_NAMES = ("background", "surface", "text", "muted", "accent")
TOUCH_DEFAULT = TouchSettings(primary_target_mm=15, minimum_target_mm=10, pixels_per_mm=None)

EXHIBIT_FILE: Object[Settings] = Object(
    title="exhibit.yaml",
    description="Exhibit settings: title, languages, idle timing, motion, theme and touch.",
    extra=SCHEMA_VERSION_FIELD,
    build=_settings,
    fields={
        "title": Field(Localized("The exhibit's title, on the start and home screens.")),
        "default_language": Field(Language("The language a visit starts in.")),
        "languages": Field(ListOf(Language(), min_items=1, description="Languages offered.")),
        "idle": Field(
            Object(
                description="When a visitor walks away.",
                build=lambda timeout_seconds, warning_seconds: (timeout_seconds, warning_seconds),
                fields={
                    "timeout_seconds": Field(
                        Number(0.05, 3600, "Seconds without input before 'Still there?'."),
                        required=False,
                        default=90.0,
                    ),
                    "warning_seconds": Field(
                        Number(0.05, 600, "Countdown seconds; WCAG 2.2.1 asks at least 20."),
                        required=False,
                        default=20.0,
                    ),
                },
            ),
            required=False,
            default=(90.0, 20.0),
        ),
        "motion": Field(
            Object(
                build=lambda reduced: reduced,
                fields={
                    "reduced": Field(
                        Boolean("true turns off the ambient light and all transitions."),
                        required=False,
                        default=False,
                    )
                },
            ),
            required=False,
            default=False,
        ),
        "theme": Field(
            Object(
                build=lambda **theme: (theme["colours"], theme["type"]),
                fields={
                    "colours": Field(
                        Object(
                            build=Colours,
                            pass_location=True,
                            fields={
                                name: Field(Colour(f'The {name} colour, like "#1A1A1A".'))
                                for name in COLOUR_NAMES
                            },
                        )
                    ),
                    "type": Field(
                        Object(
                            description="Pixel sizes on a screen 1080 pixels high.",
                            build=TypeSizes,
                            fields={
                                "title": _size("The start screen's title."),
                                "heading": _size("Headings and large choices."),
                                "body": _size("Reading text."),
                                "caption": _size("Small print: sources, buttons."),
                                "figure": _size("The casualty figures' numbers."),
                            },
                        )
                    ),
                },
            )
        ),
        "touch": Field(
            Object(
                build=TouchSettings,
                fields={
                    "primary_target_mm": Field(
                        Number(5, 60, "Smallest side of main buttons, in millimetres."),
                        required=False,
                        default=15.0,
                    ),
                    "minimum_target_mm": Field(
                        Number(5, 60, "Smallest side of any button, in millimetres."),
                        required=False,
                        default=10.0,
                    ),
                    "pixels_per_mm": Field(
                        Number(0.5, 40, "Pixels per millimetre, or auto.", or_word="auto"),
                        required=False,
                        default=None,
                    ),
                },
            ),
            required=False,
            default=TOUCH_DEFAULT,
        ),
    },
)

STATEMENT_FILE: Object[Statement] = Object(
    title="statement.yaml",
    description="The statement, exactly as issued: typography may change, words may not.",
    extra=SCHEMA_VERSION_FIELD,
    build=lambda date, **texts: Statement(date_iso=date, **texts),
    fields={
        "heading": Field(Localized("The heading, e.g. STATEMENT.")),
        "subtitle": Field(Localized("The line under the heading.")),
        "issuer": Field(Localized("Who issued the statement.")),
        "date": Field(IsoDate("The date of issue, as 2026-01-20.")),
        "date_text": Field(Localized("The date of issue as printed.")),
        "paragraphs": Field(ListOf(Localized(), min_items=1, description="The paragraphs.")),
        "seal": Field(
            Digests(
                "The SHA-256 of each issued language version's words; written only by "
                "kiosk statement seal, which keeps the sealed words in statement.seal."
            ),
            required=False,
        ),
    },
)

MOMENT: Object[Moment] = Object(
    build=Moment,
    fields={
        "id": Field(Text("A short unique name; also the rendered image's name.")),
        "year": Field(Integer(1, 9999, "The year on the timeline's rail.")),
        "date_text": Field(Localized("The date as shown.")),
        "title": Field(Localized("A short title, in the statement's words.")),
        "caption": Field(Localized("A caption built only from the statement's words.")),
        "source": Field(Localized("The statement's sentence this moment rests on, verbatim.")),
        "image": Field(
            AssetPath("A PNG, JPEG or WebP file in the content folder."),
            required=False,
        ),
    },
)

TIMELINE_FILE: Object[tuple[Moment, ...]] = Object(
    title="timeline.yaml",
    description="The timeline's moments, in order of their year.",
    extra=SCHEMA_VERSION_FIELD,
    build=lambda moments: moments,
    fields={"moments": Field(ListOf(MOMENT, min_items=1, unique_key="id"))},
)

FIGURE: Object[Figure] = Object(
    build=Figure,
    fields={
        "id": Field(Text("A short unique name.")),
        "value": Field(Integer(0, 10**12, "The number, as the statement gives it.")),
        "label": Field(Localized("What the number counts, in the statement's words.")),
        "source": Field(Localized("The statement's sentence the number comes from.")),
    },
)

FIGURES_FILE: Object[tuple[Figure, ...]] = Object(
    title="figures.yaml",
    description="The figures, each with the sentence it comes from.",
    extra=SCHEMA_VERSION_FIELD,
    build=lambda figures: figures,
    fields={"figures": Field(ListOf(FIGURE, min_items=1, unique_key="id"))},
)

FILE_SPECS: dict[str, Object[Any]] = {
    "exhibit.yaml": EXHIBIT_FILE,
    "statement.yaml": STATEMENT_FILE,
    "timeline.yaml": TIMELINE_FILE,
    "figures.yaml": FIGURES_FILE,
}
FILES = tuple(FILE_SPECS)
# Read when the folder has it: recordings of the texts (kiosk.content.narration).
NARRATION = "narration.yaml"
OPTIONAL_FILES = (NARRATION,)


def optional_specs() -> dict[str, Object[Any]]:
    """The optional files' specs; their modules load only when asked for (start-up)."""
    from kiosk.content.narration import NARRATION_FILE  # noqa: PLC0415 - it imports this module

    return {NARRATION: NARRATION_FILE}


def read_exhibit(folder: Path) -> tuple[Exhibit | None, list[Issue]]:
    """Every file read and checked: the exhibit (None if any error) and all findings."""
    return read_exhibit_texts({}, folder)


def read_exhibit_texts(
    texts: Mapping_[str, bytes], folder: Path
) -> tuple[Exhibit | None, list[Issue]]:
    """As read_exhibit, with the files named in ``texts`` read from those bytes instead of
    the disk (the studio's unsaved texts, found exactly as they would be once saved)."""
    if not folder.is_dir():
        return None, [Issue("error", Location(str(folder)), "content folder not found")]
    reader = FieldReader()
    parts: dict[str, Any] = {}
    root = folder.resolve()
    for name in FILE_SPECS:
        try:
            if name in texts:
                data = _bounded(texts[name], name)
            else:
                data = read_bounded(_inside(folder / name, root, name), name, MAX_FILE_BYTES)
            parts[name] = read_file(reader, name, data)
        except ContentError as error:
            reader.issues.extend(error.issues)
    narration = _read_optional(reader, texts, folder, root, NARRATION)
    if any(part is FAILED for part in parts.values()) or len(parts) < len(FILES):
        return None, reader.issues
    if narration is FAILED:
        return None, reader.issues
    exhibit = Exhibit(
        settings=parts["exhibit.yaml"],
        statement=parts["statement.yaml"],
        timeline=parts["timeline.yaml"],
        figures=parts["figures.yaml"],
        root=folder,
        narration=narration,
    )
    from kiosk.content.checks import check_exhibit  # noqa: PLC0415 - avoids an import cycle

    issues = reader.issues + check_exhibit(exhibit, folder)
    if any(issue.severity == "error" for issue in issues):
        return None, issues
    return exhibit, issues


def _read_optional(
    reader: FieldReader, texts: Mapping_[str, bytes], folder: Path, root: Path, name: str
) -> Any:
    """An optional file read like the others when it is there: None when it is not,
    FAILED (its findings in ``reader``) when it cannot be read."""
    path = folder / name
    if name not in texts and not path.is_symlink() and not path.exists():
        return None
    try:
        if name in texts:
            data = _bounded(texts[name], name)
        else:
            data = read_bounded(_inside(path, root, name), name, MAX_FILE_BYTES)
        return read_file(reader, name, data)
    except ContentError as error:
        reader.issues.extend(error.issues)
        return FAILED


def read_file(reader: FieldReader, name: str, data: bytes) -> Any:
    """One content file's bytes read by its spec, with the checks of the file as a whole;
    FAILED (its findings in ``reader``) or ContentError when it is not even a YAML tree.
    exhibit.yaml read first gives ``reader`` the languages every later text is held to."""
    tree = load_yaml_bytes(data, name)
    _check_complete(reader, data, name)
    if isinstance(tree, Mapping):
        _check_schema_version(reader, tree)
        if name == "exhibit.yaml":
            _check_default_language(reader, tree)
            _check_languages(reader, tree)
    spec = FILE_SPECS[name] if name in FILE_SPECS else optional_specs()[name]
    return spec.read(reader, tree)


def _bounded(data: bytes, name: str) -> bytes:
    """Bytes in memory held to the size read_bounded allows a file on disk."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(Location(name), len(data), MAX_FILE_BYTES)
    return data


def _inside(path: Path, root: Path, name: str) -> Path:
    """The content file itself, refused when a symbolic link takes it out of the folder
    (its lines would be quoted in findings and logs)."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        message = f"{name} is a symbolic link that loops back on itself"
        raise ContentError([Issue("error", Location(name), message)]) from None
    if not resolved.is_relative_to(root):
        message = f"{name} is a symbolic link leading outside the content folder; copy it in"
        raise ContentError([Issue("error", Location(name), message)])
    return resolved


def load_exhibit(folder: Path) -> Exhibit:
    """Load and check a content folder; raise ContentError listing every error found."""
    exhibit, issues = read_exhibit(folder)
    if exhibit is None:
        raise ContentError([issue for issue in issues if issue.severity == "error"])
    return exhibit


def _check_complete(reader: FieldReader, data: bytes, name: str) -> None:
    """A file cut short while it was saved (a full disk, a stick pulled out) can still be
    valid YAML; a text file ends with a line break, so a missing one is worth a word."""
    if data.endswith((b"\n", b"\r")):
        return
    reader.issues.append(
        Issue(
            "warning",
            end_of(data.decode("utf-8-sig"), name),
            "the file does not end with a line break: if it was cut short while saving, "
            "content is missing; check its end and save it again",
        )
    )


def _check_default_language(reader: FieldReader, tree: Mapping) -> None:
    default, offered = tree.entries.get("default_language"), tree.entries.get("languages")
    if not isinstance(default, Scalar) or not isinstance(offered, Sequence):
        return  # reported by the file's spec
    codes = [item.text for item in offered.items if isinstance(item, Scalar)]
    if default.text not in codes:
        reader.error(
            default.location,
            f"default_language '{shown(default.text)}' is not among the languages "
            f"{shown(str(codes))}",
        )


def _check_languages(reader: FieldReader, tree: Mapping) -> None:
    """Each offered language once, and one the kiosk can name in itself (its switch shows
    the name, never a raw code); when all is well, the texts are held to these languages."""
    offered, default = tree.entries.get("languages"), tree.entries.get("default_language")
    if not isinstance(offered, Sequence):
        return  # reported by the file's spec
    seen: dict[str, Location] = {}
    good = True
    for item in offered.items:
        if not isinstance(item, Scalar) or not LANGUAGE_CODE.match(item.text):
            good = False  # reported by the file's spec
            continue
        code = item.text
        if code in seen:
            first = seen[code]
            where = f"column {first.column}"
            if first.line != item.location.line:
                where = f"line {first.line}, {where}"
            reader.error(item.location, f"'{code}' is listed twice (first at {where})")
            continue
        seen[code] = item.location
        if code not in ENDONYMS:
            good = False
            reader.error(
                item.location,
                f"the kiosk has no name for '{shown(code)}', so visitors could not choose it; "
                f"it names {', '.join(NAMED)}",
            )
    if good and seen:
        reader.languages = tuple(seen)
        if isinstance(default, Scalar) and default.text in seen:
            reader.default_language = default.text


def _check_schema_version(reader: FieldReader, tree: Mapping) -> None:
    node = tree.entries.get("schema_version")
    if node is None:
        return  # reported as a missing key by the file's spec
    version = reader.integer(node, 1, 1_000)
    if version is not None and version != SCHEMA_VERSION:
        reader.error(
            node.location,
            f"schema_version {version} is not supported; this kiosk reads {SCHEMA_VERSION}",
        )
