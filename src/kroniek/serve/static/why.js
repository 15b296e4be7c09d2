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
      .then((response) => {
        // 503 carries the fragment saying why Frog could not run; anything else that is
        // not a fragment (the event gone: a 404 page) is reported in one line.
        if (!response.ok && response.status !== 503) throw new Error("HTTP " + response.status);
        return response.text();
      })
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
