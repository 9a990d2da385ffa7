"""`convenant web`: the secretariat's workplace in the browser.

Pages are rendered on the server from `templates/web/`; htmx (in `static/`, with its licence)
only refreshes parts of a page, and every form works without it. FastAPI and uvicorn are
imported only by this package, which only the `web` command imports.

The package is laid out for growth: `app.py` builds the application and includes one router
per area (`overzicht`, `vergaderingen`, `convenantpagina`); procedures, documents and a JSON
API under `/api/v1/` are further routers beside them, on the same `Werkplek` (`werkplek.py`).
"""
