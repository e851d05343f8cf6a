"""A National Careers Service job profile's public page, from the profile's name a pack source gives."""

from __future__ import annotations

import re
from urllib.parse import quote

from kiosk.content.errors import PackRejected

PROFILE_PAGES = "https://nationalcareers.service.gov.uk/job-profiles/"
# NCS's canonical names are lower-case words joined by hyphens, and may hold apostrophes and brackets
# ("barrister's-clerk", "special-educational-needs-(sen)-teacher"): ncs-job-profiles-api.md §1.
_NAME = re.compile(r"^[a-z0-9'()]+(-[a-z0-9'()]+)*$")


def profile_url(name: str) -> str:
    """The public page of the NCS profile called `name` (what a QR code opens), or PackRejected for a bad name."""
    if not isinstance(name, str) or not _NAME.match(name) or len(name) > 120:
        raise PackRejected(f"ncs_profile: {name!r} is not a National Careers Service profile name (lower-case "
                           "words joined by hyphens, as in the profile's own address)")
    return PROFILE_PAGES + quote(name, safe="")
