"""The "How it looks" page: the pupil's choice of words, pictures or big pictures, contrast, text size and how loud
speech is."""

from __future__ import annotations

from kiosk.content.pages.page import Choice, Page, Target

MODES = ("standard", "picture", "large")


def display_page(mode: str = "", high_contrast: bool = False, volume: tuple[int, int] | None = None) -> Page:
    """Choices that change how the kiosk looks for this visit; the kiosk goes back to the page before.

    The look chosen now (`mode`, and high contrast when it is on) is marked, so a pupil sees what is on. Each
    choice's picture shows what it does, and no two are alike (words, a picture, a big picture, up, down...).
    `volume` is the speech volume step now and the top step (the school's level); None where the kiosk cannot speak."""
    return Page(
        Target("display"),
        "How it looks",
        "Choose what helps you. It goes back to normal when you walk away.",
        choices=(
            Choice("Words", Target("mode", "standard"), "Text, like a leaflet", "text", mode == "standard"),
            Choice("Words and pictures", Target("mode", "picture"), "A picture with each main word", "picture",
                   mode == "picture"),
            Choice("Big pictures", Target("mode", "large"), "A few big choices, no typing", "big pictures",
                   mode == "large"),
            Choice(f"High contrast: {'On' if high_contrast else 'Off'}", Target("contrast"),
                   f"Yellow and white on black. Tap to turn it {'off' if high_contrast else 'on'}", "contrast",
                   high_contrast),
            Choice("Bigger text", Target("text", "bigger"), "Make the words larger", "bigger"),
            Choice("Smaller text", Target("text", "smaller"), "Make the words smaller", "smaller"),
            *_volume_choices(volume),
            Choice("Change a picture", Target("change-picture"), "Then tap a picture to choose another", "change"),
            Choice("Who made the pictures", Target("credits"), "Credits for pictures and facts", "credits"),
        ),
    )


def _volume_choices(volume: tuple[int, int] | None) -> tuple[Choice, ...]:
    """Quieter and Louder; each says when it can go no further (Louder stops at the school's level)."""
    if volume is None:
        return ()
    step, top = volume
    # No symbol set has a picture that means "quieter" or "louder" (a loudspeaker already means Speak), so these
    # picture names find none: a tile with no picture rather than one that says something else.
    return (
        Choice("Quieter", Target("volume", "quieter"),
               "It is as quiet as it goes" if step == 0 else "Make the voice quieter", "quieter"),
        Choice("Louder", Target("volume", "louder"),
               "It is as loud as it goes" if step == top else "Make the voice louder", "louder"),
    )
