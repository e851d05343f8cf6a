"""The search page: the jobs found, a "Things I like" page the words name, and ways on when nothing is found."""

from __future__ import annotations

from kiosk.content.model import SearchHit
from kiosk.content.pages.browse import browse_choices
from kiosk.content.pages.page import Choice, Page, Target
from kiosk.content.reader import ContentReader

RESULTS = 24


def search_results_page(reader: ContentReader, query: str) -> Page:
    typed = query.strip()
    if not typed:
        return Page(Target("search", query), "Search for a job", choices=(),
                    empty_message="Type the name of a job, like nurse or plumber.")
    found = reader.find(query, limit=RESULTS)
    choices: list[Choice] = []
    lines: list[str] = []
    if found.corrected:
        lines.append(f"Did you mean “{found.corrected}”? These are jobs for “{found.corrected}”.")
    if found.interest:
        choices.append(Choice(f"Things I like: {found.interest}", Target("interest", found.interest),
                              f"Every job for people who like {found.interest}"))
    if found.nearest:
        asked, nearest = found.nearest
        lines.append(f"The kiosk has no job called “{asked}”. {nearest.sentence}")
        choices += [_choice(h) for h in found.nearest_hits]
    seen = {c.target for c in choices}
    choices += [c for c in map(_choice, found.hits) if c.target not in seen]
    if not found.hits:
        if not found.nearest:
            lines.append(f"No jobs match “{typed}”. Check the spelling, try another word, or look through the "
                         "jobs another way.")
        choices += browse_choices(reader)  # ways to look through the jobs, named as home names them
    return Page(Target("search", query), "Search for a job", " ".join(lines), choices=tuple(choices),
                empty_message=f"No jobs match “{typed}”. Check the spelling, or try a shorter word.")


def _choice(hit: SearchHit) -> Choice:
    return Choice(hit.title, Target("occupation", hit.id), _matched(hit.matched))


def _matched(how: str) -> str:
    if how in ("title", "SOC code", "nearest"):
        return ""
    if how == "interest":
        return "For people who like the same things"
    if how == "kind":
        return "The same kind of job"
    # In words a pupil uses: "alternative title" and "description" are the kiosk's own words, not theirs.
    return {"alternative title": "Another name for this job"}.get(how, "Your words are in what this job is about")
