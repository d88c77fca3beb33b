"""Method cards: the Markdown files that describe one workshop method in one language."""
