"""`kiosk doctor`'s look at the state files the kiosk keeps beside its content: each damaged one named, with what it
means. None of them stops the kiosk (it falls back and logs why); these lines say which file to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.config import Settings

Finding = tuple[str, str, str]  # name, "ok" / "warning" / "fault", what was found: one line of doctor's report


def state_findings(settings: Settings) -> list[Finding]:
    """A warning for each state file in the data directory that cannot be used as it is; nothing when all are sound."""
    data_dir = settings.data_dir
    if not data_dir.is_dir():
        return []
    return [*_usage(data_dir), *_symbols(data_dir), *_trusted_keys(data_dir), *_ncs_key(data_dir), *_builtins(data_dir),
            *_lock_and_log(data_dir), *_speech_cache(data_dir), *_sync_states(data_dir)]


def _usage(data_dir: Path) -> list[Finding]:
    from kiosk.staff.usage import USAGE_FILE
    from kiosk.staff.usage_file import damaged_copies, usage_file_problem

    path = data_dir / USAGE_FILE
    problem = usage_file_problem(path)
    found = [("usage counts", "warning", f"{problem}: the kiosk sets it aside at its next count and starts afresh")
             ] if problem else []
    copies = damaged_copies(path)
    if copies:
        found.append(("usage counts", "warning", f"a damaged usage file was set aside as {copies[-1]}: the counts "
                      "before then are not shown (delete it once nobody needs them)"))
    return found


def _symbols(data_dir: Path) -> list[Finding]:
    from kiosk.access.symbol_sets import read_sets

    return [("symbols", "warning", problem) for problem in read_sets(data_dir)[1]]


def _trusted_keys(data_dir: Path) -> list[Finding]:
    from kiosk.content.trust import trusted_keys, trusted_keys_dir

    return [("trusted keys", "warning", f"{problem}: packs signed by that publisher are treated as untrusted until its "
             "key is trusted again (kiosk pack trust)") for problem in trusted_keys(trusted_keys_dir(data_dir))[1]]


def _ncs_key(data_dir: Path) -> list[Finding]:
    from kiosk.staff.ncs_key import NcsKeyFile

    problem = NcsKeyFile(data_dir, environ={}).problem()
    return [("ncs api key", "warning", f"{NcsKeyFile(data_dir).path}: {problem}; `kiosk sync ncs` has no key until it "
             "is saved again on the staff screen")] if problem else []


def _builtins(data_dir: Path) -> list[Finding]:
    from kiosk.content.builtin_packs import seen_problem

    problem = seen_problem(data_dir / "packs")
    return [("built-in packs", "warning", f"{problem}: the kiosk writes it afresh at its next start, and a built-in "
             "pack staff removed may come back")] if problem else []


def _lock_and_log(data_dir: Path) -> list[Finding]:
    from kiosk.content.lock_file import lock_problem

    found = []
    lock = lock_problem(data_dir)
    if lock:
        found.append(("lock file", "warning", f"{lock}: the kiosk replaces it when it next changes its content"))
    log = data_dir / "content.log"
    if (log.exists() or log.is_symlink()) and not log.is_file():
        found.append(("content log", "warning", f"{log} is {'a folder' if log.is_dir() else 'a link to nothing'}: "
                      "what the kiosk installs and restores is not being recorded there"))
    return found


def _speech_cache(data_dir: Path) -> list[Finding]:
    path = data_dir / "speech-cache"
    if (path.exists() or path.is_symlink()) and not path.is_dir():
        return [("speech cache", "warning", f"{path} is not a folder: speech stays off until it is removed")]
    return []


def _sync_states(data_dir: Path) -> list[Finding]:
    """The state a sync keeps between runs: damaged, the next sync starts afresh (fetches everything again)."""
    from kiosk.sources.lmiforall.freshness import STATE_FILE as LMI_STATE, read_state
    from kiosk.sources.ncs.ncs_job import INSTALLED_FILE, last_installed
    from kiosk.sources.ncs.profile_store import STATE_FILE as NCS_STATE, last_removal
    from kiosk.sources.official.download_state import STATE_ERRORS, STATE_FILE as OFFICIAL_STATE, DownloadState

    def official(folder: Path) -> bool:
        try:
            DownloadState.parse(folder)
        except STATE_ERRORS:
            return False
        return True

    sync = data_dir / "sync"
    checks: list[tuple[Path, Callable[[Path], bool]]] = [
        (sync / "lmiforall" / LMI_STATE, lambda f: read_state(f) is not None),
        (sync / "ncs" / NCS_STATE, lambda f: last_removal(f) is not None),
        (sync / "ncs" / INSTALLED_FILE, lambda f: bool(last_installed(f))),
        (sync / "official" / OFFICIAL_STATE, official),
    ]
    return [("sync state", "warning", f"{path} cannot be read: the next sync of {path.parent.name} starts afresh, "
             "fetching everything again") for path, usable in checks
            if (path.exists() or path.is_symlink()) and not usable(path.parent)]
