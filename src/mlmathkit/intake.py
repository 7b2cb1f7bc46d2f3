"""Submission intake: find submissions, read the notebook out of an .ipynb or an export zip, validate it.

Nothing here executes or unpickles anything. From a zip only the notebook is read (never the
pickled ``.OTTER_LOG`` otter puts next to it), with member names, count and sizes bounded so that
path traversal, symlinks and zip bombs are rejected as invalid submissions.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import nbformat

from . import identity
from .identity import Roster
from .untrusted import safe_stem

MAX_NOTEBOOK_BYTES = 20 * 2**20  # a problem-set notebook is well below 1 MiB; outputs may add some
MAX_ZIP_BYTES = 100 * 2**20
MAX_ZIP_MEMBERS = 1000
SUBMISSION_SUFFIXES = {".ipynb", ".zip"}
SKIPPED_FOLDERS = {"__MACOSX", "__pycache__"}  # dot-folders (.ipynb_checkpoints, .git) are skipped too


class InvalidSubmission(Exception):
    """The file is not a gradable notebook; the message is the gradebook's reason."""


@dataclasses.dataclass(frozen=True)
class Submission:
    path: Path
    name: str  # path relative to the batch root, POSIX: the gradebook's `submission`
    student: str  # identity: roster id when on the roster, else what the layout says (see identity.py)
    key: str  # unique in the batch, file-system safe, <= 100 bytes: DIR/results/<key>.json etc.
    display_name: str = ""  # e.g. Canvas "lastfirst", Gradescope or roster name
    late: bool = False
    note: str = ""  # for the reason column, e.g. which older submissions this one supersedes
    email: str = ""
    layout: str = ""  # gradescope | canvas | moodle | nbgrader | folder | plain
    group: tuple[str, ...] = ()  # every student credited with this same file (Gradescope group submission)


@dataclasses.dataclass
class Batch:
    submissions: list[Submission]  # one per student, ordered by student
    superseded: list[Submission]  # older submissions of a student, not graded
    rejected: list[tuple[Submission, str]]  # identity problems: error rows with this reason


@dataclasses.dataclass(frozen=True)
class _Found:
    path: Path
    name: str
    claim: identity.Claim
    mtime: float


def discover(paths: list[Path], roster: Roster | None = None) -> Batch:
    """Submission files named directly or found (recursively) in folders, with who handed each in.

    A folder is a batch root: file names below it are relative to it and its layout says who the
    students are. A file named directly is its own batch root's only file.
    """
    found: dict[tuple[Path, str], _Found] = {}
    for root, files, named_folder in _batch_roots(paths):
        for f in _found_in(root, files, named_folder):
            f = _on_roster(f, roster)
            found.setdefault((f.path.resolve(), f.claim.student), f)  # the same file named twice counts once
    by_student: dict[str, list[_Found]] = {}
    rejected: list[tuple[Submission, str]] = []
    for f in found.values():
        if f.claim.error:
            rejected.append((_aside(f), f.claim.error))
        else:
            by_student.setdefault(f.claim.student, []).append(f)
    submissions, superseded = [], []
    keys: dict[str, str] = {}
    for student in sorted(by_student):
        newest, *older = sorted(by_student[student], key=_age_key(by_student[student]), reverse=True)
        superseded += [_aside(f, f"superseded by {newest.name}") for f in older]
        sub = _submission(newest, safe_stem(student), older)
        if keys.setdefault(sub.key, student) != student:  # distinct ids, same stem: never share files
            clash = f"identity clash: {student!r} and {keys[sub.key]!r} share the key {sub.key}"
            rejected.append((_aside(newest), clash))
        else:
            submissions.append(sub)
    superseded.sort(key=lambda s: (s.student, s.name))
    return Batch(submissions, superseded, sorted(rejected, key=lambda r: (r[0].student, r[0].name)))


