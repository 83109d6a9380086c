"""*Choose picture...*: a picture copied into pictures/ under a safe name that never replaces
another file; anything `kiosk validate` would refuse is refused with the validator's own
words, and leaves nothing behind in the content folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QImageWriter

from hostile import baseline, png, set_image
from kiosk.content import checks, images
from kiosk.content.validate import validate_folder
from kiosk.editing.pictures import (
    LARGE_FILE_BYTES,
    PictureRefused,
    import_picture,
    picture_warning,
    safe_stem,
)

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>\n'


def light_png() -> bytes:
    return (Path(__file__).parent / "fixtures" / "broken" / "image-ok" / "light.png").read_bytes()


def picture(path: Path, width: int = 64, height: int = 48, kind: str = "PNG") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    writer = QImageWriter(str(path), kind.encode())
    assert writer.write(image), writer.errorString()
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): b"" if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return baseline(tmp_path / "work")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    chosen = tmp_path / "Downloads"
    chosen.mkdir()
    return chosen


def test_a_picture_is_copied_under_a_safe_lower_case_name(folder: Path, outside: Path) -> None:
    source = picture(outside / "Şəhid Xiyabanı, 20 Yanvar (1990).PNG")
    imported = import_picture(source, folder)
    assert imported.relative == "pictures/sehid-xiyabani-20-yanvar-1990.png"
    assert (folder / imported.relative).read_bytes() == source.read_bytes()
    assert imported.warning is None
    assert source.exists()  # copied, not moved


def test_the_name_follows_what_the_file_is_not_its_extension(folder: Path, outside: Path) -> None:
    source = outside / "crowd.jpg"
    picture(outside / "made.png").rename(source)
    imported = import_picture(source, folder)
    assert imported.relative == "pictures/crowd.png"
    jpeg = picture(outside / "Square.JPEG", kind="JPEG")
    assert import_picture(jpeg, folder).relative == "pictures/square.jpg"


def test_another_file_is_never_overwritten(folder: Path, outside: Path) -> None:
    (folder / "pictures" / "crowd.png").write_bytes(b"staff's own file")
    first = import_picture(picture(outside / "crowd.png"), folder)
    second = import_picture(picture(outside / "crowd.png", 32, 32), folder)
    assert (first.relative, second.relative) == ("pictures/crowd-2.png", "pictures/crowd-3.png")
    assert (folder / "pictures" / "crowd.png").read_bytes() == b"staff's own file"


def test_pictures_is_made_when_the_folder_has_none(tmp_path: Path, outside: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    imported = import_picture(picture(outside / "a.webp", kind="WEBP"), folder)
    assert imported.relative == "pictures/a.webp"
    assert safe_stem("…") == "picture"
    assert safe_stem("Фото площади 1990.jpg") == "foto-ploshchadi-1990"


# The file as chosen -> the validator's words after its name.
REFUSED = [
    ("notes.png", lambda: b"Some words, not a picture\n"),
    ("drawing.svg", lambda: SVG),
    ("cut.png", lambda: light_png()[:31]),
    ("huge.png", lambda: png(30000, 30000)),
    ("empty.png", lambda: b""),
]


@pytest.mark.parametrize(("name", "content"), REFUSED, ids=[name for name, _ in REFUSED])
def test_a_refused_file_gets_the_validators_message_and_leaves_nothing(
    folder: Path, outside: Path, name: str, content: object
) -> None:
    assert callable(content)
    data = content()
    source = outside / name
    source.write_bytes(data)
    before = snapshot(folder)
    with pytest.raises(PictureRefused) as refused:
        import_picture(source, folder)
    assert snapshot(folder) == before

    # `kiosk validate` on the same file inside the folder says the same after the name.
    (folder / "pictures" / name).write_bytes(data)
    set_image(folder, f"pictures/{name}")
    said = [
        issue.message.replace(f"'pictures/{name}'", f"'{name}'")
        for issue in validate_folder(folder)
        if issue.severity == "error" and f"'pictures/{name}'" in issue.message
    ]
    assert said == [str(refused.value)]


def test_a_file_larger_than_the_limit_is_refused_before_it_is_copied(
    folder: Path, outside: Path
) -> None:
    source = outside / "scan.png"
    with source.open("wb") as handle:  # sparse: the size is what counts
        handle.truncate(images.MAX_FILE_BYTES + 1024 * 1024)
    before = snapshot(folder)
    with pytest.raises(PictureRefused) as refused:
        import_picture(source, folder)
    assert str(refused.value) == "'scan.png' is 31 MiB; images may be at most 30 MiB"
    assert snapshot(folder) == before


def test_a_link_is_refused_with_the_validators_words(folder: Path, outside: Path) -> None:
    target = picture(outside / "real.png")
    link = outside / "shortcut.png"
    link.symlink_to(target)
    before = snapshot(folder)
    with pytest.raises(PictureRefused) as refused:
        import_picture(link, folder)
    assert str(refused.value) == "'shortcut.png' leads outside the content folder"

    loop = outside / "loop.png"
    loop.symlink_to(loop)
    with pytest.raises(PictureRefused) as looped:
        import_picture(loop, folder)
    assert str(looped.value) == f"'loop.png' {checks.LOOP}"

    with pytest.raises(PictureRefused) as missing:
        import_picture(outside / "gone.png", folder)
    assert str(missing.value) == "'gone.png' does not exist in the content folder"
    assert snapshot(folder) == before

    # The validator says the same of a link inside the folder that leads out.
    (folder / "pictures" / "shortcut.png").symlink_to(target)
    set_image(folder, "pictures/shortcut.png")
    assert any(
        issue.message == "'pictures/shortcut.png' leads outside the content folder"
        for issue in validate_folder(folder)
    )


def test_a_linked_folder_of_the_chosen_file_is_followed(folder: Path, outside: Path) -> None:
    """Only the file's own name may not be a link: /tmp -> /private/tmp is common."""
    linked = outside.parent / "linked"
    linked.symlink_to(outside, target_is_directory=True)
    picture(outside / "fine.png")
    assert import_picture(linked / "fine.png", folder).relative == "pictures/fine.png"


