"""The "How it looks" page: the pupil's choice of words, pictures or big pictures, contrast and text size."""

from __future__ import annotations

from kiosk.content.pages.page import Choice, Page, Target

MODES = ("standard", "picture", "large")


def display_page() -> Page:
    """Choices that change how the kiosk looks for this visit; the kiosk goes back to the page before."""
    return Page(
        Target("display"),
        "How it looks",
        "Choose what helps you. It goes back to normal when you walk away.",
        choices=(
            Choice("Words", Target("mode", "standard"), "Text, like a leaflet"),
            Choice("Words and pictures", Target("mode", "picture"), "A picture with each main word"),
            Choice("Big pictures", Target("mode", "large"), "A few big choices, no typing"),
            Choice("High contrast", Target("contrast"), "Yellow and white on black, on or off"),
            Choice("Bigger text", Target("text", "bigger"), "Make the words larger"),
            Choice("Smaller text", Target("text", "smaller"), "Make the words smaller"),
            Choice("Change a picture", Target("change-picture"), "Then tap a picture to choose another"),
            Choice("Who made the pictures", Target("credits"), "Credits for pictures and facts"),
        ),
    )
