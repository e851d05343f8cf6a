"""Content for the benchmarks: the prepared sample data dir (or a small fallback pack) and a synthetic catalogue."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.content.pack_file import Pack, write_pack
from kiosk.content.pack_store import PackStore
from tests.bench.stats import log
from tests.helpers.packs import identity, make_pack, occupation

REPO = Path(__file__).resolve().parents[2]

# Job words by sector. The last word of a title is one of these; earlier words come from MODIFIERS.
HEADS: dict[str, list[str]] = {
    "health": [
        "nurse", "midwife", "doctor", "surgeon", "paramedic", "pharmacist", "dentist", "optician", "radiographer",
        "physiotherapist", "therapist", "psychologist", "counsellor", "carer", "porter", "sonographer",
        "audiologist", "dietitian", "podiatrist", "phlebotomist", "orthoptist", "hygienist", "practitioner",
    ],
    "trades": [
        "plumber", "electrician", "carpenter", "joiner", "bricklayer", "plasterer", "painter", "decorator",
        "roofer", "welder", "fitter", "mechanic", "machinist", "labourer", "glazier", "tiler", "scaffolder",
        "locksmith", "upholsterer", "installer", "engineer", "technician", "surveyor", "estimator", "foreman",
    ],
    "technology": [
        "developer", "programmer", "tester", "analyst", "architect", "administrator", "designer", "engineer",
        "consultant", "specialist", "scientist", "animator", "technician", "support",
    ],
    "business": [
        "accountant", "bookkeeper", "auditor", "clerk", "receptionist", "secretary", "coordinator", "manager",
        "director", "buyer", "merchandiser", "cashier", "advisor", "broker", "underwriter", "actuary", "solicitor",
        "paralegal", "executive", "officer", "assistant", "salesperson", "recruiter", "economist", "planner",
    ],
    "education": [
        "teacher", "lecturer", "tutor", "instructor", "trainer", "coach", "librarian", "archivist", "curator",
        "assistant", "worker", "mentor", "headteacher", "nanny", "childminder",
    ],
    "hospitality": [
        "chef", "cook", "baker", "butcher", "waiter", "bartender", "barista", "housekeeper", "steward",
        "hairdresser", "barber", "beautician", "stylist", "florist", "caterer", "sommelier", "concierge",
    ],
    "transport": [
        "driver", "pilot", "controller", "dispatcher", "courier", "operative", "navigator", "deckhand",
        "conductor", "signaller", "loader", "forklift", "chauffeur", "attendant", "inspector",
    ],
    "animals-science": [
        "veterinarian", "vet", "groom", "keeper", "farmer", "gardener", "forester", "ecologist", "biologist",
        "chemist", "physicist", "geologist", "botanist", "zoologist", "ranger", "breeder", "farrier",
        "nurse", "technician", "scientist", "behaviourist",
    ],
}
SECTOR_NAMES = {
    "health": "Health and care", "trades": "Building and trades", "technology": "Computing and technology",
    "business": "Business and finance", "education": "Education and childcare",
    "hospitality": "Hospitality and beauty", "transport": "Transport and logistics",
    "animals-science": "Animals, land and science",
}
MODIFIERS = """
care senior junior trainee apprentice lead chief head deputy assistant support software civil mechanical
electrical dental veterinary nursery health social mental community hospital school primary secondary
teaching learning sales marketing finance payroll tax insurance bank retail warehouse logistics bus lorry
taxi train rail aircraft marine construction building site road water gas heating solar wind energy
nuclear environmental animal farm horse dog zoo wildlife landscape kitchen restaurant hotel catering
events travel leisure sports fitness music theatre film television radio games web data network cloud
cyber systems database computer digital media graphic fashion textile interior product quality safety
laboratory research clinical medical pharmacy surgical emergency ambulance fire police prison probation
legal court property housing estate planning customer service contact office records library museum
print food dairy bakery vehicle motor tyre electronics aerospace automotive chemical mining steel metal
glass packaging furniture shop stock delivery postal telecoms lift cleaning pest waste recycling youth
family child adult disability speech occupational nail beauty wedding garden tree crop fish boat
""".split()
PLACES = ["a hospital", "a school", "an office", "a workshop", "people's homes", "a shop", "a lab", "outdoors",
          "a factory", "a kitchen", "a surgery", "a warehouse", "a studio", "on the road", "on farms"]
VERBS = ["help people", "fix and build things", "keep things running safely", "look after customers",
         "solve problems", "work in a team", "plan and organise work", "care for animals", "make things"]
TASKS = ["keep records", "talk to customers", "use specialist tools", "check that work is safe", "write reports",
         "order supplies", "train new staff", "follow health and safety rules", "plan the day's work",
         "test and repair equipment", "answer questions", "work to deadlines", "look after patients"]
# Titles that must exist, so that the typed words have obvious best answers.
ANCHORS = [("Nurse", "health"), ("Plumber", "trades"), ("Electrician", "trades"),
           ("Veterinarian", "animals-science"), ("Software developer", "technology"), ("Care assistant", "health"),
           ("Veterinary nurse", "animals-science"), ("Electrical engineer", "trades")]


def _zipf(words: list[str]) -> list[float]:
    """Popularity weights by list position: the first words are common and most are rare, as in real titles."""
    return [1.0 / (rank + 1) ** 0.8 for rank in range(len(words))]


def _title(rng: random.Random, head: str, mods: list[str], mod_weights: list[float]) -> str:
    n = rng.choices((1, 2, 3), weights=(2, 5, 3))[0]
    words = [*rng.choices(mods, weights=mod_weights, k=n - 1), head]
    words = [w for i, w in enumerate(words) if w not in words[:i]]
    return " ".join(words).capitalize()


def synthetic_tables(count: int, seed: int = 2026) -> dict[str, list[dict[str, Any]]]:
    """`count` occupations with titles, alternative titles, a summary and tasks, in eight sectors."""
    rng = random.Random(seed)
    mod_weights = _zipf(MODIFIERS)
    sectors = list(HEADS)
    head_weights = {s: _zipf(HEADS[s]) for s in sectors}
    rows = []
    for i in range(count):
        if i < len(ANCHORS):
            title, sector = ANCHORS[i]
        else:
            sector = rng.choice(sectors)
            head = rng.choices(HEADS[sector], weights=head_weights[sector])[0]
            title = _title(rng, head, MODIFIERS, mod_weights)
        head = title.split()[-1].lower()
        alts = sorted({_title(rng, head, MODIFIERS, mod_weights) for _ in range(rng.choice((0, 1, 1, 2)))} - {title})
        summary = f"{title}s {rng.choice(VERBS)} in {rng.choice(PLACES)}. They {rng.choice(VERBS)}."
        rows.append(occupation(
            f"occ-{i:05d}", title, sector=sector, alt_titles=alts, summary=summary,
            easy_read=[f"{title}s {rng.choice(VERBS)}."], tasks=rng.sample(TASKS, rng.choice((2, 3))),
            soc2010=str(rng.randint(1111, 9279)), soc2020=str(rng.randint(1111, 9279)),
        ))
    return {
        "sectors": [{"id": s, "name": SECTOR_NAMES[s]} for s in sectors],
        "occupations": rows,
    }


def write_synthetic_pack(tables: dict[str, list[dict[str, Any]]], out: Path) -> Pack:
    """Write the catalogue as a real pack file (identity: pack_id "synthetic", layer "national")."""
    return write_pack(identity("synthetic", version="1.0", layer="national"), tables, out)


def kiosk_env(pycache: Path) -> dict[str, str]:
    """The environment for spawned processes: offscreen Qt, and bytecode cached in `pycache`.

    Caching bytecode outside the repo (PYTHONPYCACHEPREFIX) makes repeated starts behave like an installed
    kiosk, whose modules are compiled once, even where PYTHONDONTWRITEBYTECODE is set.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("KIOSK_DATA_DIR", None)
    return env


def kiosk_command(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "kiosk", "run", "--windowed", "--quit-after-first-paint", "--data-dir", str(data_dir)]


def prepare_home_content(data_dir: Path, env: dict[str, str]) -> str:
    """Run the kiosk once on `data_dir` so the sample is built and installed; fall back to a small pack.

    Returns "sample" or "small-pack", whichever the data dir now holds.
    """
    proc = subprocess.run(kiosk_command(data_dir), cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)
    if proc.returncode == 0 and "first-paint " in proc.stdout:
        return "sample"
    log(f"the sample content did not start (exit {proc.returncode}); using a small test pack instead. "
        f"stderr: {proc.stderr.strip()[-800:]}")
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    pack_path = data_dir.parent / "small-pack.zip"
    make_pack(pack_path)
    PackStore(data_dir).install(pack_path)
    pack_path.unlink()
    proc = subprocess.run(kiosk_command(data_dir), cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=300)
    if proc.returncode != 0 or "first-paint " not in proc.stdout:
        raise RuntimeError(f"the kiosk does not start even on a small pack (exit {proc.returncode}): "
                           f"{proc.stderr.strip()[-800:]}")
    return "small-pack"
