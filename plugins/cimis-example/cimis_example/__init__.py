"""Example: a cimis plugin."""
