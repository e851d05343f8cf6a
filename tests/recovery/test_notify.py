"""systemd's notify protocol, against a real datagram socket: the path and "@" abstract forms, silence when unset,
no crash when the socket is gone, and the watchdog's pings from the GUI thread's event loop."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.recovery.notify import notify, notify_address, watchdog_interval_ms
from tests.recovery.notify_socket import NotifySocket


@pytest.fixture(params=["path", "abstract"])
def listener(request, tmp_path: Path):
    sock = NotifySocket(tmp_path, abstract=request.param == "abstract")
    yield sock
    sock.close()


def test_a_message_arrives_in_either_form(listener: NotifySocket) -> None:
    assert notify("READY=1", {"NOTIFY_SOCKET": listener.variable}) is True
    assert listener.receive(5) == "READY=1"


def test_nothing_is_sent_without_a_notify_socket(listener: NotifySocket) -> None:
    assert notify("READY=1", {}) is False
    assert notify("READY=1", {"NOTIFY_SOCKET": ""}) is False
    assert notify("READY=1", {"NOTIFY_SOCKET": "relative/path"}) is False  # systemd only gives "/..." or "@..."
    assert listener.drain() == []


def test_a_socket_that_is_gone_is_no_crash(tmp_path: Path) -> None:
    assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(tmp_path / "nothing-here")}) is False
    assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": "@no-such-abstract-socket-for-kiosk-tests"}) is False
    (tmp_path / "a-file").write_text("not a socket")
    assert notify("WATCHDOG=1", {"NOTIFY_SOCKET": str(tmp_path / "a-file")}) is False


def test_the_abstract_form_goes_out_with_a_nul() -> None:
    assert notify_address({"NOTIFY_SOCKET": "@abc"}) == "\0abc"
    assert notify_address({"NOTIFY_SOCKET": "/run/systemd/notify"}) == "/run/systemd/notify"


@pytest.mark.parametrize("usec, expected", [("30000000", 15000), ("1000000", 500), ("1000", 1), ("", None),
                                            ("abc", None), ("0", None), ("-5", None), ("1e6", None),
                                            (" 1000000", None), (str(2**64), None)])
def test_the_ping_interval_is_half_the_watchdog_timeout(usec: str, expected) -> None:
    assert watchdog_interval_ms({"NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": usec}) == expected


def test_no_socket_means_no_watchdog_even_with_a_timeout() -> None:
    assert watchdog_interval_ms({"WATCHDOG_USEC": "1000000"}) is None


def test_the_watchdog_says_ready_once_then_pings_from_the_event_loop(qtbot, listener: NotifySocket) -> None:
    from kiosk.recovery.watchdog import Watchdog

    dog = Watchdog({"NOTIFY_SOCKET": listener.variable, "WATCHDOG_USEC": "200000"})  # a ping every 100 ms
    assert dog.interval_ms == 100
    dog.ready()
    dog.ready()  # a second call changes nothing

    def six_messages() -> bool:
        listener.drain()  # what has come so far, without blocking the event loop that sends it
        return len(listener.received) >= 6

    qtbot.waitUntil(six_messages, timeout=10_000)
    messages = [m for _, m in listener.received]
    assert messages[0] == "READY=1" and messages.count("READY=1") == 1
    assert set(messages[1:]) == {"WATCHDOG=1"}
    dog.stopping()
    listener.wait_for(lambda got: got[-1][1] == "STOPPING=1", 5)
    assert listener.received[-1][1] == "STOPPING=1"
    assert not dog._timer.isActive()


@pytest.mark.parametrize("usec", ["", "nonsense", "0"])
def test_without_a_usable_timeout_it_says_ready_and_never_pings(qtbot, listener: NotifySocket, usec: str) -> None:
    from kiosk.recovery.watchdog import Watchdog

    dog = Watchdog({"NOTIFY_SOCKET": listener.variable, "WATCHDOG_USEC": usec})
    dog.ready()
    assert listener.receive(5) == "READY=1"
    assert not dog._timer.isActive() and dog.interval_ms is None
    dog.stopping()
    assert listener.receive(5) == "STOPPING=1"


def test_a_failing_socket_is_logged_once_and_the_pings_go_on(qtbot, tmp_path: Path, caplog) -> None:
    from kiosk.recovery.watchdog import Watchdog

    dog = Watchdog({"NOTIFY_SOCKET": str(tmp_path / "gone"), "WATCHDOG_USEC": "100000"})
    with caplog.at_level(logging.WARNING):
        dog.ready()
        qtbot.waitUntil(lambda: dog.pings >= 5, timeout=10_000)
    assert [r.getMessage() for r in caplog.records if "could not tell systemd" in r.getMessage()] == [
        f"could not tell systemd READY=1 through NOTIFY_SOCKET={tmp_path / 'gone'}"]
    dog.stopping()


def test_without_a_notify_socket_the_watchdog_does_nothing(qtbot, caplog) -> None:
    from kiosk.recovery.watchdog import Watchdog

    dog = Watchdog({"WATCHDOG_USEC": "100000"})
    with caplog.at_level(logging.WARNING):
        dog.ready()
        dog.stopping()
    assert dog.pings == 0 and not caplog.records
