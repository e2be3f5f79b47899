"""URL import: fetched from a local server the test starts on 127.0.0.1; the address guard tested on its own.

No test touches the network: the only server is in this process, and the guard's tests use IP literals,
``localhost`` and a stubbed resolver.
"""

from __future__ import annotations

import gzip
import http.server
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import pytest

import framing.library.fetch as fetch
from framing.library.fetch import blocked_reason, check_url, fetch_url
from framing.library.ingest import IngestError

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour talks stall over fishing quotas | The Coastal Ledger</title>
<meta property="og:title" content="Harbour talks stall over fishing quotas">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Mira Okonkwo">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Harbour talks stall over fishing quotas</h1>
<p>Negotiators from the port towns of Velmar and Ostrel left the harbour office on Tuesday without an
agreement on the fishing quotas for the coming season.</p>
<p>\u201cWe came with a fair offer and we leave with nothing,\u201d said the Velmar delegate, who asked that the
talks resume next month.</p>
<p>The Ostrel council said the proposed quotas would \u201cempty the bay within three years\u201d and called for an
independent survey of the fish stocks.</p>
</article>
<footer>\u00a9 2024 The Coastal Ledger</footer>
</body></html>""".encode()

PLAIN = b"Ferry fares rise\n\nThe ferry company raised fares by a tenth on Monday.\n"


class Handler(http.server.BaseHTTPRequestHandler):
    requested: list[str] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", length: bool = True, **hdr):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in hdr.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one branch per route
        Handler.requested.append(self.path)
        path = self.path
        if path == "/article":
            self.send(200, PAGE)
        elif path == "/plain":
            self.send(200, PLAIN, "text/plain; charset=utf-8")
        elif path == "/redirect":
            self.send(302, b"", Location="/article")
        elif path == "/redirect-absolute":
            host, port = self.server.server_address[:2]
            self.send(301, b"", Location=f"http://{host}:{port}/article")
        elif path.startswith("/loop"):
            n = int(path[5:] or 0)
            self.send(302, b"", Location=f"/loop{n + 1}")
        elif path == "/redirect-ftp":
            self.send(302, b"", Location="ftp://example.org/file")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/no-type":
            self.send_response(200)
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        elif path == "/big":
            self.send(200, PAGE + b"<!--" + b"x" * 200_000 + b"-->")
        elif path == "/big-stream":  # no Content-Length: the body ends when the connection closes
            self.send(200, PAGE + b"<!--" + b"x" * 200_000 + b"-->", length=False)
        elif path == "/gzip":
            self.send(200, gzip.compress(PAGE), Content_Encoding="gzip")
        elif path == "/gzip-bomb":
            self.send(200, gzip.compress(b" " * 5_000_000), Content_Encoding="gzip")
        elif path == "/latin1":
            body = PAGE.replace(b'<meta charset="utf-8">', b"").decode().replace("\u201c", '"').replace("\u201d", '"')
            self.send(200, body.replace("Velmar", "V\u00e9lmar").encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, PAGE)
        elif path == "/drip":  # every byte comes quickly, but the whole body takes seconds
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for i in range(40):
                    self.wfile.write(PAGE[i : i + 1])
                    self.wfile.flush()
                    time.sleep(0.05)
            except OSError:
                pass
        elif path == "/empty":
            self.send(200, b"   ")
        elif path == "/no-text":
            self.send(200, b"<html><head><title>Menu</title></head><body><nav></nav></body></html>")
        else:
            self.send(404, b"<html><body>Not here</body></html>")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the client hanging up early (timeouts, byte limits) is what several tests do on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(autouse=True)
def no_env_override(monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    Handler.requested.clear()


# ------------------------------------------------------------------------------------ fetching a page


def test_fetch_extracts_text_and_metadata(server):
    a = fetch_url(server + "/article", allow_private=True, outlet="Ledger")
    assert a.original_format == "url"
    assert a.url == server + "/article"
    assert a.title == "Harbour talks stall over fishing quotas"
    assert a.published == "2024-03-05"
    assert a.author == "Mira Okonkwo"
    assert a.source_name == "The Coastal Ledger"
    assert a.outlet == "Ledger"
    assert a.text.startswith("Harbour talks stall over fishing quotas\nNegotiators from the port towns")
    assert "\u201cWe came with a fair offer and we leave with nothing,\u201d" in a.text
    assert "<" not in a.text and "Home" not in a.text


def test_fetch_plain_text(server):
    a = fetch_url(server + "/plain", allow_private=True)
    assert a.text == PLAIN.decode()
    assert a.title == "Ferry fares rise"
    assert a.original_format == "url"


def test_fetch_follows_redirects_and_keeps_final_url(server):
    a = fetch_url(server + "/redirect", allow_private=True)
    assert a.url == server + "/article"
    assert a.title == "Harbour talks stall over fishing quotas"
    assert Handler.requested == ["/redirect", "/article"]
    assert fetch_url(server + "/redirect-absolute", allow_private=True).url == server + "/article"


def test_redirect_limit(server):
    with pytest.raises(IngestError, match="more than 5 redirects"):
        fetch_url(server + "/loop", allow_private=True)
    assert len(Handler.requested) == 6  # the first request and five redirects


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(IngestError, match=r"redirects to ftp://example\.org/file: only http:// and https://"):
        fetch_url(server + "/redirect-ftp", allow_private=True)


def test_redirect_target_is_checked_for_private_addresses(server, monkeypatch):
    """The first address passes (as a public site would); the redirect to 127.0.0.1 must be refused."""
    real = fetch.check_url
    calls: list[tuple[str, bool]] = []

    def first_is_public(url, allow_private=False):
        calls.append((url, allow_private))
        return real(url, allow_private=True if len(calls) == 1 else allow_private)

    monkeypatch.setattr(fetch, "check_url", first_is_public)
    with pytest.raises(IngestError) as info:
        fetch_url(server + "/redirect", allow_private=False)
    msg = str(info.value)
    assert "redirects to" in msg
    assert "loopback" in msg
    assert Handler.requested == ["/redirect"]  # the private target was never fetched
    assert calls == [(server + "/redirect", False), (server + "/article", False)]


def test_content_type_refused(server):
    with pytest.raises(IngestError, match="is 'image/png', not a web page or plain text"):
        fetch_url(server + "/image", allow_private=True)
    with pytest.raises(IngestError, match="is no content type"):
        fetch_url(server + "/no-type", allow_private=True)


@pytest.mark.parametrize("path", ["/big", "/big-stream"])
def test_byte_limit(server, path):
    with pytest.raises(IngestError, match="larger than the 50,000-byte limit"):
        fetch_url(server + path, allow_private=True, max_bytes=50_000)
    # Under a larger limit the same page is fine.
    assert fetch_url(server + path, allow_private=True, max_bytes=500_000).title.startswith("Harbour")


def test_gzip_body_is_decompressed_within_the_limit(server):
    assert fetch_url(server + "/gzip", allow_private=True).title.startswith("Harbour")
    with pytest.raises(IngestError, match="larger than the 100,000-byte limit"):
        fetch_url(server + "/gzip-bomb", allow_private=True, max_bytes=100_000)


def test_charset_from_header(server):
    a = fetch_url(server + "/latin1", allow_private=True)
    assert "V\u00e9lmar" in a.text


def test_read_timeout(server):
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"did not answer within 0\.3 s \(read timeout\)"):
        fetch_url(server + "/slow", allow_private=True, read_timeout=0.3)
    assert time.monotonic() - started < 1.2


def test_slow_body_hits_the_overall_read_deadline(server):
    started = time.monotonic()
    with pytest.raises(IngestError, match="did not answer within"):
        fetch_url(server + "/drip", allow_private=True, read_timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_connect_refused_is_explained():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound but not listening: connections are refused
        with pytest.raises(IngestError, match="cannot connect to 127.0.0.1"):
            fetch_url(f"http://127.0.0.1:{port}/", allow_private=True, connect_timeout=1)


@pytest.mark.parametrize(
    "path, fragment", [("/missing", "HTTP 404 Not Found"), ("/empty", "the page is empty"), ("/no-text", "no article")]
)
def test_bad_pages(server, path, fragment):
    with pytest.raises(IngestError, match=fragment):
        fetch_url(server + path, allow_private=True)


def test_https_verifies_the_certificate(tmp_path, monkeypatch):
    """A self-signed certificate is refused; trusted, the page is fetched over TLS with the host name checked."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    srv = QuietServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.socket = context.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    port = srv.server_address[1]
    try:
        with pytest.raises(IngestError, match="the secure connection to localhost failed"):
            fetch_url(f"https://localhost:{port}/article", allow_private=True)
        monkeypatch.setattr(fetch, "_ssl_context", lambda: ssl.create_default_context(cafile=str(cert)))
        a = fetch_url(f"https://localhost:{port}/article", allow_private=True)
        assert a.title == "Harbour talks stall over fishing quotas"
        assert a.url == f"https://localhost:{port}/article"
        # The certificate names localhost, not 127.0.0.1: the name check is on.
        with pytest.raises(IngestError, match="secure connection"):
            fetch_url(f"https://127.0.0.1:{port}/article", allow_private=True)
    finally:
        srv.shutdown()
        srv.server_close()


