"""The kiosk's job sectors, and which sector a SOC 2010 unit group belongs to."""

from __future__ import annotations

from typing import NamedTuple


class Sector(NamedTuple):
    """One family of jobs as pupils browse them."""

    id: str
    name: str
    description: str


SECTORS: tuple[Sector, ...] = (
    Sector("health-care", "Health and care",
           "Looking after people's health in hospitals, surgeries, pharmacies, care homes and at home."),
    Sector("construction", "Construction and trades",
           "Designing, building, wiring, plumbing and repairing homes, roads and other buildings."),
    Sector("engineering-manufacturing", "Engineering and manufacturing",
           "Making, testing and fixing machines and products in workshops and factories."),
    Sector("digital", "Digital and technology",
           "Building software and keeping computers, phones and networks working."),
    Sector("business-office", "Business, finance and office",
           "Running offices, keeping records and looking after money for organisations and people."),
    Sector("retail-customer", "Retail and customer service",
           "Selling things in shops and online, and helping customers with questions and problems."),
    Sector("hospitality-food", "Hospitality, food and cleaning",
           "Hotels, restaurants, cafes and catering, including cooking, serving and keeping places clean."),
    Sector("transport-logistics", "Transport and logistics",
           "Moving people and goods by road, rail, sea and air, storing goods and keeping vehicles running."),
    Sector("education-childcare", "Education and childcare",
           "Caring for young children and helping children and young people learn."),
    Sector("public-services-law", "Public services and law",
           "Keeping people safe, supporting families and helping people with the law."),
    Sector("creative-media", "Creative and media",
           "Designing, writing, performing and making the things people see, read, hear and use."),
    Sector("science-environment", "Science and environment",
           "Testing, researching and protecting the natural world in labs and outdoors."),
    Sector("land-animals", "Land and animals", "Working with animals, farms, gardens and green spaces."),
    Sector("sport-beauty", "Sport, beauty and wellbeing", "Helping people keep fit and look and feel good."),
)

# SOC 2010 groups its unit groups by what people do; pupils browse by where they would work. The longest
# matching prefix of the 4-digit code wins: sub-major group (2 digits), minor group (3) or unit group (4).
_BY_PREFIX: dict[str, str] = {
    "11": "business-office", "1122": "construction", "1190": "retail-customer", "12": "business-office", "121": "land-animals", "122": "hospitality-food",
    "124": "health-care", "125": "retail-customer",
    "21": "science-environment", "212": "engineering-manufacturing", "2121": "construction", "213": "digital",
    "2137": "creative-media",
    "22": "health-care", "2216": "land-animals", "23": "education-childcare",
    "24": "business-office", "241": "public-services-law", "243": "construction", "244": "public-services-law",
    "245": "public-services-law", "247": "creative-media",
    "31": "science-environment", "311": "engineering-manufacturing", "3111": "science-environment", "312": "engineering-manufacturing", "313": "digital",
    "32": "health-care", "33": "public-services-law",
    "34": "creative-media", "344": "sport-beauty",
    "35": "business-office", "351": "transport-logistics", "352": "public-services-law", "356": "public-services-law",
    "41": "business-office", "42": "business-office",
    "51": "land-animals",
    "52": "engineering-manufacturing", "523": "transport-logistics", "524": "construction",
    "53": "construction",
    "54": "engineering-manufacturing", "542": "creative-media", "543": "hospitality-food",
    "61": "health-care", "612": "education-childcare", "613": "land-animals",
    "62": "hospitality-food", "621": "sport-beauty", "622": "sport-beauty",
    "71": "retail-customer", "7114": "health-care", "72": "retail-customer",
    "81": "engineering-manufacturing", "82": "transport-logistics",
    "91": "engineering-manufacturing", "911": "land-animals", "912": "construction",
    "92": "business-office", "923": "hospitality-food", "924": "public-services-law", "925": "retail-customer",
    "926": "transport-logistics", "927": "hospitality-food",
}


def sector_for_soc(soc2010: int | str) -> str:
    """The sector id for a SOC 2010 unit group (a 4-digit code from 1111 to 9279)."""
    return sector_by_prefix(_BY_PREFIX, soc2010, "SOC 2010")


def sector_by_prefix(prefixes: dict[str, str], code: int | str, edition: str) -> str:
    """The sector of the longest of `prefixes` that begins a 4-digit unit group code (unit, minor, sub-major)."""
    text = f"{int(code):04d}"
    for length in (4, 3, 2):
        sector = prefixes.get(text[:length])
        if sector is not None:
            return sector
    raise ValueError(f"{code!r} is not a {edition} unit group")


def sector_rows() -> list[dict[str, str]]:
    """The sectors as rows of a pack's sectors table."""
    return [s._asdict() for s in SECTORS]
