"""The staff PIN: only an argon2 hash is kept; wrong tries lead to a growing wait that survives a restart."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kiosk.staff.pin import (
    FIRST_LOCK_S, FREE_TRIES, MAX_LOCK_S, NO_PIN_MESSAGE, PinError, PinStore, lock_seconds, pin_store,
)
from tests.staff.fake_services import QUICK_HASHER

PIN = "97531864"


class WallClock:
    """Wall-clock time that only moves when the test moves it (and may be set backwards, like a real clock)."""

    def __init__(self) -> None:
        self.now = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now


class CountingHasher(PasswordHasher):
    """The real hasher, counting how often a PIN is hashed or verified."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.verified = 0

    def verify(self, hash, password) -> bool:  # noqa: A002 - argon2's own parameter name
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def store(tmp_path: Path, wall: WallClock, hasher: CountingHasher) -> PinStore:
    s = PinStore(tmp_path / "staff-pin.json", clock=wall, hasher=hasher)
    s.set_pin(PIN)
    return s


def test_only_a_salted_argon2_hash_is_kept_in_a_private_file(tmp_path: Path) -> None:
    a, b = PinStore(tmp_path / "a.json", hasher=QUICK_HASHER), PinStore(tmp_path / "b.json", hasher=QUICK_HASHER)
    assert not a.is_set
    a.set_pin(PIN)
    b.set_pin(PIN)
    assert a.is_set
    text = a.path.read_text()
    assert PIN not in text
    stored = json.loads(text)["hash"]
    assert stored.startswith("$argon2id$")
    assert stored != json.loads(b.path.read_text())["hash"]  # salted: the same PIN hashes differently
    assert stat.S_IMODE(a.path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json"]  # no temporary file left


@pytest.mark.parametrize("pin, problem", [
    ("123", "4 to 12 digits long, not 3"), ("1234567890123", "4 to 12 digits long, not 13"),
    ("12a4", "digits only"), ("１２３４", "digits only"), ("", "digits only"),
])
def test_a_pin_that_cannot_be_used_is_refused_clearly(tmp_path: Path, pin: str, problem: str) -> None:
    store = PinStore(tmp_path / "pin.json", hasher=QUICK_HASHER)
    with pytest.raises(PinError, match=problem):
        store.set_pin(pin)
    assert not store.is_set


def test_no_pin_set_says_how_to_set_one(tmp_path: Path) -> None:
    result = pin_store(tmp_path).check("1234")
    assert not result.ok and result.message == NO_PIN_MESSAGE
    assert "kiosk staff set-pin" in result.message


def test_the_right_pin_opens(store: PinStore) -> None:
    assert store.check(PIN).ok
    assert not store.check(PIN[:-1]).ok


def test_the_wait_grows_after_the_free_tries_and_is_capped(store: PinStore, wall: WallClock) -> None:
    waits = []
    for _ in range(12):
        result = store.check("0000")
        assert not result.ok
        waits.append(result.locked_for_s)
        wall.now += result.locked_for_s  # wait it out, then try again
    assert waits[:FREE_TRIES - 1] == [0.0] * (FREE_TRIES - 1)
    assert waits[FREE_TRIES - 1:FREE_TRIES + 3] == [FIRST_LOCK_S, 2 * FIRST_LOCK_S, 4 * FIRST_LOCK_S, 8 * FIRST_LOCK_S]
    assert max(waits) == MAX_LOCK_S and waits[-1] == MAX_LOCK_S
    assert [lock_seconds(n) for n in (1, 2, 3, 4, 100)] == [0, 0, 30, 60, 3600]


def test_while_waiting_even_the_right_pin_is_refused_without_hashing(store: PinStore, wall: WallClock,
                                                                      hasher: CountingHasher) -> None:
    for _ in range(FREE_TRIES):
        last = store.check("0000")
    assert last.locked_for_s == FIRST_LOCK_S and "Try again in 30 seconds" in last.message
    verified = hasher.verified
    wall.now += 10
    refused = store.check(PIN)
    assert not refused.ok and refused.locked_for_s == pytest.approx(20)
    assert "Try again in 20 seconds" in refused.message
    assert hasher.verified == verified, "a locked PIN pad hashed the PIN"
    wall.now += 20
    assert store.check(PIN).ok


def test_the_count_and_the_wait_survive_a_restart(store: PinStore, wall: WallClock, hasher) -> None:
    for _ in range(FREE_TRIES):
        store.check("0000")
    again = PinStore(store.path, clock=wall, hasher=hasher)  # the kiosk restarted (or the power failed)
    assert again.locked_for() == FIRST_LOCK_S
    wall.now += FIRST_LOCK_S
    assert again.check("1111").locked_for_s == 2 * FIRST_LOCK_S  # the count went on from where it was


def test_a_right_pin_resets_the_count(store: PinStore, wall: WallClock) -> None:
    for _ in range(FREE_TRIES):
        store.check("0000")
    wall.now += FIRST_LOCK_S
    assert store.check(PIN).ok
    result = store.check("0000")
    assert result.locked_for_s == 0 and f"{FREE_TRIES - 1} more tries" in result.message


def test_a_clock_set_backwards_cannot_lengthen_the_wait(store: PinStore, wall: WallClock) -> None:
    for _ in range(FREE_TRIES):
        store.check("0000")
    wall.now -= 86_400 * 365
    assert store.locked_for() == FIRST_LOCK_S


def test_the_hash_is_renewed_when_the_hasher_changes(store: PinStore, wall: WallClock) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    later = PinStore(store.path, clock=wall, hasher=stronger)
    assert stronger.check_needs_rehash(json.loads(store.path.read_text())["hash"])
    assert later.check(PIN).ok
    renewed = json.loads(store.path.read_text())["hash"]
    assert not stronger.check_needs_rehash(renewed) and "t=2" in renewed
    assert later.check(PIN).ok


def test_a_damaged_pin_file_is_reported_not_raised(store: PinStore) -> None:
    store.path.write_text("{not json")
    result = store.check(PIN)
    assert not result.ok and "staff-pin.json" not in result.message and "Set the PIN again" in result.message
    store.set_pin(PIN)  # setting it again repairs it
    assert store.check(PIN).ok


UNSAVED = "Staff sign-in is unavailable: the kiosk cannot save to its disk"
DAMAGED = "Staff sign-in is unavailable: the staff PIN file is damaged. Set the PIN again with kiosk staff set-pin."


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EIO])
def test_when_the_lockout_cannot_be_saved_no_pin_opens(store: PinStore, hasher: CountingHasher, monkeypatch,
                                                        code: int) -> None:
    def full(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("kiosk.staff.pin.write_file_atomically", full)
    verified = hasher.verified
    for pin in ["0000", "1111", PIN, "2222", PIN]:  # guesses at speed, the right PIN among them
        result = store.check(pin)
        assert (result.ok, result.locked_for_s, result.message) == (False, 0.0, UNSAVED)
    assert hasher.verified == verified, "a PIN was hashed though its try could not be counted"
    monkeypatch.undo()  # the disk has room again: sign-in works, without a restart
    assert store.check(PIN).ok


def test_a_check_cut_short_still_counts_as_a_wrong_try(store: PinStore, wall: WallClock) -> None:
    class Killed(BaseException):
        """The power failing (or kill -9) while the PIN is being hashed."""

    class DyingHasher(PasswordHasher):
        def verify(self, hash, password) -> bool:  # noqa: A002 - argon2's own parameter name
            raise Killed

    with pytest.raises(Killed):
        PinStore(store.path, clock=wall, hasher=DyingHasher()).check(PIN)
    assert json.loads(store.path.read_text())["failures"] == 1  # counted before the answer, not after


@pytest.mark.parametrize("text", [b"{not json", b"[]", b'{"hash": 3}', b"\xff\xfe", b'{"hash": "x", "failures": "many"}'])
def test_a_damaged_pin_file_refuses_in_plain_words(store: PinStore, text: bytes) -> None:
    store.path.write_bytes(text)
    result = store.check(PIN)
    assert (result.ok, result.message) == (False, DAMAGED)
    assert store.problem() == DAMAGED
    assert str(store.path) in (store.damage() or "")  # the doctor names the file; the pad never does
