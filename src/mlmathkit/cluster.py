"""Grading on a Dask cluster: ``mlmathkit grade CHAPTER PATH... --out DIR --cluster tcp://HOST:PORT``.

This machine (the client) keeps everything but the grading itself: intake, the cache, the gradebook,
results, feedback and the report (:mod:`mlmathkit.grading`). Workers need only this package installed.
The chapter's autograder bundle (:func:`judge.chapter_bundle`) reaches each worker once, in a worker
plugin; each submission travels as its bytes; verdicts come back as plain data built by the judge.

Threads: a process is a judge of one chapter at a time (:mod:`mlmathkit.judge` keeps module-level
state, runs the tests from the autograder folder as its working directory and swallows stdout), so
a lock grades one submission at a time per worker process. Run workers with one thread and one
process per core (``dask worker ADDRESS --nworkers N --nthreads 1``); more threads are safe, only idle.

Failures never lose a row: Dask reschedules the task of a lost worker (a ``KilledWorker`` row once
the scheduler's allowed-failures run out) and retries a task that raised once; a task with no
verdict ``2 x timeout + 60`` s after it started is cancelled, becomes a row, and its worker (a hung
judge) is restarted; when the scheduler goes away the client waits for it and resubmits (a started
submission at most once more); and if nothing progresses for that deadline plus the judges' warm-up
allowance, every remaining submission becomes a row. Exactly one (path, verdict or exception) per file.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterator

import distributed
from distributed.diagnostics.plugin import WorkerPlugin

from . import judge
from .course import Chapter
from .intake import MAX_NOTEBOOK_BYTES, MAX_ZIP_BYTES

log = logging.getLogger(__name__)

CONNECT_SECONDS = 10  # to reach the scheduler at all: a wrong address fails fast
RECONNECT_SECONDS = 60  # for a scheduler that went away to come back
WARMUP_SECONDS = 300  # a judge's start-up (its zygote may take this long to say hello)
WORKERLESS_SECONDS = 180  # with no worker at all for this long, give up (time enough for an autoscaler)
SETUP_SECONDS = 120  # plugin (un)registration: a broadcast that a stalled worker can hold up
POLL_SECONDS = 0.1
STARTED_TOPIC = "mlmathkit-grading-started"


class ClusterError(Exception):
    """The cluster cannot be used at all (no scheduler, workers that cannot run the judge)."""


# --------------------------------------------------------------------------- worker side
_JUDGE_LOCK = threading.Lock()  # one submission at a time per process: see the module docstring
_REGISTRY_LOCK = threading.Lock()  # guards the two below; taken on the worker's event loop, so never held long
_BUNDLES: dict[str, tuple[dict[str, Any], Path, str]] = {}  # digest -> (bundle, local directory, client's grader)
_USERS: collections.Counter[str] = collections.Counter()  # digest -> registered plugins that need its judge
_CURRENT: dict[str, Any] = {}  # this process's judge: digest, folder, mechanisms


class JudgePlugin(WorkerPlugin):
    """Brings one chapter's bundle to a worker and warms its judge in the background.

    Setup and teardown only update the registry and start a thread: they run on the worker's event
    loop, which must keep answering the scheduler's heartbeats while a judge starts.
    """

    def __init__(self, bundle: dict[str, Any], digest: str, grader: str):
        self.bundle, self.digest, self.grader = bundle, digest, grader

    def setup(self, worker: distributed.Worker) -> None:
        with _REGISTRY_LOCK:
            _BUNDLES[self.digest] = (self.bundle, Path(worker.local_directory), self.grader)
            _USERS[self.digest] += 1
        threading.Thread(target=_warm, args=(self.digest,), daemon=True).start()

    def teardown(self, worker: distributed.Worker) -> None:
        with _REGISTRY_LOCK:
            _USERS[self.digest] -= 1
        threading.Thread(target=_retire_if_unused, args=(self.digest,), daemon=True).start()


@functools.cache
def _worker_grader() -> str:
    from .grading import grader_fingerprint

    return grader_fingerprint()


def _warm(digest: str) -> None:
    with _JUDGE_LOCK:
        try:
            _judge_for(digest)
        except Exception:  # noqa: BLE001 - the first task meets the same error and reports it in its row
            log.exception("mlmathkit: the judge could not start")


def _retire_if_unused(digest: str) -> None:
    with _JUDGE_LOCK:
        with _REGISTRY_LOCK:
            if _USERS[digest] > 0:
                return  # re-registered meanwhile (the client reconnected): keep the warm judge
            del _USERS[digest]
            _BUNDLES.pop(digest, None)
        if _CURRENT.get("digest") == digest:  # outside the registry lock: closing a zygote takes seconds
            _retire_judge()


def _retire_judge() -> None:
    """Stop this process's judge (its zygote and private folder). Caller holds the judge lock."""
    zygote = judge._STATE.get("zygote")  # left in place: the judge's exit hook closes it again, harmlessly
    if zygote is not None:
        zygote.close()
    if "folder" in _CURRENT:
        shutil.rmtree(_CURRENT["folder"], ignore_errors=True)
    _CURRENT.clear()


