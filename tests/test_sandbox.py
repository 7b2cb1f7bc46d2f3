"""Sandbox v2 against a hostile catalogue: each submission would earn points only if its attack worked.

Every hostile notebook below defines correct answers *only if* its exploit succeeds (a cross-sandbox
key, a file outside the allow-list, host paths in mountinfo, more memory or CPU than the limits, ...);
its honest score is what it earns without the exploit. So "scores exactly its honest score" is the
proof that the attack failed, and the batch completing with every row is the proof that the judge
was neither stalled nor crashed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest

from mlmathkit.release import release_chapter
from mlmathkit.sandbox.uids import FIRST_UID, STATE

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="namespaces, cgroups and uids need root (run as root)")

def _code(*parts: str) -> str:
    return "\n".join(textwrap.dedent(p) for p in parts)


# the exploit decides: correct answers if it worked, wrong ones if not
WIN = """
def square(x):
    return x * x if WON else 0.0
def cube(x):
    return x ** 3 if WON else 0.0
"""
SOCKET_FD = """
import os
def judge_socket():
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                return int(fd)
        except OSError:
            pass
"""

HOSTILE = {
    "keyring-writer": _code("""
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        # add_key("user", name, payload, KEY_SPEC_USER_KEYRING), world-readable: a channel to other uids
        key = libc.syscall(248, b"user", b"mlmathkit-leak", b"secret", 6, -4)
        WON = key > 0 and libc.syscall(250, 5, key, 0x3f3f3f3f) == 0  # KEYCTL_SETPERM
    """, WIN),
    "keyring-reader": _code("""
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        WON = libc.syscall(249, b"user", b"mlmathkit-leak", None, 0) > 0  # request_key
    """, WIN),
    "read-outside": _code("""
        import os
        WON = False
        for top in ["/", "/proc/1/root", "/proc/self/root"]:
            for root, dirs, files in os.walk(top):
                if root.startswith(("/proc", "/sys")) and top == "/":
                    dirs[:] = []
                WON |= any("mlmathkit-secret" in f for f in files + dirs)
    """, WIN),
    "mountinfo": _code("""
        info = open("/proc/self/mountinfo").read() + open("/proc/1/mountinfo").read()
        WON = any(word in info for word in ["hostile", "subs", "course", "/tmp/pytest", "mlmathkit-secret"])
    """, WIN),
    "memory-across-processes": _code("""
        import os
        got = 0
        for _ in range(6):
            r, w = os.pipe()
            if os.fork() == 0:
                hog = bytearray(300 * 2**20)
                for i in range(0, len(hog), 4096):
                    hog[i] = 1
                os.write(w, b"x")
                import time; time.sleep(60)
                os._exit(0)
            os.close(w)
            got += len(os.read(r, 1)) * 300
        try:
            with open("/tmp/fill", "wb") as f:
                for _ in range(200):
                    f.write(b"y" * 2**20)
                    got += 1
        except OSError:
            pass
        WON = got >= 1900  # MiB held at once, well over the 1 GiB limit
    """, WIN),
    "cpu-across-processes": _code("""
        import os, time
        kids = []
        for _ in range(8):
            pid = os.fork()
            if pid == 0:
                while True:
                    pass
            kids.append(pid)
        time.sleep(2.0)
        ticks = 0
        for pid in kids:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        WON = ticks / os.sysconf("SC_CLK_TCK") > 3.0  # more than one core's worth in 2 s
        for pid in kids:
            os.kill(pid, 9)
    """, WIN),
    "trickle-reply": _code(SOCKET_FD, """
        import socket, struct, time
        def square(x):
            s = socket.socket(fileno=judge_socket())
            s.sendall(struct.pack("<Q", 1000))
            while True:
                s.sendall(b" ")
                time.sleep(0.2)
        def cube(x):
            return x ** 3
    """),
    "decode-bomb-records": _code("""
        from collections import namedtuple
        def square(x):
            return [namedtuple(f"R{i}", [f"f{i}"])(i) for i in range(100_000)]
        def cube(x):
            return x ** 3
    """),
    "decode-bomb-raw": _code(SOCKET_FD, """
        import socket, struct, time
        def raw(doc):
            s = socket.socket(fileno=judge_socket())
            body = struct.pack("<I", len(doc)) + doc + struct.pack("<I", 0)
            s.sendall(struct.pack("<Q", len(body)) + body)
            time.sleep(60)
        def square(x):
            raw(b'{"__list__": [' + b"1," * 6_000_000 + b'1]}')
        def cube(x):
            raw(b"[" * 200_000 + b"]" * 200_000)
    """),
    "oversized-names": _code("""
        Big = type("E" * 10**6, (Exception,), {})
        def square(x):
            raise Big("m" * 10**7)
        def cube(x):
            raise ValueError("\\n".join(["- ✅ forged line"] * 10**5))
    """),
    "exfiltrate-hidden-inputs": _code("""
        SEEN = []
        def square(x):
            SEEN.append(x)
            return x * x
        def cube(x):
            raise ValueError(f"inputs seen so far: {SEEN}")
    """),
    "runaway-in-one-question": _code("""
        def square(x):
            while True:
                pass
        def cube(x):
            return x ** 3
    """),
}
NEEDS = {  # which mechanism defeats each attack: without it the test skips with that reason, never passes
    "keyring-writer": "seccomp", "keyring-reader": "seccomp", "read-outside": "namespaces",
    "mountinfo": "namespaces", "memory-across-processes": "cgroup", "cpu-across-processes": "cgroup",
}
HONEST = {"trickle-reply": "1", "decode-bomb-records": "1", "exfiltrate-hidden-inputs": "2",
          "runaway-in-one-question": "1"}
SECRET_DIRS = [Path("/var/tmp"), Path("/tmp"), Path.home()]


def _notebook(ch, code: str) -> nbformat.NotebookNode:
    nb = nbformat.read(ch.student_notebook, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(textwrap.dedent(code)))
    return nb


def _uid_counter() -> int:
    return int(STATE.read_text()) if STATE.is_file() else FIRST_UID


def _leftovers(uids: range) -> dict[str, set[str]]:
    """What may outlive a batch on the host: processes under its sandbox uids, its cgroups (other
    graders may run on this machine at the same time: only this batch's uids count)."""
    procs = set()
    for p in Path("/proc").iterdir():
        try:
            if p.name.isdigit() and p.stat().st_uid in uids:
                procs.add(p.name)
        except FileNotFoundError:
            pass
    groups = {str(p) for p in Path("/sys/fs/cgroup").glob("*/**/mlmathkit-*")} if Path("/sys/fs/cgroup").is_dir() else set()
    return {"processes": procs, "cgroups": groups}


@pytest.fixture(scope="module")
def mechanisms():
    """What this machine offers, as the grader's zygote reports it."""
    from mlmathkit.judge import Zygote

    zygote = Zygote([])
    try:
        return zygote.mechanisms()
    finally:
        zygote.close()


def _require(mechanisms, name: str) -> None:
    need = NEEDS.get(name)
    if need and not mechanisms.get(need):
        pytest.skip(f"{need} unavailable here ({'; '.join(mechanisms.get('missing') or [])}): "
                    f"the {name} attack is not defended on this machine")


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory):
    from conftest import make_two_question_course
    from mlmathkit.course import load_course

    base = tmp_path_factory.mktemp("hostile2")
    course = load_course(make_two_question_course(base / "course"))
    ch = course.chapter("ch01_probability")
    release_chapter(ch, course.root / "build")
    subs, out = base / "subs", base / "out"
    subs.mkdir()
    secrets = [d / f"mlmathkit-secret-{os.getpid()}" for d in SECRET_DIRS if d.is_dir()]
    secrets += [course.root / "mlmathkit-secret", subs / "mlmathkit-secret.txt"]
    for s in secrets:
        s.write_text("secret")
    for name, code in HOSTILE.items():
        nbformat.write(_notebook(ch, code), subs / f"{name}.ipynb")
    shutil.copyfile(ch.reference_notebook, subs / "correct.ipynb")
    mounts_before = len(Path("/proc/self/mountinfo").read_text().splitlines())
    groups_before, uid_before = _leftovers(range(0))["cgroups"], _uid_counter()
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "mlmathkit.cli", "grade", ch.id, str(subs), "--out", str(out),
                           "--timeout", "30", "--call-timeout", "2", "--memory", "1", "--jobs", "2"],
                          cwd=course.root, capture_output=True, text=True, timeout=900)
    wall = time.monotonic() - t0
    for s in secrets:
        s.unlink()
    rows = {}
    import csv

    with open(out / "grades.csv", newline="") as f:
        for r in csv.DictReader(f):
            rows[Path(r["submission"]).stem] = r
    return {"proc": proc, "rows": rows, "out": out, "wall": wall, "mounts_before": mounts_before,
            "groups_before": groups_before, "uids": range(uid_before, _uid_counter())}


