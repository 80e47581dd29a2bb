"""A page as plain data (headings, paragraphs, lists, tables and figures), written out as
Markdown or as one self-contained HTML file.

The class report and each student's page are built once as a :class:`Page` and written both
ways, so the two forms never say different things. Text comes in three kinds: the game's own
words (plain ``str``), text from a student's file (:class:`Quoted`: a name, a path, their
words), and code (:class:`Code`). Markdown shows quoted text as text, never as markup; HTML
escapes every piece of text, whatever its kind, so no transcript can add a tag, an attribute or
a script to a page. A figure's picture is embedded in the HTML as a ``data:`` URI: the file
opens in any browser, offline, without the pictures beside it.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence
from typing import Final
from urllib.parse import quote

import attrs

from game.engine.describe import printable


@attrs.frozen
class Quoted:
    """Text from a student's file: shown as text, never read as markup."""

    text: str


@attrs.frozen
class Code:
    """A path or an id, shown as code."""

    text: str


@attrs.frozen
class Link:
    """A link to another page of the report, by its relative path without the extension:
    Markdown links to the ``.md`` page, HTML to the ``.html`` one. Paths are made by the
    report itself (see :func:`game.store.names.file_stem`), never taken from a file."""

    text: Inline
    page: str


@attrs.frozen
class Strong:
    """Words in bold (the game's own)."""

    text: str


Inline = str | int | Quoted | Code | Link | Strong
Text = Inline | tuple[Inline, ...]
"""A run of text: one piece, or pieces written one after the other."""


@attrs.frozen
class Heading:
    level: int
    text: Text
    anchor: str = ""
    """An id for links within the page (HTML only); ``""`` for none."""


@attrs.frozen
class Paragraph:
    text: Text


@attrs.frozen
class Bullets:
    items: tuple[Text, ...]


@attrs.frozen
class Table:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]


@attrs.frozen
class Figure:
    """A chart: embedded in the HTML; in the Markdown, a link to ``file`` beside the page (left
    out when ``file`` is ``""``)."""

    alt: str
    """What the chart shows, for a screen reader and for a reader who cannot see it."""
    png: bytes
    file: str = ""
    size: tuple[int, int] = (0, 0)
    """Width and height in pixels, when known (the page keeps room for the picture)."""


Block = Heading | Paragraph | Bullets | Table | Figure


@attrs.frozen
class Page:
    """A whole page: its title (the first heading) and its blocks after that."""

    title: Text
    blocks: tuple[Block, ...]
    lead: str = ""
    """A line above the title (HTML only), e.g. the report the page belongs to."""


# --- Markdown ---------------------------------------------------------------------------------


_MARKDOWN: Final = re.compile(r"[\\`*_\[\]<>|~&]")
"""What Markdown or HTML would read as markup in the middle of a line."""
_ENTITIES: Final = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_text(text: str) -> str:
    """Text from a student's file as Markdown shows it, never as markup: HTML's brackets as
    entities, Markdown's marks behind backslashes, control characters escaped.

    >>> print(markdown_text("<b>*Ada*</b> [x](y) O'Neil (Ms.)"))
    &lt;b&gt;\\*Ada\\*&lt;/b&gt; \\[x\\](y) O'Neil (Ms.)
    """
    return _MARKDOWN.sub(
        lambda found: _ENTITIES.get(found.group(), "\\" + found.group()), printable(text)
    )


