"""The `kiosk` command: run the kiosk, and the staff and operations verbs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence

from kiosk.config import SettingsError, load_settings
from kiosk.content.errors import PackRejected
from kiosk.sources.errors import SourceInputError


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="where packs, the database and settings live (default: $KIOSK_DATA_DIR, "
                             "else the platform's data folder)")
    return common


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--windowed", action="store_true", help="run in a normal window instead of full screen")
    parser.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)


def _quick_run_args(words: list[str]) -> argparse.Namespace | None:
    """The run options read directly, or None if there is anything else to parse.

    Starting the kiosk is the common case and every millisecond before the first screen shows: building
    an argparse parser costs several (gettext look-ups). Anything unusual goes to argparse, for its errors.
    """
    args = argparse.Namespace(command="run", windowed=False, quit_after_first_paint=False)
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word in ("--windowed", "--quit-after-first-paint"):
            setattr(args, word[2:].replace("-", "_"), True)
        elif word == "--data-dir" and rest and not rest[0].startswith("-"):
            args.data_dir = Path(rest.pop(0))
        elif word.startswith("--data-dir=") and len(word) > len("--data-dir="):
            args.data_dir = Path(word.split("=", 1)[1])
        else:
            return None
    return args


def _parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(prog="kiosk", description="A careers information kiosk for schools.",
                                     parents=[common])
    parser.add_argument("--windowed", action="store_true", help="run in a normal window instead of full screen")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", parents=[common], help="run the kiosk (the default)")
    _run_options(run)

    pack = sub.add_parser("pack", help="build, check, install and remove content packs")
    verbs = pack.add_subparsers(dest="verb", metavar="VERB", required=True)
    build = verbs.add_parser("build", parents=[common],
                             help="build a pack from a pack source folder, the school spreadsheet (.xlsx) "
                                  "or a folder of the template's CSV files")
    build.add_argument("source", type=Path, metavar="SRC")
    build.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    template = verbs.add_parser("template", parents=[common],
                                help="write the school's content template (resources, events, alumni, providers)")
    template.add_argument("output", type=Path, metavar="OUT", help="an .xlsx file, or a folder for the CSV files")
    template.add_argument("--format", choices=["xlsx", "csv"], default=None,
                          help="xlsx or csv (default: from OUT's name)")
    scan = verbs.add_parser("scan", parents=[common], help="list and check the packs on USB sticks (or in folders)")
    scan.add_argument("roots", type=Path, nargs="*", metavar="DIR", help="where to look (default: the USB sticks)")
    scan.add_argument("--json", action="store_true")
    export = verbs.add_parser("export", parents=[common], help="write every installed pack to a folder (a USB stick)")
    export.add_argument("folder", type=Path, metavar="DIR")
    export.add_argument("--json", action="store_true", help="list the files written as JSON (for the staff screen)")
    keygen = verbs.add_parser("keygen", parents=[common], help="make an Ed25519 key pair for signing packs")
    keygen.add_argument("-o", "--output", type=Path, required=True, metavar="KEYFILE",
                        help="the private key file to write (the public key goes beside it as KEYFILE.pub)")
    keygen.add_argument("--publisher", required=True, help="who signs with this key, as pupils and staff should see it")
    sign = verbs.add_parser("sign", parents=[common], help="sign a pack file with a private key")
    sign.add_argument("file", type=Path, metavar="FILE")
    sign.add_argument("--key", type=Path, required=True, metavar="KEYFILE")
    trust = verbs.add_parser("trust", parents=[common], help="accept packs signed with this public key")
    trust.add_argument("public_key", type=Path, metavar="KEYFILE.pub")
    verify = verbs.add_parser("verify", parents=[common], help="check a pack file without installing it")
    verify.add_argument("file", type=Path, metavar="FILE")
    imp = verbs.add_parser("import", parents=[common], help="verify and install a pack file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--json", action="store_true", help="say what was installed as JSON (for the staff screen)")
    lst = verbs.add_parser("list", parents=[common], help="list the installed packs")
    lst.add_argument("--json", action="store_true")
    remove = verbs.add_parser("remove", parents=[common], help="remove an installed pack")
    remove.add_argument("pack_id", metavar="ID")
    remove.add_argument("--json", action="store_true", help="say what was removed as JSON (for the staff screen)")

    sync = sub.add_parser("sync", help="fetch content from an online service and install it as a pack")
    sources = sync.add_subparsers(dest="source", metavar="SOURCE", required=True)
    lmi = sources.add_parser("lmiforall", parents=[common], help="labour market figures from LMI for All")
    lmi.add_argument("--base-url", default=None, metavar="URL",
                     help="the API's address (default: the public LMI for All API)")
    lmi.add_argument("--socs", dest="socs_file", type=Path, default=None, metavar="FILE",
                     help="a file of SOC 2010 codes (default: the codes the installed occupations name)")
    lmi.add_argument("--region", default=None, metavar="CODE",
                     help="also fetch this LMI region's figures (1-12; default: the kiosk's region setting)")
    lmi.add_argument("--full", action="store_true", help="fetch everything again, even if nothing has changed")
    lmi.add_argument("--json", action="store_true", help="report as JSON lines on stdout (for the staff screen)")
    ncs = sources.add_parser("ncs", parents=[common], help="job profiles from the National Careers Service")
    ncs.add_argument("--api-key", default=None, metavar="KEY",
                     help="the NCS API subscription key (default: $KIOSK_NCS_API_KEY)")
    ncs.add_argument("--base-url", default=None, metavar="URL",
                     help="the API's address (default: the public NCS job profiles API)")
    ncs.add_argument("--full", action="store_true", help="fetch every profile again, not just the changed ones")
    ncs.add_argument("--json", action="store_true", help="report as JSON lines on stdout (for the staff screen)")
    official = sources.add_parser("official", parents=[common],
                                  help="pay, hours, employment and projections from the ONS and DfE releases")
    official.add_argument("--from", dest="from_dir", type=Path, default=None, metavar="DIR",
                          help="build from release files downloaded into DIR (a USB stick) instead of fetching")
    official.add_argument("--base-url", default=None, metavar="URL",
                          help="fetch both publishers' files from this address, at the same paths (a hub's mirror)")
    official.add_argument("--full", action="store_true", help="download every release again, changed or not")
    official.add_argument("--json", action="store_true", help="report as JSON lines on stdout (for the staff screen)")
    official_tools = sub.add_parser("official", help="the official figures the project ships")
    official_verbs = official_tools.add_subparsers(dest="verb", metavar="VERB", required=True)
    regenerate = official_verbs.add_parser("regenerate", parents=[common],
                                           help="rebuild assets/official from the releases in a folder")
    regenerate.add_argument("--from", dest="from_dir", type=Path, required=True, metavar="DIR")
    regenerate.add_argument("--out", type=Path, default=None, metavar="DIR",
                            help="where to write the pack source (default: the kiosk's own assets/official)")
    regenerate.add_argument("--retrieved", default=None, metavar="YYYY-MM-DD",
                            help="the date the releases were downloaded (default: today)")

    library = sub.add_parser("library", help="check the project's job entries and review one beside ONS's text")
    library_verbs = library.add_subparsers(dest="verb", metavar="VERB", required=True)
    review = library_verbs.add_parser("review", parents=[common],
                                      help="one unit group's entry beside ONS's description, its figures and checks")
    review.add_argument("soc", metavar="SOC")
    for verb in (review, library_verbs.add_parser("check", parents=[common], help="check every shipped entry")):
        verb.add_argument("--json", action="store_true")
        verb.add_argument("--volume1", type=Path, default=None, metavar="FILE",
                          help="ONS SOC 2020 Volume 1 (default: the copy in ../shared/fixtures/ons)")

    search = sub.add_parser("search", parents=[common], help="search occupations")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=20)
    show = sub.add_parser("show", parents=[common], help="show one occupation with its figures and sources")
    show.add_argument("occupation_id", metavar="ID")
    show.add_argument("--json", action="store_true")
    listing = sub.add_parser("list", parents=[common],
                             help="list every occupation with its SOC codes, the figures it has and their sources")
    listing.add_argument("--json", action="store_true")

    symbols = sub.add_parser("symbols", help="install, import, order and check symbol sets")
    actions = symbols.add_subparsers(dest="verb", metavar="VERB", required=True)
    install = actions.add_parser("install", parents=[common], help="install the pinned OpenMoji release")
    install.add_argument("set_name", choices=["openmoji"], metavar="openmoji")
    install.add_argument("--if-missing", action="store_true", help="do nothing if it is already installed")
    sym_import = actions.add_parser("import", parents=[common], help="import a set as a school downloaded it")
    sym_import.add_argument("path", type=Path, metavar="PATH")
    sym_import.add_argument("--format", required=True, choices=["mulberry", "folder"])
    sym_import.add_argument("--id", default="school", help="the set's id (folder sets; default: school)")
    sym_import.add_argument("--name", default="Our school's symbols", help="the set's name (folder sets)")
    actions.add_parser("list", parents=[common], help="list the installed sets, in the order they are used")
    order = actions.add_parser("order", parents=[common], help="set the order sets are looked in")
    order.add_argument("set_ids", nargs="+", metavar="ID")
    cover = actions.add_parser("coverage", parents=[common], help="how many key words get a symbol")
    cover.add_argument("--json", action="store_true")
    cover.add_argument("--missing", type=int, default=40, metavar="N", help="list the N commonest misses")

    staff = sub.add_parser("staff", help="the staff screen's PIN")
    staff_verbs = staff.add_subparsers(dest="verb", metavar="VERB", required=True)
    set_pin = staff_verbs.add_parser("set-pin", parents=[common], help="set the PIN that opens the staff screen")
    set_pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input (for scripts)")

    from kiosk.appliance_command import add_appliance_parser

    add_appliance_parser(sub)
    doctor = sub.add_parser("doctor", parents=[common], help="check packs, database, speech, symbols and Qt")
    doctor.add_argument("--json", action="store_true")
    tour = sub.add_parser("tour", parents=[common], help="render every screen to a PNG file")
    tour.add_argument("--out", type=Path, required=True, metavar="DIR")
    tour.add_argument("--size", default="1920x1080", metavar="WxH")
    tour.add_argument("--json", action="store_true", help="also write manifest.json: what each screen shows")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    run_words = argv[1:] if argv[:1] == ["run"] else argv
    args = _quick_run_args(run_words)
    if args is None:
        args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (PackRejected, SettingsError, SourceInputError) as e:
        print(f"kiosk: {e}", file=sys.stderr)
        if getattr(args, "json", False):
            from kiosk.staff.child_messages import send_error

            send_error(str(e))  # the staff screen reads messages, never the text meant for people
        return 1


def _settings(args: argparse.Namespace, **overrides: Any):
    return load_settings(getattr(args, "data_dir", None), **overrides)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command or "run"
    if command == "run":
        import gc

        # Start-up allocates a great deal (Qt's bindings above all) and leaves little garbage: collecting
        # meanwhile only delays the first screen. run_kiosk turns the collector back on once it is painted.
        gc.disable()
        from kiosk.app import run_kiosk

        settings = _settings(args, windowed=args.windowed or None)
        return run_kiosk(settings, quit_after_first_paint=getattr(args, "quit_after_first_paint", False))
    if command == "pack":
        from kiosk.pack_command import run_pack

        return run_pack(args, _settings(args))
    if command == "sync":
        from kiosk.sync_command import run_sync_command

        return run_sync_command(args, _settings(args))
    if command in ("search", "show"):
        return _query(args)
    if command == "list":
        from kiosk.list_command import run_list

        return run_list(_settings(args), as_json=args.json)
    if command == "official":
        from kiosk.official_command import run_official

        return run_official(args)
    if command == "library":
        from kiosk.library_command import run_library

        return run_library(args, _settings(args))
    if command == "symbols":
        from kiosk.symbols_command import run_symbols

        return run_symbols(args, _settings(args))
    if command == "staff":
        from kiosk.staff_command import run_staff

        return run_staff(args, _settings(args))
    if command == "appliance":
        from kiosk.appliance_command import run_appliance

        return run_appliance(args)
    if command == "doctor":
        from kiosk.doctor import run_doctor

        return run_doctor(_settings(args), as_json=args.json)
    if command == "tour":
        from kiosk.tour import run_tour

        return run_tour(_settings(args), args.out, args.size, manifest=args.json)
    raise AssertionError(command)


def _query(args: argparse.Namespace) -> int:
    import json

    from kiosk.app import open_content
    from kiosk.content.model import plain
    from kiosk.content.value_checks import SLUG

    reader = open_content(_settings(args))
    try:
        if args.command == "search":
            hits = reader.search(args.query, limit=args.limit)
            if args.json:
                print(json.dumps([
                    {"id": h.id, "title": h.title, "soc2010": h.soc2010, "soc2020": h.soc2020, "score": h.score}
                    for h in hits
                ], indent=1))
            else:
                for h in hits:
                    print(f"{h.score:8.2f}  {h.id:30}  {h.title}")
                if not hits:
                    print("nothing found")
            return 0
        # Every occupation id is a slug; anything else (undecodable bytes included) names none.
        occupation = reader.occupation(args.occupation_id) if SLUG.match(args.occupation_id) else None
        if occupation is None:
            print(f"kiosk: no occupation with id {args.occupation_id!r}", file=sys.stderr)
            return 1
        if args.json:
            print(json.dumps(plain(occupation), indent=1, ensure_ascii=False))
        else:
            from kiosk.content.pages import build_page
            from kiosk.content.pages.page import Target

            page = build_page(Target("occupation", occupation.id), reader)
            print("\n".join(page.text_blocks()))
        return 0
    finally:
        reader.close()
