"""schemathesis against the OpenAPI schema: no input makes the server answer 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from kroniek.serve import create_app


@pytest.fixture(scope="module")
def web_schema(web_db: str):  # type: ignore[no-untyped-def]
    # A token is configured so the generated writes exercise the token check too; none of
    # them carries the token, so none reaches the pipeline.
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db, "not-guessable"))


schema = schemathesis.pytest.from_fixture("web_schema")


@pytest.mark.frog
@schema.parametrize()
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=(not_a_server_error,))
