"""Concurrency correctness (not speed: bench/serve_load.py measures that): 20 requests at
once to a real uvicorn all answer 200 with the body one request alone gets."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

pytestmark = pytest.mark.frog


def test_twenty_concurrent_requests_get_correct_bodies(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        event = http.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
        urls = [f"/api/v1/events/{event['id']}", f"/api/v1/documents/{event['document_id']}",
                "/api/v1/events?limit=5", "/api/v1/events/facets", "/api/v1/map",
                "/", f"/event/{event['id']}", f"/article/{event['document_id']}",
                "/network", "/map"]
        alone = {url: http.get(url).text for url in urls}
    assert all(alone.values())

    async def together() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=live_server, timeout=60,
                                     limits=httpx.Limits(max_connections=20)) as client:
            return await asyncio.gather(*(client.get(urls[i % len(urls)]) for i in range(20)))

    # In its own thread: Playwright's sync API may already run an event loop in this one.
    with ThreadPoolExecutor(1) as runner:
        answers = runner.submit(asyncio.run, together()).result()
    assert [a.status_code for a in answers] == [200] * 20
    for index, answer in enumerate(answers):
        assert answer.text == alone[urls[index % len(urls)]], urls[index % len(urls)]
    assert any(str(event["id"]) in a.text for a in answers)


def test_one_connection_per_thread_with_the_store_pragmas(web_db: str) -> None:
    from kroniek.serve import create_app

    engine = create_app(web_db, None).state.kroniek.engine
    seen: dict[str, list[int]] = {}

    def use(name: str) -> None:
        for _ in range(2):
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
                seen.setdefault(name, []).append(id(connection.connection.dbapi_connection))

    threads = [threading.Thread(target=use, args=(f"t{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(set(ids)) == 1 for ids in seen.values()), seen  # kept, not reopened
    assert len({ids[0] for ids in seen.values()}) == 3  # and not shared between threads
    engine.dispose()


def test_reads_beyond_the_workers_wait_instead_of_running(web_db: str) -> None:
    from kroniek.serve import create_app
    from kroniek.serve.limits import read_workers

    app = create_app(web_db, None)
    running = 0
    most = 0
    lock = threading.Lock()

    def slow() -> dict[str, int]:  # a sync route, run in the thread pool like the pages
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.2)
        with lock:
            running -= 1
        return {"ok": 1}

    app.add_api_route("/slow", slow)
    workers = read_workers()

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(*(client.get("/slow") for _ in range(workers * 3)))

    with ThreadPoolExecutor(1) as runner:
        answers = runner.submit(asyncio.run, burst()).result()
    assert [a.status_code for a in answers] == [200] * (workers * 3)
    assert most == workers
