import { OfflineLlmProvider } from '../index';
import { randomSpec } from '../testing/specs';
import { writeFileSync } from 'node:fs';

it('prints varied samples', () => {
  const p = new OfflineLlmProvider();
  let out = '';
  for (const i of [3, 8, 15, 42, 77, 123]) {
    const spec = randomSpec(i);
    const strategy = p.run('strategy.plan', { spec });
    const content = p.run('content.write', { spec, strategy });
    out += `\n\n########## ${JSON.stringify(spec)}\nSUMMARY: ${strategy.summary}\nINSIGHT: ${strategy.audienceInsight}\nPILLARS: ${JSON.stringify(strategy.pillars)}\nMSG: ${strategy.keyMessages.join(' | ')}\nKPIS: ${JSON.stringify(strategy.kpis)}\n`;
    for (const pl of strategy.plan.slice(0, 6)) out += `  ${pl.planId} ${pl.format} d${pl.day} [${pl.pillar}] ${pl.angle}\n`;
    for (const c of content.posts.slice(0, 5)) out += `==== ${c.planId} ${c.contentType} [${c.pillar}]\n${c.threadParts ? c.threadParts.join('\n---\n') : c.text}\n\n`;
  }
  writeFileSync('/tmp/sample2.txt', out);
});
