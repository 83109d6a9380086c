"""The kiosk's one window: a stack of screens, the navigation bar and the overlays.

It shows what the controller (kiosk.core.kiosk) and its session hold and passes the
visitor's intents on; the rules themselves live in the controller."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Colours, Exhibit
from kiosk.core.kiosk import KioskController, KioskEvent
from kiosk.core.session import Screen
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.base import ScreenView
from kiosk.ui.theme import Metrics, compute_metrics, pixels_per_mm, style_sheet
from kiosk.ui.translations import LanguageNames, Translations

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea

    from kiosk.audio.settings import AudioSettings
    from kiosk.ui.keypad.navigation import KeypadNavigation
    from kiosk.ui.listen.desk import ListenDesk
    from kiosk.ui.screens.figures import FiguresScreen
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.statement import StatementScreen
    from kiosk.ui.screens.timeline import TimelineScreen
    from kiosk.ui.widgets.access_panel import AccessPanel
    from kiosk.ui.widgets.fade import FadeOverlay
    from kiosk.ui.widgets.idle_overlay import IdleOverlay
    from kiosk.ui.widgets.nav_bar import NavigationBar


class _Layers(NamedTuple):
    nav: NavigationBar
    fade: FadeOverlay
    idle_overlay: IdleOverlay
    access_panel: AccessPanel
    listen: ListenDesk


class Screens(NamedTuple):
    """The screens built after the first frame, each with its own type (``window.screens``
    maps every screen, the start screen too, to its view for what all views share)."""

    home: HomeScreen
    statement: StatementScreen
    timeline: TimelineScreen
    figures: FiguresScreen


class KioskWindow(QWidget):
    first_frame_shown = Signal()
    screens_ready = Signal()

    def __init__(self, controller: KioskController) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        exhibit = controller.exhibit
        default = exhibit.settings.default_language
        self.setWindowTitle(exhibit.settings.title.text(default, default))
        self.controller = controller
        session = controller.session
        self.metrics: Metrics | None = None
        # The station's audio settings (the runner's), taken when the layers are built.
        self.audio_settings: AudioSettings | None = None
        self._colours_applied: Colours | None = None

        self.stack = QStackedWidget(self)
        self.translations = Translations(self)
        self.pseudo = False
        # The navigation bar and the layers (fade, idle question, visitor's settings) are
        # not part of the start screen's first frame: built right after it, with the other
        # screens, or at once by whatever asks for them first.
        self._layers: _Layers | None = None
        self._kept_scroll_area: QScrollArea | None = None
        layout = self._layout = QVBoxLayout(self)
        # The display decides the window's size, never what it shows: content that needs more
        # room must give way inside.  A layout's minimum used to enlarge the window past the
        # screen's edge (taking Back and Home with it), and since the metrics follow the
        # window's size, the larger window grew again.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, 1)

        self.screens: dict[Screen, ScreenView] = {}
        self.built: Screens | None = None  # the typed views, once built
        self.attract = self._build_attract(exhibit)

        self.attract.first_painted.connect(self._on_first_paint)
        session.screen_changed.connect(self._show_screen)
        session.language_changed.connect(self._set_language)
        session.reset_done.connect(self._reset_screens)
        controller.happened.connect(self._follow)
        idle = controller.idle
        idle.warning_started.connect(self.show_idle_warning)
        idle.countdown.connect(self._count_down)
        idle.warning_cancelled.connect(self._dismiss_idle_warning)
        # Keys: made on first use (kiosk run: right after the first frame), so after the
        # window's own connections: the window has followed a new screen before the focus
        # moves there.
        self._keypad: KeypadNavigation | None = None

    @property
    def keypad(self) -> KeypadNavigation:
        """The keys' navigation, made on first use: it is no part of the first frame
        (kiosk.ui.application.Kiosk.start_input)."""
        if self._keypad is None:
            from kiosk.ui.keypad.navigation import KeypadNavigation  # noqa: PLC0415

            self._keypad = KeypadNavigation(self, self.controller)
            if self.metrics is not None and self._colours_applied is not None:
                self._keypad.apply_metrics(self.metrics.px(4), self._colours_applied.background)
        return self._keypad

    @property
    def exhibit(self) -> Exhibit:
        """The content shown (the controller's)."""
        return self.controller.exhibit

    def _follow(self, event: KioskEvent) -> None:
        if event is KioskEvent.LOOK_CHANGED:
            self._apply_access()
        elif event is KioskEvent.CONTENT_REPLACED:
            self._show_new_content()
        elif event is KioskEvent.VISIT_EXPIRING:
            self.close_layers()

    # -- building -------------------------------------------------------------------------

    @property
    def nav(self) -> NavigationBar:
        return self._built_layers().nav

    @property
    def fade(self) -> FadeOverlay:
        return self._built_layers().fade

    @property
    def idle_overlay(self) -> IdleOverlay:
        return self._built_layers().idle_overlay

    @property
    def access_panel(self) -> AccessPanel:
        return self._built_layers().access_panel

    @property
    def listen(self) -> ListenDesk:
        """Listening: the Listen control, the narrator, captions, self-voicing."""
        return self._built_layers().listen

    @property
    def layers_built(self) -> bool:
        """Whether the bar and the layers exist (asking for one builds them all)."""
        return self._layers is not None

    def _built_layers(self) -> _Layers:
        if self._layers is None:
            self._layers = self._build_layers()
        return self._layers

    def _build_layers(self) -> _Layers:
        # Imported here, not at the top: none of them is needed for the first frame.
        from kiosk.ui.listen.desk import ListenDesk  # noqa: PLC0415
        from kiosk.ui.widgets.access_panel import AccessPanel  # noqa: PLC0415
        from kiosk.ui.widgets.fade import FadeOverlay  # noqa: PLC0415
        from kiosk.ui.widgets.idle_overlay import IdleOverlay  # noqa: PLC0415
        from kiosk.ui.widgets.nav_bar import NavigationBar  # noqa: PLC0415

        session = self.controller.session
        nav = NavigationBar(self.controller.offered_languages(), self)
        nav.setVisible(session.screen is not Screen.ATTRACT)
        self._layout.addWidget(nav)
        nav.languages.chosen.connect(session.set_language)
        nav.back_requested.connect(session.back)
        nav.home_requested.connect(session.go_home)
        nav.access_button.clicked.connect(self.open_access_panel)
        colours = self.controller.colours()
        layers = _Layers(
            nav,
            FadeOverlay(self),
            IdleOverlay((colours.background, colours.accent), self),
            AccessPanel(self),
            ListenDesk(self, nav.listen_button, self.audio_settings),
        )
        layers.access_panel.chosen.connect(session.set_access)
        layers.idle_overlay.continue_button.clicked.connect(self.controller.idle.poke)
        if self.metrics is not None:
            nav.apply_metrics(self.metrics)
            layers.idle_overlay.apply_metrics(self.metrics)
            layers.listen.captions.set_look(colours.text, self.metrics.px(6))
        for layer in (layers.fade, layers.idle_overlay):
            layer.setGeometry(self.rect())
        nav.languages.set_current(session.language)
        if self.pseudo:  # the layers' words as every other widget's
            for part in (nav, layers.idle_overlay, layers.access_panel):
                part.retranslate()
        return layers

    def _count_down(self, seconds: int) -> None:
        self.idle_overlay.set_seconds(seconds)

    def _dismiss_idle_warning(self) -> None:
        if self._layers is not None:
            self._layers.idle_overlay.dismiss()

    def _build_attract(self, exhibit: Exhibit) -> AttractScreen:
        attract = AttractScreen(exhibit, self.controller.offered_languages())
        attract.pseudo = self.pseudo
        attract.set_motion(not self.controller.motion_reduced())
        attract.activated.connect(self.controller.session.go_home)
        attract.languages.chosen.connect(self.controller.begin_in)
        attract.access_button.clicked.connect(self.open_access_panel)
        self.screens[Screen.ATTRACT] = attract
        self.stack.addWidget(attract)
        return attract

    def _show_new_content(self) -> None:
        """The controller put new content in force (and started the visit over): every
        view is built anew from it."""
        exhibit = self.exhibit
        if self._layers is not None:
            self._layers.fade.finish_now()
        old_views = list(self.screens.values())
        if self.built is not None:
            # The Statement's scroll area outlives its screen: see StatementScreen.
            self._kept_scroll_area = self.built.statement.take_scroll_area()
            self.controller.session.timeline_index_changed.disconnect(
                self.built.timeline.show_moment
            )
        self.screens = {}
        self.built = None
        self.attract = self._build_attract(exhibit)
        self.stack.setCurrentWidget(self.attract)
        for view in old_views:
            self.stack.removeWidget(view)
            view.deleteLater()
        if self._layers is not None:
            colours = self.controller.colours()
            self._layers.idle_overlay.set_colours((colours.background, colours.accent))
            self._layers.nav.set_languages(self.controller.offered_languages())
            self._layers.nav.languages.chosen.connect(self.controller.session.set_language)
        self.metrics = None
        self._apply_metrics()
        self.build_remaining_screens()

    def _on_first_paint(self) -> None:
        self.first_frame_shown.emit()
        # Everything but the start screen is built once the visitor already sees something.
        QTimer.singleShot(0, self.build_remaining_screens)

    def build_remaining_screens(self) -> None:
        self._built_layers()
        if self.built is not None:
            return
        # Imported here, not at the top: only the start screen is needed for the first frame.
        from kiosk.ui.screens.figures import FiguresScreen  # noqa: PLC0415
        from kiosk.ui.screens.home import HomeScreen  # noqa: PLC0415
        from kiosk.ui.screens.statement import StatementScreen  # noqa: PLC0415
        from kiosk.ui.screens.timeline import TimelineScreen  # noqa: PLC0415

        exhibit, session = self.exhibit, self.controller.session
        home = HomeScreen(exhibit)
        home.chosen.connect(lambda name: session.open(Screen(name)))
        # The timeline shows the session's moment: one place, held by the session.
        timeline = TimelineScreen(exhibit, session)
        timeline.animate = not self.controller.motion_reduced()
        timeline.step_requested.connect(session.step_timeline)
        timeline.index_requested.connect(session.set_timeline_index)
        session.timeline_index_changed.connect(timeline.show_moment)
        typed = self.built = Screens(
            home=home,
            statement=StatementScreen(exhibit, scroll_area=self._kept_scroll_area),
            timeline=timeline,
            figures=FiguresScreen(exhibit),
        )
        built: dict[Screen, ScreenView] = {
            Screen.HOME: typed.home,
            Screen.STATEMENT: typed.statement,
            Screen.TIMELINE: typed.timeline,
            Screen.FIGURES: typed.figures,
        }
        self._kept_scroll_area = None  # the new Statement screen holds it now
        for screen, view in built.items():
            view.pseudo = self.pseudo
            view.set_language(self.controller.session.language)
            self.screens[screen] = view
            self.stack.addWidget(view)
        if self.metrics is not None:
            for view in built.values():
                view.apply_metrics(self.metrics)
        colour = exhibit.settings.colours.text
        self.nav.load_icons(colour)
        for view in built.values():
            view.load_icons(colour)
        self.screens_ready.emit()

    # -- layout ---------------------------------------------------------------------------

    def resizeEvent(self, event: object) -> None:
        self._apply_metrics()

    def _apply_metrics(self) -> None:
        density = pixels_per_mm(self.exhibit.settings, self.screen())
        access = self.controller.session.access
        metrics = compute_metrics(
            self.exhibit.settings, self.width(), self.height(), density, access.text_step
        )
        colours = self.controller.colours()
        if metrics != self.metrics or colours != self._colours_applied:
            self.metrics = metrics
            self._colours_applied = colours
            self.setStyleSheet(style_sheet(colours, metrics))
            if self._keypad is not None:
                self._keypad.apply_metrics(metrics.px(4), colours.background)
            if self._layers is not None:
                self._layers.nav.apply_metrics(metrics)
                self._layers.idle_overlay.apply_metrics(metrics)
                self._layers.listen.captions.set_look(colours.text, metrics.px(6))
            for view in self.screens.values():
                view.apply_metrics(metrics)
        if self._layers is not None:
            self._layers.idle_overlay.setGeometry(self.rect())
            self._layers.fade.setGeometry(self.rect())

    # -- reacting to the visit --------------------------------------------------------------

    def current_view(self) -> ScreenView:
        return self.screens[self.controller.session.screen]

    def _show_screen(self, name: str) -> None:
        screen = Screen(name)
        if screen not in self.screens:
            self.build_remaining_screens()
        moving = not self.controller.motion_reduced()
        if moving and self.isVisible():
            self.fade.fade_from_window(self)  # what was painted, not painted again
        self.stack.setCurrentWidget(self.screens[screen])
        self._mark_fallbacks()
        on_attract = screen is Screen.ATTRACT
        self.nav.setVisible(not on_attract)
        self.attract.set_motion(on_attract and moving)
        self.fade.raise_()
        self.idle_overlay.raise_()

    def use_pseudo_language(self) -> None:
        """Interface and content in the pseudo-language, for layout testing."""
        self.pseudo = True
        self.translations.use_pseudo()
        for view in self.screens.values():
            view.pseudo = True
        self._set_language(self.controller.session.language)

    def close_layers(self) -> None:
        """Hide the question and the visitor's settings panel (between rendered states)."""
        if self._layers is not None:
            self._layers.idle_overlay.hide()
            self._layers.access_panel.hide()

    def open_access_panel(self) -> None:
        if self.metrics is not None:
            self.access_panel.apply_metrics(self.metrics)
        self.access_panel.show_access(self.controller.session.access)
        self.access_panel.cover()

    def _apply_access(self) -> None:
        """Show the colours, motion and text size the controller resolved."""
        colours = self.controller.colours()
        if self._layers is not None:
            self._layers.access_panel.show_access(self.controller.session.access)
            self._layers.idle_overlay.set_colours((colours.background, colours.accent))
        self.attract.ambient.set_accent(colours.accent)
        self._apply_metrics()
        moving = not self.controller.motion_reduced()
        self.attract.set_motion(moving and self.controller.session.screen is Screen.ATTRACT)
        if self.built is not None:
            self.built.timeline.animate = moving
        for view in self.screens.values():
            view.apply_access(colours)
        if self.built is not None:  # icons exist once the other screens are built
            self.nav.load_icons(colours.text)

    def _set_language(self, language: str) -> None:
        self.translations.use(language)
        if self._layers is not None:
            for part in (self._layers.nav, self._layers.idle_overlay, self._layers.access_panel):
                part.retranslate()
        for view in self.screens.values():
            view.set_language(language)
        self._mark_fallbacks()

    def _mark_fallbacks(self) -> None:
        """Say so when staff have not translated what this screen shows."""
        if self._layers is None:
            return  # the bar that says it is built with the layers, from the session
        self.nav.languages.set_current(self.controller.session.language)
        fallback = sorted(self.current_view().fallbacks)
        self.nav.note.setText(LanguageNames().shown_in(fallback[0]) if fallback else "")
        self.nav.note.setVisible(bool(fallback))

    def show_idle_warning(self, seconds: int) -> None:
        self.idle_overlay.start(seconds, at_start=self.controller.session.screen is Screen.ATTRACT)
        self.idle_overlay.setGeometry(self.rect())
        self.idle_overlay.show()
        self.idle_overlay.raise_()

    def _reset_screens(self) -> None:
        for view in self.screens.values():
            view.reset()
