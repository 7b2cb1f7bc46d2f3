"""The class report: ``DIR/report.html``, one self-contained page about a graded batch.

It reads what ``mlmathkit grade`` wrote (``grades.csv`` and ``results/*.json``), aggregates it with
pure functions (unit-tested on their own) and renders one page with Jinja2 — autoescape on, because
student ids, file names and failure reasons are hostile input — with inline SVG charts drawn by
matplotlib. The page aggregates; it never lists every student (``grades.csv`` has the rows). Every
input field may be missing or of the wrong type (old or hand-edited folders): what cannot be read is
skipped, and unreadable files are named in the page's notes.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import functools
import io
import json
import math
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterable

import jinja2
import matplotlib
import numpy as np
from markupsafe import Markup, escape
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

STATUSES = ("ok", "error", "timeout", "memory", "invalid", "missing")
UNANSWERED = frozenset({"missing", "invalid"})  # left out of item analysis: nothing was answered
# what the gradebook's leading quote guards against (with the full-width forms some locales evaluate)
FORMULA_PREFIXES = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
EVERYONE_FAILS = 0.1  # mean share of points below which a question is flagged
DISCRIMINATES = 0.2  # item-rest correlation below which a question is flagged
SLOWEST = 10
MAX_TABLE_ROWS = 200  # tests and misconceptions: bounded by the chapter, unless a file is forged
MAX_NAMES = 20  # students listed per non-ok status; the rest are in grades.csv
REASON_CHARS = 200
TEMPLATES = Path(__file__).with_name("templates")

STATUS_COLORS = {"ok": "#2e7d32", "error": "#c62828", "timeout": "#ef6c00", "memory": "#6a1b9a",
                 "invalid": "#616161", "missing": "#b0bec5"}
OTHER_COLOR = "#8d6e63"
BAR_COLOR = "#3b6ea5"


# ---------------------------------------------------------------- what the grader wrote


@dataclasses.dataclass(frozen=True)
class Row:
    """One line of grades.csv (unreadable numbers are NaN)."""

    student: str
    submission: str
    status: str
    score: float
    max_score: float
    scores: dict[str, float]
    reason: str


@dataclasses.dataclass(frozen=True)
class Case:
    question: str
    name: str
    hidden: bool
    passed: bool
    points: float
    description: str


@dataclasses.dataclass(frozen=True)
class Result:
    """The parts of one results/*.json the report uses."""

    file: str
    student: str
    submission: str
    status: str
    reason: str
    chapter: str
    seconds: float | None  # student code
    peak_memory: int | None
    scores: dict[str, float]
    max_score: float
    cases: tuple[Case, ...]
    misconceptions: tuple[tuple[str, str], ...]  # (question, title)


@dataclasses.dataclass
class Batch:
    questions: list[str]
    rows: list[Row]
    results: list[Result]
    notes: list[str]


def unguard(cell: str) -> str:
    """Undo the gradebook's spreadsheet-formula guard: one leading quote before ``= + - @ TAB CR``.

    The writer also guards a trigger that follows leading spaces (importers may strip them first).
    """
    return cell[1:] if cell[:1] == "'" and cell[1:].lstrip(" ")[:1] in FORMULA_PREFIXES else cell


def _cell_number(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        return math.nan
    return x if math.isfinite(x) else math.nan


def _num(value: Any) -> float | None:
    """A finite JSON number, or None (bools are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _str(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _dicts(value: Any) -> list[dict]:
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def read_grades(path: Path) -> tuple[list[str], list[Row], list[str]]:
    """Questions (the columns between ``max_score`` and ``reason``), rows, and notes on what was skipped."""
    notes: list[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as e:
        return [], [], [f"{path.name}: not readable ({type(e).__name__})"]
    lines: list[list[str]] = []
    try:
        lines.extend(csv.reader(io.StringIO(text)))
    except csv.Error as e:
        notes.append(f"{path.name}: unreadable after line {len(lines)} ({e}); later rows ignored")
    if not lines:
        return [], [], notes + [f"{path.name}: empty"]
    header = [unguard(h).strip() for h in lines[0]]
    if "max_score" not in header or "status" not in header:
        return [], [], notes + [f"{path.name}: no status/max_score columns; ignored"]
    first = header.index("max_score") + 1
    last = header.index("reason") if "reason" in header[first:] else len(header)
    questions = header[first:last]
    col = {name: i for i, name in reversed(list(enumerate(header)))}  # first occurrence wins

    rows = []
    for cells in lines[1:]:
        if not any(c.strip() for c in cells):
            continue
        cells = [unguard(c) for c in cells] + [""] * (len(header) - len(cells))
        field = {name: cells[i] for name, i in col.items()}
        submission = field.get("submission", "")
        rows.append(Row(
            student=field.get("student") or submission, submission=submission,
            status=field["status"].strip().lower(), score=_cell_number(field.get("score", "")),
            max_score=_cell_number(field["max_score"]),
            scores={q: _cell_number(cells[first + i]) for i, q in enumerate(questions)},
            reason=field.get("reason", ""),
        ))
    return questions, rows, notes


def _read_case(d: dict) -> Case | None:
    if not isinstance(d.get("passed"), bool) or not isinstance(d.get("name"), str):
        return None
    return Case(question=_str(d.get("question")), name=d["name"], hidden=d.get("hidden") is True,
                passed=d["passed"], points=_num(d.get("points")) or 0.0, description=_str(d.get("description")))


def parse_result(file: str, data: Any) -> Result | None:
    """A results.json's data as a Result; None when it is not even a JSON object."""
    if not isinstance(data, dict):
        return None
    extra = data.get("extra_data") if isinstance(data.get("extra_data"), dict) else {}
    scores = extra.get("scores") if isinstance(extra.get("scores"), dict) else {}
    memory, seconds, max_score = (_num(extra.get(k)) for k in ("peak_memory_bytes", "student_seconds", "max_score"))
    return Result(
        file=file, student=_str(extra.get("student")), submission=_str(extra.get("submission"), Path(file).stem),
        status=_str(extra.get("status")).strip().lower(), reason=_str(extra.get("reason")),
        chapter=_str(extra.get("chapter")),
        seconds=seconds if seconds is not None else _num(data.get("execution_time")),
        peak_memory=int(memory) if memory is not None else None,
        scores={q: x for q, v in scores.items() if (x := _num(v)) is not None},
        max_score=max_score if max_score is not None else math.nan,
        cases=tuple(c for d in _dicts(extra.get("cases")) if (c := _read_case(d))),
        misconceptions=tuple((_str(d.get("question")), d["title"]) for d in _dicts(extra.get("misconceptions"))
                             if isinstance(d.get("title"), str) and d["title"].strip()),
    )


def read_results(folder: Path) -> tuple[list[Result], list[str]]:
    results, notes = [], []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            result = parse_result(path.name, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            result = None
        if result is None:
            notes.append(f"results/{path.name}: not a readable results file; ignored")
        else:
            results.append(result)
    return results, notes


def _row_from_result(r: Result) -> Row:
    return Row(r.student or r.submission, r.submission, r.status, float(sum(r.scores.values())), r.max_score,
               dict(r.scores), r.reason)


def load_batch(out_dir: Path) -> Batch:
    """Everything readable in an output folder; grades.csv is the roster, results/ the details."""
    results, notes = read_results(out_dir / "results")
    grades = out_dir / "grades.csv"
    if grades.is_file():
        questions, rows, csv_notes = read_grades(grades)
        notes = csv_notes + notes
    else:
        questions, rows = [], []
        notes.insert(0, "grades.csv is missing (interrupted batch?): rows rebuilt from results/")
    if not rows and results:
        rows = [_row_from_result(r) for r in results]
        questions = questions or list(dict.fromkeys(q for r in results for q in r.scores))
    else:
        results, dropped = _in_gradebook(results, rows)
        if dropped:
            notes.append(f"{dropped} results file(s) not in grades.csv (left from an earlier batch?); ignored")
    return Batch(questions, rows, results, notes)


def _in_gradebook(results: list[Result], rows: list[Row]) -> tuple[list[Result], int]:
    """The results of submissions in grades.csv: leftovers of an earlier batch would skew the test figures.

    When none matches, the two files name submissions differently (an older grader): keep them all.
    """
    listed = {row.submission for row in rows}
    kept = [r for r in results if r.submission in listed]
    return (kept, len(results) - len(kept)) if kept else (results, 0)


# ---------------------------------------------------------------- aggregation (pure)


@dataclasses.dataclass(frozen=True, eq=False)
class QuestionStats:
    name: str
    max_points: float | None  # None when no results file says
    n: int  # submissions in the item analysis
    mean: float
    difficulty: float | None  # mean share of points
    discrimination: float  # item-rest Pearson correlation; NaN when undefined
    flags: tuple[str, ...]
    scores: np.ndarray  # finite scores, for the chart


@dataclasses.dataclass(frozen=True)
class CaseFailures:
    question: str
    name: str
    hidden: bool
    description: str
    runs: int
    failed: int

    @property
    def share(self) -> float:
        return self.failed / self.runs if self.runs else 0.0


@dataclasses.dataclass(frozen=True)
class MisconceptionStats:
    question: str
    title: str
    count: int
    share: float  # of graded submissions


def question_max_points(results: Iterable[Result], questions: list[str]) -> dict[str, float | None]:
    """Points per question: the largest sum of a question's case points in any results file."""
    best: dict[str, float] = {}
    for r in results:
        sums: dict[str, float] = collections.defaultdict(float)
        for c in r.cases:
            sums[c.question] += c.points
        for q, s in sums.items():
            best[q] = max(best.get(q, 0.0), round(s, 9))  # 10 cases of 0.4 points are worth 4, not 3.9999...
    return {q: best.get(q) or None for q in questions}


def answered(rows: Iterable[Row]) -> list[Row]:
    return [r for r in rows if r.status not in UNANSWERED]


def score_matrix(rows: list[Row], questions: list[str]) -> np.ndarray:
    """Submissions x questions, NaN where a cell was unreadable."""
    return np.array([[r.scores.get(q, math.nan) for q in questions] for r in rows], dtype=float).reshape(
        len(rows), len(questions))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation; NaN when either side is (numerically) constant or there are < 2 points."""
    if len(x) < 2:
        return math.nan
    dx, dy = x - x.mean(), y - y.mean()
    # sums of fractional points differ in the last bits: treat that noise as no variance at all
    tiny = 1e-9 * max(1.0, float(np.abs(x).max()), float(np.abs(y).max()))
    sx, sy = math.sqrt(float(dx @ dx) / len(x)), math.sqrt(float(dy @ dy) / len(y))
    if sx <= tiny or sy <= tiny:
        return math.nan
    return float(np.clip((dx @ dy) / len(x) / (sx * sy), -1.0, 1.0))


def discrimination(matrix: np.ndarray, j: int) -> float:
    """Correlation of question j with the rest of the notebook, over rows where j is readable."""
    keep = np.isfinite(matrix[:, j])
    rest = np.nansum(np.delete(matrix[keep], j, axis=1), axis=1)
    return pearson(matrix[keep, j], rest)


def question_flags(difficulty: float | None, r: float) -> tuple[str, ...]:
    flags = []
    if difficulty is not None and difficulty < EVERYONE_FAILS:
        flags.append("everyone fails")
    if not r >= DISCRIMINATES:  # NaN included: a question everyone scores the same on tells nothing
        flags.append("does not discriminate")
    return tuple(flags)


def question_stats(rows: list[Row], questions: list[str],
                   max_points: dict[str, float | None]) -> list[QuestionStats]:
    matrix = score_matrix(answered(rows), questions)
    stats = []
    for j, q in enumerate(questions):
        scores = matrix[:, j][np.isfinite(matrix[:, j])]
        mean = float(scores.mean()) if scores.size else math.nan
        top = max_points.get(q)
        difficulty = mean / top if top and scores.size else None
        r = discrimination(matrix, j)
        stats.append(QuestionStats(q, top, int(scores.size), mean, difficulty, r,
                                   question_flags(difficulty, r), scores))
    return stats


def status_counts(rows: Iterable[Row]) -> dict[str, int]:
    """Every known status in order (zeros included), then any unexpected ones."""
    counts = collections.Counter(r.status or "?" for r in rows)
    return {**{s: counts.pop(s, 0) for s in STATUSES}, **dict(counts.most_common())}


def case_failures(results: Iterable[Result]) -> list[CaseFailures]:
    """One entry per (question, test), hardest first."""
    runs: collections.Counter = collections.Counter()
    failed: collections.Counter = collections.Counter()
    hidden: dict[tuple[str, str], bool] = {}
    descriptions: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for r in results:
        for c in {(c.question, c.name): c for c in r.cases}.values():  # a test counts once per submission
            key = (c.question, c.name)
            runs[key] += 1
            failed[key] += not c.passed
            hidden[key] = hidden.get(key, False) or c.hidden
            if c.description:
                descriptions[key][c.description] += 1
    stats = [CaseFailures(q, name, hidden[q, name],
                       descriptions[q, name].most_common(1)[0][0] if descriptions[q, name] else "",
                       runs[q, name], failed[q, name]) for q, name in runs]
    return sorted(stats, key=lambda t: (-t.share, -t.failed, t.question, t.name))


def misconception_stats(results: list[Result]) -> list[MisconceptionStats]:
    """How many submissions each diagnosed misconception was found in, most common first."""
    counts = collections.Counter(m for r in results for m in set(r.misconceptions))
    n = len(results)
    return [MisconceptionStats(q, title, k, k / n)
            for (q, title), k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def slowest(results: Iterable[Result], k: int = SLOWEST) -> list[Result]:
    timed = [r for r in results if r.seconds is not None or r.peak_memory is not None]
    return sorted(timed, key=lambda r: (-(r.seconds or 0.0), -(r.peak_memory or 0), r.submission))[:k]


def submitted_totals(rows: Iterable[Row]) -> np.ndarray:
    """Total scores of the submissions (missing ones excluded), where readable."""
    totals = np.array([total_score(r) for r in rows if r.status != "missing"], dtype=float)
    return totals[np.isfinite(totals)]


def score_summary(rows: list[Row]) -> dict[str, float | int]:
    """Over submissions (missing ones excluded): count, mean, median, max score possible."""
    totals = submitted_totals(rows)
    return {"n": sum(r.status != "missing" for r in rows),
            "mean": float(totals.mean()) if totals.size else math.nan,
            "median": float(np.median(totals)) if totals.size else math.nan,
            "max_score": batch_max_score(rows)}


def total_score(row: Row) -> float:
    if math.isfinite(row.score):
        return row.score
    parts = [x for x in row.scores.values() if math.isfinite(x)]
    return float(sum(parts)) if parts else math.nan


def batch_max_score(rows: Iterable[Row]) -> float:
    """The most common max_score (one chapter per batch; a hand edit must not move it)."""
    counts = collections.Counter(r.max_score for r in rows if math.isfinite(r.max_score))
    return counts.most_common(1)[0][0] if counts else math.nan


def names_by_status(rows: Iterable[Row], limit: int = MAX_NAMES) -> dict[str, tuple[list[str], int]]:
    """Per non-ok status: the first ``limit`` students and how many more there are."""
    names: dict[str, list[str]] = collections.defaultdict(list)
    for r in rows:
        if r.status != "ok":
            names[r.status or "?"].append(r.student or r.submission)
    order = [s for s in STATUSES if s in names] + sorted(set(names) - set(STATUSES))
    return {s: (names[s][:limit], max(0, len(names[s]) - limit)) for s in order}


def shorten(text: str, limit: int = REASON_CHARS) -> str:
    """First line-ish of a reason, cut before escaping (cutting escaped text could split an entity)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclasses.dataclass
class Report:
    title: str
    folder: str
    statuses: dict[str, int]
    summary: dict[str, float | int]
    totals: np.ndarray
    questions: list[QuestionStats]
    tests: list[CaseFailures]
    misconceptions: list[MisconceptionStats]
    slowest: list[Result]
    attention: dict[str, tuple[list[str], int]]
    results_read: int
    notes: list[str]


def summarize(batch: Batch, folder: str, title: str | None = None) -> Report:
    notes = list(batch.notes)
    tests, misconceptions = case_failures(batch.results), misconception_stats(batch.results)
    for what, items in (("tests", tests), ("misconceptions", misconceptions)):
        if len(items) > MAX_TABLE_ROWS:
            notes.append(f"only the first {MAX_TABLE_ROWS} of {len(items)} {what} are shown")
    chapters = collections.Counter(r.chapter for r in batch.results if r.chapter)
    chapter = chapters.most_common(1)[0][0] if chapters else ""
    return Report(
        title=title or f"Class report: {chapter or folder}",
        folder=folder,
        statuses=status_counts(batch.rows),
        summary=score_summary(batch.rows),
        totals=submitted_totals(batch.rows),
        questions=question_stats(batch.rows, batch.questions, question_max_points(batch.results, batch.questions)),
        tests=tests[:MAX_TABLE_ROWS],
        misconceptions=misconceptions[:MAX_TABLE_ROWS],
        slowest=slowest(batch.results),
        attention=names_by_status(batch.rows),
        results_read=len(batch.results),
        notes=notes,
    )


# ---------------------------------------------------------------- charts (inline SVG)


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def score_bars(values: np.ndarray, upper: float | None) -> tuple[np.ndarray, np.ndarray, float]:
    """Bar centres, heights and width: one bar per score when there are few distinct ones, else 10 bins."""
    values = values[np.isfinite(values)]
    lo = min(0.0, float(values.min())) if values.size else 0.0
    hi = max(_finite(upper) or 0.0, float(values.max()) if values.size else 0.0)
    span = (hi - lo) or 1.0
    distinct = np.unique(values)
    if distinct.size <= 11:
        gap = float(np.diff(distinct).min()) if distinct.size > 1 else span
        # a point wide (narrower if scores are closer); on a long scale, a 12th of it
        width = 0.8 * min(gap, max(1.0, span / 12))
        return distinct, np.array([np.count_nonzero(values == v) for v in distinct]), width
    counts, edges = np.histogram(values, bins=10, range=(lo, lo + span))
    return (edges[:-1] + edges[1:]) / 2, counts, 0.9 * span / 10


class SvgCharts:
    """Draws every chart on one reused figure (creating figures is the slow part) into inline SVG."""

    RC = {"svg.fonttype": "none", "font.size": 8, "font.family": "sans-serif",
          "axes.spines.top": False, "axes.spines.right": False, "axes.edgecolor": "#888888",
          "xtick.color": "#444444", "ytick.color": "#444444", "axes.labelcolor": "#444444"}

    def __init__(self) -> None:
        with matplotlib.rc_context(self.RC):
            self.fig = Figure()
        FigureCanvasSVG(self.fig)
        self.count = 0

    def _axes(self, width: float, height: float):
        self.fig.clear()
        self.fig.set_size_inches(width, height)
        return self.fig.add_subplot()

    def _svg(self, label: str, css_class: str, question: str | None = None) -> Markup:
        self.count += 1
        buf = io.StringIO()
        with matplotlib.rc_context({**self.RC, "svg.hashsalt": f"chart{self.count}"}):
            self.fig.tight_layout(pad=0.4)
            self.fig.savefig(buf, format="svg", metadata={k: None for k in ("Creator", "Date", "Format", "Type")})
        return inline_svg(buf.getvalue(), f"c{self.count}-", css_class, label, question)

    def distribution(self, values: np.ndarray, upper: float | None, *, wide: bool, label: str,
                     question: str | None = None) -> Markup:
        with matplotlib.rc_context(self.RC):
            ax = self._axes(*((7.6, 2.1) if wide else (3.6, 1.45)))
            x, counts, width = score_bars(values, upper)
            ax.bar(x, counts, width=width, color=BAR_COLOR)
            if values.size:
                ax.axvline(float(values.mean()), color="#d81b60", linestyle="--", linewidth=1)
            if _finite(upper):
                ax.set_xlim(min(0.0, float(x.min(initial=0.0))) - 0.7 * width,
                            max(upper, float(x.max(initial=0.0))) + 0.7 * width)
            whole = bool(np.all(values % 1 == 0)) and float(_finite(upper) or 0.0).is_integer()
            ax.xaxis.set_major_locator(MaxNLocator(integer=whole, nbins=8 if wide else 5, steps=[1, 2, 5, 10]))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
            ax.set_xlabel("points (dashed: mean)" if wide else "points")
            ax.set_ylabel("submissions")
            return self._svg(label, "chart question-chart" if question is not None else "chart", question)

    def statuses(self, counts: dict[str, int]) -> Markup:
        with matplotlib.rc_context(self.RC):
            ax = self._axes(7.6, 0.35 + 0.22 * len(counts))
            names = list(counts)[::-1]
            values = [counts[s] for s in names]
            ax.barh(names, values, color=[STATUS_COLORS.get(s, OTHER_COLOR) for s in names], height=0.7)
            for y, v in enumerate(values):
                ax.annotate(str(v), (v, y), xytext=(3, 0), textcoords="offset points", va="center")
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_xlim(0, max(values + [1]) * 1.08)
            ax.set_xlabel("submissions")
            return self._svg("submissions per status", "chart")


_ROOT_KEEP = re.compile(r'\sviewBox="[^"]*"')


def inline_svg(svg: str, prefix: str, css_class: str, label: str, question: str | None = None) -> Markup:
    """Matplotlib's SVG document as an inert element for an HTML page.

    Drops the XML prologue and DOCTYPE (an external DTD reference), the namespace declarations (the
    HTML parser needs none), the global ``<style>`` (it would restyle the whole page); prefixes ids
    so several charts on one page cannot collide; labels the root for screen readers and tests.
    """
    svg = svg[svg.index("<svg"):]
    root_end = svg.index(">")
    root, body = svg[:root_end], svg[root_end:]
    body = re.sub(r"<style[^>]*>.*?</style>", "", body, flags=re.S)
    body = re.sub(r"<defs>\s*</defs>", "", body)
    body = re.sub(r'\bid="', f'id="{prefix}', body)
    body = body.replace("url(#", f"url(#{prefix}").replace('xlink:href="#', f'href="#{prefix}')
    if re.search(r"<script|<foreignObject|\bon\w+=|href=\"[^#]|https?:", body, flags=re.I):
        raise ValueError("matplotlib produced an SVG with active content or external references")
    viewbox = _ROOT_KEEP.search(root)
    attrs = [f'class="{escape(css_class)}"', 'role="img"', f'aria-label="{escape(label)}"']
    if question is not None:
        attrs.append(f'data-question="{escape(question)}"')
    return Markup(f"<svg {' '.join(attrs)}{viewbox.group(0) if viewbox else ''}" + body)


def draw_charts(report: Report) -> dict[str, Any]:
    charts = SvgCharts()
    try:
        return {
            "statuses": charts.statuses(report.statuses),
            "total": charts.distribution(report.totals, report.summary["max_score"], wide=True,
                                         label="distribution of total scores"),
            "questions": [charts.distribution(q.scores, q.max_points, wide=False, question=q.name,
                                              label=f"distribution of scores on {q.name}")
                          for q in report.questions],
        }
    finally:
        charts.fig.clear()


# ---------------------------------------------------------------- page


def _fmt_number(x: float | int | None) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    return f"{x:.3g}" if isinstance(x, float) and x != int(x) else str(int(x))


def _fmt_correlation(x: float) -> str:
    return f"{x:.2f}" if math.isfinite(x) else "—"


def _fmt_share(x: float | None) -> str:
    return "—" if x is None or not math.isfinite(x) else f"{100 * x:.0f}%"


def _fmt_bytes(x: int | None) -> str:
    return "—" if x is None else f"{x / 2**20:,.0f} MiB"


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(num=_fmt_number, corr=_fmt_correlation, share=_fmt_share, mib=_fmt_bytes, shorten=shorten)
    env.globals.update(status_colors=STATUS_COLORS, other_color=OTHER_COLOR,
                       everyone_fails=EVERYONE_FAILS, discriminates=DISCRIMINATES, max_names=MAX_NAMES)
    return env


def render(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(report=report, charts=draw_charts(report))


def _atomic_write(path: Path, text: str) -> None:
    """Temporary file in the same folder, then rename: a reader never sees half a page."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build_report(out_dir: Path, title: str | None = None) -> Path:
    """Write ``out_dir/report.html`` from the grader's output in ``out_dir``; return its path."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise FileNotFoundError(f"{out_dir} is not a folder")
    report = summarize(load_batch(out_dir), out_dir.resolve().name, title)
    path = out_dir / "report.html"
    _atomic_write(path, render(report))
    return path
