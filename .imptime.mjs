const c0 = process.cpuUsage(); const t0 = performance.now();
await import(process.argv[2]);
const c = process.cpuUsage(c0);
console.log(process.argv[2], 'wall', (performance.now()-t0).toFixed(0), 'cpu', ((c.user+c.system)/1000).toFixed(0), 'ms');
