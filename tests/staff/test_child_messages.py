"""What crosses from a `kiosk` command to the staff screen: JSON lines on stdout with --json (progress, then the
result or the error), read by one reader; text for people stays on stderr."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.staff.child_messages import ERROR, PROGRESS, RESULT, read_message, send_error, send_progress, send_result
from tests.doubles.lmi_double import LmiDouble


def test_each_message_is_one_line_read_back_as_written() -> None:
    out = io.StringIO()
    send_progress(3, 40, "SOC 2231 \u2013 nurses\nand midwives", out)
    send_result({"message": "done", "problems": ["a"], "installed": None}, out)
    send_error("no key", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3  # a newline in an item stays inside its line
    assert [read_message(line) for line in lines] == [
        (PROGRESS, {"done": 3, "total": 40, "what": "SOC 2231 \u2013 nurses\nand midwives"}),
        (RESULT, {"message": "done", "problems": ["a"], "installed": None}),
        (ERROR, {"message": "no key"}),
    ]


@pytest.mark.parametrize("line", ["", "  12/369 (3%) SOC 2231", "[1, 2]", '{"type": "chatter"}', '{"done": 1}',
                                  '{"type": "progress", "done": "1", "total": 2, "what": "x"}', '{"type": "res'])
def test_anything_else_on_stdout_is_not_a_message(line: str) -> None:
    assert read_message(line) is None


def test_a_sync_with_json_sends_progress_then_its_result_and_nothing_for_people(sample_data_dir: Path, tmp_path: Path,
                                                                               capsys) -> None:
    shutil.copytree(sample_data_dir, tmp_path / "data")
    socs = tmp_path / "socs.txt"
    socs.write_text("2231\n5314\n")
    with LmiDouble() as double:
        code = main(["sync", "lmiforall", "--base-url", double.base_url, "--socs", str(socs), "--json",
                     "--data-dir", str(tmp_path / "data")])
    out, err = capsys.readouterr()
    messages = [read_message(line) for line in out.splitlines()]
    assert code == 0 and None not in messages, out
    assert [m.type for m in messages[:-1]] == [PROGRESS] * (len(messages) - 1) and messages[-1].type == RESULT
    assert messages[-2].fields == {"done": 2, "total": 2, "what": messages[-2].fields["what"]}
    result = messages[-1].fields
    assert result["installed"].startswith("lmiforall ") and result["complete"] and "total" in result["timings"]
    assert "2/2 (100%)" not in err  # the lines for people are not printed as well


def test_a_refused_command_with_json_sends_its_error_as_a_message(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("KIOSK_NCS_API_KEY", raising=False)
    code = main(["sync", "ncs", "--json", "--data-dir", str(tmp_path / "data")])
    out, err = capsys.readouterr()
    [message] = [read_message(line) for line in out.splitlines()]
    assert code == 1 and message.type == ERROR and "an API key is needed" in message.fields["message"]
    assert err.startswith("kiosk: National Careers Service: an API key is needed")


def test_pack_commands_answer_with_one_result_message(tmp_path: Path, capsys) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["pack", "scan", str(stick), "--json", "--data-dir", str(tmp_path / "data")]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line) == {"type": "result", "roots": [str(stick)], "packs": [], "unfinished": ""}
