"""The yardstick for bench/startup.py: the least a PySide6 program can do to show the statement.

A bare QApplication with one word-wrapped, plain-text QLabel in a 1920x1080 window, showing the
same statement the kiosk ships.  It prints ``first-frame`` from its first paint and then quits,
exactly like ``kiosk run --exit-after-first-frame``, so the two can be timed the same way.

Run it with ``QT_QPA_PLATFORM=offscreen`` (bench/startup.py sets that) or on a real display.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# The plain-text copy of the statement: reading it costs a file read and two regexes, where
# content/statement.yaml would add a YAML parser the baseline has no other use for.
STATEMENT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed-statement.md"
WINDOW_SIZE = (1920, 1080)
FIRST_FRAME = "first-frame"


def statement_text(path: Path = STATEMENT) -> str:
    """The statement's paragraphs with the markdown heading and bold markers removed."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    text = text.replace("**", "")
    paragraphs = (block.strip() for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


class FirstFrameLabel(QLabel):
    """A QLabel that announces its first paint on stdout and then ends the event loop."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self._reported = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._reported:
            return
        self._reported = True
        # Flushed at once: the parent stops its clock when it reads this line.
        print(FIRST_FRAME, flush=True)
        # Quit from the event loop, not from inside paintEvent, so the paint completes.
        QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    """Show the statement until its first frame is painted; the exit code of the event loop."""
    app = QApplication(sys.argv[:1])
    label = FirstFrameLabel(statement_text())
    label.resize(*WINDOW_SIZE)
    label.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