def _judge_for(digest: str) -> dict[str, Any]:
    """Make this process the judge of ``digest``'s chapter unless it already is; its sandbox mechanisms."""
    if _CURRENT.get("digest") == digest:
        return _CURRENT["mechanisms"]
    with _REGISTRY_LOCK:
        entry = _BUNDLES.get(digest)
    if entry is None:
        raise RuntimeError("this worker holds no bundle for the chapter: the batch's plugin was removed")
    bundle, local_directory, grader = entry
    if grader != _worker_grader():  # a verdict from other grader code would be cached under the client's
        raise RuntimeError(f"this worker runs mlmathkit {_worker_grader()}, the client {grader}: "
                           "install the same version everywhere")
    if _CURRENT:
        _retire_judge()  # another chapter's judge, or a start that failed half-way
    _CURRENT["folder"] = Path(tempfile.mkdtemp(prefix="mlmathkit-judge-", dir=local_directory))
    judge.init_chapter(judge.unpack_bundle(bundle, _CURRENT["folder"]))
    _CURRENT.update(digest=digest, mechanisms=judge.mechanisms())
    return _CURRENT["mechanisms"]


def _announce(token: str) -> None:
    """Tell the client this submission is starting now: its deadline counts from here, not from the queue."""
    with contextlib.suppress(ValueError):  # not inside a Dask worker
        worker = distributed.get_worker()
        worker.log_event(STARTED_TOPIC, {"token": token, "worker": worker.address})


def grade_task(digest: str, token: str, data: bytes, suffix: str, limits: judge.Limits
               ) -> tuple[judge.Verdict, dict[str, Any]]:
    """One submission, on a worker: the verdict, and the sandbox mechanisms it was graded with."""
    with _JUDGE_LOCK:
        mechanisms = _judge_for(digest)
        _announce(token)
        return judge.grade_bytes(data, suffix, limits), mechanisms


# --------------------------------------------------------------------------- client side
def _package_version() -> str:
    """Run on the scheduler: Dask unpickles every task there, so it needs this package too."""
    from . import __version__

    return __version__


