"""`mlmathkit grade`: one row per submission with the right status; a bad file never sinks the batch."""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from mlmathkit.gradebook import LEADING_COLUMNS
from mlmathkit.release import release_chapter


def run_grade(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", *args], cwd=root,
                          capture_output=True, text=True, timeout=900)


def read_rows(out: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with open(out / "grades.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(out / "grades.csv", newline="") as f:
        header = next(csv.reader(f))
    return header, {r["submission"]: r for r in rows}


def student_with(ch, code: str) -> nbformat.NotebookNode:
    nb = nbformat.read(ch.student_notebook, as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell(code))
    return nb


@pytest.fixture
def released_tiny(tiny_course):
    ch = tiny_course.chapter("ch01_probability")
    release_chapter(ch, tiny_course.root / "build")
    return tiny_course, ch


def test_broken_and_hostile_files_are_rows_not_crashes(released_tiny, tmp_path):
    course, ch = released_tiny
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copyfile(ch.reference_notebook, subs / "good.ipynb")
    shutil.copyfile(ch.student_notebook, subs / "untouched.ipynb")
    (subs / "empty.ipynb").write_text("")
    (subs / "truncated.ipynb").write_text(ch.student_notebook.read_text()[:300])
    (subs / "not-a-notebook.ipynb").write_text(json.dumps({"hello": "world"}))
    (subs / "garbage.zip").write_bytes(b"PK\x03\x04 definitely not a zip")
    marker = tmp_path / "pwned"
    with zipfile.ZipFile(subs / "traversal.zip", "w") as zf:
        zf.writestr("../../escaped.ipynb", ch.reference_notebook.read_text())
        zf.writestr(".OTTER_LOG", pickle.dumps(None) + f"touch {marker}".encode())
    with zipfile.ZipFile(subs / "export.zip", "w") as zf:  # what grader.export() writes, log included
        zf.writestr("ch01_probability.ipynb", ch.reference_notebook.read_text())
        zf.writestr(".OTTER_LOG", b"\x80\x04 not unpickled")
    with zipfile.ZipFile(subs / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ch01_probability.ipynb", b" " * (64 * 2**20))
    nbformat.write(student_with(ch, "import os\nos._exit(0)"), subs / "exits.ipynb")
    nb = nbformat.read(ch.reference_notebook, as_version=4)
    nb.metadata = {}
    nbformat.write(nb, subs / "stripped-metadata.ipynb")

    out = tmp_path / "out"
    proc = run_grade(course.root, "ch01_probability", str(subs), "--out", str(out), "--timeout", "120")
    assert proc.returncode == 0, proc.stderr
    header, rows = read_rows(out)
    assert tuple(header[:4]) == LEADING_COLUMNS and header[4] == "q1_square"
    expect = {
        "good.ipynb": ("ok", "2"), "untouched.ipynb": ("ok", "0"), "export.zip": ("ok", "2"),
        "stripped-metadata.ipynb": ("ok", "2"), "empty.ipynb": ("invalid", "0"),
        "truncated.ipynb": ("invalid", "0"), "not-a-notebook.ipynb": ("invalid", "0"),
        "garbage.zip": ("invalid", "0"), "traversal.zip": ("invalid", "0"), "bomb.zip": ("invalid", "0"),
        "exits.ipynb": ("error", "0"),
    }
    assert {name: (r["status"], r["score"]) for name, r in rows.items()} == expect
    assert all(rows[n]["reason"] for n, (status, _) in expect.items() if status != "ok")
    assert "zip bomb" in rows["bomb.zip"]["reason"]
    assert not marker.exists() and not (tmp_path / "escaped.ipynb").exists()
    assert json.loads((out / "results" / "good.json").read_text())["tests"]


def test_infinite_loop_is_killed_at_the_timeout(released_tiny, tmp_path):
    course, ch = released_tiny
    nbformat.write(student_with(ch, "while True:\n    pass"), tmp_path / "loops.ipynb")
    out = tmp_path / "out"
    proc = run_grade(course.root, "ch01_probability", str(tmp_path / "loops.ipynb"), "--out", str(out), "--timeout", "10")
    assert proc.returncode == 0, proc.stderr
    _, rows = read_rows(out)
    assert rows["loops.ipynb"]["status"] == "timeout" and rows["loops.ipynb"]["score"] == "0"


def test_real_chapters_reference_full_untouched_zero_mistake_between(course, tmp_path):
    """Through otter itself: the reference notebook scores full marks, the student release zero."""
    from mlmathkit.demo import example_submissions

    for ch in course.released():
        subs = example_submissions(ch, tmp_path / ch.id)
        out = tmp_path / f"{ch.id}-out"
        proc = run_grade(course.root, ch.id, *map(str, subs), "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        _, rows = read_rows(out)
        full = f"{ch.max_score:g}"
        assert rows["reference.ipynb"]["status"] == "ok" and rows["reference.ipynb"]["score"] == full
        assert rows["reference-export.zip"]["score"] == full
        assert rows["untouched-student-release.ipynb"]["status"] == "ok"
        assert rows["untouched-student-release.ipynb"]["score"] == "0"
        wrong = [r for name, r in rows.items() if name.startswith("wrong-")]
        assert wrong and all(0 <= float(r["score"]) < ch.max_score for r in wrong)
        assert rows["corrupt.ipynb"]["status"] == "invalid"
