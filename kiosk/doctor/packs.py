"""`kiosk doctor`'s checks of the installed packs and the content database built from them."""

from __future__ import annotations

from kiosk.content.db_install import DatabaseFault, check_database, needs_immutable
from kiosk.content.pack_store import PackStore
from kiosk.doctor.check import Check


def pack_checks(store: PackStore) -> list[Check]:
    """Each installed pack, who holds its id, whether its file still passes, and the database's soundness."""
    return [*_packs(store), *_pack_owners(store), *_pack_files(store), _database(store)]


def _packs(store: PackStore) -> list[Check]:
    entries = store.entries()
    if not entries:
        return [Check("packs", "fault", f"no packs are installed in {store.data_dir} (run the kiosk once to install the sample)")]
    made = _pack_dates(store)
    return [
        Check(
            f"pack {e.pack_id}",
            "ok",
            f"version {e.content_version}"
            + (f", made {made[e.pack_id]}" if e.pack_id in made else "")
            + f", installed {e.installed}"
            + (f", last-known-good {e.previous_version}" if e.previous_version else ""),
        )
        for e in entries.values()
    ]


def _pack_owners(store: PackStore) -> list[Check]:
    """Packs bound to a publisher's key that is no longer trusted: nothing but that key's packs can replace them."""
    from kiosk.content.pack_owner import held_by_untrusted_keys
    from kiosk.content.trust import trusted_keys, trusted_keys_dir

    keys, problems = trusted_keys(trusted_keys_dir(store.data_dir))
    unread = f" (a trusted key file cannot be read: {'; '.join(problems)})" if problems else ""
    return [Check(f"pack {pack_id} owner", "warning", words + unread)
            for pack_id, words in held_by_untrusted_keys(store.entries(), keys).items()]


def _pack_files(store: PackStore) -> list[Check]:
    """Each installed pack file read as an import would read it (within today's bounds on size and rows): a file
    that no longer passes is dropped, or replaced by its last-known-good, at the next change of content."""
    from kiosk.content.errors import PackRejected
    from kiosk.content.pack_file import read_pack

    faults = []
    for e in store.entries().values():
        try:
            read_pack(store.packs_dir / e.current)
        except PackRejected as problem:
            faults.append(Check(f"pack file {e.pack_id}", "fault",
                                f"version {e.content_version} does not pass this kiosk's checks ({problem}); it is "
                                "dropped at the next import or removal: import a good copy of it"))
    return faults or [Check("pack files", "ok", "every installed pack file passes the checks an import makes")]


def _pack_dates(store: PackStore) -> dict[str, str]:
    """When each installed pack was made, as its manifest says (read from the database, if it opens)."""
    from kiosk.content.reader import open_reader

    try:
        reader = open_reader(store.db_path, immutable=needs_immutable(store.db_path))
        try:
            return {p.pack_id: p.created for p in reader.packs()}
        finally:
            reader.close()
    except Exception:  # the database check below reports what is wrong with it
        return {}


def _database(store: PackStore) -> Check:
    fault = store.database_fault()
    if fault is None:
        try:
            check_database(store.db_path, full=True, immutable=store.db_immutable)
        except DatabaseFault as e:
            fault = str(e)
    if fault:
        return Check("database", "fault", f"{store.db_path}: {fault}")
    return Check("database", "ok", f"{store.db_path}: integrity ok, built from the installed packs")