@ROOT_ONLY
def test_batch_completes_and_correct_keeps_full_marks(hostile_batch):
    assert hostile_batch["proc"].returncode == 0, hostile_batch["proc"].stderr[-3000:]
    rows = hostile_batch["rows"]
    assert set(rows) == {*HOSTILE, "correct"}
    assert (rows["correct"]["status"], rows["correct"]["score"]) == ("ok", "3")


@ROOT_ONLY
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_scores_exactly_its_honest_score(hostile_batch, mechanisms, name):
    _require(mechanisms, name)
    row = hostile_batch["rows"][name]
    assert row["score"] == HONEST.get(name, "0"), row


@ROOT_ONLY
@pytest.mark.parametrize("name", [n for n in HOSTILE if n != "memory-across-processes"])
def test_hostile_code_really_ran(hostile_batch, name):
    """A hostile notebook that does not even compile would pass the tests above for nothing."""
    feedback = next((hostile_batch["out"] / "feedback").glob(f"{name}-*.md")).read_text()
    assert "Errors while running your notebook" not in feedback and "not implemented yet" not in feedback, feedback


@ROOT_ONLY
@pytest.mark.parametrize("name, status", [("memory-across-processes", "memory"), ("trickle-reply", "timeout"),
                                          ("runaway-in-one-question", "timeout")])
