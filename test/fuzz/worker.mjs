// Starts a fuzz worker thread: tsx compiles the TypeScript sources in this thread too.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
