// Generates a plan of N mixed tasks (deterministic: a seeded generator), as JSON text.
// Usage as a module: generatePlanText(n); as a script: node bench/generate-plan.mjs N > plan.json

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function task(i, rnd) {
  const r = rnd();
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const amount = (max) => (Math.round(rnd() * max * 100) / 100).toString();
  const base = { id: `T${i}`, title: `任务${i}`, owners: { lead: [pick(['市发改委', '市财政局', '市林业局', '市商务局'])], support: ['市统计局'] } };
  if (rnd() < 0.03) base.flags = ['problem'];
  if (rnd() < 0.01) base.cancelled = { on: '2018-05-01', reason: '因政策调整' };
  if (r < 0.4) {
    const target = amount(500) || '1';
    return {
      ...base,
      target: { kind: 'cumulative', measure: '投资', unit: '亿元', value: target === '0' ? '1' : target },
      observations:
        rnd() < 0.1
          ? []
          : [
              { asOf: '2018-03-31', value: amount(200) },
              { asOf: '2018-06-30', value: amount(10000), unit: '万元' },
            ],
    };
  }
  if (r < 0.65) {
    return {
      ...base,
      target: { kind: 'rate', measure: '增长', unit: '%', value: amount(10), bound: pick(['atLeast', 'atMost']) },
      observations: [{ asOf: '2018-06-30', value: amount(12) }],
    };
  }
  if (r < 0.75) {
    return {
      ...base,
      target: { kind: 'level', measure: '企业数', unit: '家', value: '220', baseline: '160' },
      observations: [{ asOf: '2018-06-30', value: String(150 + Math.floor(rnd() * 80)) }],
    };
  }
  if (r < 0.9) {
    return {
      ...base,
      target: {
        kind: 'milestones',
        milestones: [
          { title: '立项', due: '2018-03-31', done: rnd() < 0.8 ? '2018-03-20' : null },
          { title: '开工', due: '2018-06-30', done: rnd() < 0.5 ? '2018-06-01' : null, weight: '2' },
          { title: '竣工', due: '2018-12-31', done: null },
        ],
      },
    };
  }
  return { ...base, target: { kind: 'binary', completedOn: rnd() < 0.4 ? '2018-05-20' : null }, deadline: pick(['2018-06-30', '2018-09-30', '2018-12-31']) };
}

export function generatePlan(n, seed = 42) {
  const rnd = random(seed);
  const tasks = [];
  for (let i = 0; i < n; i++) tasks.push(task(i, rnd));
  return { formatVersion: 1, id: `bench-${n}`, title: `基准测试计划 ${n} 项`, period: { start: '2018-01-01', end: '2018-12-31' }, asOf: '2018-06-30', tasks };
}

export function generatePlanText(n, seed = 42) {
  return JSON.stringify(generatePlan(n, seed));
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(generatePlanText(Number(process.argv[2] ?? 1000)));
