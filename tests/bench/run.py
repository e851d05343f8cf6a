"""Run the kiosk benchmarks and print one JSON object: python -m tests.bench.run [--quick] [--only NAME[,NAME]]."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from tests.bench.stats import log, machine  # noqa: E402

NAMES = ("cold_start", "search_keystroke", "page_switch", "picture_page", "symbol_coverage", "speech_latency",
         "lmi_sync", "official_sync", "official_import", "import_freeze", "soak", "page_kinds", "long_lists",
         "pack_bombs", "workbook_bombs", "library_pack", "search_recall", "cage_boot")
# (full, quick) repetitions
COLD_PAIRS = (25, 4)
SEARCH_ROUNDS = (5, 1)
SWITCHES = (200, 40)
PICTURE_BUILDS = (31, 6)
CAGE_BOOTS = (9, 3)


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    parser.add_argument("--only", metavar="NAME[,NAME]", help=f"run only these of: {', '.join(NAMES)}")
    args = parser.parse_args(argv)
    args.names = [n.strip() for n in args.only.split(",") if n.strip()] if args.only else list(NAMES)
    unknown = sorted(set(args.names) - set(NAMES))
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(NAMES)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    pick = 1 if args.quick else 0
    result: dict[str, object] = {"machine": machine()}
    failed = False
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        home_dir = Path(tmp) / "data"
        from tests.bench.catalogue import kiosk_env, prepare_home_content

        env = kiosk_env(Path(tmp) / "pycache")
        if {"cold_start", "page_switch", "picture_page", "symbol_coverage", "soak", "page_kinds",
                "library_pack"} & set(args.names):
            t0 = time.perf_counter()
            content = prepare_home_content(home_dir, env)
            log(f"prepared {content} content in {home_dir} ({time.perf_counter() - t0:.2f} s, not timed)")
        for name in NAMES:
            if name not in args.names:
                continue
            log(f"running {name}{' (quick)' if args.quick else ''}")
            t0 = time.perf_counter()
            try:
                if name == "cold_start":
                    from tests.bench import cold_start

                    result[name] = cold_start.run(home_dir, COLD_PAIRS[pick], env)
                elif name == "search_keystroke":
                    from tests.bench import search_keystroke

                    result[name] = search_keystroke.run(SEARCH_ROUNDS[pick])
                elif name == "page_switch":
                    from tests.bench import page_switch

                    result[name] = page_switch.run(home_dir, SWITCHES[pick])
                elif name == "picture_page":
                    from tests.bench import picture_page

                    result[name] = picture_page.run(home_dir, PICTURE_BUILDS[pick])
                elif name == "library_pack":
                    from tests.bench import library_pack

                    result[name] = library_pack.run(home_dir, PICTURE_BUILDS[pick], args.quick)
                elif name == "symbol_coverage":
                    from tests.bench import picture_page, symbol_coverage

                    picture_page.install_symbols(home_dir)
                    result[name] = symbol_coverage.run(home_dir)
                elif name == "speech_latency":
                    from tests.bench import speech_latency

                    result[name] = speech_latency.run(args.quick)
                elif name == "page_kinds":
                    from tests.bench import page_kinds

                    result[name] = page_kinds.run(home_dir, args.quick)
                elif name == "search_recall":
                    from tests.bench import search_recall

                    result[name] = search_recall.run(Path(tmp) / "search-recall")
                elif name == "long_lists":
                    from tests.bench import long_lists

                    result[name] = long_lists.run(Path(tmp), args.quick)
                elif name == "cage_boot":
                    from tests.bench import cage_boot

                    result[name] = cage_boot.run(CAGE_BOOTS[pick])
                elif name == "soak":
                    from tests.bench import soak

                    result[name] = soak.run(home_dir, args.quick)
                elif name == "lmi_sync":
                    from tests.bench import lmi_sync

                    result[name] = lmi_sync.run(args.quick)
                elif name == "official_sync":
                    from tests.bench import official_sync

                    result[name] = official_sync.run(args.quick)
                elif name == "official_import":
                    from tests.bench import official_import

                    result[name] = official_import.run(args.quick)
                elif name == "pack_bombs":
                    from tests.bench import pack_bombs

                    result[name] = pack_bombs.run(args.quick)
                elif name == "workbook_bombs":
                    from tests.bench import workbook_bombs

                    result[name] = workbook_bombs.run(args.quick)
                else:
                    from tests.bench import import_freeze

                    result[name] = import_freeze.run(args.quick)
            except Exception as e:  # report the crash and go on: one broken benchmark should not hide the rest
                traceback.print_exc(file=sys.stderr)
                result[name] = {"error": f"{type(e).__name__}: {e}"}
                failed = True
            log(f"{name} took {time.perf_counter() - t0:.1f} s")
    if "tests.bench.qtapp" in sys.modules:
        from tests.bench.qtapp import qt_messages

        for message, n in qt_messages.items():
            log(f"Qt printed {n}x: {message}")
    print(json.dumps(result, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
