"""The safe chapter renderer shared by the HTML exporters: Markdown -> HTML fragment with
GitHub-style heading anchors, links between chapters rewritten to pages, and the plain
text of every section for the search index.

Safety: participants' text is untrusted, so raw HTML stays off whatever a plugin set in
``configure_markdown``, and links and images may only use http, https, mailto, tel or a
relative address (no ``javascript:``, ``vbscript:``, ``data:`` or ``file:``).

Anchor rule (the one ``workbook check`` must use): the heading's text (text and inline
code only, markup removed) is lower-cased, spaces become ``-``, every character that is
not a word character, ``-`` or CJK is dropped (``mdit_py_plugins.anchors.slugify``); a
repeated slug gets ``-1``, ``-2``, ... in document order. Every heading level gets one.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from toolkit.workbook.safety import URL_SCHEME as _SCHEME
from toolkit.workbook.safety import page_href, publishable_asset, safe_url, sanitise_html

__all__ = [
    "RenderedChapter",
    "chapter_title_markdown",
    "make_renderer",
    "page_path",
    "render_chapter",
    "renderer_fingerprint",
    "safe_url",
    "slugify",
    "unique_slug",
]



def slugify(title: str) -> str:
    """The anchor of a heading text (``mdit_py_plugins.anchors``' rule, which the renderer
    applies: imported on first use, so that a build with nothing to render never loads
    markdown-it)."""
    from mdit_py_plugins.anchors.index import slugify as mdit_slugify

    return mdit_slugify(title)


def unique_slug(slug: str, slugs: set[str]) -> str:
    """``slug``, or ``slug-1``, ``slug-2``, ... when taken (recorded in ``slugs``)."""
    from mdit_py_plugins.anchors.index import unique_slug as mdit_unique_slug

    return mdit_unique_slug(slug, slugs)


def make_renderer() -> Any:
    """The workbook's ``MarkdownIt`` (with the plugins' additions) made safe and anchored."""
    from mdit_py_plugins.anchors import anchors_plugin

    from toolkit.markdown import make_markdown

    md = make_markdown()
    # after the plugins ran: no plugin may switch raw HTML back on
    md.options["html"] = False
    _use_definition_lists(md)
    md.core.ruler.push("heading_attributes", _heading_attributes)
    md.use(anchors_plugin, min_level=1, max_level=6)
    md.core.ruler.push("heading_ids", _heading_ids)
    md.core.ruler.push("term_ids", _term_ids)
    md.core.ruler.push("code_info", _code_info)
    md.core.ruler.push("admonitions", _admonitions)
    md.validateLink = safe_url
    return md


#: ``{#id .class}`` at the end of a heading: pulldown-cmark's heading attributes (mdBook).
#: Only braces that hold nothing but ``#id``, ``.class`` and ``key=value`` words are read so:
#: mdBook also drops other braces ("# The set {1, 2}" is "The set" there), which would cut a
#: workbook author's heading on the page while pandoc's exports keep it
_HEADING_ATTRS = re.compile(r"[ \t]*\{([^{}]*)\}[ \t]*$")
_ATTR_WORD = re.compile(r"[#.][^\s#.=]+|[^\s#.=]+=\S*")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_ID_CHARS = re.compile(r"[^\s\"'<>&]+")


def _heading_attributes(state: Any) -> None:
    """Take ``{#id .class}`` off the end of each heading's text (before the anchors are made
    from the text); the id is kept in the heading's ``meta`` for :func:`_heading_ids`."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or i + 1 >= len(tokens) or "{" not in tokens[i + 1].content:
            continue
        inline = tokens[i + 1]
        match = _HEADING_ATTRS.search(inline.content)
        last = inline.children[-1] if inline.children else None
        if match is None or last is None or last.type != "text" \
                or not all(_ATTR_WORD.fullmatch(word) for word in match.group(1).split()):
            continue
        written = inline.content[match.start():].strip()
        if not last.content.rstrip().endswith(written):
            continue  # the braces are not plain text (in a code span, say): left as written
        kept = last.content.rstrip()[:-len(written)]
        last.content = _CLOSING_HASHES.sub("", kept).rstrip() if kept.strip() else ""
        inline.content = _CLOSING_HASHES.sub("", inline.content[:match.start()]).rstrip()
        ids = [w[1:] for w in match.group(1).split() if w.startswith("#") and _ID_CHARS.fullmatch(w[1:])]
        if ids:
            tok.meta["id"] = ids[-1]


