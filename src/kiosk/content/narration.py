"""narration.yaml: staff's recordings of the exhibit's texts, per language, and their checks.

An optional fifth file, so that the sealed statement.yaml and the other files stay as they
are.  Its keys name texts of the exhibit (``statement.paragraph.1``, ``moment.1991``); each
gives, per language, a recording inside the content folder::

    schema_version: 1
    recordings:
      statement.paragraph.1: {en: audio/p1-en.ogg, az: audio/p1-az.flac}
      moment.1991: {en: audio/1991-en.ogg}

The quick checks (every load, also the kiosk's start) read headers only: the key names a
text that exists in that language, the file is inside the folder, of an accepted kind and
size, and its language tag (if any) is the key's language.  The thorough checks (``kiosk
validate``, pack install) decode every recording in a child process, for its duration.
Imported only when a folder has narration.yaml, or for the schema.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.content import sounds
from kiosk.content.fields import LANGUAGE_CODE, FieldReader
from kiosk.content.issues import Issue, shown
from kiosk.content.languages import english_name
from kiosk.content.loader import SCHEMA_VERSION_FIELD
from kiosk.content.model import Exhibit, LocalizedText, Narration, Recording
from kiosk.content.schema import FAILED, JSON, Field, Object, Spec
from kiosk.content.source import Node

NAME = "narration.yaml"
EXHIBIT_TITLE = "exhibit.title"
STATEMENT_PARTS = ("heading", "subtitle", "issuer", "date_text")
KEY_PATTERN = (
    r"^(exhibit\.title|statement\.(heading|subtitle|issuer|date_text)"
    r"|statement\.paragraph\.[1-9][0-9]*|(moment|figure)\..+)$"
)
MAX_DURATION_S = 20 * 60
MAX_LISTED = 8  # texts named in the missing-recordings warning; then "and N more"
MAX_SUGGESTIONS = 100  # unknown keys that get a "did you mean" (as kiosk.content.fields)
# The decoder's time limit: a start-up allowance plus a share per recording (20 minutes of
# FLAC or Vorbis decode in about 1.5 s on the CI machine).
PROBE_TIMEOUT_S = 30
PROBE_TIMEOUT_PER_FILE_S = 10
NO_DECODER_EXIT = 3  # `kiosk audio-probe` without Qt Multimedia (see kiosk.cli)


class Narrated(NamedTuple):
    """A text a recording may narrate: its name in messages and the texts read aloud."""

    name: str
    parts: tuple[tuple[str, LocalizedText], ...]


def paragraph_key(number: int) -> str:
    """The key of the statement's paragraph ``number``, counted from 1 as staff count."""
    return f"statement.paragraph.{number}"


def moment_key(moment_id: str) -> str:
    return f"moment.{moment_id}"


def figure_key(figure_id: str) -> str:
    return f"figure.{figure_id}"


def narrated_texts(exhibit: Exhibit) -> dict[str, Narrated]:
    """Every text a recording may narrate, by key, in the order a visitor meets them; a
    moment is read whole (date, title, caption, source), a figure with its label and source."""
    statement = exhibit.statement
    texts = {EXHIBIT_TITLE: Narrated("the exhibit's title", (("title", exhibit.settings.title),))}
    for part in STATEMENT_PARTS:
        name = f"the statement's {part.replace('_', ' ')}"
        texts[f"statement.{part}"] = Narrated(name, ((part, getattr(statement, part)),))
    for number, paragraph in enumerate(statement.paragraphs, start=1):
        texts[paragraph_key(number)] = Narrated(
            f"paragraph {number} of the statement", (("text", paragraph),)
        )
    for moment in exhibit.timeline:
        parts = ("date_text", "title", "caption", "source")
        texts[moment_key(moment.id)] = Narrated(
            f"moment '{shown(moment.id)}'", tuple((part, getattr(moment, part)) for part in parts)
        )
    for figure in exhibit.figures:
        texts[figure_key(figure.id)] = Narrated(
            f"figure '{shown(figure.id)}'", (("label", figure.label), ("source", figure.source))
        )
    return texts


