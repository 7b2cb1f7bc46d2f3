"""Who handed in a file: the student identity that LMS download layouts encode, and the class roster.

Layouts (``rel`` is the file's path below the batch root the grader named):

* Gradescope export: ``submission_metadata.yml`` in the batch root (or in an
  ``assignment_<id>_export`` folder right below it) maps ``submission_<id>`` (a folder, or a file
  with that stem) to its submitters; each submitter is a student, identified by SID, else e-mail.
* Canvas bulk download, files directly in the root: ``lastfirst[_LATE]_<userid>_<submissionid>_<name>``;
  the student is the Canvas user id.
* Moodle, files directly in the root: ``Full Name_<participant>_assignsubmission_file_<name>``; the
  student is the prefix up to ``assignsubmission_file_``, the same id its "download in folders" gives.
* A folder per student (nbgrader ``submitted/<student>/<assignment>/``, Moodle folders, any other):
  the student is the first folder below the root (below ``submitted`` for an nbgrader course root).
* A plain file directly in the root: the student is the file's stem.

Only the levels the LMS or the grader names are read: nothing inside a student's own folder or
submission (their file names, a ``submission_metadata.yml`` they uploaded) can claim an identity.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

GRADESCOPE_METADATA = "submission_metadata.yml"
_GRADESCOPE_EXPORT_DIR = re.compile(r"assignment_\d+_export")
# lastfirst is Canvas's lower-cased sortable name; it starts with a letter, the ids are numbers and
# the original file name (which may hold underscores) is everything after them.
_CANVAS = re.compile(r"(?P<login>[^\W\d_]\w*?)_(?P<late>LATE_)?(?P<user>\d+)_(?P<sub>\d+)_(?P<original>.+)")
_RESUBMISSION = re.compile(r".+-(?P<n>\d+)(?:\.[^.]*)?")  # Canvas renames a re-uploaded hw.ipynb hw-1.ipynb
_MOODLE = re.compile(r"(?P<name>.+?)_(?P<participant>\d+)_assignsubmission_[a-z]+_?")
_NBGRADER_SUBMITTED = "submitted"


class IdentityError(ValueError):
    """Identity data (roster, submission metadata) that cannot be used; the message says why."""


@dataclasses.dataclass(frozen=True)
class Claim:
    """Who a file says it belongs to, before the roster is consulted."""

    student: str
    layout: str  # gradescope | canvas | moodle | nbgrader | folder | plain
    display_name: str = ""
    email: str = ""
    late: bool = False
    created_at: float | None = None  # Gradescope submission time (POSIX seconds)
    canvas_order: tuple[int, int] | None = None  # (submission id, re-upload number)
    group: tuple[str, ...] = ()  # every student credited with the same submission
    error: str = ""  # the identity cannot be trusted: an error row with this reason


# ---------------------------------------------------------------------------------------------
# File-name layouts


def canvas_claim(filename: str) -> Claim | None:
    m = _CANVAS.fullmatch(filename)
    if not m:
        return None
    resub = _RESUBMISSION.fullmatch(m["original"])
    return Claim(m["user"], "canvas", display_name=m["login"], late=bool(m["late"]),
                 canvas_order=(int(m["sub"]), int(resub["n"]) if resub else 0))


def moodle_claim(name: str, *, folder: bool) -> Claim | None:
    """Moodle's ``Full Name_<participant>_assignsubmission_<plugin>_`` as a folder or a file-name prefix."""
    m = _MOODLE.fullmatch(name) if folder else _MOODLE.match(name)
    if not m or (not folder and m.end() == len(name)):
        return None
    student = name if folder else name[: m.end()]
    return Claim(student, "moodle", display_name=m["name"])


def path_claim(rel: PurePosixPath) -> Claim:
    """Identity from where a file sits below a batch root without submission metadata."""
    folders = rel.parts[:-1]
    if not folders:
        return canvas_claim(rel.name) or moodle_claim(rel.name, folder=False) or Claim(rel.stem, "plain")
    if folders[0] == _NBGRADER_SUBMITTED and len(folders) >= 3:  # a course root: submitted/<student>/<assignment>/
        return Claim(folders[1], "nbgrader")
    return moodle_claim(folders[0], folder=True) or Claim(folders[0], "folder")


# ---------------------------------------------------------------------------------------------
# Gradescope


@dataclasses.dataclass(frozen=True)
class Submitter:
    name: str
    sid: str
    email: str


@dataclasses.dataclass(frozen=True)
class GradescopeEntry:
    submitters: tuple[Submitter, ...]
    created_at: float | None


def gradescope_metadata_dir(root: Path) -> Path | None:
    """Where a batch root's Gradescope metadata is: the root itself or its one export folder."""
    if (root / GRADESCOPE_METADATA).is_file():
        return root
    exports = [d for d in root.iterdir() if d.is_dir() and _GRADESCOPE_EXPORT_DIR.fullmatch(d.name)
               and (d / GRADESCOPE_METADATA).is_file()] if root.is_dir() else []
    return exports[0] if len(exports) == 1 else None


