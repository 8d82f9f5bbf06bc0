// Marks the page (body.overflow, a magenta square top left) when the content does not fit the phone screen:
// main scrolls, or a text element reaches past the right edge of the viewport or of its card.
// scripts/gen_screens.py looks for the square and re-renders the screen with a smaller code.
(function () {
  var bad = false;
  var main = document.querySelector("main");
  if (main && main.scrollHeight > main.clientHeight + 1) bad = true;
  var limit = window.innerWidth - 4;
  document.querySelectorAll(".value, .name, .label, .fit").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit) bad = true;
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline") bad = true;
  });
  if (bad) document.body.classList.add("overflow");
})();
