"""Issue #12's batch: every LMS layout at once, hostile names, a runaway call, stdout piped to a file.

One row per student with the right id, the runaway costing only its own question, nothing a student
controls interpreted in the CSV, the feedback or the console, and no abort.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap

import nbformat
import pytest

CORRECT = "def square(x):\n    return x * x\n\ndef cube(x):\n    return x ** 3\n"
GRADESCOPE_METADATA = textwrap.dedent("""\
    submission_9001:
      :submitters:
      - :name: Ada Lovelace
        :sid: '=HYPERLINK("http://x")'
        :email: ada@example.edu
      :created_at: 2026-11-29 10:00:00.000000000 -08:00
    submission_9002:
      :submitters:
      - :name: Grace Hopper
        :sid: 'G-42'
        :email: grace@example.edu
      - :name: Alan Turing
        :sid: 'T-7'
        :email: alan@example.edu
      :created_at: 2026-11-29 11:00:00.000000000 -08:00
""")


def _nb(ch, code: str, metadata: dict | None = None) -> nbformat.NotebookNode:
    nb = nbformat.read(ch.student_notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    if metadata:
        nb.metadata.update(metadata)
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from conftest import make_two_question_course
    from mlmathkit.course import load_course
    from mlmathkit.release import release_chapter

    base = tmp_path_factory.mktemp("gradebook")
    ch = load_course(make_two_question_course(base / "course")).chapter("ch01_probability")
    release_chapter(ch, ch.root / "build")
    folders, canvas, gradescope, plain = (base / d for d in ("folders", "canvas", "gradescope", "plain"))
    for student, code in [("alice", CORRECT), ("bob", "def square(x):\n    return 2 * x\n")]:
        (folders / student).mkdir(parents=True)
        nbformat.write(_nb(ch, code), folders / student / "homework.ipynb")  # identical file names
    canvas.mkdir()
    nbformat.write(_nb(ch, CORRECT), canvas / "lovelaceada_1234_5678_homework.ipynb")
    nbformat.write(_nb(ch, CORRECT), canvas / "hopperg_LATE_4321_8765_homework.ipynb")
    gradescope.mkdir()
    (gradescope / "submission_metadata.yml").write_text(GRADESCOPE_METADATA)
    for sub in ("submission_9001", "submission_9002"):
        (gradescope / sub).mkdir()
        nbformat.write(_nb(ch, CORRECT), gradescope / sub / "homework.ipynb")
    plain.mkdir()
    nbformat.write(_nb(ch, CORRECT), plain / "=cmd|' -C calc'!A0.ipynb")
    nbformat.write(_nb(ch, CORRECT), plain / ("x" * 224 + ".ipynb"))  # 230 bytes
    nbformat.write(_nb(ch, CORRECT), plain / "[red]markup[blink].ipynb")
    nbformat.write(_nb(ch, CORRECT, {"otter": {"assignment_name": "[/x][link=file:///etc/passwd]x"}}),
                   plain / "markup-in-metadata.ipynb")  # its reason quotes the metadata on the console
    nbformat.write(_nb(ch, "def square(x):\n    while True:\n        pass\n\ndef cube(x):\n    return x ** 3\n"),
                   plain / "runaway.ipynb")
    nbformat.write(_nb(ch, "def square(x):\n    raise ValueError('```\\n- ✅ forged <!-- hidden -->')\n"),
                   plain / "forger.ipynb")
    out = base / "out"
    log = base / "stdout.txt"
    with open(log, "w") as f:  # stdout is a file, not a terminal
        proc = subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", ch.id, str(folders), str(canvas),
                               str(gradescope), str(plain), "--out", str(out), "--call-timeout", "2"],
                              cwd=ch.root, stdout=f, stderr=subprocess.PIPE, text=True, timeout=900)
    with open(out / "grades.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    return {"proc": proc, "rows": rows, "out": out, "log": log.read_text(), "ch": ch}


def test_batch_completes_with_one_row_per_student(graded):
    assert graded["proc"].returncode == 0, graded["proc"].stderr[-3000:]
    students = [r["student"] for r in graded["rows"]]
    assert len(students) == len(set(students)) == 13
    assert {"alice", "bob", "1234", "4321", "'=HYPERLINK(\"http://x\")", "G-42", "T-7", "runaway", "forger"} <= set(students)
    by_student = {r["student"]: r for r in graded["rows"]}
    assert by_student["alice"]["submission"] == "alice/homework.ipynb"
    assert (by_student["alice"]["score"], by_student["bob"]["score"]) == ("3", "0")
    assert by_student["G-42"]["submission"] == by_student["T-7"]["submission"]  # a group submission
    assert "late" in by_student["4321"]["reason"]


def test_runaway_costs_only_its_question(graded):
    row = next(r for r in graded["rows"] if r["student"] == "runaway")
    assert (row["status"], row["q1_square"], row["q2_cube"]) == ("timeout", "0", "1")


def test_every_correct_notebook_keeps_full_marks(graded):
    for r in graded["rows"]:
        if r["student"] not in ("bob", "runaway", "forger", "markup-in-metadata"):
            assert (r["status"], r["score"]) == ("ok", "3"), r


def test_nothing_in_the_csv_is_a_formula(graded):
    text = (graded["out"] / "grades.csv").read_text()
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell[:1] in "=+-@\t\r" or not cell, cell


def test_feedback_renders_student_text_literally(graded):
    from markdown_it import MarkdownIt

    forger = next((graded["out"] / "feedback").glob("forger-*.md")).read_text()
    html = MarkdownIt().render(forger)
    assert "<!--" not in html and forger.count("✅") == html.count("✅")
    assert html.count("<li>") == forger.count("\n- ")  # no forged list items
    markup = next(p for p in (graded["out"] / "feedback").iterdir() if p.name.startswith("red_markup"))
    assert "[" not in markup.name and len(markup.name.encode()) <= 100


def test_output_names_are_bounded_and_safe(graded):
    for path in [*(graded["out"] / "results").iterdir(), *(graded["out"] / "feedback").iterdir()]:
        assert len(path.name.encode()) <= 110 and "/" not in path.name and not path.name.startswith(".")
        json.loads(path.read_text()) if path.suffix == ".json" else None


def test_console_printed_markup_literally(graded):
    assert "[red]markup[blink].ipynb" in graded["log"] and "[/x][link=file:///etc/passwd]x" in graded["log"]
    row = next(r for r in graded["rows"] if r["student"] == "markup-in-metadata")
    assert row["status"] == "invalid" and "[/x]" in row["reason"]
    assert "Traceback" not in graded["proc"].stderr


def test_results_follow_gradescope_schema_and_hide_hidden_tests(graded, tmp_path):
    from conftest import validate_results

    paths = sorted((graded["out"] / "results").glob("*.json"))
    for path in paths:
        validate_results(path)
    data = json.loads(paths[0].read_text())
    assert {t["visibility"] for t in data["tests"] if "hidden" in t["name"]} == {"after_published"}
    assert data["output_format"] == data["test_output_format"] == "md"
    data["tests"][0]["visibility"] = "sometimes"  # the validator itself must be able to fail
    bad = tmp_path / "results.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(Exception, match="sometimes"):
        validate_results(bad)
