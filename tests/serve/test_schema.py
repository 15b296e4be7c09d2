"""schemathesis against the OpenAPI schema: no generated input makes the server answer 5xx.

Driven by hand over every operation rather than with ``schemathesis.pytest.from_fixture``,
whose pytest plugin does not work with the pytest this project pins.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from kroniek.nlp import FrogServer
from kroniek.serve import create_app
from tests.serve.conftest import sharing_frog

pytestmark = pytest.mark.frog
EXAMPLES = 20


def test_no_server_errors(web_db: str, frog_server: FrogServer) -> None:
    # A token is configured so generated writes exercise the token check; none carries it,
    # so none reaches the pipeline. An event's explanation does: it uses the session's Frog.
    app = sharing_frog(create_app(web_db, "unguessable"), frog_server)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            case.validate_response(response, checks=(not_a_server_error,))

        check()
