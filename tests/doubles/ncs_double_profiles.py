"""Generated NCS profiles in the recorded shape (every key, in order, with the recordings' quirks) for the double."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta, timezone

from tests.doubles.ncs_double_jobs import JOBS, Job

LIVE_PREFIX = "https://api.nationalcareers.service.gov.uk/job-profiles/"
FIRST_UPDATE = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
# Related careers that no generated profile answers for, so a client always meets some dangling links (204).
UNSERVED = ("Gas service technician", "Kitchen and bathroom fitter", "Legal secretary", "Data entry clerk",
            "Heating and ventilation engineer")
LEVEL_LINKS = ("[equivalent entry requirements | "
               "https://www.gov.uk/what-different-qualification-levels-mean/list-of-qualification-levels]")
COURSE_LINKS = {
    "University": [LEVEL_LINKS, "[student finance for fees and living costs | https://www.gov.uk/student-finance]",
                   "[university courses and entry requirements | https://www.ucas.com/]"],
    "College": [LEVEL_LINKS, "[funding advice | https://www.gov.uk/further-education-courses/financial-help]",
                "[search for courses | /find-a-course]"],
    "Apprenticeship": [LEVEL_LINKS, "[guide to apprenticeships | https://www.gov.uk/apprenticeships-guide]"],
}
REQUIREMENTS = {
    "University": ["1 or 2 A levels, or equivalent, for a foundation degree or higher national diploma",
                   "2 to 3 A levels, or equivalent, for a degree"],
    "College": ["2 or more GCSEs at grades 9 to 3 (A* to D), or equivalent, for a level 2 course",
                "4 or 5 GCSEs at grades 9 to 4 (A* to C), or equivalent, for a level 3 course"],
    "Apprenticeship": ["some GCSEs, usually including English and maths, or equivalent, for an intermediate "
                       "apprenticeship", "5 GCSEs at grades 9 to 4 (A* to C) or equivalent, including English "
                       "and maths, for an advanced apprenticeship"],
}
ROUTE_PHRASES = {"University": "a university course", "College": "a college course",
                 "Apprenticeship": "an apprenticeship", "Work": "working towards this role",
                 "Volunteering": "volunteering", "DirectApplication": "applying directly",
                 "OtherRoutes": "specialist courses run by private training organisations"}
TASKS = ["talking to customers and answering their questions", "keeping records up to date",
         "working as part of a team", "following health and safety rules", "checking the quality of your work",
         "planning your day and setting priorities", "training and supervising new staff",
         "using specialist tools and equipment", "writing short reports", "ordering supplies and materials",
         "solving problems as they come up", "meeting targets and deadlines", "explaining things to the public",
         "cleaning and maintaining equipment"]
# (description, O*NET attribute type, element id); "Combination" entries carry NCS ids, as recorded.
SKILLS = [("customer service skills", "Knowledge", "2.C.1.e"), ("knowledge of maths ", "Knowledge", "2.C.4.a"),
          ("knowledge of English language", "Knowledge", "2.C.7.a"),
          ("knowledge of psychology", "Knowledge", "2.C.4.e"),
          ("business management skills ", "Knowledge", "2.C.1.a"),
          ("knowledge of building and construction", "Knowledge", "2.C.3.d"),
          ("to be thorough and pay attention to detail", "WorkStyle", "1.C.5.b"),
          ("the ability to work well with others", "WorkStyle", "1.C.3.a"),
          ("the ability to use your initiative", "WorkStyle", "1.C.1.c"),
          ("patience and the ability to remain calm in stressful situations", "WorkStyle", "1.C.4.a"),
          ("sensitivity and understanding", "WorkStyle", "1.C.3.b"),
          ("the ability to work on your own", "WorkStyle", "1.C.6"),
          ("persistence and determination", "WorkStyle", "1.C.1.b"),
          ("thinking and reasoning skills", "Ability", "1.A.1.b"),
          ("the ability to work well with your hands", "Ability", "1.A.2.a"),
          ("physical fitness and endurance", "Ability", "1.A.3.b"), ("concentration skills", "Ability", "1.A.1.g"),
          ("active listening skills", "Skill", "2.A.1.b"), ("a desire to help people", "Skill", "2.B.1.f"),
          ("the ability to understand people\u2019s reactions", "Skill", "2.B.1.a"),
          ("the ability to use your judgement and make decisions", "Skill", "2.B.4.e"),
          ("the ability to think clearly using logic and reasoning", "Skill", "2.A.2.a"),
          ("excellent verbal communication skills", "Combination", "C1"),
          ("the ability to come up with new ways of doing things", "Combination", "C12"),
          ("leadership skills", "Combination", "C13"), ("to be able to use a computer and the main software "
                                                         "packages confidently", "Combination", "C15")]


def job_name(job: Job) -> str:
    """The canonical name NCS would give this job: its title in lower case, words joined by hyphens."""
    return job.name or re.sub(r"[^a-z0-9]+", "-", job.title.lower()).strip("-")


def iso_z(moment: datetime) -> str:
    """A UTC time as the service writes it: "2019-12-12T10:40:00.53Z" (fraction digits as they fall)."""
    moment = moment.astimezone(timezone.utc)
    fraction = f"{moment.microsecond // 1000:03d}".rstrip("0")
    return f"{moment:%Y-%m-%dT%H:%M:%S}" + (f".{fraction}" if fraction else "") + "Z"


def first_update(job: Job, seed: int) -> str:
    """The generated publish time of a job's profile: spread over the days after FIRST_UPDATE."""
    rng = random.Random(f"{seed}:{job_name(job)}:updated")
    return iso_z(FIRST_UPDATE + timedelta(seconds=rng.randrange(0, 30 * 86400), milliseconds=rng.randrange(1, 1000)))


