"""Automatic mutants of reference solutions: one small, realistic change at one site each.

Only code between the in-code ``# BEGIN SOLUTION`` / ``# END SOLUTION`` markers is mutated (what a
student writes). Each mutant has a stable id ``function:line:operator`` where ``line`` counts from
the ``def`` line, so ``equivalent_mutants.yml`` survives edits elsewhere in the chapter.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
from collections.abc import Iterator

from .authoring import reference_only_lines

_BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
                ast.Pow: ast.Mult, ast.FloorDiv: ast.Div, ast.MatMult: ast.Mult}
_CMP_SWAPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
              ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
_FUNC_SWAPS = {"sum": "mean", "mean": "sum", "max": "min", "min": "max", "argmax": "argmin", "argmin": "argmax",
               "log": "log2", "log2": "log", "exp": "exp2", "sqrt": "abs", "var": "std", "std": "var",
               "cumsum": "cumprod", "maximum": "minimum", "minimum": "maximum", "logsumexp": "max",
               "solve": "lstsq", "cholesky": "qr", "outer": "multiply", "prod": "sum", "log1p": "log",
               "expm1": "exp", "tanh": "sigmoid", "abs": "square"}
_KEYWORD_FLIPS = {"keepdims": "bool", "ddof": "ddof", "axis": "axis", "lower": "bool", "full_matrices": "bool"}


@dataclasses.dataclass(frozen=True)
class Mutant:
    id: str
    function: str
    description: str
    source: str  # the whole mutated function definition


def _sites(func: ast.FunctionDef, allowed: set[int]) -> Iterator[tuple[ast.AST, str, ast.AST]]:
    """(node, description, replacement) for every mutation of a node on an allowed line."""
    for node in ast.walk(func):
        if getattr(node, "lineno", None) not in allowed:
            continue
        if isinstance(node, ast.BinOp):
            swap = _BINOP_SWAPS.get(type(node.op))
            if swap:
                yield node, f"{type(node.op).__name__}->{swap.__name__}", ast.BinOp(node.left, swap(), node.right)
            if isinstance(node.op, (ast.Add, ast.Sub)):
                yield node, "drop right term", node.left
            if isinstance(node.op, (ast.Mult, ast.Div)):
                yield node, "drop factor", node.left
        elif isinstance(node, ast.Compare) and len(node.ops) == 1:
            swap = _CMP_SWAPS.get(type(node.ops[0]))
            if swap:
                yield node, f"{type(node.ops[0]).__name__}->{swap.__name__}", ast.Compare(node.left, [swap()], node.comparators)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            yield node, "drop negation", node.operand
        elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            v = node.value
            new = v + 1 if isinstance(v, int) else (v * 2 if v != 0 else 1.0)
            yield node, f"constant {v!r}->{new!r}", ast.Constant(new)
        elif isinstance(node, ast.Attribute) and node.attr == "T":
            yield node, "drop transpose", node.value
        elif isinstance(node, ast.Attribute) and node.attr in _FUNC_SWAPS:
            yield node, f"{node.attr}->{_FUNC_SWAPS[node.attr]}", ast.Attribute(node.value, _FUNC_SWAPS[node.attr], node.ctx)
        elif isinstance(node, ast.keyword) and node.arg in _KEYWORD_FLIPS:
            flipped = _flip_keyword(node)
            if flipped is not None:
                yield node, f"{node.arg}={ast.unparse(node.value)}->{ast.unparse(flipped.value)}", flipped


def _flip_keyword(node: ast.keyword) -> ast.keyword | None:
    value = node.value
    if isinstance(value, ast.Constant) and isinstance(value.value, bool):
        return ast.keyword(node.arg, ast.Constant(not value.value))
    if isinstance(value, ast.Constant) and isinstance(value.value, int):
        if node.arg == "ddof":
            return ast.keyword(node.arg, ast.Constant(1 - value.value))
        if node.arg == "axis":
            return ast.keyword(node.arg, ast.Constant(1 if value.value == 0 else 0))
    if isinstance(value, ast.UnaryOp) and node.arg == "axis":  # axis=-1
        return ast.keyword(node.arg, ast.Constant(0))
    return None


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST):
        self.target, self.replacement = target, replacement

    def visit(self, node):
        if node is self.target:
            return self.replacement
        return super().visit(node)


def mutants_of(solution_source: str) -> list[Mutant]:
    """Mutants of every function defined in one solution cell, in a stable order."""
    allowed = set(reference_only_lines(solution_source))
    tree = ast.parse(solution_source)
    out: list[Mutant] = []
    for func in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        counts: dict[str, int] = {}
        for node, description, replacement in _sites(func, allowed):
            clone = copy.deepcopy(func)
            # locate the same node in the clone by walking both trees in lockstep
            target = next(c for o, c in zip(ast.walk(func), ast.walk(clone)) if o is node)
            repl = copy.deepcopy(replacement)  # a self-contained subtree (it may reuse the original's children)
            mutated = ast.fix_missing_locations(_Replace(target, repl).visit(clone))
            try:
                src = ast.unparse(mutated)
                compile(src, "<mutant>", "exec")
            except (SyntaxError, ValueError):
                continue
            line = node.lineno - func.lineno
            key = f"{func.name}:L{line}:{description}"
            counts[key] = counts.get(key, 0) + 1
            mid = key if counts[key] == 1 else f"{key}#{counts[key]}"
            out.append(Mutant(mid, func.name, f"line {line} of {func.name}: {description}", src))
    return out

