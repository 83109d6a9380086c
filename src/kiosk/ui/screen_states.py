"""The kiosk's named screen states, and one of them drawn into a picture: shared by
`kiosk render` (kiosk.render, which writes them to PNG) and the studio's live preview.

Qt is imported only inside the functions, so importing this (and kiosk.render) stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kiosk.content.model import Exhibit
    from kiosk.core.session import Access
    from kiosk.ui.application import Kiosk


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
        # Over the home screen, whatever state came before (the studio's preview shows
        # this state alone; `kiosk render` came here from the idle question, at home).
        session.go_home()
        window.close_layers()
        window.open_access_panel()

    states.append(("access", access_panel))
    return states


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
