"""Checks across a whole exhibit, after each file has been read: order, assets, contrast,
translations, label length, quotations, and (thorough) glyphs and image decoding."""

from __future__ import annotations

import errno
import stat
from functools import cache
from pathlib import Path

from kiosk.content import images, walk
from kiosk.content.colour import contrast_ratio
from kiosk.content.fidelity import figure_values, invented_words
from kiosk.content.issues import Issue, Location, Severity, named, shown
from kiosk.content.languages import english_name
from kiosk.content.legibility import long_words
from kiosk.content.model import AssetRef, Exhibit, LocalizedText, Recording, Statement
from kiosk.content.seal import check_seal
from kiosk.content.words import normalise

MIN_CONTRAST = 4.5  # WCAG 2 AA for body text
MAX_LABEL_WORDS = 70  # exhibit-label guidance: 50-70 words
# The decoder's time limit: a fixed start-up allowance plus a share for each image, so a
# large exhibit is not refused as a whole for taking longer than a small one (200 pictures
# of 12 MP take about 40 s on the CI machine).
PROBE_TIMEOUT_S = 30
PROBE_TIMEOUT_PER_IMAGE_S = 2
# Characters read comparing sources with the statement: at most about a tenth of a second
# (a real exhibit uses well under a thousandth of it).
QUOTATION_SEARCH_BUDGET = 200_000_000
LOOP = "is a symbolic link that loops back on itself"


def check_exhibit(
    exhibit: Exhibit, folder: Path, *, thorough: bool = False, only_thorough: bool = False
) -> list[Issue]:
    """Findings about the exhibit as a whole.

    The quick checks run whenever content is loaded; ``thorough`` adds the glyph check and
    decoding every image (slower: staff tools and installs run them before content goes
    live); ``only_thorough`` returns just those, for a caller that already has the rest.
    """
    assets, asset_issues = _assets(exhibit, folder)
    recordings, recording_issues = _recordings(exhibit, folder)
    issues: list[Issue] = []
    if not only_thorough:
        seal_issues, sealed = check_seal(exhibit.statement, folder)
        issues = _timeline_order(exhibit) + _contrast(exhibit) + seal_issues
        issues += _quotations(exhibit, sealed) + figure_values(exhibit) + invented_words(exhibit)
        issues += _label_lengths(exhibit) + _translations(exhibit) + long_words(exhibit)
        issues += asset_issues + recording_issues
    if thorough or only_thorough:
        issues += _glyphs(exhibit) + _decoding(assets)
        if recordings:
            from kiosk.content.narration import decoding  # noqa: PLC0415 - see _recordings

            issues += decoding(recordings)
    return issues


def _recordings(exhibit: Exhibit, folder: Path) -> tuple[list[tuple[Recording, Path]], list[Issue]]:
    """narration.yaml's checks; its module is imported only for a folder that has one, so
    the kiosk's start pays nothing for recordings it does not have."""
    if exhibit.narration is None:
        return [], []
    from kiosk.content.narration import check_narration  # noqa: PLC0415

    return check_narration(exhibit, folder)


def _timeline_order(exhibit: Exhibit) -> list[Issue]:
    issues = []
    for before, after in zip(exhibit.timeline, exhibit.timeline[1:], strict=False):
        if after.year < before.year:
            issues.append(
                Issue(
                    "error",
                    after.title.location,
                    f"moment '{named(after.id)}' ({after.year}) comes after {before.year}; "
                    "list moments in order of their year",
                )
            )
    return issues


def _contrast(exhibit: Exhibit) -> list[Issue]:
    colours = exhibit.settings.colours
    pairs = [
        ("text", colours.text, "background", colours.background),
        ("muted", colours.muted, "background", colours.background),
        ("accent", colours.accent, "background", colours.background),
        ("text", colours.text, "surface", colours.surface),
        ("muted", colours.muted, "surface", colours.surface),
    ]
    issues = []
    where = colours.location
    for name, front, ground_name, ground in pairs:
        ratio = contrast_ratio(front, ground)
        if ratio < MIN_CONTRAST:
            issues.append(
                Issue(
                    "error",
                    where,
                    f"{name} {front} on {ground_name} {ground} has contrast {ratio:.2f}:1; "
                    f"text needs at least {MIN_CONTRAST}:1 (WCAG AA)",
                )
            )
    return issues


def _statement_text(exhibit: Exhibit, language: str) -> str:
    return normalise(" ".join(p.values.get(language, "") for p in exhibit.statement.paragraphs))


