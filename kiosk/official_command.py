"""`kiosk official regenerate`: rebuild the shipped official figures (assets/official) from the releases."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from kiosk.config import ASSETS_DIR
from kiosk.package_files import CHECKOUT
from kiosk.sources.errors import SourceInputError


def run_official(args: argparse.Namespace) -> int:
    """Read every release in --from, then write the pack source; the problems met go to stderr."""
    from kiosk.sources.official.collect import read_releases
    from kiosk.sources.official.official_source import write_official_source
    from kiosk.sources.official.release_files import release_files

    try:
        retrieved = dt.date.fromisoformat(args.retrieved) if args.retrieved else dt.date.today()
    except ValueError:
        raise SourceInputError(f"--retrieved must be a date like 2026-12-06, not {args.retrieved!r}") from None
    if args.out is None and CHECKOUT is None:  # an installed kiosk's own copy is replaced by the next update
        raise SourceInputError("this kiosk is installed as a package, not run from the project's checkout: "
                               "give --out FOLDER for the pack source")
    out = args.out or ASSETS_DIR / "official"
    releases = read_releases(release_files(args.from_dir),
                             lambda done, total, name: print(f"  {done}/{total} {name}", file=sys.stderr))
    counts, problems = write_official_source(releases, out, retrieved=retrieved)
    for problem in problems:
        print(f"  note: {problem}", file=sys.stderr)
    print(f"wrote {out}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0
