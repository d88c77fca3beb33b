"""The Starlette application of ``cimis serve``.

Routes (every page sends one server-sent-event stream, no more):

- ``/`` and ``/j/<code>``: join with a code (the QR code opens ``/j/<code>``); ``POST
  /api/join`` sets the device cookie; ``/i/<person>/<token>``: a personal invitation
  (jurors);
- ``/p``: the participant's page; ``/api/form`` its current form; ``POST /api/submit``;
- ``/projector``: the browser projector (public in the room: it shows what the beamer
  shows, never hidden results);
- ``/f/<secret>``: the facilitator's entrance (sets the facilitator cookie and leaves the
  secret out of the address bar); ``/facilitator``; ``POST /api/facilitator``;
- ``/api/stream/<participant|projector|facilitator>``: live updates;
- ``/lang/<de|en>``: switch language; ``/qr.svg``: the join QR code; ``/static/...``.

Security, all in one middleware and the handlers: a Host-header allow-list (against DNS
rebinding), an Origin check on every POST, a Content-Security-Policy without inline
scripts, ``nosniff``, ``no-referrer`` (the facilitator link must not leak), body size
limits, a per-device rate limit, cookies ``HttpOnly`` and ``SameSite=Strict``, and every
refusal a 4xx JSON answer ``{"error": message}`` in the participant's language.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from toolkit.i18n import LANGUAGES, N_
from toolkit.web.hub import Hub
from toolkit.web.room import Device, Refused, Room
from toolkit.web.templating import STATIC, render
from toolkit.web.texts import texts
from toolkit.web.writer import GroupWriter

MAX_BODY = 16 * 1024
DEVICE_COOKIE = "cimis_device"
FACILITATOR_COOKIE = "cimis_facilitator"
LANG_COOKIE = "cimis_lang"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class Guard:
    """ASGI middleware: Host allow-list and security headers on every response."""

    def __init__(self, app: Any, hosts: Iterable[str]):
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    def allowed(self, host: str) -> bool:
        host = host.lower()
        if host in self.hosts:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if not self.allowed(host):
            response = JSONResponse({"error": "unknown host"}, status_code=421)
            await response(scope, receive, self._secured(send))
            return
        await self.app(scope, receive, self._secured(send))

    @staticmethod
    def _secured(send: Send) -> Send:
        async def wrapped(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)
        return wrapped


def create_app(room: Room, *, hosts: Iterable[str] = ("127.0.0.1", "localhost"), public_url: str = "",
               secure_cookies: bool = False, freeze_gc: bool = False) -> Any:
    """The ASGI app serving ``room``; ``hosts`` are the Host names (with or without port)
    requests may carry; ``public_url`` is the join address shown to the room; ``freeze_gc``
    when the server has its process to itself (see :mod:`toolkit.web.hub`)."""
    hub = Hub({"participant": room.participant_view, "projector": room.projector_view,
               "facilitator": room.facilitator_view}, room.refresh, freeze_gc=freeze_gc)
    allowed_hosts = list(hosts)
    # one writer: submissions arriving while a commit runs share the next commit
    writer = GroupWriter(room.submit_many)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        await hub.start()
        try:
            yield
        finally:
            await hub.stop()

    # -- helpers ---------------------------------------------------------------------------

    def lang_of(request: Request) -> str:
        lang = request.cookies.get(LANG_COOKIE, "")
        return lang if lang in LANGUAGES else room.language

    def device_of(request: Request) -> Device | None:
        return room.secrets.read_device(request.cookies.get(DEVICE_COOKIE))

    def is_facilitator(request: Request) -> bool:
        return room.secrets.is_facilitator(request.cookies.get(FACILITATOR_COOKIE))

    def set_cookie(response: Response, name: str, value: str) -> None:
        response.set_cookie(name, value, max_age=7 * 24 * 3600, httponly=True, samesite="strict",
                            secure=secure_cookies, path="/")

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status, headers={"cache-control": "no-store"})

    def page(name: str, request: Request, status: int = 200, **values: Any) -> HTMLResponse:
        lang = lang_of(request)
        html = render(name, T=texts(lang), lang=lang, other=room.other_language(lang),
                      workshop=room.engine.agenda.title, path=request.url.path, **values)
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if not origin:
            return True  # not a browser's cross-site request (browsers send Origin on POST)
        try:
            netloc = urlsplit(origin).netloc
        except ValueError:
            return False
        return netloc.lower() == request.headers.get("host", "").lower()

    async def read_json(request: Request) -> Any:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            raise Refused(413, _too_large(lang_of(request)))
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                raise Refused(413, _too_large(lang_of(request)))
        try:
            return json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, _bad_json(lang_of(request))) from None

    def refusals(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def wrapped(request: Request) -> Response:
            try:
                if request.method == "POST" and not same_origin(request):
                    raise Refused(403, _cross_site(lang_of(request)))
                return await handler(request)
            except Refused as exc:
                return error(exc.status, exc.message)
        return wrapped

    # -- joining ---------------------------------------------------------------------------

    async def home(request: Request) -> Response:
        code = request.path_params.get("code", "") or request.query_params.get("code", "")
        return page("join.html", request, code=code.upper()[:12])

    @refusals
    async def join(request: Request) -> Response:
        body = await read_json(request)
        lang = lang_of(request)
        if not isinstance(body, dict):
            raise Refused(400, _bad_json(lang))
        device = room.join(body.get("code", ""), body.get("name", ""), lang)
        response = JSONResponse({"ok": True, "next": "/p"})
        set_cookie(response, DEVICE_COOKIE, room.secrets.device_cookie(device))
        return response

    async def invitation(request: Request) -> Response:
        try:
            device = room.invited(request.path_params["person"], request.path_params["token"], lang_of(request))
        except Refused as exc:
            return page("error.html", request, status=exc.status, message=exc.message)
        response = RedirectResponse("/p", status_code=303)
        set_cookie(response, DEVICE_COOKIE, room.secrets.device_cookie(device))
        return response

    async def switch_language(request: Request) -> Response:
        lang = request.path_params["lang"]
        target = request.query_params.get("next", "/")
        if not target.startswith("/") or target.startswith("//") or "\\" in target:
            target = "/"
        response = RedirectResponse(target, status_code=303)
        if lang in LANGUAGES:
            set_cookie(response, LANG_COOKIE, lang)
        return response

    # -- participants ----------------------------------------------------------------------

    async def participant(request: Request) -> Response:
        device = device_of(request)
        if device is None:
            return RedirectResponse("/", status_code=303)
        return page("participant.html", request, device=device)

    @refusals
    async def form(request: Request) -> Response:
        device = device_of(request)
        lang = lang_of(request)
        if device is None:
            raise Refused(401, texts(lang)["not_joined"])
        html = await anyio.to_thread.run_sync(room.form_html, device, lang)
        return HTMLResponse(html, headers={"cache-control": "no-store"})

    @refusals
    async def submit(request: Request) -> Response:
        device = device_of(request)
        lang = lang_of(request)
        if device is None:
            raise Refused(401, texts(lang)["not_joined"])
        if not room.rate_limit.allow(device.id):
            raise Refused(429, _too_fast(lang))
        body = await read_json(request)
        ack = await writer.submit((device, body, lang))
        if isinstance(ack, Refused):
            raise ack
        if not ack.get("duplicate"):
            hub.changed()
        return JSONResponse(ack, headers={"cache-control": "no-store"})

    # -- projector and facilitator ---------------------------------------------------------

    async def projector(request: Request) -> Response:
        return page("projector.html", request, code=room.code, join_url=public_url)

    async def facilitator_entry(request: Request) -> Response:
        import hmac

        if not hmac.compare_digest(request.path_params["secret"], room.secrets.facilitator):
            return page("error.html", request, status=403, message=_not_facilitator(lang_of(request)))
        response = RedirectResponse("/facilitator", status_code=303)
        set_cookie(response, FACILITATOR_COOKIE, room.secrets.facilitator_cookie())
        return response

    async def facilitator(request: Request) -> Response:
        if not is_facilitator(request):
            return page("error.html", request, status=403, message=_not_facilitator(lang_of(request)))
        return page("facilitator.html", request, code=room.code, join_url=public_url,
                    invitations=room.invitations())

    @refusals
    async def act(request: Request) -> Response:
        lang = lang_of(request)
        if not is_facilitator(request):
            raise Refused(403, _not_facilitator(lang))
        body = await read_json(request)
        answer = await anyio.to_thread.run_sync(room.act, body, lang)
        hub.changed()
        return JSONResponse(answer, headers={"cache-control": "no-store"})

    async def stream(request: Request) -> Response:
        channel = request.path_params["channel"]
        lang = lang_of(request)
        if channel not in ("participant", "projector", "facilitator"):
            return error(404, _unknown_page(lang))
        if channel == "participant" and device_of(request) is None:
            return error(401, texts(lang)["not_joined"])
        if channel == "facilitator" and not is_facilitator(request):
            return error(403, _not_facilitator(lang))
        return StreamingResponse(hub.stream(channel, lang), media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-accel-buffering": "no"})

    async def qr(request: Request) -> Response:
        import segno

        target = f"{public_url.rstrip('/')}/j/{room.code}" if public_url else f"/j/{room.code}"
        code = segno.make(target, error="m")
        import io

        buffer = io.BytesIO()
        code.save(buffer, kind="svg", scale=8, border=2, dark="#000000", light="#ffffff",
                  title="QR", svgclass="qr", xmldecl=False)
        return Response(buffer.getvalue(), media_type="image/svg+xml", headers={"cache-control": "no-store"})

    async def not_found(request: Request, exc: Exception) -> Response:
        lang = lang_of(request)
        if request.url.path.startswith("/api/"):
            return error(404, _unknown_page(lang))
        return page("error.html", request, status=404, message=_unknown_page(lang))

    async def wrong_method(request: Request, exc: Exception) -> Response:
        return error(405, _wrong_method(lang_of(request)))

    async def failure(request: Request, exc: Exception) -> Response:
        # the last resort: still no traceback, and the message says what to do
        return error(500, _internal(lang_of(request)))

    routes = [
        Route("/", home),
        Route("/j/{code}", home),
        Route("/i/{person}/{token}", invitation),
        Route("/lang/{lang}", switch_language),
        Route("/p", participant),
        Route("/projector", projector),
        Route("/f/{secret}", facilitator_entry),
        Route("/facilitator", facilitator),
        Route("/qr.svg", qr),
        Route("/api/join", join, methods=["POST"]),
        Route("/api/form", form),
        Route("/api/submit", submit, methods=["POST"]),
        Route("/api/facilitator", act, methods=["POST"]),
        Route("/api/stream/{channel}", stream),
        Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={404: not_found, 405: wrong_method, 500: failure})
    app.state.hub = hub
    app.state.writer = writer
    app.state.room = room
    return Guard(app, allowed_hosts)


# -- messages (module level, marked with N_, so that the catalogue check sees them) ----------

def _say(lang: str, message: str, **values: object) -> str:
    """``message`` in the participant's language ``lang``, with ``values`` filled in."""
    from toolkit.capture.markdown import translator

    text = translator(lang)(message)
    return text.format(**values) if values else text


def _too_large(lang: str) -> str:
    return _say(lang, N_("The request is too large (at most {size} KiB)."), size=MAX_BODY // 1024)


def _bad_json(lang: str) -> str:
    return _say(lang, N_("The request is not valid JSON."))


def _cross_site(lang: str) -> str:
    return _say(lang, N_("Requests from other sites are refused."))


def _too_fast(lang: str) -> str:
    return _say(lang, N_("Too many submissions from this device; wait a moment and try again."))


def _not_facilitator(lang: str) -> str:
    return _say(lang, N_("This page needs the facilitator's link."))


def _unknown_page(lang: str) -> str:
    return _say(lang, N_("There is no such page."))


def _wrong_method(lang: str) -> str:
    return _say(lang, N_("This address does not take that kind of request."))


def _internal(lang: str) -> str:
    return _say(lang, N_("The server could not handle this request; it is not saved. Try again."))
