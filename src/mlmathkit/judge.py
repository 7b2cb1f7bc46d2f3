"""Trusted side of the grader: runs the chapter's tests against proxies of the student's functions.

A judge never executes student code. It owns a warm zygote (:mod:`mlmathkit.sandbox`), asks it for a
sandboxed process per submission, sends the notebook's code cells there, then runs the chapter's
shipped otter test cases with every graded function bound to a :class:`Proxy`: a call sends the
arguments into the sandbox and reads the result back as plain data. Expected values never leave this
process; an answer that never arrives scores zero.

Time: every call has its own deadline (the question's ``call_timeout``), and the submission as a
whole has an overall budget. A call that runs away costs the test that made it: its sandbox is killed
and the next test gets a fresh one (the notebook's cells run again), so one infinite loop never zeroes
the questions after it. All public tests run before any hidden test, so nothing the student's code saw
during a hidden test can reach the public messages the student is shown.
"""

from __future__ import annotations

import dataclasses
import multiprocessing.util
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import wire
from .authoring import imported_modules
from .checks import StudentError, student_error_message
from .course import Chapter, load_course, release_of
from .diagnosis import Call, Diagnoser
from .intake import InvalidSubmission, read_notebook
from .sandbox.cgroup import Cgroup
from .sandbox.uids import UidAllocator
from .scoring import (CaseResult, QuestionResult, case_points, chapter_cwd, graded_functions, load_tests,
                      question_result, quiet, run_case)

RULE_BREACHES = ("ModifiedInput", "ForbiddenRoutine")  # raised by checks.call_guarded in the sandbox
MAX_SANDBOXES = 4  # per submission: the first, plus fresh ones after runaway calls
NAME_CAP, MESSAGE_CAP, LINE_CAP, CELL_ERRORS_CAP = 100, 1000, 200, 50


class SandboxGone(Exception):
    """The sandboxed process died, timed out or broke the protocol; no further answers will come."""


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: float  # wall-clock seconds of student code per submission (all cells and calls together)
    memory_bytes: int  # the whole submission: every process and its /tmp
    call_timeout: float | None = None  # overrides every question's call_timeout when set
    nproc: int = 64
    fsize_bytes: int = 64 * 2**20
    nofile: int = 256
    tmp_bytes: int = 256 * 2**20

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class Verdict:
    """Everything the batch driver needs to write the gradebook row, results.json and feedback."""

    status: str
    reason: str
    questions: dict[str, QuestionResult]
    cell_errors: list[dict[str, str]]
    student_seconds: float
    judge_seconds: float
    peak_memory_bytes: int | None = None
    diagnoses: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # question -> likely mistakes
    warnings: list[str] = dataclasses.field(default_factory=list)  # shown in the row's reason and the feedback


def _clip(text: Any, cap: int) -> str:
    text = str(text)
    return text if len(text) <= cap else text[: cap - 1] + "…"


def _student_error(err: Any) -> dict[str, str]:
    """The sandbox's description of an exception, bounded: it is student-controlled data."""
    err = err if isinstance(err, dict) else {}
    return {"type": _clip(err.get("type", "Exception"), NAME_CAP), "message": _clip(err.get("message", ""), MESSAGE_CAP),
            "where": _clip(err.get("where", ""), NAME_CAP), "line": _clip(err.get("line", ""), LINE_CAP)}


