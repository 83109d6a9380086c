"""Builds the typed Exhibit from a content folder, reporting every error with its place."""

from __future__ import annotations

import datetime
from pathlib import Path

from kiosk.content.fields import FieldReader
from kiosk.content.issues import ContentError, Issue, Location
from kiosk.content.model import (
    Colours,
    Exhibit,
    Figure,
    LocalizedText,
    Moment,
    Settings,
    Statement,
    TouchSettings,
    TypeSizes,
)
from kiosk.content.source import Mapping, Node, load_yaml_file

SCHEMA_VERSION = 1
FILES = ("exhibit.yaml", "statement.yaml", "timeline.yaml", "figures.yaml")


def load_exhibit(folder: Path) -> Exhibit:
    """Load and check a content folder; raise ContentError listing every error found."""
    if not folder.is_dir():
        raise ContentError([Issue("error", Location(str(folder)), "content folder not found")])
    reader = FieldReader()
    trees: dict[str, Mapping] = {}
    for name in FILES:
        try:
            tree = load_yaml_file(folder / name, name)
        except ContentError as error:
            reader.issues.extend(error.issues)
            continue
        mapping = reader.mapping(tree, "the file")
        if mapping is not None:
            _check_schema_version(reader, mapping)
            trees[name] = mapping
    if len(trees) == len(FILES):
        settings = _settings(reader, trees["exhibit.yaml"])
        statement = _statement(reader, trees["statement.yaml"])
        timeline = _timeline(reader, trees["timeline.yaml"])
        figures = _figures(reader, trees["figures.yaml"])
    errors = [issue for issue in reader.issues if issue.severity == "error"]
    if errors:
        raise ContentError(errors)
    assert settings and statement and timeline is not None and figures is not None
    return Exhibit(settings, statement, timeline, figures)


def _check_schema_version(reader: FieldReader, tree: Mapping) -> None:
    node = tree.entries.get("schema_version")
    if node is None:
        reader.error(
            tree.location, f"missing key 'schema_version' (this kiosk reads {SCHEMA_VERSION})"
        )
        return
    version = reader.integer(node, 1, 1_000)
    if version is not None and version != SCHEMA_VERSION:
        reader.error(
            node.location,
            f"schema_version {version} is not supported; this kiosk reads {SCHEMA_VERSION}",
        )


def _settings(reader: FieldReader, tree: Mapping) -> Settings | None:
    reader.check_keys(
        tree,
        {"schema_version", "title", "default_language", "languages", "theme"},
        {"idle", "motion", "touch"},
    )
    title = reader.get(tree, "title", reader.localized)
    default_language = reader.get(tree, "default_language", reader.language)
    languages: list[str] = []
    language_list = reader.get(tree, "languages", lambda n: reader.sequence(n, "languages"))
    for item in language_list.items if language_list else ():
        code = reader.language(item)
        if code is not None:
            languages.append(code)
    if default_language and languages and default_language not in languages:
        reader.error(
            tree.entries["default_language"].location,
            f"default_language '{default_language}' is not among languages {languages}",
        )
    idle_timeout, idle_warning = 90.0, 20.0
    idle = tree.entries.get("idle")
    if idle is not None and (idle_map := reader.mapping(idle, "idle")):
        reader.check_keys(idle_map, set(), {"timeout_seconds", "warning_seconds"})
        idle_timeout = (
            reader.get(idle_map, "timeout_seconds", lambda n: reader.number(n, 0.05, 3600))
            or idle_timeout
        )
        # WCAG 2.2.1 asks at least 20 s to extend; shorter is allowed only for tests.
        idle_warning = (
            reader.get(idle_map, "warning_seconds", lambda n: reader.number(n, 0.05, 600))
            or idle_warning
        )
    reduced_motion = False
    motion = tree.entries.get("motion")
    if motion is not None and (motion_map := reader.mapping(motion, "motion")):
        reader.check_keys(motion_map, set(), {"reduced"})
        reduced_motion = bool(reader.get(motion_map, "reduced", reader.boolean))
    colours, sizes = _theme(reader, tree.entries.get("theme"))
    touch = _touch(reader, tree.entries.get("touch"))
    if not (title and default_language and languages and colours and sizes and touch):
        return None
    return Settings(
        title=title,
        default_language=default_language,
        languages=tuple(languages),
        idle_timeout_s=idle_timeout,
        idle_warning_s=idle_warning,
        reduced_motion=reduced_motion,
        colours=colours,
        type_sizes=sizes,
        touch=touch,
    )


def _theme(reader: FieldReader, node: Node | None) -> tuple[Colours | None, TypeSizes | None]:
    if node is None or (theme := reader.mapping(node, "theme")) is None:
        return None, None
    reader.check_keys(theme, {"colours", "type"}, set())
    colours = sizes = None
    colour_keys = ["background", "surface", "text", "muted", "accent"]
    colour_node = theme.entries.get("colours")
    if colour_node is not None and (colour_map := reader.mapping(colour_node, "colours")):
        reader.check_keys(colour_map, set(colour_keys), set())
        values = [reader.get(colour_map, key, reader.colour) for key in colour_keys]
        if all(values):
            colours = Colours(*[value for value in values if value])
    size_keys = ["title", "heading", "body", "caption", "figure"]
    type_node = theme.entries.get("type")
    if type_node is not None and (type_map := reader.mapping(type_node, "type")):
        reader.check_keys(type_map, set(size_keys), set())
        numbers = [
            reader.get(type_map, key, lambda n: reader.integer(n, 12, 400)) for key in size_keys
        ]
        if all(numbers):
            sizes = TypeSizes(*[number for number in numbers if number])
    return colours, sizes


