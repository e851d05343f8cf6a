"""Alumni stories: the list, one story, and the "people from our school" part of job and route pages."""

from __future__ import annotations

from typing import Sequence

from kiosk.content.model import AlumniStory
from kiosk.content.pages.page import Block, BulletList, Choice, Page, Paragraph, Section, Target
from kiosk.content.pages.paging import ListPage, page_choices, page_line, page_target

STORIES = Target("stories")


def stories_page(stories: Sequence[AlumniStory], page: ListPage = ListPage(1), total: int | None = None) -> Page:
    """One page of the stories, the most recent leavers first; `total` is how many there are in all."""
    total = len(stories) if total is None else total
    return Page(
        page_target("stories", "", page.number),
        "People from our school",
        " ".join(t for t in ("Former pupils tell you what they do now and how they got there.",
                             page_line(page, total)) if t),
        choices=page_choices("stories", "", page, total) + tuple(story_choice(s) for s in stories),
        empty_message="The kiosk has no stories from former pupils yet. Ask in the careers office.",
    )


def story_choice(story: AlumniStory) -> Choice:
    """A story's tile: who and when; its picture shows the job the story is about (or, failing that, the route)."""
    return Choice(f"{story.first_name}, left in {story.year_left}", Target("story", story.id), story.destination,
                  story_picture(story, ("job", "route")), key_detail=story.destination)


def story_picture(story: AlumniStory, order: tuple[str, ...]) -> str:
    """The words whose symbol stands for a story: its job or its route, in the order asked; "story" when the kiosk
    knows neither (a picture of a name or of "left" would say nothing true about it)."""
    about = {"job": story.occupation_title, "route": story.route_name}
    return next((about[k] for k in order if about[k]), "story")


def story_page(story: AlumniStory) -> Page:
    """One story: who, when they left, what they do now, in their words, and the way they went."""
    name = story.first_name
    way: list[Block] = []
    choices: list[Choice] = []
    if story.route_name:
        way.append(Paragraph(f"After school, {name} took this route: {story.route_name}."))
        choices.append(Choice(story.route_name, Target("route", story.route), "The route this person took"))
    else:
        way.append(Paragraph(f"The kiosk does not know which route {name} took after school."))
    if story.occupation_title:
        way.append(Paragraph(f"{name}'s job: {story.occupation_title}."))
        choices.append(Choice(story.occupation_title, Target("occupation", story.occupation), "About this job"))
    else:
        way.append(Paragraph(f"The kiosk has no page about {name}'s job."))
    choices.append(Choice("More stories", STORIES, "People from our school"))
    return Page(
        Target("story", story.id),
        f"{name}'s story",
        f"Left our school in {story.year_left}",
        (
            Section("What they do now", (Paragraph(story.destination),)),
            Section(f"In {name}'s words", (Paragraph(f"“{story.quote}”"),)),
            Section("The way they went", tuple(way)),
        ),
        tuple(choices),
    )


def people_section(heading: str, stories: Sequence[AlumniStory]) -> Section:
    """A section naming former pupils and where they are now, or saying plainly that there are none yet."""
    if not stories:
        return Section(heading, (Paragraph("The kiosk has no stories from former pupils about this yet."),))
    return Section(heading, (BulletList(tuple(f"{s.first_name}, left in {s.year_left}: {s.destination}"
                                              for s in stories)),))


def story_choices(stories: Sequence[AlumniStory], about: str = "job") -> tuple[Choice, ...]:
    """A tile for each story, to read it in full; its picture shows `about` ("job" or "route"): on a job's page
    the route the person took, on a route's page the job they do."""
    order = (about, "route" if about == "job" else "job")
    # On a route's page the stories differ by the job each person does: a pupil chooses by it, so it stays. On a
    # job's page every story is of that job, and the tile's picture (the route taken) is worth more than the line.
    return tuple(Choice(f"{s.first_name}'s story", Target("story", s.id), s.destination, story_picture(s, order),
                        key_detail=s.destination if about == "job" else "") for s in stories)
