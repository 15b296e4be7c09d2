"""/docs: Swagger UI over the app's own schema, from the assets the swagger-ui-bundle
package ships, so the page loads nothing from the internet.

It runs under the app's strict Content-Security-Policy unchanged: its script and styles
are files from the server, the initialiser too, and the styles Swagger UI's React sets
go through the DOM, which the policy does not block (tests/serve/test_api_docs.py
checks that no violation is reported while the page loads and runs a request).

That package ships Swagger UI 4, which reads OpenAPI 3.0 only, while FastAPI writes 3.1;
the page therefore reads ``/docs/openapi.json``, the same schema said in 3.0 (nullable
instead of a ``null`` type, ``example`` instead of ``examples``). ``/openapi.json`` stays
the 3.1 schema for clients and code generators.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

router = APIRouter(include_in_schema=False)
ASSETS = "/docs/assets"
PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kroniek API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" type="image/png" href="{ASSETS}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""
# A file of its own, not an inline script: the policy allows scripts from the server only.
# No validator (Swagger UI would send the schema to an online one) and requests go to the
# page's own origin, the server it was loaded from.
INIT = """window.ui = SwaggerUIBundle({
  url: "/docs/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  defaultModelsExpandDepth: 0,
});
"""


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    return HTMLResponse(PAGE)


@router.get("/docs/init.js")
def init() -> Response:
    return Response(INIT, media_type="text/javascript")


@router.get("/docs/openapi.json")
def openapi_30(request: Request) -> JSONResponse:
    return JSONResponse(as_openapi_30(request.app.openapi()))


def as_openapi_30(schema: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's OpenAPI 3.1 ``schema`` as 3.0 for Swagger UI 4 (a new dict)."""
    converted: dict[str, Any] = _convert(schema)
    converted["openapi"] = "3.0.3"
    return converted


def _convert(node: Any) -> Any:
    if isinstance(node, list):
        return [_convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _convert(value) for key, value in node.items()}
    for union in ("anyOf", "oneOf"):
        options = out.get(union)
        if isinstance(options, list) and {"type": "null"} in options:
            rest = [option for option in options if option != {"type": "null"}]
            del out[union]
            if len(rest) == 1 and "$ref" in rest[0]:
                out["allOf"] = rest  # 3.0 ignores siblings of a $ref, not of allOf
            elif len(rest) == 1:
                out = {**rest[0], **out}
            else:
                out[union] = rest
            out["nullable"] = True
    if "in" in out and isinstance(out.get("schema"), dict):
        # A parameter: Swagger UI would fill its example in as the value to send.
        out["schema"].pop("example", None)
    if isinstance(out.get("examples"), list):  # a schema's (a parameter's are a map)
        examples = out.pop("examples")
        if examples:
            out["example"] = examples[0]
    if "const" in out:
        out["enum"] = [out.pop("const")]
    return out
