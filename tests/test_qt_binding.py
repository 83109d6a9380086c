"""Guards against Qt binding regressions that would stop a kiosk that runs for months.

PySide6 6.12.0 under Python 3.11 drops a reference to None on every call of a method that
returns nothing; the ambient light's painting made the interpreter abort ("deallocating
None") after about 35 seconds.  On Python 3.12 and newer None is immortal and the bug cannot
show, so there the check has nothing to measure.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QRadialGradient

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

CALLS = 200  # six calls each: enough to see, too few to abort a broken binding


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qapp: QApplication) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    colour = QColor(10, 20, 30)
    pen = QPen(colour, 1.0)
    gradient = QRadialGradient(QPointF(8, 8), 8.0)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour.setAlphaF(0.5)
        pen.setColor(colour)
        gradient.setColorAt(0.0, colour)
        painter.setPen(pen)
        painter.drawArc(QRectF(0, 0, 10, 10), 0, 360 * 16)
    painter.end()
    lost = before - sys.getrefcount(None)
    # A healthy binding loses nothing; the broken one loses one reference per call.
    assert lost < CALLS // 10
