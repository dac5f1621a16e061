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
    // The pages' content policy: scripts only our own files and SvelteKit's inline start-up
    // script (it adds a nonce, or a hash when prerendered); no plugins, no framing, forms
    // post here only. Styles allow inline: Svelte and layerchart render `style=` attributes
    // (chart sizes, positions), and the report page places the report's own <style>.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
