// Preloaded with --import: reports the process's peak resident memory on exit, on fd 2 after a marker.
process.on('exit', () => process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
