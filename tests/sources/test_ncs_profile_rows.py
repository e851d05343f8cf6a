"""NCS profiles to occupations rows: generated profiles, tricky ones, refused ones, and (contract) the recordings."""

from __future__ import annotations

import copy
import json
import re

import pytest

from kiosk.content.schema import TABLES, check_row
from kiosk.sources.ncs.client import canonical_name
from kiosk.sources.ncs.plain_text import LINK
from kiosk.sources.ncs.profile_rows import ProfileSkipped, occupation_id, occupation_row
from tests.conftest import SHARED
from tests.doubles.ncs_double_jobs import JOBS
from tests.doubles.ncs_double_profiles import generate_profile, job_name

FIXTURES = SHARED / "fixtures" / "ncs-job-profiles"
OCCUPATIONS = TABLES["occupations"]


def recorded_profiles() -> dict[str, dict]:
    """The 12 recorded detail responses by canonical name; skips the test when ../shared is absent."""
    if not FIXTURES.is_dir():
        pytest.skip(f"{FIXTURES} is absent: the recorded NCS profiles live beside the project in ../shared")
    bodies = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIXTURES.glob("*.json"))]
    return {canonical_name(body["Url"]): body for body in bodies}


def plumber_like() -> dict:
    """A generated profile to bend into shapes the tests need."""
    return generate_profile(JOBS[0], seed=1)


def all_text(row: dict) -> list[str]:
    return [value for value in row.values() if isinstance(value, str)] + [
        item for value in row.values() if isinstance(value, list) for item in value]


@pytest.mark.parametrize("name, expected", [
    ("plumber", "plumber"),
    ("barrister's-clerk", "barristers-clerk"),
    ("special-educational-needs-(sen)-teacher", "special-educational-needs-sen-teacher"),
    ("Caf\u00e9-Owner\u2019s-Assistant", "cafe-owners-assistant"),
    ("--odd__name--", "odd-name"),
    ("a" * 90, "a" * 80),
])
def test_names_become_valid_ids(name: str, expected: str) -> None:
    assert occupation_id(name) == expected


def test_every_generated_profile_makes_a_valid_row() -> None:
    for job in JOBS:
        for seed in (0, 1):
            row = check_row(OCCUPATIONS, occupation_row(generate_profile(job, seed), job_name(job)))
            assert row["title"] == job.title and row["soc2010"] == job.soc2010 and row["summary"]
            assert row["tasks"] and row["entry_routes"] and len(row["skills"]) == 8
            assert not any("[" in text or "|" in text or "<" in text for text in all_text(row)), job.title


def test_skills_are_the_top_eight_by_numeric_rank_trimmed() -> None:
    profile = plumber_like()
    profile["WhatItTakes"]["Skills"] = [
        {"Description": f"skill {n} ", "ONetAttributeType": "Skill", "ONetRank": rank, "ONetElementId": "x"}
        for n, rank in enumerate(["4.8", "10", "9.5", "3", "4.48", "not a rank", "2.0", "7", "1", "5"])]
    row = occupation_row(profile, "plumber")
    # as text "9.5" > "5" > "4.8" > "4.48" > "3" > "2.0" > "10": ranked numerically "10" comes first
    assert row["skills"] == ["skill 1", "skill 2", "skill 7", "skill 9", "skill 0", "skill 4", "skill 3", "skill 6"]


def test_missing_colon_and_second_paragraph_tasks() -> None:
    profile = plumber_like()
    profile["WhatYouWillDo"]["WYDDayToDayTasks"] = [
        "In this role you could bemeasuring and planning; cutting pipes",
        "You'll also help tradespeople on site.",
    ]
    assert occupation_row(profile, "plumber")["tasks"] == ["measuring and planning", "cutting pipes",
                                                           "You'll also help tradespeople on site."]


