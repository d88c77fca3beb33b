"""Built-in plugins: the toolkit's own methods, capture kinds, exporters and commands,
registered through the same hooks as any installed plugin (see ``DEFAULT_PLUGINS``)."""
