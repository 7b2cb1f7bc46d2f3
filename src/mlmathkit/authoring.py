"""Read a chapter source (jupytext percent script in otter's master format) and build the master notebook.

The source keeps only what is specific to the chapter; this module adds otter's assignment-config
cell, the points from the manifest and the ``NotImplementedError`` stubs, and validates the rules of
``solutions/README.md`` that a machine can check.
"""

from __future__ import annotations

import ast
import dataclasses
import re

import nbformat
import yaml

from .course import Chapter

CHECKS_FILE = "mlmathkit_checks.py"  # the name under which checks.py ships next to notebooks
FIXTURES_FILE = "mlmathkit_fixtures.py"  # ... and fixtures.py
SHIPPED_MODULES = {"checks": CHECKS_FILE, "fixtures": FIXTURES_FILE}  # package module -> shipped file

_RAW_MARKER = re.compile(r"^\s*#\s*(BEGIN|END)\s+(QUESTION|SOLUTION|TESTS)\b", re.IGNORECASE)
_CODE_BEGIN = re.compile(r"^(\s*)# BEGIN SOLUTION\s*$")
_CODE_END = re.compile(r"^\s*# END SOLUTION\s*$")
_ANY_SOLUTION_MARKER = re.compile(r"#\s*(BEGIN SOLUTION|END SOLUTION|SOLUTION\s*$)")
_SOLUTION_LINE = re.compile(r"^(.*?)\s*# SOLUTION\s*$")
_DEF = re.compile(r"^(\s*)def\s+(\w+)\s*\(")
_HIDDEN = re.compile(r"^\s*#\s*HIDDEN\s*$")


class AuthoringError(Exception):
    """The chapter source breaks an authoring rule; the message names the cell and the rule."""


@dataclasses.dataclass(frozen=True)
class TestCell:
    function: str
    params: tuple[str, ...]
    hidden: bool
    source: str  # the function definition alone (the HIDDEN marker removed)


@dataclasses.dataclass
class Question:
    name: str
    solution_sources: list[str] = dataclasses.field(default_factory=list)
    tests: list[TestCell] = dataclasses.field(default_factory=list)

    @property
    def graded_functions(self) -> tuple[str, ...]:
        """The student functions this question's tests call, in first-use order."""
        seen: dict[str, None] = {}
        for t in self.tests:
            seen.update(dict.fromkeys(t.params))
        return tuple(seen)


@dataclasses.dataclass
class ChapterSource:
    chapter: Chapter
    notebook: nbformat.NotebookNode
    questions: dict[str, Question]

    @property
    def defined_functions(self) -> set[str]:
        names: set[str] = set()
        for q in self.questions.values():
            for src in q.solution_sources:
                names.update(n.name for n in ast.parse(src).body if isinstance(n, ast.FunctionDef))
        return names


