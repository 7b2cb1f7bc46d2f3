"""`mlmathkit grade`: batch-grade submissions into DIR/grades.csv and DIR/results/<stem>.json.

Each submission is read by :mod:`mlmathkit.intake` (a broken file becomes an ``invalid`` row), then
graded by ``otter run`` against the chapter's autograder bundle in its own process group, with a
wall-clock kill and a memory limit. One bad submission is one row; the batch always completes.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from .course import Chapter
from .gradebook import Row, atomic_write, render_csv, summary
from .intake import InvalidSubmission, Submission, discover, read_notebook

DEFAULT_MEMORY_GIB = 4.0


def grade_batch(
    chapter: Chapter,
    paths: list[Path],
    out: Path,
    *,
    timeout: float,
    jobs: int | None = None,
    memory_gib: float = DEFAULT_MEMORY_GIB,
    echo=print,
) -> list[Row]:
    if not chapter.autograder_zip.is_file():
        raise FileNotFoundError(f"{chapter.autograder_zip} is missing: run `mlmathkit release {chapter.id}` first")
    submissions = discover(paths)
    out.mkdir(parents=True, exist_ok=True)
    jobs = max(1, jobs or os.cpu_count() or 1)
    rows: dict[str, Row] = {}
    with tempfile.TemporaryDirectory(prefix="mlmathkit-grade-") as tmp, \
            concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {
            pool.submit(_grade_one, chapter, sub, Path(tmp) / sub.stem, out, timeout, memory_gib): sub
            for sub in submissions
        }
        for done in concurrent.futures.as_completed(futures):
            sub = futures[done]
            try:
                row = done.result()
            except Exception as e:  # noqa: BLE001 - a grader bug on one file must not lose the batch
                row = _row(chapter, sub, "error", {}, f"grader error: {type(e).__name__}: {e}")
            rows[sub.stem] = row
            echo(f"  {row.status:8s} {row.score:6.2f}/{row.max_score:g}  {sub.name}" + (f"  ({row.reason})" if row.reason else ""))
    ordered = [rows[s.stem] for s in submissions]
    atomic_write(out / "grades.csv", render_csv(ordered, list(chapter.questions)))
    echo(summary(ordered))
    echo(f"gradebook: {out / 'grades.csv'}")
    return ordered


def _row(chapter: Chapter, sub: Submission, status: str, scores: dict[str, float], reason: str = "") -> Row:
    return Row(sub.name, status, scores, chapter.max_score, reason)


def _grade_one(chapter: Chapter, sub: Submission, work: Path, out: Path, timeout: float, memory_gib: float) -> Row:
    try:
        nb = read_notebook(sub.path, chapter.id)
    except InvalidSubmission as e:
        return _row(chapter, sub, "invalid", {}, str(e))
    work.mkdir(parents=True)
    notebook = work / f"{chapter.id}.ipynb"
    nbformat.write(nb, notebook)
    results_dir = work / "results"
    results_dir.mkdir()
    status, reason = _run_otter(chapter, notebook, results_dir, work / "otter.log", timeout, memory_gib)
    results = results_dir / "results.json"
    if status != "ok" or not results.is_file():
        return _row(chapter, sub, status if status != "ok" else "error", {}, reason or "the autograder produced no results")
    data = json.loads(results.read_text(encoding="utf-8"))
    atomic_write(out / "results" / f"{sub.stem}.json", json.dumps(data, indent=1, sort_keys=True))
    scores = {t["name"]: float(t.get("score") or 0.0) for t in data.get("tests", []) if t.get("name") in chapter.questions}
    return _row(chapter, sub, "ok", scores)


def _limits(memory_gib: float):
    def apply() -> None:
        limit = int(memory_gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _run_otter(chapter: Chapter, notebook: Path, results_dir: Path, log: Path, timeout: float, memory_gib: float) -> tuple[str, str]:
    cmd = [sys.executable, "-m", "otter", "run", "-a", str(chapter.autograder_zip), "-o", str(results_dir), str(notebook)]
    with open(log, "wb") as logf:
        proc = subprocess.Popen(cmd, cwd=notebook.parent, stdout=logf, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=_limits(memory_gib))
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return "timeout", f"did not finish within {timeout:g} s"
        finally:
            _kill_group(proc)  # the kernel and anything the student started die with the run
    text = log.read_text(encoding="utf-8", errors="replace")
    if "MemoryError" in text or (proc.returncode != 0 and "Cannot allocate memory" in text):
        return "memory", f"exceeded the {memory_gib:g} GiB memory limit"
    if proc.returncode != 0:
        if "DeadKernelError" in text:
            return "error", "the notebook's kernel died while running (os._exit, a crash or a kill?)"
        last = [line for line in text.splitlines() if line.strip()][-1:] or ["no output"]
        return "error", f"autograder failed: {last[0][:160]}"
    return "ok", ""


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()

