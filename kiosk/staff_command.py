"""`kiosk staff set-pin`: set the PIN that opens the staff screen (asked twice, never shown or stored in clear)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any


def run_staff(args: argparse.Namespace, settings: Any) -> int:
    """Set the staff PIN; 0 when set, 1 when refused."""
    from kiosk.staff.pin import PinError, pin_store

    if args.stdin:
        # For set-up scripts: the PIN on the first line of standard input, so it never shows in a process list.
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New staff PIN (4-12 digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            print("kiosk: the two PINs differ; nothing was changed", file=sys.stderr)
            return 1
    try:
        pin_store(settings.data_dir).set_pin(pin)
    except PinError as e:
        print(f"kiosk: {e}; nothing was changed", file=sys.stderr)
        return 1
    except OSError as e:  # a full or read-only disk: the old PIN file (if any) is as it was
        print(f"kiosk: the staff PIN could not be saved ({e}); nothing was changed", file=sys.stderr)
        return 1
    print("the staff PIN is set; tap the bare top bar five times within three seconds to reach the staff screen")
    return 0
