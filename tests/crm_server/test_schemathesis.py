"""Property-based checks over the OpenAPI schema: no 5xx, every documented answer
matching its schema, whatever the generated input.

Each operation gets a bounded Hypothesis run (30 examples), driven here rather than
through schemathesis' pytest plugin so that the SQLite/PostgreSQL fixtures apply.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from crm_server.core.crm import Crm
from crm_server.seed import DEMO_USERS

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.slow
def test_api_never_fails_and_matches_its_schema(app: FastAPI, crm: Crm) -> None:
    code = crm.create_enrolment("PBK1", "Pendopo Balai Kota")
    _, desk_token = crm.enrol(code)
    verifier = next(u for u in DEMO_USERS if u.role == "verifier")
    staff_token = crm.create_user(verifier.username, verifier.display_name, verifier.role)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        run_operation(operation, staff_token if "/workflow/" in operation.path else desk_token)


def run_operation(operation: schemathesis.APIOperation, token: str) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

    run()
