"""cimis-toolkit: run co-creation workshops and write up what they produce.

The package root stays tiny because every ``cimis`` start imports it: it holds the version
and re-exports :data:`hookimpl` so that plugins write ``from toolkit import hookimpl``.
"""

__version__ = "0.1.0"

from toolkit.hookspecs import hookimpl  # noqa: E402

__all__ = ["__version__", "hookimpl"]