def generate_profile(job: Job, seed: int) -> dict:
    """A whole profile for one job, every key in the recorded order, varied by seed the way the recordings vary."""
    rng = random.Random(f"{seed}:{job_name(job)}")
    name, title = job_name(job), job.title
    used = _routes_used(rng, job)
    starter = rng.randrange(14000, 30001, 500)
    hours = rng.choice([35.0, 37.0, 37.5, 38.0, 39.0])
    return {
        "Title": title,
        "LastUpdatedDate": first_update(job, seed),
        "Url": LIVE_PREFIX + name,
        "Soc": job.soc2010,
        "ONetOccupationalCode": job.onet,
        "AlternativeTitle": job.alt if rng.random() < 0.85 else "",
        "Overview": f"As {_a(_in_sentence(title))} {_in_sentence(title)}, you'll {job.does}.",
        "SalaryStarter": str(starter),
        "SalaryExperienced": str(starter + rng.randrange(6000, 30001, 500)),
        "MinimumHours": hours,
        "MaximumHours": hours + rng.choice([2.0, 3.0, 5.0]),
        "WorkingHoursDetails": rng.choice(["a week", "a week", "variable", "term time"]),
        "WorkingPattern": rng.choice(["evenings / weekends", "9am to 5pm", "between 8am and 6pm",
                                      "evenings / weekends / bank holidays"]),
        "WorkingPatternDetails": rng.choice(["on shifts", "on a rota", "as customers demand", None]),
        "HowToBecome": {
            "EntryRouteSummary": ["You can get into this job through:" + "; ".join(ROUTE_PHRASES[r] for r in used)],
            "EntryRoutes": {**{key: _course(rng, key, title, key in used) for key in COURSE_LINKS},
                            **_text_routes(rng, title, used)},
            "MoreInformation": {
                "Registrations": rng.choice([[], ["you'll need to pass [enhanced background checks | "
                                                  "https://www.gov.uk/criminal-record-checks-apply-role]"]]),
                "CareerTips": rng.choice([[], ["It will help if you:are reliable; are good at solving problems; "
                                               "can get on with a wide range of people"]]),
                "ProfessionalAndIndustryBodies": rng.choice([[], ["You can join a professional body for training "
                                                                  "and networking opportunities."]]),
                "FurtherInformation": [f"You can find out more about becoming {_a(title)} {_in_sentence(title)} from "
                                       "[Careers Wales | https://careerswales.gov.wales/]."],
            },
        },
        "WhatItTakes": {
            "DigitalSkillsLevel": rng.choice(["to be able to carry out basic tasks on a computer or hand-held device",
                                              "to be able to use a computer and the main software packages "
                                              "competently"]),
            "Skills": _skills(rng),
            "RestrictionsAndRequirements": {"RelatedRestrictions": rng.choice([[], ["pass [enhanced background checks"
                                            " | https://www.gov.uk/criminal-record-checks-apply-role]"]]),
                                            "OtherRequirements": rng.choice([[], ["You'll need a full driving "
                                                                                  "licence."]])},
        },
        "WhatYouWillDo": {
            "WYDDayToDayTasks": _tasks(rng),
            "WorkingEnvironment": {"Location": rng.choice(["You could work in an office.", "You could work at a "
                                                           "client\u2019s home or at a client's business."]),
                                   "Environment": rng.choice(["", "Your working environment may be physically "
                                                              "demanding.", "You'll travel often."]),
                                   "Uniform": rng.choice(["", "You may need to wear a uniform."])},
        },
        "CareerPathAndProgression": {"CareerPathAndProgression": [
            "With experience, you could move into:supervising a team; training new staff; running your own business",
            *rng.sample(["You could specialise in one area of the work.", "You could become self-employed.",
                         "With further\u00a0training, you could move into management."], rng.randrange(0, 3))]},
        "RelatedCareers": [{"Title": other, "Url": LIVE_PREFIX + _name_of(other)} for other in _related(rng, job)],
    }


