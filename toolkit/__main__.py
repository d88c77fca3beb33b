"""``python -m toolkit``: the ``cimis`` command, for environments without the console script
(and for tests that run it as a child process with ``sys.executable``)."""

from toolkit.cli import main

if __name__ == "__main__":
    main()
