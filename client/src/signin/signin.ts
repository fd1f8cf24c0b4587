/**
 * The sign-in page of a server with access control on, and the sign-out button once signed in. The
 * token is posted once; the server keeps it in an HttpOnly cookie, so this page never holds on to it.
 */
import type { SessionInfo } from '../../../common/api.js';
import { ApiRequestError, signIn, signOut } from '../api.js';
import { errorText } from '../app/toast.js';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** Puts the sign-in page in place of the explorer (once; later calls only update the message). */
export function showSignIn(message = ''): void {
  document.body.classList.add('signed-out');
  document.getElementById('graph')?.setAttribute('data-state', 'signin');
  const existing = document.getElementById('signin');
  if (existing) {
    if (message) existing.querySelector('[role="alert"]')!.textContent = message;
    return;
  }
  const input = element('input', { id: 'signin-token', type: 'password', name: 'token', autocomplete: 'off', required: true, spellcheck: false });
  const error = element('p', { className: 'signin-error' });
  error.setAttribute('role', 'alert');
  error.textContent = message;
  const button = element('button', { type: 'submit', textContent: 'Sign in' });
  const form = element('form', { className: 'signin-form' }, element('label', { htmlFor: 'signin-token', textContent: 'Access token' }), input, button, error);
  const page = element(
    'main',
    { id: 'signin', className: 'signin' },
    element('h1', { textContent: 'newsgraph' }),
    element('h2', { textContent: 'Sign in' }),
    element(
      'p',
      {},
      'This newsgraph needs an access token. Ask whoever runs it for one; on the server, ',
      element('code', { textContent: 'npx newsgraph tokens create --role reader' }),
      ' makes one.',
    ),
    form,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) return;
    button.disabled = true;
    error.textContent = '';
    signIn(token).then(
      // A fresh start loads the explorer with the new cookie, the view in the address included.
      () => location.reload(),
      (err: unknown) => {
        button.disabled = false;
        error.textContent = err instanceof ApiRequestError && err.status === 401 ? err.message : `Could not sign in: ${errorText(err)}`;
        input.select();
      },
    );
  });
  document.body.append(page);
  input.focus();
}

/** A "Sign out" button in the top bar when access control is on. */
export function mountSessionControls(session: SessionInfo, topbar: HTMLElement): void {
  if (!session.auth) return;
  const who = `${session.name ?? `token ${session.tokenId ?? ''}`.trim()} (${session.role})`;
  const button = element('button', { type: 'button', className: 'signout-button', textContent: 'Sign out', title: `Signed in as ${who}` });
  button.addEventListener('click', () => void signOut().then(() => location.reload()));
  topbar.append(button);
}
