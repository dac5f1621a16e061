// The dashboard as a Node request handler, for `fixops start` (mounted next to the API on one
// port). The server it runs in serves plain HTTP itself and says so in X-Forwarded-Proto, so
// the page origin (form-post checks, cookies) is read from that header and Host, not assumed https.
// adapter-node reads these two from process.env itself; @fixops/config checks them and fills the defaults.
import { settingOrFail } from '@fixops/config';

process.env.FIXOPS_WEB_PROTOCOL_HEADER = settingOrFail('webProtocolHeader');
process.env.FIXOPS_WEB_HOST_HEADER = settingOrFail('webHostHeader');

/** @type {import('node:http').RequestListener} */
export const { handler } = await import('./build/handler.js');
