"""Occupation search: jobs that match most of the words first, title matches before others, prefixes as the pupil
types, stems, compound words, everyday names and spelling slips."""

from __future__ import annotations

import json
import math
import re
import sqlite3
from itertools import zip_longest
from typing import NamedTuple

from kiosk.content.job_list_reads import NOT_GROUPED
from kiosk.content.model import SearchHit
from kiosk.content.search_phrases import Nearest, interest_for, nearest_for
from kiosk.content.search_kinds import kind_codes, kind_hits
from kiosk.content.search_plan import Concept, Planner
from kiosk.content.search_stems import QueryStemmer
from kiosk.content.search_synonyms import SYNONYMS
from kiosk.content.spelling import max_distance, slip_order, variants

TOKEN = re.compile(r"\w+")
SOC = re.compile(r"^\d{4}$")
MAX_TOKENS = 8
# Bounds on what is typed, so no query costs more than an ordinary one. A pupil's search is a few words; a word
# longer than MAX_WORD is longer than any word in a job's title or description, so it cannot match (and its
# spelling variants, about n²/2 of them, would run to hundreds of thousands).
MAX_QUERY = 200
MAX_WORD = 50
MAX_LIMIT = 500
MAX_VARIABLES = 500  # SQLite's own limit was 999 before 3.32; ask in batches well under it
MAX_CORRECTIONS = 4
SHORT_QUERY = 2  # queries this short list titles by their first letters instead of searching text
# How a job matched, by how well it holds a concept: 1, 2, 3 (a job of the kind the words name is "kind").
TIER_NAMES = ("description", "alternative title", "title")
# bm25 weights for title, alternative titles, summary and tasks.
WEIGHTS = "10.0, 4.0, 1.0, 1.0"
CANDIDATES = 48  # at least twice the page, so the order within it is by score, not bm25 alone
# Candidates gathered before stopping, however few results are asked for: the kiosk's page, so a shorter list
# (three "nearest" jobs, a command-line search) starts with the same jobs as the page, not the first stage's.
PAGE = 24
CANDIDATE_QUERY = f"""SELECT rowid, bm25(occupation_fts, {WEIGHTS}) AS rank FROM occupation_fts
WHERE occupation_fts MATCH ? ORDER BY rank LIMIT ?"""


class SearchResult(NamedTuple):
    """A search's hits, the words used instead of spelling slips ("" when none), the "Things I like" interest it
    names, and for a job the kiosk has no page for, what was typed and the jobs nearest it."""

    hits: list[SearchHit]
    corrected: str = ""
    interest: str | None = None
    nearest: tuple[str, Nearest] | None = None
    nearest_hits: list[SearchHit] = []


def tokens(query: str) -> list[str]:
    """The words of a query, lower-cased, at most MAX_TOKENS of them."""
    return TOKEN.findall(query.casefold())[:MAX_TOKENS]


def bounded(query: str) -> str:
    """The query cut to MAX_QUERY characters, without lone surrogates (undecodable bytes from a command line),
    which SQLite cannot be given."""
    return query[:MAX_QUERY].encode("utf-8", "ignore").decode("utf-8")


