"""One served session: the engine behind a lock, join code and secrets, device identities,
submissions, facilitator actions, and the snapshots that pages show.

Everything here is synchronous and runs in worker threads (the web app hands calls over
with ``anyio.to_thread``); one lock serialises every use of the engine, whose SQLite
connection and state are not meant for two threads at once. A submission is answered only
after :meth:`toolkit.session.engine.Engine.capture` returned, that is after the durable
commit: "saved" on a phone means saved on disk.

Identities: a device gets a random id when it joins (nothing else is stored about it); a
display name only if the participant typed one. Devices opened through a personal
invitation (jurors, or anyone the plan lists) act as that plan person. Cookies carry these
facts signed with a key kept in the workshop folder, so a restarted server still knows its
devices.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.capture.markdown import translator
from toolkit.errors import CimisError
from toolkit.i18n import LANGUAGES, get_language, set_language

SECRETS_FILE = ".cimis-serve.json"
#: join codes avoid letters and digits that look alike (0/O, 1/I/L)
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
#: longest text of any one field a participant may send
MAX_TEXT = 2000
#: longest display name
MAX_NAME = 40
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class Refused(Exception):
    """A request the room turns down: an HTTP status and a message in the participant's
    language."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Device:
    """A phone (or browser) that joined: ``id`` is random; ``name`` only if given;
    ``person`` is the plan person of a personal invitation."""

    id: str
    name: str = ""
    person: str = ""

    @property
    def identity(self) -> str:
        """Who the device is in records that name someone (a voter, a scorer)."""
        return self.person or f"#{self.id}"

    @property
    def author(self) -> str:
        """The author written with the device's captures."""
        if self.person:
            return self.person
        return f"{self.name}#{self.id}" if self.name else f"#{self.id}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Secrets:
    """What the server keeps in the workshop folder (``.cimis-serve.json``, mode 0600)."""

    key: bytes
    code: str
    facilitator: str

    @classmethod
    def load_or_create(cls, folder: Path) -> Secrets:
        path = folder / SECRETS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found = cls(key=bytes.fromhex(data["key"]), code=str(data["code"]), facilitator=str(data["facilitator"]))
            if len(found.key) >= 16 and len(found.code) == CODE_LENGTH and len(found.facilitator) >= 16:
                return found
        except (OSError, ValueError, KeyError, TypeError):
            pass
        made = cls(key=secrets.token_bytes(32), code="".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
                   facilitator=secrets.token_urlsafe(24))
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": made.key.hex(), "code": made.code, "facilitator": made.facilitator}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return made

    def sign(self, text: str) -> str:
        return _b64(hmac.new(self.key, text.encode("utf-8"), hashlib.sha256).digest()[:18])

    def device_cookie(self, device: Device) -> str:
        body = _b64(json.dumps({"d": device.id, "n": device.name, "p": device.person},
                               separators=(",", ":")).encode("utf-8"))
        return f"{body}.{self.sign('device:' + body)}"

    def read_device(self, cookie: str | None) -> Device | None:
        if not cookie or "." not in cookie or len(cookie) > 600:
            return None
        body, _dot, sig = cookie.rpartition(".")
        if not hmac.compare_digest(sig, self.sign("device:" + body)):
            return None
        try:
            data = json.loads(_unb64(body))
            return Device(id=str(data["d"]), name=str(data.get("n", "")), person=str(data.get("p", "")))
        except (ValueError, KeyError, TypeError):
            return None

    def facilitator_cookie(self) -> str:
        return self.sign("facilitator:" + self.facilitator)

    def is_facilitator(self, cookie: str | None) -> bool:
        return bool(cookie) and hmac.compare_digest(cookie or "", self.facilitator_cookie())

    def invitation(self, person: str) -> str:
        """The token of ``person``'s personal link (``/i/<person>/<token>``)."""
        return self.sign("invite:" + person)

    def check_invitation(self, person: str, token: str) -> bool:
        return hmac.compare_digest(token, self.invitation(person))


