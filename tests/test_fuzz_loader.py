"""Property: whatever bytes a content file holds (random, YAML-like, or the real file with
bytes flipped, cut or spliced), the loader gives valid content or a ContentError whose every
finding names file, line and column; never another exception.

Derandomized and without an example database, so every run tries the same inputs (a failure
is reproduced by running the test again); sized to take a few seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_cases import REPO
from hostile import FINDING
from kiosk.content import images
from kiosk.content.issues import ContentError
from kiosk.content.loader import FILES, load_exhibit
from kiosk.content.model import Exhibit
from kiosk.content.seal import SEAL_FILE

FUZZ = settings(
    derandomize=True,
    database=None,
    max_examples=120,
    deadline=None,  # the time bound is the hostile corpus's; here any exception counts
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ORIGINALS = {name: (REPO / "content" / name).read_bytes() for name in FILES}
ALL_ORIGINALS = b"".join(ORIGINALS.values())

# Pieces that reach the composer's, readers' and checks' corners.
TOKENS = [
    *(f"{key}:" for key in ("schema_version", "title", "en", "az", "moments", "figures")),
    *("id:", "year:", "value:", "image:", "source:", "paragraphs:", "languages:", "idle:"),
    *("\n", "\n  ", "\n    ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "#", "---", "..."),
    *("&a ", "*a", "!!python/object:os.system ", "!x ", "<<: ", "|", ">-", "'", '"', "\t"),
    *("yes", "no", "NO", "on", "~", "null", "1e3", "0o17", "017", "1:30", "2026-01-20", ".inf"),
    *("1", "150", "-1", "99999999999999999999", "#FFFFFF", "en", "true", "false"),
    *("../x.png", "/etc/passwd", "C:\\x", "pictures/light.png", "\\u0000", "\ufeff", "\u202e"),
    *("\x00", "\x85", "\u2028", "\r", "\r\n", "é", "ə"),
]


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """The real file after one to four byte flips, cuts, deletions, duplications or splices
    of any content file's bytes."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["flip", "cut", "delete", "duplicate", "splice"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if operation == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif operation == "cut":
            del data[at:]
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif operation == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))]
        else:
            start = draw(st.integers(0, len(ALL_ORIGINALS) - 1))
            data[at:at] = ALL_ORIGINALS[start : start + draw(st.integers(1, 512))]
    return bytes(data)


def yaml_like() -> st.SearchStrategy[bytes]:
    pieces = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=60)
    return pieces.map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "content"
    target.mkdir()
    for name, data in ORIGINALS.items():
        (target / name).write_bytes(data)
    # The sealed words, so a mutated statement is compared with them as in real content.
    (target / SEAL_FILE).write_bytes((REPO / "content" / SEAL_FILE).read_bytes())
    return target


def content_or_content_error(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        exhibit = load_exhibit(folder)
    except ContentError as error:
        assert error.issues, "a ContentError says what is wrong"
        for issue in error.issues:
            assert FINDING.match(str(issue)), repr(str(issue))
            assert issue.location.path in (*FILES, SEAL_FILE)
        return
    finally:
        path.write_bytes(ORIGINALS[name])
    assert isinstance(exhibit, Exhibit) and exhibit.timeline and exhibit.figures


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(data=st.binary(max_size=4096))
def test_any_bytes(folder: Path, name: str, data: bytes) -> None:
    content_or_content_error(folder, name, data)


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(data=yaml_like())
def test_yaml_like_text(folder: Path, name: str, data: bytes) -> None:
    content_or_content_error(folder, name, data)


@pytest.mark.parametrize("name", FILES)
@FUZZ
@given(data=st.data())
def test_mutated_real_files(folder: Path, name: str, data: st.DataObject) -> None:
    content_or_content_error(folder, name, data.draw(mutated(ORIGINALS[name])))


@FUZZ
@given(head=st.binary(max_size=256) | mutated(b"\x89PNG\r\n\x1a\n" + bytes(40)))
def test_image_header_sniffing_never_raises(head: bytes) -> None:
    info = images.sniff_bytes(head)
    assert info.width >= 0 and info.height >= 0
