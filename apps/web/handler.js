// The dashboard as a Node request handler, for `fixops start` (mounted next to the API on one
// port). The server it runs in serves plain HTTP itself and says so in X-Forwarded-Proto, so
// the page origin (form-post checks, cookies) is read from that header and Host, not assumed https.
process.env.FIXOPS_WEB_PROTOCOL_HEADER ??= 'x-forwarded-proto';
process.env.FIXOPS_WEB_HOST_HEADER ??= 'host';

/** @type {import('node:http').RequestListener} */
export const { handler } = await import('./build/handler.js');
