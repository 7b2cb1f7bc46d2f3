"""Student-controlled text through each output channel: CSV, Markdown, terminal, file names."""

from __future__ import annotations

import html.parser
import io
import re

import pytest
from markdown_it import MarkdownIt
from rich.console import Console
from rich.text import Text

from mlmathkit.untrusted import console_text, csv_cell, md_block, md_code, md_text, safe_stem

HOSTILE = [
    "- ✅ `test_hidden` (5/5)",
    "ok\n- ✅ hidden test `test_hidden_negative` (5/5)\n## q1: 2 / 2",
    "<!-- **Score: 0 / 2** -->",
    "```\n# Score: 100 / 100\n```",
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1)) ![x](http://evil/x.png) <http://evil> www.evil.com",
    "# Heading\n===\n> quote\n    indented code\n1. item",
    "**bold** _em_ ~~strike~~ | a | b |\n|---|---|",
    "&copy; &#x3C;b&#x3E; \\*not escaped\\*",
    "    four leading spaces",
    "trailing backslash \\",
    "bidi \u202egnp.exe\u202c and escape \x1b[2J and nul \x00",
]


class _Html(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data

    def handle_comment(self, data):
        self.tags.append("!--")


def render(markdown: str) -> _Html:
    parsed = _Html()
    parsed.feed(MarkdownIt().render(markdown))  # CommonMark with raw HTML enabled
    return parsed


def _shown(s: str) -> str:
    """What md_text promises to show: the text on one line, control characters as visible escapes."""
    s = re.sub("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]", " ", s.replace("\t", " "))
    return re.sub("[\x00-\x1f\x7f-\x9f\u202a-\u202e]", lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                  else f"\\u{ord(m.group()):04x}", s)


@pytest.mark.parametrize("s", HOSTILE)
def test_md_text_renders_literally_as_one_paragraph(s):
    page = render(f"feedback for {md_text(s)} done")
    assert page.tags == ["p"], (s, page.tags)
    assert page.text.strip() == f"feedback for {_shown(s)} done"


@pytest.mark.parametrize("s", HOSTILE)
def test_md_text_at_the_start_of_a_line_stays_inline(s):
    page = render(md_text(s))
    assert page.tags == ["p"], (s, page.tags)
    assert page.text.strip() == _shown(s).strip()


def test_md_text_cannot_forge_a_feedback_line():
    forged = "x\n- ✅ hidden test `test_hidden_negative` (5/5)"
    page = MarkdownIt().render(f"- ❌ `test_public` (0/2): {md_text(forged)}")
    assert page.count("<li>") == 1 and page.count("<code>") == 1
    assert "x - ✅ hidden test `test_hidden_negative` (5/5)</li>" in page


@pytest.mark.parametrize("s", HOSTILE + ["`", "``x``", "a ` b", " spaced "])
def test_md_code_renders_literally_as_one_code_span(s):
    page = render(f"line {md_code(s)} done")
    assert page.tags == ["p", "code"], (s, page.tags)
    assert page.text == f"line {_shown(s)} done\n"


CODE = [
    "```\n# Score: 100\n```\nafter the fence",
    "~~~\nx\n~~~",
    "````````` ten? no, nine backticks\n``````````",
    "<!-- hidden --> <script>alert(1)</script> **bold**",
    "line\n\n\n- ✅ `test_hidden` (5/5)\n",
    "   ```\n    ```",
    "",
]


@pytest.mark.parametrize("s", CODE)
def test_md_block_cannot_be_closed_from_inside(s):
    page = render(md_block(s) + "\n\n**after**")
    assert page.tags == ["pre", "code", "p", "strong"], page.tags
    assert page.text.startswith(s)


@pytest.mark.parametrize("s", CODE)
def test_md_block_stays_inside_a_list_item(s):
    page = render("- ❌ `test_public` (0/2)\n" + md_block(s, indent="  ") + "\n- next item")
    assert page.tags == ["ul", "li", "code", "pre", "code", "li"], page.tags
    assert s in page.text


def test_md_block_shows_terminal_escapes_as_text():
    block = md_block("boom\x1b[2J\rcarriage")
    assert "\x1b" not in block and "\r" not in block
    assert "boom\\x1b[2J\\x0dcarriage" in render(block).text


@pytest.mark.parametrize("force_terminal", [False, True])
@pytest.mark.parametrize("s", ["[/x]", "[link=http://evil]click[/link]", "[bold red]loud[/] :thumbs_up: \\[x]",
                               "trailing backslash \\", "[/x]\\"])
def test_console_text_prints_literally(s, force_terminal):
    buf = io.StringIO()
    Console(file=buf, force_terminal=force_terminal, width=500).print(console_text(s))
    assert buf.getvalue() == s + "\n"


@pytest.mark.parametrize("force_terminal", [False, True])
def test_console_text_strips_escape_sequences(force_terminal):
    s = "ok\x1b[2J\x1b[31m red\x1b[0m\x1b]8;;http://evil\x07link\x1b]8;;\x07\x9b1m!\nforged log line\x07"
    buf = io.StringIO()
    Console(file=buf, force_terminal=force_terminal, width=500).print(console_text(s))
    assert buf.getvalue() == "ok redlink!\\x0aforged log line\\x07\n"
    assert isinstance(console_text(s), Text)


@pytest.mark.parametrize("s", ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(1)", "\t=1", "\r=1", "  =1+1", "＝1+1"])
def test_csv_cell_neutralises_formulas(s):
    assert csv_cell(s) == "'" + s


@pytest.mark.parametrize("s", ["alice", "a=b", "1.5", "", "O'Brien", "x-1"])
def test_csv_cell_leaves_plain_text(s):
    assert csv_cell(s) == s


STEMS = ["alice", "Alice", "a b", "a?b", "a/b", "a\\b", "José", "Jose", "../../etc/passwd", ".hidden", "-rf",
         "", "..", "=cmd|' /C calc'!A0", "x" * 230, "ü" * 200, "名前", "a\x00b", "a\x1b[2Jb", "\ud800"]


def test_safe_stem_is_plain_bounded_and_distinct():
    stems = [safe_stem(s) for s in STEMS]
    for s, stem in zip(STEMS, stems):
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*", stem), (s, stem)
        assert len(stem.encode()) <= 80
    assert len({stem.casefold() for stem in stems}) == len(STEMS)  # distinct even on case-insensitive disks
    assert [safe_stem(s) for s in STEMS] == stems  # deterministic: a re-run finds its files again


def test_safe_stem_keeps_a_readable_part_and_honours_max_bytes():
    assert safe_stem("alice").startswith("alice-") and safe_stem("José").startswith("Jose-")
    assert safe_stem("a b")[:4] == safe_stem("a?b")[:4] == "a_b-" and safe_stem("a b") != safe_stem("a?b")
    assert len(safe_stem("y" * 500, max_bytes=30)) == 30
    with pytest.raises(ValueError):
        safe_stem("x", max_bytes=5)
