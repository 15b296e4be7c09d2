// "Why this record" on the event page: the explanation is made only when the section is
// opened (it costs Frog time), fetched from the server as an escaped HTML fragment.
"use strict";
for (const details of document.querySelectorAll("details.why[data-src]")) {
  details.addEventListener("toggle", () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    const body = details.querySelector(".why-body");
    body.textContent = "Analysing the sentence once more…";
    fetch(details.dataset.src, {headers: {accept: "text/html"}})
      .then((response) => response.text())
      .then((html) => {
        // The fragment is rendered by the server with every value escaped; parse it
        // inertly and move its nodes in (the page's CSP would block any script anyway).
        const parsed = new DOMParser().parseFromString(html, "text/html");
        body.replaceChildren(...parsed.body.childNodes);
        details.dataset.ready = "1";
      })
      .catch((error) => {
        body.textContent = "The explanation could not be loaded: " + error;
        details.dataset.ready = "1";
        delete details.dataset.loaded;
      });
  });
}