class Session:
    """One sandbox: run the notebook's cells, then forward calls until it is closed or dies."""

    def __init__(self, sock: socket.socket, pid: int, pgid: int, cgroup: Cgroup | None):
        self.sock, self.pid, self.pgid, self.cgroup = sock, pid, pgid, cgroup
        self.dead: str | None = None
        self.timed_out = self.memory = False

    def exchange(self, payload: bytes, seconds: float, clock: "Clock", what: str) -> dict[str, Any]:
        """Send, then read the whole reply within ``seconds`` (charged to the submission's budget)."""
        if self.dead:
            raise SandboxGone(self.dead)
        t0 = time.monotonic()
        deadline = t0 + max(0.0, seconds)
        try:
            wire.send(self.sock, payload, deadline)
            reply = wire.decode(wire.recv(self.sock, deadline))
        except (TimeoutError, socket.timeout):
            self.timed_out = True
            self.kill(f"{what} did not finish within {seconds:.3g} s")
            raise SandboxGone(self.dead) from None
        except (EOFError, OSError, wire.WireError) as e:
            self.kill(f"your notebook's process ended unexpectedly during {what} ({type(e).__name__})")
            raise SandboxGone(self.dead) from None
        finally:
            clock.used += time.monotonic() - t0
        if not isinstance(reply, dict):
            self.kill("protocol violation")
            raise SandboxGone(self.dead)
        return reply

    def kill(self, reason: str = "closed") -> None:
        if self.dead is None:
            self.dead = reason
        for kill, target in ((os.kill, self.pid), (os.killpg, self.pgid)):
            try:  # PID 1 of its namespace (every descendant dies with it), then its process group
                kill(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.sock.close()  # the kernel tears the tree down; the zygote removes it and its cgroup
        if self.cgroup is not None and self.cgroup.out_of_memory():
            self.memory = True

    def close(self) -> None:
        if not self.dead:
            try:
                wire.send(self.sock, wire.encode({"bye": True}), time.monotonic() + 1)
            except OSError:
                pass
        self.kill()


@dataclasses.dataclass
class Clock:
    """The submission's overall budget of student seconds."""

    budget: float
    used: float = 0.0

    @property
    def remaining(self) -> float:
        return self.budget - self.used


class Runner:
    """A submission's sandboxes: the current one, and fresh ones after a call runs away."""

    def __init__(self, zygote: "Zygote", cells: list[str], limits: Limits, chapter: Chapter):
        self.zygote, self.cells, self.limits, self.chapter = zygote, cells, limits, chapter
        self.clock = Clock(limits.timeout)
        self.session: Session | None = None
        self.sandboxes = 0
        self.defined: set[str] = set()
        self.cell_errors: list[dict[str, str]] = []
        self.cells_ok = False
        self.question = ""
        self.runaway: list[str] = []  # "`f` (q2_x): did not finish within 60 s"
        self.calls: dict[str, list[Call]] = {}  # per question, for the misconception diagnosis
        self.memory = self.crashed = self.cells_timed_out = False
        self.peak_memory = 0
        self.last_death = ""

    def start(self) -> None:
        """The first sandbox: run the cells; what they define is what the tests may call."""
        ready = self._new_session()
        if ready is not None:
            self.cells_ok = True
            self.defined = {str(n) for n in (ready.get("defined") or [])}
            errors = ready.get("errors") or []
            self.cell_errors = [{"cell": _clip(e.get("cell", ""), 10), **_student_error(e)}
                                for e in errors[:CELL_ERRORS_CAP] if isinstance(e, dict)]
            self.memory |= bool(ready.get("memory_error"))

    def _new_session(self) -> dict[str, Any] | None:
        if self.sandboxes >= MAX_SANDBOXES or self.clock.remaining <= 0:
            return None
        self.sandboxes += 1
        self.session = self.zygote.spawn(self.limits)
        try:
            ready = self.session.exchange(wire.encode({"cells": self.cells}), self.clock.remaining, self.clock,
                                          "running your notebook's cells")
        except SandboxGone:
            self._retire(cells=True)
            return None
        if "fatal" in ready:  # the sandbox could not be set up: a grader fault, reported as one
            self.session.kill()
            raise RuntimeError(f"the sandbox could not be set up: {_clip(ready['fatal'], MESSAGE_CAP)}")
        self.memory |= bool(ready.get("memory_error"))
        return ready

    def _retire(self, cells: bool = False, name: str = "") -> None:
        s = self.session
        if s is None:
            return
        s.kill()
        self._account(s)
        if s.timed_out and cells:
            self.cells_timed_out = True
        elif s.timed_out:
            self.runaway.append(f"`{name}` ({self.question}): {s.dead}")
        elif s.dead != "closed" and not s.memory:
            self.crashed = True
            self.last_death = s.dead or ""
        self.session = None

    def _account(self, s: Session) -> None:
        self.memory |= s.memory
        if s.cgroup is not None:
            self.peak_memory = max(self.peak_memory, int(s.cgroup.usage().get("peak_memory_bytes", 0)))

    def call(self, name: str, args: tuple, kwargs: dict, rules: dict | None = None) -> Any:
        if self.session is None and not (self.cells_ok and self._new_session() is not None):
            raise SandboxGone(self.last_death or "no sandbox is left for this submission (time or restarts ran out)")
        try:
            payload = wire.encode({"call": name, "args": list(args), "kwargs": dict(kwargs), "rules": rules})
        except wire.WireError as e:  # a test passed something unsendable: the test's bug, not the student's
            raise TypeError(f"grader cannot send these arguments: {e}") from None
        limit = self.limits.call_timeout or self.chapter.call_timeouts.get(self.question, 60.0)
        try:
            reply = self.session.exchange(payload, min(limit, self.clock.remaining), self.clock, f"`{name}`")
        except SandboxGone:
            self._retire(name=name)
            raise
        record = self.calls.setdefault(self.question, [])
        if "error" in reply:
            err = _student_error(reply["error"])
            record.append(Call(name, payload, False, err["type"]))
            self.memory |= bool(isinstance(reply["error"], dict) and reply["error"].get("memory"))
            if err["type"] in RULE_BREACHES and not err["where"]:  # the guard's own words, as in the notebook
                raise StudentError(err["message"])
            raise StudentError(student_error_message(name, err["type"], err["message"], err["where"], err["line"]))
        for arg, state in zip(args, reply.get("rng") or []):  # generators advance as they would in-process
            if isinstance(arg, np.random.Generator) and isinstance(state, dict):
                try:
                    arg.bit_generator.state = state
                except (TypeError, ValueError, KeyError):
                    raise StudentError(f"your `{name}` left its random generator in an unreadable state") from None
        record.append(Call(name, payload, True, reply.get("ok")))
        return reply.get("ok")

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self._account(self.session)
            self.session = None


class Proxy:
    """Stands in for a student function inside the trusted test code."""

    def __init__(self, runner: Runner, name: str):
        self._runner, self.__name__ = runner, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(args, kwargs, None)

    def _call(self, args: tuple, kwargs: dict, rules: dict | None) -> Any:
        try:
            return self._runner.call(self.__name__, args, kwargs, rules)
        except SandboxGone as e:
            raise StudentError(f"no answer from `{self.__name__}`: {e}") from None

    def with_rules(self, forbid: tuple[str, ...]):
        """What :func:`mlmathkit.checks.guarded` returns for a proxy: the rules are applied in the sandbox."""
        rules = {"forbid": list(forbid)}
        return lambda *args, **kwargs: self._call(args, kwargs, rules)

    def __repr__(self) -> str:
        return f"<student function {self.__name__}>"


class Missing:
    def __init__(self, name: str):
        self.__name__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise StudentError(f"`{self.__name__}` is not defined in your notebook: keep the function's name and run its cell")


class Zygote:
    """The judge's warm sandbox factory, started as early as possible (it imports while the judge does)."""

    def __init__(self, modules: list[str]) -> None:
        self.ctl, theirs = socket.socketpair()
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG", "LC_ALL", "MLMATHKIT_SANDBOX",
                                                              "MLMATHKIT_STATE_DIR")}
        env.update({"HOME": "/nonexistent", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                    "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg", "PYTHONDONTWRITEBYTECODE": "1"})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlmathkit.sandbox", str(theirs.fileno()), ",".join(modules)],
            pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        theirs.close()
        self.modules = modules
        self.hello: dict[str, Any] | None = None
        self.uids = UidAllocator()

    def mechanisms(self) -> dict[str, Any]:
        if self.hello is None:
            self.hello = wire.decode(wire.recv(self.ctl, time.monotonic() + 300))
        return self.hello

    def spawn(self, limits: Limits) -> Session:
        self.mechanisms()
        config = {"uid": self.uids.take() if os.geteuid() == 0 else os.geteuid(), **limits.as_dict(),
                  "cpu_seconds": int(limits.timeout * 2 + 10)}
        wire.send(self.ctl, wire.encode(config), time.monotonic() + 60)
        self.ctl.settimeout(60)
        msg, fds, _, _ = socket.recv_fds(self.ctl, 1 << 16, 1)
        self.ctl.settimeout(None)
        if not fds:
            raise RuntimeError("sandbox zygote did not hand over a channel")
        reply = wire.decode(msg)
        group = reply.get("cgroup")
        cgroup = Cgroup(int(group["version"]), {k: Path(v) for k, v in group["paths"].items()}) if group else None
        sock = socket.socket(fileno=fds[0])
        hello = wire.decode(wire.recv(sock, time.monotonic() + 60))
        if int(hello["pgid"]) in (0, 1, os.getpgid(0)):  # never kill our own group by mistake
            raise RuntimeError("sandbox did not get a process group of its own")
        return Session(sock, int(hello["pid"]), int(hello["pgid"]), cgroup)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        """Stop the zygote; it exits only once every sandbox it forked is gone (bounded wait)."""
        self.ctl.close()
        try:
            self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# --------------------------------------------------------------------------- judge worker process
