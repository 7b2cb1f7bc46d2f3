"""Sandbox uids that never repeat on this machine.

Each submission runs under a uid of its own, so nothing one leaves behind (a file, a key, a process,
a SysV object) is owned by the uid of another. Deriving uids from pids repeats them in every batch
that starts in a fresh PID namespace (containers, CI); instead a counter in a root-owned state file,
advanced under a file lock, hands out blocks of uids to each judge.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

FIRST_UID = 1 << 20  # far above any uid a distribution hands out to users or services
LAST_UID = (1 << 31) - 2  # below the 32-bit "no uid" values
BLOCK = 64
STATE = Path(os.environ.get("MLMATHKIT_STATE_DIR", "/var/lib/mlmathkit")) / "next-sandbox-uid"


class UidAllocator:
    def __init__(self, state: Path = STATE):
        self.state, self.next, self.end = state, 0, 0

    def take(self) -> int:
        if self.next >= self.end:
            self.next, self.end = self._reserve(BLOCK)
        uid, self.next = self.next, self.next + 1
        return uid

    def _reserve(self, n: int) -> tuple[int, int]:
        self.state.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.state, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            text = os.read(fd, 64).decode().strip()
            start = int(text) if text.isdigit() and FIRST_UID <= int(text) < LAST_UID - n else FIRST_UID
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, str(start + n).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        return start, start + n
