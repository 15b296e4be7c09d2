"""Downloads against a real HTTP server on 127.0.0.1: limits, retries and one-line errors."""

from __future__ import annotations

import socket
import time

import pytest
from tests.ingest.pages import article_page
from tests.ingest.site import Site

from kroniek.errors import InputError
from kroniek.ingest.fetch import USER_AGENT, Fetcher
from kroniek.ingest.formats import articles_of
from kroniek.ingest.sources import Source, expand


def failure(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(InputError) as caught:
        fetcher.get(url)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url)
    return message


def test_a_page_is_fetched_politely(site: Site) -> None:
    url = site.page("/nieuws/dijken", article_page(), headers={"ETag": '"v1"'})
    with Fetcher(timeout=5) as fetcher:
        fetched = fetcher.get(url)
    assert fetched.status == 200 and fetched.is_html and fetched.charset == "utf-8"
    assert b"dijken" in fetched.data and fetched.etag == '"v1"'
    headers = site.requests[-1][1]
    assert headers["user-agent"] == USER_AGENT and "kroniek/" in USER_AGENT
    assert "text/html" in headers["accept"]


def test_redirects_are_followed_up_to_a_limit(site: Site) -> None:
    final = site.page("/artikel", article_page())
    start = site.redirect("/kort", "/tussen")
    site.redirect("/tussen", "/artikel", status=301)
    with Fetcher(timeout=5) as fetcher:
        assert fetcher.get(start).url == final
        loop = site.redirect("/lus-a", "/lus-b")
        site.redirect("/lus-b", "/lus-a")
        assert "more than 5 redirects (a redirect loop?)" in failure(fetcher, loop)


def test_a_server_that_never_answers_times_out(site: Site) -> None:
    url = site.silent("/stil")
    began = time.monotonic()
    with Fetcher(timeout=0.5, retries=0) as fetcher:
        assert "no answer within 0.5 s" in failure(fetcher, url)
    assert time.monotonic() - began < 5


@pytest.mark.parametrize("announce", [True, False])
def test_a_50_mb_page_is_refused_at_the_size_limit(site: Site, announce: bool) -> None:
    url = site.huge("/groot", 50, announce=announce)
    with Fetcher(timeout=20, max_bytes=2 * 1024 * 1024) as fetcher:
        message = failure(fetcher, url)
    assert "over the size limit of 2.1 MB" in message
    assert ("52.4 MB" in message) == announce


def test_client_errors_fail_at_once_and_server_errors_are_retried(site: Site) -> None:
    with Fetcher(timeout=5, backoff=0.05) as fetcher:
        assert failure(fetcher, site.url("/bestaat-niet")).endswith("HTTP 404 Not Found")
        assert site.hits("/bestaat-niet") == 1
        flaky = site.flaky("/wankel", article_page(), failures=2)
        assert fetcher.get(flaky).status == 200 and site.hits("/wankel") == 3
        down = site.flaky("/plat", article_page(), failures=10, status=503)
        assert "HTTP 503 Service Unavailable (after 3 tries)" in failure(fetcher, down)
        assert site.hits("/plat") == 3


def test_what_is_not_a_page_or_cannot_be_reached(site: Site) -> None:
    image = site.page("/foto.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    with Fetcher(timeout=5) as fetcher:
        assert "not a web page or feed (image/png)" in failure(fetcher, image)
        # A port nobody listens on (the server's own, once closed, is racy; port 9 is discard)
        assert "connection refused" in failure(fetcher, "http://127.0.0.1:9/nieuws")
        # TLS spoken to a server that speaks plain HTTP
        tls = site.url("/nieuws").replace("http://", "https://")
        assert "TLS error (WRONG_VERSION_NUMBER)" in failure(fetcher, tls)



def test_a_name_that_does_not_resolve(monkeypatch: pytest.MonkeyPatch) -> None:
    # The resolver is outside the machine and no test may reach it: this one answers as a
    # resolver does for a name that does not exist (.invalid never does, RFC 6761).
    real = socket.getaddrinfo

    def resolve(host: object, *args: object, **kwargs: object) -> object:
        if host == "kroniek-test.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with Fetcher(timeout=5) as fetcher:
        assert "does not resolve (DNS)" in failure(fetcher, "http://kroniek-test.invalid/a")


def test_urls_are_sources_and_their_final_url_is_the_identity(site: Site) -> None:
    one = site.page("/a/dijken", article_page("dijken"))
    site.redirect("/kort", "/a/grens")
    other = site.page("/a/grens", article_page("grens"))
    sources = list(expand([one, site.url("/kort")]))
    assert [s.url for s in sources if isinstance(s, Source)] == [one, site.url("/kort")]
    with Fetcher(timeout=5) as fetcher:
        articles = [item for source in sources if isinstance(source, Source)
                    for item, _size in articles_of(source, fetcher, 1 << 20)]
    assert [getattr(a, "key", None) for a in articles] == [one, other]
    assert articles[0].text != articles[1].text  # type: ignore[union-attr]
