// The exercise YAML editor of the preview page: a text area with its line numbers beside it, and the
// problems the server found, all at once, each at its line (marked in the numbers) and column (a
// click or Enter on the problem puts the cursor there).
import { h } from './page.js';
import { table } from './forms.js';

/** "FILE:LINE:COL: message" -> {file, line, col, text}; a line of another form keeps only its text. */
export function parseProblem(p) {
  const m = /^(.*?):(\d+):(\d+): (.*)$/s.exec(p);
  return m ? { file: m[1], line: Number(m[2]), col: Number(m[3]), text: m[4] } : { file: '', line: 0, col: 0, text: p };
}

/** id: the textarea's; initial: its text; problemsBox: where the problems go, placed by the caller. Returns {element, text(), setText(s), showProblems(list), clearProblems()}. */
export function yamlEditor(id, initial, problemsBox) {
  const area = h('textarea', { id, class: 'code-input', rows: 18, spellcheck: 'false', wrap: 'off', autocapitalize: 'off' });
  area.value = initial ?? '';
  const gutter = h('div', { class: 'gutter', 'aria-hidden': 'true' });
  let bad = new Map(); // line -> its problems' texts

  const numbers = () => {
    const count = area.value.split('\n').length;
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) => h('div', { class: bad.has(i + 1) ? 'bad' : null, title: bad.get(i + 1)?.join('\n') }, String(i + 1))));
    gutter.scrollTop = area.scrollTop;
  };
  area.addEventListener('input', numbers);
  area.addEventListener('scroll', () => { gutter.scrollTop = area.scrollTop; });

  /** Puts the cursor at line:col and scrolls it into view. */
  const goTo = (line, col) => {
    const lines = area.value.split('\n');
    let at = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) at += lines[i].length + 1;
    at += Math.max(0, Math.min(col - 1, (lines[line - 1] ?? '').length));
    area.focus();
    area.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const showProblems = (list, intro) => {
    const parsed = list.map(parseProblem).sort((a, b) => a.line - b.line || a.col - b.col); // in reading order
    bad = new Map();
    for (const p of parsed) if (p.line) bad.set(p.line, [...(bad.get(p.line) ?? []), p.text]);
    numbers();
    problemsBox.replaceChildren(h('p', { class: 'alert' }, intro ?? `${parsed.length} problem${parsed.length === 1 ? '' : 's'}; nothing was saved:`),
      table('Problems', ['File', 'Line:col', 'Problem'], parsed.map(p => [h('code', {}, p.file),
        p.line ? h('button', { type: 'button', class: 'link', onclick: () => goTo(p.line, p.col), 'aria-label': `go to line ${p.line}, column ${p.col}` }, `${p.line}:${p.col}`) : '',
        p.text])));
  };
  const clearProblems = () => { bad = new Map(); numbers(); problemsBox.replaceChildren(); };
  numbers();
  return {
    element: h('div', { class: 'editor' }, gutter, area),
    text: () => area.value,
    setText: s => { area.value = s; clearProblems(); },
    showProblems,
    clearProblems,
  };
}
