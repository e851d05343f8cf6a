"""The careers vocabulary: text in, tokens out, each key word tied to a symbol concept where there is one."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import NamedTuple

from kiosk.access.inflection import base_forms

POS = ("people", "verb", "descriptor", "noun", "social", "other")
MAX_PHRASE_WORDS = 4
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_LEXICON_BYTES = 4 * 1024 * 1024
# Words that turn the meaning of the next key word around: its symbol is drawn crossed out ("without debt").
NEGATORS = frozenset({"not", "no", "without", "never", "cannot", "nobody", "nothing"})
SENTENCE_END = re.compile(r"[.!?;:]")


class LexiconError(ValueError):
    """A vocabulary file that cannot be used; the message names the file, line and problem."""


class Concept(NamedTuple):
    """A symbol concept: its id, part of speech, the word shown with it, and candidate symbols by set."""

    id: str
    pos: str
    keyword: str
    candidates: tuple[str, ...]
    phrases: tuple[str, ...]


class Token(NamedTuple):
    """A word or phrase of a text, where it stands, its concept (None for function words and unknowns), and whether
    a "not", "no", "without" or "never" before it turns it around."""

    text: str
    start: int
    end: int
    concept: Concept | None
    function_word: bool
    negated: bool = False

    @property
    def key_word(self) -> bool:
        """A word that should carry a symbol: not a function word, not a number, and not a concept the vocabulary
        decided gets none (no candidates: every picture for it misleads; its review says why)."""
        decided_none = self.concept is not None and not self.concept.candidates
        return not self.function_word and not decided_none and not any(ch.isdigit() for ch in self.text)


class Lexicon:
    """Phrases (up to four words, longest first) and words mapped to concepts, with inflections understood."""

    def __init__(self, concepts: list[Concept], function_words: frozenset[str]) -> None:
        self.concepts = {c.id: c for c in concepts}
        self._phrases: dict[tuple[str, ...], Concept] = {}
        for concept in concepts:
            for phrase in concept.phrases:
                self._phrases.setdefault(tuple(phrase.split()), concept)
        # A concept that names a function word as a phrase gives it a symbol after all.
        self.function_words = frozenset(w for w in function_words if (w,) not in self._phrases)

    @classmethod
    def load(cls, folder: Path) -> "Lexicon":
        """Read concepts.csv and function_words.txt from a folder (the repository's symbols/)."""
        return cls(read_concepts(folder / "concepts.csv"), read_function_words(folder / "function_words.txt"))

    def symbolise(self, text: str) -> list[Token]:
        """Split text into tokens, matching the longest known phrase at each word first; the first concept after a
        negating word is marked negated."""
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
        tokens: list[Token] = []
        negate = False
        i = 0
        while i < len(words):
            if negate and i and SENTENCE_END.search(text[words[i - 1][2]:words[i][1]]):
                negate = False  # "No. Nurses help." crosses nothing out: a "not" never reaches past its sentence
            for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
                concept = self._match([w for w, _, _ in words[i : i + n]])
                if concept is not None:
                    start, end = words[i][1], words[i + n - 1][2]
                    tokens.append(Token(text[start:end], start, end, concept, False, negate))
                    negate = False
                    i += n
                    break
            else:
                word, start, end = words[i]
                tokens.append(Token(word, start, end, None, word.lower() in self.function_words))
                negate = negate or negating(word)
                i += 1
        return tokens

    def _match(self, words: list[str]) -> Concept | None:
        # Only the last word of a phrase is inflected ("care workers"); the others must match as written.
        head = tuple(w.lower().replace("’", "'") for w in words[:-1])
        for form in base_forms(words[-1]):
            concept = self._phrases.get((*head, form))
            if concept is not None:
                return concept
        return None


def negating(word: str) -> bool:
    """Whether a word turns the next key word around: "not", "no", "without", "never", "don't", "can't" …"""
    lower = word.lower().replace("’", "'")
    return lower in NEGATORS or lower.endswith("n't")


def read_concepts(path: Path) -> list[Concept]:
    """Read and check concepts.csv, or raise LexiconError naming the line."""
    if path.stat().st_size > MAX_LEXICON_BYTES:
        raise LexiconError(f"{path.name}: larger than {MAX_LEXICON_BYTES:,} bytes")
    concepts, ids = [], set()
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        # review: who might misread a concept's symbol and why it was kept or changed (people read it, not code)
        expected = ["concept", "phrases", "pos", "keyword", "candidates", "review"]
        if reader.fieldnames != expected:
            raise LexiconError(f"{path.name}: the columns must be {', '.join(expected)}, not {reader.fieldnames}")
        for row in reader:
            line = reader.line_num
            cid, pos = (row["concept"] or "").strip(), (row["pos"] or "").strip()
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", cid):
                raise LexiconError(f"{path.name} line {line}: concept id {cid!r} must be lower-case words and dashes")
            if cid in ids:
                raise LexiconError(f"{path.name} line {line}: concept {cid!r} appears twice")
            if pos not in POS:
                raise LexiconError(f"{path.name} line {line}: pos {pos!r} must be one of {', '.join(POS)}")
            phrases = tuple(" ".join(p.lower().split()) for p in (row["phrases"] or "").split("|") if p.strip())
            if not phrases or any(len(p.split()) > MAX_PHRASE_WORDS for p in phrases):
                raise LexiconError(f"{path.name} line {line}: phrases must be 1 to {MAX_PHRASE_WORDS} words each")
            candidates = tuple(c.strip() for c in (row["candidates"] or "").split("|") if c.strip())
            bad = [c for c in candidates if not re.fullmatch(r"[a-z]+:\S+", c)]
            if bad:
                raise LexiconError(f"{path.name} line {line}: candidates must look like set:name, not {bad[0]!r}")
            ids.add(cid)
            concepts.append(Concept(cid, pos, (row["keyword"] or phrases[0]).strip(), candidates, phrases))
    return concepts


def read_function_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))
