// SvelteKit: adapter-node, so the dashboard is a Node request handler (build/handler.js)
// that `fixops start` mounts next to the API on one port.
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true, envPrefix: 'FIXOPS_WEB_' }),
    // Form actions post from the same origin; the API has its own checks.
    csrf: { trustedOrigins: [] },
  },
};

export default config;
