"""Offscreen rendering of every screen state to PNG, for proofing and for tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.model import Exhibit

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kiosk.core.session import Access
    from kiosk.ui.application import Kiosk


def ensure_offscreen() -> None:
    """Rendering needs no display: use Qt's offscreen platform unless one was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def screen_states(
    kiosk: object, language: str | None = None, access: Access | None = None
) -> list[tuple[str, Callable[[], None]]]:
    """Each named state with the action that brings the kiosk into it, in ``language``
    (default: the exhibit's default language)."""
    from kiosk.core.session import Screen  # noqa: PLC0415 - Qt only when rendering
    from kiosk.ui.application import Kiosk  # noqa: PLC0415

    assert isinstance(kiosk, Kiosk)
    session, window = kiosk.session, kiosk.window

    def statement_end() -> None:
        session.open(Screen.STATEMENT)
        assert window.built is not None  # opening a screen builds them all
        window.built.statement.scroll_to_end()

    def attract() -> None:
        session.reset()
        if language is not None:
            session.set_language(language)
        if access is not None:
            session.set_access(access)

    states: list[tuple[str, Callable[[], None]]] = [
        ("attract", attract),
        ("home", session.go_home),
        ("statement-top", lambda: session.open(Screen.STATEMENT)),
        ("statement-end", statement_end),
    ]
    for index, moment in enumerate(window.exhibit.timeline):

        def show_moment(index: int = index) -> None:
            session.go_home()
            session.open(Screen.TIMELINE)
            session.set_timeline_index(index)
            assert window.built is not None
            window.built.timeline.pictures.settle()

        states.append((f"timeline-{moment.id}", show_moment))

    def figures() -> None:
        session.go_home()
        session.open(Screen.FIGURES)

    states.append(("figures", figures))

    def idle_warning() -> None:
        session.go_home()
        window.show_idle_warning(round(window.exhibit.settings.idle_warning_s))

    states.append(("idle-warning", idle_warning))

    def access_panel() -> None:
        window.close_layers()
        window.open_access_panel()

    states.append(("access", access_panel))
    return states


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


def hidden_kiosk(app: QApplication, exhibit: Exhibit, size: tuple[int, int]) -> Kiosk:
    """A kiosk drawn only off screen, at ``size``, without motion, every screen built:
    what ``kiosk render`` draws (and the studio's preview, so both show the same pixels)."""
    from PySide6.QtCore import QCoreApplication, Qt  # noqa: PLC0415

    from kiosk.ui.application import build_kiosk  # noqa: PLC0415

    kiosk = build_kiosk(app, exhibit, reduced_motion=True)
    window = kiosk.window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*size)
    window.show()
    window.build_remaining_screens()
    QCoreApplication.processEvents()
    return kiosk


def grab_state(kiosk: Kiosk, action: Callable[[], None]) -> QImage:
    """The window's picture once ``action`` (one of ``screen_states``') has brought the
    kiosk into its state, with the layers of the state before closed."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    kiosk.window.close_layers()
    action()
    QCoreApplication.processEvents()
    return kiosk.window.grab().toImage()


def render_state(kiosk: Kiosk, name: str, language: str | None = None) -> QImage:
    """The state called ``name`` alone, as ``render_all`` draws it: the visit started over
    in ``language`` first (the start screen's action), so no earlier state shows through.
    KeyError when the exhibit has no state of that name (a moment's id that is gone)."""
    states = dict(screen_states(kiosk, language))
    action = states[name]
    states["attract"]()
    return grab_state(kiosk, action)


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
