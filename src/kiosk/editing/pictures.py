"""*Choose picture...*: a picture copied into the content folder's ``pictures/`` under a safe
name, after the same checks ``kiosk validate`` makes, with the validator's own words.

Every check is made on the copy, not on the chosen file (which may change while it is
copied), and the copy is made away from the content folder: it enters ``pictures/`` only
once it passed, under a name nobody else uses, so a refused picture leaves nothing behind.
Decoding runs in a child process (``kiosk.content.checks.decode_images``), so this may take
a second: callers run it off the GUI thread.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import NamedTuple

from kiosk.content import checks, images
from kiosk.content.issues import shown
from kiosk.packs.fsio import CHUNK, fsync_dir

PICTURES = "pictures"
MAX_STEM = 60
# The largest of the four standard screens (3840x2160, a 4K panel): the kiosk never shows
# more pixels than that, and image_probe decodes larger pictures scaled down to it.
LARGEST_SCREEN = (3840, 2160)
# A picture this large in bytes makes every pack (and every copy to a stick) heavier for
# nothing a visitor sees; a third of the validator's limit.
LARGE_FILE_BYTES = images.MAX_FILE_BYTES // 3
MAX_TRIES = 1000
# Letters of the exhibit's languages that Unicode's decomposition leaves non-ASCII: ə and ı
# (Azerbaijani), and Russian's Cyrillic, so "Şəhidlər.jpg" and "фото.jpg" keep a readable
# name ("sehidler", "foto") instead of "picture".
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_LATIN = [
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
]  # fmt: skip
_SPELLED = str.maketrans({"ə": "e", "ı": "i", **dict(zip(_CYRILLIC, _LATIN, strict=True))})


class PictureRefused(Exception):  # noqa: N818 - the studio's shared interface names it
    """The picture cannot be added; ``str(error)`` is the validator's message."""


class ImportedPicture(NamedTuple):
    relative: str  # "pictures/1991-crowd.jpg": what the content file's `image:` says
    warning: str | None


def safe_stem(name: str) -> str:
    """ASCII letters, digits, '-' and '_' from a file's stem, lower case ("Şəhid Xiyabanı
    1990.JPG" -> "sehid-xiyabani-1990"); "picture" when nothing is left."""
    return ascii_name(Path(name).stem) or "picture"


def ascii_name(text: str) -> str:
    """``text`` as a file name's stem of ASCII letters, digits, '-' and '_', lower case;
    empty when nothing is left."""
    spelled = text.lower().translate(_SPELLED)
    folded = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    stem = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9_-]+", "-", folded)).strip("-_")
    return stem[:MAX_STEM].rstrip("-_")


def picture_warning(source: Path) -> str | None:
    """What staff should know before adding this picture (a large one, a print JPEG), in
    the validator's manner ("'name.jpg' is ..."), or None. Reads the header only."""
    try:
        size = source.stat().st_size
        info = images.sniff(source)
    except OSError:
        return None  # import_picture says why it cannot be read
    notes: list[str] = []
    width, height = LARGEST_SCREEN
    if info.width * info.height > width * height:
        notes.append(
            f"is {info.width}x{info.height} pixels, more than the largest screen shows "
            f"({width}x{height}); a smaller copy shows the same and keeps the pack light"
        )
    if size > LARGE_FILE_BYTES:
        notes.append(
            f"is {size / (1024 * 1024):.0f} MiB; pictures over "
            f"{LARGE_FILE_BYTES // (1024 * 1024)} MiB make every pack heavier and slower "
            "to copy"
        )
    advice = images.advice_on(source)
    if advice:
        notes.append(advice)
    if not notes:
        return None
    return f"'{shown(source.name)}' " + "; it ".join(notes)


def import_picture(source: Path, folder: Path) -> ImportedPicture:
    """Copy ``source`` into ``folder``/pictures/ and return its path relative to ``folder``.

    PictureRefused (with the validator's message) for a file that is missing, a link, not
    a PNG/JPEG/WebP image, too large or undecodable; nothing is left in the folder then.
    """
    label = f"'{shown(source.name)}'"
    resolved = _regular_file(source, label)
    root = folder.resolve()
    if resolved.is_relative_to(root):
        return _already_inside(resolved, root, label)
    try:
        size = resolved.stat().st_size
    except OSError as error:
        raise PictureRefused(f"{label} cannot be read: {error.strerror or error}") from None
    if size > images.MAX_FILE_BYTES:
        # Said before anything is copied: problem_with() checks the size first.
        too_large = images.problem_with(resolved) or "changed while it was read"
        raise PictureRefused(f"{label} {too_large}")
    with tempfile.TemporaryDirectory(prefix="kiosk-picture-") as scratch:
        copy = _bounded_copy(resolved, Path(scratch) / "chosen", label)
        info = images.sniff(copy)
        # Named by what it is: a PNG called photo.jpg arrives as photo.png.
        extension = images.ACCEPTED[info.kind][0] if info.kind in images.ACCEPTED else ""
        copy = copy.rename(copy.with_name(safe_stem(source.name) + (extension or source.suffix)))
        problem = images.problem_with(copy)
        if problem:
            raise PictureRefused(f"{label} {problem}")
        note = _decode_problem(copy, label)
        # Only now does anything reach the folder (pictures/ included, if it was missing).
        try:
            final = _place(copy, _pictures_dir(root))
        except OSError as error:
            raise PictureRefused(
                f"'{PICTURES}' cannot be written: {error.strerror or error}"
            ) from None
    notes = [text for text in (note, picture_warning(final)) if text]
    return ImportedPicture(final.relative_to(root).as_posix(), "; ".join(notes) or None)