def _quotations(exhibit: Exhibit, sealed: frozenset[str] = frozenset()) -> list[Issue]:
    """Each source should quote the statement exactly (its words: typography aside), in the
    same language: an error where that language version is sealed, else a warning.

    Each search reads the whole statement: a real one is a few thousand characters, but
    hostile content (a statement and thousands of sources of megabytes) could make this
    take seconds, so the characters searched have a budget; past it, one warning says
    which sources were not checked.
    """
    issues: list[Issue] = []
    sources = [(m.source, f"moment '{named(m.id)}'") for m in exhibit.timeline]
    sources += [(f.source, f"figure '{named(f.id)}'") for f in exhibit.figures]
    statements: dict[str, str] = {}  # joined once per language, not once per source
    verdicts: dict[tuple[str, str], bool] = {}  # the same quotation is searched once
    budget = QUOTATION_SEARCH_BUDGET
    for source, owner in sources:
        for language, text in source.values.items():
            if language not in statements:
                statements[language] = _statement_text(exhibit, language)
            key = (language, text)
            if key not in verdicts:
                budget -= len(statements[language]) + len(text)
                if budget < 0:
                    return [*issues, _quotations_unchecked(source.location, owner)]
                verdicts[key] = normalise(text) in statements[language]
            if not verdicts[key]:
                severity: Severity = "error" if language in sealed else "warning"
                issues.append(
                    Issue(
                        severity,
                        source.location,
                        f"the {language} source of {owner} is not found word for word in "
                        "the statement",
                    )
                )
    return issues


def _quotations_unchecked(location: Location, owner: str) -> Issue:
    return Issue(
        "warning",
        location,
        f"the sources from {owner} on were not compared with the statement: together they "
        "are too long to check",
    )


def _label_lengths(exhibit: Exhibit) -> list[Issue]:
    issues = []
    for moment in exhibit.timeline:
        for language, text in moment.caption.values.items():
            words = len(text.split())
            if words > MAX_LABEL_WORDS:
                issues.append(
                    Issue(
                        "warning",
                        moment.caption.location,
                        f"the {language} caption of '{named(moment.id)}' has {words} words; "
                        f"visitors read labels of at most {MAX_LABEL_WORDS}",
                    )
                )
    return issues


def _translated_texts(exhibit: Exhibit) -> list[LocalizedText]:
    """Texts staff translate: every text but the statement's, which stays as issued."""
    return walk.texts(exhibit, skip=(Statement,))


def _translations(exhibit: Exhibit) -> list[Issue]:
    """One warning per language that staff have not (fully) translated yet."""
    settings = exhibit.settings
    texts = _translated_texts(exhibit)
    issues = []
    default = settings.default_language
    for language in settings.languages:
        missing = [text for text in texts if language not in text.values]
        if missing and language != default:  # a text without the default is an error
            issues.append(
                Issue(
                    "warning",
                    missing[0].location,
                    f"{len(missing)} of {len(texts)} texts have no '{language}' version "
                    f"({_named(language)}the first is here); visitors choosing it read "
                    f"{english_name(default)}, marked",
                )
            )
    return issues


def _named(language: str) -> str:
    name = english_name(language)
    return f"{name}; " if name != language else ""


def _assets(exhibit: Exhibit, folder: Path) -> tuple[list[tuple[AssetRef, Path]], list[Issue]]:
    """Each asset exists inside the folder, is a regular file, and is an acceptable image."""
    root = folder.resolve()
    found: list[tuple[AssetRef, Path]] = []
    issues: list[Issue] = []
    for ref in walk.assets(exhibit):
        resolved, problem = _locate(folder / ref.path, root)
        problem = problem or images.problem_with(resolved)
        if problem:
            issues.append(_asset_error(ref, f"'{shown(ref.path)}' {problem}"))
            continue
        advice = images.advice_on(resolved)
        if advice:
            issues.append(Issue("warning", ref.location, f"'{shown(ref.path)}' {advice}"))
        found.append((ref, resolved))
    return found, issues


def _locate(path: Path, root: Path, *, kind: str = "an image file") -> tuple[Path, str | None]:
    """The regular file an asset path leads to, or why it cannot be used (``kind``: what it
    should be, for the message about a folder).

    resolve() follows symlinks, so a link leading out of the folder is caught here, before
    anything is opened; nothing the file system says (loops, over-long names) escapes.
    """
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(root):
            return resolved, "leads outside the content folder"
        mode = resolved.stat().st_mode
    except RuntimeError:  # Python 3.11 reports a symbolic link loop so
        return path, LOOP
    except OSError as error:
        return path, _os_problem(error)
    if stat.S_ISREG(mode):
        return resolved, None
    if stat.S_ISDIR(mode):
        return resolved, f"is a folder, not {kind}"
    return resolved, "is not a regular file (a device or a pipe)"


