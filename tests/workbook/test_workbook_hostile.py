"""A hostile or clumsy user against ``cimis workbook build`` and ``check``: output folders
where nothing can be written, a full disk, ``kill -9`` in the middle of a build, two builds
at once, and ``book.toml`` files with wrong types, deep nesting or a ``src`` that leads out
of the book. Each case runs the real ``cimis`` in a subprocess (exit code, stderr and a
traceback all count) and must end with exit code 1 and one message naming the file, in
English and German, with the previous output and the user's files as they were."""

from __future__ import annotations

import fcntl
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_workbook_safety import make_book

TIMEOUT = 120


def _drop_file_permission_override() -> None:
    """Run the child without root's power to ignore file permissions (the tests run as
    root, which reads and writes whatever the mode bits say): the capability bounding set
    decides what root's next program may do."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP


def require_permissions_enforced(path: Path, mode: str) -> None:
    """Skip when even the unprivileged child can open ``path`` (``"w"``: a file to create,
    ``"r"``: one to read) despite its permissions: root that cannot drop its capabilities,
    as in some containers."""
    probe = subprocess.run([sys.executable, "-c", f"open({str(path)!r}, {mode!r})"],
                           capture_output=True, preexec_fn=_drop_file_permission_override, timeout=TIMEOUT)
    if probe.returncode == 0:
        if mode == "w":
            path.unlink()
        pytest.skip("file permissions are not enforced for this user here (root that cannot drop them)")


def cimis(tmp_path: Path, *args: str, lang: str = "en", fsize: int | None = None,
          unprivileged: bool = False, code: str | None = None) -> subprocess.CompletedProcess:
    """The real ``cimis`` (or ``code`` run in a child, for a kill at an exact point);
    ``fsize`` limits the size of any file it writes (a disk that is full for it)."""
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_CONFIG": str(tmp_path / "none.toml"),
           "CIMIS_LANG": lang}

    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if unprivileged:
            _drop_file_permission_override()

    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "toolkit", *args]
    return subprocess.run(command, env=env, capture_output=True, timeout=TIMEOUT, cwd=tmp_path, preexec_fn=limit)


def clean_failure(run: subprocess.CompletedProcess, *expected: str) -> str:
    err = run.stderr.decode("utf-8", "replace") + run.stdout.decode("utf-8", "replace")
    assert run.returncode == 1, (run.returncode, err[-3000:])
    assert "Traceback" not in err, err[-3000:]
    for text in expected:
        assert text in err, err[-3000:]
    return err


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of an output and its bytes (the build marker aside: after a failed update
    it says so, which makes the next build start afresh)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".cimis-build"}


def big_book(folder: Path, chapters: int = 12, words: int = 400) -> Path:
    text = " ".join(f"word{i % 97}" for i in range(words))
    return make_book(folder, {f"chapters/c{i:02}.md": f"# Chapter {i}\n\n{text}\n" for i in range(chapters)})


# --- where the output cannot be written ------------------------------------------------

@pytest.mark.parametrize("lang, reason", [("en", "a part of the path is a file, not a folder"),
                                          ("de", "ein Teil des Pfads ist eine Datei, kein Ordner")])
def test_output_below_a_file(tmp_path, lang, reason):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    run = cimis(tmp_path, "workbook", "build", str(book), "--out", str(tmp_path / "notes.txt" / "site"), lang=lang)
    clean_failure(run, str(tmp_path / "notes.txt"), reason)
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


@pytest.mark.parametrize("lang, expected", [
    ("en", ("permission denied", "nothing was written to")),
    ("de", ("keine Berechtigung", "wurde nichts geschrieben"))])
def test_output_in_a_folder_without_write_permission(tmp_path, lang, expected):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        require_permissions_enforced(locked / "probe", "w")
        run = cimis(tmp_path, "workbook", "build", str(book), "--out", str(locked / "site"), lang=lang,
                    unprivileged=True)
    finally:
        locked.chmod(0o755)
    clean_failure(run, str(locked), *expected)
    assert list(locked.iterdir()) == []


# --- a full disk ---------------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("en", ("the file is larger than this file system or a limit allows", "the previous output in")),
    ("de", ("die Datei ist größer", "die bisherige Ausgabe in"))])
def test_full_disk_keeps_the_previous_output(tmp_path, lang, expected):
    """The limit on a file's size makes every write past it fail as a full disk does."""
    book = big_book(tmp_path / "book")
    first = cimis(tmp_path, "workbook", "build", str(book))
    assert first.returncode == 0, first.stderr
    out = book / "build" / "html"
    before = tree(out)
    for chapter in (book / "chapters").glob("*.md"):  # every page changes and print.html grows
        chapter.write_text(chapter.read_text("utf-8") + "\nMore text. " * 400, "utf-8")
    run = cimis(tmp_path, "workbook", "build", str(book), lang=lang, fsize=64 * 1024)
    clean_failure(run, str(out), *expected)
    assert tree(out) == before
    assert not [p.name for p in out.rglob("*") if "tmp" in p.name]
    again = cimis(tmp_path, "workbook", "build", str(book))
    assert again.returncode == 0, again.stderr
    assert b"More text." in (out / "chapters" / "c00.html").read_bytes()


