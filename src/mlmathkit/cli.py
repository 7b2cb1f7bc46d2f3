"""The `mlmathkit` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .authoring import AuthoringError
from .course import CourseError, load_course
from .release import ReleaseError, release_chapter


def _cmd_release(args: argparse.Namespace) -> int:
    course = load_course()
    for chapter in course.select(args.chapters):
        result = release_chapter(chapter, course.root / "build")
        print(
            f"released {chapter.id}: student/{chapter.id} ({result.student_files} files), "
            f"autograder/{chapter.id} ({result.autograder_files} files)"
        )
    return 0


def _cmd_grade(args: argparse.Namespace) -> int:
    from .grading import grade_batch

    course = load_course()
    chapter = course.chapter(args.chapter)
    timeout = args.timeout if args.timeout is not None else course.grading_timeout
    grade_batch(chapter, [Path(p) for p in args.paths], Path(args.out), timeout=timeout, jobs=args.jobs)
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
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("grade", help="grade a batch of submissions into a gradebook")
    p.add_argument("chapter", help="chapter id, e.g. ch01_probability")
    p.add_argument("paths", nargs="+", help="submission files (.ipynb or export .zip) or folders of them")
    p.add_argument("--out", required=True, help="output folder for grades.csv and per-submission results")
    p.add_argument("--timeout", type=float, default=None, help="wall-clock seconds per submission")
    p.add_argument("--jobs", type=int, default=None, help="submissions graded in parallel (default: CPU count)")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("demo", help="release, then grade the bundled example submissions")
    p.add_argument("--out", default="build/demo", help="output folder (default: build/demo)")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CourseError, AuthoringError, ReleaseError) as e:
        print(f"mlmathkit {args.command}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
