"""What a search means beyond job names: a "Things I like" interest, or a job the kiosk has no page for."""

from __future__ import annotations

import re
from typing import NamedTuple

WORD = re.compile(r"\w+")

# The kiosk's "Things I like" (kiosk/content/library_rules.py INTERESTS; tests keep the two in step), each with
# the other ways pupils say it.
INTEREST_WORDS: dict[str, tuple[str, ...]] = {
    "helping people": ("help people", "helping others", "help others", "caring for people", "caring"),
    "talking to people": ("talk to people", "talking", "meeting people"),
    "organising": ("organizing", "organising things", "organizing things", "planning"),
    "making things": ("make things", "making", "building things", "build things"),
    "science": ("sciences", "scientific"),
    "fixing things": ("fix things", "fixing", "repairing things", "mending things"),
    "driving": ("drive", "driving vehicles"),
    "computers": ("computer", "computing", "technology", "tech"),
    "working outdoors": ("outdoors", "outdoor", "outside", "working outside", "out doors"),
    "numbers": ("maths", "math", "mathematics"),
    "creative arts": ("art", "arts", "creative", "being creative"),
    "sport": ("sports", "sporty", "playing sport"),
    "cooking": ("baking",),
    "animals": ("animal", "pets", "caring for animals", "looking after animals"),
}
# Words around the interest that say only "I like" or "jobs with": "I like working with animals" is "animals".
FILLER = frozenset({"i", "like", "love", "enjoy", "jobs", "job", "work", "working", "with", "for", "in", "doing"})


class Nearest(NamedTuple):
    """Jobs to offer for a job the kiosk has no page for, and the sentence that introduces them."""

    sentence: str
    soc2020: tuple[str, ...]


# Jobs pupils ask for that no SOC 2020 unit group names. The nearest groups come from ONS SOC 2020 Volume 1 only:
# its related job titles (3416 "Video production assistant", 3413 "Presenter (broadcasting)", 2493 "Social media
# manager", 3554 "Brand ambassador", 2492 "Online journalist", 3133 "Digital content editor", 3131 "Computer games
# tester", 2134 "Games designer") and, for astronauts, minor group 212's description ("aeronautical and
# astronautical systems"). ONS does not say where these jobs are counted, so the kiosk says "close to", not "counted as".
_VIDEOS = Nearest("People who make videos for a living do jobs close to these.", ("3416", "3413"))
_ONLINE = Nearest("People who make a living online often do jobs like these.", ("2493", "3554"))
_WRITING = Nearest("People who write online for a living do jobs close to these.", ("2492", "3133"))
_SPACE = Nearest("Very few people become astronauts. Engineers who design planes and spacecraft do a job close "
                 "to it.", ("2126",))
_GAMES = Nearest("People who work with computer games do jobs like these.", ("2134", "3131"))
NEAREST: dict[str, Nearest] = {
    "astronaut": _SPACE,
    "astronauts": _SPACE,
    "youtuber": _VIDEOS,
    "youtubers": _VIDEOS,
    "vlogger": _VIDEOS,
    "streamer": _VIDEOS,
    "content creator": _VIDEOS,
    "influencer": _ONLINE,
    "influencers": _ONLINE,
    "blogger": _WRITING,
    "gamer": _GAMES,
    "esports": _GAMES,
}


def phrase(query: str) -> str:
    """The query's words, lower case and joined by one space, without the filler words around an interest."""
    words = WORD.findall(query.casefold())
    kept = [w for w in words if w not in FILLER]
    return " ".join(kept or words)


_INTERESTS = {phrase(v): name for name, variants in INTEREST_WORDS.items() for v in (name, *variants)}


def interest_for(query: str) -> str | None:
    """The "Things I like" interest a search names ("working with animals" names "animals"), or None."""
    return _INTERESTS.get(phrase(query))


def nearest_for(query: str) -> tuple[str, Nearest] | None:
    """The job named in a search that the kiosk has no page for (as typed) and the jobs nearest it, or None."""
    words = WORD.findall(query.casefold())
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            key = " ".join(words[start:start + size])
            if key in NEAREST:
                return key, NEAREST[key]
    return None
