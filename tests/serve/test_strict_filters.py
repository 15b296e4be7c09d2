"""An unknown filter value is a 422 that says what is allowed, over real HTTP (uvicorn).

An empty list for ``?type=BOMB`` looks like "no such events" and is silently wrong.
"""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.frog


def _get(live_server: str, **params: str) -> httpx.Response:
    return httpx.get(f"{live_server}/api/v1/events", params=params, timeout=60)


@pytest.mark.parametrize(("params", "words"), [
    ({"type": "BOMB"}, ["type", "ASSAULT", "PROTEST"]),
    ({"type": "ASSALT"}, ["did you mean ASSAULT"]),
    ({"status": "maybe"}, ["status", "asserted", "negated"]),
    ({"actor": "Rusland"}, ["is a name", "RUS"]),
    ({"recipient": "Oekraïne"}, ["recipient", "UKR"]),
    ({"actor": "no such actor!"}, ["neither an event code", "nor a KB id"]),
])
def test_unknown_values_are_refused_with_the_allowed_ones(live_server: str, params: dict[str, str],
                                                          words: list[str]) -> None:
    response = _get(live_server, **params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert "\n" not in detail
    for word in words:
        assert word in detail, detail


def test_known_values_in_any_case_still_select(live_server: str) -> None:
    everything = _get(live_server, limit="500").json()["items"]
    event = everything[0]
    lower = _get(live_server, type=event["type"].lower(), limit="500")
    assert lower.status_code == 200
    assert {e["type"] for e in lower.json()["items"]} == {event["type"]}
    status = _get(live_server, status=event["status"].upper(), limit="500")
    assert status.status_code == 200 and status.json()["items"]
    # An empty form field still means "no filter".
    unfiltered = _get(live_server, type="", status="", limit="500").json()["items"]
    assert len(unfiltered) == len(everything)


def test_the_events_page_explains_a_bad_filter(live_server: str) -> None:
    page = httpx.get(f"{live_server}/events", params={"type": "BOMB"},
                     headers={"Accept": "text/html"}, timeout=60)
    assert page.status_code == 422
    assert "text/html" in page.headers["content-type"] and "ASSAULT" in page.text


def test_format_csv_is_honoured_and_an_unknown_format_refused(live_server: str) -> None:
    as_csv = _get(live_server, format="csv")
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.text.splitlines()[0].startswith("id,") and len(as_csv.text.splitlines()) > 1
    assert _get(live_server, format="xml").status_code == 422


@pytest.mark.parametrize(("path", "params", "words"), [
    ("/api/v1/dyads/Rusland/UKR", {}, ["a:", "is a name", "RUS"]),
    ("/api/v1/dyads/ARM/Azerbeidzjan", {}, ["b:", "is a name", "AZE"]),
    ("/api/v1/dyads/ARM/no such thing", {}, ["neither an event code"]),
    ("/api/v1/relations", {"type": "befriended"}, ["type", "is not known", "use one of"]),
    ("/api/v1/relations", {"actor": "Rusland"}, ["is a name", "RUS"]),
])
def test_dyads_and_relations_refuse_unknown_values(live_server: str, path: str,
                                                   params: dict[str, str],
                                                   words: list[str]) -> None:
    response = httpx.get(f"{live_server}{path}", params=params, timeout=60)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert "\n" not in detail
    for word in words:
        assert word in detail, detail


def test_dyads_and_relations_still_answer_known_values(live_server: str) -> None:
    everything = httpx.get(f"{live_server}/api/v1/relations", timeout=60).json()["items"]
    for kind in ("member_of", "MEMBER_OF", "leads"):
        same = httpx.get(f"{live_server}/api/v1/relations", params={"type": kind}, timeout=60)
        assert same.status_code == 200, same.text
        wanted = kind.lower()
        assert [r for r in same.json()["items"]] == [r for r in everything
                                                      if r["type"] == wanted]
    pair = httpx.get(f"{live_server}/api/v1/dyads/arm/AZE", timeout=60)
    assert pair.status_code == 200 and pair.json()["a"] == "ARM"
