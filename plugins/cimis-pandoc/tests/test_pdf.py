"""PDF through WeasyPrint, and the URL fetcher that confines it to the build folder: no
network, no file outside. Skipped when WeasyPrint (or Pango) is not available."""

from __future__ import annotations

import http.server
import threading

import pytest

try:
    import weasyprint
except (ImportError, OSError) as exc:  # OSError: WeasyPrint installed, Pango missing
    pytest.skip(f"WeasyPrint is not usable here: {exc}", allow_module_level=True)

from cimis_pandoc import plugin
from cimis_pandoc.pdf import allowed_path, confined_fetcher
from pandoc_helpers import make_book

from toolkit.workbook.book import load_book


@pytest.fixture
def server():
    """A local web server that counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", hits
    httpd.shutdown()


def test_allowed_path(tmp_path):
    site = tmp_path / "site"
    (site / "img").mkdir(parents=True)
    (site / "img" / "a.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("secret", "utf-8")
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert allowed_path((site / "img" / "a.png").as_uri(), site) == (site / "img" / "a.png").resolve()
    for url in [(tmp_path / "secret.txt").as_uri(), (site / "link.txt").as_uri(),
                (site / "img" / ".." / ".." / "secret.txt").as_uri().replace("/img/../..", "/img/%2E%2E/%2E%2E"),
                "file:///etc/passwd", "http://127.0.0.1/a.png", "https://example.org/a.png",
                "data:image/png;base64,iVBORw0KGgo=", "ftp://example.org/a", "file://evil.example/share/a.png",
                (site / "missing.png").as_uri()]:
        assert allowed_path(url, site) is None, url


def test_the_fetcher_reaches_neither_network_nor_other_files(tmp_path, server):
    base, hits = server
    site = tmp_path / "site"
    site.mkdir()
    (site / "style.css").write_text("body { color: #111 }", "utf-8")
    html = (f'<link rel="stylesheet" href="style.css"><link rel="stylesheet" href="{base}/remote.css">'
            f'<style>@import url("{base}/import.css"); @font-face {{ font-family: x; src: url("{base}/f.woff") }}'
            f'</style><p>Hello</p><img src="{base}/pixel.png"><img src="file:///etc/passwd">'
            f'<img src="data:image/png;base64,iVBORw0KGgo=">')
    fetcher = confined_fetcher(site)
    pdf = weasyprint.HTML(string=html, base_url=str(site) + "/", url_fetcher=fetcher).write_pdf()
    assert pdf.startswith(b"%PDF")
    assert hits == []
    assert any(url.endswith("/pixel.png") for url in fetcher.refused)
    assert "file:///etc/passwd" in fetcher.refused


def test_pdf_export(tmp_path, server):
    base, hits = server
    book = load_book(make_book(tmp_path / "book", remote_image=f"{base}/tracker.png"))
    out = tmp_path / "out"
    out.mkdir()
    plugin.PdfExporter().build(book, out)
    assert sorted(p.name for p in out.iterdir()) == ["book.pdf"]
    data = (out / "book.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert hits == []
