// Draws an object graph as SVG: frames and their names on the left, objects as boxes in columns by
// distance from the names, an arrow from each name and each reference to its object; below them,
// objects alive that no name reaches (a leaked cycle). Accepts the heap answer form {names, objects}
// and the playground's {frames, objects, unreachable}.
const NS = 'http://www.w3.org/2000/svg';
const CH = 7.4;       // width of one character of the 12px monospace font
const ROW = 20;       // one text row
const PAD = 8;
const GAP_X = 70;     // room between columns for the arrows
const GAP_Y = 16;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const short = (s, n = 28) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const countText = o => (o.refcount === null || o.refcount === undefined ? 'rc ?' : 'rc ' + o.refcount);

/** One sentence per object, for screen readers and as the diagram's text alternative. */
function describeGraph(g, counts) {
  const frames = framesOf(g);
  const byId = new Map(g.objects.map(o => [o.id, o]));
  const name = id => { if (id == null) return 'nothing yet'; const o = byId.get(id); return o ? `${o.type}${o.value != null ? ' ' + o.value : ''} (#${id})` : `#${id}`; };
  const parts = [];
  frames.forEach((f, i) => {
    for (const [n, id] of Object.entries(f.names)) parts.push(`${f.function ? frameLabel(f, i, frames.length) + ': ' : ''}${n} refers to ${name(id)}.`);
  });
  if (g.unreachable?.length) parts.push(`Alive but reached by no name, holding each other: ${g.unreachable.map(name).join(', ')}.`);
  for (const o of g.objects) {
    const rc = !counts ? '' : o.refcount == null ? ', refcount not fixed by CPython' : `, refcount ${o.refcount}`;
    const refs = o.refs.map(r => `${r.label} to ${name(r.to)}`).join(', ');
    parts.push(`${name(o.id)}${rc}${refs ? '; ' + refs : ''}.`);
  }
  return parts.join(' ') || 'No names, no objects.';
}

/**
 * What a frame box is called: a function's frame as a call, f(), so it is never read as the function
 * object f; each outer frame with the line of the call it waits in, which has not finished (the
 * innermost frame is where the picture is taken, which its caption says).
 */
function frameLabel(f, i, count) {
  if (!f.function) return 'names';
  const name = f.function.startsWith('<') ? f.function : `${f.function}()`;
  return i < count - 1 && f.line ? `${name} · in the call at line ${f.line}` : name;
}

function framesOf(g) {
  return g.frames ?? [{ function: null, names: g.names ?? {} }];
}

/**
 * Columns by breadth-first distance from the seeds, over objects not yet taken; returns the columns
 * and adds what they hold to taken. Seeds start together (all at distance 0) or one after another.
 */
function columns(g, seeds, taken, together = true) {
  const byId = new Map(g.objects.map(o => [o.id, o]));
  const depth = new Map();
  const queue = [];
  const reach = (id, d) => { if (byId.has(id) && !taken.has(id) && !depth.has(id)) { depth.set(id, d); queue.push(id); } };
  const drain = () => { while (queue.length) { const id = queue.shift(); for (const r of byId.get(id).refs) reach(r.to, depth.get(id) + 1); } };
  for (const id of seeds) { reach(id, 0); if (!together) drain(); }
  drain();
  const cols = [];
  for (const o of g.objects) if (depth.has(o.id)) { (cols[depth.get(o.id)] ??= []).push(o); taken.add(o.id); }
  return cols.map(c => c ?? []);
}

/**
 * Two bands: what the names reach (and, in a student's drawing, objects nobody reaches); below it
 * what is alive though nothing outside it reaches it (g.unreachable: a leaked cycle), with what it holds.
 */
function bands(g, frames) {
  const taken = new Set();
  const named = columns(g, frames.flatMap(f => Object.values(f.names)), taken);
  const leaked = columns(g, g.unreachable ?? [], taken);
  const rest = columns(g, g.objects.map(o => o.id), taken, false);
  rest.forEach((c, i) => { named[i] = [...(named[i] ?? []), ...c]; });
  return [named, leaked];
}

