// The timeline has one page per quarter. A link to the index with an entry's anchor
// (timeline/#event-…) is sent on to the quarter page that holds the entry.
(() => {
  if (!document.getElementById("ttt-timeline-index") || !window.location.hash) return;
  const anchor = decodeURIComponent(window.location.hash.slice(1));
  fetch("anchors.json")
    .then((response) => (response.ok ? response.json() : {}))
    .then((anchors) => {
      if (anchors[anchor]) window.location.replace(`${anchors[anchor]}/#${encodeURIComponent(anchor)}`);
    })
    .catch(() => {});
})();
