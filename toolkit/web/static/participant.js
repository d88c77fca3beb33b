// The participant's page: live step, the current form, and an outbox that keeps every
// submission until the server acknowledged its commit (resent after a lost connection;
// the client-made id makes a resend harmless).
"use strict";
(function () {
  var app = document.getElementById("app");
  var L = app.dataset;
  var formArea = document.getElementById("form-area");
  var statusEl = document.getElementById("status");
  var outboxEl = document.getElementById("outbox");
  var KEY = "cimis-outbox";
  var current = { step: undefined, input: undefined };
  var retryTimer = null, retryDelay = 2000;

  function newId() {
    // crypto.randomUUID needs a secure context; plain http on the LAN is not one
    var bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  function load() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function store(list) { try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* private mode */ } }
  function showOutbox() {
    var list = load();
    outboxEl.textContent = "";
    list.forEach(function (entry) {
      var li = document.createElement("li");
      li.textContent = entry.label + " – " + L.waiting;
      outboxEl.appendChild(li);
    });
  }
  function say(message, kind) {
    statusEl.textContent = message;
    statusEl.className = "status " + (kind || "");
  }

  function readForm(form) {
    var record = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled) return;
      var type = el.dataset.type || "";
      if (type === "level") {
        if (el.checked && el.value) {
          (record[el.value] = record[el.value] || []).push(el.dataset.key);
        }
        return;
      }
      if (type === "const") { if (!(el.name in record)) record[el.name] = JSON.parse(el.value); return; }
      if (el.type === "checkbox" && type === "bool") { record[el.name] = el.checked; return; }
      if (el.type === "checkbox") { if (el.checked) (record[el.name] = record[el.name] || []).push(el.value); return; }
      if (el.type === "radio") { if (el.checked) record[el.name] = el.value; return; }
      if (el.tagName === "BUTTON") return;
      var value = el.value;
      if (type === "int") { if (value === "") return; record[el.name] = parseInt(value, 10); return; }
      if (type === "float") { if (value === "") return; record[el.name] = parseFloat(value); return; }
      if (type === "lines") { record[el.name] = value.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); return; }
      if (value === "" && !el.required) return;
      record[el.name] = value;
    });
    return record;
  }
  function labelOf(form, record) {
    var text = record.text || record.item || record.question || "";
    return String(text).slice(0, 60) || (form.querySelector("button[type=submit]") || {}).textContent || "";
  }

  function send(entry) {
    say(L.sending, "busy");
    return fetch("/api/submit", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: entry.id, step: entry.step, record: entry.record })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok && body.saved) {
          drop(entry.id);
          say(body.held ? L.held : L.saved, "ok");
          retryDelay = 2000;
          if (entry.refresh) loadForm();
          return true;
        }
        if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          drop(entry.id);   // refused: resending would only be refused again
          say(body.error || String(response.status), "error");
          return true;
        }
        throw new Error("retry");
      });
    }).catch(function () {
      say(L.waiting, "warn");
      scheduleRetry();
      return false;
    });
  }
  function drop(id) { store(load().filter(function (e) { return e.id !== id; })); showOutbox(); }
  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  }
  function flush() {
    var list = load();
    showOutbox();
    list.reduce(function (chain, entry) {
      return chain.then(function (ok) { return ok === false ? false : send(entry); });
    }, Promise.resolve(true));
  }
  window.addEventListener("online", flush);

  formArea.addEventListener("submit", function (event) {
    var form = event.target.closest("form.capture");
    if (!form) return;
    event.preventDefault();
    var record = readForm(form);
    var entry = { id: newId(), step: form.dataset.step, record: record, label: labelOf(form, record),
                  refresh: !!form.dataset.refresh };
    var list = load(); list.push(entry); store(list);   // kept before sending: survives a lost network
    showOutbox();
    form.reset();
    send(entry);
  });

  function loadForm() {
    fetch("/api/form", { credentials: "same-origin" }).then(function (r) {
      if (r.status === 401) { location.href = "/"; return null; }
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) return;
      var focused = document.activeElement && document.activeElement.id;
      formArea.innerHTML = html;   // server-rendered, every participant text escaped
      if (focused) { var again = document.getElementById(focused); if (again) again.focus(); }
    }).catch(function () { /* offline: keep the form shown */ });
  }

  function onState(state) {
    Cimis.text(document.getElementById("step-title"), state.title);
    Cimis.text(document.getElementById("item-title"), state.item_title);
    document.getElementById("instructions").innerHTML = state.instructions_html || "";
    document.getElementById("instructions-box").hidden = !state.instructions_html;
    Cimis.timer(document.getElementById("timer"), state, L.paused);
    var changed = state.step !== current.step || state.input_open !== current.input;
    current = { step: state.step, input: state.input_open };
    if (changed) loadForm();
  }
  // forms that list what others sent (questions, checklist items) refresh now and then,
  // spread out over the room; the projector shows every change at once
  setInterval(function () {
    if (document.visibilityState === "visible" && formArea.querySelector("[data-refresh]") &&
        !formArea.contains(document.activeElement)) loadForm();
  }, 8000 + Math.random() * 4000);
  function onConnection(ok) {
    Cimis.text(document.getElementById("connection"), ok ? L.online : L.offline);
    document.getElementById("connection").className = "connection " + (ok ? "ok" : "warn");
    if (ok) flush();
  }
  Cimis.stream("participant", onState, onConnection);
  flush();
})();
