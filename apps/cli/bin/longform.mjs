#!/usr/bin/env node
// A committed shim, so npm can link the `longform` command at install time, before the first build
// has produced dist/.
try {
  await import('../dist/bin.mjs');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/bin.mjs')) {
    process.stderr.write(
      'longform is not built yet: run `npm run build` (or `npm start -- <command>`) first\n',
    );
    process.exit(1);
  }
  throw error;
}
