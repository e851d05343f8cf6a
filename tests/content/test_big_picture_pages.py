"""Pages for big pictures, without Qt: a job's six topics in plain sentences, and long lists narrowed by kinds."""

from __future__ import annotations

from kiosk.content.pages import build_page
from kiosk.content.pages.narrowing import MOST, Kind, narrow, open_kind
from kiosk.content.pages.occupation import occupation_page
from kiosk.content.pages.page import BarChart, Choice, Fact, FactList, Page, Paragraph, Section, Target
from kiosk.content.pages.topics import job_topics, page_topics, short_label


def leaves(cells) -> list[Choice]:
    """Every choice reachable from a step, opening each kind in turn; fails on a step of more than six cells."""
    assert len(cells) <= MOST, [c.label for c in cells]
    out = []
    for cell in cells:
        out += leaves(open_kind(cell)) if isinstance(cell, Kind) else [cell]
    return out


def test_every_long_list_narrows_to_every_choice_once_in_steps_of_six(sample_reader) -> None:
    for target in (Target("a-z"), Target("sectors"), Target("events"), Target("library", "all"), Target("routes"),
                   Target("stories"), Target("compare-pick"), Target("display"), Target("growing")):
        page = build_page(target, sample_reader, easy=True, typing=False)
        assert sorted(leaves(narrow(page.choices))) == sorted(page.choices), target


def test_kinds_are_named_by_their_first_and_last_members_and_events_go_by_month() -> None:
    jobs = tuple(Choice(f"{name} {i}", Target("occupation", f"{name}-{i}")) for name in
                 ("Baker", "Carpenter", "Dentist", "Electrician", "Farmer", "Gardener", "Nurse", "Plumber", "Roofer",
                  "Tiler")
                 for i in range(3))
    first = narrow(jobs)
    assert all(isinstance(k, Kind) for k in first) and len(first) <= MOST
    # Not "B to C": the kind's picture is its first member's, so its name starts with that member's words.
    assert first[0].label == "Baker to Carpenter" and first[0].detail == "6 jobs"
    few = narrow(jobs[:24])  # a list of up to 24 goes five at a time with "More", never by kinds
    assert [c.label for c in few][-1] == "More" and not any(isinstance(c, Kind) and not c.in_order for c in few)
    events = tuple(Choice(f"Talk {i}", Target("event", str(i)), f"{day} 2027, 13:00 · Hall")
                   for i, day in enumerate(["Thursday 14 January", "Friday 15 January", "Tuesday 9 February",
                                            "Monday 1 March", "Monday 8 March", "Friday 2 April", "Friday 7 May"]))
    assert [k.label for k in narrow(events)] == ["January", "Talk 2", "March", "Talk 5", "Talk 6"]


def test_a_short_mixed_list_keeps_its_order_with_more_at_the_end() -> None:
    choices = tuple(Choice(f"Choice {i}", Target(f"kind-{i}")) for i in range(8))
    cells = narrow(choices)
    assert [c.label for c in cells] == ["Choice 0", "Choice 1", "Choice 2", "Choice 3", "Choice 4", "More"]
    assert open_kind(cells[-1]) == choices[5:]


def test_a_job_page_is_six_topics_in_short_sentences(sample_reader) -> None:
    job = next(o for o in sample_reader.occupations() if o.weekly_pay)
    page = build_page(Target("occupation", job.id), sample_reader, easy=True, typing=False)
    # An average of some other year is not used: the page's own chart sets the job beside all jobs of its year.
    topics = job_topics(page, average_weekly_pay=job.weekly_pay * 2)
    labels = [t.label for t in topics]
    assert labels[:5] == ["What they do", "Pay", "Hours", "Jobs in the future", "How to start"]
    chart = next(b for s in page.sections for b in s.blocks if isinstance(b, BarChart) and b.across)
    everyone, this = (bar.value for bar in chart.bars)
    pay = topics[1]
    assert pay.sentences[0].startswith(("About £", "£")) and pay.sentences[1] == (
        f"That is {'more' if this > everyone else 'less'} than the usual pay for all jobs.")
    assert all(t.sentences or t.choices for t in topics)
    # A page built without all jobs' figures has no chart: the average given is used.
    occ = sample_reader.occupation(job.id)
    bare = occupation_page(occ, "UK", easy=True)
    pay = next(t for t in job_topics(bare, average_weekly_pay=job.weekly_pay * 2) if t.label == "Pay")
    assert pay.sentences[1] == "That is less than the usual pay for all jobs."


def test_a_figure_not_published_is_never_shown_as_a_number() -> None:
    not_known = Fact("Pay", "Not known", "ONS does not publish a pay figure for this job (UK, 2024): too few people "
                     "in its survey do it, so any figure would not be reliable.")
    page = Page(Target("occupation", "x"), "Rare job", sections=(
        Section("What the job is", (Paragraph("Rare people do it."),)),
        Section("Pay and hours", (FactList((not_known, Fact("Hours", "Not known", "No hours figures yet."))),))))
    pay = next(t for t in job_topics(page, 700.0) if t.label == "Pay")
    assert pay.sentences[0] == "Pay: Not known" and "not be reliable" in pay.sentences[1]
    assert not any("£" in s for s in pay.sentences)


def test_other_pages_have_a_topic_per_section_named_in_short_words(sample_reader) -> None:
    assert short_label("Level 3: like A levels") == ("Level 3", "like A levels")
    assert short_label("What it is") == ("What it is", "What it is")
    page = build_page(Target("rqf"), sample_reader, easy=True, typing=False)
    topics = page_topics(page)
    assert len(topics) == len(page.sections) and topics[1].label.startswith("Entry level")


def test_a_long_list_of_jobs_goes_first_by_sector_then_the_few_in_it(sample_reader) -> None:
    sectors = ["Health and care", "Construction", "Creative", "Digital", "Education", "Engineering", "Retail",
               "Transport"]
    jobs = tuple(Choice(f"Job {s} {i}", Target("occupation", f"{s}-{i}"), group=s)
                 for s, size in zip(sectors, (9, 8, 7, 6, 5, 4, 3, 2)) for i in range(size))
    first = narrow(jobs)
    assert [k.label for k in first] == ["Health and care", "Construction", "Creative", "Digital", "Education",
                                        "More kinds"]
    assert first[0].detail == "9 jobs" and all(c.group == "Health and care" for c in first[0].choices)
    more = open_kind(first[-1])  # the smaller sectors, grouped again
    assert [k.label for k in more] == ["Engineering", "Retail", "Transport"]
    assert sorted(leaves(first)) == sorted(jobs)
    # The kiosk's own A to Z carries each job's sector.
    page = build_page(Target("a-z"), sample_reader, easy=True, typing=False)
    jobs_listed = [c for c in page.choices if c.target.kind == "occupation"]
    assert jobs_listed and all(c.group for c in jobs_listed)
