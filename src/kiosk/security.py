"""The staff PIN: stored only as a salted scrypt hash, and a lockout that grows with
wrong guesses.  Never log a PIN."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass

# scrypt cost: about 50 ms on a kiosk PC, far too slow for guessing at scale.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
MIN_PIN_DIGITS, MAX_PIN_DIGITS = 4, 12
FREE_ATTEMPTS = 5
FIRST_LOCK_S = 30.0
MAX_LOCK_S = 15 * 60.0


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


@dataclass
class PinGate:
    """Checks PINs with a lockout: after five wrong PINs, entry waits 30 s, then twice as
    long after each further wrong PIN, up to 15 minutes."""

    stored_hash: str | None
    clock: Callable[[], float]
    failures: int = 0
    locked_until: float = 0.0

    @property
    def has_pin(self) -> bool:
        return bool(self.stored_hash)

    def seconds_locked(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> bool:
        if self.stored_hash is None or self.seconds_locked() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= FREE_ATTEMPTS:
            extra = self.failures - FREE_ATTEMPTS
            self.locked_until = self.clock() + min(MAX_LOCK_S, FIRST_LOCK_S * 2**extra)
        return False