def _heading_ids(state: Any) -> None:
    """A heading's own id (``{#id}``) in place of the one made from its text."""
    for tok in state.tokens:
        if tok.type == "heading_open" and tok.meta and "id" in tok.meta:
            tok.attrSet("id", tok.meta["id"])


_INFO_WORDS = re.compile(r"[^ \t,]+")
#: a line mdBook hides in Rust code: ``#`` alone or followed by a blank, before it only blanks
_RUST_HIDDEN = re.compile(r"^(\s*)#(.?)(.*)$")


def _code_info(state: Any) -> None:
    """Code blocks' info strings as mdBook reads them: words split at blanks and commas, the
    first is the language (```` ```rust,editable ```` is Rust code); the lines mdBook's reader
    hides are left out, since this site has no button to show them: in Rust code ``# line``
    (``##`` shows one ``#``), elsewhere the lines starting with ``hidelines=PREFIX``'s prefix."""
    for tok in state.tokens:
        if tok.type != "fence" or not tok.info:
            continue
        words = _INFO_WORDS.findall(tok.info)
        if not words:
            continue
        if "," in tok.info:
            tok.info = " ".join(words)
        if words[0] == "rust":
            tok.content = _hide_rust_lines(tok.content)
            continue
        prefix = next((w[len("hidelines="):] for w in words[1:] if w.startswith("hidelines=")), "")
        if prefix:
            tok.content = "".join(line for line in tok.content.splitlines(keepends=True)
                                  if not line.lstrip().startswith(prefix))


def _hide_rust_lines(code: str) -> str:
    if "#" not in code:
        return code
    kept = []
    for line in code.splitlines(keepends=True):
        match = _RUST_HIDDEN.match(line.rstrip("\n"))
        if match is not None:
            if match.group(2) == "#":
                kept.append(match.group(1) + "#" + match.group(3) + line[len(line.rstrip("\n")):])
                continue
            if match.group(2) in ("", " "):
                continue
        kept.append(line)
    return "".join(kept)


def _use_definition_lists(md: Any) -> None:
    """Definition lists as mdBook (pulldown-cmark) reads them: a term line, then lines
    starting with ``:`` (mdit-py-plugins' rule, which would also take ``~``, guarded)."""
    from mdit_py_plugins.deflist import deflist_plugin

    md.use(deflist_plugin)
    rule = next(r for r in md.block.ruler.__rules__ if r.name == "deflist")
    original = rule.fn

    def first(state: Any, line: int) -> str:
        at = state.bMarks[line] + state.tShift[line]
        return str(state.src[at]) if at < state.eMarks[line] else ""

    def deflist(state: Any, start_line: int, end_line: int, silent: bool) -> bool:
        if silent:  # markdown-it's validation of a definition inside a list: ":" only here
            return first(state, start_line) != "~" and bool(original(state, start_line, end_line, silent))
        following = start_line + 1
        if following < end_line and state.isEmpty(following):
            following += 1
        if following >= end_line or first(state, following) != ":":
            return False  # no definition follows ("~" starts none in mdBook)
        # a list ends before a line starting with "~": looked for among the few lines that
        # hold one at all (found once per source), not in every line to the end for every
        # list, which made a long glossary quadratic
        tildes = getattr(state, "_cimis_tilde_lines", None)
        if tildes is None or tildes[0] is not state.src:
            tildes = (state.src, [i for i, text in enumerate(state.src.split("\n")) if "~" in text])
            state._cimis_tilde_lines = tildes
        lines = tildes[1]
        at = bisect.bisect_right(lines, following)
        end = next((line for line in lines[at:] if line >= end_line or first(state, line) == "~"), end_line)
        return bool(original(state, start_line, min(end, end_line), silent))

    rule.fn = deflist
    md.block.ruler.__cache__ = None  # compiled again with the guarded rule


