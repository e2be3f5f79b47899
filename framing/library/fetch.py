"""Fetch one article from a web address, safely: the URL-import path of the library.

``fetch_url(url)`` downloads a page with the standard library's ``http.client`` and extracts its main
text, title, date, author and site name with trafilatura (through ``ingest_html.html_fields``). It guards
against being turned on the machine it runs on or on its network:

- only ``http://`` and ``https://`` addresses;
- the host is resolved once and EVERY address it resolves to must be public: loopback, private,
  link-local (cloud metadata at 169.254.169.254), multicast, reserved, unspecified, shared
  (100.64.0.0/10) and other non-global addresses are refused, IPv4 and IPv6 alike, IPv4 written in
  IPv6 (``::ffff:127.0.0.1``) too. The connection then goes to the very address that was checked, so a
  second DNS answer cannot swap in a private one (DNS rebinding); HTTPS still verifies the host's
  certificate by name;
- redirects are followed by hand, at most ``MAX_REDIRECTS``, and every target is checked like the
  first address;
- a connect timeout, a read timeout (the longest silence while waiting for the answer, and the most
  time reading the whole body),
  a byte limit (``Content-Length`` above it is refused before reading; a body that grows past it is cut
  off with an error) and a content-type check (text/html, application/xhtml+xml or text/plain);
- no cookies, no credentials, no proxies from the environment.

For local use (a newsroom intranet, the tests' own server), private addresses are allowed by
``allow_private=True`` or by the environment variable ``FRAMING_ALLOW_PRIVATE_URLS=1``.
Every failure is an ``IngestError`` whose message says what is wrong and what to do.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import re
import socket
import ssl
import time
import zlib
from typing import Any
from urllib.parse import urljoin, urlsplit

from framing.library.ingest import article_from_fields, decode
from framing.library.ingest_html import html_fields
from framing.library.records import IngestError, short
from framing.models import Article

MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "FRAMING_ALLOW_PRIVATE_URLS"
USER_AGENT = "framing/0.1 (news framing reader; +https://example.org/framing)"
CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65536
_ssl_context = ssl.create_default_context  # the system's trusted certificates; tests swap it

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def private_allowed_by_env() -> bool:
    """True when FRAMING_ALLOW_PRIVATE_URLS is set to 1, true, yes or on."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


_REASONS = (
    ("is_loopback", "a loopback address (this machine)"),
    ("is_unspecified", "an unspecified address"),
    ("is_link_local", "a link-local address (such as a cloud metadata service)"),
    ("is_multicast", "a multicast address"),
    ("is_private", "a private-network address"),
    ("is_reserved", "a reserved address"),
    ("is_site_local", "a site-local address"),
)