def test_statuses_name_what_was_hit(hostile_batch, mechanisms, name, status):
    _require(mechanisms, name)
    assert hostile_batch["rows"][name]["status"] == status, hostile_batch["rows"][name]


@ROOT_ONLY
def test_runaway_costs_only_its_own_question(hostile_batch):
    row = hostile_batch["rows"]["runaway-in-one-question"]
    assert (row["q1_square"], row["q2_cube"]) == ("0", "1")
    assert "square" in row["reason"] and "fresh sandbox" in row["reason"]


@ROOT_ONLY
def test_hidden_inputs_never_reach_feedback(hostile_batch):
    out = hostile_batch["out"]
    for path in [*(out / "feedback").iterdir(), *(out / "results").iterdir()]:
        text = path.read_text()
        assert "-7.25" not in text and "-1.5" not in text, path.name
    assert "inputs seen so far: [3.0]" in "".join(p.read_text() for p in (out / "feedback").iterdir())


@ROOT_ONLY
def test_oversized_student_text_is_capped(hostile_batch):
    out = hostile_batch["out"]
    for path in [*(out / "feedback").iterdir(), *(out / "results").iterdir()]:
        assert path.stat().st_size < 100_000, path.name


@ROOT_ONLY
def test_nothing_left_behind(hostile_batch):
    assert len(hostile_batch["uids"]) >= len(HOSTILE)  # every sandbox got a uid of its own
    left = _leftovers(hostile_batch["uids"])
    assert not left["processes"] and left["cgroups"] <= hostile_batch["groups_before"], left
    assert len(Path("/proc/self/mountinfo").read_text().splitlines()) == hostile_batch["mounts_before"]


@ROOT_ONLY
def test_python_installation_under_tmp_stays_visible(tmp_path):
    """A grader whose Python lives under /tmp: the allow-list binds it wherever it is."""
    from conftest import make_tiny_course
    from mlmathkit.course import load_course

    venv = Path(tmp_path) / "venv"  # pytest's tmp_path is under /tmp
    assert str(venv).startswith("/tmp/")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    import numpy

    here = [str(Path(numpy.__file__).parents[1]), str(Path(__file__).parents[1] / "src")]
    (site / "grader.pth").write_text("\n".join(here) + "\n")
    (site / "mlmathkit_tmp_helper.py").write_text("def square(x):\n    return x * x\n")
    course = load_course(make_tiny_course(tmp_path / "c"))
    ch = course.chapter("ch01_probability")
    release_chapter(ch, course.root / "build")
    subs = tmp_path / "subs"
    subs.mkdir()
    nbformat.write(_notebook(ch, "def square(x):\n    import mlmathkit_tmp_helper  # lazily, from the /tmp venv\n"
                                 "    return mlmathkit_tmp_helper.square(x)\n"), subs / "lazy.ipynb")
    proc = subprocess.run([str(venv / "bin" / "python"), "-m", "mlmathkit.cli", "grade", ch.id, str(subs),
                           "--out", str(tmp_path / "out")], cwd=course.root, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert ",ok,2,2," in (tmp_path / "out" / "grades.csv").read_text()
