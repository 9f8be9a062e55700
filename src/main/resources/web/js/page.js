// What every page shares: the header with its navigation, element building, and messages.
import { session } from './api.js';

/** h('p', {class: 'x'}, 'text', child) builds an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** Replaces el's children, skipping the null and false that conditional parts leave. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

export function header(current) {
  const links = [['index.html', 'Sign in'], ['assignments.html', 'Assignments'], ['instructor.html', 'Instructor'], ['playground.html', 'Playground']];
  // Each role sees its own pages: a student has no instructor page, an instructor no assignments of their own.
  const role = session.token() ? session.me()?.role : null;
  const hidden = { student: 'instructor.html', instructor: 'assignments.html' }[role];
  const nav = h('nav', { 'aria-label': 'Main' }, links
    .filter(([href]) => !(href === 'index.html' && session.token()) && href !== hidden)
    .map(([href, text]) => h('a', { href, 'aria-current': href === current ? 'page' : null }, text)));
  const out = session.token()
    ? h('button', { class: 'secondary', type: 'button', onclick: () => { session.signOut(); location.href = 'index.html'; } }, 'Sign out')
    : null;
  document.body.prepend(h('header', { class: 'top' }, h('a', { class: 'brand', href: 'index.html' }, 'refgrade'), nav, out));
}

/** Puts a message in an element that is a live region (role=status or alert), so it is announced; cls, when given, replaces its classes. */
export function say(el, text, cls) {
  el.textContent = text;
  if (cls !== undefined) el.className = cls;
}

/**
 * The one way every page reports a failure: "Error (what it was doing): what the server said", so an
 * error reads the same wherever it appears, and never as a bare detail or a page's own wording.
 */
export const failure = (doing, err) => `Error (${doing}): ${err?.message ?? err}${err?.field ? ` [${err.field}]` : ''}`;

/** The page's query parameters as an object. */
export const params = () => Object.fromEntries(new URLSearchParams(location.search));

/** Redirects to sign-in when there is no token; returns the token otherwise. */
export function requireToken() {
  const t = session.token();
  if (!t) location.href = 'index.html?next=' + encodeURIComponent(location.pathname.split('/').pop() + location.search);
  return t;
}

/** A due date as a person reads it, with how far away it is. */
export function dueText(due) {
  if (!due) return 'no due date';
  const d = new Date(due);
  const days = Math.floor((d - Date.now()) / 86_400_000);
  const when = d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${when} (${d < Date.now() ? 'past due' : days >= 2 ? `in ${days} days` : 'less than two days left'})`;
}

/** Points with at most two decimals. */
export const fmt = x => (Math.round(x * 100) / 100).toString();

/** Prompt text with `code` spans, built as nodes so no text is ever parsed as HTML. */
export function inline(text) {
  return String(text ?? '').split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

const RICH = new Set(['p', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'br', 'h4', 'blockquote', 'hr', 'span']);

/**
 * Markdown as the server sends it (server/Markdown.java): strings and {tag, children, href?, language?}.
 * Built node by node; a tag outside the list keeps only its text, a link only an http(s) or mailto address.
 */
export function rich(nodes, highlight) {
  return (nodes ?? []).map(n => {
    if (typeof n === 'string') return n;
    const kids = n.tag === 'pre' && highlight && /^py(thon)?3?$/i.test(n.language ?? 'python')
      ? [h('code', {}, highlight(String(n.children?.[0]?.children?.[0] ?? '').replace(/\n$/, '')))]
      : rich(n.children, highlight);
    if (!RICH.has(n.tag)) return h('span', {}, kids);
    const safe = n.tag === 'a' && /^(https?:|mailto:)/i.test(String(n.href ?? '').trim());
    if (n.tag === 'a' && !safe) return h('span', {}, kids);
    return h(n.tag, n.tag === 'a' ? { href: n.href, rel: 'noopener noreferrer' } : {}, kids);
  });
}