def _mount_tmpfs(folder: Path, size: str) -> bool:
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_really_full_file_system(tmp_path, fmt):
    """A small tmpfs: the second build needs room for its new files beside the old ones."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "1200k"):
        pytest.skip("cannot mount a tmpfs here (needs root); the size limit test covers the same path")
    try:
        book = big_book(tmp_path / "book", chapters=10, words=3000)
        out = disk / "site"
        first = cimis(tmp_path, "workbook", "build", str(book), "--format", fmt, "--out", str(out))
        assert first.returncode == 0, first.stderr
        before = tree(out)
        for chapter in (book / "chapters").glob("*.md"):
            chapter.write_text(chapter.read_text("utf-8") * 6, "utf-8")
        run = cimis(tmp_path, "workbook", "build", str(book), "--format", fmt, "--out", str(out))
        clean_failure(run, "the disk is full", f"the previous output in {out} is unchanged")
        assert tree(out) == before
        assert sorted(p.name for p in disk.iterdir() if not p.name.startswith((".site.cache", ".site.lock"))) == [
            "site"]
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


# --- kill -9 --------------------------------------------------------------------------

#: runs a build in a child that kills itself with SIGKILL at the n-th call of ``os.<call>``
#: whose first argument contains ``needle``: an exact point in the middle of the build
KILLER = textwrap.dedent("""
    import builtins, io, os, signal, sys
    call, needle, n, book = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    modules = (builtins, io) if call == "open" else (os,)
    real = getattr(modules[0], call)
    seen = [0]
    def killing(*args, **kwargs):
        if isinstance(args[0], (str, os.PathLike)) and needle in os.fspath(args[0]):
            seen[0] += 1
            if seen[0] == n:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    for module in modules:
        setattr(module, call, killing)
    from toolkit.cli import main
    main(["workbook", "build", book, "--format", sys.argv[5]])
