"""Recordings in content (narration.yaml): the model, the checks and `kiosk validate`.

Real audio files: WAV made here, OGG Vorbis/Opus and FLAC from tests/fixtures (made once with
sox, so CI needs no sox).  Decoding needs Qt Multimedia; without it (scripts/
test_without_qt.sh) the decoding tests skip and the no-decoder test runs for real.
"""

from __future__ import annotations

import importlib.util
import json
import math
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from kiosk.content import narration, sounds
from kiosk.content.loader import read_exhibit
from kiosk.content.model import recording_for
from kiosk.content.validate import file_schema, validate_folder

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TONES = FIXTURES / "audio"
TAGGED = FIXTURES / "recordings"
RATE = 22050
HAS_DECODER = importlib.util.find_spec("PySide6") is not None
needs_decoder = pytest.mark.skipif(not HAS_DECODER, reason="decoding needs Qt Multimedia")


def tone_samples(seconds: float) -> bytes:
    count = int(RATE * seconds)
    return b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / RATE))) for i in range(count)
    )


def wav_file(path: Path, seconds: float = 0.3) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(tone_samples(seconds))
    return path


def tagged_wav(path: Path, language: str, seconds: float = 0.3) -> Path:
    """A WAV with a LIST/INFO chunk naming its language (ILNG), as recording tools write."""
    tag = language.encode() + b"\0"
    tag += b"\0" * (len(tag) & 1)
    info = b"INFO" + b"ILNG" + struct.pack("<I", len(tag)) + tag
    samples = tone_samples(seconds)
    chunks = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, RATE, RATE * 2, 2, 16)
    chunks += b"LIST" + struct.pack("<I", len(info)) + info
    chunks += b"data" + struct.pack("<I", len(samples)) + samples
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks)
    return path


def exhibit_with(tmp_path: Path, text: str, files: dict[str, Path | bytes] | None = None) -> Path:
    """The shipped exhibit (languages az, en, ru; texts in en) with this narration.yaml and
    these files (copied from a path, or written from bytes)."""
    folder = tmp_path / "content"
    shutil.copytree(REPO / "content", folder, ignore=shutil.ignore_patterns("schema"))
    for name, source in (files or {}).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, target)
        else:
            target.write_bytes(source)
    (folder / "narration.yaml").write_text("schema_version: 1\n" + text, encoding="utf-8")
    return folder


def narration_findings(folder: Path, *, thorough: bool = False) -> list[str]:
    issues = validate_folder(folder) if thorough else read_exhibit(folder)[1]
    return [str(issue) for issue in issues if issue.location.path == "narration.yaml"]


def errors(findings: list[str]) -> list[str]:
    return [finding for finding in findings if ": error: " in finding]


GOOD = """recordings:
  exhibit.title: {en: audio/title.wav}
  statement.heading: {en: audio/heading-en.wav}
  statement.paragraph.1: {en: audio/p1.ogg}
  moment.1991: {en: audio/1991.opus}
  figure.killed: {en: audio/killed.flac}
"""


def good_folder(tmp_path: Path) -> Path:
    folder = exhibit_with(
        tmp_path,
        GOOD,
        {
            "audio/p1.ogg": TONES / "tone.ogg",
            "audio/1991.opus": TONES / "tone.opus",
            "audio/killed.flac": TONES / "tone.flac",
        },
    )
    wav_file(folder / "audio" / "title.wav")
    tagged_wav(folder / "audio" / "heading-en.wav", "en-GB")
    return folder


def test_recordings_load_into_the_model_and_are_found_by_text_and_language(
    tmp_path: Path,
) -> None:
    folder = good_folder(tmp_path)
    exhibit, issues = read_exhibit(folder)
    assert exhibit is not None, issues
    assert exhibit.narration is not None
    assert [(r.key, r.language) for r in exhibit.narration.recordings][:2] == [
        ("exhibit.title", "en"),
        ("statement.heading", "en"),
    ]
    assert recording_for(exhibit, "moment.1991", "en") == folder / "audio" / "1991.opus"
    assert recording_for(exhibit, narration.paragraph_key(1), "en") == folder / "audio/p1.ogg"
    assert recording_for(exhibit, "moment.1991", "az") is None
    assert recording_for(exhibit, "moment.2020", "en") is None
    # Recordings are not pictures and not texts: the picture and text walks never see them.
    assert len(exhibit.all_texts()) == len(read_exhibit(REPO / "content")[0].all_texts())  # type: ignore[union-attr]


