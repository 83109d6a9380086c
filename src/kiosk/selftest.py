"""``kiosk self-test``: does this installed kiosk (a PyInstaller bundle, a Debian package, a
wheel) have everything it needs?  For packagers and CI, on a machine with no display.

It validates the content as ``kiosk validate`` does (decoding every image in a child process
started the way a frozen bundle starts it), renders every screen and the fallback screen
offscreen, and checks that the bundled fonts, the qtawesome icons and the interface
translations load, and that the audio stack starts (decoder, espeak-ng, a tone played).
Any Qt warning on the way is a failure too.  Prints exactly one summary
line on stdout and the details of each failure on stderr, one per line; exits 0 or 1.

No Qt at module level: the command line imports this module before choosing Qt's platform.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kiosk import __version__
from kiosk.paths import default_content_dir, fonts_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType
    from PySide6.QtGui import QImage

    from kiosk.content.issues import Issue
    from kiosk.content.model import Exhibit

EXIT_OK, EXIT_FAILED = 0, 1
RENDER_SIZE = (1920, 1080)
ICON_SIZE = 64
TITLE_CHARS = 40
PREFIX = "kiosk self-test"

T = TypeVar("T")


class SelfTest:
    """The problems found so far, and what each check counted."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.problems: list[str] = []
        self.started = time.monotonic()

    def fail(self, problem: str) -> None:
        self.problems.append(" ".join(problem.split()))  # one line each, whatever it says

    def step(self, name: str, check: Callable[[], T]) -> T | None:
        """Run one check; anything it raises becomes a failure, never a traceback."""
        try:
            return check()
        except Exception as error:
            self.fail(f"{name}: unexpected {type(error).__name__}: {error}")
            return None

    def summary(self, facts: list[str]) -> str:
        elapsed = time.monotonic() - self.started
        if self.problems:
            more = len(self.problems) - 1
            return f"{PREFIX}: FAILED - {self.problems[0]}" + (f"; {more} more" if more else "")
        return f"{PREFIX}: ok - " + ", ".join(facts) + f" ({elapsed:.1f} s)"

    def report(self, facts: list[str]) -> int:
        for problem in self.problems:
            print(problem, file=sys.stderr)
        sys.stderr.flush()
        print(self.summary(facts), flush=True)
        return EXIT_FAILED if self.problems else EXIT_OK


class _LogProblems(logging.Handler):
    """Warnings and errors logged by the kiosk during the self-test are failures."""

    def __init__(self, test: SelfTest) -> None:
        super().__init__(logging.WARNING)
        self.test = test

    def emit(self, record: logging.LogRecord) -> None:
        self.test.fail(f"log: {record.name}: {record.getMessage()}")


def run_self_test(content: Path | None = None) -> int:
    """The ``kiosk self-test`` command: 0 when everything checked is in order, else 1."""
    # Before Qt is imported anywhere: no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest(content or default_content_dir())
    facts = [f"kiosk {__version__}"]
    root = logging.getLogger()
    handler = _LogProblems(test)
    root.addHandler(handler)
    saved_level = root.level
    root.setLevel(min(saved_level or logging.WARNING, logging.WARNING))
    try:
        modules = test.step("modules", lambda: _import_modules(test))
        if modules is not None:
            facts.append(f"{modules} modules")
        exhibit = test.step("content", lambda: _check_content(test, facts))
        test.step("store", lambda: _check_store(test, facts))
        test.step("qt", lambda: _qt_checks(test, facts, exhibit))
    except BaseException as error:
        test.fail(f"unexpected {type(error).__name__}: {error}")
    finally:
        root.removeHandler(handler)
        root.setLevel(saved_level)
    return test.report(facts)


# Fewer than this many kiosk modules found means the bundle's module listing is broken.
MIN_MODULES = 40


def _import_modules(test: SelfTest) -> int:
    """Import every kiosk module, as the commands staff run less often would (pack signing
    needs cryptography, the thorough checks fontTools): a bundle that left one of their
    libraries out fails here, not in front of staff."""
    import importlib  # noqa: PLC0415
    import pkgutil  # noqa: PLC0415

    import kiosk  # noqa: PLC0415

    names = [
        module.name
        for module in pkgutil.walk_packages(kiosk.__path__, prefix="kiosk.")
        if module.name != "kiosk.__main__"  # runs the command line
    ]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:  # any failure to import is the finding
            test.fail(f"module {name} does not import: {type(error).__name__}: {error}")
    if len(names) < MIN_MODULES:
        test.fail(f"only {len(names)} kiosk modules found; the bundle is incomplete")
    return len(names)


