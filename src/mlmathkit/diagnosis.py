"""Misconception diagnosis: which catalogued mistake reproduces a student's answers.

When a question loses points, the trusted side replays the very calls the tests made (their
arguments, exactly as they were sent to the sandbox) on each of the question's catalogued mistakes
(``solutions/<ch>/variants`` and the blind ones) and on the reference, and compares the outcomes
with the student's. A mistake that reproduces every answer, where the reference does not, is named
in the feedback as ``Likely mistake: <its student-facing description>``.

The mistakes are instructor code, run in-process on a namespace built from the reference notebook's
definitions only (imports, functions, classes: no demos, no plots). Every submission is graded on the
same seeded inputs, so each mistake's outcome on a call is computed once per judge and cached by the
call's bytes: diagnosing the next submission is nearly free.
"""

from __future__ import annotations

import ast
import dataclasses
import hashlib
import signal
import threading
import types
from typing import Any

import nbformat
import numpy as np

from . import wire
from .checks import call_guarded
from .course import Chapter
from .variants import Variant, load_variants

REPLAY_SECONDS = 10  # per replayed call; a mistake that runs longer is not a candidate
MAX_NAMED = 2


@dataclasses.dataclass(frozen=True)
class Call:
    """One call a test made: what was sent (wire bytes) and what came back (plain values or an error type)."""

    name: str
    payload: bytes
    ok: bool
    value: Any  # the result when ok, else the exception's type name


def definitions(chapter: Chapter) -> dict[str, Any]:
    """The reference notebook's imports and definitions, executed without its demos and plots."""
    from .scoring import chapter_cwd, quiet

    env: dict[str, Any] = {"__name__": "__main__"}
    nb = nbformat.read(chapter.reference_notebook, as_version=4)
    with chapter_cwd(chapter), quiet():
        for cell in nb.cells:
            if cell.cell_type != "code" or "grader." in cell.source:
                continue
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                continue
            keep = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef))]
            exec(compile(ast.Module(keep, type_ignores=[]), "<reference>", "exec"), env)
    return env


