"""The studio form's field names and descriptions, as interface words.

kiosk.editing.outline.form_fields generates them in English from the loader's specs (one
source of truth); this module only lists each text for Qt's translation tools and, where the
generated wording reads badly ("Motion reduced"), the wording people see instead.
tests/test_studio_field_labels.py fails when a spec field brings a text missing here, so a
new field never reaches the form untranslated.  Content (what staff type) never comes here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.editing.outline import FormField

CONTEXT = "FormField"

# Generated label or description -> the wording shown (and translated) instead.
DISPLAY: dict[str, object] = {
    "Idle timeout seconds": QT_TRANSLATE_NOOP("FormField", "Seconds before 'Still there?'"),
    "Idle warning seconds": QT_TRANSLATE_NOOP("FormField", "Seconds of the countdown"),
    "Motion reduced": QT_TRANSLATE_NOOP("FormField", "Reduce motion"),
    # A boolean's description is its check box's text, which cannot wrap: kept short.
    "true turns off the ambient light and all transitions.": QT_TRANSLATE_NOOP(
        "FormField", "No ambient light, no transitions"
    ),
    "Theme colours background": QT_TRANSLATE_NOOP("FormField", "Background colour"),
    "Theme colours surface": QT_TRANSLATE_NOOP("FormField", "Surface colour"),
    "Theme colours text": QT_TRANSLATE_NOOP("FormField", "Text colour"),
    "Theme colours muted": QT_TRANSLATE_NOOP("FormField", "Muted text colour"),
    "Theme colours accent": QT_TRANSLATE_NOOP("FormField", "Accent colour"),
    "Theme type title": QT_TRANSLATE_NOOP("FormField", "Title text size"),
    "Theme type heading": QT_TRANSLATE_NOOP("FormField", "Heading text size"),
    "Theme type body": QT_TRANSLATE_NOOP("FormField", "Reading text size"),
    "Theme type caption": QT_TRANSLATE_NOOP("FormField", "Small print size"),
    "Theme type figure": QT_TRANSLATE_NOOP("FormField", "Figure number size"),
    "Touch primary target (mm)": QT_TRANSLATE_NOOP("FormField", "Main button size (mm)"),
    "Touch minimum target (mm)": QT_TRANSLATE_NOOP("FormField", "Smallest button size (mm)"),
    "Touch pixels per millimetre": QT_TRANSLATE_NOOP("FormField", "Screen pixels per millimetre"),
    "Date text": QT_TRANSLATE_NOOP("FormField", "Date as written"),
    "Image": QT_TRANSLATE_NOOP("FormField", "Picture of the moment"),
}

# Every other generated label and description, shown as generated.
SOURCES: frozenset[object] = frozenset(
    {
        # Exhibit settings
        QT_TRANSLATE_NOOP("FormField", "Title"),
        QT_TRANSLATE_NOOP("FormField", "The exhibit's title, on the start and home screens."),
        QT_TRANSLATE_NOOP("FormField", "Default language"),
        QT_TRANSLATE_NOOP("FormField", "The language a visit starts in."),
        QT_TRANSLATE_NOOP("FormField", "Languages"),
        QT_TRANSLATE_NOOP("FormField", "Languages offered."),
        QT_TRANSLATE_NOOP("FormField", "Seconds without input before 'Still there?'."),
        QT_TRANSLATE_NOOP("FormField", "Countdown seconds; WCAG 2.2.1 asks at least 20."),
        QT_TRANSLATE_NOOP("FormField", 'The background colour, like "#1A1A1A".'),
        QT_TRANSLATE_NOOP("FormField", 'The surface colour, like "#1A1A1A".'),
        QT_TRANSLATE_NOOP("FormField", 'The text colour, like "#1A1A1A".'),
        QT_TRANSLATE_NOOP("FormField", 'The muted colour, like "#1A1A1A".'),
        QT_TRANSLATE_NOOP("FormField", 'The accent colour, like "#1A1A1A".'),
        QT_TRANSLATE_NOOP("FormField", "The start screen's title."),
        QT_TRANSLATE_NOOP("FormField", "Headings and large choices."),
        QT_TRANSLATE_NOOP("FormField", "Reading text."),
        QT_TRANSLATE_NOOP("FormField", "Small print: sources, buttons."),
        QT_TRANSLATE_NOOP("FormField", "The casualty figures' numbers."),
        QT_TRANSLATE_NOOP("FormField", "Smallest side of main buttons, in millimetres."),
        QT_TRANSLATE_NOOP("FormField", "Smallest side of any button, in millimetres."),
        QT_TRANSLATE_NOOP("FormField", "Pixels per millimetre, or auto."),
        # The statement
        QT_TRANSLATE_NOOP("FormField", "Heading"),
        QT_TRANSLATE_NOOP("FormField", "The heading, e.g. STATEMENT."),
        QT_TRANSLATE_NOOP("FormField", "Subtitle"),
        QT_TRANSLATE_NOOP("FormField", "The line under the heading."),
        QT_TRANSLATE_NOOP("FormField", "Issuer"),
        QT_TRANSLATE_NOOP("FormField", "Who issued the statement."),
        QT_TRANSLATE_NOOP("FormField", "Date"),
        QT_TRANSLATE_NOOP("FormField", "The date of issue, as 2026-01-20."),
        QT_TRANSLATE_NOOP("FormField", "The date of issue as printed."),
        QT_TRANSLATE_NOOP("FormField", "Paragraphs"),
        QT_TRANSLATE_NOOP("FormField", "The paragraphs."),
        # A moment of the timeline
        QT_TRANSLATE_NOOP("FormField", "ID"),
        QT_TRANSLATE_NOOP("FormField", "A short unique name; also the rendered image's name."),
        QT_TRANSLATE_NOOP("FormField", "Year"),
        QT_TRANSLATE_NOOP("FormField", "The year on the timeline's rail."),
        QT_TRANSLATE_NOOP("FormField", "The date as shown."),
        QT_TRANSLATE_NOOP("FormField", "A short title, in the statement's words."),
        QT_TRANSLATE_NOOP("FormField", "Caption"),
        QT_TRANSLATE_NOOP("FormField", "A caption built only from the statement's words."),
        QT_TRANSLATE_NOOP("FormField", "Source"),
        QT_TRANSLATE_NOOP("FormField", "The statement's sentence this moment rests on, verbatim."),
        QT_TRANSLATE_NOOP("FormField", "A PNG, JPEG or WebP file in the content folder."),
        # A figure
        QT_TRANSLATE_NOOP("FormField", "A short unique name."),
        QT_TRANSLATE_NOOP("FormField", "Value"),
        QT_TRANSLATE_NOOP("FormField", "The number, as the statement gives it."),
        QT_TRANSLATE_NOOP("FormField", "Label"),
        QT_TRANSLATE_NOOP("FormField", "What the number counts, in the statement's words."),
        QT_TRANSLATE_NOOP("FormField", "The statement's sentence the number comes from."),
    }
)


def translated(text: str) -> str:
    """A generated label or description as shown, in the interface language."""
    return QCoreApplication.translate(CONTEXT, str(DISPLAY.get(text, text)))


def shown_field(field: FormField) -> FormField:
    """The field with its label and description as shown (key, kind and limits unchanged)."""
    return field._replace(
        label=translated(field.label),
        description=translated(field.description) if field.description else "",
    )