def _check_content(test: SelfTest, facts: list[str]) -> Exhibit | None:
    """The checks of ``kiosk validate`` (thorough: glyphs and decoding every image)."""
    from kiosk.content.issues import ContentError  # noqa: PLC0415
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415
    from kiosk.content.validate import validate_folder  # noqa: PLC0415

    folder = test.content
    if not folder.is_dir():
        test.fail(f"content: {folder} is not a folder")
        return None
    issues = validate_folder(folder)
    errors = [issue for issue in issues if issue.severity == "error"]
    for issue in errors:
        test.fail(f"content: {_in_full(folder, issue)}")
    if errors:
        return None
    try:
        exhibit = load_exhibit(folder)  # as `kiosk run` loads it
    except ContentError as error:
        for issue in error.issues:
            test.fail(f"content: {_in_full(folder, issue)}")
        return None
    settings = exhibit.settings
    title = settings.title.text(settings.default_language, settings.default_language)
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    warnings = len(issues) - len(errors)
    noted = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
    facts.append(f"content '{title}' valid{noted}")
    return exhibit


def _check_store(test: SelfTest, facts: list[str]) -> None:
    """Every installed content version still holds exactly what its pack's manifest lists,
    and a signed one's manifest is still the one its (still trusted) signer signed: an edit
    of the store after an install is a failure, even where the kiosk would show an intact
    version instead.  A station whose trust cannot be known is a failure too."""
    from kiosk.packs.errors import PackError  # noqa: PLC0415
    from kiosk.packs.integrity import IntegrityChecker, signature_problem  # noqa: PLC0415
    from kiosk.packs.keys import PublicKey, station_keys  # noqa: PLC0415
    from kiosk.packs.store import ContentStore  # noqa: PLC0415

    keys: list[PublicKey] = []
    try:
        keys = station_keys()
    except PackError as error:
        test.fail(f"trust: {error}".replace("\n", " "))
    store = ContentStore.default()
    versions = store.versions()
    if not versions:
        return  # nothing installed: the bundled content, checked above
    checker = IntegrityChecker()
    altered = 0
    for version in versions:
        problem = checker.problem(store.root, version.id) or signature_problem(
            store.root, version.id, version.signer, keys
        )
        if problem is not None:
            altered += 1
            test.fail(f"content store: {problem}")
    if not altered:
        count = len(versions)
        facts.append(f"{count} installed version{'s' if count != 1 else ''} intact")


def _in_full(folder: Path, issue: Issue) -> Issue:
    """The finding with its file's full path: findings name files relative to the folder."""
    location = issue.location._replace(path=str(folder / issue.location.path))
    return issue._replace(location=location)


def _qt_checks(test: SelfTest, facts: list[str], exhibit: Exhibit | None) -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qVersion  # noqa: PLC0415

    from kiosk.ui.qt_messages import IGNORED  # noqa: PLC0415

    def on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message in IGNORED:
            return
        test.fail(f"Qt: {message}")
        if kind == QtMsgType.QtFatalMsg:  # Qt aborts next: report while we still can
            os._exit(test.report(facts))

    previous = qInstallMessageHandler(on_qt_message)
    try:
        from kiosk.ui.application import create_application  # noqa: PLC0415

        create_application()
        facts[0] += f" on Qt {qVersion()}"
        if exhibit is not None:
            rendered = test.step("render", lambda: _render(test, exhibit))
            if rendered is not None:
                facts.append(f"{rendered} screens rendered")
        if test.step("fallback", lambda: _fallback(test)):
            facts.append("fallback and image decoder ok")
        checks: list[tuple[str, Callable[[SelfTest], int]]] = [
            ("fonts", _fonts),
            ("icons", _icons),
            ("translations", _translations),
        ]
        for name, check in checks:
            count = test.step(name, partial(check, test))
            if count is not None:
                facts.append(f"{count} {name}")
        audio = test.step("audio", partial(_audio, test))
        if audio is not None:
            facts.append(audio)
    finally:
        qInstallMessageHandler(previous)


def _audio(test: SelfTest) -> str:
    """The audio stack: Qt's decoder, espeak-ng in each language, and a tone and an
    utterance played to the sound output when there is one (kiosk.audio.selfcheck)."""
    from kiosk.audio.selfcheck import check_audio  # noqa: PLC0415

    return check_audio(test.fail)


