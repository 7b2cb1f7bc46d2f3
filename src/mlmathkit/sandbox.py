"""Untrusted side of the grader: a warm zygote that forks one sandboxed process per submission.

The zygote is started by a judge with ``python -m mlmathkit.sandbox FD``. It imports numpy, scipy,
torch, scikit-learn and matplotlib once and never loads anything secret (no tests, no reference
solutions), because every sandbox it forks inherits its memory. Per submission it forks a child that

1. enters new mount, PID, network, IPC and UTS namespaces (as root; see ``SANDBOX_KIND``): the
   repository, /tmp, home folders and every path the judge names are hidden behind empty tmpfs mounts,
   the Python installation is re-bound read-only, the root file system is read-only, there is no
   network (not even loopback), and the student's process is PID 1 of its namespace so killing it
   from outside takes every descendant with it;
2. drops to an unprivileged uid unique to the submission (whenever it runs as root, namespaces or
   not), sets no_new_privs and limits on address
   space, processes, file size, open files and CPU time;
3. executes the notebook's code cells (IPython syntax translated; otter's grader calls are no-ops),
   then answers calls: function name + arguments in, result out, in the plain-data format of
   :mod:`mlmathkit.wire`.
"""

from __future__ import annotations

import ctypes
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

from . import wire

_libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00020000, 0x04000000, 0x08000000
CLONE_NEWPID, CLONE_NEWNET = 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_NO_NEW_PRIVS = 38
OUTPUT_CAP = 64 * 1024
PREIMPORTS = ("numpy", "scipy.linalg", "scipy.special", "scipy.stats", "scipy.optimize", "torch",
              "sklearn.linear_model", "sklearn.mixture", "sklearn.naive_bayes", "sklearn.decomposition",
              "matplotlib.pyplot", "IPython.core.inputtransformer2", "mlmathkit_fixtures")

# "namespaces" when this process can create them (probed by the zygote at start-up), else "none":
# limits and the trust split only. MLMATHKIT_SANDBOX=none forces the fallback.
SANDBOX_KIND = "none"


def _probe_namespaces() -> str:
    """Can a child enter new namespaces and mount a tmpfs here? (root without CAP_SYS_ADMIN cannot)"""
    if os.environ.get("MLMATHKIT_SANDBOX") == "none" or os.geteuid() != 0:
        return "none"
    pid = os.fork()
    if pid == 0:
        try:
            _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS), "unshare")
            _mount(None, "/", None, MS_REC | MS_PRIVATE)
            _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m")
            os._exit(0)
        except BaseException:  # noqa: BLE001
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return "namespaces" if os.waitstatus_to_exitcode(status) == 0 else "none"


def _check(ret: int, what: str) -> None:
    if ret != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source: str | None, target: str, fstype: str | None, flags: int, data: str | None = None) -> None:
    _check(_libc.mount(source and source.encode(), target.encode(), fstype and fstype.encode(),
                       ctypes.c_ulong(flags), data and data.encode()), f"mount {target}")


