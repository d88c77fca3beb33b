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


def hook_reference() -> str:
    """Markdown reference of every hook."""
    out = ["# Hook reference", "",
           "Implement hooks with `from toolkit import hookimpl`. Each hook is called on every",
           "plugin separately; a plugin that raises is reported by `cimis plugins` and skipped.", ""]
    for hook in hook_docs():
        out += [f"## `{hook.signature}`", ""]
        if hook.firstresult:
            out += ["*firstresult: the first non-None answer is used.*", ""]
        out += [hook.doc, ""]
    return "\n".join(out).rstrip() + "\n"
