// journey serve: reload the page when the site it shows has changed.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="journey-version"]');
  var shown = meta ? meta.getAttribute("content") : "";
  var events = new EventSource("/_journey/events");
  events.addEventListener("version", function (e) {
    if (e.data !== shown) window.location.reload();
  });
}());
