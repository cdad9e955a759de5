// A chart is one tab stop: its marks are links out of the tab order (tabindex="-1"), and while the
// chart's frame (or one of its marks) has focus, the arrow keys move between the marks, Home and
// End go to the first and last, Enter opens the mark, and Escape returns to the frame. Without
// JavaScript the same links are in the list or table beside each chart.
(function () {
  const frames = document.querySelectorAll(".ttt-overview__scroll, .ttt-chart-frame");
  frames.forEach((frame) => {
    const marks = Array.from(frame.querySelectorAll("svg a[href]"));
    if (!marks.length) return;
    frame.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight Home End");
    frame.addEventListener("keydown", (event) => {
      const at = marks.indexOf(document.activeElement);
      let next = null;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") next = at < 0 ? 0 : Math.min(at + 1, marks.length - 1);
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = at < 0 ? 0 : Math.max(at - 1, 0);
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = marks.length - 1;
      else if (event.key === "Escape" && at >= 0) { frame.focus(); event.preventDefault(); return; }
      if (next === null) return;
      event.preventDefault();
      marks[next].focus();
    });
  });
})();
