// The map page: a double click zooms in on the point clicked (shift: zooms out), by asking
// the server for the map centred there. The map is Vega's SVG in the Equal Earth
// projection; this inverts that projection (d3-geo's geoEqualEarth) for the click.
(function () {
  "use strict";
  const svg = document.getElementById("map-chart");
  const box = document.getElementById("map-view");
  if (!svg || !box) return;
  const view = JSON.parse(box.textContent);
  const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;

  function forwardY(phi) {
    const l = Math.asin(M * Math.sin(phi)), l2 = l * l, l6 = l2 * l2 * l2;
    return l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
  }
  function inverse(x, y) {
    let l = y;
    for (let i = 0; i < 12; i++) {
      const l2 = l * l, l6 = l2 * l2 * l2;
      const delta = (l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - y)
        / (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2));
      l -= delta;
      if (Math.abs(delta) < 1e-12) break;
    }
    const l2 = l * l, l6 = l2 * l2 * l2;
    const lambda = M * x * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)) / Math.cos(l);
    return [lambda, Math.asin(Math.sin(l) / M)];
  }
  // Vega puts the plot inside a group moved by its padding: the first <g>'s translate.
  function plotOffset() {
    const group = svg.querySelector("g[transform]");
    const found = /translate\(([-\d.]+),([-\d.]+)\)/.exec(group ? group.getAttribute("transform") : "");
    return found ? [Number(found[1]), Number(found[2])] : [0, 0];
  }
  svg.addEventListener("dblclick", (event) => {
    const point = svg.createSVGPoint();
    point.x = event.clientX; point.y = event.clientY;
    const local = point.matrixTransform(svg.getScreenCTM().inverse());
    const [dx, dy] = plotOffset();
    const rad = Math.PI / 180;
    const x = (local.x - dx - view.translate[0]) / view.scale;
    const y = forwardY(view.lat * rad) + (view.translate[1] - (local.y - dy)) / view.scale;
    const [lambda, phi] = inverse(x, y);
    if (!isFinite(lambda) || !isFinite(phi) || Math.abs(lambda) > Math.PI) return;
    const lon = ((lambda / rad + view.lon + 540) % 360) - 180;
    const lat = Math.max(-80, Math.min(80, phi / rad));
    const zoom = event.shiftKey ? Math.max(1, Math.floor(view.zoom / 2))
      : Math.min(view.max_zoom, view.zoom * 2);
    const query = new URLSearchParams(view.dates);
    query.set("zoom", zoom); query.set("lon", lon.toFixed(2)); query.set("lat", lat.toFixed(2));
    location.href = "/map?" + query.toString();
  });
})();
