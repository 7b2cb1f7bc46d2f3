"""Immutability and forbidden routines: the notebook's checks and the autograder agree, aliases count."""

from __future__ import annotations

import csv
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import numpy as np
import pytest

from mlmathkit.checks import ForbiddenRoutine, ModifiedInput, NotDefined, guarded

CENTER_SOURCE = textwrap.dedent('''\
    # %% [markdown]
    # # Centring

    # %% [raw]
    # # BEGIN QUESTION
    # name: q1_center

    # %% [markdown]
    # Centre the columns of X without calling `numpy.mean`.

    # %% [raw]
    # # BEGIN SOLUTION

    # %%
    def center(X):
        """X minus its column means; X is not modified."""
        import numpy as np
        # BEGIN SOLUTION
        return X - X.sum(axis=0) / len(X)
        # END SOLUTION

    # %% [raw]
    # # END SOLUTION

    # %% [raw]
    # # BEGIN TESTS

    # %%
    def test_worked_example(center):
        import numpy as np
        from mlmathkit_checks import close
        close(center(np.array([[1.0, 2.0], [3.0, 6.0]])), [[-1.0, -2.0], [1.0, 2.0]])

    # %%
    # HIDDEN
    def test_random(center):
        """A random tall matrix."""
        import numpy as np
        from mlmathkit_checks import close
        X = np.random.default_rng(0).normal(size=(7, 3))
        close(center(X), X - X.sum(axis=0) / 7)

    # %% [raw]
    # # END TESTS

    # %% [raw]
    # # END QUESTION
''')

SUBMISSIONS = {
    "correct": "def center(X):\n    return X - X.sum(axis=0) / len(X)\n",
    "in-place": "def center(X):\n    X -= X.sum(axis=0) / len(X)\n    return X\n",
    "forbidden": "import numpy as np\ndef center(X):\n    return X - np.mean(X, axis=0)\n",
    "forbidden-alias": "from numpy import mean as average_of\ndef helper(X):\n    return average_of(X, axis=0)\n"
                       "def center(X):\n    return X - helper(X)\n",
    "forbidden-method": "def center(X):\n    return X - X.mean(axis=0)\n",
}


def test_guarded_catches_aliases_methods_and_in_place_changes():
    from numpy.linalg import qr as q

    X = np.arange(6.0).reshape(3, 2)
    with pytest.raises(ForbiddenRoutine, match="numpy.linalg.qr"):
        guarded(lambda A: q(A)[0], "f", ("numpy.linalg.qr",))(X)
    with pytest.raises(ForbiddenRoutine, match="scipy.linalg"):
        import scipy.linalg

        guarded(lambda A: scipy.linalg.lu(A)[0], "f", ("scipy.linalg",))(X)
    with pytest.raises(ModifiedInput, match="argument `A`"):
        def f(A, b):
            A[0, 0] = 99.0
            return A
        guarded(f, "f")(X.copy(), 1.0)
    with pytest.raises(ModifiedInput, match=r"argument `pair\[1\]`"):
        def g(pair):
            pair[1] *= 2
            return pair
        guarded(g, "g")([X.copy(), X.copy()])
    with pytest.raises(NotDefined, match="run the cell"):
        guarded(None, "center")
    assert guarded(lambda A: np.linalg.svd(A)[1], "f", ("numpy.linalg.qr",))(X).shape == (2,)  # others are fine


def _course(tmp_path):
    from conftest import make_tiny_course
    from mlmathkit.course import load_course
    from mlmathkit.release import release_chapter

    root = make_tiny_course(tmp_path / "course", CENTER_SOURCE)
    (root / "assignments" / "course.yml").write_text(
        "course: tiny\nchapters:\n  ch01_probability:\n    title: Tiny\n    questions:\n"
        "      q1_center: {points: 2, forbid: [numpy.mean, numpy.ndarray.mean]}\n")
    ch = load_course(root).chapter("ch01_probability")
    release_chapter(ch, root / "build")
    return ch


def test_notebook_checks_and_grader_agree(tmp_path):
    from mlmathkit.scoring import exec_cells, score_question

    ch = _course(tmp_path)
    subs = tmp_path / "subs"
    subs.mkdir()
    in_notebook = {}
    for name, code in SUBMISSIONS.items():
        nb = nbformat.read(ch.student_notebook, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(code))
        nbformat.write(nb, subs / f"{name}.ipynb")
        env = exec_cells([c.source for c in nb.cells if c.cell_type == "code"])
        public = [c for c in score_question(ch, "q1_center", env).cases if not c.hidden]
        in_notebook[name] = public[0].message
    proc = subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", ch.id, str(subs), "--out",
                           str(tmp_path / "out")], cwd=ch.root, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    with open(tmp_path / "out" / "grades.csv", newline="") as f:
        rows = {Path(r["submission"]).stem: r for r in csv.DictReader(f)}
    assert rows["correct"]["score"] == "2" and in_notebook["correct"] == ""
    for name, expected in [("in-place", "modified its argument `X`"), ("forbidden", "numpy.mean"),
                           ("forbidden-alias", "numpy.mean"), ("forbidden-method", "numpy.ndarray.mean")]:
        assert rows[name]["score"] == "0", (name, rows[name])
        assert expected in in_notebook[name], (name, in_notebook[name])
        feedback = next((tmp_path / "out" / "feedback").glob(f"{name}-*.md")).read_text()
        assert expected.replace("`", "") in feedback.replace("`", "").replace("\\", ""), (name, feedback)


def test_an_exception_in_student_code_names_the_students_line(tmp_path):
    from mlmathkit.checks import StudentError

    source = tmp_path / "student_cell.py"  # stands in for a notebook cell: any file outside the libraries
    source.write_text("def helper(X):\n    return X[5, 0] + 1\n\ndef center(X):\n    return X - helper(X)\n")
    env: dict = {}
    exec(compile(source.read_text(), str(source), "exec"), env)
    with pytest.raises(StudentError) as info:
        guarded(env["center"], "center")(np.zeros((2, 2)))
    message = str(info.value)
    assert message.startswith("your `center` raised IndexError (at line 2 of your code: `return X[5, 0] + 1`)"), message
