"""`kiosk appliance install | remove | update | rollback | status`: the verbs' options and their plain report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_appliance_parser(sub) -> None:
    """Add `kiosk appliance` and its verbs to the command's subparsers."""
    appliance = sub.add_parser("appliance", help="install the kiosk on a Debian 12 PC to start at boot, and update it")
    verbs = appliance.add_subparsers(dest="verb", metavar="VERB", required=True)
    root_help = "write everything under DIR for review (no user, package or service is changed)"
    source_help = "a careers_kiosk-*.whl file or the project's folder"
    install = verbs.add_parser("install", help="install the kiosk as this PC's only screen (as root)")
    install.add_argument("--from", dest="source", type=Path, default=None, metavar="WHEEL_OR_DIR",
                         help=source_help + " (default: the project this command runs from)")
    install.add_argument("--no-apt", action="store_true", help="do not install Debian packages (say which are missing)")
    install.add_argument("--force", action="store_true", help="replace system files that were edited by hand")
    remove = verbs.add_parser("remove", help="stop the kiosk starting at boot and remove its releases")
    remove.add_argument("--keep-data", action="store_true", help="keep the data folder (the default)")
    remove.add_argument("--delete-data", action="store_true", help="also delete the data folder and the kiosk user")
    remove.add_argument("--force", action="store_true", help="also remove system files that were edited by hand")
    update = verbs.add_parser("update", help="install a newer release; switch to it only if its self-check passes")
    update.add_argument("--from", dest="source", type=Path, required=True, metavar="WHEEL_OR_DIR", help=source_help)
    rollback = verbs.add_parser("rollback", help="go back to the release before")
    status = verbs.add_parser("status", help="the releases, which is current, and whether the service runs")
    for verb in (install, remove, update, rollback, status):
        verb.add_argument("--root", type=Path, default=None, metavar="DIR", help=root_help)


def run_appliance(args: argparse.Namespace, context=None) -> int:
    """Run one verb; print what was done (or would be, under --root); 1 with the reason when it stopped."""
    from kiosk.appliance import install, manage
    from kiosk.appliance.context import Context
    from kiosk.appliance.errors import ApplianceError

    ctx = context or Context.for_root(args.root)
    try:
        if args.verb == "install":
            install.install(ctx, args.source, apt=not args.no_apt, force=args.force)
        elif args.verb == "remove":
            install.remove(ctx, delete_data=args.delete_data and not args.keep_data, force=args.force)
        elif args.verb == "update":
            manage.update(ctx, args.source)
        elif args.verb == "rollback":
            manage.rollback(ctx)
        else:
            manage.status(ctx)
    except ApplianceError as e:
        _print_report(ctx)
        print(f"kiosk: {e}", file=sys.stderr)
        return 1
    _print_report(ctx)
    return 0


def _print_report(ctx) -> None:
    for line in ctx.report:
        print(line)
    commands = getattr(ctx.system, "commands", None)
    if commands:
        print("a real run would also do, as root:")
        for command in commands:
            print(f"  {command}")