def _touch(reader: FieldReader, node: Node | None) -> TouchSettings | None:
    defaults = TouchSettings(primary_target_mm=15, minimum_target_mm=10, pixels_per_mm=None)
    if node is None:
        return defaults
    if (touch := reader.mapping(node, "touch")) is None:
        return None
    reader.check_keys(touch, set(), {"primary_target_mm", "minimum_target_mm", "pixels_per_mm"})
    primary = reader.get(touch, "primary_target_mm", lambda n: reader.number(n, 5, 60))
    minimum = reader.get(touch, "minimum_target_mm", lambda n: reader.number(n, 5, 60))
    density_node = touch.entries.get("pixels_per_mm")
    density: float | None = None
    if density_node is not None:
        scalar = reader.scalar(density_node, "pixels_per_mm")
        if scalar is not None and scalar.text != "auto":
            density = reader.number(density_node, 0.5, 40)
    return TouchSettings(
        primary_target_mm=primary or defaults.primary_target_mm,
        minimum_target_mm=minimum or defaults.minimum_target_mm,
        pixels_per_mm=density,
    )


def _statement(reader: FieldReader, tree: Mapping) -> Statement | None:
    text_keys = ["heading", "subtitle", "issuer", "date_text"]
    reader.check_keys(tree, {"schema_version", "date", "paragraphs", *text_keys}, set())
    texts = [reader.get(tree, key, reader.localized) for key in text_keys]
    date_iso = reader.get(tree, "date", lambda n: _iso_date(reader, n))
    paragraphs: list[LocalizedText] = []
    paragraph_list = reader.get(tree, "paragraphs", lambda n: reader.sequence(n, "paragraphs"))
    for item in paragraph_list.items if paragraph_list else ():
        paragraph = reader.localized(item)
        if paragraph is not None:
            paragraphs.append(paragraph)
    heading, subtitle, issuer, date_text = texts
    if not (heading and subtitle and issuer and date_text and date_iso and paragraphs):
        return None
    return Statement(heading, subtitle, issuer, date_iso, date_text, tuple(paragraphs))


def _iso_date(reader: FieldReader, node: Node) -> str | None:
    scalar = reader.scalar(node, "a date")
    if scalar is None:
        return None
    try:
        return datetime.date.fromisoformat(scalar.text).isoformat()
    except ValueError:
        reader.error(scalar.location, f"expected a date like 2026-01-20, found '{scalar.text}'")
        return None


def _timeline(reader: FieldReader, tree: Mapping) -> tuple[Moment, ...] | None:
    reader.check_keys(tree, {"schema_version", "moments"}, set())
    moments: list[Moment] = []
    moment_list = reader.get(tree, "moments", lambda n: reader.sequence(n, "moments"))
    if moment_list is None:
        return None
    if not moment_list.items:
        reader.error(moment_list.location, "the timeline needs at least one moment")
    text_keys = ["date_text", "title", "caption", "source"]
    seen: dict[str, Location] = {}
    for item in moment_list.items:
        entry = reader.mapping(item, "a moment")
        if entry is None:
            continue
        reader.check_keys(entry, {"id", "year", *text_keys}, set())
        moment_id = reader.get(entry, "id", reader.plain_text)
        year = reader.get(entry, "year", lambda n: reader.integer(n, 1, 9999))
        texts = [reader.get(entry, key, reader.localized) for key in text_keys]
        if moment_id is not None:
            _check_unique(reader, seen, moment_id, entry.entries["id"].location)
        date_text, title, caption, source = texts
        if moment_id and year and date_text and title and caption and source:
            moments.append(Moment(moment_id, year, date_text, title, caption, source))
    years = [moment.year for moment in moments]
    if years != sorted(years):
        reader.error(moment_list.location, "moments must be listed in order of their year")
    return tuple(moments)


def _figures(reader: FieldReader, tree: Mapping) -> tuple[Figure, ...] | None:
    reader.check_keys(tree, {"schema_version", "figures"}, set())
    figures: list[Figure] = []
    figure_list = reader.get(tree, "figures", lambda n: reader.sequence(n, "figures"))
    if figure_list is None:
        return None
    seen: dict[str, Location] = {}
    for item in figure_list.items:
        entry = reader.mapping(item, "a figure")
        if entry is None:
            continue
        reader.check_keys(entry, {"id", "value", "label", "source"}, set())
        figure_id = reader.get(entry, "id", reader.plain_text)
        value = reader.get(entry, "value", lambda n: reader.integer(n, 0, 10**12))
        label = reader.get(entry, "label", reader.localized)
        source = reader.get(entry, "source", reader.localized)
        if figure_id is not None:
            _check_unique(reader, seen, figure_id, entry.entries["id"].location)
        if figure_id and value is not None and label and source:
            figures.append(Figure(figure_id, value, label, source))
    return tuple(figures)


def _check_unique(
    reader: FieldReader, seen: dict[str, Location], key: str, location: Location
) -> None:
    if key in seen:
        reader.error(location, f"id '{key}' is used twice (first at line {seen[key].line})")
    else:
        seen[key] = location
