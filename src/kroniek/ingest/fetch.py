"""Downloading pages and feeds with httpx: bounded in time, size and redirects, polite, and
with every failure said in one line (the run goes on with the next URL)."""

from __future__ import annotations

import email.message
import ssl
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek import __version__
from kroniek.errors import InputError

if TYPE_CHECKING:
    import httpx

USER_AGENT = (f"kroniek/{__version__} (news event coder; "
              "+https://github.com/kroniek/kroniek)")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml", "application/feed+xml")
DEFAULT_TIMEOUT = 20.0  # seconds for the whole download of one URL
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_RETRIES = 2  # further tries after a 5xx answer or a dropped connection
BACKOFF = 0.5  # seconds before the first retry, doubled before each next one
MAX_RETRY_AFTER = 30.0  # a server's Retry-After is obeyed up to this many seconds


@dataclass
class Fetched:
    """One answer: the final URL after redirects, the body and what the headers said."""

    url: str
    status: int
    data: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES


def _content_type(header: str | None) -> tuple[str, str | None]:
    message = email.message.Message()
    message["content-type"] = header or ""
    charset = message.get_param("charset")
    return message.get_content_type().lower() if header else "", \
        str(charset) if isinstance(charset, str) else None


def _connect_problem(error: httpx.TransportError) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return f"TLS error ({getattr(cause, 'reason', None) or cause})"
        text = str(cause)
        if "Name or service not known" in text or "nodename nor servname" in text \
                or "Temporary failure in name resolution" in text \
                or "No address associated" in text:
            return "the host name does not resolve (DNS)"
        if "Connection refused" in text:
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    return f"cannot connect ({error})" if str(error) else "cannot connect"


class Fetcher:
    """One HTTP client (kept-alive connections) for a run of downloads."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 5 * 1024 * 1024,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, retries: int = DEFAULT_RETRIES,
                 backoff: float = BACKOFF) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_redirects = max_redirects
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        """Made on first use: a run of local files never opens one."""
        if self._client is None:
            import httpx  # imported when needed: every kroniek command would wait for it

            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout), follow_redirects=True,
                max_redirects=self.max_redirects, headers={"User-Agent": USER_AGENT},
                # A proxy from the environment would see every page; kroniek fetches
                # what it is told to, directly.
                trust_env=False)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES + FEED_TYPES,
            etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The answer to GET ``url``; an :class:`InputError` in one line when there is none
        to read. A 304 (unchanged since ``etag``/``last_modified``) is returned as such."""
        headers = {"Accept": ", ".join((*accept, "*/*;q=0.1"))}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                fetched = self._once(url, headers)
            except _Retry as retry:
                if last:
                    raise InputError(f"{url}: {retry.reason} (after {attempt + 1} tries)") \
                        from None
                time.sleep(min(retry.wait or self.backoff * 2 ** attempt, MAX_RETRY_AFTER))
                continue
            if fetched.status == 304:
                return fetched
            if accept and fetched.content_type not in accept:
                shown = fetched.content_type or "no content type"
                raise InputError(f"{url}: not a web page or feed ({shown})")
            return fetched
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        import httpx

        began = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code >= 500:
                    raise _Retry(f"HTTP {response.status_code} {response.reason_phrase}",
                                 _retry_after(response.headers.get("retry-after")))
                if response.status_code == 304:
                    return Fetched(str(response.url), 304)
                if response.status_code >= 400:
                    raise InputError(f"{url}: HTTP {response.status_code} "
                                     f"{response.reason_phrase}")
                kind, charset = _content_type(response.headers.get("content-type"))
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise InputError(self._too_big(url, int(length)))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(self._too_big(url, size, more=True))
                    if time.monotonic() - began > self.timeout:
                        raise InputError(f"{url}: not downloaded within {self.timeout:g} s")
                    chunks.append(chunk)
                return Fetched(str(response.url), response.status_code, b"".join(chunks), kind,
                               charset, response.headers.get("etag"),
                               response.headers.get("last-modified"))
        except httpx.TooManyRedirects:
            raise InputError(f"{url}: more than {self.max_redirects} redirects (a redirect "
                             "loop?)") from None
        except httpx.TimeoutException:
            raise InputError(f"{url}: no answer within {self.timeout:g} s") from None
        except httpx.UnsupportedProtocol:
            raise InputError(f"{url}: not an http:// or https:// URL") from None
        except httpx.InvalidURL as error:
            raise InputError(f"{url}: not a valid URL ({error})") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as error:
            raise _Retry(f"the connection broke off ({error or type(error).__name__})") \
                from None
        except httpx.TransportError as error:
            raise InputError(f"{url}: {_connect_problem(error)}") from None

    def _too_big(self, url: str, size: int, more: bool = False) -> str:
        amount = f"{'more than ' if more else ''}{size / 1e6:.1f} MB"
        return (f"{url}: {amount}, over the size limit of {self.max_bytes / 1e6:.1f} MB "
                "(raise it with --max-size)")


class _Retry(Exception):
    """A failure worth another try (a 5xx answer, a dropped connection)."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