class RecordingMap(Spec):
    """Text key -> {language: file}; the keys are held to the exhibit by check_narration."""

    produces = Narration

    def read(self, reader: FieldReader, node: Node) -> Any:
        mapping = reader.mapping(node, "recordings")
        if mapping is None:
            return FAILED
        recordings: list[Recording] = []
        failed = False
        for key, child in mapping.entries.items():
            key_location = mapping.key_locations[key]
            files = reader.mapping(child, f"the recordings of '{shown(key)}' (per language)")
            if files is None:
                failed = True
                continue
            if not files.entries:
                reader.error(files.location, f"'{shown(key)}' names no language")
                failed = True
            for code, value in files.entries.items():
                where = files.key_locations[code]
                if not LANGUAGE_CODE.match(code):
                    reader.error(where, f"'{shown(code)}' is not a language code such as en or az")
                    failed = True
                    continue
                if reader.languages and code not in reader.languages:
                    offered = ", ".join(reader.languages)
                    hint = difflib.get_close_matches(code, reader.languages, n=1, cutoff=0.5)
                    suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                    reader.error(
                        where,
                        f"'{shown(code)}' is not one of the exhibit's languages "
                        f"({shown(offered)}){suggestion}",
                    )
                    failed = True
                    continue
                asset = reader.asset(value)
                if asset is None:
                    failed = True
                    continue
                recordings.append(Recording(key, code, asset.path, asset.location, key_location))
        return FAILED if failed else Narration(tuple(recordings), mapping.location)

    def json_schema(self) -> JSON:
        return self._described(
            {
                "type": "object",
                "propertyNames": {"pattern": KEY_PATTERN},
                "additionalProperties": {
                    "type": "object",
                    "propertyNames": {"pattern": LANGUAGE_CODE.pattern},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            }
        )


NARRATION_FILE: Object[Narration] = Object(
    title=NAME,
    description=(
        "Optional: staff's recordings of the exhibit's texts (OGG Vorbis, OGG Opus, FLAC or "
        "WAV inside the content folder); texts without one are read by synthetic speech."
    ),
    extra=SCHEMA_VERSION_FIELD,
    build=lambda recordings: recordings,
    fields={
        "recordings": Field(
            RecordingMap(
                "Per text (exhibit.title; statement.heading, .subtitle, .issuer, .date_text; "
                "statement.paragraph.N from 1; moment.ID; figure.ID), per language, a file "
                "such as audio/p1-en.ogg."
            )
        )
    },
)


def check_narration(
    exhibit: Exhibit, folder: Path
) -> tuple[list[tuple[Recording, Path]], list[Issue]]:
    """The quick checks of narration.yaml against the exhibit and the files: the recordings
    that may be decoded, and every finding."""
    narration = exhibit.narration
    if narration is None:
        return [], []
    texts = narrated_texts(exhibit)
    root = folder.resolve()
    issues: list[Issue] = []
    found: list[tuple[Recording, Path]] = []
    reported: set[str] = set()
    for recording in narration.recordings:
        narrated = texts.get(recording.key)
        if narrated is None:
            if recording.key not in reported:
                reported.add(recording.key)
                # Suggestions are slow to find; thousands of unknown keys get none.
                suggest = len(reported) <= MAX_SUGGESTIONS
                issues.append(_unknown_key(recording, exhibit, texts, suggest=suggest))
            continue
        missing = _missing_part(narrated, recording.language)
        if missing is not None:
            issues.append(_error(recording, missing))
            continue
        resolved, problem = _locate(folder / recording.path, root)
        tags: list[str] = []
        if problem is None:
            problem, tags = sounds.examine(resolved)
        if problem:
            issues.append(_error(recording, f"'{shown(recording.path)}' {problem}"))
            continue
        issues += _language_tags(recording, tags, narrated)
        found.append((recording, resolved))
    return found, issues + _without_recording(exhibit, narration, texts)


def _locate(path: Path, root: Path) -> tuple[Path, str | None]:
    from kiosk.content.checks import _locate as locate  # noqa: PLC0415 - checks imports us lazily

    return locate(path, root, kind="a recording")


def _error(recording: Recording, message: str) -> Issue:
    return Issue("error", recording.location, message)


def _unknown_key(
    recording: Recording, exhibit: Exhibit, texts: dict[str, Narrated], *, suggest: bool
) -> Issue:
    key = recording.key
    kind, _, name = key.partition(".")
    if kind in ("moment", "figure") and name:
        ids = (
            [m.id for m in exhibit.timeline]
            if kind == "moment"
            else [f.id for f in exhibit.figures]
        )
        where = "timeline.yaml" if kind == "moment" else "figures.yaml"
        hint = difflib.get_close_matches(name, ids, n=1, cutoff=0.5) if suggest else []
        suggestion = f"; did you mean '{kind}.{hint[0]}'?" if hint else ""
        message = f"there is no {kind} '{shown(name)}' in {where}{suggestion}"
    elif key.startswith("statement.paragraph."):
        count = len(exhibit.statement.paragraphs)
        message = (
            f"'{shown(key)}': the statement has paragraphs statement.paragraph.1 to "
            f"statement.paragraph.{count}"
        )
    else:
        hint = difflib.get_close_matches(key, list(texts), n=1, cutoff=0.6) if suggest else []
        suggestion = (
            f"; did you mean '{hint[0]}'?"
            if hint
            else "; texts are named exhibit.title, statement.heading, statement.subtitle, "
            "statement.issuer, statement.date_text, statement.paragraph.N, moment.ID, figure.ID"
        )
        message = f"unknown text '{shown(key)}'{suggestion}"
    return Issue("error", recording.key_location, message)


def _missing_part(narrated: Narrated, language: str) -> str | None:
    """Why the text cannot be narrated in ``language`` (a part lacks it), or None."""
    for part, text in narrated.parts:
        if language not in text.values:
            have = "/".join(text.values)
            whose = f"its {part.replace('_', ' ')}" if len(narrated.parts) > 1 else "its text"
            return (
                f"{narrated.name} has no {language} text to narrate ({whose} is given in "
                f"{have} only, at {text.location})"
            )
    return None


def _language_tags(recording: Recording, tags: list[str], narrated: Narrated) -> list[Issue]:
    """A recording that says which language it speaks must speak the key's."""
    issues: list[Issue] = []
    for tag in tags:
        code = sounds.tag_language(tag)
        if code in ("", recording.language):
            continue
        if code is None:
            issues.append(
                Issue(
                    "warning",
                    recording.location,
                    f"'{shown(recording.path)}' has the language tag '{shown(tag)}', which the "
                    f"kiosk cannot compare with {recording.language}; make it "
                    f"{recording.language} or remove it",
                )
            )
            continue
        issues.append(
            _error(
                recording,
                f"'{shown(recording.path)}' is tagged as {english_name(code)} "
                f"(LANGUAGE={shown(tag)}) but is given as the {recording.language} recording "
                f"of {narrated.name}",
            )
        )
    return issues


def _without_recording(
    exhibit: Exhibit, narration: Narration, texts: dict[str, Narrated]
) -> list[Issue]:
    """One warning per language listing the texts that will be read by synthetic speech."""
    given = {(r.key, r.language) for r in narration.recordings}
    issues = []
    for language in exhibit.settings.languages:
        exist = [
            key for key, narrated in texts.items() if _missing_part(narrated, language) is None
        ]
        missing = [key for key in exist if (key, language) not in given]
        if not missing:
            continue
        listed = ", ".join(shown(key) for key in missing[:MAX_LISTED])
        more = len(missing) - MAX_LISTED
        if more > 0:
            listed += f" and {more} more"
        issues.append(
            Issue(
                "warning",
                narration.location,
                f"{len(missing)} of {len(exist)} texts have no {language} recording and will "
                f"be read by synthetic speech: {listed}",
            )
        )
    return issues


def decoding(found: list[tuple[Recording, Path]]) -> list[Issue]:
    """Decode every recording in a separate process, for its duration: a decoder crash or
    a runaway file must not take us down."""
    if not found:
        return []
    try:
        verdicts = decode_recordings([path for _, path in found])
    except NoAudioDecoderError:
        return [
            Issue(
                "warning",
                recording.location,
                f"'{shown(recording.path)}' was not decoded: this machine has no audio decoder "
                "(Qt Multimedia); the kiosk checks it when the pack is installed",
            )
            for recording, _ in found
        ]
    if verdicts is None:
        return [_error(r, f"'{shown(r.path)}' took too long to decode") for r, _ in found]
    issues = []
    for recording, path in found:
        name = shown(recording.path)
        verdict = verdicts.get(str(path))
        if verdict is None:
            issues.append(_error(recording, f"'{name}' made the audio decoder fail"))
        elif verdict[0]:
            issues.append(_error(recording, f"'{name}' cannot be decoded: {verdict[0]}"))
        elif verdict[1] > MAX_DURATION_S:
            issues.append(
                _error(
                    recording,
                    f"'{name}' lasts longer than {_minutes(MAX_DURATION_S)}, the most a "
                    "recording may last",
                )
            )
        elif verdict[1] <= 0:
            issues.append(_error(recording, f"'{name}' holds no sound"))
    return issues


def _minutes(seconds: float) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return f"{seconds // 60:g} minutes"
    return f"{seconds:g} seconds"


class NoAudioDecoderError(RuntimeError):
    """This machine cannot decode recordings (`kiosk audio-probe` has no Qt Multimedia)."""


def decode_recordings(paths: list[Path]) -> dict[str, tuple[str, float]] | None:
    """Path -> (the decoder's complaint or "", seconds decoded), from a child process that
    stops a file once it is past the duration limit; paths missing from the result made the
    decoder fail; None when it took too long.  Raises NoAudioDecoderError without Qt."""
    import json  # noqa: PLC0415 - only staff tools decode; the kiosk's start-up does not
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    from kiosk.paths import kiosk_command  # noqa: PLC0415

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = kiosk_command(
        "audio-probe", f"--max-seconds={MAX_DURATION_S}", *(str(path) for path in paths)
    )
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=env,
            timeout=PROBE_TIMEOUT_S + PROBE_TIMEOUT_PER_FILE_S * len(paths),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if result.returncode == NO_DECODER_EXIT and not result.stdout:
        raise NoAudioDecoderError(result.stderr.strip())
    verdicts: dict[str, tuple[str, float]] = {}
    for line in result.stdout.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and isinstance(record.get("path"), str):
            seconds = record.get("seconds")
            verdicts[record["path"]] = (
                str(record.get("error") or ""),
                float(seconds) if isinstance(seconds, (int, float)) else 0.0,
            )
    return verdicts
