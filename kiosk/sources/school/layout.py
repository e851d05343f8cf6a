"""The template's sheets and columns: friendly headings, the pack columns they fill, their help and examples.

One description drives the template writer, the reader and the instructions, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

ABOUT = "About this pack"
INSTRUCTIONS = "Instructions"
EXAMPLE_MARK = "Example:"  # a row whose name column starts with this is one of the template's examples

RESOURCE_KINDS = {"printed": "printed", "online": "online", "video": "video", "in house": "in_house"}
EVENT_KINDS = {
    "open day": "open_day", "taster day": "taster_day", "employer talk": "employer_talk",
    "careers fair": "careers_fair", "other": "other",
}
PROVIDER_KINDS = {
    "school sixth form": "school_sixth_form", "college": "college", "university": "university",
    "training provider": "training_provider", "employer": "employer",
}
# In school order rather than alphabetical; a test checks it lists every audience the schema knows.
AUDIENCE_ORDER = ("ks3", "ks4", "post16", "parents", "send")

DATE_HELP = "A date and time like 2027-01-20 17:30 or 20/01/2027 17:30 (or an Excel date cell); a date alone is fine."


class Field(NamedTuple):
    """One column of a sheet: its heading, the pack column it fills, how its cells are read, and help for staff."""

    heading: str
    column: str  # the pack table's column ("routes" on Providers fills provider_routes)
    kind: str  # how cells are read: id, text, choice, audience, when, year, ids
    required: bool = False
    help: str = ""
    choices: dict[str, str] | None = None  # label staff see -> the pack's value
    width: int = 20


class Sheet(NamedTuple):
    """One sheet (or CSV file) of the template and the pack table its rows fill."""

    name: str
    table: str
    noun: str  # one row, in words ("event")
    name_column: str  # the column an id is made from, and that marks an example row
    fields: tuple[Field, ...]
    examples: tuple[dict[str, Any], ...]

    def field(self, heading: str) -> Field | None:
        """The field a heading names (case and spacing do not matter; the pack column name works too)."""
        wanted = normalise_heading(heading)
        for f in self.fields:
            if wanted in (normalise_heading(f.heading), normalise_heading(f.column)):
                return f
        return None


def normalise_heading(text: str) -> str:
    """A heading as compared: lower case, single spaces, underscores as spaces."""
    return " ".join(str(text).replace("_", " ").lower().split())


def _id(noun: str, made_from: str) -> Field:
    return Field("Id", "id", "id", help=(
        f"Optional. A short id for the {noun}: lower-case letters, digits and dashes. Left blank, one is made "
        f"from the {made_from}. Keep it the same when you edit the row."), width=24)


def _audience() -> Field:
    return Field("Audience", "audience", "audience", help=(
        "Optional. Who it is for, separated by commas: " + ", ".join(AUDIENCE_ORDER)
        + " (Key Stage 3, Key Stage 4, sixth form, parents, pupils with SEND). Blank means everyone."), width=22)


LINK = Field("Link", "url", "text", width=36,
             help="Optional. A web address starting with https:// (shown as a QR code).")

SHEETS: tuple[Sheet, ...] = (
    Sheet("Resources", "resources", "resource", "title", (
        _id("resource", "title"),
        Field("Title", "title", "text", True, "The resource's title, as pupils will see it.", width=36),
        Field("Kind", "kind", "choice", True, "What it is: " + ", ".join(RESOURCE_KINDS) + ".", RESOURCE_KINDS, 14),
        _audience(),
        Field("Summary", "summary", "text", help="Optional. A sentence or two about it.", width=48),
        Field("Where on the shelf", "shelf", "text", width=24,
              help="Optional. Where to find a printed or in-house resource."),
        LINK,
    ), (
        {"Title": "Example: Jobs in health and care", "Kind": "printed", "Audience": "ks4, post16, parents",
         "Summary": "A booklet about more than 40 jobs in hospitals and care homes.",
         "Where on the shelf": "Shelf B1, health box"},
        {"Title": "Example: Apprenticeships in two minutes", "Kind": "video", "Audience": "ks4",
         "Summary": "A short film about how apprenticeships work.", "Link": "https://example.org/apprenticeships"},
    )),
    Sheet("Events", "events", "event", "title", (
        _id("event", "title and the day it starts"),
        Field("Title", "title", "text", True, "The event's name, as pupils will see it.", width=36),
        Field("Kind", "kind", "choice", True, "What it is: " + ", ".join(EVENT_KINDS) + ".", EVENT_KINDS, 16),
        Field("Starts", "starts", "when", True, DATE_HELP, width=18),
        Field("Ends", "ends", "when", help="Optional. " + DATE_HELP + " A time alone (20:00) means the day it starts.",
              width=18),
        Field("Place", "place", "text", help="Optional. Where it happens.", width=28),
        Field("Summary", "summary", "text", help="Optional. A sentence or two about it.", width=48),
        _audience(),
        LINK,
    ), (
        {"Title": "Example: Riverside College open evening", "Kind": "open day",
         "Starts": dt.datetime(2027, 1, 20, 17, 30), "Ends": dt.datetime(2027, 1, 20, 20, 0),
         "Place": "Riverside College, Main Street", "Audience": "ks4, parents",
         "Summary": "See the college and ask about A levels and T levels."},
        {"Title": "Example: Careers fair", "Kind": "careers fair", "Starts": dt.datetime(2027, 3, 4, 9, 30),
         "Ends": dt.datetime(2027, 3, 4, 15, 0), "Place": "School hall", "Audience": "ks3, ks4, post16"},
    )),
    Sheet("Alumni", "alumni", "story", "first_name", (
        _id("story", "first name and the year they left"),
        Field("First name", "first_name", "text", True, "First name only.", width=16),
        Field("Year left", "year_left", "year", True, "The year they left school, like 2019.", width=12),
        Field("Route id", "route", "id", help=(
            "Optional. The id of the route they took after school (from the national content, like t-levels)."),
            width=24),
        Field("Occupation id", "occupation", "id", help="Optional. The id of the job they do (like nurse).", width=20),
        Field("Destination", "destination", "text", True, "What they do now.", width=36),
        Field("Quote", "quote", "text", True, "What they say about it, in their words.", width=60),
    ), (
        {"First name": "Example: Amira", "Year left": 2019, "Route id": "t-levels", "Occupation id": "nurse",
         "Destination": "Trainee nurse at the city hospital",
         "Quote": "I did not know T levels existed until Year 11. Now I love my job."},
        {"First name": "Example: Jamie", "Year left": 2022, "Route id": "supported-internship",
         "Destination": "Kitchen assistant at the hospital restaurant",
         "Quote": "My job coach helped me learn the kitchen one step at a time."},
    )),
    Sheet("Providers", "providers", "provider", "name", (
        _id("provider", "name"),
        Field("Name", "name", "text", True, "The school, college, university, training provider or employer.",
              width=32),
        Field("Kind", "kind", "choice", True, "What it is: " + ", ".join(PROVIDER_KINDS) + ".", PROVIDER_KINDS, 20),
        Field("Town", "town", "text", help="Optional. Where it is.", width=16),
        LINK,
        Field("Route ids", "routes", "ids", help=(
            "Optional. The ids of the routes it offers, separated by commas (like a-levels, t-levels)."), width=36),
    ), (
        {"Name": "Example: Riverside College", "Kind": "college", "Town": "Riverside",
         "Link": "https://example.org/riverside-college", "Route ids": "a-levels, t-levels"},
        {"Name": "Example: Canal Road Garage", "Kind": "employer", "Town": "Riverside",
         "Route ids": "intermediate-apprenticeship"},
    )),
)


class AboutKey(NamedTuple):
    """One setting on the "About this pack" sheet."""

    label: str
    name: str
    default: str
    help: str


ABOUT_KEYS: tuple[AboutKey, ...] = (
    AboutKey("Pack id", "pack_id", "school", "Optional (school if blank). The pack's id: lower-case letters, digits and "
             "dashes. Keep it the same every time, so a new build replaces the last one."),
    AboutKey("Title", "title", "",
             "Optional. The pack's name as staff see it (default: careers content from the school)."),
    AboutKey("Publisher", "publisher", "", "Required. Your school's name."),
    AboutKey("Version", "version", "", "Optional. Dotted whole numbers like 2027.1; each build must be newer than "
             "the last. Blank: the date and time of the build."),
    AboutKey("Notice", "notice", "", "Optional. A note shown with the content."),
)
ABOUT_HEADINGS = ("Setting", "Value", "What it means")


def sheet_named(name: str) -> Sheet | None:
    """The template sheet with this name (case and spacing do not matter)."""
    wanted = normalise_heading(name)
    return next((s for s in SHEETS if normalise_heading(s.name) == wanted), None)