def test_an_exhibit_without_narration_has_no_recordings_and_no_finding_about_them() -> None:
    exhibit, _ = read_exhibit(REPO / "content")
    assert exhibit is not None and exhibit.narration is None
    assert recording_for(exhibit, "exhibit.title", "en") is None
    assert not [i for i in validate_folder(REPO / "content") if "record" in i.message]


def test_the_kiosks_start_does_not_import_the_narration_checks_without_narration() -> None:
    """The first frame's budget: a folder without narration.yaml costs nothing more."""
    code = (
        "import sys; from pathlib import Path; from kiosk.content.loader import load_exhibit; "
        f"load_exhibit(Path({str(REPO / 'content')!r})); "
        "print(sorted(m for m in sys.modules if 'narration' in m or 'sounds' in m "
        "or 'Multimedia' in m))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_loading_reads_headers_only_and_never_decodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_decoding(_paths: list[Path]) -> None:
        raise AssertionError("the kiosk's load must not decode recordings")

    monkeypatch.setattr(narration, "decode_recordings", no_decoding)
    exhibit, issues = read_exhibit(good_folder(tmp_path))
    assert exhibit is not None, issues


def test_texts_without_a_recording_are_listed_once_per_language(tmp_path: Path) -> None:
    findings = narration_findings(good_folder(tmp_path))
    # 1 title + 4 statement parts + 8 paragraphs + 4 moments + 3 figures; az and ru have no
    # texts (the shipped exhibit is in English only), so nothing is listed for them.
    assert findings == [
        "narration.yaml:3:3: warning: 15 of 20 texts have no en recording and will be read "
        "by synthetic speech: statement.subtitle, statement.issuer, statement.date_text, "
        "statement.paragraph.2, statement.paragraph.3, statement.paragraph.4, "
        "statement.paragraph.5, statement.paragraph.6 and 7 more"
    ]


def test_validate_decodes_every_kind_of_recording(tmp_path: Path) -> None:
    """With Qt Multimedia every kind decodes; without it (scripts/test_without_qt.sh) the
    real `kiosk audio-probe` says so and each recording gets a warning, not an error."""
    findings = narration_findings(good_folder(tmp_path), thorough=True)
    assert errors(findings) == []
    speech = [finding for finding in findings if "15 of 20 texts" in finding]
    not_decoded = [finding for finding in findings if "was not decoded" in finding]
    assert len(speech) == 1
    assert len(not_decoded) == (0 if HAS_DECODER else 5)
    assert len(findings) == len(speech) + len(not_decoded)


REFUSED = {
    "unknown-text": (
        "recordings:\n  statement.heeding: {en: a.wav}\n",
        "narration.yaml:3:3: error: unknown text 'statement.heeding'; did you mean "
        "'statement.heading'?",
    ),
    "unknown-kind": (
        "recordings:\n  caption.x: {en: a.wav}\n",
        "narration.yaml:3:3: error: unknown text 'caption.x'; texts are named exhibit.title, "
        "statement.heading, statement.subtitle, statement.issuer, statement.date_text, "
        "statement.paragraph.N, moment.ID, figure.ID",
    ),
    "no-such-moment": (
        "recordings:\n  moment.1992: {en: a.wav}\n",
        "narration.yaml:3:3: error: there is no moment '1992' in timeline.yaml; did you mean "
        "'moment.1991'?",
    ),
    "no-such-figure": (
        "recordings:\n  figure.dead: {en: a.wav}\n",
        "narration.yaml:3:3: error: there is no figure 'dead' in figures.yaml",
    ),
    "no-such-paragraph": (
        "recordings:\n  statement.paragraph.9: {en: a.wav}\n",
        "narration.yaml:3:3: error: 'statement.paragraph.9': the statement has paragraphs "
        "statement.paragraph.1 to statement.paragraph.8",
    ),
    "language-not-offered": (
        "recordings:\n  exhibit.title: {enn: a.wav}\n",
        "narration.yaml:3:19: error: 'enn' is not one of the exhibit's languages (az, en, ru); "
        "did you mean 'en'?",
    ),
    "no-text-in-that-language": (
        "recordings:\n  moment.1991: {az: a.wav}\n",
        "narration.yaml:3:21: error: moment '1991' has no az text to narrate (its date text is "
        "given in en only, at timeline.yaml:24:7)",
    ),
    "outside-the-folder": (
        "recordings:\n  exhibit.title: {en: ../a.wav}\n",
        "narration.yaml:3:23: error: '../a.wav' points outside the content folder (..)",
    ),
    "absolute": (
        "recordings:\n  exhibit.title: {en: /etc/passwd}\n",
        "narration.yaml:3:23: error: '/etc/passwd' is an absolute path; give it relative to "
        "the content folder",
    ),
    "missing-file": (
        "recordings:\n  exhibit.title: {en: audio/none.ogg}\n",
        "narration.yaml:3:23: error: 'audio/none.ogg' does not exist in the content folder",
    ),
    "a-folder": (
        "recordings:\n  exhibit.title: {en: audio}\n",
        "narration.yaml:3:23: error: 'audio' is a folder, not a recording",
    ),
    "mp3": (
        "recordings:\n  exhibit.title: {en: audio/t.mp3}\n",
        "narration.yaml:3:23: error: 'audio/t.mp3' is an MP3 file, not a recording the kiosk "
        "plays: use OGG Vorbis, OGG Opus, FLAC or WAV",
    ),
    "a-picture": (
        "recordings:\n  exhibit.title: {en: audio/t.ogg}\n",
        "narration.yaml:3:23: error: 'audio/t.ogg' is a PNG image, not a recording the kiosk "
        "plays: use OGG Vorbis, OGG Opus, FLAC or WAV",
    ),
    "empty": (
        "recordings:\n  exhibit.title: {en: audio/empty.wav}\n",
        "narration.yaml:3:23: error: 'audio/empty.wav' is an empty file, not a recording the "
        "kiosk plays: use OGG Vorbis, OGG Opus, FLAC or WAV",
    ),
    "misnamed": (
        "recordings:\n  exhibit.title: {en: audio/t.wav}\n",
        "narration.yaml:3:23: error: 'audio/t.wav' is a recording in FLAC but is named .wav",
    ),
    "too-large": (
        "recordings:\n  exhibit.title: {en: audio/huge.wav}\n",
        "narration.yaml:3:23: error: 'audio/huge.wav' is 51 MiB; recordings may be at most 50 "
        "MiB (20 minutes of FLAC; OGG is far smaller)",
    ),
    "not-a-mapping": (
        "recordings:\n  exhibit.title: audio/t.wav\n",
        "narration.yaml:3:18: error: the recordings of 'exhibit.title' (per language) must be "
        "a mapping of keys to values",
    ),
    "unknown-top-key": (
        "recordings: {}\nrecording: {}\n",
        "narration.yaml:3:1: error: unknown key 'recording'; did you mean 'recordings'?",
    ),
}


def refused_files(folder: Path) -> None:
    (folder / "audio").mkdir()
    (folder / "audio" / "t.mp3").write_bytes(b"ID3\x04\0\0\0\0\0\0" + b"\xff\xfb\x90\x00" * 64)
    shutil.copyfile(TONES / "tone.flac", folder / "audio" / "t.wav")
    (folder / "audio" / "t.ogg").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (folder / "audio" / "empty.wav").write_bytes(b"")
    with (folder / "audio" / "huge.wav").open("wb") as huge:  # sparse: no disk used
        huge.write(b"RIFF\0\0\0\0WAVEfmt ")
        huge.truncate(51 * 1024 * 1024)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_refusal_names_its_place(tmp_path: Path, name: str) -> None:
    text, expected = REFUSED[name]
    folder = exhibit_with(tmp_path, text)
    refused_files(folder)
    exhibit, _ = read_exhibit(folder)
    assert exhibit is None
    assert errors(narration_findings(folder)) == [expected]


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = wav_file(tmp_path / "outside.wav")
    folder = exhibit_with(tmp_path, "recordings:\n  exhibit.title: {en: link.wav}\n")
    (folder / "link.wav").symlink_to(outside)
    assert errors(narration_findings(folder)) == [
        "narration.yaml:3:23: error: 'link.wav' leads outside the content folder"
    ]


@pytest.mark.parametrize(
    ("name", "make", "tag"),
    [
        ("ru.ogg", lambda path: shutil.copyfile(TAGGED / "tagged-ru.ogg", path), "ru"),
        ("ru.flac", lambda path: shutil.copyfile(TAGGED / "tagged-ru.flac", path), "Russian"),
        ("ru.wav", lambda path: tagged_wav(path, "ru"), "ru"),
    ],
)
def test_a_recording_tagged_with_another_language_is_refused(
    tmp_path: Path, name: str, make: object, tag: str
) -> None:
    folder = exhibit_with(tmp_path, f"recordings:\n  statement.paragraph.2: {{en: {name}}}\n")
    make(folder / name)  # type: ignore[operator]
    assert errors(narration_findings(folder)) == [
        f"narration.yaml:3:31: error: '{name}' is tagged as Russian (LANGUAGE={tag}) but is "
        "given as the en recording of paragraph 2 of the statement"
    ]


def test_a_language_tag_the_kiosk_cannot_read_is_a_warning(tmp_path: Path) -> None:
    folder = exhibit_with(tmp_path, "recordings:\n  exhibit.title: {en: t.wav}\n")
    tagged_wav(folder / "t.wav", "Klingon")
    findings = narration_findings(folder)
    assert errors(findings) == []
    assert findings[0] == (
        "narration.yaml:3:23: warning: 't.wav' has the language tag 'Klingon', which the kiosk "
        "cannot compare with en; make it en or remove it"
    )


@needs_decoder
def test_a_recording_over_the_duration_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(narration, "MAX_DURATION_S", 0.2)
    folder = exhibit_with(
        tmp_path, "recordings:\n  exhibit.title: {en: t.opus}\n", {"t.opus": TONES / "tone.opus"}
    )
    assert errors(narration_findings(folder, thorough=True)) == [
        "narration.yaml:3:23: error: 't.opus' lasts longer than 0.2 seconds, the most a "
        "recording may last"
    ]


@needs_decoder
def test_a_recording_that_does_not_decode_is_refused(tmp_path: Path) -> None:
    folder = exhibit_with(tmp_path, "recordings:\n  exhibit.title: {en: t.ogg}\n")
    # A real Vorbis header whose sound is cut away: the header check passes, decoding not.
    (folder / "t.ogg").write_bytes((TONES / "tone.ogg").read_bytes()[:3000])
    assert narration_findings(folder)[0].endswith(
        "read by synthetic speech: statement.heading, "
        "statement.subtitle, statement.issuer, statement.date_text, statement.paragraph.1, "
        "statement.paragraph.2, statement.paragraph.3, statement.paragraph.4 and 11 more"
    )
    assert errors(narration_findings(folder, thorough=True)) == [
        "narration.yaml:3:23: error: 't.ogg' cannot be decoded: Could not open file"
    ]


def test_without_an_audio_decoder_validation_says_what_was_not_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The staff's tools run where Qt never was: a clear warning, not a failure."""
    import kiosk.paths  # noqa: PLC0415

    no_qt = (
        "import sys; sys.modules['PySide6'] = None; from kiosk.cli import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    monkeypatch.setattr(
        kiosk.paths, "kiosk_command", lambda *args: [sys.executable, "-c", no_qt, *args]
    )
    folder = exhibit_with(tmp_path, "recordings:\n  exhibit.title: {en: t.wav}\n")
    wav_file(folder / "t.wav")
    findings = narration_findings(folder, thorough=True)
    assert errors(findings) == []
    assert (
        "narration.yaml:3:23: warning: 't.wav' was not decoded: this machine has no audio "
        "decoder (Qt Multimedia); the kiosk checks it when the pack is installed"
    ) in findings


def test_validate_on_the_command_line_reports_recordings(tmp_path: Path) -> None:
    folder = exhibit_with(tmp_path, "recordings:\n  moment.1992: {en: a.wav}\n")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = json.loads(result.stdout)["findings"]
    assert [
        (f["path"], f["line"], f["column"], f["severity"])
        for f in sorted(found, key=lambda f: f["severity"])
        if f["path"] == "narration.yaml"
    ] == [("narration.yaml", 3, 3, "error"), ("narration.yaml", 3, 3, "warning")]


def test_the_shipped_schema_is_current_and_accepts_good_narration() -> None:
    shipped = json.loads((REPO / "content/schema/narration.schema.json").read_text("utf-8"))
    assert shipped == file_schema("narration.yaml"), "run: kiosk schema --out content/schema"
    validator = Draft202012Validator(shipped)
    data = yaml.safe_load("schema_version: 1\n" + GOOD)
    assert list(validator.iter_errors(data)) == []
    data["recordings"]["statement.heeding"] = {"en": "a.wav"}
    assert not validator.is_valid(data)


@pytest.mark.parametrize(
    ("head", "kind", "tags"),
    [
        (b"ID3\x03\0\0\0\0\0\0fLaC" + bytes([0x84, 0, 0, 4]) + b"\0\0\0\0", "flac", []),
        (b"\xff\xfb\x90\x00", "an MP3 file", []),
        (b"\0\0\0\x20ftypM4A ", "an MP4/M4A (AAC) file", []),
        (b"FORM\0\0\0\0AIFF", "an AIFF file", []),
        (b"RIFF\0\0\0\0AVI ", "a RIFF file of kind 'AVI ', not WAVE", []),
    ],
)
def test_kinds_are_told_from_the_bytes(head: bytes, kind: str, tags: list[str]) -> None:
    assert sounds.sniff_bytes(head) == (kind, tags)


def ogg_page(packet: bytes, serial: bytes = b"\1\0\0\0") -> bytes:
    segments = [255] * (len(packet) // 255) + [len(packet) % 255]
    header = b"OggS\0\2" + b"\0" * 8 + serial + b"\0" * 8 + bytes([len(segments)])
    return header + bytes(segments) + packet


def comments(*entries: bytes) -> bytes:
    block = struct.pack("<I", 6) + b"vendor" + struct.pack("<I", len(entries))
    return block + b"".join(struct.pack("<I", len(entry)) + entry for entry in entries)


def test_opus_tags_are_read_across_pages_of_another_stream() -> None:
    head = ogg_page(b"OpusHead" + b"\1" * 11)
    head += ogg_page(b"other stream", serial=b"\2\0\0\0")
    head += ogg_page(b"OpusTags" + comments(b"TITLE=" + b"x" * 600, b"language=az"))
    assert sounds.sniff_bytes(head) == ("opus", ["az"])
    assert sounds.tag_language("az_Latn") == "az" and sounds.tag_language("und") == ""


def test_a_pack_carries_narration_and_recordings_and_installs(tmp_path: Path) -> None:
    from kiosk.packs.build import build_pack  # noqa: PLC0415
    from kiosk.packs.install import install_pack  # noqa: PLC0415
    from kiosk.packs.store import active_content_dir  # noqa: PLC0415

    folder = good_folder(tmp_path)
    pack = tmp_path / "narrated.kioskpack"
    build_pack(folder, pack)
    install_pack(pack, [])
    installed = active_content_dir()
    assert installed is not None
    exhibit, issues = read_exhibit(installed)
    assert exhibit is not None, issues
    played = recording_for(exhibit, "figure.killed", "en")
    assert played is not None and played.read_bytes() == (TONES / "tone.flac").read_bytes()


def test_thousands_of_unknown_texts_are_reported_quickly(tmp_path: Path) -> None:
    """Hostile content: every key reported, suggestions only for the first hundred."""
    keys = "".join(f"  moment.m{n:05d}x: {{en: a.wav}}\n" for n in range(5000))
    folder = exhibit_with(tmp_path, "recordings:\n" + keys)
    found = errors(narration_findings(folder))
    assert len(found) == 5000
    assert "did you mean" not in found[-1]