def _term_ids(state: Any) -> None:
    """Each term of a definition list gets an id from its text, as in mdBook (after the
    headings', and unique among them), so that a link can point at a glossary entry."""
    tokens = state.tokens
    if not any(t.type == "dt_open" for t in tokens):
        return
    taken = {str(t.attrGet("id")) for t in tokens if t.type == "heading_open" and t.attrGet("id")}
    for i, tok in enumerate(tokens):
        if tok.type == "dt_open" and i + 1 < len(tokens) and tokens[i + 1].type == "inline":
            tok.attrSet("id", unique_slug(slugify(_inline_text(tokens[i + 1].children or [])), taken))


#: the first line of an admonition (GitHub's and mdBook's ``> [!NOTE]``), alone on its line
_ADMONITION = re.compile(r"\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)", re.I)
#: its kinds: the labels are the style sheet's (``.admonition-note::before``), in the page's language
ADMONITIONS = ("note", "tip", "important", "warning", "caution")


def _admonitions(state: Any) -> None:
    """A block quote whose first line is ``[!NOTE]`` (or TIP, IMPORTANT, WARNING, CAUTION)
    becomes an admonition as in mdBook: the quote gets the classes ``admonition
    admonition-note`` (the style sheet labels and colours it) and the tag line goes."""
    tokens = state.tokens
    drop: list[int] = []
    for i, tok in enumerate(tokens):
        if (tok.type != "blockquote_open" or i + 2 >= len(tokens) or tokens[i + 1].type != "paragraph_open"
                or tokens[i + 2].type != "inline" or not tokens[i + 2].content.startswith("[!")):
            continue
        inline = tokens[i + 2]
        match = _ADMONITION.match(inline.content)
        children = inline.children or []
        cut = next((k for k, c in enumerate(children) if c.type in ("softbreak", "hardbreak")), len(children))
        tag = "".join(c.content for c in children[:cut]).strip().lower()
        if match is None or tag != match.group(0).strip().lower():
            continue
        tok.attrSet("class", f"admonition admonition-{match.group(1).lower()}")
        inline.content = inline.content[match.end():]
        inline.children = children[cut + 1:]
        if not inline.content.strip():
            drop += [i + 1, i + 2, i + 3]  # the tag was the paragraph: no empty one left behind
    if drop:
        dropped = set(drop)  # made once: in the comprehension's test it was made per token
        state.tokens = [t for k, t in enumerate(tokens) if k not in dropped]


#: rules that can only match where the chapter's text holds a certain string, with a test
#: for it (a table needs ``|`` in its header row, strikethrough ``~~``, a footnote ``[^`` or
#: ``^[``, a task list item ``[ ]``, ``[x]`` or ``[X]``); markdown-it tries every rule at
#: every block and inline position, so leaving out those that cannot match saves a sixth of
#: the parsing without changing a single token
_OPTIONAL_RULES: tuple[tuple[tuple[str, ...], Any], ...] = (
    (("table",), lambda text: "|" in text),
    (("strikethrough",), lambda text: "~~" in text),
    (("footnote_def", "footnote_ref", "footnote_inline", "footnote_tail"),
     lambda text: "[^" in text or "^[" in text),
    (("github-tasklists",), re.compile(r"\[[ xX]\]").search),
    (("deflist",), re.compile(r"^[ \t]*:", re.M).search),
)
#: rules that never match with raw HTML off (which :func:`make_renderer` enforces)
_NEVER_RULES = ("html_block", "html_inline")


