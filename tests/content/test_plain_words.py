"""Pupil pages in words a 12-year-old knows (issue 15): no "vacancies", no "Found in its alternative title"."""

from __future__ import annotations

from kiosk.access.coverage import every_page_target
from kiosk.content.pages import build_page
from kiosk.content.pages.page import Target

JARGON = ("vacanc", "Found in its", "alternative title")


def test_no_pupil_page_uses_the_kiosks_own_jargon(sample_reader) -> None:
    found = {}
    for target in every_page_target(sample_reader):
        for easy in (False, True):
            text = " ".join(build_page(target, sample_reader, easy=easy).text_blocks())
            hits = [word for word in JARGON if word.lower() in text.lower()]
            if hits:
                found[target] = hits
    assert found == {}


def test_a_job_found_by_another_of_its_names_says_so_plainly(sample_reader) -> None:
    hit = next(h for h in sample_reader.search("staff") if h.matched == "alternative title")
    page = build_page(Target("search", "staff"), sample_reader)
    assert next(c.detail for c in page.choices if c.target == Target("occupation", hit.id)) == \
        "Another name for this job"
