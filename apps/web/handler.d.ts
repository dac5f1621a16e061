import type { IncomingMessage, ServerResponse } from 'node:http';

/** The dashboard as a Node request handler (adapter-node), for mounting next to the API. */
export declare const handler: (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;
