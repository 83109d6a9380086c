"""The form's editors, one kind per FieldKind: each shows the document's value at its address
and sends every change as an intent, ``edited(address, value)`` (None removes the value).

An editor never changes the document itself: the window turns the intent into an undoable
command, and ``load`` shows the document's value again after an undo, keeping the cursor."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.languages import ENDONYMS, NAMED
from kiosk.editing.document import Address, ContentDocument
from kiosk.editing.outline import FieldKind, FormField
from kiosk.editing.words import guidance, word_count

INT_LIMIT = 2**31 - 1  # QSpinBox holds a C int; larger ranges take a double spin box


def language_name(code: str) -> str:
    """Each language in its own name ("Azərbaycan dili (az)"), as on the kiosk's switch:
    the same in every interface language, so an az or ru studio shows no English names."""
    name = ENDONYMS.get(code)
    return f"{name} ({code})" if name else code


def muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, and smaller, so it reads as quiet
    even where colours are not seen (its words say what it is, too)."""
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    return label


ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "advice": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class Notice(QWidget):
    """A finding or a warning beside a field: an icon and a word for its severity (never
    colour alone) and the message, wrapped."""

    def __init__(self, severity: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"Notice-{severity}")
        self.severity = severity
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(6)
        icon = QLabel(self)
        icon.setFixedSize(self.fontMetrics().height(), self.fontMetrics().height())
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setObjectName("NoticeText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.text.setMinimumWidth(60)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.icon = icon
        self.say(severity, message)

    def say(self, severity: str, message: str, language: str | None = None) -> None:
        """Show ``message`` after the word for its severity ("Error: ...", or "Error (az):
        ..." for one language of a text)."""
        self.severity = severity
        size = self.fontMetrics().height()
        pixmap = self.style().standardIcon(ICONS.get(severity, ICONS["advice"]))
        self.icon.setPixmap(pixmap.pixmap(QSize(size, size)))
        words = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        word = words.get(severity, self.tr("Advice"))
        self.text.setText(f"{word} ({language}): {message}" if language else f"{word}: {message}")
        self.message_only = message
        self.setAccessibleName(self.text.text())

    def message(self) -> str:
        return self.text.text()


class GrowingText(QPlainTextEdit):
    """A wrapped text box exactly as tall as its text (the form scrolls, not the box); Tab
    moves on to the next field instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(80)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        # Counted by laying the text out as the box does (QTextLayout, its text option, its
        # width less the margins): the box's own layout lays out only the
        # lines on screen, so its line count is unknown for a box not yet shown.
        document = self.document()
        margin = document.documentMargin()
        width = max(20.0, self.viewport().width() - 2 * margin)
        option = document.defaultTextOption()
        # An empty box is as tall as its placeholder ("No az translation yet"), wrapped.
        texts = [self.placeholderText()] if document.isEmpty() else []
        block = document.begin()
        while block.isValid() and not document.isEmpty():
            texts.append(block.text())
            block = block.next()
        lines = 0
        for text in texts or [""]:
            layout = QTextLayout(text, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                lines += 1
            layout.endLayout()
        spacing = self.fontMetrics().lineSpacing()
        height = max(1, lines) * spacing + round(2 * margin) + 2 * self.frameWidth() + 2
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def show_text(self, text: str) -> None:
        """Show ``text`` without sending it back as an edit, the cursor kept where it was."""
        if text == self.toPlainText():
            return
        cursor = self.textCursor()
        position = cursor.position()
        self.blockSignals(True)
        try:
            self.setPlainText(text)
        finally:
            self.blockSignals(False)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
        self.setTextCursor(cursor)
        self._fit()


def _wheel_only_when_focused(widget: QWidget, event: QWheelEvent) -> bool:
    """The wheel scrolls the form, not the value under the pointer on its way past; a
    value changes by the wheel only once its control has the focus."""
    if widget.hasFocus():
        return False
    event.ignore()  # handed on to the form, which scrolls
    return True


class _SpinBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_only_when_focused(self, event):
            super().wheelEvent(event)


class _DoubleSpinBox(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_only_when_focused(self, event):
            super().wheelEvent(event)


class _ComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_only_when_focused(self, event):
            super().wheelEvent(event)


class FieldEditor(QWidget):
    """One field's editor: ``edited(address, value)`` as the staff change it."""

    edited = Signal(object, object)

    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.address = address

    def load(self, document: ContentDocument) -> None:
        raise NotImplementedError

    def editors(self) -> list[tuple[Address, QWidget]]:
        """The focusable parts, each with the address it edits, in reading order."""
        raise NotImplementedError

    def shape(self, document: ContentDocument) -> object:
        """What, changed underneath, needs the editor built again (a paragraph added)."""
        return None

    def set_locked(self, locked: frozenset[Address]) -> None:
        """Make the texts at these addresses read-only (the sealed statement)."""

    def set_notes(self, notes: dict[Address, list[Notice]]) -> bool:
        """Place each notice beside the part it is about; False if none is here."""
        return False


class TextColumn(QObject):
    """One language of a text: its heading, the text box, the marker of an empty
    translation or the word count, and a warning when the text is long.  Its parts sit in
    the row's grid, so the boxes of all languages line up whatever their headings."""

    def __init__(
        self,
        field: FormField,
        address: Address,
        language: str,
        row: LanguageRow,
        position: int,
    ) -> None:
        super().__init__(row)
        self.field, self.address, self.language = field, address, language
        self.row = row
        self.locked = False
        self.malformed = False
        self.default = position == 0
        heading = language_name(language)
        if self.default:
            heading = self.tr("%1, default").replace("%1", heading)
        self.heading = QLabel(heading, row)
        self.heading.setObjectName("LanguageHeading")
        # Wrapped, so three languages side by side fit a narrow form (1366 pixels wide).
        self.heading.setWordWrap(True)
        self.box = GrowingText(row)
        self.box.setObjectName(f"Text-{language}")
        self.box.setAccessibleName(f"{field.label}, {language}")
        self.box.setAccessibleDescription(field.description)
        self.box.setToolTip(field.description)
        if self.default:
            self.box.setPlaceholderText(self.tr("No %1 text yet").replace("%1", language))
        else:
            self.box.setPlaceholderText(self.tr("No %1 translation yet").replace("%1", language))
        self.status = muted(QLabel(row))
        self.status.setObjectName("TextStatus")
        self.status.setWordWrap(True)
        # Under the whole row, not in the column: a long message in a narrow column would
        # cut its longest words.
        self.advice = Notice("warning", "", row)
        self.advice.setObjectName("WordAdvice")
        self.advice.hide()
        row.notes.addWidget(self.advice)
        # The headings share the grid's first row, so the boxes start level; each box's
        # count or empty marker sits right under it.
        below = QVBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.setSpacing(3)
        below.addWidget(self.box)
        below.addWidget(self.status)
        below.addStretch(1)
        row.grid.addWidget(self.heading, 0, position, Qt.AlignmentFlag.AlignBottom)
        row.grid.addLayout(below, 1, position)
        self.box.textChanged.connect(self._counted)

    def show_text(self, text: str) -> None:
        self.box.show_text(text)
        self._counted()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self._read_only()

    def set_malformed(self, malformed: bool) -> None:
        """The file holds something else than a text per language here (a plain text, a
        list): shown read-only, since an edit could only replace it unseen."""
        if malformed != self.malformed:
            self.malformed = malformed
            self._read_only()

    def _read_only(self) -> None:
        fixed = self.locked or self.malformed
        self.box.setReadOnly(fixed)
        # A text that cannot be typed in looks set apart (its words say why, too).
        palette = self.heading.palette()
        if fixed:
            palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.box.setPalette(palette)
        self._counted()

    def _counted(self) -> None:
        text = self.box.toPlainText()
        if not text:
            # Marked in words (and a hollow circle), never by colour alone.
            empty = (
                self.tr("Empty: no %1 text yet") if self.default else self.tr("Not translated yet")
            )
            self.status.setText("\u25cb " + empty.replace("%1", self.language))
        else:
            count = word_count(text)
            self.status.setText(
                self.tr("1 word") if count == 1 else self.tr("%1 words").replace("%1", str(count))
            )
        if self.locked:
            self.status.setText(self.status.text() + " · " + self.tr("Issued text — sealed"))
        if self.malformed:
            self.status.setText(
                self.tr("Not a text per language in the file: fix it there (see the findings)")
            )
        guide = self.field.word_guide
        note = None if self.locked or guide is None else guidance(text, guide)
        if note:
            self.advice.say("warning", note, self.language)
        self.advice.setVisible(bool(note))
        description = self.field.description
        if self.locked:
            description = self.tr("Issued text, sealed: %1").replace("%1", description)
        if not text:
            description = f"{self.status.text()[2:]}. {description}"
        self.box.setAccessibleDescription(description)


class LanguageRow(QWidget):
    """One text in every language of the exhibit, side by side (default language first)."""

    edited = Signal(object, object)

    def __init__(
        self,
        field: FormField,
        address: Address,
        languages: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(3)
        self.notes = QVBoxLayout()  # word advice and findings, each naming its language
        self.notes.setContentsMargins(0, 0, 0, 0)
        self.columns: list[TextColumn] = []
        for position, language in enumerate(languages):
            column = TextColumn(field, (*address, language), language, self, position)
            column.box.textChanged.connect(lambda column=column: self._typed(column))
            self.grid.setColumnStretch(position, 1)
            self.columns.append(column)
        self.grid.addLayout(self.notes, 2, 0, 1, max(1, len(languages)))

    def column_of(self, widget: QWidget) -> TextColumn | None:
        return next((column for column in self.columns if column.box is widget), None)

    def _typed(self, column: TextColumn) -> None:
        text = column.box.toPlainText()
        self.edited.emit(column.address, text if text else None)

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        for column in self.columns:
            text = value.get(column.language) if isinstance(value, dict) else None
            column.show_text(text if isinstance(text, str) else "")
            column.set_malformed(value is not None and not isinstance(value, dict))


class LocalizedEditor(FieldEditor):
    def __init__(
        self,
        field: FormField,
        address: Address,
        languages: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, address, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = [LanguageRow(field, address, languages, self)]
        self.rows[0].edited.connect(self.edited)
        layout.addWidget(self.rows[0])

    def load(self, document: ContentDocument) -> None:
        for row in self.rows:
            row.load(document)

    def columns(self) -> list[TextColumn]:
        return [column for row in self.rows for column in row.columns]

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(column.address, column.box) for column in self.columns()]

    def set_locked(self, locked: frozenset[Address]) -> None:
        for column in self.columns():
            column.set_locked(column.address in locked)

    def set_notes(self, notes: dict[Address, list[Notice]]) -> bool:
        placed = False
        for column in self.columns():
            for notice in notes.get(column.address, []):
                notice.say(notice.severity, notice.message_only, column.language)
                column.row.notes.addWidget(notice)
                placed = True
        return placed


class ParagraphsEditor(LocalizedEditor):
    """The statement's paragraphs, each in every language side by side."""

    def __init__(
        self,
        field: FormField,
        address: Address,
        languages: list[str],
        count: int,
        parent: QWidget | None = None,
    ) -> None:
        FieldEditor.__init__(self, field, address, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.rows = []
        for index in range(count):
            heading = QLabel(self.tr("Paragraph %1").replace("%1", str(index + 1)), self)
            heading.setObjectName("ParagraphHeading")
            font = QFont(heading.font())
            font.setBold(True)
            heading.setFont(font)
            row = LanguageRow(
                field._replace(label=heading.text()), (*address, index), languages, self
            )
            row.edited.connect(self.edited)
            layout.addWidget(heading)
            layout.addWidget(row)
            self.rows.append(row)

    def shape(self, document: ContentDocument) -> object:
        return document.length(self.address)


class LineEditor(FieldEditor):
    """A short text: an id, a date (YYYY-MM-DD), a colour with its swatch, a choice."""

    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(field, address, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setObjectName("Line")
        self.line.setAccessibleName(field.label)
        self.line.setAccessibleDescription(field.description)
        self.line.setToolTip(field.description)
        self.line.setMaximumWidth(420)
        if field.kind is FieldKind.DATE:
            self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.textEdited.connect(self._typed)
        layout.addWidget(self.line, 1)
        self.swatch: QLabel | None = None
        if field.kind is FieldKind.COLOUR:
            self.swatch = QLabel(self)
            self.swatch.setObjectName("Swatch")
            self.swatch.setFixedSize(QSize(72, self.line.sizeHint().height()))
            self.swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.swatch.setAutoFillBackground(True)
            # Framed: a colour close to the form's own still shows where its swatch is.
            self.swatch.setFrameShape(QFrame.Shape.Box)
            layout.addWidget(self.swatch)
        layout.addStretch(0)

    def _typed(self, text: str) -> None:
        self._paint(text)
        self.edited.emit(self.address, text if text else None)

    def _paint(self, text: str) -> None:
        if self.swatch is None:
            return
        colour = QColor(text)
        valid = colour.isValid() and text.startswith("#")
        palette = self.swatch.palette()
        palette.setColor(
            QPalette.ColorRole.Window,
            colour if valid else self.palette().color(QPalette.ColorRole.Window),
        )
        self.swatch.setPalette(palette)
        # Words, not only the colour: a swatch that cannot show says so.
        self.swatch.setText("" if valid else self.tr("no colour"))
        self.swatch.setAccessibleName(
            self.tr("%1 swatch").replace("%1", self.field.label)
            + ("" if valid else ", " + self.tr("no colour"))
        )

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        text = "" if value is None else str(value)
        if text != self.line.text():
            position = self.line.cursorPosition()
            self.line.setText(text)
            self.line.setCursorPosition(min(position, len(text)))
        self._paint(text)

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(self.address, self.line)]


class NumberEditor(FieldEditor):
    """A number in the spec's range; one step below the range is "Not set" (the key
    removed, the default or a finding follows)."""

    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(field, address, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        low = field.low if field.low is not None else 0.0
        high = field.high if field.high is not None else float(INT_LIMIT)
        self.whole = field.kind is FieldKind.INTEGER
        self.spin: QSpinBox | QDoubleSpinBox
        if self.whole and high <= INT_LIMIT and low - 1 >= -INT_LIMIT:
            self.spin = _SpinBox(self)
            self.spin.setRange(int(low) - 1, int(high))
        else:
            self.spin = _DoubleSpinBox(self)
            self.spin.setDecimals(0 if self.whole else 2)
            self.spin.setRange(low - 1, high)
        self.unset = self.spin.minimum()
        self.spin.setSpecialValueText(self.tr("Not set"))
        self.spin.setObjectName("Number")
        self.spin.setAccessibleName(field.label)
        inner = self.spin.lineEdit()  # focused when typing: a screen reader names it too
        if inner is not None:
            inner.setAccessibleName(field.label)
        self.spin.setAccessibleDescription(field.description)
        self.spin.setToolTip(field.description)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 14) + 40)
        self.spin.valueChanged.connect(self._changed)
        layout.addWidget(self.spin)
        layout.addStretch(1)
        self._loading = False

    def _changed(self, value: float) -> None:
        if self._loading:
            return
        if value == self.unset:
            self.edited.emit(self.address, None)
        elif self.whole or float(value).is_integer():
            self.edited.emit(self.address, int(value))
        else:
            self.edited.emit(self.address, round(float(value), self.spin_decimals()))

    def spin_decimals(self) -> int:
        return self.spin.decimals() if isinstance(self.spin, QDoubleSpinBox) else 0

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        self._loading = True
        try:
            if isinstance(value, bool) or not isinstance(value, int | float):
                # "auto" (pixels per millimetre) or nothing: shown in words at the unset step
                self.spin.setSpecialValueText(
                    value if isinstance(value, str) else self.tr("Not set")
                )
                self.spin.setValue(self.unset)  # type: ignore[arg-type]  # int for a QSpinBox
            elif isinstance(self.spin, QSpinBox):
                self.spin.setValue(int(value))
            else:
                self.spin.setValue(float(value))
        finally:
            self._loading = False

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(self.address, self.spin)]


class BooleanEditor(FieldEditor):
    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(field, address, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox(field.description or field.label, self)
        self.box.setObjectName("Check")
        self.box.setAccessibleName(field.label)
        self.box.setAccessibleDescription(field.description)
        self.box.toggled.connect(lambda on: self.edited.emit(self.address, bool(on)))
        layout.addWidget(self.box)
        layout.addStretch(1)

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address) is True
        if value != self.box.isChecked():
            self.box.blockSignals(True)
            self.box.setChecked(value)
            self.box.blockSignals(False)

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(self.address, self.box)]