def _os_problem(error: OSError) -> str:
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return "does not exist in the content folder"
    if error.errno == errno.ELOOP:
        return LOOP
    return f"cannot be opened: {error.strerror or error}"


def _asset_error(ref: AssetRef, message: str) -> Issue:
    return Issue("error", ref.location, message)


@cache
def _font_coverage() -> frozenset[int]:
    """Code points that every bundled font can draw (each screen uses several of them)."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - only thorough checks need it

    from kiosk.paths import fonts_dir  # noqa: PLC0415

    coverage: frozenset[int] | None = None
    for path in sorted(fonts_dir().glob("*.ttf")):
        font = TTFont(str(path), lazy=True)
        points = frozenset(font.getBestCmap())
        font.close()
        coverage = points if coverage is None else coverage & points
    return coverage or frozenset()


def _glyphs(exhibit: Exhibit) -> list[Issue]:
    covered = _font_coverage()
    issues = []
    for text in walk.texts(exhibit):
        for language, value in text.values.items():
            missing = sorted({ch for ch in value if not ch.isspace() and ord(ch) not in covered})
            if missing:
                shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:8])
                issues.append(
                    Issue(
                        "error",
                        text.location,
                        f"the {language} text has characters the bundled fonts cannot "
                        f"show: {shown}",
                    )
                )
    return issues


def _decoding(assets: list[tuple[AssetRef, Path]]) -> list[Issue]:
    """Decode every image in a separate process: a decoder crash must not take us down."""
    if not assets:
        return []
    try:
        verdicts = decode_images([path for _, path in assets])
    except NoDecoderError:
        # The staff's tools run without Qt too (an editing machine, CI): say what was not
        # checked instead of blaming pictures the kiosk itself will decode at install.
        return [
            Issue(
                "warning",
                ref.location,
                f"'{shown(ref.path)}' was not decoded: this machine has no image decoder "
                "(Qt); the kiosk checks it when the pack is installed",
            )
            for ref, _ in assets
        ]
    if verdicts is None:
        return [
            _asset_error(ref, f"'{shown(ref.path)}' took too long to decode") for ref, _ in assets
        ]
    issues = []
    for ref, path in assets:
        verdict = verdicts.get(str(path))
        if verdict is None:
            issues.append(_asset_error(ref, f"'{shown(ref.path)}' made the image decoder fail"))
        elif verdict:
            issues.append(_asset_error(ref, f"'{shown(ref.path)}' cannot be decoded: {verdict}"))
    return issues


def decode_images(paths: list[Path]) -> dict[str, str] | None:
    """Path -> "" when it decoded, else the decoder's complaint, from a child process;
    paths missing from the result made the decoder fail; None when it took too long.
    Raises ``NoDecoderError`` when this machine has no decoder at all."""
    import os  # noqa: PLC0415 - only staff tools decode; the kiosk's start-up does not
    import subprocess  # noqa: PLC0415

    from kiosk.paths import kiosk_command  # noqa: PLC0415

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The hidden `kiosk image-probe` runs kiosk.ui.image_probe, also from a frozen bundle.
    command = kiosk_command("image-probe", *(str(path) for path in paths))
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=env,
            timeout=probe_timeout(len(paths)),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode == NO_DECODER_EXIT and not result.stdout:
        raise NoDecoderError(result.stderr.strip())
    return _probe_verdicts(result.stdout)


# `kiosk image-probe` exits so when it cannot decode at all (Qt is not installed).
NO_DECODER_EXIT = 3


class NoDecoderError(RuntimeError):
    """This machine cannot decode images (`kiosk image-probe` has no Qt)."""


def probe_timeout(count: int) -> float:
    return PROBE_TIMEOUT_S + PROBE_TIMEOUT_PER_IMAGE_S * count


def _probe_verdicts(output: str) -> dict[str, str]:
    """Path -> "" when it decoded, else the decoder's complaint."""
    import json  # noqa: PLC0415

    verdicts: dict[str, str] = {}
    for line in output.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("path"), str):
            verdicts[record["path"]] = str(record.get("error") or "")
    return verdicts
