"""WARC archives written for the tests with warcio's own writer."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]],
               gzip: bool = True) -> Path:
    """(url, content type, body, status line) response records, each after its request."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, content_type, body, status in records:
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1",
                                              [("User-Agent", "testcrawler")],
                                              is_http_request=True))
            writer.write_record(request)
            headers = StatusAndHeaders(status, [("Content-Type", content_type),
                                                ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=BytesIO(body),
                                                          http_headers=headers))
    return path
