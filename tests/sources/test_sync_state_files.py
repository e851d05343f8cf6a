"""A sync's state files damaged (JSON of the wrong shape, bytes that are not text): the sync starts afresh or says
plainly what is wrong, never with a traceback (issue 11, beyond the list: state files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.sources.errors import SourceInputError
from kiosk.sources.lmiforall.freshness import STATE_FILE, read_state
from kiosk.sources.ncs.api_key import NCS_KEY_FILE, ncs_api_key


@pytest.mark.parametrize("content", [b"[1, 2]", b"5", b'"done"', b"\xff\xfe", b"{}"])
def test_a_damaged_lmi_sync_state_means_starting_afresh(tmp_path: Path, content: bytes) -> None:
    (tmp_path / STATE_FILE).write_bytes(content)
    assert read_state(tmp_path) is None


@pytest.mark.parametrize("content", [b"\xff\xfe\x00key", b"k" * 100_000])
def test_an_unreadable_ncs_key_file_is_named_without_a_traceback(tmp_path: Path, content: bytes,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_NCS_API_KEY", raising=False)
    (tmp_path / NCS_KEY_FILE).write_bytes(content)
    with pytest.raises(SourceInputError, match="API key file .* cannot be read"):
        ncs_api_key(tmp_path)
