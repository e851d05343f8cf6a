"""Everything the kiosk keeps about one SOC group, fetched from LMI for All in one go."""

from __future__ import annotations

import asyncio
from typing import Any

from kiosk.sources.json_fetch import Fetched
from kiosk.sources.lmiforall.client import LmiClient

# Working Futures editions span about a decade; asking wide gets whatever the current edition holds.
YEARS_BACK, YEARS_AHEAD = 10, 15


async def fetch_soc(client: LmiClient, soc: int, *, this_year: int, region: int | None = None) -> dict[str, Any]:
    """One SOC's answers by part, plus the problems that left parts without data."""
    low, high = this_year - YEARS_BACK, this_year + YEARS_AHEAD
    calls = {
        "occupation": client.occupation(soc),
        "pay": client.pay(soc),
        "pay_by_region": client.pay(soc, breakdown="region"),
        "hours": client.hours(soc),
        "hours_by_region": client.hours(soc, breakdown="region"),
        "outlook": client.projections(soc, low, high),
        "outlook_by_region": client.projections(soc, low, high, breakdown="region"),
        "replacement_demand": client.replacement_demand(soc),
        "shortages": client.shortages(soc),
        "onet_codes": client.onet_codes(soc),
        "degree_subjects": client.degree_subjects(soc),
    }
    if region is not None:
        calls["shortages_in_region"] = client.shortages(soc, region=region)
    answers = dict(zip(calls, await asyncio.gather(*calls.values()), strict=True))
    answers.update(await _onet_profile(client, answers["onet_codes"]))
    record: dict[str, Any] = {"soc": soc, "problems": [], "unanswered": []}
    for part, answer in answers.items():
        # One part failing leaves the others intact: "no data" is recorded, never turned into zero.
        record[part] = answer.data
        if answer.problem:
            record["problems"].append(answer.problem)
        if not answer.answered:
            record["unanswered"].append(part)  # the network or the service failed: worth asking again
    return record


async def _onet_profile(client: LmiClient, codes: Fetched) -> dict[str, Fetched]:
    """Skills and interests of the first O*NET occupation the SOC group maps to, when there is one."""
    if not codes.ok:
        return {}
    listed = codes.data.get("onetCodes") if isinstance(codes.data, dict) else None
    first = listed[0].get("code") if isinstance(listed, list) and listed and isinstance(listed[0], dict) else None
    if not isinstance(first, str) or not first:
        return {}
    skills, interests = await asyncio.gather(client.skills(first), client.interests(first))
    return {"skills": skills, "interests": interests}
