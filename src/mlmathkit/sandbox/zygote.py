"""The zygote: a warm process that forks one isolated sandbox per submission.

A judge starts it with ``python -m mlmathkit.sandbox FD MODULES``. It imports numpy, the plotting
stack and the modules the chapter's student notebook imports, once, and never loads anything
secret (no tests, no reference solutions): every sandbox inherits its memory. At start-up it probes
which isolation mechanisms this machine offers and tells the judge. Per submission it forks a child
that

1. joins the submission's cgroup (memory incl. tmpfs, processes, CPU for the whole submission) and
   enters new mount, PID, network, IPC and UTS namespaces; its child, PID 1 of the new namespace,
2. pivots into an allow-listed root (:mod:`.filesystem`), drops to a uid never used before
   (:mod:`.uids`), sets no_new_privs and per-process rlimits, loads the seccomp filter
   (:mod:`.syscalls`), and only then
3. executes the notebook's code cells (IPython syntax translated; otter's grader calls are no-ops)
   and answers calls: function name + arguments in, result out, as plain data (:mod:`mlmathkit.wire`).
"""

from __future__ import annotations

import importlib
import io
import os
import resource
import signal
import socket
import sys
import time
import traceback
import types
from typing import Any

from .. import wire
from . import linux as L
from .cgroup import Cgroup, Hierarchy
from .filesystem import build_root

OUTPUT_CAP = 64 * 1024
NAME_CAP, MESSAGE_CAP = 100, 1000
BASE_IMPORTS = ("numpy", "scipy.linalg", "scipy.special", "matplotlib.pyplot",
                "IPython.core.inputtransformer2")
NAMESPACES = L.CLONE_NEWNS | L.CLONE_NEWUTS | L.CLONE_NEWIPC | L.CLONE_NEWPID | L.CLONE_NEWNET


# --------------------------------------------------------------------------- what this machine offers
class Mechanisms:
    """The isolation mechanisms available here, probed once at start-up."""

    def __init__(self) -> None:
        forced_off = os.environ.get("MLMATHKIT_SANDBOX") == "none"
        self.missing: list[str] = []
        self.namespaces = not forced_off and self._probe_namespaces()
        self.seccomp = None if forced_off else self._probe_seccomp()
        self.cgroups = None if forced_off or os.geteuid() != 0 else Hierarchy.create(f"mlmathkit-{os.getpid()}")
        if forced_off:
            self.missing.append("all isolation (MLMATHKIT_SANDBOX=none)")
        if not self.namespaces and not forced_off:
            self.missing.append("namespaces and the allow-list file system (needs root with CAP_SYS_ADMIN)")
        if self.cgroups is None and not forced_off:
            self.missing.append("cgroup limits for the whole submission (needs root and a writable cgroup "
                                "hierarchy; falling back to per-process rlimits)")

    def summary(self) -> dict[str, Any]:
        return {"namespaces": self.namespaces, "seccomp": self.seccomp is not None,
                "cgroup": f"v{self.cgroups.version}" if self.cgroups else None, "missing": self.missing}

    @staticmethod
    def _probe_namespaces() -> bool:
        if os.geteuid() != 0:
            return False
        pid = os.fork()
        if pid == 0:
            try:
                L.unshare(NAMESPACES)
                L.mount(None, "/", None, L.MS_REC | L.MS_PRIVATE)
                L.mount("tmpfs", "/tmp", "tmpfs", L.MS_NOSUID | L.MS_NODEV, "size=1m")
                os._exit(0)
            except BaseException:  # noqa: BLE001
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def _probe_seccomp(self):
        try:
            from .syscalls import build_filter

            return build_filter()
        except Exception as e:  # noqa: BLE001 - libseccomp missing or refused: say so, keep the rest
            self.missing.append(f"seccomp system-call filter ({type(e).__name__}: {e})")
            return None


MECHANISMS: Mechanisms | None = None


