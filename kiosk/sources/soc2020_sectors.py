"""Which of the kiosk's job sectors a SOC 2020 unit group belongs to (SOC 2010 has its own map: codes differ)."""

from __future__ import annotations

from kiosk.sources.soc_sectors import sector_by_prefix

# SOC 2020 groups jobs by what people do; pupils browse by where they would work. The longest matching prefix of
# the 4-digit code wins: sub-major group (2 digits), minor group (3) or unit group (4).
_BY_PREFIX: dict[str, str] = {
    "11": "business-office", "1112": "public-services-law", "1121": "engineering-manufacturing", "1122": "construction",
    "1123": "engineering-manufacturing",
    "1137": "digital", "1150": "retail-customer", "116": "public-services-law", "117": "health-care",
    "1211": "land-animals", "1212": "land-animals", "122": "hospitality-food", "1224": "sport-beauty",
    "1225": "retail-customer", "123": "health-care", "1233": "education-childcare", "124": "transport-logistics",
    "125": "business-office", "1252": "transport-logistics", "1253": "sport-beauty",
    "1254": "science-environment", "1255": "creative-media",
    "21": "science-environment", "212": "engineering-manufacturing", "2121": "construction", "213": "digital",
    "214": "creative-media", "2141": "digital",
    "22": "health-care", "224": "land-animals", "23": "education-childcare",
    "24": "business-office", "241": "public-services-law", "245": "construction", "246": "public-services-law",
    "247": "creative-media", "248": "science-environment", "2481": "engineering-manufacturing",
    "249": "creative-media",
    "31": "engineering-manufacturing", "3111": "science-environment", "3114": "construction",
    "312": "construction", "313": "digital",
    "32": "health-care", "322": "public-services-law", "3222": "education-childcare", "323": "education-childcare",
    "324": "land-animals",
    "33": "public-services-law", "34": "creative-media", "343": "sport-beauty",
    "35": "business-office", "351": "transport-logistics", "352": "public-services-law",
    "355": "retail-customer", "3557": "hospitality-food", "356": "public-services-law", "3573": "digital",
    "358": "public-services-law",
    "41": "business-office", "42": "business-office",
    "51": "land-animals",
    "52": "engineering-manufacturing", "523": "transport-logistics", "524": "construction",
    "5242": "digital", "5244": "digital",
    "53": "construction",
    "54": "engineering-manufacturing", "541": "creative-media", "542": "creative-media",
    "543": "hospitality-food", "5443": "land-animals",
    "61": "health-care", "611": "education-childcare", "612": "land-animals", "6134": "public-services-law",
    "62": "hospitality-food", "621": "sport-beauty", "6212": "retail-customer", "6213": "transport-logistics",
    "6214": "transport-logistics", "622": "sport-beauty",
    "63": "public-services-law",
    "71": "retail-customer", "7114": "health-care", "72": "retail-customer",
    "81": "engineering-manufacturing", "815": "construction", "82": "transport-logistics",
    "91": "engineering-manufacturing", "911": "land-animals", "912": "construction",
    "92": "business-office", "922": "hospitality-food", "923": "public-services-law", "924": "retail-customer",
    "925": "transport-logistics", "926": "hospitality-food", "9262": "health-care", "9267": "sport-beauty",
}


def sector_for_soc2020(code: int | str) -> str:
    """The sector id for a SOC 2020 unit group (a 4-digit code from 1111 to 9269)."""
    return sector_by_prefix(_BY_PREFIX, code, "SOC 2020")
