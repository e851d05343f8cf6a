"""Route kinds and RQF qualification levels in words a pupil understands."""

from __future__ import annotations

from typing import NamedTuple

class KindWords(NamedTuple):
    """A route kind in words: what it is (a fact on a route page), a list's label, "jobs you can reach through …",
    and a sentence about it."""

    type: str
    label: str
    through: str
    about: str


ROUTE_KINDS: dict[str, KindWords] = {
    "a_levels": KindWords("A levels", "A levels", "A levels",
                          "A levels are two-year courses at a sixth form or college, often before university."),
    "t_levels": KindWords("T levels", "T levels", "T levels",
                          "T levels are two-year technical courses with a long work placement."),
    "apprenticeship": KindWords("Apprenticeship: a paid job with training", "Apprenticeships", "an apprenticeship",
                                "An apprenticeship is a job with training: you earn money while you learn."),
    "technical": KindWords("Technical or work-related course", "Technical courses", "a technical or vocational course",
                           "Technical and vocational courses teach the skills for one area of work, at college."),
    "degree": KindWords("Degree or higher study", "University degrees", "a degree",
                        "A degree is three or more years of study at a university."),
    "supported_internship": KindWords(
        "Supported internship: learning at work with a job coach", "Supported internships", "a supported internship",
        "A supported internship is learning at work with a job coach, for young people with extra needs."),
    "work": KindWords("Work with training", "Starting work", "starting work with training",
                      "You can start a job and train while you work."),
    "other": KindWords("Course or training", "Other routes", "other routes",
                       "Other courses and ways in, such as access courses and bootcamps."),
}

# level -> (a short comparison a pupil knows, what sits at that level). England, Wales and Northern Ireland.
LEVELS: dict[int, tuple[str, str]] = {
    0: ("the first steps, before GCSE level",
        "Entry level certificates and Skills for Life in English and maths. They help with everyday life and work."),
    1: ("like GCSEs at grades 3, 2 or 1",
        "GCSEs at grades 3 to 1, Level 1 certificates and diplomas, and functional skills at Level 1."),
    2: ("like GCSEs at grades 9 to 4",
        "GCSEs at grades 9 to 4, Level 2 college courses, and intermediate apprenticeships."),
    3: ("like A levels",
        "A levels, T levels, advanced apprenticeships, BTEC Nationals, the International Baccalaureate and the "
        "Access to Higher Education Diploma."),
    4: ("like the first year at university",
        "Higher National Certificates (HNC), Certificates of Higher Education and higher apprenticeships at Level 4."),
    5: ("like the second year at university",
        "Foundation degrees, Higher National Diplomas (HND) and higher apprenticeships at Level 5."),
    6: ("like a university degree",
        "Bachelor's degrees (such as a BA or BSc) and degree apprenticeships."),
    7: ("like a master's degree",
        "Master's degrees, teaching qualifications such as the PGCE, and some degree apprenticeships."),
    8: ("the highest level, like a doctorate",
        "Doctorates, such as a PhD. People who do these often do research."),
}


def kind_words(kind: str) -> str:
    """What a route kind is, in plain words; an unknown kind reads as "Course or training"."""
    return route_kind(kind).type


def route_kind(kind: str) -> KindWords:
    """All the words for a route kind; a kind this kiosk does not know yet still reads sensibly."""
    if kind in ROUTE_KINDS:
        return ROUTE_KINDS[kind]
    plain = kind.replace("_", " ")
    return ROUTE_KINDS["other"]._replace(label=plain[:1].upper() + plain[1:], through=plain, about="")


def level_name(level: int | None) -> str:
    if level is None or level not in LEVELS:
        return "Level not known"
    return "Entry level" if level == 0 else f"Level {level}"


def compare(level: int | None) -> str:
    """What a level compares with, e.g. "like A levels"; "" when the level is not known."""
    return LEVELS[level][0] if level in LEVELS else ""


def level_words(level: int | None) -> str:
    """A level and what it compares with, e.g. "Level 3, like A levels"."""
    if level is None or level not in LEVELS:
        return "Level not known"
    return f"{level_name(level)}, {LEVELS[level][0]}"
