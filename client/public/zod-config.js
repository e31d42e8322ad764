// Zod compiles fast parsers with `new Function`, which our Content-Security-Policy forbids (no 'unsafe-eval').
// Its probe for eval is reported as a CSP violation even though it is caught, so we turn the JIT off before
// any schema module loads. This classic script, first in <head>, runs before the module entry.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