_STATE: dict[str, Any] = {}


def sandbox_modules(chapter: Chapter) -> list[str]:
    """What the zygote pre-imports beyond its base set: the modules the student notebook imports."""
    import nbformat

    cells = [c.source for c in nbformat.read(chapter.student_notebook, as_version=4).cells if c.cell_type == "code"]
    return [m for m in imported_modules(cells) if m != "otter" and all(p.isidentifier() for p in m.split("."))]


def init_worker(root: str, chapter_id: str) -> None:
    """Pool initializer on this machine: the chapter comes from the course repository."""
    init_chapter(load_course(Path(root)).chapter(chapter_id))


# What a judge on another machine needs of a chapter: the shipped tests, both notebooks (imports to
# pre-load, release id), the mistake catalogue (diagnosis) and the manifest's settings. Workers are
# the course's own machines; nothing else of the course leaves this one.
def chapter_bundle(chapter: Chapter) -> dict[str, Any]:
    files = {f"autograder/{chapter.id}/tests/{p.name}": p.read_bytes()
             for p in sorted((chapter.autograder_dir / "tests").glob("*.py"))}
    for path in (chapter.reference_notebook, chapter.student_notebook):
        files[path.relative_to(chapter.root).as_posix()] = path.read_bytes()
    for folder in (chapter.variants_dir, chapter.blind_dir):  # for the misconception diagnosis
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            files[path.relative_to(chapter.root).as_posix()] = path.read_bytes()
    return {"chapter": dataclasses.replace(chapter, root=Path(".")), "files": files}


