"""Pupil pages in words a 12-year-old knows (issue 15): no "vacancies", "sector", "occupations", "projections",
"unit group" or "RQF"; and no subtitle that restates its page's title."""

from __future__ import annotations

import re

from kiosk.access.coverage import every_page_target
from kiosk.content.pages import build_page
from kiosk.content.pages.page import SOURCES_HEADING, Target
from kiosk.content.pages.wording import names_again

# Whole words: "Occupational therapist" is a job's name, "occupations" is the statisticians' word for jobs.
JARGON = re.compile(r"\b(vacanc\w*|Found in its|alternative title|sectors?|modelled on the shape|projections?|"
                    r"occupations?|unit groups?|RQF)\b", re.IGNORECASE)
# A source line names a publisher's release by its own title ("… employment projections 2020 to 2035"): a citation
# a pupil need not read, so it is the one place such words may stand.
SOURCE = re.compile(r"Source: .*")


def pupil_text(page) -> str:
    """The page's words but its citations: source lines, and the one list of sources a page of figures ends with."""
    cited = page._replace(sections=tuple(s for s in page.sections if s.heading != SOURCES_HEADING))
    return " ".join(SOURCE.sub("", text) for text in cited.text_blocks())


def test_no_pupil_page_uses_the_kiosks_own_jargon(sample_reader) -> None:
    found = {}
    for target in every_page_target(sample_reader):
        for easy in (False, True):
            text = pupil_text(build_page(target, sample_reader, easy=easy))
            hits = sorted({m.lower() for m in JARGON.findall(text)})
            if hits:
                found[target] = hits
    assert found == {}


def test_the_jargon_check_reads_past_a_source_line_only() -> None:
    text = SOURCE.sub("", "Caring personal service occupations. Source: DfE, employment projections")
    assert JARGON.findall(text) == ["occupations"]
    assert not JARGON.findall("Occupational therapist")


# Words every title may share with its subtitle without restating it: small words, and "job" (every page is about
# jobs). "A levels" and "T levels" are one word each, so "T levels" does not restate "like A levels".
SMALL = frozenset("a an and the of in on at to for by with or is are that what you your our i it its my from this "
                  "these be can do".split())
LEVELS = re.compile(r"\b([AT]) levels?\b")


def key_words(text: str) -> set[str]:
    text = LEVELS.sub(lambda m: f"{m.group(1)}-levels", text).lower()
    return {w.removesuffix("s") for w in re.findall(r"[a-z0-9'-]+", text)} - SMALL - {"job"}


def restates(title: str, subtitle: str) -> bool:
    """Whether one part of the subtitle (between stops, commas, colons and dots) holds every key word of the title:
    "What is growing in our area" restates "Jobs in our area"."""
    keys = key_words(title)
    return bool(keys) and any(keys <= key_words(part) for part in re.split(r"[.,:;·?!]", subtitle))


def test_restating_is_found_the_way_a_reader_sees_it() -> None:
    assert restates("Jobs in our area", "What is growing in our area")
    assert restates("A levels", "Level 3, like A levels")
    assert not restates("T levels", "Level 3, like A levels")
    assert not restates("Bachelor's degree", "Level 6, like a university degree")
    assert not restates("Jobs in England", "What is growing and shrinking, and what is hard to fill")


def test_no_subtitle_restates_its_title(sample_reader) -> None:
    found = {}
    for target in every_page_target(sample_reader):
        for easy in (False, True):
            page = build_page(target, sample_reader, easy=easy)
            if restates(page.title, page.subtitle):
                found[target] = (page.title, page.subtitle)
    assert found == {}


def test_a_job_found_by_another_of_its_names_says_so_plainly(sample_reader) -> None:
    hit = next(h for h in sample_reader.search("staff") if h.matched == "alternative title")
    page = build_page(Target("search", "staff"), sample_reader)
    assert next(c.detail for c in page.choices if c.target == Target("occupation", hit.id)) == \
        "Another name for this job"


def test_a_jobs_other_names_that_only_repeat_its_title_are_left_out(sample_reader) -> None:
    assert names_again("Train driver", "Trainee train driver") and names_again("A levels", "like A levels")
    assert not names_again("T levels", "like A levels") and not names_again("Train driver", "Tram driver")
    occ = sample_reader.occupation("train-driver")
    assert "Trainee train driver" in occ.alt_titles  # the content has it; the subtitle does not repeat it
    subtitle = build_page(Target("occupation", "train-driver"), sample_reader).subtitle
    assert "Tram driver" in subtitle and "Trainee train driver" not in subtitle
