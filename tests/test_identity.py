"""Who handed in what: every LMS download layout, resubmissions, clashes and hostile names."""

from __future__ import annotations

import csv
import io
import os
import re
import textwrap
from pathlib import Path, PurePosixPath

import pytest
import yaml

from mlmathkit import intake
from mlmathkit.gradebook import Row, atomic_write, render_csv
from mlmathkit.identity import Roster, RosterEntry, canvas_claim, read_gradescope_metadata
from mlmathkit.intake import discover
from mlmathkit.untrusted import console_text, md_text, safe_stem

GRADESCOPE_METADATA = textwrap.dedent("""\
    ---
    submission_123456:
      :submitters:
      - :name: Ada Lovelace
        :sid: '1815'
        :email: ada@example.edu
      :created_at: 2024-02-01 10:00:00.123456000 -08:00
      :score: 8.0
      :status: processed
      :history: []
    submission_123457:
      :submitters:
      - :name: Alan Turing
        :sid: '1912'
        :email: alan@example.edu
      - :name: Grace Hopper
        :sid: ''
        :email: grace@example.edu
      :created_at: 2024-02-01 11:30:00.000000000 -08:00
      :score: 10.0
      :history:
      - :created_at: 2024-01-31 09:00:00.000000000 -08:00
        :score: 4.0
    """)


