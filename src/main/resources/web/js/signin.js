// Sign-in: checks the token with GET /api/me, keeps it in this browser, and goes where the role belongs.
import { api, session } from './api.js';
import { failure, header, params, say } from './page.js';

header('index.html');
const form = document.getElementById('signin');
form.addEventListener('submit', async e => {
  e.preventDefault();
  session.signIn(form.token.value.trim());
  try {
    const me = await api('GET', '/api/me');
    session.remember(me);
    location.href = sameSite(params().next) || (me.role === 'student' ? 'assignments.html' : 'instructor.html');
  } catch (err) {
    session.signOut();
    say(document.getElementById('message'), err.status === 401 ? 'That token is not known to this server.' : failure('signing in', err), 'alert');
  }
});

/**
 * A page of this site to go on to, or null. `next` comes from the address bar, which anyone can
 * write a link to: only a page name with its query (what requireToken puts there) is followed, never
 * a scheme (`javascript:` would run with the token just typed), another host (`//evil`) or a path.
 */
function sameSite(next) {
  if (!next || !/^[a-z][a-z0-9-]*\.html(\?[^#]*)?$/i.test(next)) return null;
  const u = new URL(next, location.href);
  return u.origin === location.origin ? u.pathname.split('/').pop() + u.search : null;
}