""")


def _kill_at(tmp_path: Path, book: Path, call: str, needle: str, n: int, fmt: str = "html") -> None:
    run = cimis(tmp_path, call, needle, str(n), str(book), fmt, code=KILLER)
    assert run.returncode == -signal.SIGKILL, (run.returncode, run.stderr[-2000:])


def _edit(book: Path, text: str) -> None:
    for chapter in sorted((book / "chapters").glob("*.md"))[::2]:
        chapter.write_text(chapter.read_text("utf-8") + f"\n{text}\n", "utf-8")


@pytest.mark.parametrize("call, needle, n", [
    ("replace", ".cimis-tmp", 3),   # an in-place update, killed while renaming its new pages in
    ("open", ".cimis-tmp", 2),      # killed while staging them
    ("rename", ".tmp", 1),          # a full build, killed between the two renames of the swap
])
def test_kill_9_in_the_middle_of_a_build(tmp_path, call, needle, n):
    book = big_book(tmp_path / "book")
    first = cimis(tmp_path, "workbook", "build", str(book))
    assert first.returncode == 0, first.stderr
    out = book / "build" / "html"
    _edit(book, "Edited once.")
    if call == "rename":
        shutil.rmtree(book / "build" / ".html.cache")  # no cache: the full build and its swap
    _kill_at(tmp_path, book, call, needle, n)
    again = cimis(tmp_path, "workbook", "build", str(book))
    assert again.returncode == 0, again.stderr
    fresh = cimis(tmp_path, "workbook", "build", str(book), "--out", str(tmp_path / "fresh"))
    assert fresh.returncode == 0, fresh.stderr
    assert tree(out) == tree(tmp_path / "fresh")  # whole again, nothing of the killed build left
    assert sorted(os.listdir(book / "build")) == [".html.cache", ".html.lock", "html"]


def test_killed_full_build_leaves_the_previous_output(tmp_path):
    book = big_book(tmp_path / "book")
    assert cimis(tmp_path, "workbook", "build", str(book), "--format", "md").returncode == 0
    out = book / "build" / "md"
    before = tree(out)
    _edit(book, "Edited.")
    _kill_at(tmp_path, book, "open", "book.md", 1, fmt="md")
    assert tree(out) == before
    assert [n for n in os.listdir(book / "build") if n.endswith(".tmp")]  # what the killed build left
    assert cimis(tmp_path, "workbook", "build", str(book), "--format", "md").returncode == 0
    assert b"Edited." in (out / "book.md").read_bytes()
    assert sorted(os.listdir(book / "build")) == [".md.lock", "md"]


def test_an_update_marked_unfinished_is_not_trusted(tmp_path):
    """What an update killed before the fix could leave: staged pages in the output. A
    marker saying the update did not finish makes the next build start afresh."""
    book = big_book(tmp_path / "book", chapters=3)
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0
    out = book / "build" / "html"
    (out / "chapters" / ".c00.html.4242.cimis-tmp").write_text("half", "utf-8")
    (out / ".cimis-build").write_text(json.dumps({"format": "html", "updating": True}), "utf-8")
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0
    assert not [p for p in out.rglob("*") if p.name.endswith(".cimis-tmp")]
    marker = json.loads((out / ".cimis-build").read_text("utf-8"))
    assert marker["format"] == "html" and "updating" not in marker


# --- two builds at once ----------------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [("en", "another build is writing"),
                                            ("de", "ein anderer Build schreibt gerade")])
def test_second_build_of_the_same_output_stops_cleanly(tmp_path, lang, expected):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0
    before = tree(book / "build" / "html")
    with open(book / "build" / ".html.lock", "a") as held:  # as a running build holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        run = cimis(tmp_path, "workbook", "build", str(book), lang=lang)
    clean_failure(run, expected, str(book / "build" / "html"))
    assert tree(book / "build" / "html") == before


def test_simultaneous_builds_never_mix_or_crash(tmp_path):
    book = big_book(tmp_path / "book", chapters=40)
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_LANG": "en"}
    command = [sys.executable, "-m", "toolkit", "workbook", "build", str(book)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [(p.wait(timeout=TIMEOUT), p.stderr.read().decode()) for p in runs]
    for p in runs:
        p.stdout.close()
        p.stderr.close()
    assert all(code == 0 or (code == 1 and "another build is writing" in err) for code, err in results), results
    assert not any("Traceback" in err for _code, err in results)
    assert any(code == 0 for code, _err in results)
    assert cimis(tmp_path, "workbook", "build", str(book), "--out", str(tmp_path / "fresh")).returncode == 0
    assert tree(book / "build" / "html") == tree(tmp_path / "fresh")


# --- book.toml -------------------------------------------------------------------------

def mdbook(folder: Path, toml: str) -> Path:
    (folder / "src").mkdir(parents=True)
    (folder / "book.toml").write_text(toml, "utf-8")
    (folder / "src" / "SUMMARY.md").write_text("# Summary\n\n- [A](a.md)\n", "utf-8")
    (folder / "src" / "a.md").write_text("# A\n", "utf-8")
    return folder


@pytest.mark.parametrize("toml, where, message", [
    ("[book]\ntitle = ['a', 'b']\n", "book.toml:2", "[book] title must be text"),
    ("[book]\ntitle = 'T'\nlanguage = 5\n", "book.toml:3", "[book] language must be text"),
    ("[book]\ntitle = 'T'\ndescription = {a = 1}\n", "book.toml:3", "[book] description must be text"),
    ("[book]\ntitle = 'T'\nsrc = 5\n", "book.toml:3", "[book] src must be text"),
    ("[book]\nauthors = [1, 'Anna']\n", "book.toml:2", "[book] authors must be a list of names"),
    ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "book.toml", "broken TOML: values are nested too deeply"),
], ids=["title", "language", "description", "src", "authors", "deep"])
@pytest.mark.parametrize("command", ["build", "check"])
def test_book_toml_with_wrong_types(tmp_path, toml, where, message, command):
    book = mdbook(tmp_path / "guide", toml)
    clean_failure(cimis(tmp_path, "workbook", command, str(book)), f"{book / where}: {message}")


def test_book_toml_messages_in_german(tmp_path):
    book = mdbook(tmp_path / "guide", "[book]\ntitle = 7\n")
    clean_failure(cimis(tmp_path, "workbook", "build", str(book), lang="de"),
                  "book.toml:2: [book] title muss Text sein")


def test_book_toml_src_never_leads_out_of_the_book(tmp_path):
    """A sibling whose name starts like the book's passed a string prefix test; a src that
    is a symlink led out too. Both published the private chapter."""
    private = tmp_path / "guide-private" / "src"
    private.mkdir(parents=True)
    (private / "SUMMARY.md").write_text("# S\n\n- [P](p.md)\n", "utf-8")
    (private / "p.md").write_text("# Private\n\nSALARY LIST\n", "utf-8")
    book = tmp_path / "guide"
    book.mkdir()
    (book / "book.toml").write_text("[book]\ntitle = 'T'\nsrc = '../guide-private/src'\n", "utf-8")
    clean_failure(cimis(tmp_path, "workbook", "build", str(book)),
                  "book.toml:3: src '../guide-private/src' is outside the book folder")
    (book / "book.toml").write_text("[book]\ntitle = 'T'\n", "utf-8")
    os.symlink(private, book / "src")
    for command in ("build", "check"):
        clean_failure(cimis(tmp_path, "workbook", command, str(book)),
                      "book.toml: src 'src' is a symlink that leads outside the book folder")
    assert not (book / "build").exists() or b"SALARY" not in b"".join(tree(book / "build").values())


def test_src_swapped_for_a_symlink_after_a_build(tmp_path):
    """The checked settings are cached while book.toml is unchanged; the src folder is
    checked again all the same."""
    book = mdbook(tmp_path / "guide", "[book]\ntitle = 'T'\n")
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    shutil.move(book / "src", elsewhere)
    (elsewhere / "a.md").write_text("# A\n\nSALARY LIST\n", "utf-8")
    os.symlink(elsewhere, book / "src")
    clean_failure(cimis(tmp_path, "workbook", "build", str(book)), "is a symlink that leads outside the book folder")
    assert b"SALARY" not in (book / "build" / "html" / "a.html").read_bytes()


# --- chapters --------------------------------------------------------------------------

@pytest.mark.parametrize("lang, message", [("en", "is a symlink that leads to itself (a loop)"),
                                           ("de", "verweist (eine Schleife)")])
def test_symlink_loop_as_a_chapter(tmp_path, lang, message):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"}, ["- [A](chapters/a.md)", "- [L](chapters/l.md)"])
    os.symlink("l.md", book / "chapters" / "l.md")
    for command in ("build", "check"):
        clean_failure(cimis(tmp_path, "workbook", command, str(book), lang=lang), "SUMMARY.md:4:", message)


def test_unreadable_chapter(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n", "chapters/b.md": "# B\n"})
    (book / "chapters" / "b.md").chmod(0)
    try:
        require_permissions_enforced(book / "chapters" / "b.md", "r")
        run = cimis(tmp_path, "workbook", "build", str(book), unprivileged=True)
    finally:
        (book / "chapters" / "b.md").chmod(0o644)
    clean_failure(run, f"{book / 'chapters' / 'b.md'}: cannot read file: permission denied")
    assert not (book / "build" / "html").exists()
    (book / "chapters" / "b.md").chmod(0)
    try:
        run = cimis(tmp_path, "workbook", "check", str(book), unprivileged=True, lang="de")
    finally:
        (book / "chapters" / "b.md").chmod(0o644)
    clean_failure(run, "b.md: Datei kann nicht gelesen werden: keine Berechtigung")


# --- the output among the chapters -----------------------------------------------------

@pytest.mark.parametrize("lang, message", [("en", "where the book's chapters are"),
                                           ("de", "wo die Kapitel des Buchs liegen")])
def test_output_inside_the_chapters_folder_is_refused(tmp_path, lang, message):
    """Its pages were read back as chapters ('not listed in SUMMARY.md' for every file of
    a Markdown build) and published as source next time."""
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    run = cimis(tmp_path, "workbook", "build", str(book), "--format", "md", "--out", str(book / "chapters" / "out"),
                lang=lang)
    clean_failure(run, str(book / "chapters" / "out"), message)
    assert sorted(os.listdir(book / "chapters")) == ["a.md"]


def test_output_inside_an_mdbook_src_is_refused(tmp_path):
    book = mdbook(tmp_path / "guide", "[book]\ntitle = 'T'\n")
    clean_failure(cimis(tmp_path, "workbook", "build", str(book), "--out", str(book / "src" / "site")),
                  f"is inside {book / 'src'}, where the book's chapters are")
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0  # build/ beside src/ is fine


# --- check --------------------------------------------------------------------------------

def test_check_survives_links_to_loops_and_nul_bytes(tmp_path):
    body = "# A\n\n[loop](loop.md) [nul](a%00.md)\n\n[anchor after a query](b.md?x=1#nowhere)\n"
    book = make_book(tmp_path / "book", {"chapters/a.md": body, "chapters/b.md": "# B\n"},
                     ["- [A](chapters/a.md)", "- [B](chapters/b.md)"])
    os.symlink("loop.md", book / "chapters" / "loop.md")
    run = cimis(tmp_path, "workbook", "check", str(book))
    err = clean_failure(run, "a.md:3: link to 'loop.md': the file does not exist",
                        "a.md:5: link to 'b.md': that chapter has no heading with the anchor 'nowhere'")
    assert "a.md:3: link to 'a\x00.md': the file does not exist" in err


def test_image_left_out_says_why_in_german(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\n![f](f.png)\n"})
    os.mkfifo(book / "chapters" / "f.png")
    run = cimis(tmp_path, "workbook", "build", str(book), lang="de")
    assert run.returncode == 0
    assert "Bild 'chapters/f.png' ausgelassen: keine gewöhnliche Datei" in run.stderr.decode()


# --- the author's files keep their form --------------------------------------------------

def test_set_status_and_comment_keep_crlf_and_bom(tmp_path):
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    chapter = book / "chapters" / "a.md"
    chapter.write_bytes(b"\xef\xbb\xbf---\r\ntitle: X\r\nstatus: todo\r\n---\r\n\r\n# A\r\n\r\nline one\r\n")
    assert cimis(tmp_path, "workbook", "chapter", "set-status", str(chapter), "draft").returncode == 0
    assert cimis(tmp_path, "workbook", "comment", str(chapter), "Fine.", "--by", "Anna").returncode == 0
    data = chapter.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\n") and b"status: draft\r\n" in data and b"line one\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n") and b"\xef\xbb\xbf" not in data[3:]


def test_sync_keeps_crlf_of_chapters_and_summary(book, workshop, cli):
    from workbook_util import notes

    assert cli("workbook", "sync", str(book)).exit_code == 0
    chapter = book / "chapters" / "ws-canvas.md"
    summary = book / "SUMMARY.md"
    for path in (chapter, summary):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    notes(workshop, "canvas", "walkthrough", "Tablets on site")  # the chapter changes
    notes(workshop, "sprint", "writing", "A new chapter")  # and a new one joins SUMMARY.md
    result = cli("workbook", "sync", str(book))
    assert result.exit_code == 0, result.output
    for path in (chapter, summary):
        data = path.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n"), path
    assert b"Tablets on site" in chapter.read_bytes()


# --- messages of a failed write ------------------------------------------------------------

def test_write_error_shows_no_errno(tmp_path):
    from toolkit.paths import write_atomic

    target = tmp_path / "notes.txt" / "x.md"
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(OSError) as err:
        write_atomic(target, b"x")
    assert not str(err.value).startswith("[Errno") and str(target.parent) in str(err.value)


# --- control characters ---------------------------------------------------------------------

@pytest.mark.parametrize("lang, message", [
    ("en", "a.md:3: the file holds the control character U+001B, which no publication format allows"),
    ("de", "a.md:3: die Datei enthält das Steuerzeichen U+001B, das kein Veröffentlichungsformat erlaubt")])
def test_control_character_in_a_chapter(tmp_path, lang, message):
    """An EPUB or DOCX holding one is refused by readers (epubcheck: 'invalid XML character')."""
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\nPasted from a terminal: \x1b[31mred\n"})
    for command in ("build", "check"):
        clean_failure(cimis(tmp_path, "workbook", command, str(book), lang=lang), message, "^[")


@pytest.mark.parametrize("where, text, message", [
    ("book.yaml", 'title: "Book\\u0007"\nlanguage: en\n', "book.yaml:1: title: holds a control character"),
    ("chapters/a.md", '---\nauthors: ["Anna\\u0008"]\n---\n# A\n', "a.md:2: authors[0]: holds a control character"),
    ("book.toml", '[book]\ntitle = "T\\u0007"\n', "book.toml:2: [book] title holds a control character"),
], ids=["book.yaml", "front-matter", "book.toml"])
def test_control_character_written_as_an_escape(tmp_path, where, text, message):
    if where == "book.toml":
        book = mdbook(tmp_path / "guide", text)
    else:
        book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
        (book / where).write_text(text, "utf-8")
    clean_failure(cimis(tmp_path, "workbook", "build", str(book), "--format", "md"), message)


def test_control_characters_typed_in_a_session_do_not_reach_the_chapter(book, workshop, cli):
    from workbook_util import notes

    notes(workshop, "canvas", "walkthrough", "Bell \x07 and \x1b[1mbold")
    assert cli("workbook", "sync", str(book)).exit_code == 0
    text = (book / "chapters" / "ws-canvas.md").read_text("utf-8")
    assert "Bell  and [1mbold" in text.replace("\\[", "[")
    assert cli("workbook", "build", str(book), "--format", "md").exit_code == 0
    again = cli("workbook", "sync", str(book))
    assert again.exit_code == 0 and "0 updated" in again.output  # the passage's hash matches what was written


# --- two chapters, one page ---------------------------------------------------------------------

@pytest.mark.parametrize("first, second, page", [
    ("chapters/a\\b.md", "chapters/a/b.md", "chapters/a/b.html"),
    ("chapters/x.md", "chapters/x.markdown", "chapters/x.html"),
    ("chapters/Intro.md", "chapters/intro.md", "chapters/intro.html"),  # one page where case is ignored
    ("contents-chapter.md", "contents.md", "contents-chapter.html"),  # contents.html is the site's
    ("README.md", "index.md", "index.html"),  # both a folder's start page, as in mdBook
], ids=["backslash", "extension", "case", "reserved", "start-page"])
def test_two_chapters_never_share_a_page(tmp_path, first, second, page):
    """One overwrote the other: a chapter silently missing from the publication."""
    book = make_book(tmp_path / "book", {first: "# First\n", second: "# Second\n"},
                     [f"- [F]({first.replace(chr(92), '%5C')})", f"- [S]({second})"])
    message = f"SUMMARY.md:4: '{second}' and '{first}' (line 3) would both be published as the page '{page}'"
    for command in ("build", "check"):
        clean_failure(cimis(tmp_path, "workbook", command, str(book)), message)
    clean_failure(cimis(tmp_path, "workbook", "build", str(book), lang="de"), "würden beide als Seite")
    assert not (book / "build" / "html").exists()


def test_chapter_name_in_another_unicode_form(tmp_path):
    """'über.md' typed (NFC) and saved by macOS (NFD) look alike but are two names on Linux."""
    import unicodedata

    nfc, nfd = (unicodedata.normalize(form, "chapters/über.md") for form in ("NFC", "NFD"))
    book = make_book(tmp_path / "book", {nfd: "# Ü\n"}, [f"- [Ü]({nfc})"])
    for lang, message in (("en", "a file whose name differs only in how its accents are encoded"),
                          ("de", "deren Name sich nur in der Kodierung der Akzente unterscheidet")):
        clean_failure(cimis(tmp_path, "workbook", "build", str(book), lang=lang), "SUMMARY.md:3:", message)
    (book / nfc).write_text("# Ü too\n", "utf-8")  # both forms: one page on macOS
    (book / "SUMMARY.md").write_text(f"# Summary\n\n- [A]({nfc})\n- [B]({nfd})\n", "utf-8")
    clean_failure(cimis(tmp_path, "workbook", "check", str(book)), "SUMMARY.md:4:", "would both be published")


# --- init and import ------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [("workbook", "init"), ("workbook", "import-mdbook", "SRC")],
                         ids=["init", "import-mdbook"])
@pytest.mark.parametrize("lang, message", [("en", "cannot create or write"),
                                           ("de", "kann nicht angelegt oder geschrieben werden")])
def test_new_workbook_below_a_file(tmp_path, command, lang, message):
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    source = mdbook(tmp_path / "guide", "[book]\ntitle = 'T'\n")
    args = [str(source) if a == "SRC" else a for a in command]
    run = cimis(tmp_path, *args, str(tmp_path / "notes.txt" / "wb"), lang=lang)
    clean_failure(run, message, str(tmp_path / "notes.txt"))
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


@pytest.mark.parametrize("title, message", [("a\x07b", "--title: holds a control character"),
                                            ("x" * 400, "--title: is longer than 300 characters"),
                                            ("   ", "--title: must not be empty")],
                         ids=["control", "long", "blank"])
def test_init_refuses_a_title_book_yaml_would_refuse(tmp_path, title, message):
    """Before, init wrote it and every later command failed on book.yaml."""
    clean_failure(cimis(tmp_path, "workbook", "init", str(tmp_path / "wb"), "--title", title), message)
    assert not (tmp_path / "wb").exists()


# --- two syncs at once ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, message", [("en", "another sync of this workbook is running"),
                                           ("de", "ein anderer Sync dieses Workbooks läuft gerade")])
def test_second_sync_stops_cleanly(book, workshop, tmp_path, lang, message):
    """Two syncs at once both made the new chapters and both added them to SUMMARY.md,
    which then listed each twice (seen in one of 16 tries); one at a time now."""
    fd = os.open(book, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a running sync holds it
        run = cimis(tmp_path, "workbook", "sync", str(book), lang=lang)
    finally:
        os.close(fd)
    clean_failure(run, message)
    assert not list((book / "chapters").iterdir())


def test_simultaneous_syncs_never_list_a_chapter_twice(book, workshop, tmp_path):
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_LANG": "en"}
    command = [sys.executable, "-m", "toolkit", "workbook", "sync", str(book)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    results = [(p.wait(timeout=TIMEOUT), b"".join(p.communicate()).decode()) for p in runs]
    assert all(code == 0 or (code == 1 and "another sync" in out) for code, out in results), results
    summary = (book / "SUMMARY.md").read_text("utf-8")
    entries = [line for line in summary.splitlines() if line.startswith("- [")]
    assert len(entries) == len(set(entries)) == len(list((book / "chapters").glob("*.md")))
    assert cimis(tmp_path, "workbook", "check", str(book)).returncode == 0


# --- files someone added to an output ------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "md"])
def test_files_added_to_an_output_are_never_deleted(tmp_path, fmt):
    """A CNAME for the web host, a .nojekyll or notes put into build/html were deleted by the
    next build, which replaces the whole folder: they are carried into the new output."""
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    out = book / "build" / fmt
    assert cimis(tmp_path, "workbook", "build", str(book), "--format", fmt).returncode == 0
    (out / "CNAME").write_text("workbook.example.org\n", "utf-8")
    (out / ".nojekyll").write_text("", "utf-8")
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("mine", "utf-8")
    for i in range(2):  # the second time the files are carried over again
        (book / "chapters" / "a.md").write_text(f"# A\n\nMore {i}.\n", "utf-8")
        assert cimis(tmp_path, "workbook", "build", str(book), "--format", fmt).returncode == 0
        assert (out / "CNAME").read_text("utf-8") == "workbook.example.org\n"
        assert (out / ".nojekyll").exists() and (out / "notes" / "todo.txt").read_text("utf-8") == "mine"
        built = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*") if p.is_file())
        assert f"More {i}." in built


def test_an_added_file_the_build_would_replace_stops_it(tmp_path):
    """Someone's file where the next build puts a page of its own: nothing is replaced."""
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    out = book / "build" / "html"
    assert cimis(tmp_path, "workbook", "build", str(book)).returncode == 0
    (out / "chapters" / "b.html").write_text("my page", "utf-8")
    (book / "chapters" / "b.md").write_text("# B\n", "utf-8")
    (book / "SUMMARY.md").write_text("# Summary\n\n- [a](chapters/a.md)\n- [b](chapters/b.md)\n", "utf-8")
    for lang, message in (("en", "holds files that no build made and that this build would replace (chapters/b.html)"),
                          ("de", "enthält Dateien, die kein Build angelegt hat und die dieser Build ersetzen würde "
                                 "(chapters/b.html)")):
        clean_failure(cimis(tmp_path, "workbook", "build", str(book), lang=lang), str(out), message)
    assert (out / "chapters" / "b.html").read_text("utf-8") == "my page"
    assert (out / "chapters" / "a.html").exists()