class LanguageEditor(FieldEditor):
    """One of the languages the kiosk can offer."""

    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(field, address, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = _ComboBox(self)
        self.combo.setObjectName("Language")
        self.combo.setAccessibleName(field.label)
        self.combo.setAccessibleDescription(field.description)
        for code in NAMED:
            self.combo.addItem(language_name(code), code)
        self.combo.activated.connect(
            lambda index: self.edited.emit(self.address, self.combo.itemData(index))
        )
        layout.addWidget(self.combo)
        layout.addStretch(1)

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        code = value if isinstance(value, str) else ""
        index = self.combo.findData(code)
        if index < 0 and code:
            self.combo.addItem(language_name(code), code)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [(self.address, self.combo)]


class LanguagesEditor(FieldEditor):
    """The languages offered: one check box each, the order of the file kept."""

    def __init__(self, field: FormField, address: Address, parent: QWidget | None = None) -> None:
        super().__init__(field, address, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.current: list[str] = []
        self.boxes: dict[str, QCheckBox] = {}
        for code in NAMED:
            box = QCheckBox(language_name(code), self)
            box.setObjectName(f"Offer-{code}")
            box.setAccessibleName(f"{field.label}, {code}")
            box.setAccessibleDescription(field.description)
            box.toggled.connect(lambda on, code=code: self._toggled(code, on))
            layout.addWidget(box)
            self.boxes[code] = box
        layout.addStretch(1)

    def _toggled(self, code: str, on: bool) -> None:
        chosen = [c for c in self.current if c != code] + ([code] if on else [])
        self.current = chosen
        self.edited.emit(self.address, list(chosen))

    def load(self, document: ContentDocument) -> None:
        value = document.get(self.address)
        self.current = [c for c in value if isinstance(c, str)] if isinstance(value, list) else []
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in self.current)
            box.blockSignals(False)

    def editors(self) -> list[tuple[Address, QWidget]]:
        return [((*self.address, code), box) for code, box in self.boxes.items()]