def _already_inside(resolved: Path, root: Path, label: str) -> ImportedPicture:
    """A picture chosen from the content folder itself is used where it is (a second copy
    would only make the pack heavier), after the same checks."""
    problem = images.problem_with(resolved)
    if problem:
        raise PictureRefused(f"{label} {problem}")
    note = _decode_problem(resolved, label)
    notes = [text for text in (note, picture_warning(resolved)) if text]
    return ImportedPicture(resolved.relative_to(root).as_posix(), "; ".join(notes) or None)


def _regular_file(source: Path, label: str) -> Path:
    """The chosen file itself: a link (the file's own name resolving anywhere else), a
    folder, a device or a missing file is refused with the validator's words."""
    try:
        itself = source.absolute().parent.resolve() / source.name
    except (OSError, RuntimeError):
        raise PictureRefused(f"{label} {checks.LOOP}") from None
    # The validator's own rule for a picture's path, with the file itself as the only place
    # it may lead to (shared, not copied, so the words stay the validator's).
    resolved, problem = checks._locate(itself, itself)
    if problem:
        raise PictureRefused(f"{label} {problem}")
    return resolved


def _pictures_dir(root: Path) -> Path:
    """``root``/pictures, made if missing; refused when it is a link leading out."""
    target = root / PICTURES
    if target.is_symlink() and not target.resolve().is_relative_to(root):
        raise PictureRefused(f"'{PICTURES}' leads outside the content folder")
    if target.exists() and not target.is_dir():
        raise PictureRefused(f"'{PICTURES}' is not a folder")
    target.mkdir(exist_ok=True)
    return target


def _bounded_copy(source: Path, target: Path, label: str) -> Path:
    """Copy at most one byte more than the validator allows (a file growing while it is
    copied is then refused by its size, not read without end), opened without blocking and
    checked on the open file (a pipe swapped in after the checks cannot hang the studio)."""
    remaining = images.MAX_FILE_BYTES + 1
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(source, flags)
        with os.fdopen(descriptor, "rb") as reader:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise PictureRefused(f"{label} is not a regular file (a device or a pipe)")
            with target.open("wb") as writer:
                while remaining > 0 and (chunk := reader.read(min(CHUNK, remaining))):
                    writer.write(chunk)
                    remaining -= len(chunk)
    except OSError as error:
        raise PictureRefused(f"{label} cannot be read: {error.strerror or error}") from None
    return target


def _decode_problem(copy: Path, label: str) -> str | None:
    """Refuse what the kiosk's decoder refuses, with the validator's words; a note (not a
    refusal) on a machine that has no decoder, as the validator gives one."""
    try:
        verdicts = checks.decode_images([copy])
    except checks.NoDecoderError:
        return (
            f"{label} was not decoded: this machine has no image decoder (Qt); the kiosk "
            "checks it when the pack is installed"
        )
    if verdicts is None:
        raise PictureRefused(f"{label} took too long to decode")
    verdict = verdicts.get(str(copy))
    if verdict is None:
        raise PictureRefused(f"{label} made the image decoder fail")
    if verdict:
        raise PictureRefused(f"{label} cannot be decoded: {verdict}")
    return None


def _place(copy: Path, target_dir: Path) -> Path:
    """Move the checked copy into ``target_dir`` under its name, or name-2, name-3...: the
    name is claimed first (created exclusively), so another file is never overwritten."""
    stem, suffix = copy.stem, copy.suffix
    for number in range(1, MAX_TRIES + 1):
        name = stem + suffix if number == 1 else f"{stem}-{number}{suffix}"
        final = target_dir / name
        try:
            descriptor = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(descriptor)
        break
    else:
        raise PictureRefused(f"'{PICTURES}' has no free name for '{copy.name}'")
    temporary = target_dir / f".{name}.partial"
    try:
        with copy.open("rb") as reader, temporary.open("wb") as writer:
            shutil.copyfileobj(reader, writer, CHUNK)
            writer.flush()
            os.fsync(writer.fileno())
        temporary.replace(final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        final.unlink(missing_ok=True)
        raise
    fsync_dir(target_dir)
    return final
