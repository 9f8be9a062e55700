// A program listing: numbered lines, Python highlighted, one line marked (the probe's, the current
// step's, a failure's), and optionally lines the student picks by clicking them or pressing Enter or Space.
import { h } from './page.js';

/**
 * opts.mark: {line, cls, tag} to highlight; opts.pickable: a Set of picked line numbers that clicks toggle;
 * opts.label: the list's accessible name.
 */
export function codeView(code, opts = {}) {
  const lines = code.replace(/\n$/, '').split('\n');
  const ol = h('ol', { class: 'code', 'aria-label': opts.label ?? 'Program' });
  lines.forEach((text, i) => {
    const n = i + 1;
    const li = h('li', { 'data-line': n });
    if (opts.pickable) {
      const b = h('button', { type: 'button', class: 'pick', 'aria-pressed': String(opts.pickable.has(n)), 'aria-label': `line ${n}: ${text.trim() || '(blank)'}` }, text ? highlight(text) : ' ');
      b.addEventListener('click', () => {
        if (opts.pickable.has(n)) opts.pickable.delete(n); else opts.pickable.add(n);
        b.setAttribute('aria-pressed', String(opts.pickable.has(n)));
        li.classList.toggle('picked', opts.pickable.has(n));
        opts.onchange?.();
      });
      li.classList.toggle('picked', opts.pickable.has(n));
      li.append(b);
    } else {
      // One element for the whole line: as separate flex items its tokens would lose the spaces between them.
      li.append(h('span', { class: 'src' }, text ? highlight(text) : ' '));
    }
    ol.append(li);
  });
  if (opts.mark) markLine(ol, opts.mark);
  return ol;
}

/** Moves the highlight of kind cls to line (0 removes it), with an optional visible tag. */
export function markLine(ol, { line, cls = 'current', tag }) {
  for (const li of ol.querySelectorAll('li.' + cls)) { li.classList.remove(cls); li.querySelector('.tag.' + cls)?.remove(); }
  const li = ol.querySelector(`li[data-line="${line}"]`);
  if (!li) return;
  li.classList.add(cls);
  if (tag) li.append(h('span', { class: 'tag ' + cls }, tag));
  li.scrollIntoView?.({ block: 'nearest' });
}

const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except finally for from'
  + ' global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '));
const BUILTINS = new Set('print id len list dict set tuple int str float bool type range hex sorted min max sum isinstance object super repr iter next'.split(' '));
// One line at a time: a comment, a string (with its prefix; an unclosed one runs to the line's end), a number, a name.
const TOKEN = /(#.*$)|([rRbBfFuU]{0,2}(?:"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?))|(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)|([A-Za-z_]\w*)/g;

/** A line of Python as text and spans classed tok-kw, tok-bi, tok-str, tok-num, tok-com; the text itself unchanged. */
export function highlight(line) {
  const out = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const cls = m[1] ? 'com' : m[2] ? 'str' : m[3] ? 'num' : KEYWORDS.has(m[4]) ? 'kw' : BUILTINS.has(m[4]) ? 'bi' : null;
    if (!cls) continue;
    if (m.index > last) out.push(line.slice(last, m.index));
    out.push(h('span', { class: 'tok-' + cls }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}