def put(path: Path, text: str = "{}", mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def students(batch: intake.Batch) -> dict[str, str]:
    return {s.student: s.name for s in batch.submissions}


def assert_keys_safe_and_unique(batch: intake.Batch) -> None:
    everything = batch.submissions + batch.superseded + [s for s, _ in batch.rejected]
    keys = [s.key for s in everything]
    assert len(set(keys)) == len(keys), keys
    for s in everything:
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", s.key) and len(s.key.encode()) <= 100, s.key
    for s in batch.submissions:
        assert s.key == safe_stem(s.student)  # depends on the student only: a re-run reuses its files


def test_folder_per_student_with_identical_file_names(tmp_path):
    for student in ["alice", "bob", "carol"]:
        put(tmp_path / student / "hw1.ipynb")
    batch = discover([tmp_path])
    assert students(batch) == {"alice": "alice/hw1.ipynb", "bob": "bob/hw1.ipynb", "carol": "carol/hw1.ipynb"}
    assert [s.layout for s in batch.submissions] == ["folder"] * 3
    assert_keys_safe_and_unique(batch)


def test_nbgrader_layout_from_the_course_root_or_submitted(tmp_path):
    for student in ["alice", "bob"]:
        put(tmp_path / "submitted" / student / "ps1" / "ps1.ipynb")
    from_course, from_submitted = discover([tmp_path]), discover([tmp_path / "submitted"])
    assert students(from_course) == {"alice": "submitted/alice/ps1/ps1.ipynb", "bob": "submitted/bob/ps1/ps1.ipynb"}
    assert students(from_submitted) == {"alice": "alice/ps1/ps1.ipynb", "bob": "bob/ps1/ps1.ipynb"}
    assert [s.key for s in from_course.submissions] == [s.key for s in from_submitted.submissions]


def test_moodle_folders_and_flat_files(tmp_path):
    put(tmp_path / "folders" / "Ann Lee_12345_assignsubmission_file_" / "hw.ipynb")
    put(tmp_path / "flat" / "Bo Chen_23456_assignsubmission_file_hw_final.ipynb")
    batch = discover([tmp_path / "folders", tmp_path / "flat"])
    assert {s.student: (s.display_name, s.layout) for s in batch.submissions} == {
        "Ann Lee_12345_assignsubmission_file_": ("Ann Lee", "moodle"),
        "Bo Chen_23456_assignsubmission_file_": ("Bo Chen", "moodle")}


def test_canvas_names_late_underscores_and_resubmissions(tmp_path):
    put(tmp_path / "smithjohn_12345_67890_hw_1_final.ipynb", mtime=2_000)  # newer mtime, older submission
    put(tmp_path / "smithjohn_12345_67899_hw_1_final-1.ipynb", mtime=1_000)
    put(tmp_path / "doejane_LATE_23456_67891_problem_set_1.ipynb")
    put(tmp_path / "leeann_345_700_hw.ipynb", mtime=3_000)
    put(tmp_path / "leeann_345_700_hw-2.ipynb", mtime=1_000)
    batch = discover([tmp_path])
    by = {s.student: s for s in batch.submissions}
    assert set(by) == {"12345", "23456", "345"}
    assert by["12345"].name == "smithjohn_12345_67899_hw_1_final-1.ipynb" and by["12345"].display_name == "smithjohn"
    assert by["345"].name == "leeann_345_700_hw-2.ipynb"
    assert by["23456"].late and by["23456"].display_name == "doejane" and "late" in by["23456"].note
    assert not by["12345"].late
    assert {s.name for s in batch.superseded} == {"smithjohn_12345_67890_hw_1_final.ipynb", "leeann_345_700_hw.ipynb"}
    assert "smithjohn_12345_67890_hw_1_final.ipynb" in by["12345"].note
    assert all(s.note.startswith("superseded by") for s in batch.superseded)
    assert_keys_safe_and_unique(batch)


def test_canvas_claim_parsing():
    claim = canvas_claim("o_brienpat_LATE_42_7_my_hw_v2-3.ipynb")
    assert (claim.student, claim.display_name, claim.late, claim.canvas_order) == ("42", "o_brienpat", True, (7, 3))
    assert canvas_claim("alice.ipynb") is None and canvas_claim("12_34_56_x.ipynb") is None


def gradescope_export(root: Path, metadata: str = GRADESCOPE_METADATA) -> Path:
    put(root / "submission_metadata.yml", metadata)
    put(root / "submission_123456" / "ps1.ipynb", mtime=9_000)
    put(root / "submission_123457" / "ps1.ipynb", mtime=1_000)
    put(root / "submission_999999" / "ps1.ipynb")  # not in the metadata
    # A student's own upload cannot claim an identity: only the export's metadata counts.
    put(root / "submission_123456" / "submission_metadata.yml",
        "ps1:\n  :submitters:\n  - :name: Evil\n    :sid: '1912'\n  :created_at: 2030-01-01 00:00:00 +00:00\n")
    put(root / "submission_123456" / "nested" / "ps1.ipynb", mtime=1)
    return root


def test_gradescope_export_with_a_group_submission(tmp_path):
    batch = discover([gradescope_export(tmp_path / "assignment_55_export")])
    by = {s.student: s for s in batch.submissions}
    assert set(by) == {"1815", "1912", "grace@example.edu"}  # SID, else e-mail
    assert by["1912"].path == by["grace@example.edu"].path and by["1912"].name == "submission_123457/ps1.ipynb"
    assert by["1912"].group == by["grace@example.edu"].group == ("1912", "grace@example.edu")
    assert by["1912"].key != by["grace@example.edu"].key
    grace = by["grace@example.edu"]
    assert (grace.display_name, grace.email) == ("Grace Hopper", "grace@example.edu")
    assert by["1815"].name == "submission_123456/ps1.ipynb"  # same created_at for both files: ties by path
    assert [s.name for s in batch.superseded] == ["submission_123456/nested/ps1.ipynb"]
    assert [(s.student, reason) for s, reason in batch.rejected] == [
        ("submission_999999", "not listed in submission_metadata.yml")]
    assert_keys_safe_and_unique(batch)


def test_gradescope_export_one_level_down_and_plain_key_spelling(tmp_path):
    plain = re.sub(r"^(\s*(?:- )?):(\w+):", r"\1\2:", GRADESCOPE_METADATA, flags=re.M)
    assert ":sid" not in plain and "sid: '1815'" in plain
    gradescope_export(tmp_path / "assignment_55_export", plain)
    assert set(students(discover([tmp_path])).keys()) == {"1815", "1912", "grace@example.edu"}


def test_gradescope_newest_submission_by_created_at_not_mtime(tmp_path):
    meta = {"submission_1": {":submitters": [{":name": "Ada", ":sid": "1815"}], ":created_at": "2024-02-01T10:00:00Z"},
            "submission_2": {":submitters": [{":name": "Ada", ":sid": "1815"}, {":name": "Alan", ":sid": "1912"}],
                             ":created_at": "2024-02-02 09:00:00.5 -08:00"}}
    put(tmp_path / "submission_metadata.yml", yaml.safe_dump(meta))
    put(tmp_path / "submission_1" / "nb.ipynb", mtime=5_000)
    put(tmp_path / "submission_2" / "nb.ipynb", mtime=1_000)
    entries = read_gradescope_metadata(tmp_path / "submission_metadata.yml")
    assert entries["submission_2"].created_at - entries["submission_1"].created_at == pytest.approx(31 * 3600 + 0.5)
    batch = discover([tmp_path])
    assert students(batch) == {"1815": "submission_2/nb.ipynb", "1912": "submission_2/nb.ipynb"}
    assert [s.name for s in batch.superseded] == ["submission_1/nb.ipynb"]


def test_unreadable_gradescope_metadata_rejects_instead_of_guessing(tmp_path):
    put(tmp_path / "submission_metadata.yml", "submission_1: [unclosed")
    put(tmp_path / "submission_1" / "nb.ipynb")
    batch = discover([tmp_path])
    assert not batch.submissions and "unreadable" in batch.rejected[0][1]


def test_plain_files_and_newest_by_mtime_then_path(tmp_path):
    put(tmp_path / "alice.ipynb", mtime=1_000)
    put(tmp_path / "alice.zip", mtime=2_000)
    put(tmp_path / "bob.ipynb", mtime=1_000)
    put(tmp_path / "bob.zip", mtime=1_000)
    batch = discover([tmp_path])
    assert students(batch) == {"alice": "alice.zip", "bob": "bob.zip"}
    assert sorted(s.name for s in batch.superseded) == ["alice.ipynb", "bob.ipynb"]
    assert [s.layout for s in batch.submissions] == ["plain", "plain"]
    assert_keys_safe_and_unique(batch)


def test_files_named_directly_and_twice(tmp_path):
    a = put(tmp_path / "x" / "alice.ipynb")
    batch = discover([a, tmp_path / "x", a])
    assert [(s.student, s.name) for s in batch.submissions] == [("alice", "alice.ipynb")] and not batch.superseded
    with pytest.raises(FileNotFoundError):
        discover([tmp_path / "nope"])


def test_debris_and_symlinked_folders_are_skipped(tmp_path):
    outside = put(tmp_path / "outside" / "mallory.ipynb").parent
    root = tmp_path / "subs"
    put(root / "alice" / "hw.ipynb")
    put(root / "alice" / ".ipynb_checkpoints" / "hw-checkpoint.ipynb")
    put(root / "__MACOSX" / "alice" / "._hw.ipynb")
    put(root / "alice" / "._hw.ipynb")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    batch = discover([root])
    assert students(batch) == {"alice": "alice/hw.ipynb"} and not batch.superseded


def test_formula_like_ids_are_neutralised_in_the_gradebook(tmp_path):
    ids = ["=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2+3"]
    meta = {f"submission_{i}": {":submitters": [{":name": "x", ":sid": sid}], ":created_at": "2024-01-01T00:00:00Z"}
            for i, sid in enumerate(ids)}
    put(tmp_path / "gs" / "submission_metadata.yml", yaml.safe_dump(meta))
    for i in range(len(ids)):
        put(tmp_path / "gs" / f"submission_{i}" / "nb.ipynb")
    for folder in ["+1 folder", "@SUM(2)", "-3+4"]:
        put(tmp_path / "folders" / folder / "=HYPERLINK(1).ipynb")
    batch = discover([tmp_path / "gs", tmp_path / "folders"])
    assert set(ids) < set(students(batch))
    assert_keys_safe_and_unique(batch)
    rows = [Row(s.student, s.name, "ok", {}, 2.0) for s in batch.submissions]
    table = list(csv.reader(io.StringIO(render_csv(rows, []), newline="")))
    for row in table[1:]:
        assert row[0].startswith("'") and row[0][1:] in students(batch), row
        assert not row[1].startswith(("=", "+", "-", "@")), row


def test_a_230_byte_file_name(tmp_path):
    name = "n" * 224 + ".ipynb"
    assert len(name.encode()) == 230
    put(tmp_path / name)
    (sub,) = discover([tmp_path]).submissions
    assert sub.student == "n" * 224 and sub.name == name and len(sub.key.encode()) <= 100
    atomic_write(tmp_path / "out" / "results" / f"{sub.key}.json", "{}")
    atomic_write(tmp_path / "out" / "feedback" / f"{sub.key}.md", "")


def test_ids_differing_only_in_dropped_characters_get_distinct_keys(tmp_path):
    for folder in ["a b", "a?b", "a*b", "José", "Jose"]:
        put(tmp_path / folder / "hw.ipynb")
    batch = discover([tmp_path])
    assert len(batch.submissions) == 5 and not batch.rejected
    assert_keys_safe_and_unique(batch)


def test_an_unresolvable_key_clash_is_an_error_row_not_an_overwrite(tmp_path, monkeypatch):
    for folder in ["alice", "bob"]:
        put(tmp_path / folder / "hw.ipynb")
    monkeypatch.setattr(intake, "safe_stem", lambda s, max_bytes=80: "same" if "\0" not in s else s.replace("\0", "_"))
    batch = discover([tmp_path])
    assert [s.student for s in batch.submissions] == ["alice"]
    (rejected, reason), = batch.rejected
    assert rejected.student == "bob" and "identity clash" in reason and rejected.key != "same"


def test_hostile_zip_like_file_name(tmp_path):
    name = "..\\..\\evil\x1b[2J\r\n=1+1\x07.zip"  # a Windows-style traversal name with control characters
    put(tmp_path / name)
    (sub,) = discover([tmp_path]).submissions
    assert sub.name == name and ".." not in PurePosixPath(sub.name).parts[:-1] and sub.path.parent == tmp_path
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", sub.key)
    cell = list(csv.reader(io.StringIO(render_csv([Row(sub.student, sub.name, "ok", {}, 1.0)], []), newline="")))[1]
    assert cell[:2] == [sub.student, sub.name]  # round-trips as one row, literally
    assert not re.search("[\x00-\x1f]", md_text(sub.name)) and "\x1b" not in console_text(sub.name).plain


def test_roster_canonicalises_ids_across_layouts(tmp_path):
    roster = Roster([RosterEntry("12345", "Smith, John", "john@x.edu", "S-100"),
                     RosterEntry("777", "Lovelace, Ada", "ada@example.edu", "1815"),
                     RosterEntry("888", "Hopper, Grace", "grace@example.edu", "S-300"),
                     RosterEntry("999", "Nobody")])
    put(tmp_path / "canvas" / "smithjohn_12345_67890_hw.ipynb")
    gradescope_export(tmp_path / "gs")
    batch = discover([tmp_path / "canvas", tmp_path / "gs"], roster)
    by = {s.student: s for s in batch.submissions}
    assert set(by) == {"12345", "777", "888", "1912"}  # Canvas id, SIS id, e-mail; Alan is not on the roster
    assert by["777"].display_name == "Ada Lovelace" and by["888"].group == ("1912", "888")
    assert by["12345"].display_name == "smithjohn"
    assert_keys_safe_and_unique(batch)
