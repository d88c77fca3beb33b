// The browser projector: step, countdown and the result drawn by the server.
"use strict";
(function () {
  var view = document.getElementById("view");
  var count = document.getElementById("count");
  Cimis.stream("projector", function (state) {
    Cimis.text(document.getElementById("step-title"), state.title);
    Cimis.text(document.getElementById("item-title"), state.item_title);
    Cimis.timer(document.getElementById("timer"), state, "");
    view.innerHTML = state.html || "";   // server-rendered, escaped
    Cimis.text(document.getElementById("hidden-note"), state.hidden_note);
    count.textContent = state.step ? count.dataset.label + ": " + (state.contributions || 0) : "";
    document.getElementById("blackout").hidden = !state.blackout;
    document.body.dataset.seq = state.seq;
  });
})();
