"""`mlmathkit grade --cluster`: a local Dask scheduler and two workers grade like this machine does.

The cluster gradebook equals the local one row for row, a worker killed mid-batch loses no row, and
an address where no scheduler answers is a clear, fast error. Every Dask process is a subprocess of
this venv in its own session, killed at teardown (:class:`mlmathkit.cluster.LocalDask`).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest

from mlmathkit.cluster import LocalDask
from mlmathkit.release import release_chapter
from test_grade import CORRECT, read_rows, student_with


@pytest.fixture(scope="module")
def chapter(tmp_path_factory):
    from conftest import make_tiny_course
    from mlmathkit.course import load_course

    course = load_course(make_tiny_course(tmp_path_factory.mktemp("cluster") / "course"))
    ch = course.chapter("ch01_probability")
    release_chapter(ch, course.root / "build")
    return ch


@pytest.fixture
def dask(tmp_path):
    with LocalDask(tmp_path / "dask", workers=2) as cluster:
        yield cluster


def grade(ch, subs: Path, out: Path, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "mlmathkit.cli", "grade", ch.id, str(subs), "--out", str(out), *args]
    return subprocess.Popen(command, cwd=ch.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, seconds: float = 300) -> tuple[str, str]:
    try:
        stdout, stderr = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        pytest.fail(f"grading did not finish within {seconds} s:\n{stdout[-2000:]}\n{stderr[-2000:]}")
    assert proc.returncode == 0, stdout[-2000:] + stderr[-2000:]
    return stdout, stderr


def mixed_batch(ch, subs: Path) -> None:
    """Correct, untouched, wrong, looping, corrupt and zipped submissions."""
    subs.mkdir()
    shutil.copyfile(ch.reference_notebook, subs / "correct.ipynb")
    nbformat.write(student_with(ch, CORRECT), subs / "correct-in-cell.ipynb")
    shutil.copyfile(ch.student_notebook, subs / "untouched.ipynb")
    nbformat.write(student_with(ch, "def square(x):\n    return x + 1\n"), subs / "wrong.ipynb")
    nbformat.write(student_with(ch, "while True:\n    pass\n"), subs / "infinite-loop.ipynb")
    nbformat.write(student_with(ch, "def square(x):\n    while True:\n        pass\n"), subs / "loop-in-answer.ipynb")
    (subs / "corrupt.ipynb").write_text(ch.student_notebook.read_text()[:300])
    with zipfile.ZipFile(subs / "export.zip", "w") as zf:
        zf.writestr(f"{ch.id}.ipynb", ch.reference_notebook.read_text())


def test_cluster_gradebook_equals_local_row_for_row(chapter, dask, tmp_path):
    subs, here, there = tmp_path / "subs", tmp_path / "local", tmp_path / "cluster"
    mixed_batch(chapter, subs)
    limits = ("--timeout", "10", "--call-timeout", "3")
    on_cluster = grade(chapter, subs, there, "--cluster", dask.address, *limits)
    locally = grade(chapter, subs, here, "--jobs", "1", *limits)  # alongside: the machine has few cores
    stdout, _ = finish(on_cluster)
    finish(locally)
    assert "8 submissions:" in stdout and "mean score" in stdout
    assert (there / "grades.csv").read_text() == (here / "grades.csv").read_text()
    _, rows = read_rows(there)
    expected = {"correct.ipynb": ("ok", "2"), "export.zip": ("ok", "2"), "wrong.ipynb": ("ok", "0"),
                "infinite-loop.ipynb": ("timeout", "0"), "corrupt.ipynb": ("invalid", "0")}
    assert len(rows) == 8 and {n: (rows[n]["status"], rows[n]["score"]) for n in expected} == expected
    # a cluster result is a cache hit for local grading: same bundle, grader, limits and bytes
    rerun, _ = finish(grade(chapter, subs, there, "--jobs", "1", *limits))
    assert "8 submission(s) unchanged" in rerun


def test_killed_worker_loses_no_row(chapter, dask, tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    for i in range(10):  # each takes a couple of seconds: the kill lands mid-batch
        nbformat.write(student_with(chapter, f"import time\ntime.sleep(2)\n{CORRECT}# {i}\n"), subs / f"s{i}.ipynb")
    t0 = time.monotonic()
    proc = grade(chapter, subs, out, "--cluster", dask.address, "--timeout", "30")
    try:
        while not (out / "results").is_dir() or not any((out / "results").glob("*.json")):
            assert proc.poll() is None and time.monotonic() - t0 < 240, "no result came in"
            time.sleep(0.1)
        graded_before = len(list((out / "results").glob("*.json")))
        dask.kill_worker(0)  # busy: ten submissions, two workers
        finish(proc, 300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert graded_before < 10
    _, rows = read_rows(out)
    assert {n: (r["status"], r["score"]) for n, r in rows.items()} == {f"s{i}.ipynb": ("ok", "2") for i in range(10)}


def test_unreachable_scheduler_is_a_clear_fast_error(chapter, tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "subs").mkdir()
    shutil.copyfile(chapter.reference_notebook, tmp_path / "subs" / "a.ipynb")
    t0 = time.monotonic()
    proc = grade(chapter, tmp_path / "subs", tmp_path / "out", "--cluster", f"tcp://127.0.0.1:{port}")
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 2, stderr
    assert f"no Dask scheduler answers at tcp://127.0.0.1:{port}" in stderr and "dask scheduler" in stderr
    assert "Traceback" not in stderr
    assert time.monotonic() - t0 < 60


def test_worker_that_cannot_sandbox_says_so_in_its_rows(chapter, tmp_path):
    subs, out = tmp_path / "subs", tmp_path / "out"
    subs.mkdir()
    shutil.copyfile(chapter.reference_notebook, subs / "correct.ipynb")
    with LocalDask(tmp_path / "dask", workers=1, env={**os.environ, "MLMATHKIT_SANDBOX": "none"}) as bare:
        _, stderr = finish(grade(chapter, subs, out, "--cluster", bare.address))
    assert "WARNING: sandbox mechanisms unavailable here: all isolation" in stderr
    row = read_rows(out)[1]["correct.ipynb"]
    assert (row["status"], row["score"]) == ("ok", "2")
    assert "graded on a machine whose sandbox lacks: all isolation" in row["reason"]
