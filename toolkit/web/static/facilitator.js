// The facilitator's web page: open/close input, moderation, reveal, black screen, steps.
"use strict";
(function () {
  var app = document.getElementById("app");
  var L = app.dataset;
  var errorEl = document.getElementById("action-error");
  var state = {};
  function act(body) {
    errorEl.textContent = "";
    return fetch("/api/facilitator", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (b) { if (!r.ok) errorEl.textContent = b.error || String(r.status); });
    }).catch(function () { errorEl.textContent = L.offline; });
  }
  var keys = { input: "input_open", moderation: "moderated", reveal: "revealed", blackout: "blackout" };
  Array.prototype.forEach.call(document.querySelectorAll("button.toggle"), function (button) {
    button.addEventListener("click", function () {
      var action = button.dataset.action;
      act({ action: action, value: !state[keys[action]] });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-step]"), function (button) {
    button.addEventListener("click", function () { act({ action: button.dataset.step }); });
  });
  var held = document.getElementById("held");
  held.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-record]");
    if (button) act({ action: button.dataset.decision, record: parseInt(button.dataset.record, 10) });
  });
  Cimis.stream("facilitator", function (s) {
    state = s;
    Cimis.text(document.getElementById("step-title"), s.title);
    Cimis.text(document.getElementById("item-title"), s.item_title);
    Cimis.timer(document.getElementById("timer"), s, "");
    Array.prototype.forEach.call(document.querySelectorAll("button.toggle"), function (button) {
      button.setAttribute("aria-pressed", s[keys[button.dataset.action]] ? "true" : "false");
    });
    document.getElementById("view").innerHTML = s.html || "";
    document.getElementById("held-count").textContent = (s.held_records || []).length;
    held.textContent = "";
    (s.held_records || []).forEach(function (rec) {
      var li = document.createElement("li");
      var text = document.createElement("span");
      text.textContent = rec.data.text || JSON.stringify(rec.data);
      li.appendChild(text);
      [["accept", L.accept], ["reject", L.reject]].forEach(function (pair) {
        var b = document.createElement("button");
        b.type = "button"; b.dataset.record = rec.id; b.dataset.decision = pair[0];
        b.textContent = pair[1];
        b.setAttribute("aria-label", pair[1] + ": " + text.textContent);
        li.appendChild(b);
      });
      held.appendChild(li);
    });
  }, function (ok) { Cimis.text(document.getElementById("connection"), ok ? L.online : L.offline); });
})();
