"""The LMI for All endpoints the kiosk syncs, each answer checked for the keys it must have."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kiosk.sources.json_fetch import Fetched, JsonFetcher

LIVE_BASE_URL = "https://api.lmiforall.org.uk/api/v1/"
SOURCE = "LMI for All"


class LmiClient:
    """Typed-by-shape calls to LMI for All; every method answers a Fetched, never raises for bad data."""

    def __init__(self, fetcher: JsonFetcher) -> None:
        self._fetcher = fetcher

    async def occupation(self, soc: int) -> Fetched:
        """soc/code/{soc}: title, description, qualifications, tasks, alternative titles."""
        answer = await self._fetcher.get(f"soc/code/{soc}")
        return _expect(answer, f"occupation {soc}", ("soc", "title", "description"))

    async def pay(self, soc: int, *, region: int | None = None, breakdown: str | None = None) -> Fetched:
        """ashe/estimatePay for the unit group itself (coarse=false), optionally for a region or by region."""
        return await self._ashe("estimatePay", soc, region, breakdown)

    async def hours(self, soc: int, *, region: int | None = None, breakdown: str | None = None) -> Fetched:
        """ashe/estimateHours, with the same options as pay()."""
        return await self._ashe("estimateHours", soc, region, breakdown)

    async def projections(self, soc: int, min_year: int, max_year: int, *, breakdown: str | None = None) -> Fetched:
        """wf/predict, or wf/predict/breakdown/{breakdown} (region, industry, ...), between the years given."""
        path = "wf/predict" if breakdown is None else f"wf/predict/breakdown/{breakdown}"
        answer = await self._fetcher.get(path, {"soc": soc, "minYear": min_year, "maxYear": max_year})
        return _expect(answer, f"projections for {soc}", ("predictedEmployment",))

    async def replacement_demand(self, soc: int) -> Fetched:
        """wf/replacement_demand: job openings from people leaving the occupation over a span of years."""
        answer = await self._fetcher.get("wf/replacement_demand", {"soc": soc})
        return _expect(answer, f"replacement demand for {soc}", ("start_year", "end_year", "rate"))

    async def shortages(self, soc: int, *, region: int | None = None) -> Fetched:
        """ess/uk/{soc} or ess/region/{region}/{soc}: hard-to-fill and skill-shortage vacancy shares."""
        path = f"ess/uk/{soc}" if region is None else f"ess/region/{region}/{soc}"
        answer = await self._fetcher.get(path, {"coarse": "true"})
        return _expect(answer, f"skill shortages for {soc}", ("percentHTF",))

    async def onet_codes(self, soc: int) -> Fetched:
        """o-net/soc2onet/{soc}: the O*NET occupations one SOC group maps to."""
        answer = await self._fetcher.get(f"o-net/soc2onet/{soc}")
        return _expect(answer, f"O*NET codes for {soc}", ("onetCodes",))

    async def skills(self, onet_code: str) -> Fetched:
        """o-net/skills/{code}: level and importance scales of skills."""
        answer = await self._fetcher.get(f"o-net/skills/{onet_code}")
        return _expect(answer, f"skills for {onet_code}", ("scales",))

    async def interests(self, onet_code: str) -> Fetched:
        """o-net/interests/{code}: interest profile scales."""
        answer = await self._fetcher.get(f"o-net/interests/{onet_code}")
        return _expect(answer, f"interests for {onet_code}", ("scales",))

    async def degree_subjects(self, soc: int) -> Fetched:
        """hesa/courses/{soc}: the degree subjects people in this job studied, by year."""
        answer = await self._fetcher.get(f"hesa/courses/{soc}")
        return _expect(answer, f"degree subjects for {soc}", ("years",))

    async def _ashe(self, kind: str, soc: int, region: int | None, breakdown: str | None) -> Fetched:
        params: dict[str, object] = {"soc": soc, "coarse": "false"}
        if region is not None:
            params["filters"] = f"region:{region}"
        if breakdown is not None:
            params["breakdown"] = breakdown
        answer = await self._fetcher.get(f"ashe/{kind}", params)
        return _expect(answer, f"{'pay' if kind == 'estimatePay' else 'hours'} for {soc}", ("soc", "series"))


def _expect(answer: Fetched, what: str, keys: Iterable[str]) -> Fetched:
    """The answer with its keys folded to the documented case, or "no data" naming what is missing."""
    if not answer.ok:
        return answer
    if not isinstance(answer.data, Mapping):
        return Fetched(None, f"{SOURCE} {what}: expected an object, got {type(answer.data).__name__}", answer.status)
    # Key casing comes from JavaScript clients and is unconfirmed (lmiforall-api.md §5.3): match without case.
    by_fold = {str(key).casefold(): key for key in answer.data}
    missing = [key for key in keys if key.casefold() not in by_fold]
    if missing:
        return Fetched(None, f"{SOURCE} {what}: answer lacks {', '.join(missing)}", answer.status)
    data = dict(answer.data)
    for key in keys:
        actual = by_fold[key.casefold()]
        if actual != key:
            data[key] = data.pop(actual)
    return Fetched(data, None, answer.status)
