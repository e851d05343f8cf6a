"""`kiosk pack`: build, check, sign, install, export, list and remove content packs."""

from __future__ import annotations

import argparse

from kiosk.config import Settings
from kiosk.content.trust import keys_trusted_by


def run_pack(args: argparse.Namespace, settings: Settings) -> int:
    """Run one `kiosk pack` verb."""
    from kiosk.content.pack_file import read_pack
    from kiosk.content.pack_source import build_pack
    from kiosk.content.pack_store import PackStore

    if args.verb == "build":
        from kiosk.sources.school.school_pack import build_school_pack, is_school_source

        builder = build_school_pack if is_school_source(args.source) else build_pack
        pack = builder(args.source, args.output)
        counts = ", ".join(f"{n} {t}" for t, n in sorted(pack.manifest.counts.items()))
        print(f"built {args.output}: {pack.pack_id} {pack.manifest.content_version} ({counts})")
        return 0
    if args.verb == "template":
        from kiosk.sources.school.template import write_template

        written = write_template(args.output, args.format)
        print(f"wrote the school content template: {written}")
        return 0
    if args.verb in ("keygen", "sign", "trust"):
        from kiosk.pack_keys_command import run_pack_keys

        return run_pack_keys(args, settings)
    if args.verb == "scan":
        return _scan(args, settings)
    if args.verb == "verify":
        from kiosk.content.signer_words import signer_words

        pack = read_pack(args.file)
        m = pack.manifest
        signed = signer_words(pack.signer, keys_trusted_by(settings.data_dir))
        print(f"ok: {m.pack_id} {m.content_version} by {m.publisher}, {sum(m.counts.values())} rows, {signed}, "
              f"sha256 {pack.sha256}")
        return 0
    from kiosk.app import prepare_content

    store, _ = prepare_content(settings)
    if args.verb == "import":
        report = store.install(args.file)
        m = report.pack.manifest
        if args.json:
            from kiosk.staff.child_messages import send_result

            send_result({"pack_id": m.pack_id, "title": m.title, "version": m.content_version,
                         "replaced_version": report.replaced_version})
            return 0
        was = f" (replacing {report.replaced_version}, kept as last-known-good)" if report.replaced_version else ""
        print(f"installed {m.pack_id} {m.content_version}{was}")
        return 0
    if args.verb == "export":
        from kiosk.content.pack_export import export_packs

        written = export_packs(store, args.folder)
        if args.json:
            from kiosk.staff.child_messages import send_result

            send_result({"written": [str(path) for path in written]})
            return 0
        for path in written:
            print(f"exported {path}")
        return 0
    if args.verb == "remove":
        removed = store.remove(args.pack_id)
        if args.json:
            from kiosk.staff.child_messages import send_result

            send_result({"pack_id": removed.pack_id, "version": removed.content_version})
            return 0
        print(f"removed {removed.pack_id} {removed.content_version}")
        return 0
    entries = store.entries()
    if args.json:
        import json

        print(json.dumps([e._asdict() for e in entries.values()], indent=1))
        return 0
    from kiosk.content.signer_words import owner_words

    keys = keys_trusted_by(settings.data_dir)
    for e in entries.values():
        lkg = f", last-known-good {e.previous_version}" if e.previous_version else ""
        print(f"{e.pack_id}  {e.content_version}  installed {e.installed}{lkg}; held by {owner_words(e.owner, keys)}")
    return 0


def _scan(args: argparse.Namespace, settings: Settings) -> int:
    """List the pack files on the sticks (or in the given folders), each checked completely."""
    from kiosk.content.signer_words import signer_words, trusted_key
    from kiosk.content.usb_packs import removable_roots, scan_packs

    roots = args.roots or removable_roots()
    scan = scan_packs(roots)
    found = scan.packs
    keys = keys_trusted_by(settings.data_dir)
    if args.json:
        from kiosk.staff.child_messages import send_result

        send_result({"roots": [str(r) for r in roots], "packs": [
            {"path": str(f.path), "pack_id": f.pack_id, "content_version": f.content_version,
             "publisher": f.publisher, "signer": signer_words(f.signer, keys) if f.signer else None,
             "trusted": trusted_key(f.signer, keys) is not None, "problem": f.problem} for f in found],
            "unfinished": scan.unfinished})
        return 0
    if not roots:
        print("no USB stick found")
    for f in found:
        print(f"{f.path}: " + (f"{f.pack_id} {f.content_version} by {f.publisher}, {signer_words(f.signer, keys)}"
                               if f.ok else f"not usable: {f.problem}"))
    if scan.unfinished:
        print(scan.unfinished)
    return 0
