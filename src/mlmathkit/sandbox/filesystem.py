"""The sandbox's file system: an allow-list, not a list of things to hide.

The root is an empty tmpfs. Into it go, read-only, only what student code needs to run: the Python
installation(s) the zygote runs from (wherever they live, /tmp included) and the system directories
the interpreter and its libraries link against, plus the dynamic loader's cache. Then a private
size-limited /tmp, a minimal /dev (null, zero, random, urandom) and the sandbox's own /proc. Nothing
else exists inside: not the repository, the submissions, the output, other courses or home folders.
``/proc/self/mountinfo`` therefore names only the bound directories.
"""

from __future__ import annotations

import os
import sys

from . import linux as L

SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime")  # the loader finds libraries; time zones work
DEVICES = ("null", "zero", "random", "urandom")
RO_BIND = L.MS_BIND | L.MS_REMOUNT | L.MS_RDONLY | L.MS_NOSUID | L.MS_NODEV


def python_dirs() -> list[str]:
    """The installation(s) this interpreter runs from: a venv, the base Python it points to, and any
    site-packages folder a ``.pth`` file added (never other sys.path entries, such as a source tree)."""
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
            os.path.dirname(os.path.dirname(os.path.realpath(sys.executable)))}
    dirs.update(p for p in sys.path if os.path.basename(p.rstrip("/")) in ("site-packages", "dist-packages"))
    return sorted({os.path.realpath(d) for d in dirs if os.path.isdir(d)})


def allowed_binds() -> list[str]:
    """Every host path bound into the sandbox (directories read-only, device nodes as they are)."""
    dirs = [d for d in SYSTEM_DIRS if os.path.isdir(d) and not os.path.islink(d)]
    files = [f for f in ETC_FILES if os.path.isfile(f)]
    # nested paths (a venv inside /usr/local, say) are covered by their parent's bind
    pythons = [p for p in python_dirs() if not any(p == d or p.startswith(d + "/") for d in dirs)]
    return dirs + pythons + files


def build_root(tmp_bytes: int) -> None:
    """Run as root in a fresh mount namespace: pivot into the allow-listed root, then lock it read-only."""
    L.mount(None, "/", None, L.MS_REC | L.MS_PRIVATE)
    binds = allowed_binds()
    symlinks = {d: os.readlink(d) for d in SYSTEM_DIRS if os.path.islink(d)}  # merged /usr: /bin -> usr/bin
    # Open every source before anything is mounted over it (a Python under /tmp must stay reachable).
    sources = {p: os.open(p, os.O_PATH | os.O_CLOEXEC) for p in binds}
    devices = {d: os.open(f"/dev/{d}", os.O_PATH | os.O_CLOEXEC) for d in DEVICES if os.path.exists(f"/dev/{d}")}
    new = "/tmp"  # any existing directory: the new root is mounted over it, then pivoted to
    L.mount("tmpfs", new, "tmpfs", L.MS_NOSUID | L.MS_NODEV, "size=1m,mode=0755")
    # the private /tmp first: a Python installation that lives under /tmp is bound on top of it
    os.makedirs(new + "/tmp")
    L.mount("tmpfs", new + "/tmp", "tmpfs", L.MS_NOSUID | L.MS_NODEV, f"size={tmp_bytes},mode=1777")
    for path, fd in sources.items():
        target = new + path
        if os.path.isdir(f"/proc/self/fd/{fd}"):
            os.makedirs(target, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            open(target, "w").close()
        L.mount(f"/proc/self/fd/{fd}", target, None, L.MS_BIND | L.MS_REC)
        L.mount(None, target, None, RO_BIND)
        os.close(fd)
    for link, dest in symlinks.items():
        os.symlink(dest, new + link)
    os.makedirs(new + "/dev")
    L.mount("tmpfs", new + "/dev", "tmpfs", L.MS_NOSUID | L.MS_NOEXEC, "size=64k,mode=0755")
    for name, fd in devices.items():
        open(f"{new}/dev/{name}", "w").close()
        L.mount(f"/proc/self/fd/{fd}", f"{new}/dev/{name}", None, L.MS_BIND)
        os.close(fd)
    os.symlink("/proc/self/fd", new + "/dev/fd")
    for d in ("proc", ".old"):
        os.makedirs(f"{new}/{d}")
    os.chdir(new)
    L.pivot_root(".", ".old")
    os.chdir("/")
    L.umount("/.old", L.MNT_DETACH)
    os.rmdir("/.old")
    L.mount("proc", "/proc", "proc", L.MS_NOSUID | L.MS_NODEV | L.MS_NOEXEC)  # this PID namespace's only
    L.mount(None, "/", None, L.MS_REMOUNT | L.MS_BIND | L.MS_RDONLY | L.MS_NOSUID | L.MS_NODEV)
    os.chdir("/tmp")
