"""The gradebook: one row per submission, written as CSV, and the end-of-batch summary."""

from __future__ import annotations

import collections
import csv
import dataclasses
import io
import os
from pathlib import Path

STATUSES = ("ok", "error", "timeout", "memory", "invalid")
LEADING_COLUMNS = ("submission", "status", "score", "max_score")


@dataclasses.dataclass
class Row:
    submission: str
    status: str
    scores: dict[str, float]  # question -> points earned (missing question = 0)
    max_score: float
    reason: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")

    @property
    def score(self) -> float:
        return float(sum(self.scores.values()))


def _fmt(x: float) -> str:
    return f"{x:.4g}" if x != int(x) else str(int(x))


def render_csv(rows: list[Row], questions: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([*LEADING_COLUMNS, *questions, "reason"])
    for r in rows:
        writer.writerow(
            [r.submission, r.status, _fmt(r.score), _fmt(r.max_score),
             *(_fmt(r.scores.get(q, 0.0)) for q in questions), r.reason]
        )
    return buf.getvalue()


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def summary(rows: list[Row]) -> str:
    counts = collections.Counter(r.status for r in rows)
    parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    mean = sum(r.score for r in rows) / len(rows) if rows else 0.0
    top = rows[0].max_score if rows else 0.0
    return f"{len(rows)} submissions: {parts or 'none'}; mean score {mean:.2f} / {_fmt(top)}"
