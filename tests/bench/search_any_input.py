"""Search on any text a pupil might type or paste: random queries timed on the 30,000-title catalogue."""

from __future__ import annotations

import random
import time

from kiosk.content.reader import ContentReader
from tests.bench.stats import log, p50_p95, r2

QUERIES = 400
SEED = 20261207
BOUND_MS = 50.0  # a query may take no longer than a page build: the pupil must never wait on search
# Pieces of what people type and paste: words, FTS5 and SQL syntax, control characters and other scripts.
PIECES = ("nurse", "care", "car", "engineer", "assistant", "manager", "a", "the", "of", "zookeeper", "nurce", "it",
          "AND", "OR", "NOT", "NEAR(", ")", "\"", "'", "*", "^", ":", "title:", "{title}", "--", ";", "DROP TABLE",
          "\x00", "\x1b", "\u202e", "é", "ß", "ا", "日本", "😀", "%", "_", "\\", "(", "[", "]", "&", "-", "+",
          "x" * 60, "engineeringengineering")


def random_query(rng: random.Random) -> str:
    """A query of 1 to 12 pieces, joined by spaces or nothing, sometimes cut to its first characters."""
    parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 12))]
    text = rng.choice((" ", "")).join(parts)
    return text[: rng.randint(1, len(text))] if rng.random() < 0.3 else text


def run(reader: ContentReader) -> dict[str, object]:
    """Time `QUERIES` random queries (after one untimed warm-up each); the worst against BOUND_MS."""
    rng = random.Random(SEED)
    queries = [random_query(rng) for _ in range(QUERIES)]
    times: list[tuple[float, str]] = []
    for query in queries:
        reader.search(query, limit=24)  # warm-up: the first run of a query loads its index pages
        t0 = time.perf_counter()
        reader.search(query, limit=24)
        times.append(((time.perf_counter() - t0) * 1000, query))
    worst_ms, worst = max(times)
    log(f"search_any_input: worst {worst_ms:.1f} ms for {worst!r}")
    return {"queries": QUERIES, "seed": SEED, "ms": p50_p95([t for t, _ in times]), "worst_ms": r2(worst_ms),
            "worst_query": worst, "bound_ms": BOUND_MS, "within_bound": worst_ms <= BOUND_MS}