def rebound_copy(env: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``env`` whose functions look up globals in the copy, so a redefinition is seen by callers."""
    new = dict(env)
    for name, value in env.items():
        if isinstance(value, types.FunctionType) and value.__globals__ is env:
            fn = types.FunctionType(value.__code__, new, value.__name__, value.__defaults__, value.__closure__)
            fn.__kwdefaults__, fn.__dict__ = value.__kwdefaults__, dict(value.__dict__)
            new[name] = fn
    return new


def _plain(value: Any, depth: int = 0) -> Any:
    """A comparable form: nested lists of float64 arrays, strings and None."""
    if depth > 20:
        return None
    if isinstance(value, dict):
        return [("k", str(k), _plain(v, depth + 1)) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))]
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    try:
        return np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        return repr(type(value))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, tuple) and isinstance(b, tuple):
        return a[:2] == b[:2] and _same(a[2], b[2])
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-6, atol=1e-10, equal_nan=True))
    return a == b if not isinstance(a, np.ndarray) and not isinstance(b, np.ndarray) else False


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout


class Diagnoser:
    """Per chapter: the mistakes' namespaces and their cached outcomes on the calls tests make."""

    def __init__(self, chapter: Chapter, base: dict[str, Any] | None = None):
        self.chapter = chapter
        self.mistakes = {q: [v for v in vs if v.kind == "mistake"] for q, vs in load_variants(chapter).items()}
        self._base = base  # the reference's namespace (built lazily from its definitions when not given)
        self._envs: dict[tuple[str, int], dict[str, Any] | None] = {}
        self._outcomes: dict[tuple[str, int, bytes], tuple[bool, Any] | None] = {}

    def _env(self, question: str, index: int) -> dict[str, Any] | None:
        """index -1: the reference; else the question's index-th mistake (None if it does not load)."""
        key = (question, index)
        if key not in self._envs:
            if self._base is None:
                self._base = definitions(self.chapter)
            from .scoring import chapter_cwd, exec_cells

            env = rebound_copy(self._base)
            try:
                if index >= 0:  # as the audit runs it: the shipped module names resolve, from the chapter's folder
                    with chapter_cwd(self.chapter):
                        env = exec_cells([self.mistakes[question][index].source], env)
            except Exception:  # noqa: BLE001 - a catalogue entry that does not load is never a diagnosis
                env = None
            self._envs[key] = env
        return self._envs[key]

    def _outcome(self, question: str, index: int, call: Call) -> tuple[bool, Any] | None:
        key = (question, index, hashlib.sha256(call.payload).digest())
        if key not in self._outcomes:
            self._outcomes[key] = self._replay(self._env(question, index), call)
        return self._outcomes[key]

    def _replay(self, env: dict[str, Any] | None, call: Call) -> tuple[bool, Any] | None:
        from .scoring import chapter_cwd, quiet

        fn = env.get(call.name) if env else None
        if not callable(fn):
            return None
        timed = threading.current_thread() is threading.main_thread()
        with chapter_cwd(self.chapter), quiet():
            msg = wire.decode(call.payload, tensor=_tensor, fixture=_fixture)
            rules = msg.get("rules")
            try:
                if timed:
                    previous = signal.signal(signal.SIGALRM, _alarm)
                    signal.setitimer(signal.ITIMER_REAL, REPLAY_SECONDS)
                if isinstance(rules, dict):
                    value = call_guarded(fn, call.name, tuple(rules.get("forbid") or ()), tuple(msg["args"]), msg["kwargs"])
                else:
                    value = fn(*msg["args"], **msg["kwargs"])
                return True, _plain(value)
            except _Timeout:
                return None
            except Exception as e:  # noqa: BLE001 - the mistake's own failure is an outcome to compare
                return False, type(e).__name__
            finally:
                if timed:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)

    def _matches(self, question: str, index: int, calls: list[Call]) -> bool:
        for call in calls:
            outcome = self._outcome(question, index, call)
            if outcome is None or outcome[0] != call.ok:
                return False
            if not (_same(outcome[1], _plain(call.value)) if call.ok else outcome[1] == call.value):
                return False
        return True

    def diagnose(self, question: str, calls: list[Call]) -> list[Variant]:
        """The catalogued mistakes that reproduce every recorded outcome (none if the reference does too)."""
        calls = [c for c in calls if c.payload]
        if not calls or not self.mistakes.get(question) or self._matches(question, -1, calls):
            return []
        found = [v for i, v in enumerate(self.mistakes[question]) if self._matches(question, i, calls)]
        return found[:MAX_NAMED]


def _tensor(array: np.ndarray):
    import torch

    return torch.from_numpy(array)


def _fixture(name: str):
    from . import fixtures

    fn = getattr(fixtures, name, None)
    if not callable(fn) or name.startswith("_"):
        raise wire.WireError(f"unknown fixture {name!r}")
    return fn


class Recorder:
    """In-process stand-in for a graded function that records its calls like the grader's proxies do
    (the audit uses it to measure how often the diagnosis names a catalogued mistake)."""

    def __init__(self, fn: Any, name: str, calls: list[Call]):
        self.fn, self.__name__, self.calls = fn, name, calls

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(args, kwargs, None)

    def with_rules(self, forbid: tuple[str, ...]):
        return lambda *args, **kwargs: self._call(args, kwargs, {"forbid": list(forbid)})

    def _call(self, args: tuple, kwargs: dict, rules: dict | None) -> Any:
        try:
            payload = wire.encode({"call": self.__name__, "args": list(args), "kwargs": dict(kwargs), "rules": rules})
        except wire.WireError:
            payload = b""
        try:
            value = (call_guarded(self.fn, self.__name__, tuple(rules["forbid"]), args, kwargs) if rules
                     else self.fn(*args, **kwargs))
        except Exception as e:
            self.calls.append(Call(self.__name__, payload, False, type(e).__name__))
            raise
        self.calls.append(Call(self.__name__, payload, True, _wire_view(value)))
        return value


def _wire_view(value: Any) -> Any:
    """The value as the judge would see it after the sandbox sent it (tensors become arrays)."""
    try:
        return wire.decode(wire.encode(value))
    except wire.WireError:
        return repr(type(value))
