"""Capture panels of run mode: one module per built-in capture kind, the generic form for
kinds without a widget (:mod:`.generic`), and the error boundary that loads and contains a
kind's widget (:mod:`.boundary`)."""
