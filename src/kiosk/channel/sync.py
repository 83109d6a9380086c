"""One round of following a channel: look at its index, and install what it names if that
is newer, signed by a key this station trusts, and due.

The order of the checks, each refusing with a message that names the file and what was
expected against what came:

1. trust: the station's trusted keys (``kiosk pack trust``); none, or a configuration that
   leaves trust uncertain, refuses the round (a channel is never followed unsigned);
2. the index (conditional request): JSON and not an HTML page; its signature on the raw
   bytes; its format; not expired; its sequence not below the one installed from this
   channel (a replayed or downgraded index), and the same sequence only for the same pack;
3. the pack: its size within the pack limits before anything is downloaded, then
   downloaded (resumed where the server allows) into ``<data dir>/channel/downloads/``;
   its size and SHA-256 against the index;
4. ``not_before`` in the future: the pack is checked in full (signature, hashes, content)
   and kept waiting in ``downloads/``; the store is not touched, so the exhibit stays
   exactly as it is.  The first round at or after the moment installs it, even when the
   server is down by then.  Otherwise it is installed at once;
5. the install is ``kiosk.packs.install`` (the same checks as a USB install, the pack's
   signature against the station's keys, the atomic switch); the kiosk shows it at the next
   return to the start screen, as it does with an install from a stick.

A channel may return to older content by publishing an older pack under a new sequence:
the signed, newer index is the decision, so the pack's own "no older pack" rule is waived
for it, but only while this station's record of the channel shows what it installed
before (with no record, e.g. after the data folder was lost, the pack rule holds).

Whatever fails, the round ends with the store as it was (the installer's staging is its
own and removed on refusal; a download that failed its checks is deleted; only a download
cut short is kept, to be resumed), the failure recorded, and a back-off before the next.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.channel.errors import ChannelError, UnreachableError
from kiosk.channel.fetch import FetchPolicy, Source
from kiosk.channel.index import (
    INDEX_NAME,
    MAX_INDEX_BYTES,
    MAX_SIGNATURE_BYTES,
    SIGNATURE_NAME,
    ChannelIndex,
    check_index_signature,
    parse_index,
)
from kiosk.channel.settings import ChannelSettings
from kiosk.channel.state import ChannelState, Pending, channel_dir, load_state, save_state
from kiosk.packs.errors import PackError
from kiosk.packs.install import install_pack
from kiosk.packs.keys import PublicKey, station_keys
from kiosk.packs.limits import DEFAULT_LIMITS, Limits
from kiosk.packs.lock import exclusive_lock
from kiosk.packs.manifest import iso_utc
from kiosk.packs.store import ContentStore
from kiosk.packs.verify import verify_pack

log = logging.getLogger(__name__)

DOWNLOADS = "downloads"
BACKOFF_CAP_SECONDS = 3600.0
OK_RESULTS = frozenset({"installed", "up-to-date", "waiting"})


@dataclass(frozen=True)
class Outcome:
    result: str  # installed, up-to-date, waiting, refused, unreachable, off
    message: str
    next_check_seconds: float

    @property
    def ok(self) -> bool:
        """Nothing wrong: done, current, waiting, or another round was already at it."""
        return self.result in OK_RESULTS or self.result == "busy"


def backoff_seconds(failures: int, poll_seconds: float, rng: Callable[[], float]) -> float:
    """How long to wait after ``failures`` failed rounds in a row: the poll interval doubled
    per failure, at most an hour (or the poll interval, if longer), then jittered down by up
    to half so that a fleet that failed together does not retry together."""
    cap = max(BACKOFF_CAP_SECONDS, poll_seconds)
    exponent = min(max(failures, 1) - 1, 32)  # 2**32 x poll is past any cap
    ceiling = min(cap, poll_seconds * 2.0**exponent)
    return ceiling * (0.5 + 0.5 * rng())


def poll_seconds_jittered(poll_seconds: float, rng: Callable[[], float]) -> float:
    """The next poll of a healthy channel: the interval, give or take a tenth."""
    return poll_seconds * (0.9 + 0.2 * rng())


@dataclass
class _Round:
    settings: ChannelSettings
    store: ContentStore
    policy: FetchPolicy
    now: datetime
    limits: Limits
    keys: list[PublicKey]
    state: ChannelState
    source: Source
    downloads: Path


def sync_once(
    settings: ChannelSettings,
    *,
    store: ContentStore | None = None,
    policy: FetchPolicy | None = None,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    rng: Callable[[], float] = random.random,
    limits: Limits = DEFAULT_LIMITS,
    state_file: Path | None = None,
) -> Outcome:
    """One round; never raises for anything the channel, the network or the pack did."""
    if settings.location is None:
        return Outcome("off", "no channel is set in the station configuration", 0.0)
    folder = channel_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(exclusive_lock(folder / "lock"))
        except PackError:
            return Outcome(
                "busy",
                "another channel round is running; this one did nothing",
                poll_seconds_jittered(settings.poll_seconds, rng),
            )
        round_ = _Round(
            settings=settings,
            store=store or ContentStore.default(),
            policy=policy or FetchPolicy(ca_file=settings.ca_file),
            now=clock(),
            limits=limits,
            keys=[],
            state=load_state(state_file).for_channel(settings.location),
            source=Source(settings.location),
            downloads=folder / DOWNLOADS,
        )
        return _locked_round(round_, clock, rng, state_file)


def _locked_round(
    round_: _Round,
    clock: Callable[[], datetime],
    rng: Callable[[], float],
    state_file: Path | None,
) -> Outcome:
    settings = round_.settings
    assert settings.location is not None
    try:
        round_.keys = _keys(settings.location)
        result, message, state = _run(round_)
    except (PackError, OSError) as error:
        # round_.state: what this round learnt before it failed (a pending pack found gone)
        if isinstance(error, PackError):
            kind = "unreachable" if isinstance(error, UnreachableError) else "refused"
            message = str(error)
        else:
            kind, message = "failed", f"this station's disk: {error}"
        failures = round_.state.failures + 1
        state = round_.state.with_(
            last_check=iso_utc(clock()),
            last_result=kind,
            last_error=message,
            failures=failures,
            etag=None,  # the next round reads the index whole again
            last_modified=None,
        )
        _save(state, state_file)
        log.warning("channel %s: %s", settings.location, message)
        return Outcome(kind, message, backoff_seconds(failures, settings.poll_seconds, rng))
    state = state.with_(
        last_check=iso_utc(clock()),
        last_result=result,
        last_error=None,
        last_success=iso_utc(clock()),
        failures=0,
    )
    _save(state, state_file)
    wait = poll_seconds_jittered(settings.poll_seconds, rng)
    if state.pending is not None:
        until = (_moment(state.pending.not_before) - clock()).total_seconds()
        wait = min(wait, max(1.0, until + rng() * min(30.0, settings.poll_seconds / 10)))
    log.info("channel %s: %s", settings.location, message)
    return Outcome(result, message, wait)


def _save(state: ChannelState, state_file: Path | None) -> None:
    try:
        save_state(state, state_file)
    except OSError as error:  # a full disk must not turn into a crash of the follower
        log.error("channel state not saved: %s", error)


def _keys(location: str) -> list[PublicKey]:
    keys = station_keys()
    if not keys:
        raise ChannelError(
            f"{location}: no trusted keys on this station, and a channel is followed only "
            "with signatures; add the publisher's key with 'kiosk pack trust KEY.pub'"
        )
    return keys


def _run(round_: _Round) -> tuple[str, str, ChannelState]:
    due = round_.state.pending
    if due is None or _moment(due.not_before) > round_.now:
        return _check(round_)
    round_.state = _install_pending(round_, round_.state)
    done = f"installed sequence {due.sequence} (shown from {due.not_before})"
    try:
        _result, message, state = _check(round_)
    except PackError as error:
        # The waiting pack was checked when it came; the channel can be looked at later.
        return (
            "installed",
            f"{done}; the channel itself could not be checked: {error}",
            (round_.state),
        )
    return "installed", f"{done}; {message}", state


def _check(round_: _Round) -> tuple[str, str, ChannelState]:
    state = round_.state
    where = round_.source.where(INDEX_NAME)
    conditional = state.last_result in OK_RESULTS
    fetched = round_.source.read(
        INDEX_NAME,
        limit=MAX_INDEX_BYTES,
        policy=round_.policy,
        etag=state.etag if conditional else None,
        last_modified=state.last_modified if conditional else None,
    )
    if fetched.data is None:
        return _unchanged(state)
    index = _verified_index(round_, fetched.data, where)
    state = round_.state = state.with_(etag=fetched.etag, last_modified=fetched.last_modified)
    return _follow(round_, index)


def _unchanged(state: ChannelState) -> tuple[str, str, ChannelState]:
    if state.pending is not None:
        return "waiting", _waiting_text(state.pending), state
    return "up-to-date", f"unchanged; sequence {state.installed_sequence} installed", state


def _verified_index(round_: _Round, data: bytes, where: str) -> ChannelIndex:
    if data.lstrip()[:1] != b"{":
        parse_index(data, where)  # raises, saying what came instead (an HTML page...)
    signature = round_.source.read(
        SIGNATURE_NAME, limit=MAX_SIGNATURE_BYTES, policy=round_.policy
    ).data
    assert signature is not None  # asked for unconditionally
    check_index_signature(data, signature, round_.keys, where)
    index = parse_index(data, where)
    if index.expires <= round_.now:
        raise ChannelError(
            f"{where}: the index expired at {iso_utc(index.expires)} (it is now "
            f"{iso_utc(round_.now)}); the publisher must publish again"
        )
    return index


def _follow(round_: _Round, index: ChannelIndex) -> tuple[str, str, ChannelState]:
    state = round_.state
    where = round_.source.where(INDEX_NAME)
    known = state.installed_sequence
    if known is not None and index.sequence < known:
        raise ChannelError(
            f"{where}: refused: sequence {index.sequence} is older than sequence {known} "
            "installed from this channel (a replayed or downgraded index)"
        )
    if known is not None and index.sequence == known:
        if index.pack.sha256 != state.installed_sha256:
            raise ChannelError(
                f"{where}: refused: sequence {index.sequence} is the one installed, but it "
                f"now names another pack (sha256 {index.pack.sha256}, installed "
                f"{state.installed_sha256}); a publisher never reuses a sequence"
            )
        _discard_downloads(round_.downloads, keep=())
        return "up-to-date", f"sequence {known} is installed and current", state
    pending = state.pending
    if pending is not None and (index.sequence, index.pack.sha256) == (
        pending.sequence,
        pending.sha256,
    ):
        return "waiting", _waiting_text(pending), state  # checked when it came
    if pending is not None and index.sequence < pending.sequence:
        raise ChannelError(
            f"{where}: refused: sequence {index.sequence} is older than sequence "
            f"{pending.sequence} already waiting here (a replayed or downgraded index)"
        )
    if index.pack.size > round_.limits.max_pack_bytes:
        raise ChannelError(
            f"{where}: the pack is {index.pack.size} bytes, more than the "
            f"{round_.limits.max_pack_bytes} a pack may have; nothing was downloaded"
        )
    pack = _download(round_, index)
    if index.not_before is not None and index.not_before > round_.now:
        verify_pack(pack, round_.keys, round_.limits)  # all of an install's checks, now
        waiting = Pending(index.sequence, index.pack.sha256, iso_utc(index.not_before), pack.name)
        _discard_downloads(round_.downloads, keep=(pack.name,))
        return "waiting", _waiting_text(waiting), state.with_(pending=waiting)
    state = _install(round_, state, pack, index.sequence, index.pack.sha256)
    return "installed", f"installed sequence {index.sequence} ({state.installed_version})", state


def _waiting_text(pending: Pending) -> str:
    return (
        f"sequence {pending.sequence} is downloaded and checked; it is shown from "
        f"{pending.not_before}"
    )


def _download(round_: _Round, index: ChannelIndex) -> Path:
    """The pack, complete and matching the index's size and SHA-256, in ``downloads/``."""
    folder = round_.downloads
    folder.mkdir(parents=True, exist_ok=True)
    sha = index.pack.sha256
    done, part = folder / f"{sha}.pack", folder / f"{sha}.part"
    _discard_downloads(folder, keep=(done.name, part.name, *_pending_names(round_.state)))
    if done.is_file() and _sha256(done) == sha:
        return done
    url = round_.source.where(index.pack.path)
    try:
        round_.source.download(index.pack.path, part, size=index.pack.size, policy=round_.policy)
    except UnreachableError:
        raise  # what arrived is kept, to be resumed
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    actual_size = part.stat().st_size
    actual = _sha256(part)
    if actual_size != index.pack.size or actual != sha:
        part.unlink(missing_ok=True)
        raise ChannelError(
            f"{url}: the download does not match the index: sha256 {actual} ({actual_size} "
            f"bytes), expected {sha} ({index.pack.size} bytes); it was deleted"
        )
    part.replace(done)
    return done