def blocked_reason(ip: IPAddress) -> str | None:
    """Why fetching from this address is refused ("a loopback address ...", ...), or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is the IPv4 address a.b.c.d
            return blocked_reason(ip.ipv4_mapped)
        if ip.sixtofour is not None:  # 2002:AABB:CCDD:: carries the IPv4 address AA.BB.CC.DD
            inner = blocked_reason(ip.sixtofour)
            if inner:
                return f"{inner}, inside a 6to4 address"
        if ip in _NAT64:  # 64:ff9b::a.b.c.d reaches a.b.c.d through a NAT64 gateway
            inner = blocked_reason(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
            if inner:
                return f"{inner}, inside a NAT64 address"
    for flag, reason in _REASONS:
        if getattr(ip, flag, False):
            return reason
    if not ip.is_global:
        return "not a public address"
    return None


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the host name resolves to (an IP literal is itself); IngestError if it does not resolve."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(f"{host}: this host name cannot be found ({exc}); check the address") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise IngestError(f"{host}: this host name has no address; check the address")
    return addresses


def check_url(url: str, allow_private: bool = False) -> tuple[str, str, int, list[IPAddress]]:
    """The scheme, host, port and checked addresses of ``url``; IngestError if it may not be fetched.

    Every address the host resolves to must be public unless ``allow_private`` (one private address
    among public ones is enough to refuse: the connection could land on any of them).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise IngestError(f"{short(url)}: is not a valid web address ({exc}); check it") from exc
    scheme = parts.scheme.lower()
    if not scheme:
        raise IngestError(
            f"{short(url)}: does not start with http:// or https://; give the full address, "
            "like https://example.org/article"
        )
    if scheme not in {"http", "https"}:
        shown = f"'{scheme}:'"
        raise IngestError(
            f"{short(url)}: only http:// and https:// addresses can be fetched, not {shown}; "
            "give the web address of the article (or upload the file instead)"
        )
    host = parts.hostname
    if not host:
        raise IngestError(f"{short(url)}: has no host name; give a full address like https://example.org/article")
    port = port or (443 if scheme == "https" else 80)
    addresses = resolve(host, port)
    if not allow_private:
        for ip in addresses:
            reason = blocked_reason(ip)
            if reason:
                where = f"{host} is" if _literal(host) == ip else f"{host} resolves to {ip}, which is"
                raise IngestError(
                    f"{short(url)}: refused: {where} {reason}; only public web sites are fetched. Pages on "
                    f"this machine or its network are fetched only when {ALLOW_PRIVATE_ENV}=1 is set, for local use"
                )
    return scheme, host, port, addresses


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to one checked address, with the host's name in the Host header."""

    def __init__(self, host: str, port: int, ip: IPAddress, connect_timeout: float, read_timeout: float) -> None:
        super().__init__(host, port, timeout=connect_timeout)
        self._ip, self._read_timeout = str(ip), read_timeout

    def _open_socket(self) -> socket.socket:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        sock.settimeout(self._read_timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def connect(self) -> None:
        self.sock = self._open_socket()


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    """HTTPS to one checked address; the certificate is verified against the host's name."""

    default_port = 443

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._ssl = _ssl_context()

    def connect(self) -> None:
        self.sock = self._ssl.wrap_socket(self._open_socket(), server_hostname=self.host)


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    connect_timeout: float = 5,
    read_timeout: float = 15,
    max_bytes: int = 5_000_000,
    **defaults: Any,
) -> Article:
    """The article at ``url``: fetched under the guards of this module, extracted with trafilatura.

    The article's url is the address finally fetched (after redirects), original_format is "url", and
    published, author, source_name, title and language come from the page. ``defaults`` (outlet, story,
    ...) fill in what the page does not say. IngestError for anything refused or failed.
    """
    allow_private = allow_private or private_allowed_by_env()
    current = url.strip()
    for hop in range(MAX_REDIRECTS + 1):
        status, headers, body = _request(current, allow_private, connect_timeout, read_timeout, max_bytes)
        if status in _REDIRECTS:
            location = headers.get("location", "").strip()
            if not location:
                raise IngestError(f"{short(current)}: the server redirected (HTTP {status}) without saying where to")
            if hop == MAX_REDIRECTS:
                raise IngestError(
                    f"{short(url)}: more than {MAX_REDIRECTS} redirects; open it in a browser and give the "
                    "address it ends on"
                )
            target = urljoin(current, location)
            try:
                check_url(target, allow_private)
            except IngestError as exc:
                raise IngestError(f"{short(current)}: redirects to {exc}") from None
            current = target
            continue
        break
    if not (200 <= status < 300) or status in (204, 205, 206):
        reason = http.client.responses.get(status, "")
        raise IngestError(
            f"{short(current)}: the server answered HTTP {status} {reason}".rstrip()
            + "; check the address, or save the page and upload it"
        )
    media, charset = _content_type(headers.get("content-type", ""))
    if media not in CONTENT_TYPES:
        shown = f"'{media}'" if media else "no content type"
        raise IngestError(
            f"{short(current)}: is {shown}, not a web page or plain text; give the address of the article's "
            "page (text/html or text/plain)"
        )
    text = _decode(body, charset, media, current)
    if media == "text/plain":
        fields = {"text": text}
    else:
        fields = html_fields(text, name=short(current), url=current)
    fields["url"] = current
    return article_from_fields(fields, name=short(current), original_format="url", **defaults)


