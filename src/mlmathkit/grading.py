"""`mlmathkit grade`: batch-grade submissions into a gradebook, safely and in parallel.

Intake (:mod:`mlmathkit.intake`) says who handed in what: one submission per student, older ones
superseded, identity clashes as error rows. A pool of warm judge processes (:mod:`mlmathkit.judge`),
one per core by default, grades them; each judge runs student code only inside sandboxes forked from
its zygote (:mod:`mlmathkit.sandbox`). Every finished submission is written at once and atomically to
``DIR/results/<key>.json`` (Gradescope format) and ``DIR/feedback/<key>.md``, ``key`` being derived
safely from the student id. A re-run reuses a result only when the submission's bytes, the bundle,
the grader's code and the limits are all unchanged (``force`` regrades), so an interrupted batch
loses nothing already graded. ``DIR/grades.csv`` (and with a roster ``DIR/canvas.csv``) is written
at the end, then ``DIR/report.html``.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from . import judge
from .course import Chapter
from .feedback import case_records, feedback_markdown, results_json
from .gradebook import Row, apply_roster, atomic_write, render_csv, summary, write_canvas_csv
from .identity import read_roster
from .intake import Submission, discover
from .untrusted import console_text

DEFAULT_MEMORY_GIB = 2.0


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def grader_fingerprint() -> str:
    """The grader's version and code: a result graded by other code is never reused."""
    from . import __version__

    package = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


@dataclasses.dataclass(frozen=True)
class Context:
    """What every result of this batch depends on besides the submission itself."""

    chapter: Chapter
    out: Path
    bundle: str
    grader: str
    limits: judge.Limits

    def cache_key(self, sub: Submission, digest: str) -> str:
        parts = [sub.student, digest, self.bundle, self.grader, json.dumps(self.limits.as_dict(), sort_keys=True)]
        return _sha256("\0".join(parts).encode())


