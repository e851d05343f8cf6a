"""A profile's routes into a job, each written as one readable plain-text paragraph."""

from __future__ import annotations

from kiosk.content.schema import MAX_LONG_TEXT
from kiosk.sources.ncs.plain_text import LINK, clip, plain, readable
from kiosk.sources.ncs.profile_fields import ProfileFields

ROOT = "HowToBecome.EntryRoutes"
# Routes with subjects and entry requirements, then routes that are plain paragraphs, in the order NCS shows them.
COURSE_ROUTES = (("University", "University"), ("College", "College"), ("Apprenticeship", "Apprenticeship"))
TEXT_ROUTES = (("Work", "Work"), ("Volunteering", "Volunteering"), ("DirectApplication", "Applying directly"),
               ("OtherRoutes", "Other routes"))
DEFAULT_PREFACE = "You'll usually need:"


def entry_routes(fields: ProfileFields) -> list[str]:
    """One paragraph per route that has content, e.g. "Apprenticeship: You could do … You'll usually need: …"."""
    routes: list[str] = []
    for key, label in COURSE_ROUTES:
        path = f"{ROOT}.{key}"
        if fields.value(path) is not None and not isinstance(fields.value(path), dict):
            raise fields.skip(path, f"should be an object, not {type(fields.value(path)).__name__}")
        sentences = [*_paragraphs(fields.texts(f"{path}.RelevantSubjects")),
                     *_paragraphs(fields.texts(f"{path}.FurtherInformation")),
                     *_requirements(fields, path),
                     *_paragraphs(fields.texts(f"{path}.AdditionalInformation"))]
        routes += _route(label, sentences)
    for key, label in TEXT_ROUTES:
        routes += _route(label, _paragraphs(fields.texts(f"{ROOT}.{key}")))
    return routes


def _route(label: str, sentences: list[str]) -> list[str]:
    if not sentences:
        return []
    return [clip(f"{label}: {' '.join(sentences)}", MAX_LONG_TEXT)]


def _requirements(fields: ProfileFields, path: str) -> list[str]:
    needs = [plain(item) for item in fields.texts(f"{path}.EntryRequirements")]
    needs = [item for item in needs if item]
    if not needs:
        return []
    preface = plain(fields.text(f"{path}.EntryRequirementPreface")) or DEFAULT_PREFACE
    if not preface.endswith(":"):
        preface += ":"
    return [_sentence(f"{preface} {'; '.join(needs)}")]


def _paragraphs(texts: list[str]) -> list[str]:
    """Each paragraph readable and ending as a sentence; a paragraph that is only a link's label is dropped."""
    # A bare link such as "[funding advice | …]" is a label for a web page the kiosk never opens: alone, it
    # says nothing to a pupil.
    kept = [readable(text) for text in texts if not LINK.fullmatch(text.strip())]
    return [_sentence(text) for text in kept if text]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else text.rstrip(":;, ") + "."
