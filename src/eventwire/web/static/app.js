// eventwire: a little hand-written JavaScript, no libraries. Pages work without it.
"use strict";

// Scroll the article to the record named in ?focus= or #id and mark its pieces.
function focusRecord(id, scroll) {
  if (!id) return;
  const pieces = document.querySelectorAll(".hl[data-records]");
  let first = null;
  pieces.forEach(function (el) {
    const on = el.dataset.records.split(" ").indexOf(id) >= 0;
    el.classList.toggle("focus", on);
    if (on) {
      el.classList.add("flash");
      first = first || el;
    }
  });
  const anchor = document.getElementById(id) || first;
  if (anchor && scroll) anchor.scrollIntoView({ block: "center" });
}

// Leave empty fields out of a filter form's query string (the server rejects blank dates/types).
function tidyForm(form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (el) {
      if (!el.value) el.disabled = true;
    });
  });
  form.querySelectorAll("select").forEach(function (el) {
    el.addEventListener("change", function () { form.requestSubmit(); });
  });
}

// Hide the rows of the table on this page that do not contain the typed text.
function quickFilter(input) {
  const rows = document.querySelectorAll("table.events-table tbody tr");
  input.addEventListener("input", function () {
    const needle = input.value.toLowerCase();
    rows.forEach(function (tr) {
      tr.hidden = needle !== "" && tr.textContent.toLowerCase().indexOf(needle) < 0;
    });
  });
}

document.addEventListener("DOMContentLoaded", function () {
  const text = document.querySelector(".article-text");
  if (text) {
    const hash = decodeURIComponent(location.hash.slice(1));
    focusRecord(hash || text.dataset.focus, text.dataset.scroll !== "false");
    window.addEventListener("hashchange", function () { focusRecord(decodeURIComponent(location.hash.slice(1)), true); });
  }
  document.querySelectorAll("form.filters").forEach(tidyForm);
  const quick = document.getElementById("table-filter");
  if (quick) quickFilter(quick);
});
