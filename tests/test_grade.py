"""`mlmathkit grade` against a catalogue of broken and hostile submissions.

Every hostile submission must score exactly what the honest stub scores (0 here), leave no trace
outside its sandbox, and not disturb a correct submission graded in the same batch.
"""

from __future__ import annotations

import csv
import json
import os
import pickle
import shutil
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import zipfile
from pathlib import Path

import nbformat
import pytest

from mlmathkit.gradebook import LEADING_COLUMNS
from mlmathkit.release import release_chapter
from test_sandbox import _uid_counter

CORRECT = "def square(x):\n    return x * x\n"


def run_grade(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", *args], cwd=root,
                          capture_output=True, text=True, timeout=900)


def read_rows(out: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    with open(out / "grades.csv", newline="") as f:
        header = next(csv.reader(f))
    with open(out / "grades.csv", newline="") as f:
        return header, {r["submission"]: r for r in csv.DictReader(f)}


def student_with(ch, code: str) -> nbformat.NotebookNode:
    nb = nbformat.read(ch.student_notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(textwrap.dedent(code)))  # after the stubs, as a student would
    return nb


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Grade the whole hostile catalogue once, in one batch with correct submissions."""
    from conftest import make_tiny_course
    from mlmathkit.course import load_course

    base = tmp_path_factory.mktemp("hostile")
    course = load_course(make_tiny_course(base / "course"))
    ch = course.chapter("ch01_probability")
    release_chapter(ch, course.root / "build")
    subs, out, traces = base / "subs", base / "out", base / "traces"
    subs.mkdir()
    traces.mkdir()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    accepted: list[object] = []

    def accept_loop():
        while not stop.is_set():
            try:
                accepted.append(listener.accept())
            except OSError:
                pass

    stop = threading.Event()
    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()

    secrets_glob = f"{course.root}/**/*.py"
    hostile = {
        "patch-numpy-compare": """
            import numpy as np, numpy.testing
            np.allclose = lambda *a, **k: True
            np.testing.assert_allclose = lambda *a, **k: None
            np.isclose = lambda *a, **k: True
            def square(x):
                return 0.0
        """,
        "always-equal": """
            class Eq(float):
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                __hash__ = float.__hash__
            def square(x):
                return Eq(0.0)
        """,
        "ndarray-subclass": """
            import numpy as np
            class Liar(np.ndarray):
                def __array_ufunc__(self, *a, **k): return True
                def __array_function__(self, *a, **k): return True
                def __eq__(self, o): return True
            def square(x):
                return np.zeros(()).view(Liar)
        """,
        "array-float-hooks": """
            class Hook:
                def __array__(self, dtype=None, copy=None):
                    import numpy as np; return np.array(52.5625)
                def __float__(self): return 9.0
            def square(x):
                return Hook()
        """,
        "read-hidden-tests": f"""
            import glob, os
            found = glob.glob({secrets_glob!r}, recursive=True) + glob.glob("/proc/*/cwd/tests/*.py") \\
                + glob.glob("/proc/*/root/{str(course.root).lstrip('/')}/autograder/*/tests/*.py")
            for root, dirs, files in os.walk("/tmp"):
                found += [os.path.join(root, f) for f in files]
            SECRET = "".join(open(f).read() for f in found if os.path.isfile(f))
            def square(x):
                return x * x if "hidden_marker_value" in SECRET else 0.0
        """,
        "patch-otter-runner": """
            import otter, otter.test_files
            otter.test_files.abstract_test.TestFile.run = lambda self, env: None
            def square(x):
                return 0.0
        """,
        "hide-tracebacks": """
            import os, sys, traceback
            sys.excepthook = lambda *a: None
            traceback.print_exc = lambda *a, **k: None
            sys.stderr = open(os.devnull, "w")
            def square(x):
                raise ValueError("\\x1b[2J" * 50)
        """,
        "os-exit": """
            import os
            os._exit(0)
        """,
        "kill-parent": """
            import os, signal
            for pid in [os.getppid(), 1]:
                try: os.kill(pid, signal.SIGKILL)
                except OSError: pass
            for entry in os.listdir("/proc"):
                if entry.isdigit() and int(entry) != os.getpid():
                    try: os.kill(int(entry), signal.SIGKILL)
                    except OSError: pass
            def square(x):
                return 0.0
        """,
        "infinite-loop": """
            while True:
                pass
        """,
        "sigterm-ignored-sleep": """
            import signal, time
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            time.sleep(10**6)
        """,
        "loop-in-answer": """
            def square(x):
                while True:
                    pass
        """,
        "memory-bomb": """
            hog = bytearray(64 * 2**30)
        """,
        "fork-bomb": """
            import os
            for _ in range(10**4):
                os.fork()
        """,
        "output-flood": """
            import os
            for _ in range(200_000):
                print("x" * 5000)
            os.write(1, b"y" * 10**7)
        """,
        "endless-thread": """
            import threading, time
            threading.Thread(target=lambda: time.sleep(10**6)).start()
            def square(x):
                return 0.0
        """,
        "network": f"""
            import socket
            for host in ["127.0.0.1", "localhost", "::1"]:
                try:
                    socket.create_connection((host, {port}), timeout=2).sendall(b"leak")
                except OSError:
                    pass
            def square(x):
                return 0.0
        """,
        "write-outside": f"""
            import os, json
            for path in [{str(traces / 'written')!r}, {str(out / 'results' / 'correct.json')!r},
                         {str(out / 'grades.csv')!r}, {str(course.root / 'autograder' / 'pwned')!r},
                         "/tmp/mlmathkit-pwned", "/dev/shm/mlmathkit-pwned", "/var/tmp/mlmathkit-pwned"]:
                try:
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "w") as f:
                        json.dump({{"score": 100}}, f)
                except OSError:
                    pass
            def square(x):
                return 0.0
        """,
        "returns-unsendable": """
            def square(x):
                return lambda: x * x
        """,
    }
    for name, code in hostile.items():
        nbformat.write(student_with(ch, code), subs / f"{name}.ipynb")
    shutil.copyfile(ch.reference_notebook, subs / "correct.ipynb")
    nbformat.write(student_with(ch, CORRECT), subs / "correct-in-cell.ipynb")
    shutil.copyfile(ch.student_notebook, subs / "untouched.ipynb")
    (subs / "empty.ipynb").write_text("")
    (subs / "truncated.ipynb").write_text(ch.student_notebook.read_text()[:300])
    (subs / "not-a-notebook.ipynb").write_text(json.dumps({"hello": "world"}))
    (subs / "garbage.zip").write_bytes(b"PK\x03\x04 definitely not a zip")
    marker = traces / "unpickled"
    with zipfile.ZipFile(subs / "traversal.zip", "w") as zf:
        zf.writestr("../../escaped.ipynb", ch.reference_notebook.read_text())
    with zipfile.ZipFile(subs / "symlink.zip", "w") as zf:
        info = zipfile.ZipInfo("ch01_probability.ipynb")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, str(ch.reference_notebook))
    with zipfile.ZipFile(subs / "pickled-log.zip", "w") as zf:  # export shape, with a booby-trapped log
        zf.writestr("ch01_probability.ipynb", nbformat.writes(student_with(ch, "def square(x):\n    return 0.0")))

        class Boom:
            def __reduce__(self):
                return (os.system, (f"touch {marker}",))

        zf.writestr(".OTTER_LOG", pickle.dumps(Boom()))
    with zipfile.ZipFile(subs / "export.zip", "w") as zf:
        zf.writestr("ch01_probability.ipynb", ch.reference_notebook.read_text())
    with zipfile.ZipFile(subs / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ch01_probability.ipynb", b" " * (64 * 2**20))
    nb = nbformat.read(ch.reference_notebook, as_version=4)
    nb.metadata = {}
    nbformat.write(nb, subs / "stripped-metadata.ipynb")
    nb = nbformat.read(ch.reference_notebook, as_version=4)
    for cell in nb.cells:
        cell["id"] = "same"
    (subs / "duplicate-cell-ids.ipynb").write_text(json.dumps(nb))

    uid_before = _uid_counter()
    proc = run_grade(course.root, "ch01_probability", str(subs), "--out", str(out), "--timeout", "8", "--jobs", "2")
    stop.set()
    thread.join()
    listener.close()
    return {"proc": proc, "out": out, "subs": subs, "traces": traces, "course": course, "ch": ch,
            "hostile": list(hostile), "accepted": accepted, "marker": marker, "base": base,
            "uids": range(uid_before, _uid_counter())}


def test_batch_completes_with_exact_columns(batch):
    assert batch["proc"].returncode == 0, batch["proc"].stderr
    header, rows = read_rows(batch["out"])
    assert tuple(header[:5]) == LEADING_COLUMNS and header[5:] == ["q1_square", "reason"]
    assert len(rows) == len(list(batch["subs"].iterdir()))
    assert "submissions:" in batch["proc"].stdout and "mean score" in batch["proc"].stdout


def test_correct_submissions_keep_full_marks(batch):
    _, rows = read_rows(batch["out"])
    for name in ["correct.ipynb", "correct-in-cell.ipynb", "export.zip", "stripped-metadata.ipynb",
                 "duplicate-cell-ids.ipynb"]:
        assert (rows[name]["status"], rows[name]["score"]) == ("ok", "2"), (name, rows[name])


def test_every_hostile_submission_scores_what_the_stub_scores(batch):
    _, rows = read_rows(batch["out"])
    assert rows["untouched.ipynb"]["score"] == "0"
    for name in batch["hostile"]:
        assert rows[f"{name}.ipynb"]["score"] == "0", (name, rows[f"{name}.ipynb"])


@pytest.mark.parametrize("name, status", [
    ("infinite-loop", "timeout"), ("sigterm-ignored-sleep", "timeout"), ("loop-in-answer", "timeout"),
    ("memory-bomb", "memory"), ("os-exit", "error"), ("patch-numpy-compare", "ok"), ("output-flood", "ok"),
])
def test_statuses(batch, name, status):
    _, rows = read_rows(batch["out"])
    assert rows[f"{name}.ipynb"]["status"] == status, rows[f"{name}.ipynb"]


@pytest.mark.parametrize("name", ["empty.ipynb", "truncated.ipynb", "not-a-notebook.ipynb", "garbage.zip",
                                  "traversal.zip", "symlink.zip", "bomb.zip"])
def test_broken_files_are_invalid_rows_with_reasons(batch, name):
    _, rows = read_rows(batch["out"])
    assert rows[name]["status"] == "invalid" and rows[name]["score"] == "0" and rows[name]["reason"]


def test_no_trace_outside_the_sandbox(batch):
    assert not batch["accepted"], "a sandbox reached a loopback server"
    assert not list(batch["traces"].iterdir())
    assert not batch["marker"].exists(), "the pickled .OTTER_LOG was unpickled"
    assert not (batch["course"].root / "autograder" / "pwned").exists()
    for path in ["/tmp/mlmathkit-pwned", "/dev/shm/mlmathkit-pwned", "/var/tmp/mlmathkit-pwned"]:
        assert not Path(path).exists()
    assert not (batch["base"] / "escaped.ipynb").exists()
    correct = json.loads(next((batch["out"] / "results").glob("correct-*.json")).read_text())
    assert correct["score"] == 2 and correct["extra_data"]["status"] == "ok"
    for pid_dir in Path("/proc").iterdir():  # no sandboxed process outlives the batch
        try:
            assert pid_dir.stat().st_uid not in batch["uids"] or not pid_dir.name.isdigit()
        except FileNotFoundError:
            pass


def test_feedback_shows_public_messages_but_never_hidden_code_or_values(batch):
    feedback = next((batch["out"] / "feedback").glob("untouched-*.md")).read_text()
    assert "test_public" in feedback and "not implemented yet" in feedback
    assert "❌ hidden test (0/1)" in feedback
    for secret in ["52.5625", "-7.25", "hidden_marker_value"]:
        for path in (batch["out"] / "feedback").iterdir():
            assert secret not in path.read_text(), (secret, path.name)
        for path in (batch["out"] / "results").iterdir():
            assert secret not in path.read_text(), (secret, path.name)
    crash = next((batch["out"] / "feedback").glob("hide-tracebacks-*.md")).read_text()
    assert "ValueError" in crash


def test_rerun_skips_unchanged_and_force_regrades(batch, tmp_path):
    course, out = batch["course"], tmp_path / "out"
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copyfile(batch["subs"] / "correct.ipynb", subs / "a.ipynb")
    shutil.copyfile(batch["subs"] / "untouched.ipynb", subs / "b.ipynb")
    assert run_grade(course.root, "ch01_probability", str(subs), "--out", str(out)).returncode == 0
    proc = run_grade(course.root, "ch01_probability", str(subs), "--out", str(out))
    assert "2 submission(s) unchanged" in proc.stdout
    shutil.copyfile(batch["subs"] / "correct.ipynb", subs / "b.ipynb")  # b changed: regraded
    proc = run_grade(course.root, "ch01_probability", str(subs), "--out", str(out))
    assert "1 submission(s) unchanged" in proc.stdout
    assert read_rows(out)[1]["b.ipynb"]["score"] == "2"
    proc = run_grade(course.root, "ch01_probability", str(subs), "--out", str(out), "--force")
    assert "unchanged since the last run" not in proc.stdout


def test_grader_that_cannot_run_exits_nonzero(tmp_path):
    from conftest import make_tiny_course

    root = make_tiny_course(tmp_path / "c")  # never released: no autograder bundle
    proc = run_grade(root, "ch01_probability", str(tmp_path), "--out", str(tmp_path / "o"))
    assert proc.returncode != 0 and "release" in proc.stderr


def test_real_chapters_reference_full_untouched_zero_mistake_between(course, tmp_path):
    from mlmathkit.demo import example_submissions

    for ch in course.released():
        subs = example_submissions(ch, tmp_path / ch.id)
        out = tmp_path / f"{ch.id}-out"
        proc = run_grade(course.root, ch.id, *map(str, subs), "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        _, rows = read_rows(out)
        full = f"{ch.max_score:g}"
        assert (rows["reference.ipynb"]["status"], rows["reference.ipynb"]["score"]) == ("ok", full)
        assert rows["reference-export.zip"]["score"] == full
        assert rows["untouched-student-release.ipynb"]["score"] == "0"
        wrong = [r for name, r in rows.items() if name.startswith("wrong-")]
        assert wrong and all(0 <= float(r["score"]) < ch.max_score for r in wrong)
        assert rows["corrupt.ipynb"]["status"] == "invalid"


def test_otter_run_still_grades_the_bundle(course, tmp_path):
    """Courses on `otter run` / Gradescope lose nothing: the bundle gives the reference full marks."""
    ch = course.released()[0]
    proc = subprocess.run([sys.executable, "-m", "otter", "run", "-a", str(ch.autograder_zip), "-o", str(tmp_path),
                           str(ch.reference_notebook)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    results = json.loads((tmp_path / "results.json").read_text())
    scored = [t for t in results["tests"] if "max_score" in t]
    assert sum(t["score"] for t in scored) == pytest.approx(ch.max_score)


def test_without_namespaces_the_grader_warns_and_still_limits(tmp_path):
    """Where no sandbox can be built: a loud warning, but limits, the kill and the trust split still hold."""
    from conftest import make_tiny_course
    from mlmathkit.course import load_course

    course = load_course(make_tiny_course(tmp_path / "c"))
    ch = course.chapter("ch01_probability")
    release_chapter(ch, course.root / "build")
    subs = tmp_path / "subs"
    subs.mkdir()
    shutil.copyfile(ch.reference_notebook, subs / "correct.ipynb")
    nbformat.write(student_with(ch, """
        import numpy as np
        np.allclose = lambda *a, **k: True
        def square(x):
            return 0.0
    """), subs / "patched.ipynb")
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="mlmathkit-fallback-", dir="/tmp"))
    shared.chmod(0o777)  # the sandbox runs as an unprivileged uid
    pids = shared / "pids"  # without isolation the submission can tell us its processes
    nbformat.write(student_with(ch, f"import os\nfor _ in range(5):\n    os.fork()\nopen({str(pids)!r}, 'a').write(f'{{os.getpid()}}\\n')\n"
                                    "while True:\n    pass"), subs / "forks-and-loops.ipynb")
    env = {**os.environ, "MLMATHKIT_SANDBOX": "none"}
    proc = subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", "ch01_probability", str(subs), "--out",
                           str(tmp_path / "out"), "--timeout", "5"], cwd=course.root, capture_output=True, text=True,
                          timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING: sandbox mechanisms unavailable here: all isolation" in proc.stderr
    _, rows = read_rows(tmp_path / "out")
    assert (rows["correct.ipynb"]["status"], rows["correct.ipynb"]["score"]) == ("ok", "2")
    assert rows["patched.ipynb"]["score"] == "0"
    assert (rows["forks-and-loops.ipynb"]["status"], rows["forks-and-loops.ipynb"]["score"]) == ("timeout", "0")
    started = [int(p) for p in pids.read_text().split()]
    assert len(started) == 32
    alive = [p for p in started if Path(f"/proc/{p}").exists() and "Z" not in Path(f"/proc/{p}/stat").read_text().split()[2]]
    assert not alive, "the whole process group must be killed"
    shutil.rmtree(shared)
