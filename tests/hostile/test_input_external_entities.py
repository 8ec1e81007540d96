"""Hostile input: DTDs and external entities in DOCX and HTML are never resolved or fetched.

Each case points entities at a local secret file and at a local HTTP server; the test
asserts that the secret never appears and that the server received no request.
"""

from __future__ import annotations

from typing import ClassVar

import io
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest

from translator_flow.errors import ReaderError
from translator_flow.readers import read_document

SECRET = "TOP-SECRET-7f3a9"


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        body = f'<!ENTITY leak "{SECRET}">'.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def _httpd():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(_httpd):
    """The local server's base URL and the list of paths it was asked for (this test)."""
    _Recorder.hits.clear()
    yield _httpd, _Recorder.hits


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _docx_with(xml_transform) -> bytes:
    d = docx.Document()
    d.add_paragraph("Губернатор провёл встречу", style="Title")
    d.add_paragraph("Текст: MARKER.")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = xml_transform(body.decode("utf-8")).encode("utf-8")
            dst.writestr(info.filename, body)
    return out.getvalue()


def _with_doctype(xml: str, subset: str, ref: str) -> str:
    decl, rest = xml.split("?>", 1)
    return f"{decl}?>\n<!DOCTYPE w:document [{subset}]>{rest}".replace("MARKER", ref)


@pytest.mark.parametrize("kind", ["file", "http", "parameter", "billion-laughs"])
def test_docx_with_a_dtd_is_refused_and_nothing_is_fetched(tmp_path: Path, secret_file: Path, server, kind: str) -> None:
    base, hits = server
    subset, ref = {
        "file": (f'<!ENTITY xxe SYSTEM "file://{secret_file}">', "&xxe;"),
        "http": (f'<!ENTITY xxe SYSTEM "{base}/entity">', "&xxe;"),
        "parameter": (f'<!ENTITY % remote SYSTEM "{base}/evil.dtd"> %remote;', "&leak;"),
        "billion-laughs": ('<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">', "&c;"),
    }[kind]
    path = tmp_path / "entities.docx"
    path.write_bytes(_docx_with(lambda xml: _with_doctype(xml, subset, ref)))
    with pytest.raises(ReaderError) as err:
        read_document(path)
    assert err.value.exit_code == 4
    assert str(err.value) == (
        f"{path} contains an XML DTD/entity declaration in word/document.xml; Word never writes one, so the file was "
        "crafted or damaged. It was not processed: open it in Word or LibreOffice and save it again as .docx."
    )
    assert SECRET not in str(err.value)
    assert hits == []


def test_python_docx_parser_does_not_resolve_entities_either(secret_file: Path) -> None:
    # defence in depth: even without the reader's refusal, python-docx's parser keeps
    # external entities unresolved (resolve_entities=False, network off by default)
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    xml = f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret_file}">]><r>&xxe;</r>'
    root = etree.fromstring(xml.encode(), oxml_parser)
    assert SECRET not in etree.tostring(root, encoding="unicode")


HTML_CASES = {
    "file": lambda s, b: (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{s}">]>', "&xxe;"),
    "http": lambda s, b: (f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{b}/entity">]>', "&xxe;"),
    "parameter": lambda s, b: (f'<!DOCTYPE html [<!ENTITY % remote SYSTEM "{b}/evil.dtd"> %remote;]>', "&leak;"),
    "external-dtd": lambda s, b: (
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{b}/xhtml.dtd">',
        "&leak;",
    ),
}


@pytest.mark.parametrize("kind", sorted(HTML_CASES))
def test_html_entities_are_text_never_resolved(tmp_path: Path, secret_file: Path, server, kind: str) -> None:
    base, hits = server
    doctype, ref = HTML_CASES[kind](secret_file, base)
    path = tmp_path / "page.html"
    path.write_text(
        f'{doctype}<html><head><link rel="stylesheet" href="{base}/style.css"></head><body>'
        f'<h1>Итоги встречи</h1><p>Стороны договорились {ref} о сотрудничестве.</p>'
        f'<img src="{base}/pixel.gif"><iframe src="{base}/frame"></iframe>'
        f'<p>Второй абзац &laquo;в кавычках&raquo; &amp; с&nbsp;сущностями.</p></body></html>',
        encoding="utf-8",
    )
    doc = read_document(path)
    texts = [b.text for b in doc.blocks]
    assert texts == ["Итоги встречи", f"Стороны договорились {ref} о сотрудничестве.",
                     "Второй абзац «в кавычках» & с\u00a0сущностями."]
    assert all(SECRET not in t for t in texts) and SECRET not in " ".join(doc.meta.warnings)
    assert hits == []
    if "[" in doctype:
        assert doc.meta.warnings == (f"{path}: ignored a DOCTYPE with entity declarations (never resolved or fetched).",
                                     f"{path}: skipped 1 image or embedded object; its content and alt text are not translated.")


def test_the_recording_server_does_record(server) -> None:
    # proves that `hits == []` above means "not fetched", not "server deaf"
    from urllib.request import urlopen

    base, hits = server
    with urlopen(f"{base}/probe", timeout=5) as resp:
        assert SECRET in resp.read().decode()
    assert hits == ["/probe"]
