"""The compare picker: jobs to add to a comparison, the pupil's list first, then the same area of work, then A to Z."""

from __future__ import annotations

from kiosk.content.model import OccupationSummary
from kiosk.content.pages import wording as w
from kiosk.content.pages.compare import MAX_JOBS, compare_ids, compare_key
from kiosk.content.pages.page import Choice, Page, Target
from kiosk.content.reader import ContentReader


def compare_pick_page(
    reader: ContentReader, key: str, region: str = "UK", shortlist: tuple[str, ...] = ()
) -> Page:
    """Jobs to add to the comparison in `key`; choosing one opens the compare page with it added.

    `shortlist` is the ids on the pupil's "my list" for this visit: they come first (the hook for the shortlist).
    """
    chosen = [occ for occ in (reader.occupation(i) for i in compare_ids(key)) if occ is not None]
    ids = tuple(occ.id for occ in chosen)
    target = Target("compare-pick", compare_key(ids))
    if len(ids) >= MAX_JOBS:
        return Page(target, "Choose a job to compare",
                    f"You can compare up to {MAX_JOBS} jobs. Remove one to add another.",
                    choices=(Choice("Back to the comparison", Target("compare", compare_key(ids))),))
    everyone = [o for o in reader.occupations(region=region) if o.id not in ids]
    by_id = {o.id: o for o in everyone}
    ordered: dict[str, tuple[OccupationSummary, str]] = {}
    for job_id in shortlist:
        if job_id in by_id:
            ordered.setdefault(job_id, (by_id[job_id], "On my list"))
    for occ in chosen:
        if occ.sector is None:
            continue
        for o in reader.occupations(sector=occ.sector.id, region=region):
            if o.id in by_id:
                ordered.setdefault(o.id, (o, f"Also in {occ.sector.name}"))
    for o in everyone:
        ordered.setdefault(o.id, (o, ""))
    if chosen:
        names = " and ".join(occ.title for occ in chosen)
        subtitle = f"Comparing {names}. Tap a job to add it."
    else:
        subtitle = "Tap a job to see it beside the average for all jobs."
    return Page(
        target,
        "Choose a job to compare",
        subtitle,
        choices=tuple(
            Choice(o.title, Target("compare", compare_key((*ids, o.id))), _detail(o, why)) for o, why in ordered.values()
        ),
        empty_message="There are no other jobs in the kiosk to compare with.",
    )


def _detail(o: OccupationSummary, why: str) -> str:
    parts = [why] if why else []
    if o.weekly_pay:
        parts.append(f"{w.pounds(o.weekly_pay)} a week")
    return " · ".join(parts)
