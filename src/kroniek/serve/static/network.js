// Kroniek's network view: a small force layout drawn as SVG, with draggable nodes.
// Written here rather than taken from a library so the page needs no download at all.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("network");
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const W = 960, H = 600;
  const nodes = data.nodes.map((n, i) => ({ ...n,
    x: W / 2 + 200 * Math.cos(i * 2.4), y: H / 2 + 200 * Math.sin(i * 2.4), vx: 0, vy: 0 }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => byId.has(e.source) && byId.has(e.target))
    .map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target) }));

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    parent.appendChild(node);
    return node;
  }
  // The quad colours of kroniek.serve.data.codes.QUAD_COLOURS (and the page's legend).
  const QUAD = { "verbal cooperation": "#7fb3d5", "material cooperation": "#1f618d",
    "verbal conflict": "#f5b041", "material conflict": "#c0392b" };
  function colour(e) {
    if (e.kind === "relation") return "#888";
    return QUAD[e.quad] || (e.score >= 0 ? "#1f618d" : "#c0392b");
  }
  function quads(e) {
    return Object.entries(e.quads || {}).map(([q, n]) => n + " " + q).join(", ");
  }
  const edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
  for (const e of edges) {
    const link = el("a", { href: "/dyad/" + encodeURIComponent(e.source) + "/" + encodeURIComponent(e.target) }, edgeLayer);
    e.line = el("line", { stroke: colour(e), "stroke-opacity": 0.7,
      "stroke-width": Math.min(1 + Math.sqrt(e.events || 1), 8),
      "stroke-dasharray": e.kind === "relation" ? "4 3" : "" }, link);
    const title = el("title", {}, e.line);
    title.textContent = e.kind === "relation" ? e.source + " " + e.type + " " + e.target
      : e.source + " → " + e.target + ": " + e.events + " events (" + quads(e) + "), score "
        + Number(e.score).toFixed(1);
  }
  for (const n of nodes) {
    n.g = el("g", { class: "node" }, nodeLayer);
    n.r = Math.min(6 + Math.sqrt(n.weight), 22);
    n.circle = el("circle", { r: n.r }, n.g);
    el("title", {}, n.circle).textContent = n.name + " (" + n.id + ")";
    // The label beside the node, not on it: the circle stays visible and clickable, and a
    // white halo (the stylesheet) keeps the name legible over edges.
    const label = el("text", { x: n.r + 4, dy: 4, "text-anchor": "start", class: "label" }, n.g);
    label.textContent = n.name.length > 24 ? n.id : n.name;
    n.circle.addEventListener("pointerdown", (ev) => startDrag(ev, n));
    n.circle.addEventListener("dblclick", () => { location.href = "/actor/" + encodeURIComponent(n.id); });
  }

  // Forces: every pair repels, edges pull like springs, a weak pull to the centre.
  function tick(alpha) {
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy || 1;
        const f = 4000 / d2 * alpha, d = Math.sqrt(d2);
        dx /= d; dy /= d;
        a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
      }
    }
    for (const e of edges) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 140) * 0.02 * alpha;
      e.s.vx += dx / d * f; e.s.vy += dy / d * f; e.t.vx -= dx / d * f; e.t.vy -= dy / d * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.005 * alpha; n.vy += (H / 2 - n.y) * 0.005 * alpha;
      if (n !== dragged) { n.x += n.vx; n.y += n.vy; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x = Math.max(20, Math.min(W - 140, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y));
    }
  }
  function draw() {
    for (const e of edges) {
      e.line.setAttribute("x1", e.s.x); e.line.setAttribute("y1", e.s.y);
      e.line.setAttribute("x2", e.t.x); e.line.setAttribute("y2", e.t.y);
    }
    for (const n of nodes) n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")");
  }
  let dragged = null, alpha = 1;
  function point(ev) {
    const p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function startDrag(ev, n) { dragged = n; alpha = Math.max(alpha, 0.3); ev.preventDefault(); loop(); }
  svg.addEventListener("pointermove", (ev) => {
    if (!dragged) return;
    const p = point(ev); dragged.x = p.x; dragged.y = p.y; draw();
  });
  window.addEventListener("pointerup", () => { dragged = null; });
  let running = false;
  function loop() {
    if (running) return;
    running = true;
    (function frame() {
      tick(alpha); draw(); alpha *= 0.985;
      if (alpha > 0.02 || dragged) requestAnimationFrame(frame); else running = false;
    })();
  }
  for (let i = 0; i < 150; i++) tick(1);  // settle before the first paint
  alpha = 0.2; draw(); loop();
  svg.dataset.ready = "1";
})();