# ---------------------------------------------------------------------------------------------- guard


def test_local_server_refused_without_permission(server):
    with pytest.raises(IngestError, match="loopback") as info:
        fetch_url(server + "/article")
    assert fetch.ALLOW_PRIVATE_ENV in str(info.value)
    assert Handler.requested == []  # refused before connecting


def test_environment_variable_allows_private(server, monkeypatch):
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "1")
    assert fetch_url(server + "/article").title.startswith("Harbour")
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "0")
    with pytest.raises(IngestError, match="loopback"):
        fetch_url(server + "/article")


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.8.9.10:8080/x", "loopback"),
        ("https://10.0.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://192.168.1.1/admin", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::1]:8501/", "loopback"),
        ("http://[fc00::1]/", "private"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:169.254.169.254]/", "link-local"),
        ("http://[2002:7f00:1::]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[ff02::1]/", "multicast"),
        ("http://100.64.0.1/", "not a public address"),
        ("http://localhost/", "loopback"),
        ("http://LOCALHOST:5000/", "loopback"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 as one number
        ("http://0x7f.0.0.1/", "loopback"),
    ],
)
def test_guard_refuses_non_public_addresses(url, reason):
    with pytest.raises(IngestError) as info:
        check_url(url)
    msg = str(info.value)
    assert "refused" in msg and reason in msg
    assert fetch.ALLOW_PRIVATE_ENV in msg
    # The same address is allowed for local use.
    assert check_url(url, allow_private=True)[3]


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("ftp://example.org/a.txt", "not 'ftp:'"),
        ("file:///etc/passwd", "not 'file:'"),
        ("gopher://example.org/", "not 'gopher:'"),
        ("javascript:alert(1)", "not 'javascript:'"),
        ("example.org/article", "does not start with http:// or https://"),
        ("http:///path-only", "has no host name"),
        ("http://example.org:99999/", "not a valid web address"),
    ],
)
def test_guard_refuses_other_schemes_and_malformed(url, fragment):
    with pytest.raises(IngestError, match=fragment.replace("(", r"\(")):
        check_url(url, allow_private=True)  # refused even for local use


