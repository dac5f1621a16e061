// autocannon ships no types: only its call (a promise that can also be stopped early) is declared here; bench-api.ts names the result fields it relies on.
declare module 'autocannon' {
  const autocannon: (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<unknown> & { stop(): void };
  export default autocannon;
}
