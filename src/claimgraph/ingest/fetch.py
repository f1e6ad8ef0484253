"""Fetch a URL safely: public addresses only (checked after DNS, on every redirect), caps, timeouts.

Every hop resolves the host, refuses private, loopback, link-local, multicast and reserved
addresses (unless allowed), then connects to the very address it checked, so a DNS answer that
changes between check and connect (rebinding) cannot reach an internal service.
"""
from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__ as _version
from ..errors import FetchError, IngestError
from ..settings import Settings, get_settings
from .decode import GZIP_MAGIC, gunzip_bounded

log = logging.getLogger(__name__)

USER_AGENT = f"claimgraph/{_version} (news research tool; +https://github.com/claimgraph/claimgraph)"
# Seconds to wait for a connection or any single read; a whole fetch gets TOTAL_TIMEOUT_S.
CONNECT_TIMEOUT_S = 10.0
TOTAL_TIMEOUT_S = 30.0
# Redirects followed before giving up (browsers allow ~20; news sites need 1-3).
MAX_REDIRECTS = 5
# Response bodies larger than this are refused (a news page is < 2 MB; feeds < 5 MB).
MAX_FETCH_BYTES = 10_000_000
MAX_URL_CHARS = 2048
ALLOWED_CONTENT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml",
    "application/rdf+xml", "application/xml", "text/xml", "application/feed+json",
)
_READ_CHUNK = 65_536


@dataclass(frozen=True)
class Fetched:
    """A fetched response body and where it really came from."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    content_type: str
    body: bytes
    retrieved: str  # ISO date of the fetch


def fetch_url(url: str, *, settings: Settings | None = None, allow_private: bool = False) -> Fetched:
    """GET `url` with every safety check; follow redirects.

    Raises:
        FetchError: refused (offline, scheme, address), failed, too large, or of a wrong type.
    """
    settings = settings or get_settings()
    check_url_shape(url)
    if settings.offline:
        raise FetchError(url, "offline mode: network access refused")
    deadline = time.monotonic() + TOTAL_TIMEOUT_S
    limit = min(MAX_FETCH_BYTES, settings.max_bytes)
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        status, headers, body = _request(current, url, allow_private=allow_private, deadline=deadline, limit=limit)
        if status in (301, 302, 303, 307, 308):
            location = headers.get("location")
            if not location:
                raise FetchError(url, f"redirect {status} without a Location header")
            current = urljoin(current, location.strip())
            continue
        if status != 200:
            raise FetchError(url, f"HTTP {status} from {current}")
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and content_type not in ALLOWED_CONTENT_TYPES:
            raise FetchError(url, f"content type {content_type!r} is not a web page, feed or text")
        if headers.get("content-encoding", "").lower() == "gzip" or body.startswith(GZIP_MAGIC):
            try:
                body = gunzip_bounded(body, limit=limit, source=url)
            except IngestError as err:
                raise FetchError(url, err.reason) from err
        return Fetched(url, current, content_type, body, time.strftime("%Y-%m-%d", time.gmtime()))
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def check_url(url: str, *, allow_private: bool = False) -> list[str]:
    """The addresses `url`'s host resolves to, after checking scheme, shape and address ranges.

    Raises:
        FetchError: the URL is malformed, not http(s), or points at a refused address.
    """
    parts, port = check_url_shape(url)
    host = parts.hostname
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as err:
        raise FetchError(url, f"cannot resolve host {host!r} ({err})") from err
    addresses = sorted({info[4][0] for info in infos})
    if not allow_private:
        for address in addresses:
            reason = get_refusal(address)
            if reason:
                raise FetchError(url, f"host {host!r} resolves to {reason} address {address}; refused "
                                      "(pass allow_private to fetch from your own network)")
    return addresses


def check_url_shape(url: str):
    """The split URL and port, after checking length, characters, scheme, credentials and host.

    Raises:
        FetchError: the URL is malformed or not http(s).
    """
    if len(url) > MAX_URL_CHARS:
        raise FetchError(url[:80] + "…", f"URL longer than {MAX_URL_CHARS} characters")
    if any(ch in url for ch in "\r\n\t\x00 ") or any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise FetchError(url, "URL contains whitespace or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise FetchError(url, f"malformed URL ({err})") from err
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"scheme {parts.scheme or '(none)'!r} refused: only http and https are fetched")
    if parts.username or parts.password:
        raise FetchError(url, "URLs with credentials are refused")
    if not parts.hostname:
        raise FetchError(url, "URL has no host")
    return parts, port


def get_refusal(address: str) -> str | None:
    """Why an IP address must not be fetched from by default ("loopback", "private", ...), else None."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if not ip.is_global:
        return "non-public"
    return None


def _request(url: str, asked: str, *, allow_private: bool, deadline: float, limit: int):
    addresses = check_url(url, allow_private=allow_private)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    timeout = max(0.1, min(CONNECT_TIMEOUT_S, deadline - time.monotonic()))
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, port, timeout=timeout)
    pinned = addresses[0]
    # Connect to the address that was checked, not to a second DNS answer (rebinding).
    conn._create_connection = lambda addr, timeout=None, source=None: socket.create_connection(
        (pinned, addr[1]), timeout, source)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request("GET", path, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/plain;q=0.8",
            "Accept-Encoding": "gzip, identity",
        })
        response = conn.getresponse()
        headers = {key.lower(): value for key, value in response.getheaders()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(asked, f"response of {int(declared):,} bytes is over the {limit:,} byte limit")
        body = bytearray()
        while True:
            if time.monotonic() > deadline:
                raise FetchError(asked, f"timed out after {TOTAL_TIMEOUT_S:.0f} s")
            chunk = response.read(_READ_CHUNK)
            if not chunk:
                break
            body += chunk
            if len(body) > limit:
                raise FetchError(asked, f"response is over the {limit:,} byte limit")
        return response.status, headers, bytes(body)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise FetchError(asked, f"fetch failed ({type(err).__name__}: {err})") from err
    finally:
        conn.close()