# --------------------------------------------------------------------------- confinement of one child
def _drop_privileges(uid: int) -> None:
    """Become an unprivileged uid used by no one before (when root), and never regain privileges."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    L.no_new_privs()


def _limit(config: dict[str, Any]) -> None:
    """Per-process limits; the cgroup (when there is one) bounds the submission as a whole."""
    lim = {
        resource.RLIMIT_AS: _vm_size() + int(config["memory_bytes"]),  # on top of the warm imports
        resource.RLIMIT_NPROC: int(config["nproc"]),
        resource.RLIMIT_FSIZE: int(config["fsize_bytes"]),
        resource.RLIMIT_NOFILE: int(config["nofile"]),
        resource.RLIMIT_CORE: 0,
        resource.RLIMIT_CPU: int(config["cpu_seconds"]),
    }
    for res, value in lim.items():
        resource.setrlimit(res, (value, value))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails instead of killing us


def _vm_size() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _confine(config: dict[str, Any]) -> None:
    """Everything between fork and the first line of student code, in this order."""
    if MECHANISMS.namespaces:
        build_root(int(config["tmp_bytes"]))
    _drop_privileges(int(config["uid"]))
    _limit(config)
    if MECHANISMS.seccomp is not None:
        MECHANISMS.seccomp.load()  # last: the filter forbids the mounts and setuid above


# --------------------------------------------------------------------------- running the notebook
class _CappedText(io.TextIOBase):
    """stdout/stderr replacement keeping only the first OUTPUT_CAP characters."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        if self.size < OUTPUT_CAP:
            self.parts.append(str(s)[: OUTPUT_CAP - self.size])
            self.size += len(self.parts[-1])
        return len(s)

    def text(self) -> str:
        return "".join(self.parts)


