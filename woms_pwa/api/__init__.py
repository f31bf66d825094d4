"""The HTTP API (FastAPI), mounted around the Reflex app with ``api_transformer``.

Each module of this package that defines ``router`` (an ``APIRouter``) is
included under ``/api``. Clients authenticate with the same session token as
the web app: ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import importlib
import pkgutil

from fastapi import FastAPI


def create_api() -> FastAPI:
    """Build the API with every router of this package (no CDN-loaded docs pages)."""
    api = FastAPI(title="WOMS API", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    package = importlib.import_module(__name__)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        router = getattr(module, "router", None)
        if router is not None:
            api.include_router(router, prefix="/api")
    return api