def _batch_roots(paths: list[Path]) -> list[tuple[Path, list[Path], bool]]:
    """(batch root, its submission files, whether the root is a folder named on the command line)."""
    roots = []
    for p in paths:
        if p.is_dir():
            roots.append((p, _walk(p), True))
        elif p.exists() or p.is_symlink():
            roots.append((p.parent, [p], False))
        else:
            raise FileNotFoundError(f"no such submission file or folder: {p}")
    return roots


def _walk(root: Path) -> list[Path]:
    """Submission files below ``root``, sorted; symlinked folders are not followed (files are listed:
    read_notebook rejects them with a reason). Editor and archiver debris is skipped."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        files += [Path(folder, n) for n in sorted(names)  # ._x files are macOS resource forks, not notebooks
                  if Path(n).suffix.lower() in SUBMISSION_SUFFIXES and not n.startswith("._")]
    return files


def _found_in(root: Path, files: list[Path], named_folder: bool) -> list[_Found]:
    # Gradescope metadata counts only where the grader pointed: a folder named on the command line.
    meta_dir = identity.gradescope_metadata_dir(root) if named_folder else None
    metadata: dict[str, identity.GradescopeEntry] | str = {}
    if meta_dir:
        try:
            metadata = identity.read_gradescope_metadata(meta_dir / identity.GRADESCOPE_METADATA)
        except identity.IdentityError as e:
            metadata = str(e)
    out = []
    for path in files:
        rel = PurePosixPath(path.relative_to(root).as_posix())
        mtime = path.lstat().st_mtime
        out += [_Found(path, rel.as_posix(), c, mtime) for c in _claims(path, rel, meta_dir, metadata)]
    return out


def _claims(path: Path, rel: PurePosixPath, meta_dir: Path | None, metadata) -> list[identity.Claim]:
    if meta_dir is None or not path.is_relative_to(meta_dir):
        return [identity.path_claim(rel)]
    below = PurePosixPath(path.relative_to(meta_dir).as_posix())
    if isinstance(metadata, str):  # unreadable metadata: nobody's identity can be trusted
        return [dataclasses.replace(identity.path_claim(rel), error=metadata)]
    return identity.gradescope_claims(below, metadata)


def _on_roster(f: _Found, roster: Roster | None) -> _Found:
    """With a roster, a matched student is known by their roster id (and name, if the layout gave none)."""
    entry = roster.match(f.claim.student, f.claim.email) if roster and not f.claim.error else None
    if entry is None:
        return f
    group = tuple((roster.match(s) or identity.RosterEntry(s)).id for s in f.claim.group)
    claim = dataclasses.replace(f.claim, student=entry.id, display_name=f.claim.display_name or entry.name,
                                email=f.claim.email or entry.email, group=group)
    return dataclasses.replace(f, claim=claim)


def _age_key(group: list[_Found]):
    """Newest first: Gradescope time, else Canvas submission order, else mtime (whichever all have), then path."""
    if all(f.claim.created_at is not None for f in group):
        return lambda f: (f.claim.created_at, f.name, str(f.path))
    if all(f.claim.canvas_order is not None for f in group):
        return lambda f: (f.claim.canvas_order, f.name, str(f.path))
    return lambda f: (f.mtime, f.name, str(f.path))


def _submission(f: _Found, key: str, older: Sequence[_Found] = (), note: str = "") -> Submission:
    notes = [note] if note else []
    if f.claim.late:
        notes.append("submitted late")
    if older:
        notes.append(f"newest of {len(older) + 1} submissions (superseded: {', '.join(o.name for o in older)})")
    c = f.claim
    return Submission(f.path, f.name, c.student, key, c.display_name, c.late, "; ".join(notes), c.email, c.layout,
                      c.group)


def _aside(f: _Found, note: str = "") -> Submission:
    """A submission that is not graded as the student's: its key is unique to this file too."""
    return _submission(f, safe_stem(f"{f.claim.student}\0{f.name}"), note=note)


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