def _built_in(md: Any, name: str) -> bool:
    """Whether every rule called ``name`` is markdown-it's or mdit-py-plugins' own."""
    for chain in (md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2):
        for rule in chain.__rules__:
            if rule.name == name:
                module = getattr(getattr(rule.fn, "func", rule.fn), "__module__", "") or ""
                if not module.startswith(("markdown_it.", "mdit_py_plugins.", __name__)):
                    return False
    return True


class Renderers:
    """The renderer for each chapter: :func:`make_renderer`'s, less the rules the chapter's
    text cannot trigger (made once per combination, on first use). The tokens, and so the
    HTML, are exactly those of the full renderer."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, ...], Any] = {}

    def full(self) -> Any:
        return self._get(())

    def for_text(self, text: str) -> Any:
        off: list[str] = []
        for names, can_match in _OPTIONAL_RULES:
            if not can_match(text):
                off.extend(names)
        return self._get(tuple(off))

    def _get(self, off: tuple[str, ...]) -> Any:
        md = self._made.get(off)
        if md is None:
            md = make_renderer()
            # only the built-in rules: a plugin that put its own rule in one's place (which
            # may match other text) keeps it; ignoreInvalid: a plugin may have removed one
            md.disable([name for name in (*off, *_NEVER_RULES) if _built_in(md, name)], ignoreInvalid=True)
            self._made[off] = md
        return md


def renderer_fingerprint() -> str:
    """Changes whenever rendering may change: the toolkit's version, every plugin's version
    and stamp (what a plugin's ``configure_markdown`` adds changes only with them), the
    installed markdown-it-py, mdit-py-plugins and nh3, and the code of the modules that set
    up and run the renderer. Made without building the renderer, so that a build whose
    chapters are all cached never imports markdown-it."""
    import importlib.util
    import os
    from pathlib import Path

    from toolkit import __version__
    from toolkit.plugins import get_host

    parts = [__version__]
    parts += [f"{i.name}@{i.version}@{i.stamp}" for i in get_host().plugin_infos()]
    files = [Path(__file__).parent / name for name in ("render.py", "html.py", "search.py", "safety.py", "markers.py",
                                                       "mdbook.py")]
    files.append(Path(__file__).parent.parent / "markdown.py")
    for package in ("markdown_it", "mdit_py_plugins", "nh3"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            # the package folder changes (new files) with every install or upgrade
            files += [Path(spec.origin), Path(os.path.dirname(spec.origin))]
    for file in files:
        try:
            parts.append(f"{file}:{file.stat().st_mtime_ns}")
        except OSError:
            parts.append(f"{file}:-")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


#: pages the site has besides the chapters' (a chapter never takes their place)
RESERVED_PAGES = frozenset({"index.html", "print.html", "contents.html"})


@functools.lru_cache(maxsize=65536)  # pure, and called for every chapter on every rebuild
def page_path(chapter_path: str) -> str:
    """The HTML page of a chapter: same folder and name, ``.html``; ``README.md`` is the
    folder's ``index.html`` (as in mdBook, in any case: ``Readme.md`` too), and so is
    ``index.md`` (the start page then)."""
    stem, _ext = posixpath.splitext(chapter_path)
    name = posixpath.basename(stem)
    if name == "index" or name.lower() == "readme":
        return posixpath.join(posixpath.dirname(stem), "index.html")
    page = stem + ".html"
    return stem + "-chapter.html" if page in RESERVED_PAGES else page


def chapter_files_of_page(page: str) -> tuple[str, ...]:
    """The chapter files whose page is ``page`` may be (the inverse of :func:`page_path`):
    ``a/b.html`` is ``a/b.md``'s, ``a/index.html`` ``a/README.md``'s or ``a/index.md``'s."""
    stem, _ext = posixpath.splitext(page)
    folder, name = posixpath.split(stem)
    if name == "index":
        return posixpath.join(folder, "README.md"), stem + ".md"
    if name.endswith("-chapter") and name[:-len("-chapter")] in ("index", "print", "contents"):
        return (posixpath.join(folder, name[:-len("-chapter")] + ".md"),)
    return (stem + ".md",)


def chapter_title_markdown(title: str, level: int = 1) -> str:
    """A heading line for ``title``: front matter is plain text, so its Markdown characters
    are escaped (it reads the same once rendered, and its slug is that of the plain text)."""
    from toolkit.capture.markdown import escape_line

    return "#" * level + " " + (escape_line(str(title)) or "-")


@dataclass
class RenderedChapter:
    """What the exporters need of one rendered chapter."""

    html: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, text, slug)
    sections: list[tuple[str, str, str]] = field(default_factory=list)  # (slug, heading, text)
    links: dict[str, bool] = field(default_factory=dict)  # chapter paths linked to -> existed
    images: list[str] = field(default_factory=list)  # book-relative paths of local images