# --------------------------------------------------------------------------- isolation
def _isolate(config: dict[str, Any]) -> None:
    """Runs as PID 1 of fresh namespaces (root): hide paths, read-only root, drop privileges."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    keep = [p for p in dict.fromkeys(config["keep"]) if os.path.isdir(p)]
    keep_fds = [os.open(p, os.O_PATH) for p in keep]
    for path in sorted(set(config["hide"]), key=len):
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0755")
    for path, fd in zip(keep, keep_fds):
        os.makedirs(path, exist_ok=True)
        _mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
        _mount(None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID)
        os.close(fd)
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"size={config['tmp_bytes']},mode=1777")
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV)
    _mount(None, "/", None, MS_REMOUNT | MS_BIND | MS_RDONLY)


def _drop_privileges(uid: int) -> None:
    """Become an unprivileged uid of our own (when root), and never regain privileges."""
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl")


def _limit(config: dict[str, Any]) -> None:
    vm = _vm_size()
    lim = {
        resource.RLIMIT_AS: vm + int(config["memory_bytes"]),  # on top of the warm imports
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


def _run_cells(cells: list[str], ns: dict[str, Any]) -> tuple[list[dict[str, str]], bool]:
    from IPython.core.inputtransformer2 import TransformerManager

    transform = TransformerManager().transform_cell
    errors, memory = [], False
    for i, src in enumerate(cells):
        try:
            code = compile(transform(src), f"<cell {i + 1}>", "exec")
            exec(code, ns)
        except BaseException as e:  # noqa: BLE001 - the student's error, recorded for feedback
            memory |= isinstance(e, MemoryError)
            tb = traceback.extract_tb(e.__traceback__)
            where = next((f"cell {fr.filename[6:-1]}, line {fr.lineno}" for fr in reversed(tb)
                          if fr.filename.startswith("<cell ")), f"cell {i + 1}")
            errors.append({"cell": str(i + 1), "where": where, "type": type(e).__name__, "message": str(e)[:500]})
    return errors, memory


def _serve(sock: socket.socket, config: dict[str, Any]) -> None:
    import numpy as np
    import torch

    import mlmathkit_fixtures

    def fixture(name: str):
        fn = getattr(mlmathkit_fixtures, name, None)
        if not callable(fn) or name.startswith("_"):
            raise wire.WireError(f"unknown fixture {name!r}")
        return fn

    request = wire.decode(wire.recv(sock))
    out = _CappedText()
    sys.stdout = sys.stderr = out
    os.environ.clear()
    os.environ.update({"HOME": "/tmp", "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
    os.chdir("/tmp")
    sys.modules["otter"] = _fake_otter()
    ns: dict[str, Any] = {"__name__": "__main__", "get_ipython": _NoIPython}
    start = time.monotonic()
    errors, memory = _run_cells(list(request["cells"]), ns)
    defined = sorted(k for k, v in ns.items() if callable(v) and not k.startswith("_"))
    wire.send(sock, wire.encode({"ready": True, "defined": defined, "errors": errors, "memory_error": memory,
                                 "seconds": time.monotonic() - start, "output": out.text()}))
    while True:
        msg = wire.decode(wire.recv(sock), tensor=torch.from_numpy, fixture=fixture)
        if msg.get("bye"):
            return
        name, args, kwargs = msg["call"], list(msg["args"]), dict(msg["kwargs"])
        t0 = time.monotonic()
        try:
            func = ns.get(name)
            if not callable(func):
                raise NameError(f"{name} is not defined in your notebook (check its spelling, and run its cell)")
            result = func(*args, **kwargs)
            payload = wire.encode({"ok": result, "seconds": time.monotonic() - t0,
                                   "rng": [a.bit_generator.state if isinstance(a, np.random.Generator) else None
                                           for a in args]})
        except wire.WireError as e:
            payload = wire.encode({"error": {"type": "TypeError", "message": f"{name} returned a value the grader "
                                             f"cannot read ({e}); return numbers, arrays, tuples or dicts"}})
        except BaseException as e:  # noqa: BLE001 - the student's exception is the answer
            payload = wire.encode({"error": {"type": type(e).__name__, "message": str(e)[:1000],
                                             "memory": isinstance(e, MemoryError)}})
        wire.send(sock, payload)


def _child(sock: socket.socket, config: dict[str, Any]) -> None:
    """Runs in the forked child A: enter namespaces, fork the sandboxed PID 1 (B), report its pid."""
    os.setsid()  # a process group of our own: the judge kills it whole (the only tree kill without namespaces)
    if SANDBOX_KIND == "namespaces":
        _check(_libc.unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET), "unshare")
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            if SANDBOX_KIND == "namespaces":
                _isolate(config)
            _drop_privileges(int(config["uid"]))
            _limit(config)
            _serve(sock, config)
        except BaseException:  # noqa: BLE001 - nothing useful to do but leave
            code = 1
        finally:
            os._exit(code)
    wire.send(sock, wire.encode({"pid": pid, "pgid": os.getpgid(0)}))
    try:
        os.waitpid(pid, 0)
    finally:
        os._exit(0)


def _alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
        return True
    except (ProcessLookupError, PermissionError):
        return False


def _wait_until_gone(groups: list[int], limit: float = 60.0) -> None:
    """Killed sandboxes take a moment to be torn down (a PID namespace's leader exits last): wait for it."""
    deadline = time.monotonic() + limit
    while any(_alive(g) for g in groups) and time.monotonic() < deadline:
        time.sleep(0.01)


def zygote(ctl: socket.socket) -> None:
    import importlib

    import torch

    from mlmathkit import checks, fixtures

    # students may import the shipped helper modules; they resolve to the package's public copies
    sys.modules.update({"mlmathkit_checks": checks, "mlmathkit_fixtures": fixtures})
    for name in PREIMPORTS:
        importlib.import_module(name)
    torch.set_num_threads(1)
    global SANDBOX_KIND
    SANDBOX_KIND = _probe_namespaces()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped automatically
    wire.send(ctl, wire.encode({"ready": True, "kind": SANDBOX_KIND}))
    groups: list[int] = []  # one process group per sandbox (its leader is the forked child A)
    while True:
        try:
            config = wire.decode(wire.recv(ctl))
        except EOFError:
            _wait_until_gone(groups)
            return
        parent_end, child_end = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            ctl.close()
            parent_end.close()
            _child(child_end, config)
        child_end.close()
        groups = [g for g in groups if _alive(g)] + [pid]
        socket.send_fds(ctl, [wire.encode({"spawned": pid})], [parent_end.fileno()])
        parent_end.close()


def main() -> None:
    ctl = socket.socket(fileno=int(sys.argv[1]))
    zygote(ctl)


if __name__ == "__main__":
    main()
