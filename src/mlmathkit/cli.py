"""The `mlmathkit` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .authoring import AuthoringError
from .course import CourseError, load_course
from .identity import IdentityError
from .readme import update_block
from .release import ReleaseError, release_chapter
from .variants import VariantsError


def _cmd_release(args: argparse.Namespace) -> int:
    course = load_course()
    if args.skip_audit:
        print("WARNING: --skip-audit: releasing without the test-quality gate (drafts only)", file=sys.stderr)
    for chapter in course.select(args.chapters):
        result = release_chapter(chapter, course.root / "build", audit=not args.skip_audit, jobs=args.jobs)
        gate = "audit passed" if result.audit else "audit skipped"
        print(
            f"released {chapter.id}: student/{chapter.id} ({result.student_files} files), "
            f"autograder/{chapter.id} ({result.autograder_files} files); leak-free, {gate}"
        )
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    from .audit import audit_chapter, render_table, write_report

    course = load_course()
    tables, ok = [], True
    for chapter in course.select(args.chapters):
        if not chapter.autograder_zip.is_file():
            raise ReleaseError(f"{chapter.id} is not released yet: run `mlmathkit release {chapter.id}`")
        report = audit_chapter(chapter, jobs=args.jobs)
        write_report(report, course.root / "build" / "audit")
        tables.append(render_table(report))
        print(tables[-1])
        ok &= report["ok"]
    print(f"reports: {course.root / 'build' / 'audit'}/<chapter>.json and .md")
    if args.readme:
        update_block(course.root / "README.md", "audit", "\n".join(tables))
    return 0 if ok else 1


def _cmd_grade(args: argparse.Namespace) -> int:
    from .grading import grade_batch

    course = load_course()
    chapter = course.chapter(args.chapter)
    timeout = args.timeout if args.timeout is not None else course.grading_timeout
    grade_batch(chapter, [Path(p) for p in args.paths], Path(args.out), timeout=timeout, jobs=args.jobs,
                memory_gib=args.memory, call_timeout=args.call_timeout, force=args.force,
                roster=Path(args.roster) if args.roster else None, cluster=args.cluster)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    print(f"class report: {build_report(Path(args.dir))}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    run_demo(load_course(), Path(args.out))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mlmathkit", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("release", help="generate student/ and autograder/ from solutions/")
    p.add_argument("chapters", nargs="*", help="chapter ids (default: every released chapter)")
    p.add_argument("--skip-audit", action="store_true", help="draft release without the test-quality gate")
    p.add_argument("--jobs", type=int, default=2, help="audit worker processes (default: 2)")
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("audit", help="test-quality audit: mistakes, mutants, alternatives, margins, leaks")
    p.add_argument("chapters", nargs="*", help="chapter ids (default: every released chapter)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    p.add_argument("--readme", action="store_true", help="also refresh the audit table in README.md")
    p.set_defaults(func=_cmd_audit)

    p = sub.add_parser("grade", help="grade a batch of submissions into a gradebook")
    p.add_argument("chapter", help="chapter id, e.g. ch01_probability")
    p.add_argument("paths", nargs="+", help="submission files (.ipynb or export .zip) or folders of them")
    p.add_argument("--out", required=True, help="output folder for grades.csv and per-submission results")
    p.add_argument("--timeout", type=float, default=None,
                   help="wall-clock seconds of student code per submission (default: the manifest's grading_timeout)")
    p.add_argument("--call-timeout", type=float, default=None,
                   help="wall-clock seconds of one call of a graded function (default: the manifest's, per question)")
    p.add_argument("--jobs", type=int, default=None, help="submissions graded in parallel (default: CPU count)")
    p.add_argument("--memory", type=float, default=2.0, help="GiB of memory for a whole submission, all its processes and /tmp (default: 2)")
    p.add_argument("--roster", help="class list CSV (id, name, e-mail, SIS id): missing rows, off-roster flags, "
                                    "and DIR/canvas.csv in Canvas's gradebook-import format")
    p.add_argument("--cluster", metavar="tcp://HOST:PORT",
                   help="grade on a running Dask scheduler's workers instead of this machine's cores")
    p.add_argument("--force", action="store_true", help="regrade submissions already graded in --out")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("report", help="rebuild DIR/report.html, the class report, from a `grade` output folder")
    p.add_argument("dir", metavar="DIR", help="output folder of `mlmathkit grade`")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("demo", help="release, then grade the bundled example submissions")
    p.add_argument("--out", default="build/demo", help="output folder (default: build/demo)")
    p.set_defaults(func=_cmd_demo)
    return parser


def _user_errors() -> tuple[type[Exception], ...]:
    from .cluster import ClusterError  # imports Dask: evaluated only while an error is being handled

    return CourseError, AuthoringError, ReleaseError, VariantsError, IdentityError, FileNotFoundError, ClusterError


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except _user_errors() as e:
        print(f"mlmathkit {args.command}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
