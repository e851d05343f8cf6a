"""The staff PIN: kept only as a slow, salted argon2 hash, with a growing lockout after wrong tries."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable, NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.staff.atomic import write_file_atomically

PIN_FILE = "staff-pin.json"
FILE_FORMAT = 1
MIN_DIGITS, MAX_DIGITS = 4, 12
FREE_TRIES = 3  # wrong tries allowed before the first wait
FIRST_LOCK_S = 30.0  # the first wait; each further wrong try doubles it ...
MAX_LOCK_S = 3600.0  # ... up to an hour
NO_PIN_MESSAGE = "No staff PIN is set on this kiosk: set one with `kiosk staff set-pin`"


class PinError(ValueError):
    """A PIN that cannot be used (the message says why), or a PIN file the kiosk cannot read."""


class PinResult(NamedTuple):
    """The answer to one PIN entry: whether it opens the staff screen, any wait, and words for the PIN pad."""

    ok: bool
    locked_for_s: float
    message: str


def pin_store(data_dir: Path, clock: Callable[[], float] = time.time) -> "PinStore":
    """The PIN store of a data directory (what `kiosk staff set-pin` and the staff screen use)."""
    return PinStore(Path(data_dir) / PIN_FILE, clock=clock)


def lock_seconds(failures: int) -> float:
    """How long the PIN pad waits after `failures` wrong tries in a row: none for the free tries, then doubling."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_LOCK_S, FIRST_LOCK_S * 2 ** (failures - FREE_TRIES))


def describe_wait(seconds: float) -> str:
    """A wait in words for the PIN pad: whole seconds, rounded up, or minutes past two minutes."""
    whole = max(1, int(-(-seconds // 1)))
    if whole >= 120:
        minutes = -(-whole // 60)
        return f"{minutes} minutes"
    return f"{whole} second{'s' if whole != 1 else ''}"


class PinStore:
    """The PIN hash, the count of wrong tries and the lock-until time, in one small JSON file.

    The clock is wall-clock time (it must mean the same after a restart); a clock set backwards cannot
    lengthen a wait beyond the wait that was set.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time,
                 hasher: PasswordHasher | None = None) -> None:
        self.path = Path(path)
        self._clock = clock
        self._hasher = hasher or PasswordHasher()

    # -- the file ----------------------------------------------------------------------------------------

    def _read(self) -> dict:
        if not self.path.is_file():
            return {}
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise PinError(f"{self.path}: the staff PIN file cannot be read ({e}); set the PIN again") from None
        if not isinstance(state, dict) or not isinstance(state.get("hash"), str):
            raise PinError(f"{self.path}: the staff PIN file is damaged; set the PIN again")
        return state

    def _write(self, state: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_file_atomically(self.path, json.dumps(state, indent=1).encode(), mode=0o600)

    # -- the API -----------------------------------------------------------------------------------------

    @property
    def is_set(self) -> bool:
        """Whether a PIN has been set (a damaged file counts as set: check() then says what is wrong)."""
        return self.path.is_file()

    def set_pin(self, pin: str) -> None:
        """Set (or replace) the PIN; 4 to 12 digits. Clears any wrong tries and wait."""
        if not (pin.isascii() and pin.isdigit()):
            raise PinError("the staff PIN must be digits only (0-9)")
        if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
            raise PinError(f"the staff PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits long, not {len(pin)}")
        self._write({"format": FILE_FORMAT, "hash": self._hasher.hash(pin), "failures": 0, "locked_until": 0.0,
                     "lock_s": 0.0})

    def locked_for(self) -> float:
        """Seconds until the PIN pad may be tried again (0 when it may be tried now)."""
        try:
            state = self._read()
        except PinError:
            return 0.0
        return self._remaining(state)

    def check(self, pin: str) -> PinResult:
        """Whether `pin` is the staff PIN. While a wait is running it refuses at once, without hashing."""
        try:
            state = self._read()
        except PinError as e:
            return PinResult(False, 0.0, str(e))
        if not state:
            return PinResult(False, 0.0, NO_PIN_MESSAGE)
        waiting = self._remaining(state)
        if waiting > 0:
            return PinResult(False, waiting, f"Too many wrong tries. Try again in {describe_wait(waiting)}.")
        try:
            self._hasher.verify(state["hash"], pin)
        except VerifyMismatchError:
            return self._wrong(state)
        except (VerificationError, InvalidHashError):
            return PinResult(False, 0.0, f"{self.path}: the staff PIN file is damaged; set the PIN again")
        if state.get("failures") or self._hasher.check_needs_rehash(state["hash"]):
            # The hash is renewed when the hasher's parameters have changed (it needs the PIN, so only now).
            self._write({**state, "hash": self._hasher.hash(pin), "failures": 0, "locked_until": 0.0, "lock_s": 0.0})
        return PinResult(True, 0.0, "")

    def _wrong(self, state: dict) -> PinResult:
        failures = int(state.get("failures", 0)) + 1
        wait = lock_seconds(failures)
        self._write({**state, "failures": failures, "locked_until": self._clock() + wait if wait else 0.0,
                     "lock_s": wait})
        if wait:
            return PinResult(False, wait, f"That PIN is not right. Try again in {describe_wait(wait)}.")
        left = FREE_TRIES - failures
        return PinResult(False, 0.0, f"That PIN is not right. {left} more tr{'ies' if left != 1 else 'y'} "
                                     "before the PIN pad waits.")

    def _remaining(self, state: dict) -> float:
        try:
            until, lock_s = float(state.get("locked_until", 0.0)), float(state.get("lock_s", 0.0))
        except (TypeError, ValueError):
            return MAX_LOCK_S  # a damaged lock is a lock: nobody gains tries by corrupting the file
        return max(0.0, min(until - self._clock(), lock_s))