class RateLimit:
    """A token bucket per device: ``rate`` requests a second, bursts up to ``burst``."""

    def __init__(self, rate: float = 5.0, burst: float = 20.0, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > 50_000:  # forget idle devices rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return True


def _instructions_html(text: str) -> str:
    """A step's Markdown instructions as HTML; raw HTML in them is escaped."""
    if not text or not text.strip():
        return ""
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark", {"html": False}).render(text))


def _longest_text(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Mapping):
        return max((_longest_text(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return max((_longest_text(v) for v in value), default=0)
    return 0


@dataclass
class _Cache:
    seq: int = -1
    views: dict[tuple[str, str], Any] = field(default_factory=dict)


class Room:
    """The session of one workshop folder as the web server serves it."""

    def __init__(self, folder: Path | str, *, clock: Any = None, rate: float = 5.0, burst: float = 20.0):
        from toolkit.session.engine import Engine

        self.folder = Path(folder)
        self.engine = Engine(self.folder, clock, author="web")
        self.secrets = Secrets.load_or_create(self.folder)
        self.lock = threading.RLock()
        self.rate_limit = RateLimit(rate, burst)
        self.language = self.engine.agenda.language if self.engine.agenda.language in LANGUAGES else "en"
        self._cache = _Cache()

    # -- basics --------------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self.secrets.code

    def close(self) -> None:
        with self.lock:
            self.engine.close()

    def other_language(self, lang: str) -> str:
        return "de" if lang == "en" else "en"

    @contextmanager
    def speaking(self, lang: str) -> Iterator[None]:
        """Run engine calls with messages in ``lang`` (the engine translates with the
        process-wide language; every engine call holds :attr:`lock`, so this is safe)."""
        before = get_language()
        set_language(lang if lang in LANGUAGES else self.language)
        try:
            yield
        finally:
            set_language(before)

    def refresh(self) -> bool:
        """Catch up with what other processes (the terminal UI) committed; whether the
        session changed."""
        with self.lock:
            before = self.engine.state.last_seq
            self.engine.refresh()
            return self.engine.state.last_seq != before

    @property
    def seq(self) -> int:
        return self.engine.state.last_seq

    def person_name(self, person: str) -> str:
        for p in self.engine.agenda.people:
            if p.id == person:
                return p.name
        return ""

    def person_role(self, person: str) -> str:
        for p in self.engine.agenda.people:
            if p.id == person:
                return p.role
        return ""

    # -- joining -------------------------------------------------------------------------

    def join(self, code: str, name: str, lang: str) -> Device:
        _ = translator(lang)
        if not isinstance(code, str) or not hmac.compare_digest(code.strip().upper()[:CODE_LENGTH * 2], self.code):
            raise Refused(403, _("This join code is not valid. Check the code on the screen."))
        if not isinstance(name, str):
            raise Refused(400, _("The name must be text."))
        name = " ".join(name.split())
        if len(name) > MAX_NAME:
            raise Refused(413, _("The name is too long (at most {max} characters).").format(max=MAX_NAME))
        if "#" in name:
            raise Refused(400, _("The name may not contain '#'."))
        return Device(id=secrets.token_hex(8), name=name)

    def invited(self, person: str, token: str, lang: str) -> Device:
        _ = translator(lang)
        if not self.secrets.check_invitation(person, token) or not self.person_role(person):
            raise Refused(403, _("This invitation link is not valid."))
        return Device(id=secrets.token_hex(8), person=person)

    def invitations(self) -> list[dict[str, str]]:
        """Every plan person's personal link path, jurors first."""
        people = sorted(self.engine.agenda.people, key=lambda p: (p.role != "jury", p.role))
        return [{"person": p.id, "name": p.name, "role": p.role,
                 "path": f"/i/{p.id}/{self.secrets.invitation(p.id)}"} for p in people]

    # -- the current step ----------------------------------------------------------------

    def _current(self) -> tuple[Any, Any, Any] | None:
        """(position, step, kind) of the current step, or None."""
        position = self.engine.position
        if position is None or self.engine.state.finished:
            return None
        step = position.step
        kind = self.engine.kinds.get(step.capture_kind) if step.capture_kind else None
        return position, step, kind

    def _step_info(self, lang: str) -> dict[str, Any]:
        _ = translator(lang)
        engine = self.engine
        state = engine.state
        current = self._current()
        info: dict[str, Any] = {"lang": lang, "workshop": engine.agenda.title,
                                "finished": state.finished, "started": state.started, "blackout": state.blackout}
        if current is None:
            info.update(step=None, title=_("The session has ended.") if state.finished
                        else _("The session has not started yet."))
            return info
        position, step, kind = current
        timer = engine.timer()
        now = engine.now()
        presenter = engine.presenter()
        prompt = getattr(step.options, "prompt", None) if step.options is not None else None
        info.update(
            step=f"{position.item.id}.{step.id}", item_title=position.item.title, title=step.title,
            instructions_html=_instructions_html(step.instructions), prompt=prompt or "",
            kind=kind.name if kind is not None else None,
            kind_title=(kind.title.get(lang) or kind.title.get("en", kind.name)) if kind is not None else "",
            remaining=round(timer.remaining(now), 1), allowed=timer.allowed, entered=timer.entered,
            running=timer.running, paused=timer.paused,
            input_open=presenter.input_open and kind is not None, moderated=presenter.moderated,
            revealed=presenter.revealed, held=presenter.held,
        )
        return info

    def participant_view(self, lang: str) -> dict[str, Any]:
        """What every participant's page gets pushed: the step, its timer, whether input is
        open (the same for every device)."""
        with self.lock:
            return dict(self._cached(("participant", lang), lambda: self._step_info(lang)))

    def projector_view(self, lang: str) -> dict[str, Any]:
        """The projector's snapshot: the step and the result as HTML (SVG charts), or a
        note that results are hidden until revealed."""
        return self._live("projector", lang)

    def facilitator_view(self, lang: str) -> dict[str, Any]:
        """The projector's snapshot plus what waits for moderation, and the result even
        while it is hidden from the room."""
        return self._live("facilitator", lang)

    def _live(self, channel: str, lang: str) -> dict[str, Any]:
        """Gather under the lock (cheap), compute the result and draw it outside (a step
        with thousands of cards takes a while, and submissions must not wait for that)."""
        key = (channel, lang)
        with self.lock:
            cache = self._cache
            seq = self.engine.state.last_seq
            if cache.seq == seq and key in cache.views:
                return dict(cache.views[key])
            with self.speaking(lang):
                info, job = self._gather(channel, lang)
        if job is not None:
            from toolkit.web.forms import result_html

            kind, snapshot, options, context, audience = job
            # the records are read outside the lock: submissions are not kept waiting by a
            # projector rebuild of a step with thousands of cards
            result = kind.result(self.engine.records_of(snapshot), options, context)
            info["html"] = result_html(kind, result, options, lang, audience=audience, context=context)
        with self.lock:
            if self._cache.seq != seq and self.engine.state.last_seq == seq:
                self._cache.seq, self._cache.views = seq, {}
            if self._cache.seq == seq:
                self._cache.views[key] = info
        return dict(info)

    def _gather(self, channel: str, lang: str) -> tuple[dict[str, Any], Any]:
        """The snapshot without its result HTML, and what computing that needs: (kind,
        records, options, a context whose referenced results are computed already,
        audience), or None."""
        from toolkit.capture.base import CaptureContext

        _ = translator(lang)
        engine = self.engine
        info = self._step_info(lang)
        info["seq"] = engine.state.last_seq
        info["html"] = ""
        info["contributions"] = 0
        current = self._current()
        job = None
        if current is not None:
            position, step, kind = current
            item_id = position.item.id
            if channel == "facilitator":
                info["held_records"] = [{"id": r.id, "data": r.data, "author": r.author.partition("#")[0]}
                                        for r in engine.held()]
            if kind is not None:
                snapshot = engine.snapshot(item_id, step.id)
                moderation = snapshot[2]
                info["contributions"] = sum(1 for r in snapshot[1] if r.id not in moderation) if moderation \
                    else len(snapshot[1])
                if not info["revealed"]:
                    info["hidden_note"] = _("Results are hidden until the facilitator reveals them.")
                if info["revealed"] or channel == "facilitator":
                    live = engine.context(item_id)
                    known = {ref: live.results(ref) for ref in kind.references(step.options)}
                    context = CaptureContext(people=live.people, seed=live.seed, lang=live.lang,
                                             results=known.get)
                    job = (kind, snapshot, step.options, context, channel)
        if channel == "facilitator":
            info.setdefault("held_records", [])
        return info, job

    def _cached(self, key: tuple[str, str], build: Callable[[], Any]) -> Any:
        cache = self._cache
        seq = self.engine.state.last_seq
        if cache.seq != seq:
            cache.seq, cache.views = seq, {}
        if key not in cache.views:
            with self.speaking(key[1]):
                cache.views[key] = build()
        return cache.views[key]

    # -- the participant's form ----------------------------------------------------------

    def form_html(self, device: Device, lang: str) -> str:
        """The current step's form for ``device`` (a kind's own, or generated)."""
        from toolkit.web.forms import FormView, form_html

        with self.lock, self.speaking(lang):
            current = self._current()
            _ = translator(lang)
            if current is None:
                return ""
            position, step, kind = current
            if kind is None:
                return ""
            presenter = self.engine.presenter()
            if not presenter.input_open:
                return f'<p class="note">{_("Input to this step is closed.")}</p>'
            refusal = self._role_refusal(kind, step, device, lang)
            # a step the room only checks in to (speed dating) shows invited people their form
            self_ops = kind.web_self_ops(step.options)
            if refusal and self_ops and not device.person:
                return f'<p class="note">{_("Checking in needs your personal link; ask the facilitator.")}</p>'
            if refusal and not (device.person and self_ops):
                return f'<p class="note">{refusal}</p>'
            item_id = position.item.id
            context = self.engine.context(item_id)
            mine = [r.data for r in self.engine.state.step_records(item_id, step.id) if r.author == device.author]
            source = None
            ref = getattr(step.options, "source", None)
            if ref:
                try:
                    target_item, _dot, target_step = ref.rpartition(".")
                    source = self.engine.result(target_item or item_id, target_step)
                except CimisError:
                    source = None
            from toolkit.web.texts import texts

            result = None if kind.results_hidden else self.engine.result(item_id, step.id)
            view = FormView(kind=kind, options=step.options, step=f"{item_id}.{step.id}", lang=lang,
                            device=device, people=list(context.people), source=source, mine=mine,
                            labels=kind.labels.get(lang, {}) if kind.labels else {}, t=_,
                            result=result, texts=texts(lang))
            return form_html(view)

    def _role_refusal(self, kind: Any, step: Any, device: Device, lang: str) -> str:
        """Why ``device`` may not capture into this step (jury only, personal link needed)."""
        _ = translator(lang)
        role = getattr(kind, "web_role", None)
        if role:
            # a kind whose options name the role (the scorecard's scorers) uses that role
            role = getattr(step.options, "scorers", None) or role
            if not device.person or self.person_role(device.person) != role:
                return _("Only devices invited as {role} can take part in this step.").format(role=role)
        return ""

    # -- submissions ---------------------------------------------------------------------

    def submit(self, device: Device, body: Any, lang: str) -> dict[str, Any]:
        """Capture one record from a participant; returns the acknowledgement, raises
        :class:`Refused` with a clear message otherwise. Returns only after the commit."""
        outcome = self.submit_many([(device, body, lang)])[0]
        if isinstance(outcome, Refused):
            raise outcome
        return outcome

    def submit_many(self, jobs: Sequence[tuple[Device, Any, str]]) -> list[dict[str, Any] | Refused]:
        """Capture the records of several submissions in one durable transaction (a group
        commit: :class:`toolkit.web.writer.GroupWriter` gathers what arrives while the previous
        commit runs); for each, its acknowledgement or its :class:`Refused`. Nothing is
        acknowledged before the commit; when the commit fails, every submission of the batch
        is refused with a 503 (nothing of it was written: the phones send again)."""
        from toolkit.session.engine import CaptureRequest, RecordInvalid, StepMoved
        from toolkit.web.labels import unknown_person

        outcomes: list[dict[str, Any] | Refused | None] = [None] * len(jobs)
        checked: dict[int, tuple[str, str, str, dict[str, Any], str]] = {}
        for n, (device, body, lang) in enumerate(jobs):
            try:
                checked[n] = self._check_body(body, device, lang)
            except Refused as exc:
                outcomes[n] = exc
        with self.lock:
            engine = self.engine
            # no catching up first: the capture does so inside its transaction, and checks
            # there that the step is still the current one; the state is looked at anew only
            # when it seems to refuse a submission (the terminal UI may have moved on)
            refreshed = False
            requests: list[CaptureRequest] = []
            order: list[int] = []
            for n, (client_id, item_id, step_id, record, stored_id) in checked.items():
                device, _body, lang = jobs[n]
                try:
                    with self.speaking(lang):
                        # a resend of something saved before is acknowledged again, whatever
                        # the step is now; the same id for something else is a conflict
                        if stored_id in engine.state.capture_ids:
                            outcomes[n] = self._resent(stored_id, client_id, item_id, step_id, record, device, lang)
                            continue
                        try:
                            kind = self._open_kind(item_id, step_id, device, lang, record)
                        except Refused:
                            if refreshed:
                                raise
                            engine.refresh()
                            refreshed = True
                            kind = self._open_kind(item_id, step_id, device, lang, record)
                        record = self._as_sent(kind, item_id, step_id, record, device)
                        unknown = unknown_person(kind, record, engine.agenda.people, lang,
                                                 skip=getattr(kind, "web_identity", None))
                        if unknown:
                            raise Refused(422, unknown)
                except Refused as exc:
                    outcomes[n] = exc
                    continue
                requests.append(CaptureRequest(record, item_id=item_id,
                                               step_id=step_id, author=device.author, client_id=stored_id,
                                               participant=True, lang=lang, current_only=True))
                order.append(n)
            try:
                saved_all = engine.capture_many(requests) if requests else []
            except CimisError as exc:
                for n in order:
                    _ = translator(jobs[n][2])
                    outcomes[n] = Refused(503, _("Not saved: {error}. Send it again.").format(error=exc))
                saved_all = []
            for n, request, saved in zip(order, requests, saved_all):
                device, _body, lang = jobs[n]
                client_id, item_id, step_id, record, stored_id = checked[n]
                with self.speaking(lang):
                    if isinstance(saved, CimisError):
                        if isinstance(saved, RecordInvalid):
                            from toolkit.web.labels import invalid_message

                            outcomes[n] = Refused(422, invalid_message(saved, lang))
                            continue
                        if isinstance(saved, StepMoved):
                            _ = translator(lang)
                            outcomes[n] = Refused(409, _("This step is not open for input any more."))
                            continue
                        closed = not engine.presenter(item_id, step_id).input_open or engine.state.finished
                        outcomes[n] = Refused(409 if closed else 422, str(saved))
                    elif not saved.new:
                        try:
                            outcomes[n] = self._resent(stored_id, client_id, item_id, step_id, dict(request.record),
                                                       device, lang)
                        except Refused as exc:
                            outcomes[n] = exc
                    else:
                        outcomes[n] = {"saved": True, "id": client_id, "seq": saved.event.seq, "duplicate": False,
                                       "held": bool(saved.event.payload.get("held"))}
        done = [outcome for outcome in outcomes if outcome is not None]
        assert len(done) == len(jobs)  # each was refused or answered
        return done

    def _check_body(self, body: Any, device: Device, lang: str) -> tuple[str, str, str, dict[str, Any], str]:
        """(client id, item, step, record, stored client id) of a well-formed submission."""
        _ = translator(lang)
        if not isinstance(body, dict):
            raise Refused(400, _("The request must be a JSON object."))
        client_id, step_ref, record = body.get("id"), body.get("step"), body.get("record")
        if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
            raise Refused(400, _("The submission needs an id of 8 to 64 letters, digits, '-' or '_'."))
        if not isinstance(step_ref, str) or "." not in step_ref:
            raise Refused(400, _("The submission must name its step."))
        if not isinstance(record, dict):
            raise Refused(400, _("The record must be a JSON object."))
        if _longest_text(record) > MAX_TEXT:
            raise Refused(413, _("The text is too long (at most {max} characters).").format(max=MAX_TEXT))
        item_id, _dot, step_id = step_ref.partition(".")
        return client_id, item_id, step_id, record, f"web:{device.id}:{client_id}"

    def _open_kind(self, item_id: str, step_id: str, device: Device, lang: str,
                   record: Mapping[str, Any] | None = None) -> Any:
        """The kind of the current step, which must be ``item_id.step_id`` and take
        ``record`` from ``device``; :class:`Refused` otherwise."""
        _ = translator(lang)
        engine = self.engine
        try:
            step = engine.step(item_id, step_id)
        except CimisError:
            raise Refused(404, _("There is no step '{ref}'.").format(ref=f"{item_id}.{step_id}")) from None
        current = self._current()
        if current is None or (current[0].item.id, current[1].id) != (item_id, step_id):
            raise Refused(409, _("This step is not open for input any more."))
        kind = current[2]
        if kind is None:
            raise Refused(409, _("This step takes no input."))
        if record is not None and record.get("op") in kind.web_self_ops(step.options):
            # about the device's own person (a check-in): any invited person may send it
            if not device.person:
                raise Refused(403, _("Checking in needs your personal link; ask the facilitator."))
            return kind
        refusal = self._role_refusal(kind, step, device, lang)
        if refusal:
            raise Refused(403, refusal)
        return kind

    def _as_sent(self, kind: Any, item_id: str, step_id: str, record: dict[str, Any],
                 device: Device) -> dict[str, Any]:
        """The record as stored: the fields that name the sender filled with the device's
        identity, so that nobody can act (or check in) as someone else."""
        ops = kind.web_self_ops(self.engine.step(item_id, step_id).options)
        own = ops.get(record.get("op")) if ops else None
        if own and device.person:
            return {**record, own: device.person}
        return self._with_identity(kind, record, device)

    def _with_identity(self, kind: Any, record: dict[str, Any], device: Device) -> dict[str, Any]:
        field_name = getattr(kind, "web_identity", None)
        if field_name:
            record = {**record, field_name: device.identity}
        return record

    def _resent(self, stored_id: str, client_id: str, item_id: str, step_id: str, record: dict[str, Any],
                device: Device, lang: str) -> dict[str, Any]:
        _ = translator(lang)
        stored = self.engine.store.event_by_client_id(stored_id)
        if stored is None or (stored.item, stored.step) != (item_id, step_id):
            raise Refused(409, _("This id was already used for another submission."))
        kind = self.engine.kinds.get(stored.payload.get("kind", ""))
        if kind is None:
            raise Refused(409, _("This id was already used for another submission."))
        try:
            sent = kind.Record.model_validate(self._as_sent(kind, item_id, step_id, record, device)).model_dump(
                mode="json")
        except Exception:  # noqa: BLE001 - any invalid resend is simply not the same submission
            sent = None
        if sent != stored.payload.get("record"):
            raise Refused(409, _("This id was already used for another submission."))
        return {"saved": True, "id": client_id, "seq": stored.seq, "duplicate": True,
                "held": bool(stored.payload.get("held"))}

    # -- the facilitator -----------------------------------------------------------------

    def act(self, body: Any, lang: str) -> dict[str, Any]:
        """A facilitator action: ``{"action": "input"|"moderation"|"reveal"|"blackout",
        "value": bool}`` for the current step, or ``{"action": "accept"|"reject",
        "record": id}``, or ``{"action": "next"|"previous"}``."""
        _ = translator(lang)
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise Refused(400, _("The request must be a JSON object with an action."))
        action = body["action"]
        saved: Any
        with self.lock, self.speaking(lang):
            engine = self.engine
            engine.refresh()
            try:
                if action in ("input", "moderation", "reveal", "blackout"):
                    value = body.get("value")
                    if not isinstance(value, bool):
                        raise Refused(400, _("The value must be true or false."))
                    setter = {"input": engine.set_input, "moderation": engine.set_moderation,
                              "reveal": engine.set_reveal}.get(action)
                    saved = setter(value) if setter is not None else engine.set_blackout(value)
                elif action in ("accept", "reject"):
                    record = body.get("record")
                    if not isinstance(record, int) or isinstance(record, bool):
                        raise Refused(400, _("The record must be a number."))
                    saved = engine.moderate(record, action == "accept", author="facilitator")
                elif action in ("next", "previous"):
                    saved = engine.next_step() if action == "next" else engine.previous_step()
                else:
                    raise Refused(400, _("Unknown action '{action}'.").format(action=action))
            except CimisError as exc:
                raise Refused(409, str(exc)) from None
        return {"ok": True, "changed": saved is not None}