def test_entry_routes_read_as_paragraphs_and_unused_routes_are_left_out() -> None:
    profile = plumber_like()
    routes = profile["HowToBecome"]["EntryRoutes"]
    routes["University"] = {"RelevantSubjects": [], "FurtherInformation": [], "EntryRequirementPreface": None,
                            "EntryRequirements": [], "AdditionalInformation": []}
    routes["Apprenticeship"] = {"RelevantSubjects": ["You could do a plumbing apprenticeship."],
                                "FurtherInformation": [], "EntryRequirementPreface": "You'll usually need:",
                                "EntryRequirements": ["some GCSEs", "good practical skills"],
                                "AdditionalInformation": ["[guide to apprenticeships | https://www.gov.uk/a]"]}
    routes["Work"], routes["Volunteering"] = [], []
    routes["DirectApplication"] = ["Some employers may expect you to have:GCSEs; experience"]
    routes["OtherRoutes"] = [""]
    entry = occupation_row(profile, "plumber")["entry_routes"]
    assert "Apprenticeship: You could do a plumbing apprenticeship. You'll usually need: some GCSEs; good " \
           "practical skills." in entry
    assert "Applying directly: Some employers may expect you to have: GCSEs; experience." in entry
    assert not [route for route in entry if route.startswith(("University", "Work", "Volunteering", "Other"))]


def test_long_text_is_trimmed_at_a_word_not_refused() -> None:
    profile = plumber_like()
    profile["Title"] = "Very " * 60 + "long title"
    profile["Overview"] = "word " * 2000
    profile["AlternativeTitle"] = ", ".join(["one " * 60, "two"])
    profile["WhatYouWillDo"]["WYDDayToDayTasks"] = ["In this role you could be:" + "task " * 100 + "; short task"]
    row = check_row(OCCUPATIONS, occupation_row(profile, "plumber"))
    assert len(row["title"]) <= 200 and row["title"].endswith("Very…")
    assert len(row["summary"]) <= 5000 and row["summary"].endswith("word…")
    assert len(row["alt_titles"][0]) <= 200 and row["alt_titles"][1] == "Two"
    assert row["tasks"][0].endswith("task…") and row["tasks"][1] == "short task"


def test_alternative_titles_are_split_capitalised_and_without_repeats() -> None:
    profile = plumber_like()
    profile["AlternativeTitle"] = "Care assistant, support worker, ,Support worker, accountant"
    assert occupation_row(profile, "accountant")["alt_titles"] == ["Care assistant", "Support worker"]
    profile["AlternativeTitle"] = ""
    assert check_row(OCCUPATIONS, occupation_row(profile, "accountant"))["alt_titles"] is None


def test_soc2020_is_kept_only_when_valid() -> None:
    profile = plumber_like()
    assert occupation_row(profile, "x")["soc2020"] is None
    for value, expected in [("5314", "5314"), ("0123", None), ("53140", None), (None, None), (5314, "5314")]:
        profile["Soc2020"] = value
        assert occupation_row(profile, "x")["soc2020"] == expected, value


@pytest.mark.parametrize("change, field", [
    (lambda p: p.pop("Title"), "Title"),
    (lambda p: p.update(Title="  "), "Title"),
    (lambda p: p.pop("Soc"), "Soc"),
    (lambda p: p.update(Soc="plumbing"), "Soc"),
    (lambda p: p.update(Soc="0999"), "Soc"),
    (lambda p: p.update(Overview=None), "Overview"),
    (lambda p: p.update(Overview=["a list"]), "Overview"),
    (lambda p: p.update(HowToBecome=["a list"]), "HowToBecome"),
    (lambda p: p["HowToBecome"]["EntryRoutes"].update(College="a college"), "HowToBecome.EntryRoutes.College"),
    (lambda p: p["HowToBecome"]["EntryRoutes"].update(Work="work"), "HowToBecome.EntryRoutes.Work"),
    (lambda p: p["WhatItTakes"].update(Skills={"Description": "x"}), "WhatItTakes.Skills"),
    (lambda p: p["WhatItTakes"]["Skills"].append("leadership"), "WhatItTakes.Skills[21]"),
    (lambda p: p["WhatYouWillDo"].update(WYDDayToDayTasks=[1, 2]), "WhatYouWillDo.WYDDayToDayTasks[1]"),
])
def test_a_profile_that_cannot_be_a_row_is_skipped_naming_it_and_the_field(change, field: str) -> None:
    profile = plumber_like()
    profile["WhatItTakes"]["Skills"] = profile["WhatItTakes"]["Skills"][:20] + [
        {"Description": "extra", "ONetRank": "1"}] * (20 - len(profile["WhatItTakes"]["Skills"]))
    change(profile)
    with pytest.raises(ProfileSkipped) as caught:
        occupation_row(profile, "accountant")
    message = str(caught.value)
    assert message.startswith("National Careers Service profile 'accountant': ")
    assert re.search(rf"field {re.escape(field)} ", message), message