def _request(
    url: str, allow_private: bool, connect_timeout: float, read_timeout: float, max_bytes: int
) -> tuple[int, dict[str, str], bytes]:
    """One GET under the guards: status, headers (lower-case names) and body (empty for redirects)."""
    scheme, host, port, addresses = check_url(url, allow_private)
    parts = urlsplit(url.strip())
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    cls = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    last_error: OSError | None = None
    for ip in addresses:
        conn = cls(host, port, ip, connect_timeout, read_timeout)
        try:
            conn.connect()
            deadline = time.monotonic() + read_timeout
            conn.putrequest("GET", path, skip_accept_encoding=True)
            conn.putheader("User-Agent", USER_AGENT)
            conn.putheader("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
            conn.putheader("Accept-Encoding", "gzip, identity;q=0.5")
            conn.putheader("Connection", "close")
            conn.endheaders()
            response = conn.getresponse()
            headers = {k.lower(): v for k, v in response.getheaders()}
            if response.status in _REDIRECTS:
                return response.status, headers, b""
            return response.status, headers, _read_body(response, conn, headers, url, max_bytes, deadline)
        except TimeoutError as exc:
            raise IngestError(
                f"{short(url)}: {host} did not answer within {_waited(conn, connect_timeout, read_timeout)}; "
                "try again later, or save the page and upload it"
            ) from exc
        except ssl.SSLError as exc:
            raise IngestError(
                f"{short(url)}: the secure connection to {host} failed ({exc.reason or exc}); "
                "check the address, or save the page and upload it"
            ) from exc
        except (http.client.HTTPException, ConnectionError, OSError) as exc:
            if isinstance(exc, OSError) and conn.sock is None:  # could not connect: try the next address
                last_error = exc
                continue
            raise IngestError(
                f"{short(url)}: the connection to {host} failed while reading ({type(exc).__name__}); try again later"
            ) from exc
        finally:
            conn.close()
    raise IngestError(
        f"{short(url)}: cannot connect to {host} ({last_error}); check the address or try again later"
    ) from last_error


def _waited(conn: http.client.HTTPConnection, connect: float, read: float) -> str:
    return f"{connect:g} s (connect timeout)" if conn.sock is None else f"{read:g} s (read timeout)"


def _read_body(
    response: http.client.HTTPResponse,
    conn: http.client.HTTPConnection,
    headers: dict[str, str],
    url: str,
    max_bytes: int,
    deadline: float,
) -> bytes:
    too_big = (
        f"{short(url)}: the page is larger than the {max_bytes:,}-byte limit; save the article's text and "
        "upload it as a file"
    )
    length = headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise IngestError(too_big)
    encoding = headers.get("content-encoding", "identity").strip().lower()
    if encoding not in {"", "identity", "gzip", "x-gzip"}:
        raise IngestError(f"{short(url)}: the server sent the page compressed as '{encoding}', which is not supported")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if "gzip" in encoding else None
    out = bytearray()
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("deadline")
        if conn.sock is not None:
            conn.sock.settimeout(remaining)
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - len(out))
            except zlib.error as exc:
                raise IngestError(f"{short(url)}: the compressed page is damaged ({exc}); try again later") from exc
        out += chunk
        if len(out) > max_bytes:
            raise IngestError(too_big)
    return bytes(out)


def _content_type(value: str) -> tuple[str, str]:
    media, _, params = value.partition(";")
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:\-]+)", params, re.IGNORECASE)
    return media.strip().lower(), charset.group(1) if charset else ""


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:\-]+)", re.IGNORECASE)


def _decode(body: bytes, charset: str, media: str, url: str) -> str:
    """The page's text: the charset the server names, else the one the page declares, else as an upload."""
    if not body.strip():
        raise IngestError(f"{short(url)}: the page is empty; check the address")
    if not charset and media != "text/plain":
        declared = _META_CHARSET.search(body[:4096])
        charset = declared.group(1).decode("ascii") if declared else ""
    if charset:
        try:
            return body.decode(charset, errors="replace").lstrip("\ufeff")
        except LookupError:
            pass
    return decode(body, short(url))