def markdown_code(text: str) -> str:
    """Text from a student's file (a path) as a Markdown code span, whatever backticks it
    holds: the fence is longer than any run of them."""
    text = printable(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _pieces(text: Text) -> tuple[Inline, ...]:
    return text if isinstance(text, tuple) else (text,)


def _md(text: Text) -> str:
    parts = []
    for piece in _pieces(text):
        match piece:
            case Quoted():
                parts.append(markdown_text(piece.text))
            case Code():
                parts.append(markdown_code(piece.text))
            case Link():
                parts.append(f"[{_md(piece.text)}]({href(piece.page + '.md')})")
            case Strong():
                parts.append(f"**{printable(piece.text)}**")
            case _:
                # The scenario's own words, Markdown as they are, but with what a viewer would
                # act on escaped, as the web page escapes them: a direction override in an
                # offer's label turned the rest of its line around.
                parts.append(printable(str(piece)))
    return "".join(parts)


def _md_cell(text: Text) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _md_block(block: Block) -> list[str]:
    match block:
        case Heading():
            return ["#" * block.level + " " + _md(block.text)]
        case Paragraph():
            return [_md(block.text)]
        case Bullets():
            return ["- " + _md(item) for item in block.items]
        case Table():
            lines = ["| " + " | ".join(_md_cell(c) for c in block.header) + " |"]
            lines.append("|" + "---|" * len(block.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            return lines
        case Figure():
            return [f"![{printable(block.alt)}]({block.file})"] if block.file else []


def to_markdown(page: Page) -> str:
    """The page as Markdown: blocks one blank line apart, ending with a newline."""
    chunks = [[f"# {_md(page.title)}"]] + [_md_block(block) for block in page.blocks]
    return "\n\n".join("\n".join(chunk) for chunk in chunks if chunk) + "\n"


# --- HTML -------------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return html.escape(printable(text), quote=True)


def href(path: str) -> str:
    """A relative path as a link's target: every character outside a safe few percent-encoded,
    so a file name can never end the attribute or name another scheme.

    >>> href("students/Zoë Murphy.html")
    'students/Zo%C3%AB%20Murphy.html'
    """
    return quote(path, safe="/-_.~")


def plain(text: Text) -> str:
    """A run of text without any markup (a page's title in the browser's tab)."""
    parts = []
    for piece in _pieces(text):
        match piece:
            case Quoted() | Code() | Strong():
                parts.append(piece.text)
            case Link():
                parts.append(plain(piece.text))
            case _:
                parts.append(str(piece))
    return "".join(parts)


def _html(text: Text) -> str:
    parts = []
    for piece in _pieces(text):
        match piece:
            case Code():
                parts.append(f"<code>{_escape(piece.text)}</code>")
            case Link():
                target = _escape(href(piece.page + ".html"))
                parts.append(f'<a href="{target}">{_html(piece.text)}</a>')
            case Strong():
                parts.append(f"<strong>{_escape(piece.text)}</strong>")
            case Quoted():
                parts.append(_escape(piece.text))
            case _:
                parts.append(_escape(str(piece)))
    return "".join(parts)


def _is_number(text: Text) -> bool:
    return isinstance(text, int) or (isinstance(text, str) and bool(_NUMBER.fullmatch(text)))


_NUMBER: Final = re.compile(r"[\u2212+-]?\d+%?")


def _html_cell(tag: str, text: Text, scope: str = "") -> str:
    number = ' class="n"' if _is_number(text) else ""
    scoped = f' scope="{scope}"' if scope else ""
    return f"<{tag}{scoped}{number}>{_html(text)}</{tag}>"


def png_uri(png: bytes) -> str:
    """A PNG as a ``data:`` URI, to embed in a page."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _html_block(block: Block) -> str:
    match block:
        case Heading():
            level = min(max(block.level, 1), 6)
            anchor = f' id="{_escape(block.anchor)}"' if block.anchor else ""
            return f"<h{level}{anchor}>{_html(block.text)}</h{level}>"
        case Paragraph():
            return f"<p>{_html(block.text)}</p>"
        case Bullets():
            items = "".join(f"<li>{_html(item)}</li>" for item in block.items)
            return f"<ul>{items}</ul>"
        case Table():
            head = "".join(_html_cell("th", cell, "col") for cell in block.header)
            body = "".join(
                "<tr>"
                + "".join(
                    _html_cell("th", cell, "row") if i == 0 else _html_cell("td", cell)
                    for i, cell in enumerate(row)
                )
                + "</tr>\n"
                for row in block.rows
            )
            return (
                f'<div class="wide"><table>\n<thead><tr>{head}</tr></thead>\n'
                f"<tbody>\n{body}</tbody>\n</table></div>"
            )
        case Figure():
            width, height = block.size
            size = f' width="{width}" height="{height}"' if width and height else ""
            alt = _escape(block.alt)
            return (
                f'<figure><img src="{png_uri(block.png)}" alt="{alt}"{size}>'
                f"<figcaption>{alt}</figcaption></figure>"
            )


STYLE: Final = """
:root { --ink: #1c2733; --soft: #55606e; --paper: #f7f5f0; --navy: #1f3a5f; --rule: #d5d1c8;
  --brick: #a63d2f; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.5 Georgia, "Times New Roman", serif; }
main { max-width: 58rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; color: var(--navy);
  line-height: 1.2; }
h1 { font-size: 1.9rem; margin: 0.3rem 0 1rem; }
h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule);
  padding-bottom: 0.3rem; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.lead { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.8rem;
  letter-spacing: 0.08em; text-transform: uppercase; color: var(--soft); }
.wide { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.7rem;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--navy); }
tbody th { font-weight: normal; }
.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; }
img { max-width: 100%; height: auto; border: 1px solid var(--rule); background: #fff; }
figcaption { font-size: 0.85rem; color: var(--soft); margin-top: 0.3rem; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.88em; }
a { color: var(--navy); }
strong { color: var(--brick); }
@media print { body { background: #fff; } main { max-width: none; } }
"""


def to_html(page: Page) -> str:
    """The page as one HTML file: styles inline, pictures embedded, no script, nothing
    fetched from anywhere."""
    lead = f'<p class="lead">{_escape(page.lead)}</p>\n' if page.lead else ""
    body = "\n".join(_html_block(block) for block in page.blocks)
    title = _html(page.title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_escape(plain(page.title))}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f"{lead}<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def table(header: Sequence[Text], rows: Sequence[Sequence[Text]]) -> Table:
    """A table from any sequences."""
    return Table(tuple(header), tuple(tuple(row) for row in rows))