def unpack_bundle(bundle: dict[str, Any], folder: Path) -> Chapter:
    """The chapter of ``bundle`` with its files written under ``folder`` (a private, fresh directory)."""
    for rel, data in bundle["files"].items():
        target = (folder / rel).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise ValueError(f"bundle path escapes its folder: {rel!r}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return dataclasses.replace(bundle["chapter"], root=folder)


def init_chapter(chapter: Chapter) -> None:
    """Make this process a judge of ``chapter``: warm zygote, test files loaded once."""
    _STATE["zygote"] = Zygote(sandbox_modules(chapter))  # first: it imports while we do
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one BLAS thread per judge: the pool already keeps every core busy
    tests = {q: load_tests(chapter, q) for q in chapter.questions}  # loaded once per judge
    _preload_test_imports(chapter)
    _STATE.update(chapter=chapter, tests=tests, points={q: case_points(t) for q, t in tests.items()},
                  functions=graded_functions(chapter), release=chapter.release_id)
    # runs when the pool worker exits, so a batch ends only after all its sandboxes have disappeared
    multiprocessing.util.Finalize(None, _close_zygote, exitpriority=10)


def _preload_test_imports(chapter: Chapter) -> None:
    """Import what the tests import (scipy.stats, scikit-learn, torch...) now, on this core, while the
    zygote imports on the other: the first submission's tests would otherwise pay for it."""
    import importlib

    sources = [p.read_text(encoding="utf-8") for p in sorted((chapter.autograder_dir / "tests").glob("*.py"))]
    for name in imported_modules(sources):
        if name.split(".")[0] not in ("otter", "mlmathkit_checks", "mlmathkit_fixtures"):
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a test that needs it will say so itself
                pass


def _close_zygote() -> None:
    zygote = _STATE.pop("zygote", None)
    if zygote is not None:
        zygote.close()


def shutdown() -> None:
    """Stop this process's judge (an in-process one; pool workers stop with their process)."""
    _close_zygote()
    _STATE.clear()


def mechanisms() -> dict[str, Any]:
    return _STATE["zygote"].mechanisms()


def _zygote() -> Zygote:
    zygote: Zygote = _STATE["zygote"]
    if not zygote.alive():  # restart a dead factory rather than failing the batch
        zygote.close()
        zygote = _STATE["zygote"] = Zygote(zygote.modules)
    return zygote


def run_tests(chapter: Chapter, env: dict[str, Any], runner: Runner | None = None) -> dict[str, QuestionResult]:
    """Every question's cases, public ones first (all questions), then hidden ones."""
    tests, points = _STATE["tests"], _STATE["points"]
    results: dict[tuple[str, str], CaseResult] = {}
    with chapter_cwd(chapter), quiet():
        for hidden in (False, True):
            for q, tf in tests.items():
                if runner is not None:
                    runner.question = q
                for tc in tf.test_cases:
                    if bool(tc.hidden) == hidden:
                        results[(q, tc.name)] = run_case(tc, points[q][tc.name], env)
    return {q: question_result(q, [results[(q, tc.name)] for tc in tf.test_cases]) for q, tf in tests.items()}


def grade_bytes(data: bytes, suffix: str, limits: Limits) -> Verdict:
    """Grade a submission received as bytes (from another machine): same as :func:`grade_one`."""
    import tempfile

    if suffix.lower() not in (".ipynb", ".zip"):
        return Verdict("invalid", f"unsupported file type {suffix[:20]!r}", {}, [], 0.0, 0.0)
    with tempfile.TemporaryDirectory(prefix="mlmathkit-submission-") as tmp:
        path = Path(tmp) / f"submission{suffix.lower()}"
        path.write_bytes(data)
        return grade_one(str(path), limits)


def grade_one(path: str, limits: Limits) -> Verdict:
    chapter: Chapter = _STATE["chapter"]
    t_start = time.monotonic()
    try:
        nb = read_notebook(Path(path), chapter.id)
    except InvalidSubmission as e:
        return Verdict("invalid", str(e), {}, [], 0.0, time.monotonic() - t_start)
    runner = Runner(_zygote(), [c.source for c in nb.cells if c.cell_type == "code"], limits, chapter)
    try:
        runner.start()
        env = {name: Proxy(runner, name) if name in runner.defined else Missing(name) for name in _STATE["functions"]}
        questions = run_tests(chapter, env, runner)
    finally:
        runner.close()
    status, reason = _status(runner, limits)
    diagnoses = _diagnose(questions, runner.calls)
    total = time.monotonic() - t_start
    return Verdict(status, reason, questions, runner.cell_errors, runner.clock.used, total - runner.clock.used,
                   runner.peak_memory or None, diagnoses, _release_warnings(nb))


def _diagnose(questions: dict[str, QuestionResult], calls: dict[str, list[Call]]) -> dict[str, list[str]]:
    """Likely mistakes of the questions that lost points (never of a question at full marks)."""
    failing = [q for q, r in questions.items() if r.score < r.possible - 1e-9 and calls.get(q)]
    if not failing:
        return {}
    if "diagnoser" not in _STATE:
        _STATE["diagnoser"] = Diagnoser(_STATE["chapter"])
    out = {}
    for q in failing:
        try:
            found = _STATE["diagnoser"].diagnose(q, calls[q])
        except Exception:  # noqa: BLE001 - diagnosis is advice: it never costs a grade
            found = []
        if found:
            out[q] = [v.title for v in found]
    return out


def _release_warnings(nb) -> list[str]:
    submitted, current = release_of(nb), _STATE["release"]
    if current and submitted != current:
        return [f"this notebook was made from another release of the assignment ({submitted or 'unknown'}; "
                f"current: {current}): it was graded against the current tests, which may differ"]
    return []


def _status(runner: Runner, limits: Limits) -> tuple[str, str]:
    if runner.cells_timed_out:
        return "timeout", f"your notebook's cells did not finish within the {limits.timeout:g} s limit"
    if runner.memory:
        return "memory", f"ran out of memory (limit {limits.memory_bytes / 2**30:g} GiB for the whole submission)"
    if runner.runaway:
        return "timeout", ("a call ran too long and cost only its own test, the rest were graded in a fresh "
                           "sandbox: " + "; ".join(runner.runaway))
    if runner.crashed:
        return "error", runner.last_death
    if runner.clock.remaining <= 0:
        return "timeout", f"your code used the whole {limits.timeout:g} s limit of the submission"
    return "ok", ""
