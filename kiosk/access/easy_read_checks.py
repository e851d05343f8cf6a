"""Measuring a job entry's words: short easy-read sentences, readability, symbols, nothing copied from ONS.

Each check takes one occupation entry as its source file holds it (the TOML of assets/*/occupations) and
returns findings in plain words, each naming the entry's file and field, for the reviewer to act on.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from kiosk.access.coverage import measure
from kiosk.access.lexicon import WORD, Lexicon
from kiosk.access.symbol_library import SymbolLibrary

MAX_SENTENCE_WORDS = 12
MAX_AVERAGE_WORDS = 8
EASY_READ_SENTENCES = (3, 5)
MIN_SUMMARY_EASE = 60.0
MIN_EASY_READ_EASE = 80.0
# Issue 14's target: a symbol is right or absent, so coverage is never bought with a wrong one.
MIN_SYMBOL_SHARE = 0.90
COPIED_RUN_WORDS = 8
PROSE_FIELDS = ("summary", "easy_read", "tasks", "entry_routes", "skills")  # what the project writes itself
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class Entry(NamedTuple):
    """One occupation entry: the file's name (what a reviewer opens) and its fields as written."""

    file: str
    fields: dict[str, Any]

    def text(self, field: str) -> list[str]:
        """A text field's strings (one for a string, each item for a list); [] when absent."""
        value = self.fields.get(field)
        if isinstance(value, str):
            return [value]
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def read_entries(folder: Path) -> list[Entry]:
    """Every *.toml entry in a folder, by file name; [] when the folder does not exist."""
    if not folder.is_dir():
        return []
    return [Entry(path.name, tomllib.loads(path.read_text(encoding="utf-8"))) for path in sorted(folder.glob("*.toml"))]


def words(text: str) -> list[str]:
    """The words of a text, as the lexicon finds them (numbers count as words)."""
    return WORD.findall(text)


def sentences(text: str) -> list[str]:
    """A text split after each full stop, question or exclamation mark."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def easy_read_sentences(entry: Entry) -> list[str]:
    return [s for item in entry.text("easy_read") for s in sentences(item)]


def check_easy_read_lengths(entry: Entry) -> list[str]:
    """Three to five sentences, none over 12 words, averaging at most 8."""
    found = easy_read_sentences(entry)
    where = f"{entry.file}, easy_read"
    low, high = EASY_READ_SENTENCES
    if not low <= len(found) <= high:
        return [f"{where}: has {len(found)} sentences; an easy-read version has {low} to {high}"]
    problems = [f"{where}: {len(words(s))} words in {s!r} (at most {MAX_SENTENCE_WORDS})"
                for s in found if len(words(s)) > MAX_SENTENCE_WORDS]
    average = sum(len(words(s)) for s in found) / len(found)
    if average > MAX_AVERAGE_WORDS:
        problems.append(f"{where}: the sentences average {average:.1f} words (at most {MAX_AVERAGE_WORDS})")
    return problems


def reading_ease(text: str) -> float:
    """Flesch reading ease by textstat (higher is easier; 60 to 70 is plain English, 80 and over is easy)."""
    import textstat  # loaded on first use: only the checks need it, never the kiosk's screens

    return float(textstat.flesch_reading_ease(text))


def check_readability(entry: Entry) -> list[str]:
    """The summary scores at least 60 and the easy-read version (as one text) at least 80."""
    problems = []
    for field, text, minimum in (("summary", " ".join(entry.text("summary")), MIN_SUMMARY_EASE),
                                 ("easy_read", " ".join(easy_read_sentences(entry)), MIN_EASY_READ_EASE)):
        if not text:
            problems.append(f"{entry.file}, {field}: is missing")
            continue
        score = reading_ease(text)
        if score < minimum:
            problems.append(f"{entry.file}, {field}: Flesch reading ease {score:.1f} (at least {minimum:.0f})")
    return problems


def check_symbols(entry: Entry, lexicon: Lexicon, library: SymbolLibrary) -> list[str]:
    """At least 90% of the easy-read version's key words get a symbol."""
    count = measure(easy_read_sentences(entry), lexicon, library)  # the picture-mode coverage measure
    if count.share >= MIN_SYMBOL_SHARE:
        return []
    return [f"{entry.file}, easy_read: {count.with_symbol} of {count.key_words} key words get a symbol "
            f"({count.share:.0%}, at least {MIN_SYMBOL_SHARE:.0%}); no symbol for {', '.join(count.missing)}"]


class OnsRuns:
    """Every run of 8 words in ONS's own text (Volume 1), lower-cased, with the unit group it comes from."""

    def __init__(self, texts: Iterable[tuple[str, str]]) -> None:
        self._runs: dict[tuple[str, ...], str] = {}
        for code, text in texts:
            for run in _runs(text):
                self._runs.setdefault(run, code)

    def __len__(self) -> int:
        return len(self._runs)

    def shared(self, text: str) -> tuple[str, str] | None:
        """The first run of the text ONS also wrote, and ONS's unit group; None when there is none."""
        for run in _runs(text):
            code = self._runs.get(run)
            if code is not None:
                return " ".join(run), code
        return None


def _runs(text: str) -> Iterable[tuple[str, ...]]:
    # Case-insensitive on word tokens: punctuation and line breaks do not hide a copied run.
    tokens = [w.casefold().replace("’", "'") for w in words(text)]
    return (tuple(tokens[i : i + COPIED_RUN_WORDS]) for i in range(len(tokens) - COPIED_RUN_WORDS + 1))


def check_not_copied(entry: Entry, ons: OnsRuns) -> list[str]:
    """No run of 8 words in any text the project writes is shared with ONS's Volume 1."""
    problems = []
    for field in PROSE_FIELDS:
        for text in entry.text(field):
            found = ons.shared(text)
            if found is not None:
                run, code = found
                problems.append(f"{entry.file}, {field}: shares {COPIED_RUN_WORDS} words with ONS's description "
                                f"of unit group {code}: {run!r}")
    return problems


def check_distinct_summaries(entries: Iterable[Entry]) -> list[str]:
    """No sentence of one entry's summary is a sentence of another's."""
    first: dict[str, str] = {}
    problems = []
    for entry in entries:
        for sentence in dict.fromkeys(sentences(" ".join(entry.text("summary")))):
            key = " ".join(w.casefold() for w in words(sentence))
            if key in first and first[key] != entry.file:
                problems.append(f"{entry.file}, summary: the sentence {sentence!r} is also in {first[key]}")
            first.setdefault(key, entry.file)
    return problems


def check_entry(entry: Entry, lexicon: Lexicon, library: SymbolLibrary, ons: OnsRuns | None) -> list[str]:
    """Every check of one entry (the copied-words check only when ONS's text is at hand)."""
    problems = check_easy_read_lengths(entry) + check_readability(entry) + check_symbols(entry, lexicon, library)
    return problems + (check_not_copied(entry, ons) if ons is not None else [])
