"""Generated blocks of the README (audit table, benchmark figures), kept true by the commands that measure them."""

from __future__ import annotations

from pathlib import Path


def update_block(readme: Path, block: str, content: str) -> None:
    """Replace the text between ``<!-- block:begin -->`` and ``<!-- block:end -->``."""
    text = readme.read_text(encoding="utf-8")
    begin, end = f"<!-- {block}:begin -->", f"<!-- {block}:end -->"
    if begin not in text or end not in text:
        raise ValueError(f"{readme} has no {begin} ... {end} block")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{begin}\n{content.strip()}\n{end}{tail}", encoding="utf-8")