def reference_only_lines(src: str) -> dict[int, str]:
    """The lines of a solution cell that students must not see, by 1-based line number.

    Lines between in-code ``# BEGIN SOLUTION`` / ``# END SOLUTION`` markers, and the code part of a
    line ending in ``# SOLUTION``. The release strips them; the leak check and the mutator use them.
    """
    out, inside = {}, False
    for i, line in enumerate(src.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("# BEGIN SOLUTION"):
            inside = True
        elif stripped.startswith("# END SOLUTION"):
            inside = False
        elif inside:
            out[i] = line
        elif m := _SOLUTION_LINE.match(line):
            out[i] = m.group(1)
    return out


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _raw_marker(cell) -> tuple[str, str] | None:
    if cell.cell_type != "raw":
        return None
    m = _RAW_MARKER.match(_source(cell))
    return (m.group(1).upper(), m.group(2).upper()) if m else None


def read_source(chapter: Chapter) -> ChapterSource:
    """Parse and validate ``solutions/<chapter>/<chapter>.py``."""
    if not chapter.source.is_file():
        raise AuthoringError(f"{chapter.id}: source {chapter.source} does not exist")
    import jupytext  # only authoring needs it: the grader imports this module for imported_modules

    nb = jupytext.read(chapter.source)
    questions: dict[str, Question] = {}
    current: Question | None = None
    block: str | None = None  # "SOLUTION" or "TESTS" while inside a raw block
    for i, cell in enumerate(nb.cells):
        where = f"{chapter.source.name}, cell {i + 1}"
        marker = _raw_marker(cell)
        src = _source(cell)
        if marker:
            kind, what = marker
            if what == "QUESTION":
                if kind == "BEGIN":
                    if current is not None:
                        raise AuthoringError(f"{where}: BEGIN QUESTION inside question {current.name}")
                    config = yaml.safe_load("\n".join(src.splitlines()[1:])) or {}
                    name = str(config.get("name", ""))
                    if not name or name in questions:
                        raise AuthoringError(f"{where}: question needs a unique `name:` (got {name!r})")
                    if "points" in config:
                        raise AuthoringError(f"{where}: points belong in assignments/course.yml, not in the source")
                    current = questions[name] = Question(name)
                else:
                    current = None
            else:
                if current is None:
                    raise AuthoringError(f"{where}: {kind} {what} outside a question")
                if kind == "BEGIN":
                    block = what
                elif block != what:
                    raise AuthoringError(f"{where}: END {what} without a matching BEGIN")
                else:
                    block = None
            continue
        if cell.cell_type != "code":
            continue
        if block == "SOLUTION":
            if not _ANY_SOLUTION_MARKER.search(src):
                raise AuthoringError(f"{where}: a solution cell without `# BEGIN SOLUTION` lines would ship whole")
            current.solution_sources.append(src)
        elif block == "TESTS":
            current.tests.append(_parse_test(src, where))
        elif _ANY_SOLUTION_MARKER.search(src):
            raise AuthoringError(
                f"{where}: solution markers outside a raw `# BEGIN SOLUTION` block — otter would ship "
                "this cell, solution included, to students"
            )
    source = ChapterSource(chapter, nb, questions)
    _validate(source)
    return source


def _parse_test(src: str, where: str) -> TestCell:
    lines = src.splitlines()
    hidden = bool(lines) and bool(_HIDDEN.match(lines[0]))
    body = "\n".join(lines[1:] if hidden else lines).strip("\n")
    try:
        tree = ast.parse(body)
    except SyntaxError as e:
        raise AuthoringError(f"{where}: test cell does not parse: {e}") from None
    funcs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    if len(tree.body) != 1 or len(funcs) != 1 or not funcs[0].name.startswith("test_"):
        raise AuthoringError(f"{where}: a test cell holds exactly one `def test_...(...)` and nothing else")
    fn = funcs[0]
    params = tuple(a.arg for a in fn.args.args)
    if "env" in params or fn.args.vararg or fn.args.kwarg or fn.args.kwonlyargs:
        raise AuthoringError(f"{where}: test parameters may only name graded functions (never env, *args, **kw)")
    return TestCell(fn.name, params, hidden, body)


def _validate(source: ChapterSource) -> None:
    chapter = source.chapter
    names, expected = list(source.questions), list(chapter.questions)
    if names != expected:
        raise AuthoringError(
            f"{chapter.id}: questions in the source {names} differ from assignments/course.yml {expected}"
        )
    defined = source.defined_functions
    for q in source.questions.values():
        if not q.solution_sources:
            raise AuthoringError(f"{chapter.id}/{q.name}: no solution cell")
        if not any(not t.hidden for t in q.tests) or not any(t.hidden for t in q.tests):
            raise AuthoringError(f"{chapter.id}/{q.name}: needs at least one public and one hidden test")
        seen_names = [t.function for t in q.tests]
        if len(set(seen_names)) != len(seen_names):
            raise AuthoringError(f"{chapter.id}/{q.name}: two tests share a function name")
        for t in q.tests:
            if t.hidden and not (ast.get_docstring(ast.parse(t.source).body[0]) or "").strip():
                raise AuthoringError(f"{chapter.id}/{q.name}/{t.function}: a hidden test needs a docstring whose "
                                     "first line tells students, in one sentence, the case it checks")
            unknown = [p for p in t.params if p not in defined]
            if unknown or not t.params:
                raise AuthoringError(
                    f"{chapter.id}/{q.name}/{t.function}: parameters {unknown or '(none)'} are not graded "
                    "functions defined in a solution cell"
                )


# --------------------------------------------------------------------------- master notebook
def _stub_prompts(src: str) -> str:
    """Turn each in-function ``# BEGIN SOLUTION`` block into otter's NO PROMPT form plus a stub.

    The student then sees ``raise NotImplementedError("<function> is not implemented yet ...")``
    instead of otter's bare ``...``, which would return None and fail confusingly.
    """
    out: list[str] = []
    pending: list[str] | None = None
    lines = src.split("\n")
    for i, line in enumerate(lines):
        begin = _CODE_BEGIN.match(line)
        if begin:
            indent = begin.group(1)
            func = _enclosing_function(lines, i, len(indent))
            if func is None:
                out.append(line)  # module-level block (e.g. a plot): otter's `...` prompt is right
                continue
            out.append(f"{indent}# BEGIN SOLUTION NO PROMPT")
            message = f"{func} is not implemented yet: replace this line with your code"
            pending = [f'{indent}""" # BEGIN PROMPT', f"{indent}raise NotImplementedError({message!r})", f'{indent}""" # END PROMPT']
            continue
        out.append(line)
        if pending and _CODE_END.match(line):
            out.extend(pending)
            pending = None
    return "\n".join(out)


def _enclosing_function(lines: list[str], index: int, indent: int) -> str | None:
    for line in reversed(lines[:index]):
        m = _DEF.match(line)
        if m and len(m.group(1)) < indent:
            return m.group(2)
    return None


def assignment_config(chapter: Chapter) -> str:
    config = {
        "name": chapter.id,
        "requirements": "requirements.txt",
        "init_cell": True,
        "check_all_cell": False,
        "run_tests": False,  # the release's own gates grade the reference instead
        "export_cell": {
            "pdf": False,  # no LaTeX needed on student machines
            "instructions": "Upload the zip file this cell writes (or the .ipynb itself) to your course's submission page.",
        },
        "tests": {"files": True, "ok_format": False},
        "files": sorted(SHIPPED_MODULES.values()),
        "generate": {"pdf": False, "zips": False},
    }
    return "# ASSIGNMENT CONFIG\n" + yaml.safe_dump(config, sort_keys=False).rstrip()


def master_notebook(source: ChapterSource) -> nbformat.NotebookNode:
    """The otter master notebook for a chapter (a build artifact, never committed)."""
    chapter = source.chapter
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    nb.cells.append(nbformat.v4.new_raw_cell(assignment_config(chapter)))
    in_solution = in_tests = False
    question = ""
    for cell in source.notebook.cells:
        src = _source(cell)
        marker = _raw_marker(cell)
        if cell.cell_type == "raw":
            if marker == ("BEGIN", "QUESTION"):
                config = yaml.safe_load("\n".join(src.splitlines()[1:])) or {}
                question = str(config["name"])
                config["points"] = chapter.questions[question]
                src = "# BEGIN QUESTION\n" + yaml.safe_dump(config, sort_keys=False).rstrip()
            if marker and marker[1] == "SOLUTION":
                in_solution = marker[0] == "BEGIN"
            if marker and marker[1] == "TESTS":
                in_tests = marker[0] == "BEGIN"
            nb.cells.append(nbformat.v4.new_raw_cell(src))
        elif cell.cell_type == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(src))
        elif in_tests:
            nb.cells.append(nbformat.v4.new_code_cell(guard_test(src, chapter.forbidden.get(question, ()))))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(_stub_prompts(src) if in_solution else src))
    return nb


