"""A page's topics for big pictures: one per section (a job page's own six), each a few short sentences."""

from __future__ import annotations

import re
from typing import NamedTuple

from kiosk.content.pages import wording as w
from kiosk.content.pages.against_all_jobs import ALL_JOBS, PAY_CHART
from kiosk.content.pages.page import (
    BarChart, Block, BulletList, Choice, CompareTable, Fact, FactList, Page, Paragraph, QrCode, Section,
)

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9£\"“(])")
YEARLY = re.compile(r"about (£[\d,]+) before tax")
SAME_BAND = 0.05  # pay within 5% of the average for all jobs is "about the same"


class Topic(NamedTuple):
    """One cell of a page: its short label, the words its symbol comes from, and what tapping it shows.

    A topic shows its sentences (a fact view), or its choices (people from our school), or a QR code."""

    label: str
    picture: str
    sentences: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    qr: QrCode | None = None


def page_topics(page: Page, average_weekly_pay: float | None = None) -> tuple[Topic, ...]:
    """The page's topics in order: a job page's six, or one per section with something to say."""
    if page.target.kind == "occupation":
        return job_topics(page, average_weekly_pay)
    sections = [s for s in page.sections if not _is_table(s)]
    heads = [short_label(s.heading)[0] for s in sections]
    # "Level 3: like A levels" is "Level 3"; but four "Myth: …" cells would all say "Myth": they keep every word.
    topics = [_section_topic(s, short=heads.count(head) == 1) for s, head in zip(sections, heads)]
    return tuple(t for t in topics if t.sentences or t.choices or t.qr)


def job_topics(page: Page, average_weekly_pay: float | None = None) -> tuple[Topic, ...]:
    """What they do, Pay, Hours, Jobs in the future, How to start and People from our school (those with content)."""
    by_heading = {s.heading: s for s in page.sections}
    facts = {f.label: f for s in page.sections for b in s.blocks if isinstance(b, FactList) for f in b.facts}
    topics: list[Topic] = []
    doing = [*_sentences(by_heading.get("What the job is"))[:2], *_sentences(by_heading.get("What you do"))[:2]]
    if doing:
        topics.append(Topic("What they do", f"{page.title} What you do", tuple(doing)))
    if "Pay" in facts:
        topics.append(Topic("Pay", "pay", _pay_sentences(facts["Pay"], _same_year_average(page, average_weekly_pay))))
    if "Hours" in facts:
        topics.append(Topic("Hours", "hours", _fact_sentences(facts["Hours"])))
    future = by_heading.get("Jobs in the future")
    if future is not None:
        trend = next((b.trend for b in future.blocks if isinstance(b, BarChart)), "")
        picture = {"up": "growing", "down": "shrinking"}.get(trend, "jobs")  # a chart that goes the figures' way
        topics.append(Topic("Jobs in the future", picture, _future_sentences(future)))
    start = _sentences(by_heading.get("How to get in"))
    if start:
        topics.append(Topic("How to start", "How to get in", tuple(start[:4])))
    stories = tuple(c for c in page.choices if c.target.kind == "story")
    if stories:
        topics.append(Topic("People from our school", "school", choices=stories))
    return tuple(topics)


def short_label(heading: str) -> tuple[str, str]:
    """A heading as a cell's label and the words its symbol comes from: "Level 3: like A levels" is "Level 3"
    with the picture of "like A levels"; "Myth: …" keeps the myth's own words for its picture."""
    head, sep, rest = heading.partition(":")
    if sep and rest.strip() and len(head.split()) <= 3:
        return head.strip(), rest.strip()
    return heading, heading


def _section_topic(section: Section, short: bool = True) -> Topic:
    label, picture = short_label(section.heading) if short else (section.heading, section.heading)
    qr = next((b for b in section.blocks if isinstance(b, QrCode)), None)
    sentences = tuple(_sentences(section))
    if not label:  # a section with no heading is named by its first words
        label = picture = sentences[0] if sentences else ""
    return Topic(label, picture, sentences, qr=qr)


def _is_table(section: Section) -> bool:
    return any(isinstance(b, CompareTable) for b in section.blocks)


def split_sentences(text: str) -> list[str]:
    """A paragraph as its sentences (a big-picture fact view shows one or two at a time)."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def _sentences(section: Section | None) -> list[str]:
    """Everything a section says, as short sentences in reading order; small print (sources) is left out."""
    if section is None:
        return []
    out: list[str] = []
    for block in section.blocks:
        out.extend(_block_sentences(block))
    return out


def _block_sentences(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return split_sentences(block.text)
    if isinstance(block, BulletList):
        return [w.sentence(item) for item in block.items]
    if isinstance(block, FactList):
        return [s for fact in block.facts for s in _fact_sentences(fact)]
    if isinstance(block, BarChart):
        return split_sentences(block.headline)
    if isinstance(block, QrCode):
        return split_sentences(block.caption)
    return []  # notes are small print: where figures come from


def _fact_sentences(fact: Fact) -> tuple[str, ...]:
    """A fact as "Label: value." and its detail's sentences (the content's own words for a missing figure)."""
    return (w.sentence(f"{fact.label}: {fact.value}"), *split_sentences(fact.detail))


def _same_year_average(page: Page, given: float | None) -> float | None:
    """All jobs' pay from the page's own pay chart (of the job's year and table); else `given`, for a page built
    without all jobs' figures."""
    for block in (b for s in page.sections for b in s.blocks):
        if isinstance(block, BarChart) and block.across and block.title.startswith(PAY_CHART):
            return next((bar.value for bar in block.bars if bar.label == ALL_JOBS), given)
    return given


def _pay_sentences(fact: Fact, average: float | None) -> tuple[str, ...]:
    """Pay as a year's pay where the content gives one (else a week's), and how it compares with all jobs."""
    weekly = _pounds(fact.value)
    if weekly is None:  # not published or not known: the content's words say why, never a number
        return _fact_sentences(fact)
    yearly = YEARLY.search(fact.detail)
    out = [f"About {yearly.group(1)} a year." if yearly else w.sentence(fact.value)]
    if average:
        if abs(weekly - average) <= SAME_BAND * average:
            out.append("That is about the same as the usual pay for all jobs.")
        else:
            out.append(f"That is {'more' if weekly > average else 'less'} than the usual pay for all jobs.")
    out += [s for s in split_sentences(fact.detail) if "rough estimate" in s or "out of date" in s]
    return tuple(out)


def _future_sentences(section: Section) -> tuple[str, ...]:
    """The headline of the chart (or the content's words when there are no figures), then jobs opening up."""
    charts = [b for b in section.blocks if isinstance(b, BarChart)]
    if not charts:
        return tuple(_sentences(section))
    out = split_sentences(charts[0].headline)
    opening = [f for b in section.blocks if isinstance(b, FactList) for f in b.facts if f.label == "Jobs opening up"]
    if opening:
        out.append(w.sentence(f"{opening[0].label}: {opening[0].value}"))
    return tuple(out)


def _pounds(value: str) -> float | None:
    """The pounds in "£977 a week"; None when the value holds no figure ("Not known")."""
    found = re.match(r"£([\d,]+(?:\.\d+)?)", value)
    return float(found.group(1).replace(",", "")) if found else None