def test_a_pictures_link_out_of_the_folder_is_refused(folder: Path, outside: Path) -> None:
    elsewhere = outside.parent / "elsewhere"
    elsewhere.mkdir()
    for path in (folder / "pictures").iterdir():
        path.unlink()
    (folder / "pictures").rmdir()
    (folder / "pictures").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(PictureRefused, match="'pictures' leads outside the content folder"):
        import_picture(picture(outside / "a.png"), folder)
    assert list(elsewhere.iterdir()) == []


def test_a_large_picture_is_named_before_it_is_added(folder: Path, outside: Path) -> None:
    small = picture(outside / "small.png")
    assert picture_warning(small) is None
    large = picture(outside / "large.png", 4000, 2500)
    warning = picture_warning(large)
    assert warning == (
        "'large.png' is 4000x2500 pixels, more than the largest screen shows (3840x2160); "
        "a smaller copy shows the same and keeps the pack light"
    )
    imported = import_picture(large, folder)
    assert imported.warning == warning  # added all the same, with the same note

    heavy = outside / "heavy.png"
    heavy.write_bytes(light_png() + os.urandom(LARGE_FILE_BYTES))  # PNG ignores the tail
    assert picture_warning(heavy) == (
        "'heavy.png' is 10 MiB; pictures over 10 MiB make every pack heavier and slower to copy"
    )


def test_a_picture_already_in_the_folder_is_used_where_it_is(folder: Path) -> None:
    before = snapshot(folder)
    imported = import_picture(folder / "pictures" / "light.png", folder)
    assert imported.relative == "pictures/light.png"
    assert snapshot(folder) == before  # no second copy
    (folder / "pictures" / "notes.png").write_text("words\n", encoding="utf-8")
    with pytest.raises(PictureRefused) as refused:
        import_picture(folder / "pictures" / "notes.png", folder)
    assert str(refused.value) == (
        "'notes.png' is a text file, not an image; content images must be PNG, JPEG or WebP"
    )


def test_a_pictures_file_in_the_way_is_refused_in_plain_words(
    tmp_path: Path, outside: Path
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "pictures").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(PictureRefused, match=r"^'pictures' is not a folder$"):
        import_picture(picture(outside / "a.png"), folder)
    assert sorted(path.name for path in folder.iterdir()) == ["pictures"]


def test_a_pipe_or_a_folder_is_refused_with_the_validators_words(
    folder: Path, outside: Path
) -> None:
    os.mkfifo(outside / "pipe.png")
    with pytest.raises(PictureRefused) as pipe:
        import_picture(outside / "pipe.png", folder)
    assert str(pipe.value) == "'pipe.png' is not a regular file (a device or a pipe)"
    (outside / "album.png").mkdir()
    with pytest.raises(PictureRefused) as album:
        import_picture(outside / "album.png", folder)
    assert str(album.value) == "'album.png' is a folder, not an image file"