def _inline_text(children: list[Any]) -> str:
    # a line break is a space: search snippets must not glue the words on either side
    return "".join(c.content if c.type in ("text", "code_inline") else " "
                   for c in children if c.type in ("text", "code_inline", "softbreak", "hardbreak"))


def resolve_link(href: str, chapter_path: str) -> tuple[str, str] | None:
    """``(book-relative target path, fragment)`` of a relative link, else ``None``."""
    if not href or href.startswith(("#", "/", "\\")) or _SCHEME.match(href):
        return None
    target, _hash, fragment = href.partition("#")
    target = unquote(target.split("?", 1)[0])
    if not target:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(chapter_path), target))
    if joined.startswith("../") or joined == "..":
        return None
    return joined, fragment


@functools.lru_cache(maxsize=65536)  # pure, and called for every chapter on every rebuild
def relative_url(from_page: str, to_page: str) -> str:
    """The relative address of ``to_page`` as seen from ``from_page`` (both book-relative)."""
    here, _sep, _name = from_page.rpartition("/")
    there, _sep, name = to_page.rpartition("/")
    if here == there:  # the common case, and relpath is slow
        return name
    return posixpath.relpath(to_page, here or ".")


def render_chapter(md: Any, source: str, chapter_path: str, chapters: set[str]) -> RenderedChapter:
    """Render one chapter's Markdown (title heading included) as the page ``page_path``
    of ``chapter_path``; links to ``.md`` files of ``chapters`` become links to pages."""
    env: dict[str, Any] = {}
    tokens = md.parse(source, env)
    page = page_path(chapter_path)
    out = RenderedChapter(html="")
    slug, heading = "", ""
    text: list[str] = []
    heading_level = 0
    for tok in tokens:
        kind = tok.type
        if kind == "heading_open":
            if heading or text:
                out.sections.append((slug, heading, " ".join(text)))
            text = []
            slug = str(tok.attrGet("id") or "")
            heading_level = int(tok.tag[1])
            heading = "\x00"  # filled by the inline token that follows
        elif kind == "inline":
            children = tok.children or []
            for child in children:
                ctype = child.type
                if ctype == "link_open":
                    _rewrite_link(child, chapter_path, page, chapters, out)
                elif ctype == "image":
                    _check_image(child, chapter_path, out)
            if heading == "\x00":
                heading = _inline_text(children)
                out.headings.append((heading_level, heading, slug))
            else:
                text.append(_inline_text(children))
        elif kind in ("fence", "code_block"):
            text.append(tok.content)
        elif kind in ("th_open", "td_open"):
            # the site's Content-Security-Policy blocks inline styles: alignment by class
            style = str(tok.attrGet("style") or "")
            if style.startswith("text-align:"):
                tok.attrs.pop("style", None)
                tok.attrSet("class", "align-" + style.partition(":")[2].strip())
    if heading or text:
        out.sections.append((slug, heading if heading != "\x00" else "", " ".join(text)))
    # second line of defence: whatever a plugin's rule emitted, only allowed HTML remains
    out.html = sanitise_html(md.renderer.render(tokens, md.options, env))
    return out


