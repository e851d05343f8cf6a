"""Pages say what each choice's picture is about, and which choice is the way things are now (issue 14, part 3)."""

from __future__ import annotations

from kiosk.content.model import AlumniStory
from kiosk.content.pages.alumni import story_choice, story_choices
from kiosk.content.pages.display import display_page
from kiosk.content.pages.sorting import sort_choices

STORY = AlumniStory("s1", "Daniel", 2019, "Nurse at the hospital", "I love it", "degree", "Bachelor's degree",
                    "nurse", "Registered nurse")


def test_a_story_is_pictured_by_its_job_or_its_route_never_by_its_label() -> None:
    assert story_choice(STORY).picture == "Registered nurse"
    # On a job's page every story is about that job: the route each person took tells them apart.
    assert story_choices([STORY], about="route")[0].picture == "Bachelor's degree"
    assert story_choices([STORY._replace(route_name="")], about="route")[0].picture == "Registered nurse"
    unknown = STORY._replace(route_name="", occupation_title="")
    assert story_choice(unknown).picture == story_choices([unknown])[0].picture == "story"


def test_every_sort_is_offered_and_the_one_in_use_is_current() -> None:
    choices = sort_choices("sector", "health", "pay")
    assert [(c.label, c.picture, c.current, c.sort) for c in choices] == [
        ("A to Z", "A to Z", False, "title"), ("Pay", "pay", True, "pay"), ("Growth", "growing", False, "growth")]


def test_how_it_looks_marks_the_look_on_now() -> None:
    def marked(page) -> list[str]:
        return [c.label for c in page.choices if c.current]

    assert marked(display_page()) == []
    assert marked(display_page("large")) == ["Big pictures"]
    assert marked(display_page("standard", high_contrast=True)) == ["Words", "High contrast: On"]
    # The contrast choice says whether it is on, in words as well as by its tick.
    contrast = [c.label for c in display_page("picture").choices if c.target.kind == "contrast"]
    assert contrast == ["High contrast: Off"]
    pictures = [c.picture for c in display_page().choices]
    assert all(pictures) and len(set(pictures)) == len(pictures)  # each says what it does, no two alike


def test_one_place_has_one_name_on_every_way_to_it(sample_reader) -> None:
    from kiosk.content.pages import build_page
    from kiosk.content.pages.page import Target

    names = {c.label for typing in (True, False) for c in build_page(Target("home"), sample_reader, easy=True,
                                                                   typing=typing).choices
             if c.target == Target("interests")}
    names |= {c.label for c in build_page(Target("search", "qqq"), sample_reader).choices
              if c.target == Target("interests")}
    assert names == {build_page(Target("interests"), sample_reader).title} == {"Things I like doing"}
