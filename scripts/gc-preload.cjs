// Preloaded into the server by bench-memory.mjs (BENCH_FORCE_GC): collect garbage every 200 ms, to
// tell memory the server still holds from memory V8 has simply not collected yet.
setInterval(() => global.gc && global.gc(), 200).unref();
