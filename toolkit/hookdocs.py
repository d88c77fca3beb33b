"""The hook reference, generated from the hook specifications' signatures and docstrings.

One source of truth: :mod:`toolkit.hookspecs`. ``cimis plugins hooks`` prints this text and
the workbook's plugin guide includes it; a test checks both stay in step with the specs.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from toolkit import hookspecs


@dataclass(frozen=True)
class HookDoc:
    name: str
    signature: str
    doc: str
    firstresult: bool


def hook_docs() -> list[HookDoc]:
    """Every hook spec in declaration order."""
    docs = []
    for name, fn in vars(hookspecs).items():
        opts = getattr(fn, "cimis_spec", None)
        if opts is None:
            continue
        sig = str(inspect.signature(fn)).replace("'", "")
        docs.append(HookDoc(name, f"{name}{sig}", inspect.cleandoc(fn.__doc__ or ""),
                            bool(opts.get("firstresult"))))
    return docs


#: What each session event type means and what its ``payload`` holds. The serve helper's
#: presenter-state events add their own entries here; a test fails when a type in
#: ``toolkit.session.store.EVENT_TYPES`` has none.
EVENT_DOCS: dict[str, str] = {
    "started": "The session started at its first step. `payload`: `planned` (seconds of the step).",
    "step_entered": "The session moved to a step (`item`, `step`). `payload`: `planned` (seconds).",
    "timer_paused": "The step's timer was paused. `payload`: empty.",
    "timer_resumed": "The step's timer runs again. `payload`: empty.",
    "timer_extended": "The step got more time. `payload`: `seconds` added.",
    "captured": "A record was captured into a step. `payload`: `kind` (capture kind name), `record` "
                "(the record as JSON, see `cimis kinds --json`), `at` (the capture time, when "
                "imported with one). The event's `seq` is the record's id.",
    "edited": "A record was replaced. `payload`: `record_id`, `record` (the new data).",
    "removed": "A record was removed. `payload`: `record_id`.",
    "undone": "The last change was undone. `payload`: `target` (seq of the undone event), "
              "`type` (its type).",
    "finished": "The session was finished; nothing more can change. `payload`: empty.",
    "presenter": "The facilitator changed what the room may do or see. `payload`: `setting` (`input`: "
                 "the step takes captures from the room; `moderation`: the room's captures wait "
                 "for acceptance; `reveal`: the step's result is shown to the room; `blackout`: the "
                 "projector is blank, for the whole session, `item` and `step` empty) and `value` "
                 "(true or false).",
    "reopened": "A finished session was opened again (from the terminal UI); captures are possible "
                "again at the step where it stopped (`item`, `step`). `payload`: empty.",
    "moderated": "A record held for moderation was decided. `payload`: `record_id`, `decision` "
                 "(`accepted` or `rejected`).",
}

#: What an exporter's ``build(book, out_dir)`` finds on the :class:`toolkit.Book`.
BOOK_DOCS: dict[str, str] = {
    "folder": "The workbook folder (a `pathlib.Path`).",
    "config": "The parsed `book.yaml` (title, subtitle, authors, language, sources, anonymise).",
    "chapters": "Every chapter in reading order (`Chapter`: `title`, `number`, `status`, `authors`, "
                "`reviewers`, `comments`, `body` (Markdown), `path`, `rel`, `kind` "
                "(prefix/numbered/suffix), `part`, `level`, `source`).",
    "summary_title": "The title line of `SUMMARY.md`, if any.",
    "parts": "The chapters grouped by the parts of `SUMMARY.md` (`Part`: `title`, `chapters`).",
    "unlisted": "Chapter files that `SUMMARY.md` does not list.",
    "mdbook": "Whether the book is an mdBook book read from its `book.toml` (not a workbook's `book.yaml`).",
    "redirects": "An mdBook book's `[output.html.redirect]`: old page (`a/old.html`) -> its new address.",
    "title": "The book's title (from `book.yaml`).",
    "subtitle": "The book's subtitle.",
    "authors": "The book's authors (a list of names).",
    "language": "The book's language (`de` or `en`).",
    "sources": "Workshop folders the book draws captured results from.",
    "anonymise": "Whether names of people are replaced in the output.",
    "prefix": "Chapters before the numbered ones.",
    "numbered": "The numbered chapters.",
    "suffix": "Chapters after the numbered ones.",
    "summary_path": "The path of `SUMMARY.md`.",
    "chapter_for": "`chapter_for(path)`: the chapter read from that file, or `None`.",
}


def hook_reference() -> str:
    """Markdown reference of every hook."""
    out = ["# Hook reference", "",
           "Implement hooks with `from toolkit import hookimpl` and import only what `toolkit`",
           "exports (`toolkit.__all__`). Hooks are called as pluggy documents: the plugin",
           "registered last runs first, `tryfirst`/`trylast` move an implementation, `wrapper=True`",
           "(or `hookwrapper=True`) wraps the others, a firstresult hook stops at the first answer,",
           "and an implementation may take a subset of the arguments. A plugin that raises (or calls",
           "`sys.exit()`) is reported by `cimis plugins` with the file and line and skipped from",
           "then on; `CIMIS_STRICT_PLUGINS=1` makes that an error. What a plugin prints goes to",
           "standard error.", ""]
    for hook in hook_docs():
        out += [f"## `{hook.signature}`", ""]
        if hook.firstresult:
            out += ["*firstresult: the first non-None answer is used.*", ""]
        out += [hook.doc, ""]
    out += ["## Session event types", "",
            "`session_event` observers receive a `toolkit.SessionEvent`; its `type` is one of:", ""]
    out += [f"- `{name}`: {doc}" for name, doc in EVENT_DOCS.items()]
    out += ["", "## The book an exporter receives", "",
            "`build(book, out_dir)` gets a `toolkit.Book` with these attributes:", ""]
    out += [f"- `{name}`: {doc}" for name, doc in BOOK_DOCS.items()]
    return "\n".join(out).rstrip() + "\n"
