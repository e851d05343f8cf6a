"""The careers vocabulary: text in, tokens out, each key word tied to a symbol concept where there is one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from kiosk.access.inflection import base_forms
from kiosk.access.senses import NONE, SHORTER, WINDOW, Senses, read_senses
from kiosk.access.vocabulary_csv import checked_rows

POS = ("people", "verb", "descriptor", "noun", "social", "other")
MAX_PHRASE_WORDS = 4
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAX_LEXICON_BYTES = 4 * 1024 * 1024
# Words that turn the meaning of the next key word around: its symbol is drawn crossed out ("without debt").
NEGATORS = frozenset({"not", "no", "without", "never", "cannot", "nobody", "nothing"})
SENTENCE_END = re.compile(r"[.!?;:]")
PHRASE_GAP = re.compile(r"\s*[-‐]?\s*")


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

    def __init__(self, concepts: list[Concept], function_words: frozenset[str], senses: Senses | None = None) -> None:
        self.concepts = {c.id: c for c in concepts}
        self.senses = senses or Senses([])
        self._phrases: dict[tuple[str, ...], Concept] = {}
        for concept in concepts:
            for phrase in concept.phrases:
                self._phrases.setdefault(tuple(phrase.split()), concept)
        # A concept that names a function word as a phrase gives it a symbol after all.
        self.function_words = frozenset(w for w in function_words if (w,) not in self._phrases)

    @classmethod
    def load(cls, folder: Path) -> "Lexicon":
        """Read concepts.csv, function_words.txt and senses.csv from a folder (the repository's symbols/)."""
        concepts = read_concepts(folder / "concepts.csv")
        senses = read_senses(folder / "senses.csv", {c.id for c in concepts})
        return cls(concepts, read_function_words(folder / "function_words.txt"), senses)

    def symbolise(self, text: str) -> list[Token]:
        """Split text into tokens, matching the longest known phrase at each word first (a word whose sense its
        neighbours decide, by senses.csv, before the vocabulary's usual match); the first concept after a negating
        word is marked negated."""
        words = [(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
        sentence = _sentence_numbers(text, words)
        tokens: list[Token] = []
        negate = False
        i = 0
        while i < len(words):
            if negate and i and sentence[i] != sentence[i - 1]:
                negate = False  # "No. Nurses help." crosses nothing out: a "not" never reaches past its sentence
            for n in range(min(max(MAX_PHRASE_WORDS, self.senses.longest), len(words) - i), 0, -1):
                if n > 1 and not _joined(text, words[i : i + n]):
                    continue  # "a degree · Apprenticeship: …" is two things, never the phrase "degree apprenticeship"
                found = self._sense(words, sentence, i, n)
                if found == SHORTER:
                    continue
                if found is None and n <= MAX_PHRASE_WORDS:
                    found = self._match([w for w, _, _ in words[i : i + n]])
                if found is not None:
                    start, end = words[i][1], words[i + n - 1][2]
                    if found == NONE:  # a sense no picture shows: no symbol, and not a key word
                        tokens.append(Token(text[start:end], start, end, None, True))
                    else:
                        tokens.append(Token(text[start:end], start, end, found, False, negate))
                    negate = False
                    i += n
                    break
            else:
                word, start, end = words[i]
                tokens.append(Token(word, start, end, None, word.lower() in self.function_words))
                negate = negate or negating(word)
                i += 1
        return tokens

    def _sense(self, words: list[tuple[str, int, int]], sentence: list[int], i: int, n: int) -> Concept | str | None:
        """The concept (or NONE or SHORTER) senses.csv gives words[i:i+n] in their sentence, or None for no rule."""
        key = tuple(w.lower().replace("’", "'") for w, _, _ in words[i : i + n])
        if key not in self.senses:
            return None
        near = {words[j][0].lower() for j in range(max(0, i - WINDOW), min(len(words), i + n + WINDOW))
                if not i <= j < i + n and sentence[j] == sentence[i]}
        before = words[i - 1][0].lower() if i and sentence[i - 1] == sentence[i] else ""
        after = words[i + n][0].lower() if i + n < len(words) and sentence[i + n] == sentence[i] else ""
        picked = self.senses.pick(key, near, before, after)
        return picked if picked in (None, NONE, SHORTER) else self.concepts[picked]

    def _match(self, words: list[str]) -> Concept | None:
        # Only the last word of a phrase is inflected ("care workers"); the others must match as written.
        head = tuple(w.lower().replace("’", "'") for w in words[:-1])
        for form in base_forms(words[-1]):
            concept = self._phrases.get((*head, form))
            if concept is not None:
                if head[:1] == ("a",) and concept.keyword.startswith("A ") and words[0] != "A":
                    return None  # "A level" and "A to Z" are written with a capital; "has a level" is the article
                return concept
        return None


def _joined(text: str, words: list[tuple[str, int, int]]) -> bool:
    """Whether words stand together as a phrase: only spaces or a hyphen between them ("full-time", "care worker")."""
    return all(PHRASE_GAP.fullmatch(text[a[2]:b[1]]) for a, b in zip(words, words[1:]))


def _sentence_numbers(text: str, words: list[tuple[str, int, int]]) -> list[int]:
    """Each word's sentence, counted from 0 (a full stop, question mark, colon … between two words ends one)."""
    numbers, current = [], 0
    for k, (_, start, _) in enumerate(words):
        if k and SENTENCE_END.search(text[words[k - 1][2]:start]):
            current += 1
        numbers.append(current)
    return numbers


def negating(word: str) -> bool:
    """Whether a word turns the next key word around: "not", "no", "without", "never", "don't", "can't" …"""
    lower = word.lower().replace("’", "'")
    return lower in NEGATORS or lower.endswith("n't")


def read_concepts(path: Path) -> list[Concept]:
    """Read and check concepts.csv, or raise LexiconError naming the line."""
    concepts, ids = [], set()
    # review: who might misread a concept's symbol and why it was kept or changed (people read it, not code)
    expected = ["concept", "phrases", "pos", "keyword", "candidates", "review"]
    for line, row in checked_rows(path, expected, MAX_LEXICON_BYTES, LexiconError):
        cid, pos = row["concept"].strip(), row["pos"].strip()
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", cid):
            raise LexiconError(f"{path.name} line {line}: concept id {cid!r} must be lower-case words and dashes")
        if cid in ids:
            raise LexiconError(f"{path.name} line {line}: concept {cid!r} appears twice")
        if pos not in POS:
            raise LexiconError(f"{path.name} line {line}: pos {pos!r} must be one of {', '.join(POS)}")
        phrases = tuple(" ".join(p.lower().split()) for p in row["phrases"].split("|") if p.strip())
        if not phrases or any(len(p.split()) > MAX_PHRASE_WORDS for p in phrases):
            raise LexiconError(f"{path.name} line {line}: phrases must be 1 to {MAX_PHRASE_WORDS} words each")
        candidates = tuple(c.strip() for c in row["candidates"].split("|") if c.strip())
        bad = [c for c in candidates if not re.fullmatch(r"[a-z]+:\S+", c)]
        if bad:
            raise LexiconError(f"{path.name} line {line}: candidates must look like set:name, not {bad[0]!r}")
        ids.add(cid)
        concepts.append(Concept(cid, pos, (row["keyword"] or phrases[0]).strip(), candidates, phrases))
    return concepts


def read_function_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))
