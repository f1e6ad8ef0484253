"""Tests for claimgraph.ingest.fetch against a local HTTP server on loopback (never the network)."""
from __future__ import annotations

import gzip

import pytest

from claimgraph.errors import FetchError
from claimgraph.ingest.fetch import MAX_REDIRECTS, USER_AGENT, check_url, fetch_url, get_refusal
from claimgraph.settings import Settings

PAGE = b"<html><body><p>hello</p></body></html>"
ONLINE = Settings(offline=False)


def test_fetch_local_page_when_private_allowed(http_server):
    base, routes = http_server
    routes["/a"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    fetched = fetch_url(base + "/a", settings=ONLINE, allow_private=True)
    assert fetched.body == PAGE and fetched.content_type == "text/html" and fetched.final_url == base + "/a"


def test_fetch_loopback_refused_by_default(http_server):
    base, routes = http_server
    routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    with pytest.raises(FetchError, match="loopback"):
        fetch_url(base + "/a", settings=ONLINE)


def test_fetch_offline_refuses_everything(http_server):
    base, routes = http_server
    routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE)
    with pytest.raises(FetchError, match="offline"):
        fetch_url(base + "/a", settings=Settings(offline=True), allow_private=True)


def test_fetch_redirects_followed_and_capped(http_server):
    base, routes = http_server
    routes["/start"] = (302, {"Location": "/end"}, b"")
    routes["/end"] = (200, {"Content-Type": "text/html"}, PAGE)
    assert fetch_url(base + "/start", settings=ONLINE, allow_private=True).final_url == base + "/end"
    for i in range(MAX_REDIRECTS + 2):
        routes[f"/loop{i}"] = (301, {"Location": f"/loop{i + 1}"}, b"")
    with pytest.raises(FetchError, match="redirects"):
        fetch_url(base + "/loop0", settings=ONLINE, allow_private=True)


def test_fetch_redirect_to_other_scheme_refused(http_server):
    base, routes = http_server
    routes["/r"] = (302, {"Location": "file:///etc/passwd"}, b"")
    with pytest.raises(FetchError, match="scheme 'file' refused"):
        fetch_url(base + "/r", settings=ONLINE, allow_private=True)


@pytest.mark.parametrize("headers,body,message", [
    ({"Content-Type": "image/png"}, b"\x89PNG", "content type"),
    ({"Content-Type": "text/html"}, b"x" * 20_000, "byte limit"),
    ({"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(b"\0" * 200_000), "zip bomb"),
])
def test_fetch_bad_responses_refused(http_server, headers, body, message):
    base, routes = http_server
    routes["/x"] = (200, headers, body)
    with pytest.raises(FetchError, match=message):
        fetch_url(base + "/x", settings=Settings(offline=False, max_bytes=10_000), allow_private=True)


def test_fetch_http_error_refused(http_server):
    base, _ = http_server
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_url(base + "/missing", settings=ONLINE, allow_private=True)


@pytest.mark.parametrize("url,message", [
    ("ftp://127.0.0.1/x", "scheme"),
    ("javascript:alert(1)", "scheme"),
    ("http://user:pw@127.0.0.1/", "credentials"),
    ("http://127.0.0.1/a b", "whitespace"),
    ("http://127.0.0.1/\r\nHost: evil", "whitespace"),
    ("http://127.0.0.1:99999/", "malformed"),
    ("http:///nohost", "no host"),
    ("http://" + "a" * 3000 + ".com/", "longer than"),
    ("http://127.0.0.1/", "loopback"),
    ("http://0x7f000001/", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.1.2.3/", "private"),
    ("http://0.0.0.0/", "unspecified"),
])
def test_fetch_hostile_urls_refused(url, message):
    with pytest.raises(FetchError, match=message):
        check_url(url)


@pytest.mark.parametrize("address,expected", [
    ("8.8.8.8", None), ("127.0.0.2", "loopback"), ("192.168.0.1", "private"), ("::ffff:10.0.0.1", "private"),
    ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("100.64.0.1", "non-public"),
])
def test_fetch_address_refusal(address, expected):
    assert get_refusal(address) == expected


def test_fetch_sends_polite_user_agent(http_server):
    base, routes = http_server
    routes["/ua"] = (200, {"Content-Type": "text/plain"}, b"ok")
    fetch_url(base + "/ua", settings=ONLINE, allow_private=True)
    assert routes.requests[-1][1]["User-Agent"] == USER_AGENT and "claimgraph" in USER_AGENT
