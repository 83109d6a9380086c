"""The staff PIN: stored only as a salted scrypt hash, and a lockout that grows with
wrong guesses, kept across restarts.  Never log a PIN."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import math
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# scrypt cost: about 50 ms on a kiosk PC, far too slow for guessing at scale.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
MIN_PIN_DIGITS, MAX_PIN_DIGITS = 4, 12
FREE_ATTEMPTS = 5
FIRST_LOCK_S = 30.0
MAX_LOCK_S = 15 * 60.0
PIN_RECORD = "staff-pin.json"

# Staff entries, failed PINs, lockouts and staff actions: an audit trail, never the digits.
log = logging.getLogger("kiosk.staff")


def pin_problem(pin: str) -> str | None:
    if not pin.isdigit() or not pin.isascii():
        return "a PIN is made of digits only"
    if not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        return f"a PIN has {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash``, all that is stored of a PIN."""
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    encode = base64.b64encode
    return (
        f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"
    )


def is_pin_hash(text: str) -> bool:
    parts = text.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(part for part in parts)


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash; False for a malformed hash."""
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt, validate=True),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True)
class LockState:
    failures: int
    locked_until: float  # wall-clock seconds (time.time()); 0 when not locked
    written: float  # wall-clock seconds when the record was written


class PinRecord:
    """Failed PINs and the lockout, in the data folder, so a restart (or kill -9) does not
    give a guesser five fresh tries.

    Two files: the record itself and a marker that exists while there are failures.  The
    marker is written before the record on a failure and removed after it on success, so a
    record that is missing or unreadable while the marker is there means someone removed
    or broke it: that is logged and treated as a lockout.  What this cannot detect is both
    files removed together; whoever can do that can already change the station's
    configuration, PIN included (``kiosk staff set-pin``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.marker = path.with_name(f"{path.name}.failed")
        self._write_failed = False

    def read(self) -> LockState | None:
        """The stored state; None when there is no record.  Raises ValueError when the
        record cannot be read or makes no sense."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None  # nothing was ever stored there (or the data folder is unusable)
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(str(error)) from error
        try:
            data = json.loads(text)
            state = LockState(
                int(data["failures"]), float(data["locked_until"]), float(data["written"])
            )
        except (ValueError, TypeError, KeyError) as error:
            raise ValueError(f"not a PIN record: {error}") from error
        if state.failures < 0 or not all(map(math.isfinite, (state.locked_until, state.written))):
            raise ValueError("not a PIN record: impossible numbers")
        return state

    def has_marker(self) -> bool:
        try:
            return self.marker.exists()
        except OSError:
            return False

    def write(self, state: LockState) -> None:
        """Store ``state``; a disk that refuses is logged once and the lockout holds in
        memory until the kiosk restarts."""
        try:
            if state.failures:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.marker.touch()
            self._replace(json.dumps(state.__dict__))
            if not state.failures:
                self.marker.unlink(missing_ok=True)
        except OSError as error:
            if not self._write_failed:
                log.warning(
                    "staff: cannot keep failed PINs in %s (%s); the lockout lasts until the "
                    "kiosk restarts",
                    self.path,
                    error.strerror or error,
                )
            self._write_failed = True
        else:
            self._write_failed = False

    def _replace(self, text: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".staff-pin-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(self.path)
        finally:
            Path(temporary).unlink(missing_ok=True)


def lock_duration(failures: int) -> float:
    """How long entry waits after the ``failures``-th wrong PIN in a row (0: not locked)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_LOCK_S, FIRST_LOCK_S * float(2 ** min(failures - FREE_ATTEMPTS, 32)))


def remaining_lock(state: LockState, now: float) -> float:
    """Seconds still locked, from a stored state and the wall clock now.

    A clock that went back since the record was written (NTP stepping, a wrong RTC at boot)
    cannot say how much time passed: the whole lock is served again from now.  Never more
    than the longest lock, so a clock set far back cannot lock staff out for good.
    """
    if state.locked_until <= 0:
        return 0.0
    duration = max(0.0, state.locked_until - state.written)
    left = duration if now < state.written else state.locked_until - now
    return max(0.0, min(left, duration, MAX_LOCK_S))


@dataclass
class PinGate:
    """Checks PINs with a lockout: after five wrong PINs, entry waits 30 s, then twice as
    long after each further wrong PIN, up to 15 minutes.

    ``clock`` is monotonic (time within this run); ``wall_clock`` dates the ``record``,
    which carries failures and lockout across restarts.
    """

    stored_hash: str | None
    clock: Callable[[], float]
    failures: int = 0
    locked_until: float = 0.0
    record: PinRecord | None = None
    wall_clock: Callable[[], float] = field(default=time.time)

    def __post_init__(self) -> None:
        if self.record is not None:
            self._restore(self.record)

    def _restore(self, record: PinRecord) -> None:
        try:
            state = record.read()
            problem = None
        except ValueError as error:
            state, problem = None, str(error)
        if state is None and (problem is not None or record.has_marker()):
            # Failures were recorded and the record is gone or broken: fail closed.
            log.warning(
                "staff: the record of failed PINs in %s is %s after failed PINs; entry is "
                "locked as after %d wrong PINs",
                record.path,
                f"unreadable ({problem})" if problem else "missing",
                FREE_ATTEMPTS,
            )
            self.failures = FREE_ATTEMPTS
            self._lock_for(lock_duration(self.failures))
            return
        if state is None:
            return
        if state.failures and not record.has_marker():
            log.warning("staff: the marker of failed PINs was removed; the record stands")
            record.write(state)
        self.failures = state.failures
        left = remaining_lock(state, self.wall_clock())
        if left > 0:
            self.locked_until = self.clock() + left
            log.info("staff: PIN entry stays locked for %d s after a restart", round(left))

    def _lock_for(self, seconds: float) -> None:
        self.locked_until = self.clock() + seconds if seconds > 0 else 0.0
        if self.record is not None:
            now = self.wall_clock()
            self.record.write(LockState(self.failures, now + seconds if seconds > 0 else 0.0, now))

    @property
    def has_pin(self) -> bool:
        return bool(self.stored_hash)

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if self.stored_hash is None:
            return False
        if (left := self.seconds_locked()) > 0:
            log.warning("staff: PIN refused unchecked, entry locked for %d s more", round(left))
            return False
        if verify_pin(pin, self.stored_hash):
            if self.failures:
                self.failures = 0
                self._lock_for(0)
            log.info("staff: entry with the right PIN")
            return True
        self.failures += 1
        seconds = lock_duration(self.failures)
        self._lock_for(seconds)
        log.warning("staff: wrong PIN (%d in a row)", self.failures)
        if seconds:
            log.warning("staff: PIN entry locked for %d s", round(seconds))
        return False
