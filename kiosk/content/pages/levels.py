"""Route kinds and RQF qualification levels in words a pupil understands."""

from __future__ import annotations

ROUTE_KINDS = {
    "a_levels": "A levels",
    "t_levels": "T levels",
    "apprenticeship": "Apprenticeship: a paid job with training",
    "technical": "Technical or work-related course",
    "degree": "Degree or higher study",
    "supported_internship": "Supported internship: learning at work with a job coach",
    "work": "Work with training",
    "other": "Course or training",
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
    """A route kind in plain words; an unknown kind is said as "Another route"."""
    return ROUTE_KINDS.get(kind, ROUTE_KINDS["other"])


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