function boxOf(o, counts) {
  const lines = [o.type + (counts ? '  ' + countText(o) : ''), ...(o.value != null ? [short(String(o.value))] : []), ...o.refs.map(r => short(r.label, 20))];
  const w = Math.max(72, Math.max(...lines.map(l => l.length)) * CH + 2 * PAD + 10);
  const h = ROW * (1 + (o.value != null ? 1 : 0) + o.refs.length) + PAD;
  return { o, w, h };
}

/**
 * Returns an <svg> of graph g. opts.title names it; opts.marks maps object id -> 'new' | 'changed'
 * to highlight what a step did; opts.counts false leaves out reference counts (a student's drawing has none);
 * opts.ports marks each arrow's start (data-port "name:N" or "ref:OBJECT:INDEX") for the editor to drag from,
 * and then a name or reference whose target is null is drawn with its port and no arrow.
 */
export function renderHeap(g, opts = {}) {
  const frames = framesOf(g);
  const marks = opts.marks ?? new Map();
  const counts = opts.counts ?? true;
  const svg = el('svg', { class: 'heap', role: 'img', xmlns: NS });
  const uid = 'h' + Math.random().toString(36).slice(2, 8);
  svg.setAttribute('aria-labelledby', `${uid}-t ${uid}-d`);
  svg.append(el('title', { id: `${uid}-t` }, opts.title ?? 'Heap diagram'), el('desc', { id: `${uid}-d` }, describeGraph(g, counts)));
  const defs = el('defs');
  const marker = el('marker', { id: `${uid}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }));
  defs.append(marker);
  svg.append(defs);
  const edges = el('g', { class: 'edges' });
  const boxes = el('g', { class: 'boxes' });

  const ports = [];   // [x, y, targetId, label]
  let y = 0;
  const labels = frames.map((f, i) => frameLabel(f, i, frames.length));
  const frameW = Math.max(110, ...frames.flatMap((f, i) => [labels[i].length, ...Object.keys(f.names).map(n => n.length + 2)]).map(n => n * CH + 2 * PAD + 10));
  for (const [i, f] of frames.entries()) {
    const names = Object.entries(f.names);
    const h = ROW * (1 + names.length) + PAD;
    const fg = el('g', { class: 'frame' });
    fg.append(el('title', {}, `frame ${labels[i]}`));
    fg.append(el('rect', { x: 0, y, width: frameW, height: h, rx: 4 }));
    fg.append(el('text', { x: PAD, y: y + ROW - 5, class: 'frame-name' }, labels[i]));
    names.forEach(([n, id], i) => {
      const ry = y + ROW * (i + 1);
      fg.append(el('text', { x: PAD, y: ry + ROW - 5, class: 'name' }, n));
      fg.append(el('circle', { cx: frameW - PAD, cy: ry + ROW / 2, r: opts.ports ? 6 : 3, class: 'port', 'data-port': opts.ports ? `name:${n}` : null }));
      ports.push([frameW - PAD, ry + ROW / 2, id, n]);
    });
    boxes.append(fg);
    y += h + GAP_Y;
  }
  if (!frames.length && !g.objects.length) {
    boxes.append(el('text', { x: 0, y: 16, class: 'note' }, 'Nothing to draw: no frames, no names, no objects.'));
    y += ROW + GAP_Y;
  }
  if (g.hiddenFrames) {
    boxes.append(el('text', { x: 0, y: y + 12, class: 'note' }, `… ${g.hiddenFrames} frames not shown`));
    y += ROW + GAP_Y;
  }
  let height = y;
  const placed = new Map();   // id -> {x, y, w, h}
  const [named, leaked] = bands(g, frames);
  const unreachable = new Set(g.unreachable ?? []);
  const place = (cols, top) => {
    let x = frameW + GAP_X, bottom = top;
    for (const col of cols) {
      const sized = col.map(o => boxOf(o, counts));
      const w = Math.max(0, ...sized.map(b => b.w));
      let free = top;
      for (const b of sized) {
        // Sit level with the first arrow that points here, when the column has room there.
        const from = ports.find(p => p[2] === b.o.id);
        const by = Math.max(free, from ? from[1] - ROW / 2 : 0);
        placed.set(b.o.id, { x, y: by, w: b.w, h: b.h });
        drawObject(boxes, b, x, by, unreachable.has(b.o.id) ? 'unreachable' : marks.get(b.o.id), ports, counts, opts.ports);
        free = by + b.h + GAP_Y;
      }
      bottom = Math.max(bottom, free);
      x += w + GAP_X;
    }
    return { right: x, bottom };
  };
  const top = place(named, 0);
  let x = top.right;
  height = Math.max(height, top.bottom);
  if (leaked.length) {
    const captionY = height + GAP_Y;
    boxes.append(el('text', { x: 0, y: captionY + 12, class: 'leak-note' },
      'Alive, but no name reaches them: they hold each other (a leaked cycle) until the cycle collector frees them.'));
    const low = place(leaked, captionY + ROW + GAP_Y);
    x = Math.max(x, low.right, 760);
    height = low.bottom;
  }
  for (const [px, py, to, label] of ports) {
    const t = placed.get(to);
    if (!t) continue;
    edges.append(arrow(px, py, t, label, uid));
  }
  svg.append(edges, boxes);
  // Room on the right for arrows that curve round a box in the last column.
  const width = Math.max(x - GAP_X + 100, 200);
  svg.setAttribute('viewBox', `-4 -4 ${width + 8} ${Math.max(height, 40) + 8}`);
  svg.setAttribute('width', width + 8);
  svg.setAttribute('height', Math.max(height, 40) + 8);
  return svg;
}

function drawObject(parent, { o, w, h }, x, y, mark, ports, counts, draggable) {
  const g = el('g', { class: 'object' + (mark ? ' ' + mark : ''), 'data-id': o.id });
  const rc = !counts ? '' : o.refcount == null ? ', refcount not fixed by CPython' : ', refcount ' + o.refcount;
  g.append(el('title', {}, `#${o.id} ${o.type}${o.value != null ? ' ' + o.value : ''}${rc}${mark === 'unreachable' ? ', alive but reached by no name' : ''}`));
  g.append(el('rect', { x, y, width: w, height: h, rx: 4 }));
  g.append(el('text', { x: x + PAD, y: y + ROW - 5, class: 'type' }, o.type));
  if (counts) g.append(el('text', { x: x + w - PAD, y: y + ROW - 5, class: 'rc', 'text-anchor': 'end' }, countText(o)));
  let row = 1;
  if (o.value != null) g.append(el('text', { x: x + PAD, y: y + ROW * ++row - 5, class: 'value' }, short(String(o.value))));
  for (const [k, r] of o.refs.entries()) {
    const ry = y + ROW * row++;
    g.append(el('line', { x1: x, x2: x + w, y1: ry, y2: ry, class: 'sep' }));
    g.append(el('text', { x: x + PAD, y: ry + ROW - 5, class: 'label' }, short(r.label, 20)));
    g.append(el('circle', { cx: x + w - PAD, cy: ry + ROW / 2, r: draggable ? 6 : 3, class: 'port', 'data-port': draggable ? `ref:${o.id}:${k}` : null }));
    ports.push([x + w - PAD, ry + ROW / 2, r.to, r.label]);
  }
  parent.append(g);
}

/**
 * Forward arrows run to the target's left side; arrows within a column curve round to the target's
 * right side; arrows back to an earlier column (cycles) loop over the target's top.
 */
function arrow(px, py, t, label, uid) {
  let d;
  const ty = t.y + ROW / 2;
  if (t.x > px) {
    const dx = Math.max(30, (t.x - px) / 2);
    d = `M${px},${py} C${px + dx},${py} ${t.x - dx},${ty} ${t.x},${ty}`;
  } else if (t.x + t.w >= px) {
    const right = t.x + t.w, bulge = 36 + Math.min(60, Math.abs(ty - py) / 4);
    d = `M${px},${py} C${Math.max(px, right) + bulge},${py} ${right + bulge},${ty} ${right},${ty}`;
  } else {
    const tx = t.x + t.w / 2;
    d = `M${px},${py} C${px + 60},${py} ${tx + 40},${t.y - 40} ${tx},${t.y}`;
  }
  const p = el('path', { d, class: 'ref', 'marker-end': `url(#${uid}-arrow)` });
  p.append(el('title', {}, label));
  return p;
}
