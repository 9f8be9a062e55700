// The admin's LTI 1.3 registrations: the platforms (LMSs) refgrade takes launches from, the tool's
// own URLs to copy into the LMS, and rotating the tool's signing key. docs/LTI.md explains each field.
import { api } from './api.js';
import { failure, h, header, requireToken, say } from './page.js';
import { form, table } from './forms.js';

header('lti-platforms.html');
requireToken();
const $ = id => document.getElementById(id);

async function show() {
  const platforms = await api('GET', '/api/lti/platforms');
  const origin = location.origin;
  $('content').replaceChildren(
    h('h2', {}, 'This tool, as the LMS needs it'),
    table('Tool URLs', ['Setting', 'Value'], [['OIDC login (initiation) URL', `${origin}/lti/login`],
      ['Redirect / launch URL', `${origin}/lti/launch`], ['Public keyset (JWKS) URL', `${origin}/lti/jwks`],
      ['Deep linking URL', `${origin}/lti/launch`]].map(([k, v]) => [k, h('code', {}, v)])),
    h('button', { type: 'button', class: 'secondary', onclick: rotate }, 'Rotate the signing key'),
    h('h2', {}, 'Registered platforms'),
    platforms.length ? table('Platforms', ['Id', 'Issuer', 'Client id', 'Deployments'],
      platforms.map(p => [p.id, p.issuer, p.clientId, p.deploymentIds.join(', ')])) : h('p', { class: 'muted' }, 'None yet.'),
    h('h2', {}, 'Register a platform'),
    form('Register a platform', [
      { name: 'id', label: 'Name', required: true, hint: 'letters, digits, - and _; e.g. canvas' },
      { name: 'issuer', label: 'Issuer (iss)', required: true, hint: 'e.g. https://canvas.instructure.com' },
      { name: 'clientId', label: 'Client id', required: true },
      { name: 'authLoginUrl', label: 'Authentication (OIDC auth) URL', required: true },
      { name: 'tokenUrl', label: 'Access token URL', required: true },
      { name: 'jwksUrl', label: 'Platform keyset (JWKS) URL', required: true },
      { name: 'deploymentIds', label: 'Deployment ids', required: true, hint: 'separated by commas' }],
    'Register', async v => {
      await api('POST', '/api/lti/platforms', { ...v, deploymentIds: v.deploymentIds.split(',').map(s => s.trim()).filter(Boolean) });
      say($('message'), `Platform ${v.id} registered.`);
      await show();
    }));
}

async function rotate() {
  const { kid } = await api('POST', '/api/lti/keys/rotate');
  say($('message'), `New signing key ${kid}; the previous one stays published for two days.`);
}

show().catch(err => say($('message'), err.status === 403 ? 'Only the admin instructor registers platforms.' : failure('loading the platforms', err), 'alert'));
