// node --import ./register.mjs: `import … from 'electron'` gets ./electron.mjs (ES modules only).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
