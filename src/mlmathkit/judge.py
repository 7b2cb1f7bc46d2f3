"""Trusted side of the grader: runs the hidden tests against proxies of the student's functions.

A judge never executes student code. It owns a warm zygote (:mod:`mlmathkit.sandbox`), asks it for
one sandboxed process per submission, sends the notebook's code cells there, then runs the chapter's
shipped otter test files with every graded function bound to a :class:`Proxy`: a call sends the
arguments into the sandbox and reads the result back as plain data. Expected values never leave
this process; an answer that never arrives scores zero.
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
from .course import Chapter, load_course
from .intake import InvalidSubmission, read_notebook
from .scoring import QuestionResult, chapter_cwd, graded_functions, score_question

SANDBOX_UID_BASE = 200_000


class SandboxGone(Exception):
    """The sandboxed process died, timed out or broke the protocol; no further answers will come."""


class StudentCodeError(Exception):
    """The student's function raised; the message is shown to the student."""


@dataclasses.dataclass(frozen=True)
class Limits:
    timeout: float  # wall-clock seconds of student code per submission (cells + calls)
    memory_bytes: int
    nproc: int = 64
    fsize_bytes: int = 64 * 2**20
    nofile: int = 256
    tmp_bytes: int = 256 * 2**20


@dataclasses.dataclass
class Verdict:
    """Everything the batch driver needs to write the gradebook row, results.json and feedback."""

    status: str
    reason: str
    questions: dict[str, QuestionResult]
    cell_errors: list[dict[str, str]]
    student_seconds: float
    judge_seconds: float


class Session:
    """One submission's sandbox: run its cells, then forward calls until closed."""

    def __init__(self, sock: socket.socket, pid: int, pgid: int, budget: float):
        self.sock, self.pid, self.pgid, self.budget = sock, pid, pgid, budget
        self.used = 0.0
        self.dead: str | None = None
        self.timed_out = self.memory = False

    def _exchange(self, payload: bytes) -> dict[str, Any]:
        if self.dead:
            raise SandboxGone(self.dead)
        remaining = self.budget - self.used
        t0 = time.monotonic()
        try:
            if remaining <= 0:
                raise TimeoutError
            self.sock.settimeout(remaining)
            wire.send(self.sock, payload)
            reply = wire.decode(wire.recv(self.sock))
        except (TimeoutError, socket.timeout):
            self.timed_out = True
            self.kill(f"your code did not finish within the {self.budget:g} s limit")
            raise SandboxGone(self.dead) from None
        except (EOFError, OSError, wire.WireError) as e:
            self.kill(f"your notebook's process ended unexpectedly ({type(e).__name__})")
            raise SandboxGone(self.dead) from None
        finally:
            self.used += time.monotonic() - t0
        if not isinstance(reply, dict):
            self.kill("protocol violation")
            raise SandboxGone(self.dead)
        return reply

    def run_cells(self, cells: list[str]) -> dict[str, Any]:
        ready = self._exchange(wire.encode({"cells": cells}))
        self.memory |= bool(ready.get("memory_error"))
        return ready

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        try:
            payload = wire.encode({"call": name, "args": list(args), "kwargs": dict(kwargs)})
        except wire.WireError as e:  # a test passed something unsendable: the test's bug, not the student's
            raise TypeError(f"grader cannot send these arguments: {e}") from None
        reply = self._exchange(payload)
        if "error" in reply:
            err = reply["error"]
            self.memory |= bool(err.get("memory"))
            raise StudentCodeError(f"your `{name}` raised {err.get('type')}: {err.get('message')}")
        for arg, state in zip(args, reply.get("rng") or []):  # generators advance as they would in-process
            if isinstance(arg, np.random.Generator) and isinstance(state, dict):
                arg.bit_generator.state = state
        return reply.get("ok")

    def kill(self, reason: str = "closed") -> None:
        if self.dead is None:
            self.dead = reason
        for kill, target in ((os.kill, self.pid), (os.killpg, self.pgid)):
            try:  # PID 1 of its namespace (every descendant dies with it), then its process group
                kill(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self.sock.close()  # the kernel tears the tree down; the zygote waits for it before exiting


class Proxy:
    """Stands in for a student function inside the trusted test code."""

    def __init__(self, session: Session, name: str):
        self._session, self.__name__ = session, name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return self._session.call(self.__name__, args, kwargs)
        except SandboxGone as e:
            raise StudentCodeError(f"no answer from `{self.__name__}`: {e}") from None

    def __repr__(self) -> str:
        return f"<student function {self.__name__}>"


class Missing:
    def __init__(self, name: str):
        self.__name__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise StudentCodeError(f"`{self.__name__}` is not defined in your notebook: keep the function's name and run its cell")


class Zygote:
    """The judge's warm sandbox factory (a child process started once per judge)."""

    def __init__(self) -> None:
        self.ctl, theirs = socket.socketpair()
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "LC_ALL", "MLMATHKIT_SANDBOX")}
        env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg"})
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlmathkit.sandbox", str(theirs.fileno())],
            pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        theirs.close()
        self.ctl.settimeout(300)
        hello = wire.decode(wire.recv(self.ctl))
        self.kind = hello["kind"]
        self.ctl.settimeout(None)

    def spawn(self, config: dict[str, Any], budget: float) -> Session:
        wire.send(self.ctl, wire.encode(config))
        self.ctl.settimeout(60)
        msg, fds, _, _ = socket.recv_fds(self.ctl, 1 << 16, 1)
        self.ctl.settimeout(None)
        if not fds:
            raise RuntimeError("sandbox zygote did not hand over a channel")
        sock = socket.socket(fileno=fds[0])
        sock.settimeout(60)
        hello = wire.decode(wire.recv(sock))
        if int(hello["pgid"]) in (0, 1, os.getpgid(0)):  # never kill our own group by mistake
            raise RuntimeError("sandbox did not get a process group of its own")
        return Session(sock, int(hello["pid"]), int(hello["pgid"]), budget)

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