class Searcher:
    """Runs occupation searches against one content database connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._stemmer = QueryStemmer()
        self._planner = Planner(conn, self.corrections, self._stemmer.stems)

    def close(self) -> None:
        """Close the stemmer's own small database (the content connection belongs to the reader)."""
        self._stemmer.close()

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Occupations matching what has been typed so far, best first."""
        return self.find(query, limit).hits

    def find(self, query: str, limit: int = 20) -> SearchResult:
        """Occupations matching what has been typed so far, best first, with what the search understood."""
        query, limit = bounded(query), max(0, min(limit, MAX_LIMIT))
        words = [w for w in tokens(query) if len(w) <= MAX_WORD]  # a word this long matches nothing
        if not words:
            return SearchResult([])
        if len(words) == 1 and SOC.match(words[0]):
            return SearchResult(self._by_soc(words[0], limit))
        typed = query.strip()
        if len(typed) <= SHORT_QUERY and " ".join(words) not in SYNONYMS:  # "IT" and "PE" are searched
            # One or two letters match thousands of words; list the titles that start with them, A to Z.
            return SearchResult(self._titles_starting(typed, limit))
        concepts = self._planner.plan(words, open_end=not query[-1:].isspace())
        corrected = " ".join(c.used or c.typed for c in concepts) if any(c.used for c in concepts) else ""
        hits, named = self._run(concepts, limit, corrected or typed)
        if not named:
            # No job's names hold every word: the kind of job the words name ("priest": clergy) is found too.
            hits = self._with_kinds(hits, concepts, limit)
        # As typed, or as meant: "working with animels" names the interest "animals".
        interest = interest_for(typed) or interest_for(corrected)
        if interest:
            hits = self._with_interest(hits, interest, limit)
        nearest = nearest_for(typed) or nearest_for(corrected)
        nearest_hits = self._by_groups(nearest[1].soc2020) if nearest else []
        return SearchResult(hits, corrected, interest, nearest, nearest_hits)

    def ranked(self, words: str, limit: int) -> list[SearchHit]:
        """The jobs whose text best holds the words, as ranked for a search, with nothing more (no interest, no
        kinds of job: the database's own kind_jobs are built with this)."""
        words = bounded(words)
        hits, _ = self._run(self._planner.plan(tokens(words), open_end=False), max(0, min(limit, MAX_LIMIT)), words)
        return hits

    def corrections(self, word: str) -> list[str]:
        """Title words within the allowed spelling distance of `word`, closest and commonest first."""
        distance = max_distance(word)
        if distance == 0 or word.isdigit() or len(word) > MAX_WORD:
            return []
        probes = sorted(variants(word, distance))
        rows: set[tuple[str, int]] = set()
        for start in range(0, len(probes), MAX_VARIABLES):
            batch = probes[start:start + MAX_VARIABLES]
            rows.update(self._conn.execute(
                f"""SELECT DISTINCT t.term, t.docs FROM spell_variants v JOIN spell_terms t ON t.term = v.term
                    WHERE v.variant IN ({",".join("?" * len(batch))})""",
                batch,
            ).fetchall())
        scored = [(*slip_order(word, term), -docs, term) for term, docs in rows]
        return [term for d, _, _, term in sorted(scored) if 0 < d <= distance][:MAX_CORRECTIONS]

    def _run(self, concepts: list[Concept], limit: int, typed: str) -> tuple[list[SearchHit], bool]:
        """Jobs matching any concept, best first (see _score), and whether the first holds every concept in its
        names."""
        matched = [c for c in concepts if c.expr]
        if not matched or limit == 0:
            return [], False
        # How many jobs hold each concept, when there are several to weigh against each other.
        counts = [self._conn.execute("SELECT count(*) FROM occupation_fts WHERE occupation_fts MATCH ?",
                                     (c.expr,)).fetchone()[0] for c in matched] if len(matched) > 1 else []
        ranks = self._candidates(matched, counts, limit)
        weights = self._weights(counts) if counts else [1.0]
        rows = self._conn.execute(
            f"""SELECT s.rowid, s.title, s.alt_titles, s.body, o.id, o.title, o.soc2010, o.soc2020,
                       NOT ({NOT_GROUPED}) FROM search_stems s JOIN occupations o ON o.rowid = s.rowid
                WHERE s.rowid IN (SELECT value FROM json_each(?))""", (json.dumps(list(ranks)),))
        stems = [([self._stemmer.stems(a) for a in c.alternatives], [self._stemmer.stems(a) for a in c.names_only],
                  [self._stemmer.stems(a) for a in c.completions]) for c in matched]
        words = {w for c in matched for w in (c.used or c.typed).split()}  # as meant: "mechanick" is a mechanic
        scored = []
        for rowid, title_stems, alt_stems, body_stems, occ, title, s10, s20, grouped in rows:
            # A word finished by a longer one ("nurse" by "nursery") counts as found in a description at best, so
            # jobs holding the word itself come first.
            tiers = [max(_tier(alts, names, title_stems, alt_stems, body_stems),
                         min(1, _tier(more, [], title_stems, alt_stems, body_stems))) for alts, names, more in stems]
            score = _score(tiers, weights, _whole_words(title, words) / len(words),
                           title.casefold().startswith(typed.casefold()), grouped, ranks[rowid])
            scored.append((-score, len(title), title, SearchHit(occ, title, s10, s20, round(score, 3),
                                                                TIER_NAMES[max(tiers) - 1]), min(tiers) > 1))
        ranked = sorted(scored)[:limit]
        return [hit for *_, hit, _ in ranked], bool(ranked) and ranked[0][-1] and len(matched) == len(concepts)

    def _with_kinds(self, hits: list[SearchHit], concepts: list[Concept], limit: int) -> list[SearchHit]:
        """The jobs found, taking turns with the jobs of the kinds of job ONS's SOC 2010 index says the words
        name (search_kinds.py)."""
        expr = " OR ".join(f"({c.index_expr})" for c in concepts if c.index_expr)
        found = kind_hits(self._conn, kind_codes(self._conn, expr)) if expr else []
        merged: dict[str, SearchHit] = {}
        for pair in zip_longest(hits, found):
            for hit in pair:
                if hit is not None:
                    merged.setdefault(hit.id, hit)
        return list(merged.values())[:limit]

    def _candidates(self, concepts: list[Concept], counts: list[int], limit: int) -> dict[int, float]:
        """The best jobs by bm25 (rowid to rank), asking first for those with every concept in the title, then in
        the names, then anywhere, then any concept at all, until the page is full (common words match thousands
        of jobs, and ranking them all would be slow); then every job holding a rare concept (`counts`: how many
        jobs hold each)."""
        every = " AND ".join(f"({c.expr})" for c in concepts)
        stages = [f"{{title}} : ({every})", f"{{title alt_titles}} : ({every})", every]
        if len(concepts) > 1:
            stages.append(" OR ".join(f"({c.expr})" for c in concepts))
        ranks: dict[int, float] = {}
        for expr in stages:
            if len(ranks) >= max(limit, PAGE):
                break
            for rowid, rank in self._conn.execute(CANDIDATE_QUERY, (expr, max(CANDIDATES, 2 * limit))):
                ranks.setdefault(rowid, rank)
        if counts:
            # Every job holding a rare concept too: in an OR of all of them a common title word ("supervisor")
            # fills every place, and the jobs for the rarer word ("daycare") are never scored. (A common concept's
            # jobs are many, and ranking them all would be slow.)
            for c, n in zip(concepts, counts):
                if n <= PAGE:
                    for rowid, rank in self._conn.execute(CANDIDATE_QUERY, (c.expr, PAGE)):
                        ranks.setdefault(rowid, rank)
        return ranks

    def _weights(self, counts: list[int]) -> list[float]:
        """How much each concept counts, from how many jobs hold it: rare words more than common ones (inverse
        document frequency)."""
        total = self._conn.execute("SELECT count(*) FROM occupations").fetchone()[0] or 1
        return [1.0 + math.log((total + 1) / (n + 1)) for n in counts]

    def _with_interest(self, hits: list[SearchHit], interest: str, limit: int) -> list[SearchHit]:
        """Jobs the words find that are for people with the interest, then other jobs the words name, then the
        rest of the interest's jobs (A to Z), then jobs whose descriptions hold the words."""
        likes = "EXISTS (SELECT 1 FROM json_each(o.interests) WHERE value = :interest)"
        ids = [h.id for h in hits]
        liked_hits = {i for (i,) in self._conn.execute(
            f"SELECT o.id FROM occupations o WHERE o.id IN (SELECT value FROM json_each(:ids)) AND {likes}",
            {"interest": interest, "ids": json.dumps(ids)})}
        first = [h for h in hits if h.id in liked_hits]
        named = [h for h in hits if h.id not in liked_hits and h.matched != "description"]
        rest = [h for h in hits if h.id not in liked_hits and h.matched == "description"]
        rows = self._conn.execute(
            f"""SELECT o.id, o.title, o.soc2010, o.soc2020 FROM occupations o WHERE {likes} AND {NOT_GROUPED}
                ORDER BY o.title COLLATE NOCASE LIMIT :limit""", {"interest": interest, "limit": limit}).fetchall()
        found = set(ids)
        liked = [SearchHit(i, t, a, b, 0.0, "interest") for i, t, a, b in rows if i not in found]
        return (first + named + liked + rest)[:limit]

    def _by_groups(self, codes: tuple[str, ...]) -> list[SearchHit]:
        """The jobs a list shows for SOC 2020 unit groups (an everyday job stands for its group's page)."""
        hits = []
        for code in codes:
            rows = self._conn.execute(
                f"""SELECT o.id, o.title, o.soc2010, o.soc2020 FROM occupations o WHERE o.soc2020 = ? AND {NOT_GROUPED}
                    ORDER BY o.title COLLATE NOCASE""", (code,)).fetchall()
            hits += [SearchHit(i, t, a, b, 0.0, "nearest") for i, t, a, b in rows]
        return hits

    def _titles_starting(self, typed: str, limit: int) -> list[SearchHit]:
        # A range on the NOCASE title index: fast, unlike LIKE on an untyped column.
        rows = self._conn.execute(
            """SELECT id, title, soc2010, soc2020 FROM occupations
               WHERE title >= ?1 COLLATE NOCASE AND title < ?2 COLLATE NOCASE
               ORDER BY title COLLATE NOCASE LIMIT ?3""",
            (typed, typed + "\U0010ffff", limit),
        ).fetchall()
        return [SearchHit(i, t, a, b, 310.0, "title") for i, t, a, b in rows]

    def _by_soc(self, code: str, limit: int) -> list[SearchHit]:
        rows = self._conn.execute(
            """SELECT id, title, soc2010, soc2020 FROM occupations
               WHERE soc2010 = ?1 OR soc2020 = ?1 ORDER BY title LIMIT ?2""",
            (code, limit),
        ).fetchall()
        return [SearchHit(i, t, a, b, 400.0, "SOC code") for i, t, a, b in rows]


def _tier(alternatives: list[str], names_only: list[str], title: str, alt_titles: str, body: str) -> int:
    """Where a job holds a concept: 3 its title, 2 an alternative title, 1 its description, 0 nowhere."""
    def holds(text: str, phrases: list[str]) -> bool:
        return any(p and p in text for p in phrases)
    names = alternatives + names_only
    return 3 if holds(title, names) else 2 if holds(alt_titles, names) else 1 if holds(body, alternatives) else 0


def _score(tiers: list[int], weights: list[float], whole: float, starts: bool, grouped: bool, rank: float) -> float:
    """The ordering, as one number: 1000 for each concept the job holds anywhere, 100 for each it holds in its
    names, up to 90 for how well (one word scores 30, 75 or 90 in a description, an alternative title or the title:
    an alternative title names the job nearly as well, so a rare word there outweighs a common one in a title; rare
    words count for more), up to 6 for a title holding the words as typed (a mechanic before a mechanical engineer,
    though the two share a stem), 5 for a title that starts with them, less 2 for a group's page that an everyday
    job stands for (the vet before the group "Vets"), and under 1 from bm25."""
    how_well = sum(w * (0, 1.0, 2.5, 3.0)[t] for t, w in zip(tiers, weights)) / sum(weights)
    return (1000 * sum(t > 0 for t in tiers) + 100 * sum(t > 1 for t in tiers) + 30 * how_well + 6 * whole
            + 5 * starts - 2 * grouped + rank / (rank - 1.0))


def matched_words(hit: SearchHit) -> int:
    """How many of a search's words (concepts) a hit holds anywhere: the thousands of its score (see _score)."""
    return int(hit.score // 1000)


def _whole_words(title: str, words: set[str]) -> int:
    return len(words & set(TOKEN.findall(title.casefold())))