def test_a_profile_that_is_not_an_object_is_skipped() -> None:
    with pytest.raises(ProfileSkipped, match=r"profile 'nurse': expected an object, got list"):
        occupation_row([], "nurse")  # type: ignore[arg-type]


def test_missing_optional_sections_are_simply_empty() -> None:
    profile = {"Title": "Nurse", "Soc": "2231", "Overview": "Nurses care for people."}
    row = check_row(OCCUPATIONS, occupation_row(profile, "nurse"))
    assert row["sector"] == "health-care" and row["tasks"] is None and row["entry_routes"] is None


# ---- contract: the recordings in ../shared/fixtures ----

@pytest.mark.contract
def test_every_recorded_profile_makes_a_valid_row() -> None:
    for name, profile in recorded_profiles().items():
        row = check_row(OCCUPATIONS, occupation_row(copy.deepcopy(profile), name))
        assert row["id"] == name and row["title"] == profile["Title"] and row["soc2010"] == profile["Soc"]
        assert row["tasks"] and row["entry_routes"] and len(row["skills"]) == 8
        assert not any(text != text.strip() or "  " in text or "\u00a0" in text or "\n" in text
                       for text in all_text(row)), name


@pytest.mark.contract
def test_all_123_recorded_links_become_plain_text() -> None:
    profiles = recorded_profiles()
    raw = json.dumps(list(profiles.values()), ensure_ascii=False)
    assert len(LINK.findall(raw)) == 123
    labels = {match.group(1).strip() for match in LINK.finditer(raw)}
    rows = {name: occupation_row(profile, name) for name, profile in profiles.items()}
    # Every shown text is plain; the one address is the job's public page, for its QR code.
    shown = " ".join(text for row in rows.values() for text in all_text({**row, "url": None}))
    assert "[" not in shown and "|" not in shown and "http" not in shown
    assert rows["plumber"]["url"] == "https://nationalcareers.service.gov.uk/job-profiles/plumber"
    assert {"Construction Skills Certification Scheme", "Health and Care Professions Council", "Do-it",
            "Frontline", "Step Up to Social Work"} <= labels
    assert "Health and Care Professions Council" in shown and "Frontline for children's social work" in shown


@pytest.mark.contract
def test_recorded_tasks_without_their_colon_split_properly() -> None:
    profiles = recorded_profiles()
    plumber = occupation_row(profiles["plumber"], "plumber")["tasks"]
    assistant = occupation_row(profiles["personal-assistant"], "personal-assistant")["tasks"]
    assert plumber[0] == "measuring and planning to give cost and time estimates" and len(plumber) == 8
    assert assistant[0] == "screening telephone calls and handling enquiries"
    assert assistant[-1] == "looking after visitors"
    care = occupation_row(profiles["care-worker"], "care-worker")["tasks"]
    assert care[0] == "getting to know clients and their interests and needs" and len(care) == 10  # two paragraphs
    labourer = occupation_row(profiles["construction-labourer"], "construction-labourer")["tasks"]
    assert labourer[-1].startswith("You'll also help tradespeople on site")


@pytest.mark.contract
def test_recorded_skills_are_ranked_numerically() -> None:
    plumber = recorded_profiles()["plumber"]
    ranked = sorted(plumber["WhatItTakes"]["Skills"], key=lambda s: -float(s["ONetRank"]))
    expected = [skill["Description"].strip() for skill in ranked[:8]]
    assert occupation_row(plumber, "plumber")["skills"] == expected
    assert "leadership skills" in expected  # a Combination skill ranked 3.82 beats the 3.5 listed before it
