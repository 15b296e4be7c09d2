"""HTTP routes: ``api_*`` answer JSON under /api/v1, ``pages`` renders HTML."""
