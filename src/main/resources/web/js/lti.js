// The end of an LTI launch: the server put a fresh token in the fragment (never sent to a server);
// keep it for this tab, drop it from the address bar and history, and go where the launch pointed.
import { session } from './api.js';

const p = new URLSearchParams(location.hash.slice(1));
const next = p.get('next') || 'assignments.html';
if (p.get('token')) {
  session.signIn(p.get('token'));
  sessionStorage.removeItem('refgrade.me');
  // Only pages of this site: a crafted link cannot send the token's holder elsewhere.
  location.replace(/^[a-z-]+\.html(\?[^#]*)?$/.test(next) ? next : 'assignments.html');
} else {
  document.getElementById('message').textContent = 'This page is where an LMS launch lands; open refgrade from your course in the LMS.';
}