def guard_test(src: str, forbid: tuple[str, ...]) -> str:
    """The test cell with each graded function it takes wrapped by ``mlmathkit_checks.guarded``: inputs
    must stay unchanged and forbidden routines uncalled, in the notebook exactly as in the autograder."""
    lines = src.split("\n")
    offset = 1 if lines and _HIDDEN.match(lines[0]) else 0
    fn = ast.parse("\n".join(lines[offset:])).body[0]
    if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
        return src
    first = fn.body[1] if (len(fn.body) > 1 and isinstance(fn.body[0], ast.Expr)
                           and isinstance(fn.body[0].value, ast.Constant) and isinstance(fn.body[0].value.value, str)) \
        else fn.body[0]
    indent = " " * first.col_offset
    names = [a.arg for a in fn.args.args]
    preamble = [f"{indent}from mlmathkit_checks import guarded as _guarded",
                *(f"{indent}{n} = _guarded({n}, {n!r}, {forbid!r})" for n in names)]
    at = offset + first.lineno - 1
    return "\n".join(lines[:at] + preamble + lines[at:])


# --------------------------------------------------------------------------- reference notebook
_PROMPT_BLOCK = re.compile(r'^[ \t]*""" # BEGIN PROMPT\n.*?^[ \t]*""" # END PROMPT\n?', re.M | re.S)
_MARKER_LINE = re.compile(r"^[ \t]*# (BEGIN SOLUTION( NO PROMPT)?|END SOLUTION)[ \t]*\n?", re.M)
_SOLUTION_SUFFIX = re.compile(r"[ \t]*# SOLUTION[ \t]*$", re.M)


def strip_markers(src: str) -> str:
    """Reference code as a reader should see it: no otter markers, no student prompts."""
    src = _PROMPT_BLOCK.sub("", src)
    src = _MARKER_LINE.sub("", src)
    return _SOLUTION_SUFFIX.sub("", src)


def imported_modules(sources: list[str]) -> list[str]:
    """The absolute module names that Python sources import (in order of first appearance)."""
    mods: dict[str, None] = {}
    for src in sources:
        try:
            tree = ast.parse(src)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods.update(dict.fromkeys(a.name for a in node.names))
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                mods[node.module] = None
    return list(mods)
