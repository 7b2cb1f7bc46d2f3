"""`mlmathkit grade`: batch-grade submissions into a gradebook, safely and in parallel.

A pool of warm judge processes (:mod:`mlmathkit.judge`), one per core by default, grades the
submissions; each judge runs student code only inside sandboxes forked from its zygote
(:mod:`mlmathkit.sandbox`). Every finished submission is written at once and atomically to
``DIR/results/<stem>.json`` (Gradescope format) and ``DIR/feedback/<stem>.md``; a re-run skips
submissions whose bytes and autograder bundle are unchanged (``force`` regrades), so an interrupted
batch loses nothing already graded. ``DIR/grades.csv`` is written at the end.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import judge
from .course import Chapter
from .feedback import feedback_markdown, results_json
from .gradebook import Row, atomic_write, render_csv, summary
from .intake import Submission, discover

DEFAULT_MEMORY_GIB = 2.0


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cached_row(out: Path, sub: Submission, digests: dict[str, str]) -> Row | None:
    path = out / "results" / f"{sub.stem}.json"
    try:
        extra = json.loads(path.read_text(encoding="utf-8"))["extra_data"]
        if extra["submission_sha256"] != digests[sub.stem] or extra["autograder_sha256"] != digests[""]:
            return None
        return Row(sub.name, extra["status"], {k: float(v) for k, v in extra["scores"].items()},
                   float(extra["max_score"]), extra["reason"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _record(chapter: Chapter, out: Path, sub: Submission, verdict: judge.Verdict, digests: dict[str, str]) -> Row:
    scores = {q: r.score for q, r in verdict.questions.items()}
    row = Row(sub.name, verdict.status, scores, chapter.max_score, verdict.reason)
    extra = {"submission": sub.name, "status": row.status, "reason": row.reason, "scores": scores,
             "max_score": row.max_score, "submission_sha256": digests[sub.stem], "autograder_sha256": digests[""],
             "student_seconds": round(verdict.student_seconds, 3), "judge_seconds": round(verdict.judge_seconds, 3)}
    atomic_write(out / "feedback" / f"{sub.stem}.md", feedback_markdown(chapter, sub.name, verdict))
    atomic_write(out / "results" / f"{sub.stem}.json", json.dumps(results_json(chapter, verdict, extra), indent=1))
    return row


def grade_batch(
    chapter: Chapter,
    paths: list[Path],
    out: Path,
    *,
    timeout: float,
    jobs: int | None = None,
    memory_gib: float = DEFAULT_MEMORY_GIB,
    force: bool = False,
    echo: Callable[[str], None] | None = None,
) -> list[Row]:
    console = Console(stderr=False)
    echo = echo or console.print
    if not chapter.autograder_zip.is_file():
        raise FileNotFoundError(f"{chapter.autograder_zip} is missing: run `mlmathkit release {chapter.id}` first")
    submissions = discover(paths)
    out.mkdir(parents=True, exist_ok=True)
    digests = {"": _sha256(chapter.autograder_zip), **{s.stem: _sha256(s.path) for s in submissions}}
    rows: dict[str, Row] = {}
    if not force:
        for sub in submissions:
            cached = _cached_row(out, sub, digests)
            if cached:
                rows[sub.stem] = cached
    todo = [s for s in submissions if s.stem not in rows]
    if rows:
        echo(f"{len(rows)} submission(s) unchanged since the last run: kept (use --force to regrade)")
    limits = judge.Limits(timeout=timeout, memory_bytes=int(memory_gib * 2**30))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if todo:
        _run_pool(chapter, out, todo, limits, jobs, digests, rows, echo, console)
    ordered = [rows[s.stem] for s in submissions]
    atomic_write(out / "grades.csv", render_csv(ordered, list(chapter.questions)))
    echo(summary(ordered))
    echo(f"gradebook: {out / 'grades.csv'}")
    return ordered


def _run_pool(chapter, out, todo, limits, jobs, digests, rows, echo, console) -> None:
    ctx = multiprocessing.get_context("spawn")  # judges start clean: no state shared with this process
    progress = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, disable=not console.is_terminal, transient=True)
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=ctx, initializer=judge.init_worker,
                                                initargs=(str(chapter.root), chapter.id)) as pool, progress:
        missing = pool.submit(judge.mechanisms).result().get("missing") or []
        if missing:
            print("WARNING: sandbox mechanisms unavailable here: " + "; ".join(missing) + ". What remains "
                  "still applies (the trust split, deadlines, the kill, rlimits). Grade untrusted submissions "
                  "as root on Linux for full isolation.", file=sys.stderr)
        task = progress.add_task("grading", total=len(todo))
        futures = {pool.submit(judge.grade_one, str(s.path), limits): s for s in todo}
        for done in concurrent.futures.as_completed(futures):
            sub = futures[done]
            try:
                row = _record(chapter, out, sub, done.result(), digests)
            except Exception as e:  # noqa: BLE001 - a grader fault on one file must not lose the batch
                row = Row(sub.name, "error", {}, chapter.max_score, f"grader error: {type(e).__name__}: {e}")
            rows[sub.stem] = row
            progress.advance(task)
            if not console.is_terminal:
                echo(f"  {row.status:8s} {row.score:6.2f}/{row.max_score:g}  {sub.name}"
                     + (f"  ({row.reason})" if row.reason else ""))