def _install(
    round_: _Round, state: ChannelState, pack: Path, sequence: int, sha256: str
) -> ChannelState:
    # The waiver of "no older pack" only with this channel's record (see the module doc).
    following = state.installed_sequence is not None
    try:
        installed = install_pack(pack, [], store=round_.store, allow_older=following)
    except PackError as error:
        pack.unlink(missing_ok=True)
        raise ChannelError(
            f"{round_.source.where(INDEX_NAME)}: the pack was refused: {error}"
        ) from None
    pack.unlink(missing_ok=True)
    _discard_downloads(round_.downloads, keep=())
    return state.with_(
        installed_sequence=sequence,
        installed_sha256=sha256,
        installed_version=installed.version,
        pending=None,
    )


def _install_pending(round_: _Round, state: ChannelState) -> ChannelState:
    pending = state.pending
    assert pending is not None
    pack = round_.downloads / pending.file
    if not pack.is_file() or _sha256(pack) != pending.sha256:
        pack.unlink(missing_ok=True)
        round_.state = state.with_(pending=None)
        raise ChannelError(
            f"{pack}: the pack waiting for {pending.not_before} is gone or altered; it is "
            "downloaded again from the channel"
        )
    return _install(round_, state, pack, pending.sequence, pending.sha256)


def _pending_names(state: ChannelState) -> tuple[str, ...]:
    return () if state.pending is None else (state.pending.file,)


def _discard_downloads(folder: Path, keep: tuple[str, ...]) -> None:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name not in keep and entry.is_file():
            entry.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _moment(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
