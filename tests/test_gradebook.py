"""The gradebook files: CSV a spreadsheet cannot be tricked by, the roster, Canvas's import format."""

from __future__ import annotations

import csv
import io
import os

import pytest

from mlmathkit import gradebook
from mlmathkit.gradebook import LEADING_COLUMNS, Row, apply_roster, atomic_write, render_canvas_csv, render_csv, summary
from mlmathkit.identity import IdentityError, Roster, RosterEntry, read_roster

FORMULAS = ["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2+3", "\t=1", "\r=2"]
TRIGGERS = tuple("=+-@\t\r")


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_render_csv_columns_and_numbers():
    rows = [Row("alice", "alice/hw.ipynb", "ok", {"q1": 2.0, "q2": -1.5}, 4.0, ""),
            Row("bob", "", "missing", {}, 4.0, "no submission")]
    header, alice, bob = parse(render_csv(rows, ["q1", "q2"]))
    assert tuple(header[:5]) == LEADING_COLUMNS and header[5:] == ["q1", "q2", "reason"]
    assert alice == ["alice", "alice/hw.ipynb", "ok", "0.5", "4", "2", "-1.5", ""]  # our numbers are not text
    assert bob == ["bob", "", "missing", "0", "4", "0", "0", "no submission"]


@pytest.mark.parametrize("text", FORMULAS)
def test_render_csv_neutralises_student_text(text):
    rows = [Row(text, text + "/nb.ipynb", "error", {}, 2.0, text), Row("ok", text + ",\"quoted\"\nline", "ok", {}, 2.0)]
    header, first, second = parse(render_csv(rows, ["q1"]))
    assert first[0] == first[1][: len(first[0])] == "'" + text and first[-1] == "'" + text
    assert second[1] == "'" + text + ",\"quoted\"\nline"  # still one cell, round-trips through a CSV reader
    for row in (first, second):
        text_cells = [row[0], row[1], row[2], row[-1]]
        assert not any(c.startswith(TRIGGERS) for c in text_cells), row


def test_atomic_write_handles_a_230_byte_name(tmp_path):
    target = tmp_path / ("n" * 230 + ".json")
    atomic_write(target, "{}")
    assert target.read_text() == "{}" and os.listdir(tmp_path) == [target.name]


def test_atomic_write_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "grades.csv"
    target.write_text("old")

    def boom(*a):
        raise OSError("disk full")

    monkeypatch.setattr(gradebook.os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["grades.csv"]


def write_roster(path, text: str | bytes):
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_roster(path)


@pytest.mark.parametrize("header", ["id,name,email,sis_id", "Student ID,Name,E-mail,SIS User ID",
                                    "student,NAME,Email,sis user id", "STUDENT_ID,name,e-mail,SIS_ID"])
def test_read_roster_accepts_header_spellings(tmp_path, header):
    roster = write_roster(tmp_path / "roster.csv", f"\ufeff{header}\n101,Ada Lovelace,ada@x.edu,S1\n,,,\n102,Alan,,\n")
    assert roster.entries == [RosterEntry("101", "Ada Lovelace", "ada@x.edu", "S1"), RosterEntry("102", "Alan")]


def test_read_roster_reads_a_canvas_export(tmp_path):
    roster = write_roster(tmp_path / "roster.csv",
                          "Student,ID,SIS User ID,SIS Login ID,Section,HW 1 (55)\n"
                          "    Points Possible,,,,,10.00\n"
                          "\"Lovelace, Ada\",101,S1,ada,Sec A,8\n")
    assert roster.entries == [RosterEntry("101", "Lovelace, Ada", "", "S1", "ada", "Sec A")]


@pytest.mark.parametrize("text, message", [
    ("id,name\n1,A\n1,B\n", "student id '1' appears twice"),
    ("id,email\n1,a@x.edu\n2,A@X.edu\n", "e-mail"),
    ("name,section\nA,1\n", "no student id column"),
    ("", "empty"),
    ("id,name\n1,Jos\xe9\n".encode("latin-1"), "not UTF-8"),
])
def test_read_roster_rejects_ambiguous_rosters(tmp_path, text, message):
    with pytest.raises(IdentityError, match=message):
        write_roster(tmp_path / "roster.csv", text)


def test_roster_matches_by_id_then_email_then_sis_id():
    roster = Roster([RosterEntry("101", "Ada", "ada@x.edu", "S1"), RosterEntry("102", "Alan", "alan@x.edu", "101")])
    assert roster.match("101").name == "Ada"  # id beats a SIS id that happens to be equal
    assert roster.match("zz", "ADA@x.edu").name == "Ada"
    assert roster.match("alan@X.edu").name == "Alan"
    assert roster.match("S1").name == "Ada"
    assert roster.match("nobody") is None


def test_apply_roster_adds_missing_rows_and_flags_strangers():
    roster = Roster([RosterEntry("101", "Ada"), RosterEntry("102", "Alan")])
    rows = [Row("101", "a.ipynb", "ok", {"q": 2.0}, 2.0), Row("stranger", "s.ipynb", "ok", {"q": 1.0}, 2.0, "late")]
    out = apply_roster(rows, roster, 2.0)
    assert [(r.student, r.status, r.reason) for r in out] == [
        ("101", "ok", ""), ("102", "missing", "no submission"), ("stranger", "ok", "not on the roster; late")]
    assert apply_roster(out, roster, 2.0) == out  # idempotent
    assert "; 1 missing;" in summary(out) and "2 submissions: 2 ok" in summary(out)
    assert "mean score 1.50 / 2" in summary(out)


def test_canvas_csv_follows_the_import_format():
    roster = Roster([RosterEntry("101", "Lovelace, Ada", "ada@x.edu", "S1", "ada", "A"),
                     RosterEntry("102", "=HYPERLINK(\"http://evil\")", "", "S2"),
                     RosterEntry("103", "Turing, Alan")])
    rows = [Row("101", "a.ipynb", "ok", {"q1": 1.5, "q2": 2.0}, 4.0), Row("102", "b.ipynb", "invalid", {}, 4.0),
            Row("103", "", "missing", {}, 4.0), Row("stranger", "s.ipynb", "ok", {"q1": 4.0}, 4.0)]
    table = parse(render_canvas_csv(rows, roster, "Problem set 1", 4.0, assignment_id="5501"))
    assert table[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Problem set 1 (5501)"]
    assert table[1] == ["Points Possible", "", "", "", "", "4"]
    assert table[2:] == [["Lovelace, Ada", "101", "S1", "ada", "A", "3.5"],
                         ["'=HYPERLINK(\"http://evil\")", "102", "S2", "", "", "0"],
                         ["Turing, Alan", "103", "", "", "", ""]]
    # Canvas's importer: row 0 holds "Student", row 1 "ID", the last student column is "Section".
    header = table[0]
    assert "Student" in header[0] and "ID" in header[1] and "Section" in header[4]
    new = parse(render_canvas_csv(rows, roster, "Problem set 1", 4.0, missing="0"))
    assert new[0][-1] == "Problem set 1" and new[-1][-1] == "0"


def test_canvas_csv_prefers_the_graded_row_and_writes_atomically(tmp_path):
    roster = Roster([RosterEntry("101", "Ada")])
    rows = [Row("101", "x", "error", {}, 2.0, "identity clash"), Row("101", "a.ipynb", "ok", {"q": 2.0}, 2.0)]
    gradebook.write_canvas_csv(tmp_path / "canvas.csv", rows, roster, "PS1", 2.0)
    assert parse((tmp_path / "canvas.csv").read_text())[2] == ["Ada", "101", "", "", "", "2"]