def _blank(image: QImage) -> bool:
    """True when every pixel has the same colour (or there are none)."""
    from PySide6.QtGui import QImage  # noqa: PLC0415

    if image.isNull():
        return True
    converted = image.convertToFormat(QImage.Format.Format_ARGB32)  # alive while read
    pixels = bytes(converted.constBits())
    return pixels == pixels[:4] * (len(pixels) // 4)


def _render(test: SelfTest, exhibit: Exhibit) -> int:
    from PySide6.QtGui import QImage  # noqa: PLC0415

    from kiosk.render import render_all  # noqa: PLC0415

    width, height = RENDER_SIZE
    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as scratch:
        written = render_all(exhibit, Path(scratch), [RENDER_SIZE])
        for path in written:
            image = QImage(str(path))
            if image.isNull():
                test.fail(f"render: {path.stem}: the image could not be read back")
            elif (image.width(), image.height()) != (width, height):
                size = f"{image.width()}x{image.height()}"
                test.fail(f"render: {path.stem}: {size}, not {width}x{height}")
            elif _blank(image):
                test.fail(f"render: {path.stem}: the screen is blank")
    if not written:
        test.fail("render: no screens were rendered")
    return len(written)


def _fallback(test: SelfTest) -> bool:
    """The fallback screen paints; its picture also goes through the image decoder."""
    from kiosk.ui.fallback import fallback_image  # noqa: PLC0415

    image = fallback_image(RENDER_SIZE)
    if _blank(image):
        test.fail("fallback: the fallback screen is blank")
        return False
    return _decoder(test, image)


def _decoder(test: SelfTest, image: QImage) -> bool:
    """The content checks' image decoder starts as a child process, as this installation
    starts it (a frozen bundle runs itself), and decodes a picture."""
    from kiosk.content.checks import NoDecoderError, decode_images  # noqa: PLC0415
    from kiosk.paths import kiosk_command  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="kiosk-self-test-") as scratch:
        path = Path(scratch) / "fallback.png"
        if not image.save(str(path)):
            test.fail(f"image decoder: cannot write {path}")
            return False
        try:
            verdicts = decode_images([path])
        except NoDecoderError as error:
            test.fail(f"image decoder: {error}")
            return False
    command = " ".join(kiosk_command("image-probe"))
    if verdicts is None:
        test.fail(f"image decoder: `{command}` took too long")
    elif verdicts.get(str(path)) is None:
        test.fail(f"image decoder: `{command}` gave no verdict (did it start?)")
    elif verdicts[str(path)]:
        test.fail(f"image decoder: a PNG did not decode: {verdicts[str(path)]}")
    else:
        return True
    return False


def _fonts(test: SelfTest) -> int:
    """The bundled font files are there and the families the theme asks for resolve."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo  # noqa: PLC0415

    from kiosk.ui.theme import SANS, SERIF  # noqa: PLC0415

    files = sorted(fonts_dir().glob("*.ttf"))
    if not files:
        test.fail(f"fonts: no bundled fonts in {fonts_dir()}")
    families = set(QFontDatabase.families())
    for family in (SANS, SERIF):
        if family not in families:
            test.fail(f"fonts: '{family}' is not loaded (looked in {fonts_dir()})")
        elif QFontInfo(QFont(family)).family() != family:
            test.fail(f"fonts: '{family}' resolves to '{QFontInfo(QFont(family)).family()}'")
    return len(files)


def _icons(test: SelfTest) -> int:
    """Every icon the interface uses draws something."""
    from kiosk.ui import icons  # noqa: PLC0415

    names = sorted(
        value
        for key, value in vars(icons).items()
        if key.isupper() and isinstance(value, str) and "." in value
    )
    if not names:
        test.fail("icons: no icon names found in kiosk.ui.icons")
    for name in names:
        try:
            pixmap = icons.icon(name, "#FFFFFF").pixmap(ICON_SIZE, ICON_SIZE)
        except Exception as error:
            test.fail(f"icons: '{name}' does not load: {error}")
            continue
        if pixmap.isNull() or _blank(pixmap.toImage()):
            test.fail(f"icons: '{name}' draws nothing")
    return len(names)


def _translations(test: SelfTest) -> int:
    """Each interface language's compiled translations load and hold messages."""
    from PySide6.QtCore import QTranslator  # noqa: PLC0415

    from kiosk.ui.translations import (  # noqa: PLC0415
        INTERFACE_LANGUAGES,
        SOURCE_LANGUAGE,
        qm_path,
    )

    loaded = 0
    for language in INTERFACE_LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        path = qm_path(language)
        translator = QTranslator()
        if not translator.load(str(path)):
            test.fail(f"translations: {path} does not load")
        elif translator.isEmpty():
            test.fail(f"translations: {path} holds no messages")
        else:
            loaded += 1
    return loaded
