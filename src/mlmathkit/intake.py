"""Submission intake: find submissions, read the notebook out of an .ipynb or an export zip, validate it.

Nothing here executes or unpickles anything. From a zip only the notebook is read (never the
pickled ``.OTTER_LOG`` otter puts next to it), with member names, count and sizes bounded so that
path traversal, symlinks and zip bombs are rejected as invalid submissions.
"""

from __future__ import annotations

import dataclasses
import stat
import zipfile
from pathlib import Path, PurePosixPath

import nbformat

MAX_NOTEBOOK_BYTES = 20 * 2**20  # a problem-set notebook is well below 1 MiB; outputs may add some
MAX_ZIP_BYTES = 100 * 2**20
MAX_ZIP_MEMBERS = 1000
SUBMISSION_SUFFIXES = {".ipynb", ".zip"}


class InvalidSubmission(Exception):
    """The file is not a gradable notebook; the message is the gradebook's reason."""


@dataclasses.dataclass(frozen=True)
class Submission:
    path: Path
    name: str  # the file name shown in the gradebook
    stem: str  # unique within the batch, used for per-submission output files


def discover(paths: list[Path]) -> list[Submission]:
    """Submission files named directly or found (recursively) in folders, in a stable order."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in SUBMISSION_SUFFIXES and f.is_file()
                                and ".ipynb_checkpoints" not in f.parts))
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(f"no such submission file or folder: {p}")
    seen: dict[str, int] = {}
    out = []
    for f in dict.fromkeys(files):  # the same file named twice is graded once
        base = f.stem
        seen[base] = seen.get(base, 0) + 1
        stem = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(Submission(f, f.name, stem))
    return out


def read_notebook(path: Path, chapter_id: str) -> nbformat.NotebookNode:
    """The submitted notebook, validated, with the metadata grading needs filled in."""
    if path.is_symlink() or not path.is_file():
        raise InvalidSubmission("not a regular file")
    suffix = path.suffix.lower()
    if suffix == ".zip":
        raw = _notebook_from_zip(path, chapter_id)
    elif suffix == ".ipynb":
        if path.stat().st_size > MAX_NOTEBOOK_BYTES:
            raise InvalidSubmission(f"notebook larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB")
        raw = path.read_bytes()
    else:
        raise InvalidSubmission(f"unsupported file type {suffix or '(none)'}: submit the .ipynb or the export .zip")
    return parse_notebook(raw, chapter_id)


def parse_notebook(raw: bytes, chapter_id: str) -> nbformat.NotebookNode:
    if not raw.strip():
        raise InvalidSubmission("empty file")
    try:
        nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    except UnicodeDecodeError:
        raise InvalidSubmission("not UTF-8 text: is this really a notebook?") from None
    except nbformat.reader.NotJSONError:
        raise InvalidSubmission("not valid JSON: the notebook file is truncated or corrupt") from None
    except Exception as e:  # noqa: BLE001 - nbformat raises several JSON/format error types
        raise InvalidSubmission(f"not a readable notebook ({type(e).__name__}: {str(e)[:120]})") from None
    # Metadata is not the student's work: a stripped kernelspec or duplicated cell ids are repaired.
    nb.metadata.setdefault("kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"})
    nb.metadata.setdefault("language_info", {"name": "python"})
    otter_meta = nb.metadata.setdefault("otter", {})
    claimed = otter_meta.setdefault("assignment_name", chapter_id) if isinstance(otter_meta, dict) else None
    if claimed != chapter_id:
        raise InvalidSubmission(f"this notebook belongs to assignment {claimed!r}, not {chapter_id!r}")
    seen_ids: set[str] = set()
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("id") in seen_ids or "id" not in cell:
            cell["id"] = f"repaired-{i}"
        seen_ids.add(cell["id"])
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as e:
        raise InvalidSubmission(f"notebook structure is invalid: {e.message[:160]}") from None
    if not any(c.cell_type == "code" for c in nb.cells):
        raise InvalidSubmission("notebook has no code cells")
    return nb


def _notebook_from_zip(path: Path, chapter_id: str) -> bytes:
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise InvalidSubmission(f"zip larger than {MAX_ZIP_BYTES // 2**20} MiB")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InvalidSubmission("not a valid zip file") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise InvalidSubmission(f"zip has more than {MAX_ZIP_MEMBERS} entries")
        candidates = [i for i in infos if _safe_notebook_member(i)]
        if not candidates:
            raise InvalidSubmission("zip contains no notebook (.ipynb)")
        preferred = [i for i in candidates if PurePosixPath(i.filename).name == f"{chapter_id}.ipynb"]
        pool = preferred or candidates
        if len(pool) > 1:
            raise InvalidSubmission(f"zip contains {len(pool)} notebooks; submit exactly one")
        info = pool[0]
        try:
            with zf.open(info) as member:
                data = member.read(MAX_NOTEBOOK_BYTES + 1)  # never trust the header's size: bound the read
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
            raise InvalidSubmission(f"cannot read the notebook in the zip ({type(e).__name__})") from None
        if len(data) > MAX_NOTEBOOK_BYTES:
            raise InvalidSubmission("notebook in the zip expands beyond the size limit (zip bomb?)")
        return data


def _safe_notebook_member(info: zipfile.ZipInfo) -> bool:
    name = PurePosixPath(info.filename.replace("\\", "/"))
    if info.is_dir() or name.suffix.lower() != ".ipynb":
        return False
    if name.is_absolute() or ".." in name.parts or "__MACOSX" in name.parts or ".ipynb_checkpoints" in name.parts:
        return False
    mode = info.external_attr >> 16
    return not stat.S_ISLNK(mode)
