"""Output helpers for text a student controls: file names, ids, names, messages from their code.

Each helper targets one output channel and makes the text inert there: a spreadsheet cell never
becomes a formula, Markdown and HTML never become structure, the terminal never sees markup or
escape sequences, and the file system only sees short, plain, collision-free names.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rich.text import Text

# Spreadsheets evaluate a cell starting with one of these (OWASP "CSV injection"); the full-width
# forms are included because some locales' spreadsheet apps treat them as the ASCII ones.
_FORMULA_TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")

# Invisible characters that change how the rest of a line reads: C0/C1 controls (escape sequences,
# carriage returns), Unicode line separators and the bidirectional overrides ("Trojan source").
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A whole terminal escape sequence: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), or ESC + one char.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")
_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")

_HTML_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MD_PUNCTUATION = frozenset("!\"#$%'()*+,-./:;=?@[\\]^_`{|}~")  # CommonMark allows escaping any ASCII punctuation

_STEM_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_HASH_HEX = 12  # 48 bits: no two submissions in any class collide by chance


def _visible(match: re.Match[str]) -> str:
    """An invisible control character as a visible escape, so evidence is kept but inert."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def csv_cell(s: str | None) -> str:
    """Text for a CSV cell that no spreadsheet evaluates: a leading formula trigger gets a `'`.

    Apply it to text columns only: numbers we format ourselves (``-1.5``) are data, not formulas.
    A trigger after leading spaces counts too, since some importers strip the spaces first.
    """
    s = "" if s is None else str(s)
    stripped = s.lstrip(" ")
    if stripped and stripped[0] in _FORMULA_TRIGGERS:
        return "'" + s
    return s


def md_text(s: str) -> str:
    """Inline Markdown that renders as exactly the characters of ``s``, never as structure.

    Line breaks become spaces (no forged list items or headings on a line of their own), other
    control characters become visible escapes, ``<>&`` become HTML entities (portable even to
    renderers without full CommonMark escapes) and all other ASCII punctuation is backslash-escaped.
    """
    s = _CONTROL.sub(_visible, _LINE_BREAK.sub(" ", s.replace("\t", " ")))
    out = "".join(_HTML_ENTITIES.get(c) or (f"\\{c}" if c in _MD_PUNCTUATION else c) for c in s)
    # Four leading spaces would start an indented code block where the text begins a line.
    return "&#32;" + out[1:] if out.startswith(" ") else out


def md_code(s: str) -> str:
    """An inline code span showing ``s`` literally (``md_text`` escapes do not work between backticks).

    The delimiters are one backtick longer than the longest run in ``s``, and padded with a space
    that CommonMark strips again, so a backtick at either end of ``s`` cannot merge with them.
    """
    s = _CONTROL.sub(_visible, _LINE_BREAK.sub(" ", s.replace("\t", " ")))
    fence = "`" * (max((len(run) for run in re.findall(r"`+", s)), default=0) + 1)
    return f"{fence} {s} {fence}"


def md_block(s: str, indent: str = "") -> str:
    """A fenced code block showing ``s`` literally, which nothing inside ``s`` can close.

    The fence is one backtick longer than the longest backtick run in ``s`` (a closing fence must be
    at least as long as the opening one). Every line is indented by ``indent`` so that the block stays
    inside a list item: a less-indented line would end the item and let the rest render as Markdown.
    Code blocks are literal, so no HTML escaping; control characters still become visible escapes
    (a terminal showing the file would otherwise run them).
    """
    s = _CONTROL.sub(lambda m: m.group() if m.group() == "\n" else _visible(m), s.replace("\r\n", "\n"))
    longest = max((len(run) for run in re.findall(r"`+", s)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{fence}text", *s.split("\n"), fence]
    return "\n".join(indent + line for line in lines)


def console_text(s: str) -> Text:
    """A :class:`rich.text.Text` printing exactly ``s``, minus terminal escape sequences.

    Rich never parses markup (``[/x]``, ``[link=...]``) or emoji codes inside a ``Text``. Pass it
    to ``console.print`` as is, or join it with ``Text.assemble``/``+``: an f-string would turn
    it back into a plain ``str`` that rich parses again. Escape sequences are dropped whole; other
    control characters (line breaks included, which could forge log lines) become visible escapes.
    """
    return Text(_CONTROL.sub(_visible, _ANSI.sub("", s).replace("\t", " ")))


def safe_stem(s: str, max_bytes: int = 80) -> str:
    """A short, plain file-name stem for ``s``: ``[A-Za-z0-9._-]``, no leading dot or dash.

    A readable part (accents folded to ASCII, other characters replaced) is followed by a hash of the
    full original, so distinct inputs get distinct stems even when they differ only in characters
    the readable part drops, and stems never differ only in case. At most ``max_bytes`` bytes.
    """
    digest = hashlib.sha256(s.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_HEX]
    if max_bytes < _HASH_HEX + 2:
        raise ValueError(f"max_bytes must be at least {_HASH_HEX + 2}")
    folded = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    readable = _STEM_CHARS.sub("_", folded).lstrip(".-_")[: max_bytes - _HASH_HEX - 1].rstrip(".")
    return f"{readable}-{digest}" if readable else digest
