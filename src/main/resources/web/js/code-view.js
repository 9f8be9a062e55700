// A program listing: numbered lines, one line marked (the probe's, the current step's, a failure's),
// and optionally lines the student picks by clicking them or pressing Enter or Space.
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
      const b = h('button', { type: 'button', class: 'pick', 'aria-pressed': String(opts.pickable.has(n)), 'aria-label': `line ${n}: ${text.trim() || '(blank)'}` }, text || ' ');
      b.addEventListener('click', () => {
        if (opts.pickable.has(n)) opts.pickable.delete(n); else opts.pickable.add(n);
        b.setAttribute('aria-pressed', String(opts.pickable.has(n)));
        li.classList.toggle('picked', opts.pickable.has(n));
        opts.onchange?.();
      });
      li.classList.toggle('picked', opts.pickable.has(n));
      li.append(b);
    } else {
      li.append(text || ' ');
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