class _NoIPython:
    """What ``get_ipython()`` returns: magics and shell escapes do nothing during grading."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


def _fake_otter() -> types.ModuleType:
    otter = types.ModuleType("otter")

    class Notebook:
        def __init__(self, *args, **kwargs):
            pass

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    otter.Notebook = Notebook
    return otter


def _student_error(e: BaseException, cells: list[str]) -> dict[str, Any]:
    """The exception as the student should see it: type, message, and their own line that raised it."""
    frames = [fr for fr in traceback.extract_tb(e.__traceback__) if fr.filename.startswith("<cell ")]
    where = line = ""
    if frames:
        fr = frames[-1]
        index = fr.filename[6:-1]
        where = f"cell {index}, line {fr.lineno}"
        try:
            line = cells[int(index) - 1].splitlines()[fr.lineno - 1].strip()
        except (ValueError, IndexError):
            line = ""
    return {"type": type(e).__name__[:NAME_CAP], "message": str(e)[:MESSAGE_CAP], "where": where,
            "line": line[:200], "memory": isinstance(e, MemoryError)}


def _run_cells(cells: list[str], ns: dict[str, Any]) -> list[dict[str, Any]]:
    from IPython.core.inputtransformer2 import TransformerManager

    transform = TransformerManager().transform_cell
    errors = []
    for i, src in enumerate(cells):
        try:
            exec(compile(transform(src), f"<cell {i + 1}>", "exec"), ns)
        except BaseException as e:  # noqa: BLE001 - the student's error, recorded for feedback
            errors.append({"cell": str(i + 1), **_student_error(e, cells)})
            if not errors[-1]["where"]:
                errors[-1]["where"] = f"cell {i + 1}"
    return errors


def _fixture(name: str):
    import mlmathkit_fixtures

    fn = getattr(mlmathkit_fixtures, name, None)
    if not callable(fn) or name.startswith("_"):
        raise wire.WireError(f"unknown fixture {name!r}")
    return fn


def _tensor(array):
    import torch  # only when a test sends a tensor: most chapters never pay for importing torch

    return torch.from_numpy(array)


def _serve(sock: socket.socket) -> None:
    import numpy as np

    from mlmathkit.checks import call_guarded  # bound before any student code runs

    request = wire.decode(wire.recv(sock))
    out = _CappedText()
    sys.stdout = sys.stderr = out
    os.environ.clear()
    os.environ.update({"HOME": "/tmp", "MPLBACKEND": "Agg", "MPLCONFIGDIR": "/tmp", "OMP_NUM_THREADS": "1",
                       "PATH": "/usr/bin:/bin"})
    os.chdir("/tmp")
    sys.modules["otter"] = _fake_otter()
    ns: dict[str, Any] = {"__name__": "__main__", "get_ipython": _NoIPython}
    cells = list(request["cells"])
    start = time.monotonic()
    errors = _run_cells(cells, ns)
    defined = sorted(k for k, v in ns.items() if callable(v) and not k.startswith("_"))
    wire.send(sock, wire.encode({"ready": True, "defined": defined, "errors": errors,
                                 "memory_error": any(e["memory"] for e in errors),
                                 "seconds": time.monotonic() - start, "output": out.text()}))
    while True:
        msg = wire.decode(wire.recv(sock), tensor=_tensor, fixture=_fixture)
        if msg.get("bye"):
            return
        name, args, kwargs = msg["call"], list(msg["args"]), dict(msg["kwargs"])
        rules = msg.get("rules")
        t0 = time.monotonic()
        try:
            func = ns.get(name)
            if not callable(func):
                raise NameError(f"{name} is not defined in your notebook (check its spelling, and run its cell)")
            if isinstance(rules, dict):  # the notebook's own checks apply exactly these rules too
                result = call_guarded(func, name, tuple(str(f) for f in rules.get("forbid") or ()), tuple(args), kwargs)
            else:
                result = func(*args, **kwargs)
            payload = wire.encode({"ok": result, "seconds": time.monotonic() - t0,
                                   "rng": [a.bit_generator.state if isinstance(a, np.random.Generator) else None
                                           for a in args]})
        except wire.WireError as e:
            payload = wire.encode({"error": {"type": "TypeError", "message": f"{name} returned a value the grader "
                                             f"cannot read ({e}); return numbers, arrays, tuples or dicts"}})
        except BaseException as e:  # noqa: BLE001 - the student's exception is the answer
            payload = wire.encode({"error": _student_error(e, cells)})
        wire.send(sock, payload)


def _child(sock: socket.socket, config: dict[str, Any], group: Cgroup | None) -> None:
    """Runs in the forked child A: join the cgroup, enter namespaces, fork the sandboxed PID 1 (B)."""
    os.setsid()  # a process group of our own: the judge kills it whole (the only tree kill without namespaces)
    if group is not None:
        group.attach()
    if MECHANISMS.namespaces:
        L.unshare(NAMESPACES)
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            try:
                _confine(config)
            except BaseException as e:  # noqa: BLE001 - the grader's fault, not the student's: say what failed
                wire.send(sock, wire.encode({"fatal": f"{type(e).__name__}: {e}"[:500]}))
                raise
            _serve(sock)
        except BaseException:  # noqa: BLE001 - nothing useful to do but leave
            code = 1
        finally:
            os._exit(code)
    wire.send(sock, wire.encode({"pid": pid, "pgid": os.getpgid(0)}))
    try:
        os.waitpid(pid, 0)
    finally:
        os._exit(0)


# --------------------------------------------------------------------------- the zygote's loop
class _Sandboxes:
    """The sandboxes forked so far: their process groups and cgroups, cleaned up once they are gone."""

    def __init__(self) -> None:
        self.live: list[tuple[int, Cgroup | None]] = []

    def add(self, pgid: int, group: Cgroup | None) -> None:
        self.live.append((pgid, group))

    def reap(self) -> None:
        self.live = [(g, c) for g, c in self.live if _alive(g) or (c is not None and not c.remove())]

    def wait_until_gone(self, limit: float = 60.0) -> None:
        """Killed sandboxes take a moment to be torn down (a PID namespace's leader exits last)."""
        deadline = time.monotonic() + limit
        while self.live and time.monotonic() < deadline:
            self.reap()
            time.sleep(0.01)


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def zygote(ctl: socket.socket, modules: list[str]) -> None:
    from mlmathkit import checks, fixtures

    # students may import the shipped helper modules; they resolve to the package's public copies
    sys.modules.update({"mlmathkit_checks": checks, "mlmathkit_fixtures": fixtures})
    for name in dict.fromkeys([*BASE_IMPORTS, *modules]):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a module the notebook names but this machine lacks
            pass
    global MECHANISMS
    MECHANISMS = Mechanisms()
    # Children are reaped automatically, and so are orphans: a sandbox's PID 1 whose parent was killed
    # with it would otherwise wait for the machine's init to reap it (seen: 1-2 s in containers).
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    L.child_subreaper()
    wire.send(ctl, wire.encode({"ready": True, **MECHANISMS.summary()}))
    sandboxes = _Sandboxes()
    serial = 0
    try:
        while True:
            try:
                config = wire.decode(wire.recv(ctl))
            except EOFError:
                return
            sandboxes.reap()
            serial += 1
            group = None
            if MECHANISMS.cgroups is not None:
                # one core at most, and the memory limit covers the private /tmp too (tmpfs pages are charged here)
                group = MECHANISMS.cgroups.sandbox(f"s{serial}", int(config["memory_bytes"]), int(config["nproc"]), 1.0)
            parent_end, child_end = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                ctl.close()
                parent_end.close()
                _child(child_end, config, group)
            child_end.close()
            sandboxes.add(pid, group)
            reply = {"spawned": pid, "cgroup": {"version": group.version, "paths": {k: str(v) for k, v in group.paths.items()}}
                     if group else None}
            socket.send_fds(ctl, [wire.encode(reply)], [parent_end.fileno()])
            parent_end.close()
    finally:
        sandboxes.wait_until_gone()
        if MECHANISMS.cgroups is not None:
            MECHANISMS.cgroups.remove()


def main() -> None:
    ctl = socket.socket(fileno=int(sys.argv[1]))
    zygote(ctl, [m for m in (sys.argv[2] if len(sys.argv) > 2 else "").split(",") if m])
