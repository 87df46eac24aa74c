/**
 * The Content-Security-Policy sent with every response of the `app://` protocol.
 *
 * Kept apart from `protocol.ts` (which imports `electron`) so that a plain Node/Vite config can
 * import it too, e.g. to serve the built renderer under the same policy in browser tests.
 *
 * - No 'unsafe-inline' and no 'unsafe-eval' for scripts: Vite's production build emits only
 *   external module scripts.
 * - style-src 'self' without 'unsafe-inline': React's `style={{…}}` prop writes through the
 *   CSSOM (`element.style.setProperty`), which CSP does not govern; only `<style>` elements and
 *   `style="…"` attributes in markup would need 'unsafe-inline', and Vite extracts CSS to files.
 * - img-src data: blob: for charts exported as PNG/SVG and previewed before saving.
 * - Nothing may embed the app, post a form, reset the base URL or load plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
