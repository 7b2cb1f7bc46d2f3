"""Limits for a submission as a whole: memory (tmpfs pages included), processes and CPU, by cgroup.

rlimits are per process: 64 processes each under ``RLIMIT_AS``, plus a tmpfs, add up to many times
the memory limit. A cgroup counts every page the submission's processes touch (tmpfs pages are
charged to the cgroup that writes them), every process and every CPU second. cgroup v1 (one hierarchy
per controller, as on these machines) and v2 (one unified hierarchy) are both supported; the
submission's cgroups are created inside the grader's own, so outer limits still apply.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
V1_CONTROLLERS = ("memory", "pids", "cpu", "cpuacct")
CPU_PERIOD_US = 100_000


def _own_cgroups() -> dict[str, str]:
    """controller (or "" for v2) -> this process's cgroup path, from /proc/self/cgroup."""
    out = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for c in controllers.split(",") if controllers else [""]:
            out[c] = path
    return out


class Hierarchy:
    """Where this grader may create cgroups: a parent folder per controller (v1) or one (v2)."""

    def __init__(self, version: int, parents: dict[str, Path]):
        self.version, self.parents = version, parents

    @classmethod
    def create(cls, tag: str) -> "Hierarchy | None":
        """A parent cgroup named ``tag`` for this grader's sandboxes, or None when none can be made."""
        own = _own_cgroups()
        try:
            if all((ROOT / c).is_dir() for c in V1_CONTROLLERS) and all(c in own for c in V1_CONTROLLERS):
                parents = {c: ROOT / c / own[c].lstrip("/") / tag for c in V1_CONTROLLERS}
                for p in parents.values():
                    p.mkdir(exist_ok=True)
                return cls(1, parents)
            base = ROOT / own.get("", "/").lstrip("/")
            if (ROOT / "cgroup.controllers").is_file() and {"memory", "pids", "cpu"} <= set(
                    (base / "cgroup.controllers").read_text().split()):
                parent = base / tag
                parent.mkdir(exist_ok=True)
                (parent / "cgroup.subtree_control").write_text("+memory +pids +cpu")
                return cls(2, {"": parent})
        except OSError:
            pass
        return None

    def sandbox(self, name: str, memory_bytes: int, pids: int, cpus: float) -> "Cgroup":
        paths = {c: p / name for c, p in self.parents.items()}
        for p in paths.values():
            p.mkdir()
        group = Cgroup(self.version, paths)
        group.limit(memory_bytes, pids, cpus)
        return group

    def remove(self) -> None:
        for p in self.parents.values():
            _rmdir(p)


class Cgroup:
    """One submission's cgroup(s)."""

    def __init__(self, version: int, paths: dict[str, Path]):
        self.version, self.paths = version, paths

    def _file(self, controller: str, name: str) -> Path:
        return self.paths["" if self.version == 2 else controller] / name

    def limit(self, memory_bytes: int, pids: int, cpus: float) -> None:
        quota = int(cpus * CPU_PERIOD_US)
        if self.version == 1:
            self._file("memory", "memory.limit_in_bytes").write_text(str(memory_bytes))
            swap = self._file("memory", "memory.memsw.limit_in_bytes")
            if swap.exists():  # no swapping out of the limit either
                swap.write_text(str(memory_bytes))
            self._file("pids", "pids.max").write_text(str(pids))
            self._file("cpu", "cpu.cfs_period_us").write_text(str(CPU_PERIOD_US))
            self._file("cpu", "cpu.cfs_quota_us").write_text(str(quota))
        else:
            self._file("", "memory.max").write_text(str(memory_bytes))
            if self._file("", "memory.swap.max").exists():
                self._file("", "memory.swap.max").write_text("0")
            self._file("", "pids.max").write_text(str(pids))
            self._file("", "cpu.max").write_text(f"{quota} {CPU_PERIOD_US}")

    def attach(self, pid: int = 0) -> None:
        """Move ``pid`` (0: the caller) into every controller's cgroup; its children follow."""
        for p in self.paths.values():
            (p / "cgroup.procs").write_text(str(pid or os.getpid()))

    def out_of_memory(self) -> bool:
        try:
            if self.version == 1:
                stats = self._file("memory", "memory.oom_control").read_text()
                return int(stats.split("oom_kill ")[1].split()[0]) > 0
            events = dict(line.split() for line in self._file("", "memory.events").read_text().splitlines())
            return int(events.get("oom_kill", 0)) > 0
        except (OSError, IndexError, ValueError):
            return False

    def usage(self) -> dict[str, float]:
        """CPU seconds and peak memory of the whole submission so far."""
        try:
            if self.version == 1:
                cpu = int(self._file("cpuacct", "cpuacct.usage").read_text()) / 1e9
                peak = int(self._file("memory", "memory.max_usage_in_bytes").read_text())
            else:
                stat = dict(line.split() for line in self._file("", "cpu.stat").read_text().splitlines())
                cpu = int(stat.get("usage_usec", 0)) / 1e6
                peak_file = self._file("", "memory.peak")
                peak = int(peak_file.read_text()) if peak_file.exists() else 0
            return {"cpu_seconds": cpu, "peak_memory_bytes": peak}
        except (OSError, ValueError):
            return {}

    def empty(self) -> bool:
        try:
            return all(not (p / "cgroup.procs").read_text().strip() for p in self.paths.values())
        except OSError:
            return True

    def remove(self) -> bool:
        """Delete the cgroups once their processes are gone; False while some remain."""
        if not self.empty():
            return False
        for p in self.paths.values():
            _rmdir(p)
        return True


def _rmdir(path: Path, attempts: int = 50) -> None:
    for _ in range(attempts):  # a killed task can take a moment to leave
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.01)
