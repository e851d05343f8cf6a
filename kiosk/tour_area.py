"""The tour's steps in one local skills area: a job page and "Jobs in our area" as a kiosk there shows them."""

from __future__ import annotations

# A local skills area the tour shows a job and "Jobs in our area" for, as a kiosk there would (when the content has it).
TOUR_AREA = "Greater London"


def area_steps(window, reader, showcase: str, scroll_to_end):
    """A job page (its outlook at the end) and "Jobs in our area" with the kiosk set to TOUR_AREA (the step after
    them puts the kiosk's own settings back)."""
    from kiosk.content.pages.page import Target

    if TOUR_AREA not in reader.regions() or window.settings.region == TOUR_AREA:
        return []
    here = window.settings
    slug = TOUR_AREA.lower().replace(" ", "-")

    def in_area(target):
        return lambda: (window.apply_settings(here._replace(region=TOUR_AREA)), window.open(target))

    return [
        (f"occupation-in-{slug}", in_area(Target("occupation", showcase))),
        (f"occupation-in-{slug}-end", scroll_to_end),
        (f"local-in-{slug}", in_area(Target("local"))),
        (f"local-in-{slug}-end", scroll_to_end),
    ]
