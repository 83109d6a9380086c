"""The typed exhibit: what the loader produces and every screen reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.issues import Location


@dataclass(frozen=True)
class LocalizedText:
    """A text given per language (``en: ...``) so languages can be added without code."""

    values: dict[str, str]
    location: Location = field(default_factory=lambda: Location("?"), compare=False)

    def resolve(self, language: str, fallback: str) -> tuple[str, str]:
        """The text in ``language``, else in ``fallback``, with the language actually used."""
        for candidate in (language, fallback):
            if candidate in self.values:
                return self.values[candidate], candidate
        first_language = next(iter(self.values))
        return self.values[first_language], first_language

    def text(self, language: str, fallback: str) -> str:
        return self.resolve(language, fallback)[0]


@dataclass(frozen=True)
class AssetRef:
    """A file in the content folder, as written in the content, with where it was written."""

    path: str
    location: Location


@dataclass(frozen=True)
class Statement:
    heading: LocalizedText
    subtitle: LocalizedText
    issuer: LocalizedText
    date_iso: str
    date_text: LocalizedText
    paragraphs: tuple[LocalizedText, ...]


@dataclass(frozen=True)
class Moment:
    """One stop on the timeline; ``source`` is the statement's sentence it rests on."""

    id: str
    year: int
    date_text: LocalizedText
    title: LocalizedText
    caption: LocalizedText
    source: LocalizedText
    # A picture staff add, relative to the content folder; shown scaled to fit.
    image: AssetRef | None = None


@dataclass(frozen=True)
class Figure:
    id: str
    value: int
    label: LocalizedText
    source: LocalizedText


@dataclass(frozen=True)
class Colours:
    background: str
    surface: str
    text: str
    muted: str
    accent: str
    location: Location = field(default_factory=lambda: Location("exhibit.yaml"), compare=False)


@dataclass(frozen=True)
class TypeSizes:
    """Pixel sizes on a screen 1080 pixels high; the UI scales them to the display."""

    title: int
    heading: int
    body: int
    caption: int
    figure: int


@dataclass(frozen=True)
class TouchSettings:
    primary_target_mm: float
    minimum_target_mm: float
    # None means: trust the display's reported physical size.
    pixels_per_mm: float | None


@dataclass(frozen=True)
class Settings:
    title: LocalizedText
    default_language: str
    languages: tuple[str, ...]
    idle_timeout_s: float
    idle_warning_s: float
    reduced_motion: bool
    colours: Colours
    type_sizes: TypeSizes
    touch: TouchSettings


@dataclass(frozen=True)
class Exhibit:
    settings: Settings
    statement: Statement
    timeline: tuple[Moment, ...]
    figures: tuple[Figure, ...]
    # The content folder, against which assets resolve.
    root: Path = field(default=Path(), compare=False)

    def asset_path(self, asset: AssetRef) -> Path:
        return self.root / asset.path

    def all_texts(self) -> list[LocalizedText]:
        """Every visitor-visible content text, for glyph and policy checks."""
        statement = self.statement
        texts = [
            self.settings.title,
            statement.heading,
            statement.subtitle,
            statement.issuer,
            statement.date_text,
            *statement.paragraphs,
        ]
        for moment in self.timeline:
            texts += [moment.date_text, moment.title, moment.caption, moment.source]
        for figure in self.figures:
            texts += [figure.label, figure.source]
        return texts
