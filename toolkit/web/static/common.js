// Shared by the live pages: one server-sent-event stream per page, a local countdown.
"use strict";
window.Cimis = (function () {
  function stream(channel, onState, onConnection) {
    // EventSource reconnects by itself; one stream per page keeps within the browser's
    // six connections per host however many tabs the facilitator opens
    var source = new EventSource("/api/stream/" + channel);
    source.addEventListener("state", function (event) {
      try { onState(JSON.parse(event.data)); } catch (e) { /* a broken message: wait for the next */ }
    });
    source.onopen = function () { if (onConnection) onConnection(true); };
    source.onerror = function () { if (onConnection) onConnection(false); };
    return source;
  }

  var deadline = null, paused = false, timerEl = null, pausedText = "";
  function clock(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(Math.round(seconds));
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return sign + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    if (!timerEl || deadline === null) return;
    var left = paused ? deadline : deadline - Date.now() / 1000;
    timerEl.textContent = clock(left) + (paused ? " (" + pausedText + ")" : "");
  }
  function timer(el, state, pausedLabel) {
    timerEl = el; pausedText = pausedLabel || "";
    if (state.remaining === undefined || state.step === null) { deadline = null; el.textContent = "–"; return; }
    paused = !state.running;
    deadline = paused ? state.remaining : Date.now() / 1000 + state.remaining;
    tick();
  }
  setInterval(tick, 1000);

  function text(el, value) { if (el) el.textContent = value || ""; }

  return { stream: stream, timer: timer, text: text };
})();
