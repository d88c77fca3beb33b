"""The built-in capture kinds, one module each."""

BUILTIN_KINDS: tuple[type, ...] = ()
