"""Is the kiosk up to date? Each source's age in words, or what to do, from its pack's dates against today."""

from __future__ import annotations

import datetime as dt

from kiosk.staff.api import PackStatus
from kiosk.staff.freshness import SAMPLE_WORDS, freshness, span_words, updated_words

TODAY = dt.date(2026, 12, 7)


def pack(pack_id: str, made: str, sample: bool = False, title: str = "") -> PackStatus:
    return PackStatus(pack_id, title or pack_id, "Publisher", "1.0", made, made, (), sample, None)


def test_ages_in_words() -> None:
    assert updated_words(TODAY, TODAY) == "Updated today"
    assert updated_words(dt.date(2026, 12, 6), TODAY) == "Updated yesterday"
    assert updated_words(dt.date(2026, 12, 4), TODAY) == "Updated 3 days ago"
    assert span_words(dt.date(2026, 11, 16), TODAY) == "3 weeks"
    assert span_words(dt.date(2025, 10, 7), TODAY) == "14 months"
    assert span_words(dt.date(2025, 10, 8), TODAY) == "13 months"  # a month is whole only on its day
    assert span_words(dt.date(2023, 12, 1), TODAY) == "3 years"
    assert updated_words(dt.date(2026, 12, 9), TODAY) == "Updated today"  # a clock put back says no less


def test_each_source_says_its_age_or_what_to_do() -> None:
    lines = freshness([pack("official", "2025-10-01T09:00:00+00:00"), pack("lmiforall", "2026-12-04T09:00:00"),
                       pack("library", "2026-01-10"), pack("school", "2026-06-01", title="Hillside School")], TODAY)
    words = {line.name: (line.ok, line.words, line.sync) for line in lines}
    assert words["LMI for All"] == (True, "Updated 3 days ago ✓", "lmiforall")
    assert words["Job library"] == (True, "Updated 10 months ago ✓", None)  # yearly: not stale yet
    assert words["Official figures (ONS, DfE)"] == (
        False, "Not updated for 14 months — tap Sync official figures, or bring the new release on a USB stick",
        "official")
    assert words["National Careers Service job profiles"][:2] == (
        False, "Not on this kiosk yet — tap Sync National Careers Service (it needs the NCS key in Settings)")
    # The school's own content goes stale after a term, not a year.
    assert words["School content: Hillside School"] == (
        False, "Not updated for 6 months — import the school's new pack from a USB stick (Import)", None)
    assert [line.name for line in lines][:4] == ["Job library", "Official figures (ONS, DfE)", "LMI for All",
                                                "National Careers Service job profiles"]


def test_the_stale_points_differ_by_how_often_each_publisher_releases() -> None:
    five_months = "2026-07-01"
    lines = {line.name: line.ok for line in freshness([pack("ncs", five_months), pack("lmiforall", five_months)],
                                                      TODAY)}
    assert lines["LMI for All"] and lines["National Careers Service job profiles"]
    seven_months = "2026-05-01"
    lines = {line.name: line.ok for line in freshness([pack("ncs", seven_months), pack("lmiforall", seven_months)],
                                                      TODAY)}
    assert lines["LMI for All"] and not lines["National Careers Service job profiles"]


def test_a_failed_sync_an_unreadable_date_and_the_sample_say_what_to_do() -> None:
    lines = freshness([pack("lmiforall", "2026-12-06"), pack("ncs", "not a date"), pack("sample", "2026-12-01", True)],
                      TODAY, failed={"lmiforall"})
    words = {line.name: line.words for line in lines}
    assert words["LMI for All"] == "The last sync did not work (Details says why) — try again: tap Sync LMI for All"
    assert words["National Careers Service job profiles"].startswith("Its date cannot be read — tap Sync")
    assert lines[-1].name == "Sample content" and lines[-1].words == SAMPLE_WORDS and not lines[-1].ok