# --- images ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, message", [
    ("en", "warning: image 'chapters/deep.svg' left out: elements nested more than 200 levels deep"),
    ("de", "Warnung: Bild 'chapters/deep.svg' ausgelassen: Elemente mehr als 200 Ebenen tief verschachtelt")])
def test_deeply_nested_svg_is_left_out_not_fatal(tmp_path, lang, message):
    """100,000 nested groups overflowed the SVG cleaner's stack: the whole build (HTML, EPUB,
    PDF) failed with 'RecursionError'."""
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n\nText.\n\n![deep](deep.svg)\n"})
    deep = '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 100_000 + "</g>" * 100_000 + "</svg>"
    (book / "chapters" / "deep.svg").write_text(deep, "utf-8")
    run = cimis(tmp_path, "workbook", "build", str(book), lang=lang)
    assert run.returncode == 0, run.stderr
    assert message in run.stderr.decode()
    assert not (book / "build" / "html" / "chapters" / "deep.svg").exists()
    assert "Text." in (book / "build" / "html" / "chapters" / "a.html").read_text("utf-8")


# --- writing over a device or pipe ---------------------------------------------------------------------

def test_write_atomic_never_replaces_a_device_or_pipe(tmp_path):
    """'cimis session export -o /dev/full' run as root renamed a text file over the device
    node (write_atomic's rename replaces whatever is there); a FIFO stands in for it here."""
    from toolkit.paths import WriteError, write_atomic

    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        write_atomic(fifo, b"data")
    assert os.path.exists(fifo) and not fifo.is_file()  # still the pipe
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]  # no temporary file left


def test_full_standard_output_is_one_line(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    book = make_book(tmp_path / "book", {"chapters/a.md": "# A\n"})
    env = {**os.environ, "CIMIS_CACHE_DIR": str(tmp_path / "cache"), "CIMIS_LANG": "en"}
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "toolkit", "workbook", "status", str(book)], env=env,
                             stdout=full, stderr=subprocess.PIPE, timeout=TIMEOUT)
    err = run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in err and "cannot write: the disk is full" in err, err