def _routes_used(rng: random.Random, job: Job) -> list[str]:
    graduate = job.soc2010[0] in "23"  # professional and associate professional jobs usually start at university
    # Every recorded profile has an apprenticeship route; university and college are sometimes unused.
    used = ["University", "Apprenticeship"] if graduate else ["Apprenticeship"]
    used += [r for r in ("College", "Work", "Volunteering", "DirectApplication", "OtherRoutes")
             if rng.random() < {"Work": 0.5, "Volunteering": 0.3, "OtherRoutes": 0.15}.get(r, 0.7)]
    return [r for r in ROUTE_PHRASES if r in used]


def _course(rng: random.Random, key: str, title: str, used: bool) -> dict:
    if not used:  # unused routes are present with empty lists and a null preface, as recorded
        return {"RelevantSubjects": [], "FurtherInformation": [], "EntryRequirementPreface": None,
                "EntryRequirements": [], "AdditionalInformation": []}
    subjects = {"University": "You could do a foundation degree, higher national diploma or degree in:a subject "
                              "related to the job; business studies",
                "College": "You could take a college course like:Level 2 Certificate in the subject; Level 3 "
                           "Diploma in the subject",
                "Apprenticeship": f"You could do {_a(title)} {_in_sentence(title)} advanced apprenticeship. This "
                                  "can take up to\u00a02 years."}[key]
    preface = rng.choice(["You'll usually need:", "You'll usually need:",
                          "There are no set entry requirements but it may help you to get in if you have:"])
    further = ["You may be able to study part time while you work."] if key == "University" else []
    return {"RelevantSubjects": [subjects], "FurtherInformation": further, "EntryRequirementPreface": preface,
            "EntryRequirements": REQUIREMENTS[key][:rng.randrange(1, 3)], "AdditionalInformation": COURSE_LINKS[key]}


def _text_routes(rng: random.Random, title: str, used: list[str]) -> dict:
    texts = {
        "Work": [f"You could start as an assistant and work your way up to become {_a(title)} "
                 f"{_in_sentence(title)}."],
        "Volunteering": ["Volunteering can give you useful experience.", "[Do-it | https://do-it.org/] has more "
                         "information on voluntary opportunities in your area."],
        "DirectApplication": ["You can apply directly for jobs.", "Some employers may expect you to have:GCSEs at "
                              "grades 9 to 4 (A* to C), including English and maths; experience of working with "
                              "the public"][:rng.randrange(1, 3)],
        "OtherRoutes": ["You could do a course with a private training provider."],
    }
    return {key: texts[key] if key in used else [] for key in texts}


def _skills(rng: random.Random) -> list[dict]:
    picked = rng.sample(SKILLS, rng.randrange(17, 21))  # 17 to 20, not sorted by rank, as recorded
    return [{"Description": text, "ONetAttributeType": kind, "ONetRank": _rank(rng), "ONetElementId": element}
            for text, kind, element in picked]


def _rank(rng: random.Random) -> str:
    """A decimal string as recorded: "4.8", "3.82", "3"."""
    return f"{rng.uniform(1.5, 5.3):.2f}".rstrip("0").rstrip(".")


def _tasks(rng: random.Random) -> list[str]:
    items = "; ".join(rng.sample(TASKS, rng.randrange(5, 9)))
    lead = rng.choice(["In this role you could be:", "In this role you could be:", "Your day-to-day tasks may "
                       "include:", "In this role you could be"])  # the last drops the colon, as recorded twice
    paragraphs = [lead + items]
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(["You could also be:visiting other sites; going to meetings",
                                      "You'll also help other staff when it is busy."]))
    return paragraphs


def _related(rng: random.Random, job: Job) -> list[str]:
    others = [other.title for other in JOBS if other != job] + list(UNSERVED)
    return rng.sample(others, rng.randrange(4, 6))


def _name_of(title: str) -> str:
    for job in JOBS:
        if job.title == title:
            return job_name(job)
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _in_sentence(title: str) -> str:
    """A title inside a sentence: "Nurse" -> "nurse", but "IT support technician" and "CNC machinist" stay."""
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" or word[:2] in ("IT", "HR") else "a"
