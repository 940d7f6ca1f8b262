// Measures a report in the browser: text under 11 CSS px (an SVG's text
// scaled by its transforms), text outside its box (an SVG text outside
// every rect.box of its SVG; an html text wider than its element, or past
// the page's edge outside a scrolling region). Writes JSON into
// a pre element (id e2e-result) for --dump-dom.
(function () {
  function scrolls(el) {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  }
  function check() {
    const out = { texts: 0, small: [], overflow: [] };
    const seen = new Set();
    const vw = document.documentElement.clientWidth;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode;
      const s = n.nodeValue.trim();
      const el = n.parentElement;
      if (!s || !el || seen.has(el) || el.closest('title,desc,style,script,pre#e2e-result')) continue;
      seen.add(el);
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.getClientRects().length === 0) continue;
      out.texts++;
      let size = parseFloat(cs.fontSize);
      if (el instanceof SVGElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
      if (size < 10.99) out.small.push(size.toFixed(2) + 'px: ' + s.slice(0, 60));
      if (el instanceof SVGTextElement) {
        const boxes = el.ownerSVGElement.querySelectorAll('rect.box');
        if (boxes.length === 0) continue;
        const tr = el.getBoundingClientRect();
        let inside = false;
        for (const b of boxes) {
          const br = b.getBoundingClientRect();
          if (tr.left >= br.left - 1 && tr.right <= br.right + 1 && tr.top >= br.top - 1 && tr.bottom <= br.bottom + 1) { inside = true; break; }
        }
        if (!inside) out.overflow.push('svg text in no box: ' + s.slice(0, 60));
        continue;
      }
      const r = document.createRange();
      r.selectNodeContents(n);
      const tr = r.getBoundingClientRect();
      const er = el.getBoundingClientRect();
      if (tr.right > er.right + 1 || tr.left < er.left - 1) {
        out.overflow.push('wider than its <' + el.tagName.toLowerCase() + '>: ' + s.slice(0, 60));
      } else if (tr.right > vw + 1 && !scrolls(el)) {
        out.overflow.push('past the page edge: ' + s.slice(0, 60));
      }
    }
    const pre = document.createElement('pre');
    pre.id = 'e2e-result';
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  window.addEventListener('load', function () { document.fonts.ready.then(check); });
})();