def _within(seconds: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``fn(...)`` given up on after ``seconds``: a broadcast to a stalled worker may never answer."""
    done: concurrent.futures.Future = concurrent.futures.Future()

    def run() -> None:
        try:
            done.set_result(fn(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - handed to the caller
            done.set_exception(e)

    threading.Thread(target=run, daemon=True).start()
    return done.result(timeout=seconds)


def connect(address: str) -> distributed.Client:
    """A client of the scheduler at ``address``, or a :class:`ClusterError` saying how to start one."""
    hint = f"no Dask scheduler answers at {address}: start one with `dask scheduler` (see README, Grading on a cluster)"
    try:
        host, port = distributed.comm.get_address_host_port(address)
    except ValueError:
        host = port = None  # not a host:port transport (inproc, ucx): let Dask try
    if host is not None:  # Dask retries a refused connection until its timeout; a plain probe fails at once
        try:
            socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
        except OSError as e:
            raise ClusterError(f"{hint} ({e.strerror or e})") from None
    try:  # the timeout also bounds how long the client waits for a scheduler that went away to come back
        return distributed.Client(address, timeout=RECONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"{hint} ({type(e).__name__}: {e})") from None


def _read_capped(path: Path) -> bytes:
    """The file's bytes, at most one past intake's size limit: the judge's size check still says the same."""
    cap = (MAX_ZIP_BYTES if path.suffix.lower() == ".zip" else MAX_NOTEBOOK_BYTES) + 1
    with open(path, "rb") as f:
        return f.read(cap)


def _explain(error: BaseException) -> BaseException:
    if isinstance(error, distributed.KilledWorker):
        return RuntimeError("not graded: every Dask worker that took this submission died while grading it "
                            "(the scheduler's allowed-failures ran out); re-run to retry")
    if isinstance(error, concurrent.futures.CancelledError):
        return RuntimeError("not graded: the cluster cancelled this submission")
    return error


@dataclasses.dataclass
class _Job:
    path: Path
    token: str = ""  # the key of its current task
    losses: int = 0  # times the scheduler lost it after it had started


class _Batch:
    """Submits, watches and collects one batch; ``run`` yields exactly one pair per file."""

    def __init__(self, address: str, chapter: Chapter, files: list[Path], limits: judge.Limits,
                 warn: Callable[[dict], None]):
        self.address, self.limits, self.warn = address, limits, warn
        bundle = judge.chapter_bundle(chapter)
        self.digest = hashlib.sha256(pickle.dumps(bundle["files"]) + repr(bundle["chapter"]).encode()).hexdigest()
        from .grading import grader_fingerprint

        self.plugin = JudgePlugin(bundle, self.digest, grader_fingerprint())
        self.plugin_name = f"mlmathkit-judge-{self.digest[:12]}-{uuid.uuid4().hex[:8]}"  # this batch's own
        self.deadline = limits.timeout * 2 + 60
        self.stall = self.deadline + WARMUP_SECONDS
        self.queue = collections.deque(_Job(p) for p in files)
        self.pending: dict[distributed.Future, _Job] = {}
        self.prefix = f"mlmathkit-grade-{uuid.uuid4().hex[:8]}-"  # this batch's task keys
        self.started: dict[str, tuple[float, str]] = {}  # token -> (when, worker); set on the client's loop
        self.reports: set[str] = set()
        self.client: distributed.Client | None = None
        self.completed: distributed.as_completed | None = None
        self.scheduler_id = ""
        self.window = 0
        self.last_progress = self.last_census = self.last_worker = time.monotonic()

    # ---------------------------------------------------------------- set-up
    def run(self) -> Iterator[tuple[Path, Any]]:
        self.client = connect(self.address)
        try:
            self._setup(first=True)
            self.completed = distributed.as_completed(loop=self.client.loop, with_results=True, raise_errors=False)
            while self.queue or self.pending:
                if self.client.status in ("closing", "closed"):
                    yield from self._abandon(f"not graded: the Dask scheduler at {self.address} went away and "
                                             f"did not come back within {RECONNECT_SECONDS} s")
                    break
                yield from self._top_up()
                ready = self.completed.next_batch(block=False)
                for future, result in ready:
                    yield from self._collect(future, result)
                yield from self._expire()
                if not ready:
                    time.sleep(POLL_SECONDS)
        finally:
            self._close()

    def _setup(self, first: bool = False) -> None:
        """The judge plugin on every worker (present and future), and the start events; once per scheduler."""
        client = self.client
        client.subscribe_topic(STARTED_TOPIC, self._on_started)
        scheduler_id = client.scheduler_info()["id"]
        if scheduler_id == self.scheduler_id:
            return
        try:
            _within(SETUP_SECONDS, client.run_on_scheduler, _package_version)
        except Exception as e:  # noqa: BLE001 - every task would fail to unpickle there
            raise ClusterError(f"the Dask scheduler at {self.address} cannot load mlmathkit ({type(e).__name__}: "
                               f"{str(e)[:300]}): install this version of mlmathkit in its environment too") from None
        try:
            _within(SETUP_SECONDS, client.register_plugin, self.plugin, name=self.plugin_name)
        except TimeoutError:
            print("WARNING: some Dask workers did not acknowledge the judge plugin in time; they will "
                  "grade once they answer", file=sys.stderr)
        except Exception as e:  # noqa: BLE001 - a worker without this package, or another version of it
            raise ClusterError(f"the Dask workers at {self.address} cannot load mlmathkit's judge "
                               f"({type(e).__name__}: {str(e)[:300]}): install this version of mlmathkit, "
                               "on the same Python, on every worker") from None
        self.scheduler_id = scheduler_id
        if first and not client.nthreads():
            print(f"no Dask worker has joined {self.address} yet: waiting for one (start workers with "
                  f"`dask worker {self.address} --nthreads 1`)", file=sys.stderr)

    def _on_started(self, event: tuple[float, dict]) -> None:
        msg = event[1]
        if isinstance(msg, dict) and str(msg.get("token")).startswith(self.prefix):
            self.started[msg["token"]] = (time.monotonic(), str(msg.get("worker", "")))
            self.last_progress = time.monotonic()

    def _close(self) -> None:
        if self.client is None:
            return
        with contextlib.suppress(Exception):  # best effort: the client may already be gone
            if self.client.status == "running" and self.scheduler_id:
                _within(SETUP_SECONDS, self.client.unregister_worker_plugin, self.plugin_name)
        with contextlib.suppress(Exception):
            self.client.close(timeout=10)

    # ---------------------------------------------------------------- submitting
    def _top_up(self) -> Iterator[tuple[Path, Any]]:
        """Keep a bounded number of submissions on the cluster: the scheduler holds their bytes."""
        now = time.monotonic()
        if now - self.last_census > 2 or not self.window:
            self.last_census = now
            with contextlib.suppress(Exception):
                threads = self.client.nthreads()
                self.window = max(32, 4 * sum(threads.values()))
                if threads:
                    self.last_worker = now
        while self.queue and len(self.pending) < (self.window or 32):
            job = self.queue.popleft()
            try:
                self._submit(job)
            except Exception as e:  # noqa: BLE001 - an unreadable file, say: that file's row
                yield job.path, e

    def _submit(self, job: _Job) -> None:
        job.token = self.prefix + uuid.uuid4().hex
        future = self.client.submit(grade_task, self.digest, job.token, _read_capped(job.path), job.path.suffix,
                                    self.limits, key=job.token, retries=1, pure=False)
        self.pending[future] = job
        self.completed.add(future)

    # ---------------------------------------------------------------- collecting
    def _collect(self, future: distributed.Future, result: Any) -> Iterator[tuple[Path, Any]]:
        job = self.pending.get(future)
        if job is None:  # already given up on (a deadline) or resubmitted
            return
        if future.status == "cancelled":  # not by us: the scheduler went away or restarted
            yield from self._recover()
            return
        del self.pending[future]
        self.started.pop(job.token, None)
        self.last_progress = time.monotonic()
        if future.status == "finished" and isinstance(result, tuple) and len(result) == 2 \
                and isinstance(result[0], judge.Verdict) and isinstance(result[1], dict):
            verdict, mechanisms = result
            self._note_mechanisms(verdict, mechanisms)
            yield job.path, verdict
        elif future.status == "error" and isinstance(result, tuple) and isinstance(result[1], BaseException):
            yield job.path, _explain(result[1])  # (type, exception, traceback)
        else:
            yield job.path, RuntimeError(f"not graded: no verdict came back (task {future.status})")

    def _note_mechanisms(self, verdict: judge.Verdict, mechanisms: dict[str, Any]) -> None:
        missing = [str(m) for m in (mechanisms.get("missing") or [])]
        if not missing:
            return
        report = json.dumps(mechanisms, sort_keys=True, default=str)
        if report not in self.reports:
            self.reports.add(report)
            self.warn(mechanisms)
        verdict.warnings.append("graded on a machine whose sandbox lacks: " + "; ".join(missing))

    def _recover(self) -> Iterator[tuple[Path, Any]]:
        """Our tasks were cancelled by the cluster: wait for the scheduler, set up again and resubmit."""
        client, deadline = self.client, time.monotonic() + RECONNECT_SECONDS + 10
        while client.status not in ("running", "closed", "closing") and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        try:
            if client.status != "running":
                raise ConnectionError(client.status)
            self._setup()
        except Exception:  # noqa: BLE001 - gone for good: what is left becomes rows
            yield from self._abandon(f"not graded: the Dask scheduler at {self.address} went away and did not "
                                     f"come back within {RECONNECT_SECONDS} s")
            return
        for future, job in list(self.pending.items()):
            if future.status != "cancelled":
                continue
            del self.pending[future]
            if self.started.pop(job.token, None) is not None:
                job.losses += 1
            if job.losses >= 2:
                yield job.path, RuntimeError("not graded: the Dask scheduler lost this submission twice while "
                                             "grading it; re-run to retry")
            else:
                self.queue.appendleft(job)

    def _expire(self) -> Iterator[tuple[Path, Any]]:
        now = time.monotonic()
        for future, job in list(self.pending.items()):
            started = self.started.get(job.token)
            if started and now - started[0] > self.deadline:
                del self.pending[future]
                self.started.pop(job.token, None)
                future.cancel()
                # a judge this late is hung, and holds its process's lock: restart that worker (needs a nanny)
                threading.Thread(target=self._restart, args=(started[1],), daemon=True).start()
                yield job.path, RuntimeError(f"not graded: no verdict {self.deadline:g} s after grading started on "
                                             f"{started[1]} (a stalled worker); re-run to retry")
        if now - self.last_worker > WORKERLESS_SECONDS:  # Dask workers exit when their scheduler does
            yield from self._abandon(f"not graded: no Dask worker was connected to {self.address} for "
                                     f"{WORKERLESS_SECONDS} s; start workers with `dask worker {self.address} "
                                     "--nthreads 1`, under a supervisor that restarts them")
        if now - self.last_progress > self.stall:
            yield from self._abandon(f"not graded: the cluster made no progress for {self.stall:g} s "
                                     f"({self._census()} connected to {self.address})")

    def _census(self) -> str:
        try:
            return f"{len(self.client.nthreads())} worker(s)"
        except Exception:  # noqa: BLE001 - only for a message
            return "no answer about workers"

    def _restart(self, worker: str) -> None:
        with contextlib.suppress(Exception):
            self.client.restart_workers([worker], timeout=60, raise_for_error=False)

    def _abandon(self, reason: str) -> Iterator[tuple[Path, Any]]:
        for future, job in list(self.pending.items()):
            future.cancel()
            yield job.path, RuntimeError(reason)
        self.pending.clear()
        while self.queue:
            yield self.queue.popleft().path, RuntimeError(reason)


def verdicts_on_cluster(address: str, chapter: Chapter, files: list[Path], limits: judge.Limits,
                        warn: Callable[[dict], None]) -> Iterator[tuple[Path, Any]]:
    """(file, Verdict or the exception that stopped it), as they finish, graded on the cluster at ``address``."""
    yield from _Batch(address, chapter, files, limits, warn).run()


# --------------------------------------------------------------------------- a local cluster (tests, bench)
class LocalDask:
    """``dask scheduler`` and ``dask worker --nthreads 1`` processes of this Python, on 127.0.0.1.

    Every process runs in a session of its own, so :meth:`kill_worker` and :meth:`stop` kill its whole
    tree (nanny, worker, judge's zygote); ``with LocalDask(...)`` stops everything, even on error.
    """

    def __init__(self, folder: Path, workers: int = 2, env: dict[str, str] | None = None):
        self.folder, self.n, self.env = folder, workers, env
        self.procs: list[subprocess.Popen] = []
        self.address = ""

    def __enter__(self) -> "LocalDask":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, name: str, *args: str) -> subprocess.Popen:
        with open(self.folder / f"{name}.log", "wb") as logfile:  # never a pipe: a full one would block Dask
            proc = subprocess.Popen([sys.executable, "-m", "dask", *args], stdin=subprocess.DEVNULL, stdout=logfile,
                                    stderr=subprocess.STDOUT, start_new_session=True, env=self.env)
        self.procs.append(proc)
        return proc

    def start(self, timeout: float = 300) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        info = self.folder / "scheduler.json"
        info.unlink(missing_ok=True)
        scheduler = self._spawn("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                "--scheduler-file", str(info))
        deadline = time.monotonic() + timeout
        while not info.is_file() or not info.read_text().strip().endswith("}"):
            if scheduler.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"dask scheduler did not start: see {self.folder / 'scheduler.log'}")
            time.sleep(0.2)
        self.address = json.loads(info.read_text())["address"]
        self.workers = [self._spawn(f"worker{i}", "worker", self.address, "--host", "127.0.0.1", "--nthreads", "1",
                                    "--no-dashboard", "--name", f"w{i}", "--death-timeout", "60",
                                    "--local-directory", str(self.folder / f"worker{i}"))
                        for i in range(self.n)]
        with distributed.Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(self.n, timeout=max(1.0, deadline - time.monotonic()))

    def kill_worker(self, i: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.workers[i].pid, signal.SIGKILL)
        self.workers[i].wait()

    def stop(self, grace: float = 30) -> None:
        """Ask every process to shut down (judges close their sandboxes), then kill whatever lingers."""
        for proc in reversed(self.procs):  # workers first, then the scheduler
            with contextlib.suppress(ProcessLookupError):
                proc.terminate()
        deadline = time.monotonic() + grace
        for proc in reversed(self.procs):
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        for proc in self.procs:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        self.procs.clear()