def test_guard_allows_public_literals():
    assert check_url("http://93.184.215.14/news")[3] == [ipaddress.ip_address("93.184.215.14")]
    assert check_url("https://[2606:4700:4700::1111]/")[1:3] == ("2606:4700:4700::1111", 443)


def test_guard_checks_every_resolved_address(monkeypatch):
    """One private address among public ones is enough to refuse: the connection could go to any of them."""

    def fake_getaddrinfo(host, port, *args, **kwargs):
        assert host == "news.example"
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", port, 0, 0)),
        ]

    monkeypatch.setattr(fetch.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(IngestError, match=r"news\.example resolves to ::1, which is a loopback address"):
        check_url("https://news.example/story")
    assert [str(ip) for ip in check_url("https://news.example/story", allow_private=True)[3]] == [
        "93.184.215.14",
        "::1",
    ]


def test_unresolvable_host(monkeypatch):
    def fail(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch.socket, "getaddrinfo", fail)
    with pytest.raises(IngestError, match="cannot be found"):
        check_url("https://no-such-host.example/")


@pytest.mark.parametrize(
    "ip, blocked",
    [
        ("8.8.8.8", False),
        ("1.1.1.1", False),
        ("2a00:1450:4001::200e", False),
        ("127.0.0.1", True),
        ("10.255.255.255", True),
        ("169.254.0.1", True),
        ("198.18.0.1", True),  # benchmarking range
        ("192.0.2.1", True),  # documentation range
        ("240.0.0.1", True),
        ("255.255.255.255", True),
        ("64:ff9b::a9fe:a9fe", True),  # NAT64 form of 169.254.169.254
        ("2001:db8::1", True),
    ],
)
def test_blocked_reason(ip, blocked):
    assert (blocked_reason(ipaddress.ip_address(ip)) is not None) is blocked
