"""The gradebook: one row per student, written as CSV (ours, and Canvas's import format), and the summary.

Every text cell goes through :func:`untrusted.csv_cell`: student ids, file names and reasons are
student-controlled and must never become spreadsheet formulas. Numbers are ours and written as is.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import io
import math
import os
import secrets
from pathlib import Path

from .identity import Roster, RosterEntry
from .untrusted import csv_cell

STATUSES = ("ok", "error", "timeout", "memory", "invalid", "missing")
LEADING_COLUMNS = ("student", "submission", "status", "score", "max_score")
NOT_ON_ROSTER = "not on the roster"
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


@dataclasses.dataclass
class Row:
    student: str
    submission: str  # path relative to the batch root ("" for a missing submission)
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
    if not math.isfinite(x):
        return str(x)
    return f"{x:.4g}" if x != int(x) else str(int(x))


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    # RFC 4180 line ends: the writer quotes a cell holding any line-terminator character, and with "\n"
    # alone a bare "\r" in a student's file name would go out unquoted and split the row for readers.
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def render_csv(rows: list[Row], questions: list[str]) -> str:
    header = [csv_cell(c) for c in (*LEADING_COLUMNS, *questions, "reason")]
    return _csv([header, *(
        [csv_cell(r.student), csv_cell(r.submission), csv_cell(r.status), _fmt(r.score), _fmt(r.max_score),
         *(_fmt(r.scores.get(q, 0.0)) for q in questions), csv_cell(r.reason)]
        for r in rows)])


def atomic_write(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a file.

    The temporary name is short whatever the target's (a 230-byte target name plus a suffix would
    exceed the 255-byte limit), unpredictable, and created exclusively (never through a planted link).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{os.getpid()}-{secrets.token_hex(6)}"
    f = open(tmp, "x", encoding="utf-8", newline="")
    try:
        with f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def apply_roster(rows: list[Row], roster: Roster, max_score: float) -> list[Row]:
    """The rows with off-roster students flagged, plus a ``missing`` row per roster student without one."""
    flagged = [r if r.student in roster or NOT_ON_ROSTER in r.reason else
               dataclasses.replace(r, reason="; ".join(filter(None, [NOT_ON_ROSTER, r.reason]))) for r in rows]
    have = {r.student for r in rows}
    missing = [Row(e.id, "", "missing", {}, max_score, "no submission") for e in roster.entries if e.id not in have]
    return sorted(flagged + missing, key=lambda r: (r.student, r.submission))


def _graded_row(rows: list[Row]) -> dict[str, Row]:
    """Each student's row for the LMS; with several, the most conclusive status (STATUSES order)."""
    best: dict[str, Row] = {}
    for r in sorted(rows, key=lambda r: STATUSES.index(r.status)):
        best.setdefault(r.student, r)
    return best


def render_canvas_csv(rows: list[Row], roster: Roster, assignment: str, points_possible: float, *,
                      assignment_id: str | None = None, missing: str = "") -> str:
    """Canvas's gradebook-import CSV: one row per roster student, their total score in one assignment column.

    The header is ``Student, ID, SIS User ID, SIS Login ID, Section, <assignment> (<id>)`` (just
    ``<assignment>`` creates a new assignment), then a "Points Possible" row. Canvas matches a row by
    ``ID`` (the Canvas user id, i.e. the roster id), else SIS User ID, else SIS Login ID, else name.
    A student without a submission gets ``missing``: blank by default, which Canvas reads as "no
    change" (keeping its own missing/late/excused handling); pass "0" to record a zero. Without
    ``assignment_id`` a name ending in "(<digits>)" would be read by Canvas as that assignment's id.
    """
    column = f"{assignment} ({assignment_id})" if assignment_id else assignment
    by_student = _graded_row(rows)
    out = [[*CANVAS_COLUMNS, csv_cell(column)], ["Points Possible", "", "", "", "", _fmt(points_possible)]]
    for e in roster.entries:
        row = by_student.get(e.id)
        score = missing if row is None or row.status == "missing" else _fmt(row.score)
        out.append([*(csv_cell(v) for v in _canvas_identity(e)), score])
    return _csv(out)


def _canvas_identity(e: RosterEntry) -> tuple[str, ...]:
    return e.name, e.id, e.sis_id, e.login_id, e.section


def write_canvas_csv(path: Path, rows: list[Row], roster: Roster, assignment: str, points_possible: float, *,
                     assignment_id: str | None = None, missing: str = "") -> None:
    atomic_write(path, render_canvas_csv(rows, roster, assignment, points_possible,
                                         assignment_id=assignment_id, missing=missing))


def summary(rows: list[Row]) -> str:
    counts = collections.Counter(r.status for r in rows)
    handed_in = [r for r in rows if r.status != "missing"]
    parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s] and s != "missing")
    mean = sum(r.score for r in handed_in) / len(handed_in) if handed_in else 0.0
    top = rows[0].max_score if rows else 0.0
    missing = f"; {counts['missing']} missing" if counts["missing"] else ""
    return f"{len(handed_in)} submissions: {parts or 'none'}{missing}; mean score {mean:.2f} / {_fmt(top)}"
