"""The staff PIN: kept only as a slow, salted argon2 hash, with a growing lockout after wrong tries."""

from __future__ import annotations

import json
import logging
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
# What the PIN pad says when no PIN can open it; never a file path (a pupil may be reading over a shoulder).
UNSAVED_MESSAGE = "Staff sign-in is unavailable: the kiosk cannot save to its disk"
DAMAGED_MESSAGE = ("Staff sign-in is unavailable: the staff PIN file is damaged. "
                   "Set the PIN again with kiosk staff set-pin.")
UNREADABLE_MESSAGE = "Staff sign-in is unavailable: the kiosk cannot read its disk"

log = logging.getLogger(__name__)


class PinError(ValueError):
    """A PIN that cannot be used (the message says why), or a PIN file the kiosk cannot read."""

    def __init__(self, message: str, plain: str = DAMAGED_MESSAGE) -> None:
        super().__init__(message)
        self.plain = plain  # the words for the PIN pad, without the file's path


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
            data = self.path.read_bytes()
        except OSError as e:
            raise PinError(f"{self.path}: the staff PIN file cannot be read ({e})", UNREADABLE_MESSAGE) from None
        try:
            state = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
            raise PinError(f"{self.path}: the staff PIN file is damaged ({e}); set the PIN again") from None
        if not isinstance(state, dict) or not isinstance(state.get("hash"), str):
            raise PinError(f"{self.path}: the staff PIN file is damaged (it holds no PIN hash); set the PIN again")
        failures = state.get("failures", 0)
        if isinstance(failures, bool) or not isinstance(failures, int) or failures < 0:
            raise PinError(f"{self.path}: the staff PIN file is damaged (its count of wrong tries is "
                           f"{failures!r}); set the PIN again")
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

    def problem(self) -> str:
        """Why no PIN can open the pad now, in words for the pad (no PIN set, or a damaged file); "" if none."""
        try:
            return "" if self._read() else NO_PIN_MESSAGE
        except PinError as e:
            return e.plain

    def damage(self) -> str | None:
        """What is wrong with the PIN file, naming it (for `kiosk doctor`); None when it reads well or is absent."""
        try:
            self._read()
        except PinError as e:
            return str(e)
        return None

    def locked_for(self) -> float:
        """Seconds until the PIN pad may be tried again (0 when it may be tried now)."""
        try:
            state = self._read()
        except PinError:
            return 0.0
        return self._remaining(state)

    def check(self, pin: str) -> PinResult:
        """Whether `pin` is the staff PIN. While a wait is running it refuses at once, without hashing.

        Each try is counted as wrong on disk before the PIN is hashed (and the count reset after a right one),
        so a try whose count cannot be saved is refused whatever the PIN, and a crash mid-check still counts.
        """
        try:
            state = self._read()
        except PinError as e:
            return PinResult(False, 0.0, e.plain)
        if not state:
            return PinResult(False, 0.0, NO_PIN_MESSAGE)
        waiting = self._remaining(state)
        if waiting > 0:
            return PinResult(False, waiting, f"Too many wrong tries. Try again in {describe_wait(waiting)}.")
        failures = state.get("failures", 0) + 1
        wait = lock_seconds(failures)
        try:
            self._write({**state, "failures": failures, "locked_until": self._clock() + wait if wait else 0.0,
                         "lock_s": wait})
        except OSError as e:
            # Fail closed: a try that cannot be counted is a free guess, so none is checked (nor hashed).
            log.warning("a staff PIN try was refused: its count could not be saved (%s)", e)
            return PinResult(False, 0.0, UNSAVED_MESSAGE)
        try:
            self._hasher.verify(state["hash"], pin)
        except VerifyMismatchError:
            return self._wrong(failures, wait)
        except (VerificationError, InvalidHashError):
            return PinResult(False, 0.0, DAMAGED_MESSAGE)
        # The hash is renewed when the hasher's parameters have changed (it needs the PIN, so only now).
        renewed = self._hasher.hash(pin) if self._hasher.check_needs_rehash(state["hash"]) else state["hash"]
        try:
            self._write({**state, "hash": renewed, "failures": 0, "locked_until": 0.0, "lock_s": 0.0})
        except OSError as e:
            # The try was counted: the right PIN opens, and the count is cleared at the next right PIN.
            log.warning("the staff PIN's count of wrong tries could not be cleared (%s)", e)
        return PinResult(True, 0.0, "")

    @staticmethod
    def _wrong(failures: int, wait: float) -> PinResult:
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
