"""Offscreen rendering of every screen state to PNG, for proofing and for tests."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.model import Exhibit

# The named states and the drawing of one live with the widgets (the studio's preview draws
# them too); their names stay importable from here, as `kiosk render`'s.
from kiosk.ui.screen_states import grab_state, hidden_kiosk, render_state, screen_states

__all__ = [
    "contact_sheet",
    "contact_sheets",
    "ensure_offscreen",
    "grab_state",
    "hidden_kiosk",
    "render_all",
    "render_state",
    "screen_states",
]


def ensure_offscreen() -> None:
    """Rendering needs no display: use Qt's offscreen platform unless one was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render_all(
    exhibit: Exhibit,
    out_dir: Path,
    sizes: list[tuple[int, int]],
    language: str | None = None,
    *,
    pseudo: bool = False,
) -> list[Path]:
    """Render every state at every size; one sub-folder per size when several are given."""
    ensure_offscreen()
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from kiosk.ui.application import create_application  # noqa: PLC0415

    app = create_application()
    written: list[Path] = []
    for width, height in sizes:
        folder = out_dir / f"{width}x{height}" if len(sizes) > 1 else out_dir
        folder.mkdir(parents=True, exist_ok=True)
        kiosk = hidden_kiosk(app, exhibit, (width, height))
        if pseudo:
            kiosk.window.use_pseudo_language()
            QCoreApplication.processEvents()
        for name, action in screen_states(kiosk, language):
            path = folder / f"{name}.png"
            if not grab_state(kiosk, action).save(str(path)):
                raise OSError(f"cannot write {path}")
            written.append(path)
        kiosk.close()
        QCoreApplication.processEvents()
    return written


def contact_sheets(written: list[Path], sheet: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    """One sheet per size: ``sheet`` itself for one size, ``<stem>-WxH.png`` for several."""
    if len(sizes) == 1:
        return [contact_sheet(written, sheet)]
    sheets = []
    for width, height in sizes:
        images = [path for path in written if path.parent.name == f"{width}x{height}"]
        target = sheet.with_name(f"{sheet.stem}-{width}x{height}{sheet.suffix}")
        sheets.append(contact_sheet(images, target, columns=4 if width >= height else 5))
    return sheets


def contact_sheet(
    images: list[Path], out_file: Path, columns: int = 4, cell_width: int = 640
) -> Path:
    """One image with every screen side by side, for proofing at a glance."""
    ensure_offscreen()
    from PySide6.QtCore import QRect, Qt  # noqa: PLC0415
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415

    from kiosk.ui.application import create_application  # noqa: PLC0415

    create_application()
    loaded = [QImage(str(path)) for path in images]
    if not loaded:
        raise OSError("no images to put on a contact sheet")
    first = loaded[0]
    cell_height = round(cell_width * first.height() / max(1, first.width()))
    label_height = 28
    rows = (len(loaded) + columns - 1) // columns
    sheet = QImage(
        columns * cell_width, rows * (cell_height + label_height), QImage.Format.Format_RGB32
    )
    sheet.fill(QColor("#303030"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for index, (path, image) in enumerate(zip(images, loaded, strict=True)):
        x = (index % columns) * cell_width
        y = (index // columns) * (cell_height + label_height)
        painter.drawImage(QRect(x, y, cell_width, cell_height), image)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(
            QRect(x, y + cell_height, cell_width, label_height),
            Qt.AlignmentFlag.AlignCenter,
            path.stem,
        )
    painter.end()
    out_file.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(out_file)):
        raise OSError(f"cannot write {out_file}")
    return out_file
