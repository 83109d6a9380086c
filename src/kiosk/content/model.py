"""The typed exhibit: what the loader produces and every screen reads.

Immutable named tuples rather than frozen dataclasses: the kiosk imports this module on every
start, and a dataclass costs ten times as long to create (about 0.8 ms each).

The field types are real objects, not strings (no ``from __future__ import annotations``):
kiosk.content.walk reads them at every start, and evaluating strings would cost more.
"""

from pathlib import Path
from typing import NamedTuple

from kiosk.content.issues import Location


class LocalizedText(NamedTuple):
    """A text given per language (``en: ...``) so languages can be added without code."""

    values: dict[str, str]
    location: Location = Location("?")

    def resolve(self, language: str, fallback: str) -> tuple[str, str]:
        """The text in ``language``, else in ``fallback``, with the language actually used."""
        for candidate in (language, fallback):
            if candidate in self.values:
                return self.values[candidate], candidate
        first_language = next(iter(self.values))
        return self.values[first_language], first_language

    def text(self, language: str, fallback: str) -> str:
        return self.resolve(language, fallback)[0]


class AssetRef(NamedTuple):
    """A file in the content folder, as written in the content, with where it was written."""

    path: str
    location: Location


class Seal(NamedTuple):
    """The SHA-256 of each issued language version's words (``kiosk statement seal``)."""

    digests: dict[str, str]
    location: Location
    key_locations: dict[str, Location]


class Statement(NamedTuple):
    heading: LocalizedText
    subtitle: LocalizedText
    issuer: LocalizedText
    date_iso: str
    date_text: LocalizedText
    paragraphs: tuple[LocalizedText, ...]
    seal: Seal | None = None


class Moment(NamedTuple):
    """One stop on the timeline; ``source`` is the statement's sentence it rests on."""

    id: str
    year: int
    date_text: LocalizedText
    title: LocalizedText
    caption: LocalizedText
    source: LocalizedText
    # A picture staff add, relative to the content folder; shown scaled to fit.
    image: AssetRef | None = None


class Figure(NamedTuple):
    id: str
    value: int
    label: LocalizedText
    source: LocalizedText


class Colours(NamedTuple):
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    location: Location = Location("exhibit.yaml")


class TypeSizes(NamedTuple):
    """Pixel sizes on a screen 1080 pixels high; the UI scales them to the display."""

    title: int
    heading: int
    body: int
    caption: int
    figure: int


class TouchSettings(NamedTuple):
    primary_target_mm: float
    minimum_target_mm: float
    # None means: trust the display's reported physical size.
    pixels_per_mm: float | None


class Settings(NamedTuple):
    title: LocalizedText
    default_language: str
    languages: tuple[str, ...]
    idle_timeout_s: float
    idle_warning_s: float
    reduced_motion: bool
    colours: Colours
    type_sizes: TypeSizes
    touch: TouchSettings


class Recording(NamedTuple):
    """Staff's recording of one text in one language (narration.yaml), e.g. the key
    ``statement.paragraph.1`` in ``en``.  The path is a plain string, not an AssetRef, so
    the picture checks (which find every AssetRef) never take it for a picture."""

    key: str
    language: str
    path: str
    location: Location  # of the path
    key_location: Location


class Narration(NamedTuple):
    """narration.yaml: recordings of the exhibit's texts, in file order."""

    recordings: tuple[Recording, ...]
    location: Location = Location("narration.yaml")


class Exhibit(NamedTuple):
    settings: Settings
    statement: Statement
    timeline: tuple[Moment, ...]
    figures: tuple[Figure, ...]
    # The content folder, against which assets resolve.
    root: Path = Path()
    # None when the folder has no narration.yaml (then every text is read by speech).
    narration: Narration | None = None

    def asset_path(self, asset: AssetRef) -> Path:
        return self.root / asset.path

    def all_texts(self) -> list[LocalizedText]:
        """Every content text, found from the model's field types (kiosk.content.walk)."""
        from kiosk.content.walk import texts  # noqa: PLC0415 - walk imports this module

        return texts(self)


def recording_for(exhibit: Exhibit, key: str, language: str) -> Path | None:
    """Staff's recording of the text named ``key`` (kiosk.content.narration's keys, e.g.
    ``moment.1991``) in ``language``, or None: then the text is spoken by speech."""
    if exhibit.narration is None:
        return None
    for recording in exhibit.narration.recordings:
        if recording.key == key and recording.language == language:
            return exhibit.root / recording.path
    return None