def _cached_row(ctx: Context, sub: Submission, digest: str) -> Row | None:
    try:
        extra = json.loads((ctx.out / "results" / f"{sub.key}.json").read_text(encoding="utf-8"))["extra_data"]
        if extra["cache_key"] != ctx.cache_key(sub, digest):
            return None
        return Row(sub.student, sub.name, extra["status"], {k: float(v) for k, v in extra["scores"].items()},
                   float(extra["max_score"]), extra["reason"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _reason(sub: Submission, verdict: judge.Verdict) -> str:
    return "; ".join(filter(None, [verdict.reason, *verdict.warnings, sub.note]))


def _record(ctx: Context, sub: Submission, verdict: judge.Verdict, digest: str) -> Row:
    chapter = ctx.chapter
    scores = {q: r.score for q, r in verdict.questions.items()}
    row = Row(sub.student, sub.name, verdict.status, scores, chapter.max_score, _reason(sub, verdict))
    extra = {"student": sub.student, "submission": sub.name, "chapter": chapter.id, "status": row.status,
             "reason": row.reason, "scores": scores, "max_score": row.max_score,
             "student_seconds": round(verdict.student_seconds, 3), "judge_seconds": round(verdict.judge_seconds, 3),
             "peak_memory_bytes": verdict.peak_memory_bytes, "cases": case_records(verdict),
             "misconceptions": [{"question": q, "title": t} for q, ts in verdict.diagnoses.items() for t in ts],
             "submission_sha256": digest, "autograder_sha256": ctx.bundle, "grader": ctx.grader,
             "limits": ctx.limits.as_dict(), "cache_key": ctx.cache_key(sub, digest)}
    atomic_write(ctx.out / "feedback" / f"{sub.key}.md", feedback_markdown(chapter, sub.student, sub.name, verdict))
    atomic_write(ctx.out / "results" / f"{sub.key}.json",
                 json.dumps(results_json(chapter, verdict, extra, chapter.hidden_visibility), indent=1))
    return row


def grade_batch(
    chapter: Chapter,
    paths: list[Path],
    out: Path,
    *,
    timeout: float,
    jobs: int | None = None,
    memory_gib: float = DEFAULT_MEMORY_GIB,
    call_timeout: float | None = None,
    roster: Path | None = None,
    cluster: str | None = None,
    force: bool = False,
    echo: Callable[[object], None] | None = None,
) -> list[Row]:
    console = Console(stderr=False, highlight=False)
    echo = echo or console.print
    if not chapter.autograder_zip.is_file():
        raise FileNotFoundError(f"{chapter.autograder_zip} is missing: run `mlmathkit release {chapter.id}` first")
    class_list = read_roster(roster) if roster else None
    batch = discover(paths, class_list)
    out.mkdir(parents=True, exist_ok=True)
    limits = judge.Limits(timeout=timeout, memory_bytes=int(memory_gib * 2**30), call_timeout=call_timeout)
    ctx = Context(chapter, out, _sha256(chapter.autograder_zip.read_bytes()), grader_fingerprint(), limits)
    digests = {s.key: _sha256(s.path.read_bytes()) for s in batch.submissions}
    rows: dict[str, Row] = {}
    if not force:
        for sub in batch.submissions:
            cached = _cached_row(ctx, sub, digests[sub.key])
            if cached:
                rows[sub.key] = cached
    todo = [s for s in batch.submissions if s.key not in rows]
    if rows:
        echo(f"{len(rows)} submission(s) unchanged since the last run: kept (use --force to regrade)")
    for old in batch.superseded:
        echo(Text.assemble("superseded by a newer submission of the same student, not graded: ", console_text(old.name)))
    if todo:
        _run_pool(ctx, todo, jobs, cluster, digests, rows, echo, console)
    ordered = [rows[s.key] for s in batch.submissions]
    ordered += [Row(s.student, s.name, "error", {}, chapter.max_score, reason) for s, reason in batch.rejected]
    if class_list is not None:
        ordered = apply_roster(ordered, class_list, chapter.max_score)
        write_canvas_csv(out / "canvas.csv", ordered, class_list, chapter.title, chapter.max_score)
    atomic_write(out / "grades.csv", render_csv(ordered, list(chapter.questions)))
    echo(summary(ordered))
    echo(Text(f"gradebook: {out / 'grades.csv'}"))
    _write_report(out, chapter, echo)
    return ordered


def _write_report(out: Path, chapter: Chapter, echo) -> None:
    try:
        from .report import build_report

        echo(Text(f"report: {build_report(out, title=f'{chapter.title} ({chapter.id})')}"))
    except Exception as e:  # noqa: BLE001 - the gradebook is written; a report failure must not hide it
        print(f"WARNING: the class report could not be written: {type(e).__name__}: {e}", file=sys.stderr)


def _row_line(row: Row) -> Text:
    """One progress line; the student id, file name and reason are printed, never interpreted."""
    line = Text(f"  {row.status:8s} {row.score:6.2f}/{row.max_score:g}  ")
    line += console_text(row.student) + Text("  ") + console_text(row.submission)
    if row.reason:
        line += Text("  (") + console_text(row.reason) + Text(")")
    return line


def _run_pool(ctx: Context, todo: list[Submission], jobs: int | None, cluster: str | None, digests, rows, echo,
              console) -> None:
    chapter = ctx.chapter
    by_file: dict[Path, list[Submission]] = {}  # a group submission is graded once, recorded per student
    for sub in todo:
        by_file.setdefault(sub.path.resolve(), []).append(sub)
    progress = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, disable=not console.is_terminal, transient=True)
    if cluster:
        from .cluster import verdicts_on_cluster

        verdicts = verdicts_on_cluster(cluster, chapter, list(by_file), ctx.limits, _warn_missing)
    else:
        verdicts = _verdicts_here(chapter, list(by_file), ctx.limits, jobs)
    with progress:
        task = progress.add_task("grading", total=len(todo))
        for path, verdict in verdicts:
            for sub in by_file[path]:
                try:
                    if isinstance(verdict, BaseException):
                        raise verdict
                    row = _record(ctx, sub, verdict, digests[sub.key])
                except Exception as e:  # noqa: BLE001 - a grader fault on one file must not lose the batch
                    row = Row(sub.student, sub.name, "error", {}, chapter.max_score,
                              f"grader error: {type(e).__name__}: {str(e)[:300]}")
                rows[sub.key] = row
                progress.advance(task)
                if not console.is_terminal:
                    echo(_row_line(row))


def _warn_missing(mechanisms: dict) -> None:
    missing = mechanisms.get("missing") or []
    if missing:
        print("WARNING: sandbox mechanisms unavailable here: " + "; ".join(missing) + ". What remains "
              "still applies (the trust split, deadlines, the kill, rlimits). Grade untrusted submissions "
              "as root on Linux for full isolation.", file=sys.stderr)


def _verdicts_here(chapter: Chapter, files: list[Path], limits: judge.Limits, jobs: int | None):
    """(file, Verdict or the exception that stopped it), as they finish, from a pool of warm judges here."""
    if len(files) == 1:  # cold start: no pool, the judge runs here while its zygote imports beside it
        judge.init_chapter(chapter)
        try:
            _warn_missing(judge.mechanisms())
            try:
                yield files[0], judge.grade_one(str(files[0]), limits)
            except Exception as e:  # noqa: BLE001 - becomes that file's row
                yield files[0], e
        finally:
            judge.shutdown()
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    ctx_mp = multiprocessing.get_context("spawn")  # judges start clean: no state shared with this process
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=ctx_mp, initializer=judge.init_worker,
                                                initargs=(str(chapter.root), chapter.id)) as pool:
        _warn_missing(pool.submit(judge.mechanisms).result())
        futures = {pool.submit(judge.grade_one, str(path), limits): path for path in files}
        for done in concurrent.futures.as_completed(futures):
            try:
                yield futures[done], done.result()
            except Exception as e:  # noqa: BLE001 - becomes that file's row
                yield futures[done], e
