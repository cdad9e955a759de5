// Timeline filters: progressive enhancement over the full, no-JavaScript timeline.
// State lives in the URL (?issue=…&kind=…&year=…), so a filtered view can be shared and reloaded.
(() => {
  const form = document.getElementById("ttt-filters");
  if (!form) return;
  const entries = Array.from(document.querySelectorAll("ol.ttt-timeline > li.ttt-entry"));
  const months = Array.from(document.querySelectorAll("ol.ttt-timeline[data-month]"));
  const count = form.querySelector(".ttt-filters__count");
  const names = ["issue", "kind", "year"].filter((name) => form.elements[name]);

  const params = new URLSearchParams(window.location.search);
  for (const name of names) {
    const value = params.get(name);
    const select = form.elements[name];
    if (value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
  }

  function apply() {
    const wanted = Object.fromEntries(names.map((n) => [n, form.elements[n].value]));
    let shown = 0;
    for (const li of entries) {
      const match =
        (!wanted.issue || li.dataset.issues.split(" ").includes(wanted.issue)) &&
        (!wanted.kind || li.dataset.kind === wanted.kind) &&
        (!wanted.year || li.dataset.year === wanted.year);
      li.hidden = !match;
      if (match) shown += 1;
    }
    const yearsShown = new Set();
    for (const list of months) {
      const visible = Array.from(list.children).some((li) => !li.hidden);
      list.hidden = !visible;
      const heading = document.getElementById("m" + list.dataset.month);
      if (heading) heading.hidden = !visible;
      if (visible) yearsShown.add(list.dataset.month.slice(0, 4));
    }
    for (const heading of document.querySelectorAll("h2[id^='y']")) {
      heading.hidden = !yearsShown.has(heading.id.slice(1));
    }
    count.textContent = shown === entries.length
      ? `${entries.length} entries`
      : `${shown} of ${entries.length} entries shown`;
    const query = new URLSearchParams();
    for (const name of names) if (wanted[name]) query.set(name, wanted[name]);
    const search = query.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    // Moving to the previous or next quarter keeps the filters.
    for (const link of document.querySelectorAll("a.ttt-keep-query")) {
      link.search = search;
    }
  }

  // The head script may have filtered with CSS before first paint; hidden attributes take over now.
  function takeOver() {
    apply();
    document.getElementById("ttt-prefilter")?.remove();
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", () => window.setTimeout(apply, 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  takeOver();
})();