def _strip_colons(value: Any) -> Any:
    """Gradescope writes Ruby symbols as keys (``:sid:`` loads as ``":sid"``): accept both spellings."""
    if isinstance(value, dict):
        return {str(k).strip(":"): _strip_colons(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_colons(v) for v in value]
    return value


def _timestamp(value: Any) -> float | None:
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)).timestamp()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        # Ruby's Time#to_s form "2024-02-01 10:00:00.123456789 -0800", if it was not loaded as a datetime.
        text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip())
        text = re.sub(r"\s+([+-]\d\d:?\d\d|Z)$", r"\1", text)
        try:
            return _timestamp(dt.datetime.fromisoformat(text))
        except ValueError:
            return None
    return None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_gradescope_metadata(path: Path) -> dict[str, GradescopeEntry]:
    try:
        data = _strip_colons(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise IdentityError(f"{GRADESCOPE_METADATA} is unreadable ({type(e).__name__})") from None
    if not isinstance(data, dict):
        raise IdentityError(f"{GRADESCOPE_METADATA} is not a mapping of submissions")
    entries = {}
    for key, value in data.items():
        value = value if isinstance(value, dict) else {}
        people = value.get("submitters") if isinstance(value.get("submitters"), list) else []
        submitters = tuple(Submitter(_text(p.get("name")), _text(p.get("sid")), _text(p.get("email")))
                           for p in people if isinstance(p, dict))
        entries[key] = GradescopeEntry(submitters, _timestamp(value.get("created_at")))
    return entries


def gradescope_claims(rel: PurePosixPath, metadata: dict[str, GradescopeEntry]) -> list[Claim]:
    """One claim per submitter of the submission ``rel`` (relative to the metadata folder) is part of."""
    top = PurePosixPath(rel.parts[0])
    key = top.name if len(rel.parts) > 1 else top.stem
    entry = metadata.get(key)
    if entry is None:
        return [Claim(key, "gradescope", error=f"not listed in {GRADESCOPE_METADATA}")]
    if not entry.submitters:
        return [Claim(key, "gradescope", error=f"no submitters for {key} in {GRADESCOPE_METADATA}")]
    ids = tuple(s.sid or s.email for s in entry.submitters)
    return [Claim(sid or key, "gradescope", display_name=s.name, email=s.email, created_at=entry.created_at,
                  group=ids if len(ids) > 1 else (),
                  error="" if sid else f"submitter {s.name or '?'} has no SID or e-mail in {GRADESCOPE_METADATA}")
            for s, sid in zip(entry.submitters, ids)]


# ---------------------------------------------------------------------------------------------
# Roster

_ROSTER_HEADERS = {  # normalised header -> field; the first matching column of a field wins
    "id": "id", "studentid": "id", "userid": "id", "canvasuserid": "id", "student": "id",
    "name": "name", "studentname": "name", "fullname": "name",
    "email": "email", "emailaddress": "email",
    "sisid": "sis_id", "sisuserid": "sis_id", "sisuser": "sis_id",
    "sisloginid": "login_id", "loginid": "login_id", "login": "login_id",
    "section": "section",
}


@dataclasses.dataclass(frozen=True)
class RosterEntry:
    id: str
    name: str = ""
    email: str = ""
    sis_id: str = ""
    login_id: str = ""
    section: str = ""


class Roster:
    """The class list; submissions are matched to it by id, else e-mail, else SIS id."""

    def __init__(self, entries: list[RosterEntry]):
        self.entries = list(entries)
        self._by_id = self._index("student id", lambda e: e.id)
        self._by_email = self._index("e-mail", lambda e: e.email.casefold())
        self._by_sis = self._index("SIS id", lambda e: e.sis_id)

    def _index(self, what: str, field) -> dict[str, RosterEntry]:
        index: dict[str, RosterEntry] = {}
        for e in self.entries:
            value = field(e)
            if value and value in index:  # an ambiguous roster would credit one student's work to another
                raise IdentityError(f"roster: {what} {value!r} appears twice")
            if value:
                index[value] = e
        return index

    def __contains__(self, student: str) -> bool:
        return student in self._by_id

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, student: str, email: str = "") -> RosterEntry | None:
        email = (email or (student if "@" in student else "")).casefold()
        return self._by_id.get(student) or self._by_email.get(email) or self._by_sis.get(student)


def _roster_columns(header: list[str]) -> dict[str, int]:
    normalised = [re.sub(r"[^a-z0-9]", "", title.casefold()) for title in header]
    # "Student" is the id column on its own, but the name next to an explicit id (a Canvas export).
    has_id = any(_ROSTER_HEADERS.get(h) == "id" and h != "student" for h in normalised)
    columns: dict[str, int] = {}
    for i, h in enumerate(normalised):
        field = "name" if h == "student" and has_id else _ROSTER_HEADERS.get(h)
        if field and field not in columns:
            columns[field] = i
    if not {"id", "email", "sis_id"} & columns.keys():
        raise IdentityError("roster: no student id column (expected a header such as id, student_id, email or sis_id)")
    return columns


def read_roster(path: Path) -> Roster:
    """A roster CSV: student id, name, e-mail, SIS id (and optionally SIS login id, section).

    Headers are matched case-insensitively ignoring spaces and punctuation (``Student ID``,
    ``student_id``, ``E-mail``, ``SIS User ID``...). A Canvas gradebook export also works: its
    "Points Possible" row has no id and is skipped like any row without one.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            header, *rows = list(csv.reader(f))
    except UnicodeDecodeError:
        raise IdentityError(f"roster {path} is not UTF-8 text (save it as CSV UTF-8)") from None
    except ValueError:
        raise IdentityError(f"roster {path} is empty") from None
    columns = _roster_columns(header)
    entries = []
    for row in rows:
        cell = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
        student = cell.get("id") or cell.get("email") or cell.get("sis_id")
        if student:
            entries.append(RosterEntry(student, cell.get("name", ""), cell.get("email", ""), cell.get("sis_id", ""),
                                       cell.get("login_id", ""), cell.get("section", "")))
    return Roster(entries)