def _check_image(tok: Any, chapter_path: str, out: RenderedChapter) -> None:
    """Keep a local image only when it is a file of a known image type inside the book
    (it is then copied into the output); any other local one becomes its alternative text,
    so that no exporter embeds ``/etc/passwd`` or a hidden file."""
    src = str(tok.attrGet("src") or "")
    if _SCHEME.match(src) or src.startswith("//"):
        return  # remote (validateLink already refused unsafe schemes)
    target = resolve_link(src, chapter_path)
    if target is not None and publishable_asset(target[0]):
        out.images.append(target[0])
        return
    alt = _inline_text(tok.children or []) or tok.content
    tok.type, tok.tag, tok.content, tok.children, tok.attrs = "text", "", alt, None, {}


def _rewrite_link(tok: Any, chapter_path: str, page: str, chapters: set[str], out: RenderedChapter) -> None:
    href = str(tok.attrGet("href") or "")
    target = resolve_link(href, chapter_path)
    if target is None:
        return
    path, fragment = target
    if path.endswith(".html"):
        # mdBook books link to a chapter's page as often as to its file
        path = next((md for md in chapter_files_of_page(path) if md in chapters), path)
    if not path.endswith(".md"):
        return
    exists = path in chapters
    out.links[path] = exists
    if exists:
        url = page_href(relative_url(page, page_path(path)))
        tok.attrSet("href", url + ("#" + fragment if fragment else ""))


_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")


def chapter_markdown(chapter: Any, level: int = 1) -> str:
    """A chapter's Markdown as builders render it: provenance markers removed, and a
    heading with the chapter's title first unless the body already starts with a ``#``
    heading."""
    from toolkit.workbook.markers import strip_markers

    body = strip_markers(chapter.body or "").strip("\n")
    root = getattr(chapter, "root", None)
    if root is not None and chapter.path is not None and "{{" in body:  # mdbook.has_links, without its import
        from toolkit.workbook.mdbook import expand_includes

        body = expand_includes(body, chapter.path, root)[0]
    first = next((line for line in body.split("\n", 50) if line.strip()), "")
    # ends with a newline: an unclosed fence then ends the same way on the page and in
    # the Markdown export (which closes it)
    if _H1.match(first):
        return body + "\n"
    return chapter_title_markdown(chapter.title, level) + "\n\n" + body + "\n"


def page_clashes(book: Any) -> list[Any]:
    """Problems (at their SUMMARY.md lines) for chapters that would be published as the
    same page: ``a\\b.md`` and ``a/b.md``, ``x.md`` and ``x.markdown``, or names that differ
    only in case or in how accents are encoded (one page overwrites the other where the file
    system ignores that, as on macOS and Windows). Either way a chapter would be silently missing."""
    import unicodedata

    from toolkit.errors import Problem
    from toolkit.i18n import _

    seen: dict[str, Any] = {}
    problems = []
    for chapter in book.chapters:
        if chapter.path is None or not chapter.rel:
            continue
        page = page_path(norm_rel(chapter.rel))
        first = seen.setdefault(unicodedata.normalize("NFC", page).casefold(), chapter)
        if first is not chapter:
            problems.append(Problem.at(book.summary_path, chapter.summary_line, _(
                "'{path}' and '{other}' (line {line}) would both be published as the page '{page}'; "
                "rename one of them").format(path=chapter.rel, other=first.rel, line=first.summary_line, page=page)))
    return problems


@functools.lru_cache(maxsize=65536)  # pure, and called for every chapter on every rebuild
def norm_rel(rel: str) -> str:
    """A chapter's path as written in SUMMARY.md, normalised (``./a/../b.md`` -> ``b.md``)."""
    return posixpath.normpath(rel.replace("\\", "/"))


def chapter_anchors(chapter: Any, md: Any = None) -> list[str]:
    """The heading ids of a chapter's HTML page, in order (for ``workbook check``): the
    title heading builders add counts too, so a body heading repeating the title is ``-1``."""
    md = md or make_renderer()
    return [str(t.attrGet("id")) for t in md.parse(chapter_markdown(chapter), {}) if t.type == "heading_open"]
