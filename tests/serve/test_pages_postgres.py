"""The pages' own queries (kroniek.serve.pagedata) and charts on PostgreSQL: the web
articles ingested into a real server, every picture page answered from it."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from kroniek.nlp import FrogBackend, FrogServer
from kroniek.pipeline import Pipeline, ingest
from kroniek.serve import create_app
from kroniek.store import open_engine
from tests.serve.conftest import ARTICLES

pytestmark = pytest.mark.frog
HTML = {"accept": "text/html"}


def test_picture_pages_on_postgresql(postgres_url: str, frog_server: FrogServer) -> None:
    engine = open_engine(postgres_url)
    summary = ingest([str(ARTICLES)], engine, Pipeline(backend=FrogBackend(frog_server)))
    engine.dispose()
    assert summary.failed == 0, summary.errors
    with TestClient(create_app(postgres_url, None)) as client:
        events = client.get("/events", headers=HTML)
        assert events.status_code == 200
        assert "Kaukasus Koerier" in events.text
        assert re.search(r'class="said">[^<]+<a href="/event/\d+" class="trigger">', events.text)
        overview = client.get("/", headers=HTML).text
        assert 'id="timeline-chart"' in overview and "role-axis" in overview
        dyad = client.get("/dyad/ARM/AZE", headers=HTML).text
        assert 'id="dyad-chart"' in dyad and "<b>day</b>" in dyad
        actor = client.get("/actor/rus?at=2020-10-09", headers=HTML).text
        assert "Vladimir Putin" in actor and "since 1994-04-20" in actor
        world = client.get("/map", headers=HTML).text
        october = client.get("/map?date_from=2020-10-01&date_to=2020-10-31", headers=HTML).text
        circles = 'aria-roledescription="circle"'
        assert world.count(circles) >= 2 and 1 <= october.count(circles) < world.count(circles)
        network = client.get("/network", headers=HTML).text
        graph = json.loads(re.search(r'id="graph-data">(.*?)</script>', network, re.S)[1])
        assert any(edge.get("quad") == "material conflict" for edge in graph["edges"])
        ask = client.get("/ask?attacked=ARM&by=AZE&at=2020-10-08", headers=HTML).text
        assert "Collective defence is triggered" in ask
        assert re.search(r'<a href="/article/[^"]+#s\d+">', ask)
