// Joining with a code (and an optional display name).
"use strict";
(function () {
  var form = document.getElementById("join");
  var errorEl = document.getElementById("join-error");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorEl.textContent = "";
    fetch("/api/join", {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: form.code.value.trim(), name: form.name.value.trim() })
    }).then(function (r) {
      return r.json().then(function (b) {
        if (r.ok) { location.href = b.next || "/p"; } else { errorEl.textContent = b.error || String(r.status); form.code.focus(); }
      });
    }).catch(function () { errorEl.textContent = "…"; });
  });
})();