def init_worker(root: str, chapter_id: str, hide: list[str]) -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one BLAS thread per judge: the pool already keeps every core busy
    import torch

    torch.set_num_threads(1)
    chapter = load_course(Path(root)).chapter(chapter_id)
    _STATE.update(chapter=chapter, hide=hide, functions=graded_functions(chapter), counter=0)
    _STATE["zygote"] = Zygote()
    # runs when the pool worker exits, so a batch ends only after all its sandboxes have disappeared
    multiprocessing.util.Finalize(None, _close_zygote, exitpriority=10)


def _close_zygote() -> None:
    _STATE["zygote"].close()


def sandbox_kind() -> str:
    return _STATE["zygote"].kind


def grade_one(path: str, limits: Limits) -> Verdict:
    chapter: Chapter = _STATE["chapter"]
    t_start = time.monotonic()
    try:
        nb = read_notebook(Path(path), chapter.id)
    except InvalidSubmission as e:
        return Verdict("invalid", str(e), {}, [], 0.0, time.monotonic() - t_start)
    zygote: Zygote = _STATE["zygote"]
    if zygote.proc.poll() is not None:  # restart a dead factory rather than failing the batch
        zygote.close()
        zygote = _STATE["zygote"] = Zygote()
    _STATE["counter"] += 1
    config = {
        "hide": _STATE["hide"], "keep": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix}),
        "uid": SANDBOX_UID_BASE + (os.getpid() % 1000) * 1000 + _STATE["counter"] % 1000,
        "memory_bytes": limits.memory_bytes, "nproc": limits.nproc, "fsize_bytes": limits.fsize_bytes,
        "nofile": limits.nofile, "tmp_bytes": limits.tmp_bytes, "cpu_seconds": int(limits.timeout * 2 + 10),
    }
    session = zygote.spawn(config, limits.timeout)
    cell_errors: list[dict[str, str]] = []
    try:
        try:
            ready = session.run_cells([c.source for c in nb.cells if c.cell_type == "code"])
            cell_errors = list(ready.get("errors") or [])
            defined = set(ready.get("defined") or [])
        except SandboxGone:
            defined = set()
        env: dict[str, Any] = {
            name: Proxy(session, name) if name in defined else Missing(name) for name in _STATE["functions"]
        }
        with chapter_cwd(chapter):
            questions = {q: score_question(chapter, q, env) for q in chapter.questions}
    finally:
        if not session.dead:
            try:
                wire.send(session.sock, wire.encode({"bye": True}))
            except OSError:
                pass
        session.kill()
    if session.timed_out:
        status, reason = "timeout", session.dead or "timed out"
    elif session.memory:
        status, reason = "memory", f"ran out of memory (limit {limits.memory_bytes / 2**30:g} GiB)"
    elif session.dead and session.dead != "closed":
        status, reason = "error", session.dead
    else:
        status, reason = "ok", ""
    total = time.monotonic() - t_start
    return Verdict(status, reason, questions, cell_errors, session.used, total - session.used)
